"""A prefix's page read from an index of the page's own text gives the rows and snippets
the table of words gives them.

The reference is the table of words itself (``snippet()`` on ``readout_fts``, as a page of
any query was read before), on generated texts: English from the bench corpus, Japanese,
and texts of accented, full-width and mixed-script words written for these tests, in every
column, with sentences and long bodies so that where a snippet starts matters.
"""

from __future__ import annotations

import dataclasses
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from readout_desk.archive import Archive, search, sqlite_page_index
from readout_desk.archive import sqlite as sqlite_backend
from readout_desk.archive import sqlite_kept as kept
from readout_desk.archive.sqlite_search import FTS_TABLE, build_search, hit_rows_sql
from readout_desk.domain import jsonformat
from readout_desk.domain.query import parse_query
from readout_desk.domain.records import Readout, SummaryPoint

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import corpus  # noqa: E402
import corpus_ja  # noqa: E402

BOTH_BACKENDS = True

#: Words that fold to the same tokens only with the tokenizer's own rules (accents taken
#: off, two on one letter too, full widths made narrow by the index's text), and words
#: around them.
ACCENTED = ("énergie", "Énergies", "énergétique", "energía", "enérgico", "ENERGY", "energise",
            "ｅｎｅｒｇｙ", "Energiewende", "naïve", "Zoë", "Brontë-Okafor", "São", "Ærø",
            "Straße", "Łódź", "Çelik", "İlkay", "Ōtaki", "Nguyễn", "Việt", "Phượng", "エネルギー",
            "外相会談", "élan")
FILLER = ("harbour", "lantern", "orchard", "granite", "meadow", "copper", "willow", "treaty",
          "minister", "ministry", "ministers", "talks", "energy", "energetic", "grid")
QUERIES = ("energ*", "énerg*", "ENERG*", "ministr*", "minist*", "ener* grid", "energ* -copper",
           "title:energ*", "who:minist*", "zoe", "sao*", "Łódź", "ærø*", "straße",
           '"energy grid"', "treaty OR willow*", "ｅｎｅｒｇ*", "elan*", "energ* 外相", "nguyen",
           "viet*", "phuong")


def sentence(rng: random.Random, words: int) -> str:
    picked = [rng.choice(ACCENTED if rng.random() < 0.3 else FILLER) for _i in range(words)]
    return " ".join(picked).capitalize() + rng.choice((".", "!", "?", ";", " —", "…"))


def accented_readout(rng: random.Random, base: Readout) -> Readout:
    """A readout of the bench corpus with its texts replaced by generated ones."""
    body = " ".join(sentence(rng, rng.randint(3, 25)) for _i in range(rng.randint(1, 12)))
    return dataclasses.replace(
        base, title=sentence(rng, rng.randint(2, 8)), occasion=sentence(rng, 3),
        lead=body, notes=sentence(rng, rng.randint(0, 40)) if rng.random() < 0.5 else "",
        points=tuple(SummaryPoint(sentence(rng, rng.randint(4, 30)))
                     for _i in range(rng.randint(0, 4))))


@pytest.fixture
def filled(archive: Archive) -> Archive:
    rng = random.Random(7)
    english = [corpus.readout(i) for i in range(60)]
    japanese = [jsonformat.readout_from_dict(corpus_ja.japanese_readout(i)) for i in range(40)]
    accented = [accented_readout(rng, corpus.readout(100 + i)) for i in range(120)]
    archive.add_many(english + japanese + accented)
    archive.delete_many([3, 70, 150])
    return archive


def on_sqlite(archive: Archive) -> bool:
    return isinstance(archive.backend, sqlite_backend.SqliteBackend)


def _fetch(conn: Any, sql: str, params: Any) -> list[tuple[Any, ...]]:
    driver = conn.connection.driver_connection
    return sorted(tuple(r) for r in driver.execute(sql, params).fetchall())


def test_the_page_index_gives_the_table_of_words_rows_and_snippets(filled: Archive) -> None:
    if not on_sqlite(filled):
        pytest.skip("an index of a page's text is the SQLite backend's")
    compared = 0
    with filled._engine.connect() as conn:  # noqa: SLF001 - both readings side by side
        conn.begin()
        for query in QUERIES:
            built = build_search(parse_query(query), trash_present=True)
            ids = [int(r[0]) for r in conn.exec_driver_sql(
                f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?",
                (built.params["match"],))]
            assert ids, query  # every query finds something
            listed = ", ".join(map(str, ids))
            before = _fetch(conn, hit_rows_sql(built, listed, (min(ids), max(ids))),
                            built.driver_params)
            found = sorted(tuple(r) for r in sqlite_page_index.hit_rows(conn, built, ids))
            assert found == before, query
            compared += len(found)
    assert compared > 500


@pytest.fixture
def page_index_calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """How many rows each page read from its own text."""
    calls: list[int] = []
    reading = sqlite_page_index.hit_rows

    def counted(conn: Any, built: Any, ids: Any) -> list[Any]:
        calls.append(len(ids))
        return reading(conn, built, ids)

    monkeypatch.setattr(sqlite_page_index, "hit_rows", counted)
    yield calls


def pages(archive: Archive, monkeypatch: pytest.MonkeyPatch, many_from: int
          ) -> list[tuple[list[tuple[int, str]], int]]:
    """Two pages of each prefix query, ids with snippets and the total."""
    monkeypatch.setattr(search, "ONE_BY_ONE_FROM", many_from)
    found = []
    for query in QUERIES:
        for offset in (0, 20):
            archive._rankings.clear()  # noqa: SLF001 - each page read afresh
            page = archive.search(query, offset=offset, limit=20)
            found.append(([(h.id, h.snippet) for h in page.hits], page.total))
    return found


def test_a_prefix_page_is_the_same_read_either_way(filled: Archive,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   page_index_calls: list[int]) -> None:
    monkeypatch.setattr(search, "RANK_AHEAD", 30)
    monkeypatch.setattr(search, "TIE_MARGIN", 4)
    one_pass = pages(filled, monkeypatch, 10**9)
    assert not page_index_calls
    own_text = pages(filled, monkeypatch, 10)
    assert own_text == one_pass
    assert sum(len(hits) for hits, _total in own_text) > 300
    if on_sqlite(filled):
        assert len(page_index_calls) > 10
    else:  # a team archive reads a page's rows by id, its snippets from their text
        assert not page_index_calls


def test_a_kept_prefix_page_reads_its_own_text(archive_path: Path,
                                               monkeypatch: pytest.MonkeyPatch,
                                               page_index_calls: list[int]) -> None:
    monkeypatch.setattr(kept, "KEEP", 40)
    monkeypatch.setattr(kept, "KEEP_FROM_HITS", 45)
    monkeypatch.setattr(search, "RANK_AHEAD", 16)
    monkeypatch.setattr(search, "TIE_MARGIN", 4)
    monkeypatch.setattr(search, "ONE_BY_ONE_FROM", 40)
    answered = []
    answer = kept.answer

    def counted(*args: Any, **kwargs: Any) -> Any:
        answered.append(answer(*args, **kwargs))
        return answered[-1]

    monkeypatch.setattr(kept, "answer", counted)
    with Archive.open(archive_path) as archive:
        archive.add_many([corpus.readout(i) for i in range(150)])
        for _round in range(2):  # the first search keeps the ranking, the second reads it
            archive._rankings.clear()  # noqa: SLF001
            page = archive.search("minist*", limit=10)
        assert answered and answered[-1] is not None
        assert page_index_calls[-1] == 10
        monkeypatch.setattr(sqlite_page_index, "applies", lambda _s: False)
        archive._rankings.clear()  # noqa: SLF001
        again = archive.search("minist*", limit=10)
    assert [(h.id, h.snippet) for h in page.hits] == [(h.id, h.snippet) for h in again.hits]
    assert page.total == again.total


@pytest.fixture
def many_from_five(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page of more than five hits is one of "many", and rankings read 16 ahead."""
    monkeypatch.setattr(search, "ONE_BY_ONE_FROM", 5)
    monkeypatch.setattr(search, "RANK_AHEAD", 16)
    monkeypatch.setattr(search, "TIE_MARGIN", 4)


@pytest.mark.usefixtures("many_from_five")
def test_a_row_its_text_no_longer_finds_is_read_as_before(
        archive_path: Path, monkeypatch: pytest.MonkeyPatch, page_index_calls: list[int]) -> None:
    with Archive.open(archive_path) as archive:
        archive.add_many([dataclasses.replace(corpus.readout(i), title=f"Zephyrine talks {i}")
                          for i in range(30)])
        first = archive.search("zephyr*", limit=10)
        # Another program changed a readout's title behind the index's back.
        with archive._engine.begin() as conn:  # noqa: SLF001
            conn.exec_driver_sql("UPDATE readouts SET title = 'Harbour', lead = '', "
                                 "notes = '' WHERE id = ?", (first.ids[0],))
            conn.exec_driver_sql("DELETE FROM summary_points WHERE readout_id = ?",
                                 (first.ids[0],))
        archive._rankings.clear()  # noqa: SLF001
        page = archive.search("zephyr*", limit=10)
        monkeypatch.setattr(sqlite_page_index, "applies", lambda _s: False)
        archive._rankings.clear()  # noqa: SLF001
        before = archive.search("zephyr*", limit=10)
    assert page_index_calls
    assert list(page.ids) == list(first.ids)
    assert [(h.id, h.title, h.snippet) for h in page.hits] == [
        (h.id, h.title, h.snippet) for h in before.hits]


@pytest.mark.usefixtures("many_from_five")
def test_a_read_only_archive_reads_its_pages_from_their_own_text(
        archive_path: Path, page_index_calls: list[int]) -> None:
    with Archive.open(archive_path) as archive:
        archive.add_many([corpus.readout(i) for i in range(40)])
        written = archive.search("minist*", limit=10)
    before = archive_path.read_bytes()
    with Archive.open(archive_path, read_only=True) as archive:
        page = archive.search("minist*", limit=10)
    assert page_index_calls
    assert [(h.id, h.snippet) for h in page.hits] == [(h.id, h.snippet) for h in written.hits]
    assert archive_path.read_bytes() == before


def test_the_page_index_is_made_like_the_table_of_words(archive: Archive) -> None:
    if not on_sqlite(archive):
        pytest.skip("an index of a page's text is the SQLite backend's")
    archive.add_many([corpus.readout(0)])
    with archive._engine.connect() as conn:  # noqa: SLF001
        conn.begin()
        sqlite_page_index.hit_rows(conn, build_search(parse_query("minist*"),
                                                      trash_present=False), [1])
        made = [str(r[0]) for r in conn.exec_driver_sql(
            "SELECT sql FROM sqlite_temp_master WHERE name LIKE 'readout_page_fts%' "
            "AND sql LIKE 'CREATE VIRTUAL TABLE%'")]
    assert len(made) == 1
    assert "tokenize = 'unicode61 remove_diacritics 2'" in made[0]
    assert "prefix" not in made[0]


def test_only_a_prefix_on_the_table_of_words_is_read_from_its_own_text() -> None:
    many = build_search(parse_query("energ*"), trash_present=False)
    assert sqlite_page_index.applies(many)
    assert not sqlite_page_index.applies(build_search(parse_query("energy"),
                                                      trash_present=False))
    assert not sqlite_page_index.applies(build_search(parse_query("会"), trash_present=False))
    # A one-character run is a prefix of the table of runs; the words' MATCH has none.
    mixed = build_search(parse_query("minister 会"), trash_present=False)
    assert mixed.has_prefix and mixed.table == FTS_TABLE
    assert not sqlite_page_index.applies(mixed)


def test_a_kept_prefix_counts_its_hits_in_the_trash_in_their_own_text(
        archive_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kept, "KEEP", 40)
    monkeypatch.setattr(kept, "KEEP_FROM_HITS", 45)
    monkeypatch.setattr(search, "RANK_AHEAD", 16)
    monkeypatch.setattr(search, "TIE_MARGIN", 4)
    counted: list[int | None] = []
    count = kept.count

    def recorded(*args: Any) -> int | None:
        counted.append(count(*args))
        return counted[-1]

    monkeypatch.setattr(kept, "count", recorded)
    readouts = [dataclasses.replace(corpus.readout(i), title=f"Talks {i}", points=(),
                                    lead="Zephyrine talks." if i % 3 else "Harbour talks.",
                                    notes="") for i in range(120)]
    with Archive.open(archive_path) as archive:
        ids = archive.add_many(readouts)
        archive.search("zephyr*", limit=10)  # keeps the ranking (nothing in the trash)
        # Three in the trash that the prefix finds, two that it does not.
        archive.delete_many([ids[1], ids[2], ids[4], ids[0], ids[3]])
        with archive._engine.connect() as conn:  # noqa: SLF001 - the plain count
            expected = int(conn.exec_driver_sql(
                "SELECT count(*) FROM readout_fts WHERE readout_fts MATCH '\"zephyr\" *' "
                "AND rowid NOT IN (SELECT id FROM readouts WHERE deleted_at IS NOT NULL)"
            ).scalar() or 0)
        counted.clear()
        archive._rankings.clear()  # noqa: SLF001
        page = archive.search("zephyr*", limit=10)
    assert expected == 77  # 80 finding it, 3 of them in the trash
    assert page.total == expected
    assert counted == [expected]  # the kept count, none counted over every hit
