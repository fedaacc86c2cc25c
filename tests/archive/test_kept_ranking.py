"""A word in most readouts is ranked from its kept list, and the page is the full ranking's.

The reference is the plain joined query (every hit scored by ``bm25()`` with the archive's
weights, samples last, then the later meeting, then the higher id) and its count. The kept
path must give the same ids in the same order and the same total after any sequence of
writes, and must rank in full again when the bound no longer proves the page.
"""

from __future__ import annotations

import dataclasses
import random
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
from sqlalchemy import text

from readout_desk.archive import Archive, phrase_score, search
from readout_desk.archive import sqlite_kept as kept
from readout_desk.archive.sqlite_search import _WEIGHTS, FTS_TABLE, build_search, relevance
from readout_desk.domain.query import parse_query
from readout_desk.domain.records import Readout, SummaryPoint

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import corpus  # noqa: E402

QUERIES = ("minister", '"prime minister"', "minist*", "title:meeting")
FILLER = ("harbour", "lantern", "orchard", "granite", "meadow", "copper", "willow")


def reference(archive: Archive, query: str, offset: int, limit: int) -> tuple[list[int], int]:
    """The page and total by the plain joined query, every hit scored."""
    with archive._engine.connect() as conn:  # noqa: SLF001 - the reference needs raw SQL
        trash = bool(conn.exec_driver_sql(
            "SELECT EXISTS(SELECT 1 FROM readouts WHERE deleted_at IS NOT NULL)").scalar())
        built = build_search(parse_query(query), trash_present=trash)
        order = f"{relevance(built.table)}, r.meeting_date DESC, r.id DESC"
        ids = [int(r[0]) for r in conn.execute(
            text(f"SELECT r.id {built.from_where} ORDER BY {order} LIMIT :l OFFSET :o"),
            dict(built.params, l=limit, o=offset))]
        total = int(conn.execute(text(f"SELECT count(*) {built.from_where}"),
                                 built.params).scalar() or 0)
    return ids, total


@pytest.fixture
def small_lists(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, int]]:
    """Lists of 40 rows kept from 45 hits, and a count of what each path did."""
    monkeypatch.setattr(kept, "KEEP", 40)
    monkeypatch.setattr(kept, "SLACK", 10)
    monkeypatch.setattr(kept, "KEEP_FROM_HITS", 45)
    # Rankings read 16 rows ahead (and 4 past a page), so that a list of 40 can serve them.
    monkeypatch.setattr(search, "RANK_AHEAD", 16)
    monkeypatch.setattr(search, "TIE_MARGIN", 4)
    seen = {"kept": 0, "refused": 0, "filled": 0}
    answer, fill = kept.answer, kept._fill  # noqa: SLF001

    def counted_answer(*args: object, **kwargs: object) -> object:
        page = answer(*args, **kwargs)  # type: ignore[arg-type]
        seen["kept" if page is not None else "refused"] += 1
        return page

    def counted_fill(*args: object) -> object:
        made = fill(*args)  # type: ignore[arg-type]
        seen["filled"] += made is not None
        return made

    monkeypatch.setattr(kept, "answer", counted_answer)
    monkeypatch.setattr(kept, "_fill", counted_fill)
    yield seen


def text_of(rng: random.Random, words: int, word_share: float) -> str:
    return " ".join("minister" if rng.random() < word_share else rng.choice(FILLER)
                    for _i in range(words))


def edited(readout: Readout, rng: random.Random) -> Readout:
    """The readout with a lead of another length, the word in it more or less often."""
    lead = text_of(rng, rng.choice((3, 40, 400, 1500)), rng.choice((0.0, 0.02, 0.2)))
    return dataclasses.replace(readout, lead=lead)


def assert_same(archive: Archive, note: str, queries: Sequence[str] = QUERIES) -> None:
    for query in queries:
        for offset, limit in ((0, 10), (0, 25), (10, 10)):
            archive._rankings.clear()  # noqa: SLF001 - each page asks the kept path afresh
            page = archive.search(query, offset=offset, limit=limit)
            ids, total = reference(archive, query, offset, limit)
            assert (list(page.ids), page.total) == (ids, total), (note, query, offset)


@pytest.fixture
def filled(tmp_path: Path, small_lists: dict[str, int]) -> Iterator[Archive]:
    with Archive.open(tmp_path / "archive.sqlite3") as archive:
        archive.add_many([corpus.readout(i) for i in range(160)])
        assert_same(archive, "filled")
        yield archive


def test_every_hit_scores_as_sqlite_does(filled: Archive) -> None:
    with filled._engine.connect() as conn:  # noqa: SLF001
        rows, tokens = kept.totals(conn)
        sizes = kept.lengths(conn, list(range(1, 161)))
        assert (rows, tokens) == (160, sum(sizes.values()))
        for match in ('"minister"', '"prime minister"', '"minist" *', 'title : "meeting"',
                      '"peru"'):
            hits = conn.exec_driver_sql(
                f"SELECT rowid, bm25({FTS_TABLE}, {_WEIGHTS}) FROM {FTS_TABLE} "
                f"WHERE {FTS_TABLE} MATCH ?", (match,)).fetchall()
            sizes = kept.lengths(conn, [i for i, _s in hits])
            idf = phrase_score.idf(rows, len(hits))
            assert hits
            for readout_id, value in hits:
                weight = phrase_score.weight_of(value, sizes[readout_id], tokens / rows, idf)
                assert weight is not None, (match, readout_id)
                assert phrase_score.score(weight, sizes[readout_id], tokens / rows, idf) == value


def test_occurrences_counted_from_highlight_are_those_bm25_counts(
        filled: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    queries = ('"minister"', '"prime minister"', '"minist" *', 'title : "meeting"')
    with filled._engine.connect() as conn:  # noqa: SLF001
        rows, tokens = kept.totals(conn)
        found = {m: [int(r[0]) for r in conn.exec_driver_sql(
            f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?", (m,))] for m in queries}

        def weights(match: str, offset: int) -> dict[int, float | None]:
            ids = found[match][offset:offset + 30]
            return kept._weights(conn, match, ids, rows, tokens / rows,  # noqa: SLF001
                                 len(found[match]) - len(ids))

        marked = {(m, i): weights(m, i) for m in queries for i in range(0, len(found[m]), 30)}
        monkeypatch.setattr(kept, "FEW", 0)  # the same rows through bm25() inverted
        for (match, offset), counts in marked.items():
            assert kept.counted(match)
            assert None not in counts.values()
            assert counts == weights(match, offset), (match, offset)
    # A phrase that could overlap itself is counted through bm25() only.
    assert not kept.counted('"law and law"')
    assert not kept.counted('"café"')


def test_a_frequent_query_is_kept_and_answers_its_pages(filled: Archive,
                                                         small_lists: dict[str, int]) -> None:
    with filled._engine.connect() as conn:  # noqa: SLF001
        matches = {str(r[0]) for r in conn.exec_driver_sql("SELECT match FROM kept_rankings")}
    assert matches == {'"minister"', '"minist" *', 'title : "meeting"', '"prime minister"'}
    assert small_lists["kept"] > 0
    before = dict(small_lists)
    assert_same(filled, "again")
    assert small_lists["filled"] == before["filled"]  # every page from the kept lists


@pytest.mark.parametrize("few", [32, 0])  # occurrences from highlight(), from bm25()
def test_pages_stay_exact_through_random_writes(filled: Archive, small_lists: dict[str, int],
                                                monkeypatch: pytest.MonkeyPatch,
                                                few: int) -> None:
    stays_exact(filled, small_lists, monkeypatch, few, 7, lambda note: assert_same(filled, note))


def stays_exact(archive: Archive, seen: dict[str, int], monkeypatch: pytest.MonkeyPatch,
                few: int, seed: int, check: Callable[[str], None]) -> None:
    """Random writes (:func:`write_at_random`), ``check`` after each; the kept lists
    answered most of the searches (occurrences counted one by one up to ``few`` rows)."""
    monkeypatch.setattr(kept, "FEW", few)
    write_at_random(archive, random.Random(seed), corpus.readout, edited, (1, 3, 12), check)
    assert seen["kept"] > 3 * seen["filled"]


def write_at_random(archive: Archive, rng: random.Random, make: Callable[[int], Readout],
                    edit: Callable[[Readout, random.Random], Readout],
                    batches: Sequence[int], check: Callable[[str], None]) -> None:
    """40 random adds (batches of ``batches`` readouts, half of them edited), edits,
    purges, trashes and restores, ``check`` called after each."""
    next_new = 1000
    for step in range(40):
        live = archive.all_ids()
        trashed = sorted(set(archive.all_ids(include_trash=True)) - set(live))
        kind = rng.choice(("add", "add", "edit", "edit", "purge", "trash", "restore"))
        if kind == "add":
            batch = [edit(make(next_new + i), rng) if rng.random() < 0.5
                     else make(next_new + i) for i in range(rng.choice(batches))]
            next_new += len(batch)
            archive.add_many(batch)
        elif kind == "edit":
            for readout_id in rng.sample(live, 2):
                archive.update(edit(archive.get(readout_id), rng))
        elif kind == "purge":
            archive.purge(rng.sample(live, 2))
        elif kind == "trash":
            archive.delete_many(rng.sample(live, 3))
        elif trashed:
            archive.restore(rng.choice(trashed))
        check(f"step {step}: {kind}")


def test_a_write_that_moves_the_average_length_a_lot_ranks_in_full_again(
        filled: Archive, small_lists: dict[str, int]) -> None:
    rng = random.Random(3)
    # Long readouts that say the word often: far down the list now, since their length
    # weighs against them, but ahead once every readout is long.
    filled.add_many([dataclasses.replace(corpus.readout(2000 + i), lead=text_of(
        rng, 2500, 0.06)) for i in range(12)])
    assert_same(filled, "long readouts added")
    refused = small_lists["refused"]
    # Very long readouts without the word: the average length grows several times over.
    filled.add_many([dataclasses.replace(
        corpus.readout(3000 + i), title="Harbour report", lead=text_of(rng, 12_000, 0.0),
        points=(SummaryPoint("Granite and copper."),)) for i in range(30)])
    assert_same(filled, "average length moved")
    assert small_lists["refused"] > refused  # the bound failed and the query was ranked again


def test_an_import_lets_the_kept_rankings_go(filled: Archive, monkeypatch: pytest.MonkeyPatch,
                                             small_lists: dict[str, int]) -> None:
    monkeypatch.setattr(kept, "FORGET_FROM", 20)
    filled.add_many([corpus.readout(4000 + i) for i in range(10)])  # kept true
    with filled._engine.connect() as conn:  # noqa: SLF001
        assert conn.exec_driver_sql("SELECT count(*) FROM kept_rankings").scalar() == 4
    filled.add_many([corpus.readout(5000 + i) for i in range(21)])  # let go
    with filled._engine.connect() as conn:  # noqa: SLF001
        assert conn.exec_driver_sql("SELECT count(*) FROM kept_rankings").scalar() == 0
    filled.purge(filled.all_ids()[:5])
    filled_before = small_lists["filled"]
    assert_same(filled, "after an import")
    assert small_lists["filled"] == filled_before + 4  # each query kept again
    filled.purge(filled.all_ids()[:21])
    with filled._engine.connect() as conn:  # noqa: SLF001
        assert conn.exec_driver_sql("SELECT count(*) FROM kept_rankings").scalar() == 0
    assert_same(filled, "after many purged")


def test_samples_rank_after_the_users_own_readouts(filled: Archive,
                                                   small_lists: dict[str, int]) -> None:
    best = filled.search("minister", limit=30).ids
    for readout_id in best[:25:3]:
        filled.update(dataclasses.replace(filled.get(readout_id), is_sample=True))
    assert_same(filled, "samples")
    assert small_lists["kept"] > 0


def test_a_trash_larger_than_a_list_is_left_out_too(filled: Archive,
                                                   small_lists: dict[str, int]) -> None:
    live = filled.all_ids()
    filled.delete_many(live[::3])  # 54 readouts: more than the 40 a list keeps
    kept_before = small_lists["kept"]
    assert_same(filled, "a large trash")
    assert small_lists["kept"] > kept_before


def test_an_archive_opened_read_only_is_not_written(tmp_path: Path,
                                                    small_lists: dict[str, int]) -> None:
    path = tmp_path / "archive.sqlite3"
    with Archive.open(path) as archive:
        archive.add_many([corpus.readout(i) for i in range(120)])
    before = path.read_bytes()
    with Archive.open(path, read_only=True) as archive:
        assert_same(archive, "read-only")
    assert small_lists["filled"] == 0
    assert path.read_bytes() == before


def test_a_reading_connection_beside_a_writable_archive_keeps_rankings(
        tmp_path: Path, small_lists: dict[str, int]) -> None:
    """A window reads on read-only connections of its own beside its writable one: their
    searches keep their rankings (written from a connection of their own), and the next
    search, on any connection, is served from them."""
    path = tmp_path / "archive.sqlite3"
    with Archive.open(path) as archive:
        archive.add_many([corpus.readout(i) for i in range(120)])
        with Archive.open(path, read_only=True, write_caches=True) as reading:
            assert reading.read_only
            assert_same(reading, "reading beside")
            assert small_lists["filled"] > 0
        with archive._engine.connect() as conn:  # noqa: SLF001
            stored = {str(r[0]) for r in conn.exec_driver_sql(
                f"SELECT match FROM {kept.RANKINGS}")}
        assert '"minister"' in stored
        filled, served = small_lists["filled"], small_lists["kept"]
        assert_same(archive, "after")
        assert small_lists["filled"] == filled and small_lists["kept"] > served


def test_without_a_file_nothing_is_kept(small_lists: dict[str, int]) -> None:
    with Archive.open(None) as archive:
        archive.add_many([corpus.readout(i) for i in range(120)])
        assert_same(archive, "in memory")
    assert small_lists == {"kept": 0, "refused": 0, "filled": 0}


def test_a_rebuilt_index_forgets_the_kept_rankings(filled: Archive) -> None:
    filled.rebuild_index()
    with filled._engine.connect() as conn:  # noqa: SLF001
        assert conn.exec_driver_sql("SELECT count(*) FROM kept_rankings").scalar() == 0
    assert_same(filled, "rebuilt")
