"""A run of kanji and kana in most readouts is kept as a word is, and its pages stay exact.

A run is one phrase of the table of runs (its two-character pieces, or one character as a
prefix); that table keeps no text, so a save counts the run's occurrences in the pieces it
has just indexed. The reference is the plain joined query over that table, every hit
scored by ``bm25()`` (``test_kept_ranking.reference``).
"""

from __future__ import annotations

import dataclasses
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from readout_desk.archive import Archive, phrase_score, search
from readout_desk.archive import sqlite_kept as kept
from readout_desk.archive.backend import Proven
from readout_desk.archive.sqlite_kept import PAIR
from readout_desk.archive.sqlite_search import _WEIGHTS, CJK_TABLE, cjk_values
from readout_desk.domain import jsonformat
from readout_desk.domain.records import Readout
from tests.archive.test_kept_ranking import assert_same as same_pages
from tests.archive.test_kept_ranking import reference, small_lists, write_at_random

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import corpus  # noqa: E402
import corpus_ja  # noqa: E402

__all__ = ["small_lists"]  # the fixture, used here by name

#: A run (two pieces' phrase), a longer run, one character (a prefix), a run in one column;
#: then a word with runs, which narrow the word's kept ranking: held, not held, in one
#: column, as a prefix, two of them.
QUERIES = ("会談", "意見交換を行", "相", "title:会談",
           "会談 apec", "apec -会談", "title:会談 apec", "相 apec", "apec 会談 相")
FILLER = ("港湾", "灯台", "果樹園", "花崗岩", "草原", "銅山", "柳", "会", "談", "APEC")


def readout(index: int) -> Readout:
    """Four in five Japanese, the rest English (not in the table of runs at all)."""
    if index % 5 == 0:
        return corpus.readout(index)
    return jsonformat.readout_from_dict(corpus_ja.japanese_readout(index))


def text_of(rng: random.Random, pieces: int, share: float) -> str:
    """Japanese text: runs of filler and the run ``会談`` (sometimes twice in a row, so
    that a phrase can overlap itself), a comma now and then ending a run."""
    out = []
    for _i in range(pieces):
        roll = rng.random()
        out.append(("会談会談" if rng.random() < 0.2 else "会談") if roll < share
                   else "、" if roll < share + 0.1 else rng.choice(FILLER))
    return "".join(out)


def edited(readout_: Readout, rng: random.Random) -> Readout:
    lead = text_of(rng, rng.choice((2, 30, 300, 1200)), rng.choice((0.0, 0.03, 0.25)))
    return dataclasses.replace(readout_, lead=lead)


def assert_same(archive: Archive, note: str) -> None:
    same_pages(archive, note, QUERIES)


@pytest.fixture
def filled(tmp_path: Path, small_lists: dict[str, int]) -> Iterator[Archive]:
    with Archive.open(tmp_path / "archive.sqlite3") as archive:
        archive.add_many([readout(i) for i in range(200)])
        assert_same(archive, "filled")
        yield archive


def test_each_run_is_kept_and_answers_its_pages(filled: Archive,
                                                small_lists: dict[str, int]) -> None:
    with filled._engine.connect() as conn:  # noqa: SLF001
        every = {str(r[0]) for r in conn.exec_driver_sql("SELECT match FROM kept_rankings")}
    matches = {m for m in every if PAIR not in m}
    assert matches == {'"会談"', '"意見 見交 交換 換を を行"', '"相" *', 'title : "会談"',
                       '"apec"'}
    assert {m for m in matches if kept.table_of(m) == CJK_TABLE} == matches - {'"apec"'}
    # The word beside runs keeps its number of hits (and no list) once the word's list is.
    assert {f'"apec"{PAIR}+"会談"', f'"apec"{PAIR}-"会談"', f'"apec"{PAIR}+"相" *'} <= every
    before = dict(small_lists)
    assert_same(filled, "again")
    assert small_lists["filled"] == before["filled"]  # every page from the kept lists
    assert small_lists["kept"] > before["kept"]


def test_occurrences_counted_in_the_pieces_are_those_bm25_counts(filled: Archive) -> None:
    rng = random.Random(11)
    filled.add_many([edited(readout(300 + i), rng) for i in range(60)])
    queries = ('"会談"', '"会談 談会 会談"', '"意見 見交 交換 換を を行"', '"相" *', '"会" *',
               'title : "会談"', 'body : "会談 談会 会談"')
    with filled._engine.connect() as conn:  # noqa: SLF001
        rows, tokens = kept.totals(conn, CJK_TABLE)
        rows_read = conn.exec_driver_sql(
            "SELECT id, title, section, people, place, occasion, topics, kinds, countries, "
            "body, publisher, dated FROM readout_fts_text").fetchall()
        texts = {int(r[0]): [str(v or "") for v in r[1:-1]] for r in rows_read}
        # A row of the table of runs ends with the readout's date words (revision 0021).
        dated = {int(r[0]): len(str(r[-1] or "").split()) for r in rows_read}
        for match in queries:
            hits = conn.exec_driver_sql(
                f"SELECT rowid, bm25({CJK_TABLE}, {_WEIGHTS}) FROM {CJK_TABLE} "
                f"WHERE {CJK_TABLE} MATCH ?", (match,)).fetchall()
            sizes = kept.lengths(conn, [i for i, _s in hits], CJK_TABLE)
            idf = phrase_score.idf(rows, len(hits))
            assert hits, match
            for readout_id, value in hits:
                pieces = cjk_values(texts[readout_id])
                assert pieces is not None
                assert sum(len(v.split()) for v in pieces) + dated[readout_id] == sizes[
                    readout_id]
                counted = kept.occurrences(match, pieces)
                assert counted == phrase_score.weight_of(value, sizes[readout_id],
                                                         tokens / rows, idf), (match, readout_id)
            # and the rows the index does not find have none
            missing = set(texts).difference(i for i, _s in hits)
            assert not any(kept.occurrences(match, cjk_values(texts[i]) or ("",) * 10)
                           for i in missing), match
    assert kept.occurrences('"会談" "外相"', ("",) * 10) is None


def test_pages_stay_exact_through_random_writes(filled: Archive,
                                                small_lists: dict[str, int]) -> None:
    write_at_random(filled, random.Random(5), readout, edited, (1, 3, 40),
                    lambda note: assert_same(filled, note))
    assert small_lists["kept"] > 3 * small_lists["filled"]


def test_a_doubt_about_a_count_ranks_in_full_again(filled: Archive,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # Pieces that are not what the index holds: every kept run is let go on the next
    # save that the index and the count disagree about, never kept wrong.
    monkeypatch.setattr(kept, "cjk_values", lambda values: ("会談 会談",) + ("",) * 9)
    target = filled.search("会談", limit=1).ids[0]
    filled.update(dataclasses.replace(filled.get(target), lead="草原の灯台"))
    with filled._engine.connect() as conn:  # noqa: SLF001
        left = {str(r[0]) for r in conn.exec_driver_sql("SELECT match FROM kept_rankings")}
    # The count says the readout holds the run in its title; the index, whichever it
    # says, does not hold those pieces: both lists go.
    assert not left & {'"会談"', 'title : "会談"'}
    monkeypatch.undo()
    assert_same(filled, "after a doubt")


def test_a_word_with_runs_is_answered_from_the_words_kept_ranking(
        filled: Archive, small_lists: dict[str, int]) -> None:
    for query in ("会談 apec", "apec -銅", "相 apec"):
        before = dict(small_lists)
        filled._rankings.clear()  # noqa: SLF001
        page = filled.search(query, limit=10)
        assert (list(page.ids), page.total) == reference(filled, query, 0, 10)
        assert small_lists["kept"] == before["kept"] + 1, query
        assert small_lists["filled"] == before["filled"], query


def test_the_count_of_a_word_with_runs_is_kept_and_stays_exact(
        filled: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    queries = ("会談 apec", "apec -会談", "相 apec")
    with filled._engine.connect() as conn:  # noqa: SLF001
        pairs = [int(r[0]) for r in conn.exec_driver_sql(
            f"SELECT id FROM kept_rankings WHERE instr(match, '{PAIR}')")]
        assert pairs and not conn.exec_driver_sql(
            "SELECT count(*) FROM kept_ranking_rows WHERE ranking_id IN "
            f"({', '.join(map(str, pairs))})").scalar()
    counted: list[str] = []

    def counting(_conn: object, _query: object, key: str) -> list[kept.Entry]:
        counted.append(key)
        return []

    monkeypatch.setattr(kept, "_count_pair", counting)
    rng = random.Random(3)

    def check(note: str) -> None:
        for query in queries:
            filled._rankings.clear()  # noqa: SLF001
            page = filled.search(query, limit=10)
            assert (list(page.ids), page.total) == reference(filled, query, 0, 10), (note, query)

    check("kept")
    target = filled.search("会談 apec", limit=1).ids[0]
    filled.update(dataclasses.replace(filled.get(target), lead="草原の灯台"))
    check("edited out")
    filled.add_many([dataclasses.replace(edited(readout(700 + i), rng), topics=("APEC",))
                     for i in range(3)])
    check("added")
    other = filled.search("apec -会談", limit=2).ids
    filled.delete(other[0])
    check("trashed")
    filled.purge([other[1]])
    check("purged")
    assert counted == []  # every count from the kept number


def test_a_list_that_proves_only_the_page_serves_it(filled: Archive, small_lists: dict[str, int],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # The ranking asks for a whole list's worth of rows ahead; the rows holding the run
    # are fewer, but they prove the page and the rows past it that ties need.
    monkeypatch.setattr(search, "RANK_AHEAD", kept.KEEP)
    for query in ("会談 apec", "相 apec"):
        filled._rankings.clear()  # noqa: SLF001
        before = dict(small_lists)
        page = filled.search(query, limit=10)
        assert (list(page.ids), page.total) == reference(filled, query, 0, 10)
        assert small_lists["kept"] == before["kept"] + 1, query
        assert small_lists["filled"] == before["filled"], query
        rankings = [value for key, (_token, value) in
                    filled._rankings._entries.items() if key[0] == "rank"]  # noqa: SLF001
        assert len(rankings) == 1
        ranked, more = rankings[0]
        assert isinstance(ranked, Proven) and more and 14 <= len(ranked) < kept.KEEP
        # The next page: from the same rows, or ranked again where they do not reach.
        page = filled.search(query, offset=10, limit=10)
        assert (list(page.ids), page.total) == reference(filled, query, 10, 10)


def test_a_capped_count_of_a_word_with_runs_counts_no_further_than_asked(
        filled: Archive) -> None:
    def pairs() -> set[str]:
        with filled._engine.connect() as conn:  # noqa: SLF001
            return {str(r[0]) for r in conn.exec_driver_sql(
                f"SELECT match FROM kept_rankings WHERE instr(match, '{PAIR}')")}

    with filled._engine.begin() as conn:  # noqa: SLF001
        conn.exec_driver_sql(f"DELETE FROM kept_rankings WHERE instr(match, '{PAIR}')")
    filled._rankings.clear()  # noqa: SLF001
    page = filled.search("会談 apec", limit=10, count_cap=5)
    assert page.total == 5 and pairs() == set()
    filled._rankings.clear()  # noqa: SLF001
    page = filled.search("会談 apec", limit=10)
    assert (list(page.ids), page.total) == reference(filled, "会談 apec", 0, 10)
    assert pairs() == {f'"apec"{PAIR}+"会談"'}


def test_a_count_of_a_word_with_runs_that_cannot_be_kept_still_answers_once(
        filled: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    with filled._engine.begin() as conn:  # noqa: SLF001
        conn.exec_driver_sql(f"DELETE FROM kept_rankings WHERE instr(match, '{PAIR}')")
    monkeypatch.setattr(kept, "_store", lambda *args: 0)  # another process is writing
    answered: list[int | None] = []
    count = kept.count

    def counting(*args: Any) -> int | None:
        answered.append(count(*args))
        return answered[-1]

    monkeypatch.setattr(kept, "count", counting)
    filled._rankings.clear()  # noqa: SLF001
    page = filled.search("会談 apec", limit=10)
    assert (list(page.ids), page.total) == reference(filled, "会談 apec", 0, 10)
    assert answered == [page.total]  # counted once, here: the backend counts no more
