"""A date range is asked of the table of words as date words, and finds what the filter finds.

Each readout of the table of words holds its meeting date as three one-character words
(``archive/sqlite_dates.py``); a range becomes the words that cover it. The references are
plain: each day of a window tested against the range, the view's SQL against the Python
that indexes a readout, and the plain joined query (the range as a condition on the
readouts, every hit scored) for pages and counts.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random
import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from readout_desk.archive import Archive, sqlite_dates
from readout_desk.archive import sqlite as sqlite_backend
from readout_desk.archive import sqlite_kept as kept
from readout_desk.archive.sqlite_dates import FIRST_YEAR, LAST_YEAR, date_words, range_words
from readout_desk.archive.sqlite_index import TEXT_VIEW, register_functions
from readout_desk.archive.sqlite_search import SqlSearch, build_search
from tests.archive.full_text import agrees_with_readouts, answers, to_revision
from tests.archive.test_kept_ranking import (  # noqa: F401 - small_lists is a fixture
    edited,
    reference,
    small_lists,
    write_at_random,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import corpus  # noqa: E402
import corpus_ja  # noqa: E402
from readout_desk.domain import jsonformat  # noqa: E402
from readout_desk.domain.query import parse_query  # noqa: E402
from readout_desk.domain.records import Readout  # noqa: E402

D = dt.date
#: The day whose word is the first of the second plane, and the days beside it.
PLANE_DAY = D(FIRST_YEAR, 1, 1) + dt.timedelta(0xFFFE - 300 - 3600)


def covered(words: list[str], day: dt.date) -> bool:
    return any(w in words for w in date_words(day).split())


def days(first: dt.date, last: dt.date) -> Iterator[dt.date]:
    while first <= last:
        yield first
        first += dt.timedelta(1)


@pytest.mark.parametrize(("first", "last", "count"), [
    (D(2020, 1, 1), D(2020, 6, 30), 6),
    (D(2020, 1, 1), D(2020, 12, 31), 1),
    (D(2018, 1, 1), D(2020, 12, 31), 3),
    (D(2020, 2, 29), D(2020, 2, 29), 1),
    (D(2019, 12, 31), D(2020, 1, 1), 2),
    (D(2019, 3, 15), D(2021, 8, 10), 17 + 9 + 1 + 7 + 10),
    (D(1900, 1, 1), D(1900, 1, 31), 1),
    (D(2199, 12, 1), D(2199, 12, 31), 1),
    (PLANE_DAY - dt.timedelta(2), PLANE_DAY + dt.timedelta(2), 5),
])
def test_a_range_s_words_cover_exactly_its_days(first: dt.date, last: dt.date,
                                                 count: int) -> None:
    words = range_words(first, last)
    assert words is not None and len(words) == count
    low, high = max(D(FIRST_YEAR, 1, 1), first - dt.timedelta(400)), min(
        D(LAST_YEAR, 12, 31), last + dt.timedelta(400))
    assert [d for d in days(low, high) if covered(words, d)] == list(days(first, last))


def test_random_ranges_are_covered_exactly_or_left_to_the_filter() -> None:
    rng = random.Random(20261201)
    answered = 0
    for _ in range(300):
        first = D(2015, 1, 1) + dt.timedelta(rng.randrange(3000))
        last = first + dt.timedelta(rng.choice([0, 1, 5, 30, 200, 800, 2500]))
        words = range_words(first, last)
        if words is None:  # too many words: the filter tests each match instead
            assert last - first > dt.timedelta(sqlite_dates.MOST_WORDS)
            continue
        answered += 1
        assert len(words) <= sqlite_dates.MOST_WORDS and len(set(words)) == len(words)
        window = days(first - dt.timedelta(40), last + dt.timedelta(40))
        assert all(covered(words, d) == (first <= d <= last) for d in window)
    assert answered > 200
    # Beyond the years that have words, and a range that ends before it starts.
    assert range_words(D(1899, 12, 31), D(1900, 1, 5)) is None
    assert range_words(D(2199, 12, 30), D(2200, 1, 1)) is None
    assert range_words(D(2020, 1, 2), D(2020, 1, 1)) == []
    # Every day of three centuries has its own three words, none another day's.
    everyday = [date_words(d) for d in days(D(FIRST_YEAR, 1, 1), D(LAST_YEAR, 12, 31))]
    assert len({w.split()[2] for w in everyday}) == len(everyday)
    assert date_words(D(1899, 12, 31)) == date_words(D(2200, 1, 1)) == date_words(None) == ""


def _dated(readout_dates: list[dt.date | None]) -> list:  # type: ignore[type-arg]
    return [dataclasses.replace(corpus.readout(i), meeting_date=day)
            for i, day in enumerate(readout_dates)]


def test_the_view_gives_the_words_a_readout_was_indexed_with(tmp_path: Path) -> None:
    edges = [D(1900, 1, 1), D(1899, 12, 31), D(2199, 12, 31), D(2000, 2, 29), D(1970, 1, 1),
             PLANE_DAY - dt.timedelta(1), PLANE_DAY, PLANE_DAY + dt.timedelta(1), None]
    rng = random.Random(5)
    edges += [D(1900, 1, 1) + dt.timedelta(rng.randrange(109_500)) for _ in range(60)]
    path = tmp_path / "archive.sqlite3"
    with Archive.open(path) as archive:
        ids = archive.add_many(_dated(edges))
    with sqlite3.connect(path) as conn:
        register_functions(conn)
        got = dict(conn.execute(f"SELECT id, dated FROM {TEXT_VIEW}").fetchall())
    assert got == {i: date_words(day) for i, day in zip(ids, edges, strict=True)}
    assert sum(1 for w in got.values() if w) == len(edges) - 2  # 1899 and no date
    assert agrees_with_readouts(path)  # the index holds what the view gives


QUERIES = ("minister", "climate", "minist*", "title:meeting", "minister -trade",
           "trade OR energy", '"prime minister"', "会談 APEC", "会談")
RANGES = (("2020-01-01", "2020-06-30"), ("2019-03-15", "2021-08-10"), (None, "2019-12-31"),
          ("2022-02-01", None), ("1899-12-31", "1900-01-01"), ("2020-02-29", "2020-02-29"),
          ("2018-01-01", "2023-12-31"), ("2021-07-01", "2021-06-30"), ("1890-01-01", None))


@pytest.fixture(scope="module")
def spread(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """600 readouts met from 2017 to 2024 (some on the days a range starts or ends), a
    third Japanese, some without a date or before 1900, some in the trash."""
    rng = random.Random(11)
    path = tmp_path_factory.mktemp("dates") / "archive.sqlite3"
    made = [jsonformat.readout_from_dict(corpus_ja.mixed(i, 1 / 3)) for i in range(600)]
    assert 150 < sum(corpus_ja.is_japanese(i, 1 / 3) for i in range(600)) < 250
    ends = [D(2020, 1, 1), D(2020, 6, 30), D(2020, 7, 1), D(2019, 12, 31), D(2020, 2, 29),
            D(1899, 12, 31), D(1900, 1, 1)]
    dates: list[dt.date | None] = [
        ends[i % len(ends)] if i % 9 == 0 else None if i % 50 == 7
        else D(2017, 1, 1) + dt.timedelta(rng.randrange(8 * 365)) for i in range(600)]
    with Archive.open(path) as archive:
        ids = archive.add_many([dataclasses.replace(r, meeting_date=d)
                                for r, d in zip(made, dates, strict=True)])
        for i in ids[::23]:
            archive.delete(i)
    return path


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The date words each search asked the table of words for."""
    seen: list[list[str]] = []
    original = sqlite_backend.with_date_words

    def spy(search: SqlSearch, words: list[str]) -> SqlSearch:
        seen.append(words)
        return original(search, words)

    monkeypatch.setattr(sqlite_backend, "with_date_words", spy)
    return seen


@pytest.mark.parametrize("words", QUERIES)
def test_pages_and_counts_are_the_date_filter_s(spread: Path, asked: list[list[str]],
                                               words: str) -> None:
    totals = []
    with Archive.open(spread) as archive:
        for first, last in RANGES:
            query = " ".join(x for x in (first and f"from:{first}", last and f"to:{last}",
                                         words) if x)
            totals.append(archive.search(query, limit=1).total)
            for trash in ("", " in:trash"):
                for offset in (0, 20):
                    page = archive.search(query + trash, limit=20, offset=offset)
                    assert (list(page.ids), page.total) == reference(
                        archive, query + trash, offset, 20), query + trash
    # Five ranges have words (in either table); the others start before 1900 (two open
    # ones reach the readout met in 1899) or end before they start.
    assert len({tuple(w) for w in asked}) == 5
    assert min(totals[:4]) > 0 and totals[7] == 0  # hits in the ranges, none in the empty


def test_a_readout_moved_to_another_day_moves_between_ranges(spread: Path,
                                                             tmp_path: Path) -> None:
    path = tmp_path / "moved.sqlite3"
    path.write_bytes(spread.read_bytes())
    with Archive.open(path) as archive:
        before = archive.search_ids("from:2016-01-01 to:2016-12-31 minister")
        moved = archive.get(archive.search_ids("from:2020-01-01 to:2020-06-30 minister")[0])
        archive.update(dataclasses.replace(moved, meeting_date=D(2016, 5, 4)))
        assert archive.search_ids("from:2016-01-01 to:2016-12-31 minister") == [
            *before, moved.id]
        assert moved.id not in archive.search_ids("from:2020-01-01 to:2020-06-30 minister")
        assert moved.id is not None
        archive.update(dataclasses.replace(archive.get(moved.id), meeting_date=None))
        assert moved.id not in archive.search_ids("from:2000-01-01 minister")
    assert agrees_with_readouts(path)


def test_a_pasted_date_character_is_no_part_of_a_query(spread: Path) -> None:
    """Pasted into a word or a phrase, a character of the date words is dropped (the
    query parser drops one alone), so it neither finds a date's readouts nor loses the
    word's."""
    year = date_words(D(2020, 3, 3)).split()[0]
    with Archive.open(spread) as archive:
        minister = archive.search_ids("minister")
        assert minister
        assert archive.search_ids(f"minister{year}") == minister
        assert archive.search_ids(f'"{year} minister"') == minister
        assert archive.search_ids(f'"{year}"') == archive.search_ids("")


def _columns(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [str(r[1]) for r in conn.execute("PRAGMA table_info(readout_fts)")]


def test_the_migration_adds_the_words_and_the_answers_stay(spread: Path,
                                                          tmp_path: Path) -> None:
    path = tmp_path / "before.sqlite3"
    path.write_bytes(spread.read_bytes())
    queries = [f"from:{a} to:{b} {w}" for a, b in RANGES[:3] if a and b
               for w in ("minister", "climate", "会談 APEC", "会談")] + ["minister", "会談"]
    sorts = (("relevance", True, 0), ("date", True, 0), ("relevance", True, 20))
    with Archive.open(spread) as archive:
        expected = answers(archive, queries, sorts, 20)
    to_revision(path, "0019", up=False)
    assert "dated" not in _columns(path) and agrees_with_readouts(path)
    with sqlite3.connect(path) as conn:  # a setting of the table is kept through both ways
        conn.execute("INSERT INTO readout_fts(readout_fts, rank) VALUES ('automerge', 6)")
    told: list[tuple[int, int]] = []
    with Archive.open(path, progress=lambda done, total: told.append((done, total))) as archive:
        assert answers(archive, queries, sorts, 20) == expected
        assert archive.integrity_problems() == []
    # 0020 told its progress over every readout, 0021 over those with Japanese text.
    japanese = sum(corpus_ja.is_japanese(i, 1 / 3) for i in range(600))
    assert told[:1] == [(0, 600)] and (600, 600) in told
    assert told[-1] == (japanese, japanese) and (0, japanese) in told
    assert _columns(path)[-1] == "dated" and agrees_with_readouts(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT v FROM readout_fts_config WHERE k = 'automerge'"
                            ).fetchone() == (6,)


WIDE = ("from:2017-06-01 minister", "from:2017-01-01 to:2023-12-31 minister",
        "to:2022-12-31 minist*", "from:2018-01-01 title:meeting",
        "from:2020-01-01 to:2020-06-30 minister", "from:2017-06-01 minister cooperation",
        "from:2017-06-01 会談", "to:2022-12-31 会談")


def _same_pages(archive: Archive, queries: tuple[str, ...],
                pages: tuple[tuple[int, int], ...], note: str) -> None:
    """Each query's pages (offset, limit) are the date filter's, each asked afresh."""
    for query in queries:
        for offset, limit in pages:
            archive._rankings.clear()  # noqa: SLF001 - each page asks afresh
            page = archive.search(query, offset=offset, limit=limit)
            assert (list(page.ids), page.total) == reference(
                archive, query, offset, limit), (note, query, offset)


def _moving(make: Callable[[int], Readout]) -> Callable[[Readout, random.Random], Readout]:
    """An edit that moves a readout to another meeting date half the time."""
    def moved(readout: Readout, edit_rng: random.Random) -> Readout:
        if edit_rng.random() < 0.5:
            return dataclasses.replace(readout, meeting_date=make(0).meeting_date)
        return edited(readout, edit_rng)
    return moved


def _met_on(i: int, day: dt.date) -> Readout:
    """The ``i``-th readout of a corpus a third Japanese, met on ``day``."""
    return dataclasses.replace(jsonformat.readout_from_dict(corpus_ja.mixed(i, 1 / 3)),
                               meeting_date=day)


def _with_dates(rng: random.Random) -> Callable[[int], Readout]:
    ends = [D(2017, 6, 1), D(2017, 5, 31), D(2018, 1, 1), D(2020, 1, 1), D(2020, 6, 30),
            D(2022, 12, 31), D(2023, 1, 1)]  # the ranges' first and last days, and beside

    def make(i: int) -> Readout:
        return _met_on(i, rng.choice(ends) if rng.random() < 0.2
                       else D(2017, 1, 1) + dt.timedelta(rng.randrange(8 * 365)))
    return make


@pytest.fixture(params=["by date", "by id"])
def narrowing(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """A kept list narrowed to a range either way: its ids tested in the date index, or
    each one's date looked up (whatever the range's size)."""
    monkeypatch.setattr(kept, "_DATES_PER_ROW", 10**9 if request.param == "by date" else 0)
    return str(request.param)


def test_a_list_is_narrowed_through_the_date_index_where_the_range_holds_few_readouts(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The date index is read for a range holding fewer than ``_DATES_PER_ROW`` readouts
    for each of the list's rows, each row's date looked up for a larger one; the rows
    left in are the same either way."""
    statements: list[str] = []
    rows = kept._rows  # noqa: SLF001

    def spy(conn: Any, sql: str, params: Any = ()) -> Any:
        statements.append(sql)
        return rows(conn, sql, params)

    monkeypatch.setattr(kept, "_rows", spy)
    monkeypatch.setattr(kept, "_DATES_PER_ROW", 1)  # 300 readouts: a year and eight years
    make = _with_dates(random.Random(3))
    with Archive.open(tmp_path / "archive.sqlite3") as archive:
        archive.add_many([make(i) for i in range(300)])
        with archive._engine.connect() as conn:  # noqa: SLF001
            met: dict[int, Any] = dict(conn.exec_driver_sql(
                "SELECT id, meeting_date FROM readouts").all())
            listed = [(i, 1.0, 10, ()) for i in sorted(met)[::3]]  # 100 rows
            for dates, by_date in ((("2020-01-01", "2020-12-31"), True),
                                   (("2017-01-01", "2024-12-31"), False)):
                in_range = sum(dates[0] <= str(d) <= dates[1] for d in met.values())
                assert (in_range < kept._DATES_PER_ROW * len(listed)) == by_date  # noqa: SLF001
                statements.clear()
                left = kept._narrowed(  # noqa: SLF001
                    conn, kept._Query('"minister"', False, dates=dates), listed)  # noqa: SLF001
                assert [k[0] for k in left] == [
                    i for i, *_r in listed if dates[0] <= str(met[i]) <= dates[1]]
                assert any("+id IN" in sql for sql in statements) == by_date, dates


def test_a_kept_list_narrowed_to_a_range_gives_the_range_s_page(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, narrowing: str,
        small_lists: dict[str, int]) -> None:  # noqa: F811 - the fixture
    """A range wide enough that the words' kept list holds the page: served from the list,
    the same page and count as the date filter's, through random writes (some of them
    moving readouts between dates); a narrow range is ranked in full."""
    rng = random.Random(8)
    make = _with_dates(rng)
    read: list[object] = []
    kept_rows = kept._kept_rows  # noqa: SLF001

    def counted_rows(*args: Any) -> Any:
        read.append(args)
        return kept_rows(*args)

    monkeypatch.setattr(kept, "_kept_rows", counted_rows)

    def check(note: str) -> None:
        _same_pages(archive, WIDE, ((0, 10), (0, 25), (10, 10)), note)

    with Archive.open(tmp_path / "archive.sqlite3") as archive:
        archive.add_many([make(i) for i in range(300)])
        for words in ("minister", "minist*", "title:meeting", "minister cooperation", "会談"):
            archive.search(words, limit=10)  # the words alone make their lists
        served, lists_read = small_lists["kept"], len(read)
        archive.search("from:2020-01-01 to:2020-06-30 minister", limit=10)
        # A narrow range: its hits ranked in full, no list read for it.
        assert small_lists["kept"] == served and len(read) == lists_read
        check("made")
        assert small_lists["kept"] > served
        served = small_lists["kept"]
        archive.search("from:2017-06-01 会談", limit=10)  # runs alone: their own list
        assert small_lists["kept"] == served + 1
        write_at_random(archive, rng, make, _moving(make), (1, 3, 12), check)


def test_a_wide_range_makes_the_words_list_and_a_narrow_one_does_not(
        tmp_path: Path, small_lists: dict[str, int]) -> None:  # noqa: F811 - the fixture
    make = _with_dates(random.Random(4))
    steps = (("from:2020-01-01 to:2020-06-30 minister", 0, 0),  # narrow: no list at all
             ("from:2017-06-01 minister", 1, 1),  # wide: the words' list made, then used
             ("from:2017-06-01 minister", 0, 1))  # again: from the list kept
    with Archive.open(tmp_path / "archive.sqlite3") as archive:
        archive.add_many([make(i) for i in range(300)])
        for query, made, used in steps:
            filled, served = small_lists["filled"], small_lists["kept"]
            archive._rankings.clear()  # noqa: SLF001 - each search asks afresh
            page = archive.search(query, limit=10)
            assert (list(page.ids), page.total) == reference(archive, query, 0, 10)
            assert (small_lists["filled"] - filled, small_lists["kept"] - served) == (
                made, used), query


#: Ranges within one year or two, too narrow for the words' own list.
IN_A_YEAR = ("from:2020-01-01 to:2020-06-30 minister", "from:2020-03-15 to:2020-11-30 minister",
             "from:2020-01-01 to:2020-12-31 minister cooperation",
             "from:2020-02-01 to:2020-09-30 title:meeting", "from:2020-01-01 to:2020-08-31 minist*",
             "from:2020-11-01 to:2021-02-28 minister", "from:2021-03-01 to:2021-09-30 minister")


def _mostly_in(years: tuple[int, int], rng: random.Random) -> Callable[[int], Readout]:
    """Readouts over ten years, half of them met in ``years`` (some on their first and
    last days and beside them)."""
    first, last = years
    edges = [D(first, 1, 1), D(last, 12, 31), D(first - 1, 12, 31), D(last + 1, 1, 1),
             D(first, 12, 31), D(last, 1, 1)]
    span = (D(last, 12, 31) - D(first, 1, 1)).days + 1

    def make(i: int) -> Readout:
        roll = rng.random()
        return _met_on(i, rng.choice(edges) if roll < 0.15
                       else D(first, 1, 1) + dt.timedelta(rng.randrange(span)) if roll < 0.5
                       else D(first - 4, 1, 1) + dt.timedelta(rng.randrange(10 * 365)))
    return make


def _year_lists_counted(archive: Archive, note: str) -> None:
    """Each year's list counts the hits of its query and of each of its phrases as the
    index does (some of the counts taken from the words' own lists when made), and its
    hits on each day of its year as the index finds them, each looked up by id."""
    with archive._engine.connect() as conn:  # noqa: SLF001
        def hits(match: str) -> int:
            return int(conn.exec_driver_sql("SELECT count(*) FROM readout_fts WHERE "
                                            "readout_fts MATCH ?", (match,)).scalar() or 0)

        def days(match: str) -> dict[str, int]:
            return {str(day): int(n) for day, n in conn.exec_driver_sql(
                "SELECT r.meeting_date, count(*) FROM readout_fts JOIN readouts r "
                "ON r.id = readout_fts.rowid WHERE readout_fts MATCH ? GROUP BY 1", (match,))}

        years = [e for e in kept._entries(conn) if " AND dated : " in e.match]  # noqa: SLF001
        assert years, note
        for entry in years:
            several = kept.phrases(entry.match)
            assert several is not None
            assert (entry.hits, entry.phrase_hits) == (
                hits(entry.match), tuple(hits(p) for p in several)), (note, entry.match)
            assert entry.days is not None
            assert json.loads(entry.days) == days(entry.match), (note, entry.match)


def test_a_range_within_a_year_or_two_is_ranked_from_the_words_lists_of_those_years(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, narrowing: str,
        small_lists: dict[str, int]) -> None:  # noqa: F811 - the fixture
    """A range too narrow for the words' own list, within one year or two, is ranked from
    the lists of the words in those years (each made by the first search that needs it,
    used by every range in its year, two ranked together): the same page and count as the
    date filter's, through random writes that also move readouts between years; a range
    over a year whose words are too few to keep, or over more years than are looked at,
    reads no list."""
    rng = random.Random(11)
    make = _mostly_in((2020, 2021), rng)
    read: list[int] = []
    kept_rows, answer_lists = kept._kept_rows, kept.answer_lists  # noqa: SLF001
    served: list[int] = []

    def counted_rows(db: Any, entry: kept.Entry) -> Any:
        read.append(entry.id)
        return kept_rows(db, entry)

    def counted_answer(conn: Any, lists: Any, *args: Any, **kwargs: Any) -> Any:
        page = answer_lists(conn, lists, *args, **kwargs)
        if page is not None:
            served.append(len(lists))
        return page

    monkeypatch.setattr(kept, "_kept_rows", counted_rows)
    monkeypatch.setattr(kept, "answer_lists", counted_answer)
    count_in_years = kept._count_in_years  # noqa: SLF001
    summed: list[bool] = []  # each range's count: summed from the lists' days or not

    def counted_in_years(*args: Any) -> int | None:
        total = count_in_years(*args)
        summed.append(total is not None)
        return total

    monkeypatch.setattr(kept, "_count_in_years", counted_in_years)

    def check(note: str) -> None:
        _same_pages(archive, IN_A_YEAR, ((0, 10), (10, 10)), note)
        _year_lists_counted(archive, note)

    def step(query: str, made: int, lists: int) -> None:
        """``query``'s page, with ``made`` lists made for it and ``lists`` ranked together
        (the others, kept before, read)."""
        filled, lists_read, answers = small_lists["filled"], len(read), len(served)
        archive._rankings.clear()  # noqa: SLF001
        page = archive.search(query, limit=10)
        assert (list(page.ids), page.total) == reference(archive, query, 0, 10)
        assert (small_lists["filled"] - filled, served[answers:],
                len(read) > lists_read) == (made, [lists] if lists else [], lists > made), query

    with Archive.open(tmp_path / "archive.sqlite3") as archive:
        archive.add_many([make(i) for i in range(600)])
        archive.search("minister", limit=10)  # the words' own list: too few of a year's
        step("from:2020-01-01 to:2020-06-30 minister", 1, 1)  # 2020's list made
        step("from:2020-03-15 to:2020-11-30 minister", 0, 1)  # and used
        step("from:2020-11-01 to:2021-02-28 minister", 1, 2)  # 2021's made, both used
        step("from:2021-03-01 to:2021-09-30 minister", 0, 1)  # 2021's used
        step("from:2021-12-01 to:2022-01-31 minister", 0, 0)  # too few in 2022: in full
        monkeypatch.setattr(kept, "MOST_YEARS", 1)
        step("from:2020-11-01 to:2021-02-28 minister", 0, 0)  # two years, one looked at
        monkeypatch.setattr(kept, "MOST_YEARS", 3)
        # The four ranges within the lists' years counted from their days, the first
        # and third by the search that made the list (the last two: every hit ranked).
        assert summed == [True] * 4, summed
        check("made")
        answers, sums = len(served), len(summed)
        write_at_random(archive, rng, make, _moving(make), (1, 3, 12), check)
        assert 2 in served[answers:]  # two years' lists kept serving through the writes
        assert sum(summed[sums:]) > len(summed[sums:]) / 2  # and counting their ranges


def test_a_list_that_was_not_written_counts_only_while_nothing_changed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        small_lists: dict[str, int]) -> None:  # noqa: F811 - the fixture
    """A year's list that could not be written (another program writing) counts its
    range from its days for the search that made it, and for no search after a save."""
    make = _mostly_in((2020, 2021), random.Random(7))
    monkeypatch.setattr(kept, "_store", lambda *args: 0)  # every write of a list refused
    query = "from:2020-01-01 to:2020-06-30 minister"
    with Archive.open(tmp_path / "archive.sqlite3") as archive:
        archive.add_many([make(i) for i in range(600)])
        search = build_search(parse_query(query), trash_present=False)
        with archive._engine.connect() as conn:  # noqa: SLF001
            assert kept.ranked(conn, search, 10) is not None  # made, not written
            assert kept.count(conn, search, None) == reference(archive, query, 0, 10)[1]
            conn.rollback()
            archive.add_many([dataclasses.replace(make(700 + i), meeting_date=D(2020, 3, 2))
                              for i in range(3)])
            assert kept.count(conn, search, None) is None  # counted in the index instead
            total = reference(archive, query, 0, 10)[1]
            assert archive.search(query, limit=10).total == total


def test_lists_ranked_together_are_proven_against_the_highest_floor(
        tmp_path: Path, small_lists: dict[str, int]) -> None:  # noqa: F811 - the fixture
    """A hit outside two years' lists is outside its own year's list: the rows of both
    are proven only above both lists' floors, whichever list is the higher."""
    make = _mostly_in((2020, 2021), random.Random(5))
    with Archive.open(tmp_path / "archive.sqlite3") as archive:
        archive.add_many([make(i) for i in range(600)])
        for query in ("from:2020-01-01 to:2020-06-30 minister",
                      "from:2021-01-01 to:2021-06-30 minister"):
            archive.search(query, limit=10)  # each year's list made
        with archive._engine.connect() as conn:  # noqa: SLF001
            years = [e for e in kept._entries(conn) if " AND dated : " in e.match]  # noqa: SLF001
            assert len(years) == 2
            lists = [(e, kept._kept_rows(kept._driver(conn), e))  # noqa: SLF001
                     for e in years]
            assert kept.answer_lists(conn, lists, 5, live=False) is not None
            for raised in range(2):  # either list's floor above every row of both
                higher = [(dataclasses.replace(e, floor=1.0) if i == raised else e, rows)
                          for i, (e, rows) in enumerate(lists)]
                assert kept.answer_lists(conn, higher, 5, live=False) is None, raised
