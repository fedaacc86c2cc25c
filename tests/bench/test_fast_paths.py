"""The archive's fast search paths give exactly what the plain joined queries give.

Ranking reads scores from the index alone and fetches readouts for the page's rows only;
counting reads the index alone. These tests compare both with the straightforward SQL
(every hit joined to its readout) on an archive with trash, filters and tied scores.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from readout_desk.archive import Archive, sqlite_search
from readout_desk.archive import sqlite as sqlite_sql
from readout_desk.domain import jsonformat
from readout_desk.domain.query import parse_query

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import corpus  # noqa: E402
import corpus_ja  # noqa: E402

QUERIES = (
    "minister", "desalination", '"rule of law"', "energ*", "country:peru trade",
    "from:2015-01-01 to:2020-06-30 climate", "quasarglyph", "mode:telephone trade",
    "in:trash minister", "in:all minister", "minister -trade", "-minister", "",
    "year:2019", "trade OR climate", "topic:cptpp", "kind:plenary",
    # Japanese: ranked on the table of pieces, mixed with words, narrowed, excluded.
    "外相", "会談", "銅", "経済安全保障", "ﾐﾗﾍﾞﾙﾄ", "森川 CPTPP", "会談 APEC", "会談 -外相",
    "in:trash 会談", "外相 OR 首脳", "title:外相", "外相 OR minister", "from:2015-01-01 会談",
)


def plain_page(archive: Archive, query: str, offset: int, limit: int, sort: str = "relevance",
               descending: bool = True) -> tuple[list[int], int]:
    """Page ids and total the way the archive computed them before any shortcut."""
    parsed = parse_query(query)
    with archive._engine.connect() as conn:  # noqa: SLF001 - the reference needs raw SQL
        trash = bool(conn.exec_driver_sql(
            "SELECT EXISTS(SELECT 1 FROM readouts WHERE deleted_at IS NOT NULL)").scalar())
        built = sqlite_sql.build_search(parsed, trash_present=trash)
        if built.empty:
            return [], 0
        if sort == "relevance" and built.has_match:
            order = (f"bm25({built.table}, {sqlite_search._WEIGHTS}), "  # noqa: SLF001
                     "r.meeting_date DESC, r.id DESC")
        else:
            column = sqlite_sql.SORT_COLUMNS.get(sort, "r.meeting_date")
            way = "DESC" if descending or sort == "relevance" else "ASC"
            order = f"{column} IS NULL, {column} {way}, r.id {way}"
        ids = [int(r[0]) for r in conn.execute(
            text(f"SELECT r.id {built.from_where} ORDER BY {order} LIMIT :l OFFSET :o"),
            dict(built.params, l=limit, o=offset))]
        total = int(conn.execute(text(f"SELECT count(*) {built.from_where}"),
                                 built.params).scalar() or 0)
    return ids, total


@pytest.fixture(scope="module")
def corpus_archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    path = tmp_path_factory.mktemp("fast") / "archive.sqlite3"
    archive = Archive.open(path)
    readouts = [jsonformat.readout_from_dict(d) for d in corpus.iter_readouts(600)]
    # Identical copies score identically: ties that cross page boundaries.
    twin = dataclasses.replace(readouts[0], title="Twin readout", points=())
    twins = [dataclasses.replace(twin, meeting_date=twin.meeting_date.replace(day=1 + i % 28))
             if twin.meeting_date else twin for i in range(150)]
    twins.append(dataclasses.replace(twin, meeting_date=None,
                                     published_date=twin.published_date))
    japanese = [jsonformat.readout_from_dict(corpus_ja.japanese_readout(i)) for i in range(200)]
    archive.add_many(readouts + twins + japanese)
    archive.delete_many([*range(1, 600, 9), *range(760, 951, 7)])
    return archive


@pytest.mark.parametrize("query", QUERIES)
def test_pages_and_totals_match_the_plain_queries(corpus_archive: Archive, query: str) -> None:
    for offset in (0, 100):
        ids, total = plain_page(corpus_archive, query, offset, 100)
        page = corpus_archive.search(query, offset=offset, limit=100)
        assert list(page.ids) == ids, (query, offset)
        assert page.total == total, query


@pytest.mark.parametrize("query", ["minister", "country:peru", ""])
@pytest.mark.parametrize("sort", ["date", "title", "duration"])
@pytest.mark.parametrize("descending", [True, False])
def test_sorted_pages_match_the_plain_queries(corpus_archive: Archive, query: str, sort: str,
                                              descending: bool) -> None:
    ids, _total = plain_page(corpus_archive, query, 0, 100, sort, descending)
    assert list(corpus_archive.search(query, limit=100, sort=sort,
                                      descending=descending).ids) == ids


def test_tied_scores_keep_the_date_then_id_order_across_pages(corpus_archive: Archive) -> None:
    query = '"Twin readout"'
    seen: list[int] = []
    for offset in range(0, 160, 7):  # page edges fall inside the run of ties
        ids, total = plain_page(corpus_archive, query, offset, 7)
        page = corpus_archive.search(query, offset=offset, limit=7)
        assert list(page.ids) == ids
        assert page.total == total == 151
        seen += ids
    assert len(seen) == len(set(seen)) == 151


def test_a_capped_count_stops_at_the_cap(corpus_archive: Archive) -> None:
    full = corpus_archive.search("minister", limit=10)
    capped = corpus_archive.search("minister", limit=10, count_cap=50)
    assert full.total > 50
    assert capped.total == 50
    assert capped.ids == full.ids


def test_next_pages_reuse_the_ranking_and_stay_exact(corpus_archive: Archive) -> None:
    corpus_archive._rankings.clear()  # noqa: SLF001 - start from a cold cache
    for offset in (0, 100, 200, 300, 900, 1000):
        ids, total = plain_page(corpus_archive, "minister", offset, 100)
        page = corpus_archive.search("minister", offset=offset, limit=100)
        assert list(page.ids) == ids, offset
        assert page.total == total


def test_a_write_forgets_the_rankings(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite3"
    items = [jsonformat.readout_from_dict(d) for d in corpus.iter_readouts(150)]
    with Archive.open(path) as archive, Archive.open(path) as other:
        archive.add_many(items[:100])
        before = archive.search("minister", limit=10)
        # A write through the same archive.
        archive.delete(before.ids[0])
        after = archive.search("minister", limit=10)
        assert before.ids[0] not in after.ids
        assert after.total == before.total - 1
        # A write through another connection to the same file.
        new_ids = other.add_many(
            [dataclasses.replace(r, title=f"Minister minister {r.title}") for r in items[100:]])
        again = archive.search("minister", limit=10)
        assert again.total == after.total + len(new_ids)
        assert list(again.ids) == plain_page(archive, "minister", 0, 10)[0]


@pytest.mark.parametrize("one_by_one_from", [10, 10**9])
@pytest.mark.parametrize("query", ["minister", '"rule of law"', "energ*", "minister -trade"])
def test_both_ways_of_fetching_a_page_agree(corpus_archive: Archive, query: str,
                                            one_by_one_from: int,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from readout_desk.archive import search

    monkeypatch.setattr(search, "ONE_BY_ONE_FROM", one_by_one_from)
    monkeypatch.setattr(search, "RANK_AHEAD", 150)
    corpus_archive._rankings.clear()  # noqa: SLF001 - each setting ranks afresh
    for offset in (0, 100):
        ids, total = plain_page(corpus_archive, query, offset, 100)
        page = corpus_archive.search(query, offset=offset, limit=100)
        assert list(page.ids) == ids
        assert page.total == total
        assert all(hit.snippet for hit in page.hits)


def _page_passes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int] | None]:
    """The id bounds of each statement that reads a page's rows through the table of words
    from now on: ``None`` where the ids are looked up one by one."""
    passes: list[tuple[int, int] | None] = []
    real = sqlite_sql.hit_rows_sql  # type: ignore[attr-defined]

    def spy(search_: object, listed: str, bounds: tuple[int, int] | None) -> str:
        passes.append(bounds)
        return real(search_, listed, bounds)  # type: ignore[arg-type]

    monkeypatch.setattr(sqlite_sql, "hit_rows_sql", spy)
    return passes


@pytest.mark.parametrize("query", ["from:2015-01-01 to:2016-12-31 minister",
                                   "mode:telephone minister", "from:2015-01-01 climate",
                                   "会談 APEC"])
def test_a_filtered_page_of_a_frequent_word_is_read_id_by_id(
        corpus_archive: Archive, query: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A pass over the matches walks every match of the words, the filtered-out ones too
    (and those without the runs beside them): with more of them than the threshold the
    page is read id by id, even when the hits that pass the filter are few (all of them
    ranked at once), and it is the same page."""
    from readout_desk.archive import search

    # More hits than the filtered ones: the page is read in one statement below this.
    monkeypatch.setattr(search, "ONE_BY_ONE_FROM", corpus_archive.search(query).total + 1)
    corpus_archive._rankings.clear()  # noqa: SLF001
    passes = _page_passes(monkeypatch)
    page = corpus_archive.search(query, limit=100)
    assert page.total < search.ONE_BY_ONE_FROM
    assert passes == [None]  # one statement, the ids looked up one by one
    assert (list(page.ids), page.total) == plain_page(corpus_archive, query, 0, 100)
    assert all(hit.snippet for hit in page.hits)


@pytest.fixture(scope="module")
def dated_archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    """An archive kept as its meetings happened: ids in the order of meeting dates."""
    path = tmp_path_factory.mktemp("dated") / "archive.sqlite3"
    archive = Archive.open(path)
    readouts = [jsonformat.readout_from_dict(d) for d in corpus.iter_readouts(600)]
    readouts.sort(key=lambda r: (r.meeting_date is None, r.meeting_date))
    archive.add_many(readouts)
    archive.delete_many(list(range(5, 600, 11)))
    return archive


DATED_QUERIES = ("from:2018-01-01 to:2018-12-31 minister", "from:2019-03-01 to:2020-06-30 climate",
                 "from:2016-01-01 to:2016-12-31 minister -trade", "from:2021-01-01 energ*",
                 "to:2015-12-31 minister", "in:trash from:2018-01-01 to:2019-12-31 minister",
                 "mode:telephone from:2017-01-01 to:2020-12-31 minister",
                 "from:1990-01-01 to:1990-12-31 minister")


def _bounds_taken(archive: Archive, query: str) -> str:
    """The WHERE on the table of words that a search of ``query`` walks."""
    with archive._engine.connect() as conn:  # noqa: SLF001
        built = sqlite_sql.build_search(parse_query(query), trash_present=True)
        return sqlite_sql._within_ids(conn, built).fts_where  # noqa: SLF001


@pytest.mark.parametrize("query", DATED_QUERIES)
def test_a_date_range_is_searched_between_its_readouts_ids(
        dated_archive: Archive, query: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """In an archive numbered by date a range's matches are read between the lowest and
    highest ids of its readouts, and the pages and counts are those of the plain query."""
    from readout_desk.archive import search

    monkeypatch.setattr(search, "ONE_BY_ONE_FROM", 10)
    monkeypatch.setattr(sqlite_sql, "ID_SPREAD_SAMPLE", 20)
    parsed = parse_query(query)
    with dated_archive._engine.connect() as conn:  # noqa: SLF001
        ids = [int(i) for (i,) in conn.exec_driver_sql(
            "SELECT id FROM readouts WHERE meeting_date BETWEEN ? AND ?",
            (str(parsed.date_from or "0001-01-01"), str(parsed.date_to or "9999-12-31")))]
    where = _bounds_taken(dated_archive, query)
    if ids:
        assert where.endswith(f"rowid BETWEEN {min(ids)} AND {max(ids)}")
        assert max(ids) - min(ids) < 600 // 2  # a stretch of the archive
    else:
        assert where.endswith("rowid BETWEEN 1 AND 0")
    dated_archive._rankings.clear()  # noqa: SLF001
    for offset in (0, 30):
        page = dated_archive.search(query, offset=offset, limit=30)
        assert (list(page.ids), page.total) == plain_page(dated_archive, query, offset, 30)
    total = plain_page(dated_archive, query, 0, 1)[1]
    dated_archive._rankings.clear()  # noqa: SLF001 - counted alone, not from a ranking
    assert dated_archive.search(query, limit=0).total == total
    assert dated_archive.search(query, limit=0, count_cap=5).total == min(total, 5)


def test_ids_spread_over_the_archive_or_a_range_too_long_are_not_bounded(
        corpus_archive: Archive, dated_archive: Archive,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from readout_desk.archive import search

    monkeypatch.setattr(search, "ONE_BY_ONE_FROM", 10)
    monkeypatch.setattr(sqlite_sql, "ID_SPREAD_SAMPLE", 20)
    query = "from:2018-01-01 to:2019-12-31 minister"
    assert "rowid BETWEEN" not in _bounds_taken(corpus_archive, query)  # numbered at random
    assert "rowid BETWEEN" in _bounds_taken(dated_archive, query)
    monkeypatch.setattr(sqlite_sql, "ID_SPREAD_LIMIT", 30)
    assert "rowid BETWEEN" not in _bounds_taken(dated_archive, query)
    monkeypatch.setattr(sqlite_sql, "ID_SPREAD_LIMIT", 100_000)
    monkeypatch.setattr(search, "ONE_BY_ONE_FROM", 10**6)  # words in few readouts
    assert "rowid BETWEEN" not in _bounds_taken(dated_archive, query)


def test_a_date_ranges_page_in_a_stretch_of_ids_is_read_in_one_pass(
        dated_archive: Archive, corpus_archive: Archive,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The pass over the matches goes from the page's first id to its last: in an archive
    numbered by date that is a stretch with few matches, so the page is read in one pass
    where the same search in an archive numbered at random reads it id by id."""
    from readout_desk.archive import search

    query = "from:2018-01-01 to:2018-12-31 minister"
    passes = _page_passes(monkeypatch)
    for archive, one_pass in ((dated_archive, True), (corpus_archive, False)):
        total = archive.search(query).total
        # Between the hits in the range and the word's matches from the first to the last.
        monkeypatch.setattr(search, "ONE_BY_ONE_FROM", total + 10)
        archive._rankings.clear()  # noqa: SLF001
        passes.clear()
        page = archive.search(query, limit=100)
        assert (passes[0] is not None) is one_pass
        assert (list(page.ids), page.total) == plain_page(archive, query, 0, 100)
