"""Several words a hit must all hold (``minister cooperation``) are kept as one query, and
their pages stay the full ranking's.

``bm25()`` adds each phrase's ``idf * g``, each phrase with its own ``idf``; a kept row
holds its occurrences of each phrase. The reference is the plain joined query, every hit
scored by ``bm25()`` (``test_kept_ranking.reference``), after any sequence of writes; and
no hit outside a list reaches its floor, one phrase's lists included (a list cut back
must raise its floor to the best row it lets go).
"""

from __future__ import annotations

import dataclasses
import random
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from readout_desk.archive import Archive, phrase_score
from readout_desk.archive import sqlite_kept as kept
from readout_desk.archive.sqlite_search import _WEIGHTS, FTS_TABLE
from readout_desk.domain.records import Readout, SummaryPoint
from tests.archive.test_kept_ranking import QUERIES as ONE_PHRASE
from tests.archive.test_kept_ranking import assert_same as same_pages
from tests.archive.test_kept_ranking import small_lists, stays_exact

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import corpus  # noqa: E402

__all__ = ["small_lists"]  # the fixture, used here by name

#: Two words, a word in a column beside another, a phrase beside a prefix, three words.
QUERIES = ("minister cooperation", "title:meeting minister", '"prime minister" minist*',
           "minister cooperation support")
MATCHES = ('"minister" AND "cooperation"', 'title : "meeting" AND "minister"',
           '"prime minister" AND "minist" *', '"minister" AND "cooperation" AND "support"')


def assert_same(archive: Archive, note: str) -> None:
    same_pages(archive, note, QUERIES)
    assert_counts(archive, note)
    assert_floors(archive, note)


def assert_floors(archive: Archive, note: str) -> None:
    """No hit outside a kept list reaches its floor (under the list's reference): what the
    bound rests on."""
    with archive._engine.connect() as conn:  # noqa: SLF001
        rows, tokens = kept.totals(conn)

        def told(match: str) -> dict[int, float | None]:
            hits = conn.exec_driver_sql(
                f"SELECT rowid, bm25({FTS_TABLE}, {_WEIGHTS}) FROM {FTS_TABLE} "
                f"WHERE {FTS_TABLE} MATCH ?", (match,)).fetchall()
            sizes = kept.lengths(conn, [int(i) for i, _s in hits])
            idf = phrase_score.idf(rows, len(hits))
            return {int(i): phrase_score.weight_of(float(v), sizes[int(i)], tokens / rows, idf)
                    for i, v in hits}

        for entry in kept._entries(conn):  # noqa: SLF001
            listed = {int(r[0]) for r in conn.exec_driver_sql(
                "SELECT readout_id FROM kept_ranking_rows WHERE ranking_id = ?", (entry.id,))}
            several = kept.phrases(entry.match) or (entry.match,)
            each = [told(phrase) for phrase in several]
            outside = set(told(entry.match)) - listed
            sizes = kept.lengths(conn, sorted(outside))
            for readout_id in outside:
                weights = tuple(w[readout_id] for w in each)
                assert None not in weights, (note, entry.match, readout_id)
                row = (readout_id, float(weights[0] or 0), sizes[readout_id],
                       tuple(float(w or 0) for w in weights) if len(several) > 1 else ())
                assert entry.reach(row) <= entry.floor * (1 + 1e-9), (note, entry.match,
                                                                    readout_id)


def assert_counts(archive: Archive, note: str) -> None:
    """Every kept query's number of hits, and each of its phrases', is the index's own."""
    with archive._engine.connect() as conn:  # noqa: SLF001
        def hits(match: str) -> int:
            return int(conn.exec_driver_sql(f"SELECT count(*) FROM {FTS_TABLE} WHERE "
                                            f"{FTS_TABLE} MATCH ?", (match,)).scalar() or 0)

        for match, total, each in conn.exec_driver_sql(
                "SELECT match, hits, phrase_hits FROM kept_rankings").fetchall():
            assert total == hits(match), (note, match)
            several = kept.phrases(match)
            assert several is not None, (note, match)
            assert each == " ".join(str(hits(p)) for p in several), (note, match)


@pytest.fixture
def filled(tmp_path: Path, small_lists: dict[str, int]) -> Iterator[Archive]:
    with Archive.open(tmp_path / "archive.sqlite3") as archive:
        archive.add_many([corpus.readout(i) for i in range(160)])
        assert_same(archive, "filled")
        yield archive


def test_the_phrases_of_a_query_all_of_which_a_hit_holds() -> None:
    assert kept.phrases('"minister" AND "cooperation"') == ('"minister"', '"cooperation"')
    assert kept.phrases('title : "meeting" AND "prime minister" AND "minist" *') == (
        'title : "meeting"', '"prime minister"', '"minist" *')
    assert kept.phrases('"say ""and"" AND it" AND "x"') == ('"say ""and"" AND it"', '"x"')
    for other in ('"minister"', '"minister" OR "cooperation"', '"a" AND "a"',
                  '("minister" AND "cooperation") NOT ("trade")', '"minister" AND',
                  '"a" AND "b" AND "c" AND "d" AND "e"', '"会談" AND "minister"'):
        assert kept.phrases(other) is None, other


def test_every_hit_scores_as_sqlite_does(filled: Archive) -> None:
    with filled._engine.connect() as conn:  # noqa: SLF001
        rows, tokens = kept.totals(conn)
        for match in MATCHES:
            several = kept.phrases(match)
            assert several is not None
            hits = conn.exec_driver_sql(
                f"SELECT rowid, bm25({FTS_TABLE}, {_WEIGHTS}) FROM {FTS_TABLE} "
                f"WHERE {FTS_TABLE} MATCH ?", (match,)).fetchall()
            ids = [int(i) for i, _s in hits]
            sizes = kept.lengths(conn, ids)
            idfs = tuple(phrase_score.idf(rows, int(conn.exec_driver_sql(
                f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?",
                (phrase,)).scalar() or 0)) for phrase in several)
            found = [kept._marked(conn, phrase, ids) for phrase in several]  # noqa: SLF001
            assert len(hits) >= 40
            for readout_id, value in hits:
                weights = tuple(f[readout_id] for f in found)
                assert phrase_score.scores(weights, sizes[readout_id], tokens / rows,
                                           idfs) == value, (match, readout_id)


def test_a_query_of_several_words_is_kept_and_answers_its_pages(
        filled: Archive, small_lists: dict[str, int]) -> None:
    with filled._engine.connect() as conn:  # noqa: SLF001
        matches = {str(r[0]) for r in conn.exec_driver_sql("SELECT match FROM kept_rankings")}
        hits = {str(m): str(h) for m, h in conn.exec_driver_sql(
            "SELECT match, phrase_hits FROM kept_rankings")}
    assert matches == set(MATCHES)
    assert hits['"minister" AND "cooperation"'] == "150 154"
    before = dict(small_lists)
    assert_same(filled, "again")
    assert small_lists["filled"] == before["filled"]  # every page from the kept lists
    assert small_lists["kept"] > before["kept"]


def test_occurrences_marked_where_a_score_cannot_be_inverted(
        tmp_path: Path, small_lists: dict[str, int], monkeypatch: pytest.MonkeyPatch) -> None:
    # A list is made from each phrase's bm25() inverted; where that is not exact, the
    # phrase's occurrences are marked with highlight() instead.
    monkeypatch.setattr(kept, "weight_of", lambda *_args: None)
    with Archive.open(tmp_path / "archive.sqlite3") as archive:
        archive.add_many([corpus.readout(i) for i in range(160)])
        assert_same(archive, "marked")
        with archive._engine.connect() as conn:  # noqa: SLF001
            matches = {str(r[0]) for r in conn.exec_driver_sql(
                "SELECT match FROM kept_rankings")}
    assert matches == set(MATCHES)


@pytest.mark.parametrize("few", [32, 0])  # occurrences from highlight(), from bm25()
def test_pages_stay_exact_through_random_writes(filled: Archive, small_lists: dict[str, int],
                                                monkeypatch: pytest.MonkeyPatch,
                                                few: int) -> None:
    stays_exact(filled, small_lists, monkeypatch, few, 11,
                lambda note: assert_same(filled, note))


def without_minister(index: int) -> Readout:
    """A readout of the usual length that says "cooperation" but never "minister"."""
    base = corpus.readout(index)
    rng = random.Random(index)
    filler = ("harbour", "lantern", "orchard", "granite", "meadow", "copper", "willow")
    return dataclasses.replace(
        base, title="Harbour talks", participants=(), place=None, occasion="", photos=(),
        lead=" ".join(
            "cooperation" if rng.random() < 0.1 else rng.choice(filler) for _i in range(60)),
        points=(SummaryPoint("Granite and copper cooperation."),))


def test_a_phrase_whose_idf_grows_ranks_in_full_again(filled: Archive,
                                                      small_lists: dict[str, int]) -> None:
    # "minister" drops from 150 of 160 readouts to under half: its idf, the same tiny
    # number as "cooperation"'s before, now outweighs it, and the order follows "minister".
    filled.add_many([without_minister(6000 + i) for i in range(150)])
    with filled._engine.connect() as conn:  # noqa: SLF001
        assert conn.exec_driver_sql(f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} "
                                    "MATCH 'minister'").scalar() == 150
        assert conn.exec_driver_sql("SELECT count(*) FROM kept_rankings").scalar() == 4
    refused = small_lists["refused"]
    assert_same(filled, "idf grown")
    assert small_lists["refused"] > refused


def test_a_write_that_moves_the_average_length_a_lot_ranks_in_full_again(
        filled: Archive, small_lists: dict[str, int]) -> None:
    rng = random.Random(3)
    # Long readouts that say both words often: far down the lists now, since their length
    # weighs against them, but ahead once every readout is long.
    words = ("minister", "cooperation", "support", "harbour", "lantern", "orchard")
    filled.add_many([dataclasses.replace(corpus.readout(2000 + i), lead=" ".join(
        rng.choice(words) for _i in range(2500))) for i in range(12)])
    assert_same(filled, "long readouts added")
    refused = small_lists["refused"]
    # Very long readouts without them: the average length grows several times over.
    filled.add_many([dataclasses.replace(
        without_minister(3000 + i), lead=" ".join(rng.choice(words[3:]) for _i in range(
            12_000)), points=(SummaryPoint("Granite and copper."),)) for i in range(30)])
    assert_same(filled, "average length moved")
    assert small_lists["refused"] > refused  # the bound failed and the query was ranked again


def short_readouts() -> list[Readout]:
    """Short readouts that say all the words: each joins every list."""
    words = "minister cooperation support meeting prime minister"
    return [dataclasses.replace(corpus.readout(7000 + i), title="Prime Minister meeting",
                                lead=" ".join([words] * (2 + i % 3))) for i in range(24)]


def assert_trimmed(archive: Archive) -> None:
    with archive._engine.connect() as conn:  # noqa: SLF001
        sizes = [int(n) for (n,) in conn.exec_driver_sql(
            "SELECT count(*) FROM kept_ranking_rows GROUP BY ranking_id")]
    assert sizes and max(sizes) <= 50


def test_a_list_grown_past_its_slack_raises_its_floor(filled: Archive,
                                                     small_lists: dict[str, int]) -> None:
    # The lists grow past 50 rows and are cut back to 40: the rows let go must stay
    # under the floor.
    short = short_readouts()
    for start in range(0, 24, 6):
        filled.add_many(short[start:start + 6])
        assert_same(filled, f"short readouts from {start}")
    assert_trimmed(filled)


def test_a_list_of_one_phrase_grown_past_its_slack_raises_its_floor(
        tmp_path: Path, small_lists: dict[str, int]) -> None:
    with Archive.open(tmp_path / "archive.sqlite3") as archive:
        archive.add_many([corpus.readout(i) for i in range(160)])
        short = short_readouts()
        for start in range(-6, 24, 6):
            if start >= 0:
                archive.add_many(short[start:start + 6])
            same_pages(archive, f"short readouts from {start}", ONE_PHRASE)
            assert_floors(archive, f"short readouts from {start}")
        assert_trimmed(archive)


def test_samples_and_the_trash(filled: Archive, small_lists: dict[str, int]) -> None:
    best = filled.search("minister cooperation", limit=30).ids
    for readout_id in best[:25:3]:
        filled.update(dataclasses.replace(filled.get(readout_id), is_sample=True))
    assert_same(filled, "samples")
    filled.delete_many(best[1:30:4])
    assert_same(filled, "a small trash")
    filled.delete_many(filled.all_ids()[::3])  # more than the 40 a list keeps
    kept_before = small_lists["kept"]
    assert_same(filled, "a large trash")
    assert small_lists["kept"] > kept_before
