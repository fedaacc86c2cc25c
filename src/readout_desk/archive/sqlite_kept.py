"""Kept rankings: the first page of a word in most readouts without scoring every hit.

A query of one phrase (a word, a quoted phrase, a prefix, each perhaps within one column)
orders its hits by ``g``, the part of ``bm25()`` after ``idf``, which moves by at most
``max(1, r)`` when the average length ``avgdl`` becomes ``r`` times what it was
(:mod:`.phrase_score`). So a frequent query keeps its best :data:`KEEP` rows with their
``f`` and ``D``, the ``avgdl`` they were ranked under (the reference) and the ``floor``: a
``g`` under the reference that no hit outside the list exceeds. A page is then ranked from
the list alone, each score computed again as SQLite computes it (same operations in the
same order: the same double, which the tests compare with ``bm25()`` itself), and it is
the exact page when its last row's ``g`` beats ``floor * max(1, r)`` with a margin;
otherwise the query is ranked in full again and its list made afresh.

Writes keep the lists true (:func:`entered`, :func:`leaving`, inside the write's own
transaction): a readout that enters the index and matches a kept query gets its ``f``
counted from ``highlight()`` (each occurrence marked, column by column; a save), or, for a
batch, from its own ``bm25()`` inverted and checked by computing it forward again (any
doubt and the entry is dropped), and its ``D`` from FTS5's table of row sizes; it joins
the list when its ``g`` under the reference beats the floor, else it stays outside, within
the floor. A readout leaving the index leaves the list. The number of hits is kept exact
the same way, so the count costs nothing either. The trash is a filter on the list
(trashed readouts stay in the index). A write of more than :data:`FORGET_FROM` readouts
(an import) lets the lists go instead: it moves the average length enough to fail most
bounds, and the next search of each query keeps it again.

A run of kanji and kana (one phrase of the table of runs, :mod:`.sqlite_search`) is kept
the same way in that table. It keeps no text for ``highlight()``, and its ``bm25()`` of a
frequent phrase walks every hit first, so a write counts the run's occurrences in the
pieces it has just indexed (:func:`occurrences`) and believes the count only where the
index agrees that the row matches and is as long.

A query of two or more words (or phrases, prefixes) a hit must all hold (``minister
cooperation``) is kept the same way: ``bm25()`` adds each phrase's ``idf * g``, each
phrase with its own ``idf``, so a kept row holds its occurrences of every phrase and the
entry each phrase's number of hits, now and when it was ranked (:func:`phrases`). The
floor is then that sum under the reference, and when the average length moves by ``r``
and each phrase's ``idf`` by its own factor, no row's sum grows by more than ``max(1, r)``
times the largest of those factors.

A word beside runs (``会談 APEC``) is ranked from the word's list narrowed by the runs; its
number of hits, which no list holds, is kept in an entry of its own without rows (its
``match`` the two queries joined, :func:`_count_key`) once the word's list is kept, and
writes keep it exact as they keep the others' (:func:`_pair_hits`).

Words in a date range (``from:2015-01-01 minister``) are ranked from the words' list
narrowed to the readouts met in the range, when the range holds enough readouts for the
list to hold its page (:func:`_range_may_fill`): ``bm25()`` scores a hit alike whatever
narrows the hits, so the range's best rows in the list are its best hits when the last of
them beats the floor. Such a search makes the words' list when none is kept (ranking a
wide range's hits costs about what ranking all of them does); a narrower range is never
looked for in a list. Its count comes from the index (the range's date words,
:mod:`.sqlite_dates`), or from the days of the years' lists below.

A range within one year that is too narrow for the words' list (half a year at a million
readouts holds about 2 % of them) is ranked from the list of the words *in that year*, a
query of several phrases like any other: ``"minister" AND dated : "<2020>"``, the year's
word weighing nothing (its occurrences are 0 in every row, known without asking). The
year's best rows narrowed to the range are the range's best hits under the same proof,
and the list, made by the first such search, serves every range of the year. A range
over two or three years is ranked from the lists of each of its years together
(:func:`answer_lists`): a hit outside them all is outside its own year's list, so the
rows are proven against the highest of their floors. A year's word changes no score
whatever its ``idf``, so its ``idf`` moving does not widen the bound. A year's list also
keeps its hits by meeting day (:func:`_days_of_hits`), exact through writes as its number
of hits is, so the count of a range within its years is a sum (:func:`_count_in_years`).

Lists are filled by the first full ranking of a query with at least :func:`threshold` hits
and written from a connection of their own, only when nothing was committed since the
ranking read the archive (the commit counter, ``user_version``). An entry made under
another schema revision is ignored, so a migration that rewrites the index needs no step
of its own.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
from collections.abc import Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from readout_desk.archive import sqlite_driver, sqlite_page_index, sqlite_terms
from readout_desk.archive.backend import Proven
from readout_desk.archive.mapping import MEETING_DATE
from readout_desk.archive.phrase_score import idf, part, reach, score, scores, weight_of
from readout_desk.archive.sqlite_dates import date_words, is_date_phrase, year_match, year_of
from readout_desk.archive.sqlite_search import (
    _WEIGHTS,
    CJK_TABLE,
    FTS_COLUMNS,
    FTS_NAMES,
    FTS_TABLE,
    SAMPLE_RANK_PENALTY,
    SqlSearch,
    _fts_where,
    cjk_values,
)
from readout_desk.domain import scripts

#: How many of a frequent query's best rows are kept.
KEEP = 2_000
#: A query is kept from this many hits, or this share of the readouts if fewer, and never
#: below :data:`KEEP`.
KEEP_FROM_HITS = 20_000
KEEP_FROM_SHARE = 0.05
#: At most this many queries are kept (each one costs a probe per write); the oldest goes.
MOST_KEPT = 32
#: A list that grew this much past :data:`KEEP` through writes is cut back to it.
SLACK = KEEP // 4
#: The bound is compared with this relative margin, far wider than rounding.
MARGIN = 1e-9

RANKINGS = "kept_rankings"
#: Between the two queries of a pair entry's ``match`` (:func:`_count_key`): a control
#: character, which no query's text keeps.
PAIR = "\x1f"
ROWS = "kept_ranking_rows"
#: Where a connection keeps the days of the years' lists it made (:func:`_days_made`).
_MADE_DAYS = "readout_desk.kept_days"
#: Set on a read-only connection that may keep rankings (:func:`may_keep`).
_KEEPS = "readout_desk.keeps_rankings"
#: One phrase: a quoted string, perhaps a prefix, perhaps within a column.
_ONE_PHRASE = re.compile(r'(?:([a-z]+) : )?"((?:[^"]|"")*)"( \*)?')
#: Between the phrases a hit must all hold, in a query's ``MATCH``.
_AND = " AND "
#: A date range over more years than this, too narrow for its words' own list, is ranked
#: in full, not from the lists of its words in each year.
MOST_YEARS = 3
#: A query of more phrases than this is ranked in full (each costs a pass at its first
#: ranking and a look-up at each save).
MOST_PHRASES = 4
_LIVE = "+r.deleted_at IS NULL"
#: Each table's search of one phrase over every readout, and over those not in the trash.
_WHERE = {table: (_fts_where(table, [], "", []), _fts_where(table, [], _LIVE, []))
          for table in (FTS_TABLE, CJK_TABLE)}
#: The runs of a query that also has words narrow the words' hits, with or without them.
_RUNS = f"(SELECT rowid FROM {CJK_TABLE} WHERE {CJK_TABLE} MATCH :m0)"
_NARROWED = {(f"IN {_RUNS}", trash): _fts_where(FTS_TABLE, [], trash, [f"IN {_RUNS}"])
             for trash in ("", _LIVE)} | {
             (f"NOT IN {_RUNS}", trash): _fts_where(FTS_TABLE, [], trash, [f"NOT IN {_RUNS}"])
             for trash in ("", _LIVE)}


@dataclass(frozen=True)
class _Query:
    """A search a kept ranking answers: one phrase, perhaps only the readouts not in the
    trash, perhaps only those that hold (or lack) some runs."""

    match: str
    live: bool
    runs: str | None = None  # the runs' MATCH of the table of runs
    with_runs: bool = True  # the hits must hold them (else: must not)
    #: Only the readouts met from the first date to the last (stored text; None: open).
    dates: tuple[str | None, str | None] | None = None
#: A word, a prefix or a phrase of plain words (perhaps within a column).
_PLAIN = re.compile(r'(?:[a-z]+ : )?"([A-Za-z0-9]+(?: [A-Za-z0-9]+)*)"(?: \*)?')
_COLUMN_WEIGHTS = tuple(w for _c, w in FTS_COLUMNS)
#: Every column of a matching row with each occurrence marked (by its start).
_MARKED = ", ".join(f"highlight({FTS_TABLE}, {i}, char(2), '')"
                    for i in range(len(FTS_COLUMNS)))
#: Up to how many written rows are looked at one by one.
FEW = 32
#: Up to how many readouts in the trash are looked up in the index to keep a count exact
#: without counting (a prefix's: in their own text).
TRASH_PROBES = 16
#: A kept list is narrowed to a date range through the date index (its ids tested in it)
#: when the range holds fewer than this many readouts for each of the list's rows, else
#: by looking up each row's date. At a million readouts, a list of 2,000 rows and half a
#: year (28,000 readouts): 7 ms either way with the rows in memory, 23 against 330 ms
#: with them on disk (as after a start, and for a list just made); a year (52,000):
#: 12 against 7 ms in memory, 52 against 220 ms on disk.
_DATES_PER_ROW = 15
#: A write of more readouts than this (an import's batch) lets every kept ranking go:
#: the next search of each ranks in full and keeps it again.
FORGET_FROM = 200


def threshold(rows: int) -> int:
    """From how many hits a query's ranking is kept, in an index of ``rows`` rows."""
    return max(KEEP, min(KEEP_FROM_HITS, math.ceil(KEEP_FROM_SHARE * rows)))


@dataclass
class Entry:
    """A kept ranking: the reference statistics, the exact number of hits, the floor."""

    id: int
    match: str
    rows: int  # rows and tokens in the index when the list was ranked (the reference)
    tokens: int
    hits: int
    floor: float
    # A query of several phrases: each phrase's number of hits, now and at the reference.
    phrase_hits: tuple[int, ...] = ()
    reference_hits: tuple[int, ...] = ()
    #: The list of words in a year: its hits by meeting day, as stored (JSON), else None.
    days: str | None = None

    @property
    def avgdl(self) -> float:
        return self.tokens / self.rows

    def reach(self, row: Kept) -> float:
        """A row's place under the reference: its ``g`` for one phrase, its summed
        ``idf * g`` for several (what the floor is)."""
        if not self.reference_hits:
            return part(row[1], row[2], self.avgdl)
        return reach(row[3], row[2], self.avgdl,
                     tuple(idf(self.rows, h) for h in self.reference_hits))


#: A kept row: readout id, f, D, and for a query of several phrases each phrase's f
#: (``()`` for one; f is then the first phrase's).
Kept = tuple[int, float, int, tuple[float, ...]]


def _numbers(text: str | None) -> tuple[float, ...]:
    return tuple(float(n) for n in text.split()) if text else ()


def _text(numbers: Sequence[float]) -> str | None:
    return " ".join(repr(n) for n in numbers) or None


def phrases(match: str) -> tuple[str, ...] | None:
    """The phrases of a query of words a hit must all hold (``"a" AND "b" *``), each of a
    kept query's shape and distinct, from two to :data:`MOST_PHRASES`; None for any other
    query."""
    found: list[str] = []
    at = 0
    while True:
        phrase = _ONE_PHRASE.match(match, at)
        if phrase is None:
            return None
        found.append(phrase.group(0))
        at = phrase.end()
        if at == len(match):
            break
        if not match.startswith(_AND, at):
            return None
        at += len(_AND)
    if (not 2 <= len(found) <= MOST_PHRASES or len(set(found)) != len(found)
            or table_of(match) != FTS_TABLE):
        return None
    return tuple(found)


_driver = sqlite_driver.driver
_rows = sqlite_driver.rows


# ----- reading the index's own numbers --------------------------------------------------


def _varints(blob: bytes) -> list[int]:
    """SQLite's variable-length integers, one after another."""
    values, i = [], 0
    while i < len(blob):
        value, i = sqlite_terms.varint(blob, i)
        values.append(value)
    return values


def table_of(match: str) -> str:
    """The full-text table a kept query asks: a query of the words' table never holds a
    kanji or kana (the query's runs are asked of the table of runs)."""
    return CJK_TABLE if scripts.has_cjk(match) else FTS_TABLE


def _score(table: str) -> str:
    return f"bm25({table}, {_WEIGHTS})"


def totals(conn: Connection, table: str = FTS_TABLE) -> tuple[int, int]:
    """The index's number of rows and of tokens (FTS5's ``averages`` record)."""
    found = _rows(conn, f"SELECT block FROM {table}_data WHERE id = 1")
    numbers = _varints(bytes(found[0][0])) if found and found[0][0] else [0]
    return numbers[0], sum(numbers[1:])


def _length(sizes: bytes) -> int:
    # A column of fewer than 128 tokens is one byte, its own value.
    return sum(sizes) if max(sizes, default=0) < 0x80 else sum(_varints(sizes))


def lengths(conn: Connection, ids: Sequence[int], table: str = FTS_TABLE) -> dict[int, int]:
    """Each row's length in tokens, all columns together (FTS5's table of sizes)."""
    sql = f"SELECT id, sz FROM {table}_docsize WHERE id IN (SELECT value FROM json_each(?))"
    return {int(i): _length(bytes(sz)) for i, sz in _rows(conn, sql, (json.dumps(
        list(ids)),))}


def _revision(conn: Connection) -> str:
    found = _rows(conn, "SELECT version_num FROM alembic_version")
    return str(found[0][0]) if found else ""


def _kept_tables(conn: Connection) -> bool:
    return bool(_rows(conn, f"SELECT 1 FROM sqlite_master WHERE name = '{RANKINGS}'"))


def _entries(conn: Connection, match: str | None = None) -> list[Entry]:
    """The kept rankings (of ``match`` only, if given) made under the current revision."""
    sql = (f"SELECT id, match, row_count, token_count, hits, floor, phrase_hits, "
           f"reference_hits, day_hits FROM {RANKINGS} WHERE revision = ?"
           + (" AND match = ?" if match is not None else ""))
    params = (_revision(conn),) + ((match,) if match is not None else ())
    return [Entry(int(i), str(m), int(r), int(t), int(h), float(f),
                  tuple(int(n) for n in _numbers(now)), tuple(int(n) for n in _numbers(then)),
                  None if days is None else str(days))
            for i, m, r, t, h, f, now, then, days in _rows(conn, sql, params)]


def _kept_rows(db: Any, entry: Entry) -> list[Kept]:
    """A kept ranking's list."""
    with closing(db.execute(f"SELECT readout_id, weight, length, weights FROM {ROWS} "
                            "WHERE ranking_id = ?", (entry.id,))) as cursor:
        return [(int(i), float(f), int(d), _numbers(w)) for i, f, d, w in cursor.fetchall()]


# ----- which searches -------------------------------------------------------------------


def _kept_query(search: SqlSearch) -> _Query | None:
    """The search as a kept ranking can answer it; None for any other (dates, modes, the
    trash, phrases some of which a hit need not hold). Several phrases a hit must all
    hold are kept as one query (:func:`phrases`). One run is one phrase of the table of
    runs, kept as a word is; a phrase of words with runs (``会談 APEC``) is its words' ranking with
    the readouts that do not hold the runs (or do) left out: ``bm25()`` scores the
    words' hits alike whatever else narrows them."""
    match = search.params.get("match")
    if not isinstance(match, str) or table_of(match) != search.table:
        return None
    if search.dated:
        return _dated_query(search)
    if not _ONE_PHRASE.fullmatch(match):
        if phrases(match) is None or len(search.params) != 1 or search.runs:
            return None
        every, live = _WHERE[FTS_TABLE]
        return _Query(match, search.fts_where == live) if search.fts_where in (every,
                                                                             live) else None
    if len(search.params) == 1 and bool(search.runs) == (search.table == CJK_TABLE):
        every, live = _WHERE[search.table]
        if search.fts_where in (every, live):
            return _Query(match, search.fts_where == live)
        return None
    runs = search.params.get("m0")
    if search.table != FTS_TABLE or len(search.params) != 2 or not isinstance(runs, str):
        return None
    for (narrowing, trash), where in _NARROWED.items():
        if search.fts_where == where:
            return _Query(match, bool(trash), runs, not narrowing.startswith("NOT"))
    return None


def _dated_query(search: SqlSearch) -> _Query | None:
    """A search of words in a date range as their kept ranking narrowed to the readouts
    met in the range: ``bm25()`` scores a hit alike whatever else narrows the hits, so
    the range's best hits in the list are its best hits when the list proves them. A
    range with anything else (modes, runs beside words) is ranked in full."""
    params = search.driver_params
    if not set(params) <= {"match", "date_from", "date_to"} or (
            search.runs and search.table != CJK_TABLE):
        return None
    words = _kept_query(replace(search, params={"match": params["match"]}, dated="",
                                fts_where=search.undated_where, undated_where=""))
    if words is None or words.runs is not None:
        return None
    return replace(words, dates=(params.get("date_from"), params.get("date_to")))


def may_keep(_dbapi_connection: Any, record: Any) -> None:
    """Let a read-only connection keep its searches' rankings (a ``connect`` listener):
    one of the connections a window reads on beside its own, writable one. The lists
    are written from a connection of their own (:func:`_store`), never from this one."""
    record.info[_KEEPS] = True


def _database_file(conn: Connection) -> Path | None:
    """The archive's file, if this connection may write it, or keep its rankings in it
    (:func:`may_keep`): an archive opened read-only is never written, not even its kept
    rankings."""
    if conn.engine.url.query.get("mode") != "rwc" and not conn.info.get(_KEEPS):
        return None
    for _seq, name, file in _rows(conn, "PRAGMA database_list"):
        if name == "main" and file:
            return Path(str(file))
    return None


# ----- searching ------------------------------------------------------------------------


def ranked(conn: Connection, search: SqlSearch, top: int,
           least: int | None = None) -> list[tuple[int, float]] | None:
    """The best ``top`` hits as (id, score) exactly as the full ranking gives them, from
    a kept ranking (made now, if the query is frequent and none holds); None when the
    query is not one to keep, the bound fails or nothing can be kept: rank in full.
    With ``least``, the best ``least`` or more, fewer than ``top``, when the list proves
    only those (a :class:`~.backend.Proven` list)."""
    query = _kept_query(search)
    if query is None or top > KEEP or not _kept_tables(conn):
        return None
    if query.dates is None:
        return _ranked_from(conn, query, query.match, top, least)
    if _range_may_fill(conn, query.dates, least or top):
        page = _ranked_from(conn, query, query.match, top, least)
        if page is not None:
            return page
    return _ranked_in_years(conn, query, top, least)


def _ranked_from(conn: Connection, query: _Query, match: str, top: int,
                 least: int | None) -> list[tuple[int, float]] | None:
    """:func:`ranked` from the kept list of ``match`` (the query's own, or its words' in
    the year of its range), made now if none is kept."""
    entries = _entries(conn, match)
    for entry in entries:
        kept = _kept_rows(_driver(conn), entry)
        page = answer(conn, entry, _narrowed(conn, query, kept), top, live=query.live,
                      least=least)
        if page is not None:
            return page
    if entries and query.runs is not None:
        return None  # too few of the list hold the runs: the list is kept as it is
    if entries and query.dates is not None:
        return None  # the list holds too few of the range's hits: kept as it is
    # A range here is wide for its list (_range_may_fill): ranking its hits costs about
    # what ranking the list's every hit does, and the list made then serves the range
    # and the rest.
    made = _fill(conn, match)
    return None if made is None else answer(conn, made[0], _narrowed(conn, query, made[1]),
                                            top, live=query.live, least=least)


def _ranked_in_years(conn: Connection, query: _Query, top: int,
                     least: int | None) -> list[tuple[int, float]] | None:
    """A range too narrow for the words' own list, within at most :data:`MOST_YEARS`
    years, from the lists of the words in each of its years (``"minister" AND dated :
    "<2020>"``): a year's list holds its best hits, ``bm25()`` scoring a hit alike
    whatever date words the query names, so the range's best rows in them together are
    the range's best hits when the last of them beats every list's floor. Each list is
    made by the first search that needs it and serves every range in its year. None
    (rank in full) for a range open at an end or over more years, one whose years hold
    too few hits to keep, or one holding too few of its years' readouts for the lists
    to hold its page."""
    assert query.dates is not None
    first, last = query.dates
    if first is None or last is None or not (first[:4].isdigit() and last[:4].isdigit()):
        return None
    years = range(int(first[:4]), int(last[:4]) + 1)
    if not 1 <= len(years) <= MOST_YEARS:
        return None
    matches = []
    for year in years:
        word = year_match(year)
        match = None if word is None else f"{query.match}{_AND}{word}"
        if match is None or phrases(match) is None:
            return None
        matches.append(match)
    if not _range_may_fill(conn, query.dates, least or top,
                           (f"{years[0]:04d}-01-01", f"{years[-1]:04d}-12-31"), len(years)):
        return None
    found: list[tuple[Entry, Sequence[Kept] | None]] = []
    for match in matches:
        entries = _entries(conn, match)
        made = (entries[0], None) if entries else _fill(conn, match)
        if made is None:
            return None  # a year with too few hits to keep: rank the range in full
        found.append(made)
    lists = [(entry, _narrowed(conn, query, _kept_rows(_driver(conn), entry) if kept is None
                               else kept)) for entry, kept in found]
    # None when the lists hold too few of the range's hits: they are kept as they are.
    return answer_lists(conn, lists, top, live=query.live, least=least)


def _range_may_fill(conn: Connection, dates: tuple[str | None, str | None], want: int,
                    years: tuple[str, str] | None = None, lists: int = 1) -> bool:
    """Whether a date range holds enough of the archive's readouts (or of those met in
    the ``years`` it lies in, for the ``lists`` lists of those years) that the kept lists
    may hold ``want`` of its hits: half the share lists of :data:`KEEP` would need if the
    words were spread evenly in time (at 1M readouts and 500 wanted, 125,000), counted in
    the date index only that far. A narrower range's hits are ranked in full at once
    (through the index's date words, cheaply), not after reading a list for nothing."""
    if years is None:
        among = totals(conn)[0]
    else:
        within, days = _within(years)
        among = int(_rows(conn, f"SELECT count(*) FROM readouts WHERE {within}", days)[0][0])
    enough = math.ceil(among * want / (KEEP * lists) / 2)
    within, days = _within(dates)
    found = _rows(conn, f"SELECT count(*) FROM (SELECT 1 FROM readouts WHERE {within} "
                        f"LIMIT {enough})", days)
    return int(found[0][0]) >= enough


def _within(dates: tuple[str | None, str | None]) -> tuple[str, tuple[str, ...]]:
    """A date range as conditions on ``meeting_date`` (an end that is None left open),
    and their parameters."""
    ends = [(op, day) for op, day in ((">=", dates[0]), ("<=", dates[1])) if day is not None]
    return (" AND ".join(f"meeting_date {op} ?" for op, _d in ends),
            tuple(day for _op, day in ends))


def _narrowed(conn: Connection, query: _Query, kept: Sequence[Kept]) -> Sequence[Kept]:
    """The rows of a kept list the query's runs or date range leave in (all of them,
    without either)."""
    if query.dates is not None and kept:
        within, days = _within(query.dates)
        # A date looked up by id reads a page of the readouts' table for each row,
        # scattered over the file; a range holding few readouts for the list is read
        # from the date index instead, its pages in a run (_DATES_PER_ROW).
        few = _DATES_PER_ROW * len(kept)
        found = _rows(conn, f"SELECT count(*) FROM (SELECT 1 FROM readouts WHERE {within} "
                            f"LIMIT ?)", (*days, few))
        by_date = int(found[0][0]) < few
        inside = {int(r[0]) for r in _rows(
            conn, f"SELECT id FROM readouts WHERE {'+id' if by_date else 'id'} IN "
                  f"(SELECT value FROM json_each(?)) AND {within}",
            (json.dumps([k[0] for k in kept]), *days))}
        return [k for k in kept if k[0] in inside]
    if query.runs is None or not kept:
        return kept
    holding = {int(r[0]) for r in _matching(conn, query.runs, [k[0] for k in kept], "1")}
    return [k for k in kept if (k[0] in holding) == query.with_runs]


def answer(conn: Connection, entry: Entry, kept: Sequence[Kept], top: int, *,
           live: bool, least: int | None = None) -> list[tuple[int, float]] | None:
    """The best ``top`` hits from a kept list (or the part of it a query's runs leave
    in), or None when the list cannot prove them; with ``least``, as many as it proves
    from ``least`` up (a :class:`~.backend.Proven` list when fewer than ``top``)."""
    return answer_lists(conn, [(entry, kept)], top, live=live, least=least)


def answer_lists(conn: Connection, lists: Sequence[tuple[Entry, Sequence[Kept]]], top: int,
                 *, live: bool, least: int | None = None) -> list[tuple[int, float]] | None:
    """:func:`answer` from several kept lists of one query's hits that no readout is in
    two of (the lists of its words in each year of a range): their rows ranked together,
    proven against the highest of their bounds, since a hit outside every list is
    outside its own year's and scores no more than that list's bound."""
    scored: list[tuple[float, int, float]] = []  # score, id, place (g, or the summed idf * g)
    bound = 0.0
    samples: set[int] | None = None
    for entry, kept in lists:
        rows, tokens = totals(conn, table_of(entry.match))
        if rows <= 0 or entry.hits <= 0 or 0 in entry.phrase_hits:
            return None
        avgdl = tokens / rows
        idf_ = idf(rows, entry.hits)
        idfs = tuple(idf(rows, h) for h in entry.phrase_hits)
        if samples is None:
            # Both from an index (samples have a partial one); a list's readouts are not read.
            samples = {int(r[0]) for r in _rows(conn, "SELECT id FROM readouts "
                                                      "WHERE is_sample = 1")}
        trashed = _trashed(conn, [k[0] for k in kept]) if live else set()
        for readout_id, weight, length, weights in kept:
            if readout_id in trashed:
                continue
            if idfs:
                place = reach(weights, length, avgdl, idfs)
                value = -1.0 * place  # phrase_score.scores, without adding it up again
            else:
                place, value = part(weight, length, avgdl), score(weight, length, avgdl, idf_)
            scored.append((value + SAMPLE_RANK_PENALTY if readout_id in samples else value,
                           readout_id, place))
        # Any hit outside the list has g <= floor * max(1, r) now (for several phrases,
        # times the largest factor by which a phrase's idf grew: not a year's word, which
        # adds idf * 0 whatever its idf); the last row must beat it.
        # (A list of one phrase has no idfs of its phrases, nor phrases: nothing grew.)
        weighed = [not is_date_phrase(ph) for ph in phrases(entry.match) or ()]
        grown = max((now / then for now, then, counts in zip(
            idfs, (idf(entry.rows, h) for h in entry.reference_hits), weighed, strict=True)
            if counts), default=1.0)
        bound = max(bound, entry.floor * max(1.0, avgdl / entry.avgdl) * max(1.0, grown)
                    * (1.0 + MARGIN))
    scored.sort(key=lambda s: s[0])
    shown = samples or set()

    def proven(rows: int) -> bool:
        _score, last_id, place = scored[rows - 1]
        return last_id not in shown and place > bound

    if len(scored) >= top and proven(top):
        return [(readout_id, value) for value, readout_id, _p in scored[:top]]
    if least is None or len(scored) < least or not proven(least):
        return None
    rows = max(n for n in (least, min(len(scored), top - 1)) if proven(n))
    return Proven((readout_id, value) for value, readout_id, _p in scored[:rows])


def _trashed(conn: Connection, ids: Sequence[int]) -> set[int]:
    """Which of ``ids`` are in the trash: the whole trash when it is small."""
    found = _rows(conn, "SELECT id FROM readouts WHERE deleted_at IS NOT NULL "
                        f"LIMIT {int(KEEP) + 1}")
    if len(found) <= KEEP:
        return {int(r[0]) for r in found}
    return {int(r[0]) for r in _rows(
        conn, "SELECT id FROM readouts WHERE deleted_at IS NOT NULL AND id IN "
        "(SELECT value FROM json_each(?))", (json.dumps(list(ids)),))}


def count(conn: Connection, search: SqlSearch, cap: int | None) -> int | None:
    """The number of hits from a kept ranking, or None without one."""
    query = _kept_query(search)
    if query is None or not _kept_tables(conn):
        return None
    if query.dates is not None:
        return _count_in_years(conn, query, cap)
    match, live = query.match, query.live
    if query.runs is not None:
        key = _count_key(query.match, query.runs, query.with_runs)
        # Counted in full to be kept only when asked for in full (else capped, as asked).
        entries = _entries(conn, key) or (_count_pair(conn, query, key) if cap is None else [])
        match = key
    else:
        entries = _entries(conn, match)
    if not entries:
        return None
    total = entries[0].hits
    if live:
        trashed = [int(r[0]) for r in _rows(conn, "SELECT id FROM readouts WHERE deleted_at "
                                                  f"IS NOT NULL LIMIT {TRASH_PROBES + 1}")]
        if len(trashed) > TRASH_PROBES:
            return None  # finding each in the index would cost more than counting
        if trashed and query.runs is not None:
            total -= _pair_hits(conn, match, trashed)
        elif trashed:
            total -= _hits_among(conn, match, trashed)
    return total if cap is None else min(total, cap)


def _days_made(conn: Connection, match: str) -> str | None:
    """The days of a year's list this connection made (:func:`_fill`), while nothing has
    been committed since."""
    made = conn.info.get(_MADE_DAYS, {}).get(match)
    if made is None or made[0] != int(_rows(conn, "PRAGMA user_version")[0][0]):
        return None
    return str(made[1])


def _hits_among(conn: Connection, match: str, ids: Sequence[int]) -> int:
    """How many of ``ids`` are hits of ``match``."""
    if match.endswith("*") and table_of(match) == FTS_TABLE and phrases(match) is None:
        # A prefix merges the lists of every word it covers at each look-up in the
        # index: its hits are found in their own text instead.
        return len(sqlite_page_index.matching(conn, match, ids))
    return len(_matching(conn, match, ids, "1"))


def _count_in_years(conn: Connection, query: _Query, cap: int | None) -> int | None:
    """The number of hits of words in a date range within at most :data:`MOST_YEARS`
    years, summed over the range's days from the lists of the words in each of those
    years (:func:`_days_of_hits`), the range's readouts in the trash counted off when
    the search leaves them out; None (count in the index, through the range's date words)
    when a year has no such list, for a range open at an end, or with more readouts in
    the trash than :data:`TRASH_PROBES` in the range."""
    assert query.dates is not None
    first, last = query.dates
    if (query.runs is not None or first is None or last is None
            or not (first[:4].isdigit() and last[:4].isdigit())):
        return None
    years = range(int(first[:4]), int(last[:4]) + 1)
    if not 1 <= len(years) <= MOST_YEARS:
        return None
    total = 0
    for year in years:
        word = year_match(year)
        if word is None:
            return None
        match = f"{query.match}{_AND}{word}"
        entries = _entries(conn, match)
        stored = entries[0].days if entries else _days_made(conn, match)
        if stored is None:
            return None
        days: dict[str, int] = json.loads(stored)
        total += sum(n for day, n in days.items() if first <= day <= last)
    if query.live:
        within, ends = _within(query.dates)
        trashed = [int(r[0]) for r in _rows(
            conn, f"SELECT id FROM readouts WHERE deleted_at IS NOT NULL AND {within} "
                  f"LIMIT {TRASH_PROBES + 1}", ends)]
        if len(trashed) > TRASH_PROBES:
            return None  # finding each in the index would cost more than counting
        if trashed:
            total -= _hits_among(conn, query.match, trashed)
    return total if cap is None else min(total, cap)


def _count_key(match: str, runs: str, with_runs: bool) -> str:
    """The ``match`` of the entry that keeps the number of hits of a word beside runs:
    the word's query, a separator no query holds, the runs' query after ``+`` (the hits
    hold them) or ``-`` (they do not)."""
    return f"{match}{PAIR}{'+' if with_runs else '-'}{runs}"


def _pair(key: str) -> tuple[str, str, bool] | None:
    """A pair entry's word query, runs query and whether the hits hold the runs; None for
    the entry of a kept list."""
    if PAIR not in key:
        return None
    match, runs = key.split(PAIR, 1)
    return match, runs[1:], runs[0] == "+"


def _pair_hits(conn: Connection, key: str, ids: Sequence[int]) -> int:
    """How many of ``ids`` are hits of a pair entry's query (trashed or not)."""
    pair = _pair(key)
    assert pair is not None
    match, runs, with_runs = pair
    words = {int(r[0]) for r in _matching(conn, match, ids, "1")}
    if not words:
        return 0
    holding = {int(r[0]) for r in _matching(conn, runs, sorted(words), "1")}
    return len(words & holding) if with_runs else len(words - holding)


def _count_pair(conn: Connection, query: _Query, key: str) -> list[Entry]:
    """The number of hits of a word beside runs, counted now (every hit, in the trash or
    not) and kept when the word's own list is: the page is then ranked from that list,
    and this count would be most of the search's time. ``[]`` when there is no such list
    (the caller counts as for any query); a count that cannot be written (another
    process writing) still answers this search, which it was counted for."""
    path = _database_file(conn)
    if path is None or query.runs is None or not _entries(conn, query.match):
        return []
    narrowing = "IN" if query.with_runs else "NOT IN"
    where = _NARROWED[(f"{narrowing} {_RUNS}", "")]
    seen = int(_rows(conn, "PRAGMA user_version")[0][0])
    hits = int(_rows(conn, f"SELECT count(*) FROM {FTS_TABLE} WHERE {where}",
                     {"match": query.match, "m0": query.runs})[0][0])
    rows, tokens = totals(conn, FTS_TABLE)
    entry = Entry(0, key, rows, tokens, hits, 0.0)
    entry.id = _store(path, entry, [], seen, _revision(conn))
    return [entry]


def _fill(conn: Connection, match: str) -> tuple[Entry, list[Kept]] | None:
    """A new kept ranking of ``match``, ranked in full now and written if it may be (a
    year's list with its hits by day)."""
    path = _database_file(conn)
    if path is None:
        return None  # an archive in memory: nothing to keep it in beyond this search
    table = table_of(match)
    rows, tokens = totals(conn, table)
    counting = (match if table != FTS_TABLE
                else sqlite_terms.for_counting(_driver(conn), table, match))
    year = _list_year(match)
    days = None if year is None else _days_of_hits(conn, counting, year)
    hits = (sum(days.values()) if days is not None else int(_rows(
        conn, f"SELECT count(*) FROM {table} WHERE {table} MATCH ?", (counting,))[0][0]))
    if hits < threshold(rows):
        return None
    best = _rows(conn, f"SELECT rowid, {_score(table)} AS s FROM {table} WHERE {table} "
                       f"MATCH ? ORDER BY s LIMIT {int(KEEP)}", (match,))
    sizes = lengths(conn, [int(i) for i, _s in best], table)
    entry = Entry(0, match, rows, tokens, hits, 0.0, days=_days_text(days))
    several = phrases(match)
    kept = (_kept_of(best, sizes, entry.avgdl, idf(rows, hits)) if several is None
            else _kept_of_several(conn, entry, several, best, sizes))
    if kept is None:
        return None
    entry.floor = entry.reach(kept[-1]) if len(kept) == KEEP else 0.0
    seen = int(_rows(conn, "PRAGMA user_version")[0][0])
    entry.id = _store(path, entry, kept, seen, _revision(conn))
    if entry.days is not None:
        # Written from a connection of its own, the list is not seen by this one's
        # transaction: the count of the search that made it sums these days.
        made = conn.info.setdefault(_MADE_DAYS, {})
        if len(made) >= MOST_KEPT:
            made.clear()
        made[match] = (seen, entry.days)
    return entry, kept


def _list_year(match: str) -> int | None:
    """The year of a list of words in a year (``"minister" AND dated : "<2020>"``, as
    :func:`_ranked_in_years` names it), else None."""
    several = phrases(match)
    return None if several is None else year_of(several[-1])


def _days_of_hits(conn: Connection, counting: str, year: int) -> dict[str, int]:
    """How many hits of a list of words in ``year`` (its ``MATCH``, a prefix perhaps as
    the words it covers) were met on each day: its hits' ids tested in the date index's
    stretch of the year, whose pages lie in a run, grouped as they are read. At a
    million readouts, ``minist*`` in 2020: 105 ms against 50 ms for counting alone."""
    sql = (f"SELECT meeting_date, count(*) FROM readouts WHERE meeting_date BETWEEN ? AND ? "
           f"AND +id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?) "
           "GROUP BY meeting_date")
    return {str(day): int(n) for day, n in _rows(
        conn, sql, (f"{year:04d}-01-01", f"{year:04d}-12-31", counting))}


def _days_text(days: Mapping[str, int] | None) -> str | None:
    return None if days is None else json.dumps(
        {day: n for day, n in sorted(days.items()) if n}, separators=(",", ":"))


def _move_days(conn: Connection, db: Any, entry: Entry, ids: Sequence[int],
               step: int) -> None:
    """The hits ``ids`` of a list of words in a year, entering (``step`` 1) or leaving
    (-1), counted in or off their meeting days (read before a leaving readout's row
    changes, as its index entry is)."""
    if entry.days is None or not ids:
        return
    days: dict[str, int] = json.loads(entry.days)
    for (day,) in _rows(conn, "SELECT meeting_date FROM readouts WHERE id IN "
                              "(SELECT value FROM json_each(?))", (json.dumps(list(ids)),)):
        days[str(day)] = days.get(str(day), 0) + step
    entry.days = _days_text(days)
    db.execute(f"UPDATE {RANKINGS} SET day_hits = ? WHERE id = ?", (entry.days, entry.id))


def _kept_of(best: Sequence[Any], sizes: Mapping[int, int], avgdl: float,
             idf_: float) -> list[Kept] | None:
    """The list of a query of one phrase from its best rows and their scores, each row's
    occurrences told by its score inverted; None if one cannot be told exactly."""
    kept: list[Kept] = []
    for readout_id, value in best:
        length = sizes.get(int(readout_id))
        weight = None if length is None else weight_of(float(value), length, avgdl, idf_)
        if weight is None or length is None:
            return None
        kept.append((int(readout_id), weight, length, ()))
    return kept


def _kept_of_several(conn: Connection, entry: Entry, several: Sequence[str],
                     best: Sequence[Any], sizes: Mapping[int, int]) -> list[Kept] | None:
    """The list of a query of several phrases from its best rows and their scores: each
    phrase's hits counted, each phrase's occurrences in the rows told by that phrase's
    own ``bm25()`` inverted (a score of several phrases cannot be inverted; at a million
    readouts 160-200 ms a phrase for 2,000 rows, against 250-430 ms marking them with
    ``highlight()``, which counts them where an inverted score is not exact), and every
    row's score computed again and compared with SQLite's; None if a score differs."""
    ids = [int(i) for i, _s in best]
    # A phrase kept as a list of its own has its hits counted there, kept true by every
    # write (the words of a year's list are most often kept so: 35-50 ms at a million
    # readouts to count again).
    known = {e.match: e.hits for e in _entries(conn) if e.match in several}
    entry.phrase_hits = entry.reference_hits = tuple(
        known[phrase] if phrase in known else int(_rows(
            conn, f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?",
            (sqlite_terms.for_counting(_driver(conn), FTS_TABLE, phrase),))[0][0])
        for phrase in several)
    idfs = tuple(idf(entry.rows, h) for h in entry.phrase_hits)
    # Words in a year (one phrase beside the year's word, which adds ``idf × 0``): the
    # score is the words' own, inverted as one phrase's is, with no second ranking.
    alone = [k for k, phrase in enumerate(several) if not is_date_phrase(phrase)]
    found: list[Mapping[int, float | None]] = []
    for k, (phrase, idf_) in enumerate(zip(several, idfs, strict=True)):
        if is_date_phrase(phrase):  # every hit holds it, and it weighs nothing
            found.append(dict.fromkeys(ids, 0.0))
            continue
        scored = ([(int(i), float(v)) for i, v in best] if alone == [k] else
                  [(int(i), float(v)) for i, v in _matching(conn, phrase, ids,
                                                             _score(FTS_TABLE))])
        told = {i: weight_of(v, sizes[i], entry.avgdl, idf_) if i in sizes else None
                for i, v in scored}
        if None in told.values() or len(told) < len(ids):
            if not counted(phrase):
                return None
            told = dict(_marked(conn, phrase, ids))
        found.append(told)
    kept: list[Kept] = []
    for readout_id, value in best:
        length = sizes.get(int(readout_id))
        weights = tuple(f.get(int(readout_id)) or 0.0 for f in found)
        if length is None or scores(weights, length, entry.avgdl, idfs) != float(value):
            return None
        kept.append((int(readout_id), weights[0], length, weights))
    return kept


def _marked(conn: Connection, match: str, ids: Sequence[int]) -> dict[int, float]:
    """The column-weighted occurrences of ``match`` in those of ``ids`` it matches, each
    occurrence marked by ``highlight()`` (a query :func:`counted` can tell)."""
    return {int(row[0]): sum(w * (text or "").count("\x02")
                             for w, text in zip(_COLUMN_WEIGHTS, row[1:], strict=True))
            for row in _matching(conn, match, ids, _MARKED)}


def _store(path: Path, entry: Entry, kept: Sequence[Kept], seen: int, revision: str) -> int:
    """Write a kept ranking from a connection of its own, if the archive is as it was
    ranked (nothing committed since); its id, 0 when it was not written."""
    try:
        with closing(sqlite3.connect(f"{path.as_uri()}?mode=rw", uri=True, timeout=0.0,
                                     isolation_level=None)) as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                if int(db.execute("PRAGMA user_version").fetchone()[0]) != seen:
                    db.execute("ROLLBACK")
                    return 0
                old = [int(r[0]) for r in db.execute(
                    f"SELECT id FROM {RANKINGS} WHERE match = ? OR revision <> ? UNION "
                    f"SELECT id FROM (SELECT id FROM {RANKINGS} ORDER BY id DESC "
                    f"LIMIT -1 OFFSET {MOST_KEPT - 1})", (entry.match, revision))]
                _drop(db, old)
                cursor = db.execute(
                    f"INSERT INTO {RANKINGS} (match, revision, row_count, token_count, hits, "
                    "floor, phrase_hits, reference_hits, day_hits) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (entry.match, revision, entry.rows, entry.tokens, entry.hits,
                     entry.floor, _text(entry.phrase_hits), _text(entry.reference_hits),
                     entry.days))
                new_id = int(cursor.lastrowid or 0)
                _insert_rows(db, new_id, kept)
                db.execute("COMMIT")
                return new_id
            except BaseException:
                db.execute("ROLLBACK")
                raise
    except sqlite3.Error:
        return 0  # busy, read-only or gone: the next full ranking tries again


def _insert_rows(db: Any, ranking_id: int, kept: Sequence[Kept]) -> None:
    db.executemany(f"INSERT OR REPLACE INTO {ROWS} (ranking_id, readout_id, weight, length, "
                   "weights) VALUES (?, ?, ?, ?, ?)",
                   [(ranking_id, i, f, d, _text(w)) for i, f, d, w in kept])


def _drop(db: Any, ids: Sequence[int]) -> None:
    for ranking_id in ids:
        db.execute(f"DELETE FROM {ROWS} WHERE ranking_id = ?", (ranking_id,))
        db.execute(f"DELETE FROM {RANKINGS} WHERE id = ?", (ranking_id,))


# ----- writes ---------------------------------------------------------------------------


def _which(ids: Sequence[int], prefix: bool) -> str:
    """The rowid condition for ``ids``: one seek each for a few, else one pass over the
    range they span (for a prefix from three on: each seek merges the lists of every word
    it covers)."""
    if len(ids) <= (2 if prefix else FEW):
        return "rowid IN (SELECT value FROM json_each(:ids))"
    return (f"rowid BETWEEN {min(ids)} AND {max(ids)} AND +rowid IN "
            "(SELECT value FROM json_each(:ids))")


def _matching(conn: Connection, match: str, ids: Sequence[int], what: str) -> list[Any]:
    where = _which(ids, match.endswith("*"))
    table = table_of(match)
    sql = f"SELECT rowid, {what} FROM {table} WHERE {table} MATCH :m AND {where}"
    return _rows(conn, sql, {"m": match, "ids": json.dumps(list(ids))})


def counted(match: str) -> bool:
    """Whether the occurrences of ``match`` in a row can be counted from ``highlight()``:
    a word or a prefix (each occurrence one token), or a phrase of distinct plain words,
    whose occurrences cannot overlap (``highlight()`` runs overlapping ones together)."""
    words = _PLAIN.fullmatch(match)
    if words is None:
        return False
    tokens = words.group(1).lower().split()
    return len(set(tokens)) == len(tokens)


def _weights(conn: Connection, match: str, ids: Sequence[int], rows: int, avgdl: float,
             hits: int) -> dict[int, float | None]:
    """The column-weighted occurrences of ``match`` in those of ``ids`` it matches (None
    where that cannot be told exactly). ``highlight()`` marks each occurrence, column by
    column, from the index's own positions, and costs a few rows no more than they are;
    ``bm25()`` needs the phrase's number of hits over the whole index first (a pass over
    its list), so it pays only for many rows, inverted and checked. A date word (the
    year of a list kept for a year) weighs nothing wherever it is."""
    if is_date_phrase(match):
        return {int(r[0]): 0.0 for r in _matching(conn, match, ids, "1")}
    if len(ids) <= FEW and counted(match):
        return dict(_marked(conn, match, ids))
    found = [(int(i), float(s)) for i, s in _matching(conn, match, ids, _score(FTS_TABLE))]
    sizes = lengths(conn, [i for i, _s in found])
    idf_ = idf(rows, hits + len(found))
    return {i: weight_of(s, sizes[i], avgdl, idf_) if i in sizes else None for i, s in found}


def occurrences(match: str, pieces: Sequence[str]) -> float | None:
    """The column-weighted number of times a phrase of the table of runs occurs in a
    readout whose columns there are ``pieces`` (:func:`.sqlite_search.cjk_values`, each
    column its tokens with a space between): FTS5 counts a phrase at every token it starts
    from (overlapping ones too) and a prefix at every token that begins with it. None for
    a query of another shape."""
    found = _ONE_PHRASE.fullmatch(match)
    if found is None:
        return None
    column, inside, prefix = found.groups()
    tokens = inside.replace('""', '"').split(" ")
    if (prefix and len(tokens) != 1) or not all(tokens):
        return None
    total = 0.0
    for name, weight, value in zip(FTS_NAMES, _COLUMN_WEIGHTS, pieces, strict=True):
        if column and name != column:
            continue
        words = value.split()
        if prefix:
            times = sum(word.startswith(tokens[0]) for word in words)
        else:
            times = sum(words[i:i + len(tokens)] == tokens
                        for i in range(len(words) - len(tokens) + 1))
        total += weight * times
    return total


def _runs_weights(conn: Connection, match: str,
                  pieces: Mapping[int, Sequence[str]]) -> dict[int, float | None]:
    """:func:`_weights` for a query of the table of runs, which keeps no text for
    ``highlight()`` and whose ``bm25()`` of a frequent phrase first walks every hit
    (70-350 ms a query at a million readouts): the occurrences are counted in the pieces
    just indexed, and believed only where the index agrees that the row matches and has
    as many tokens (None where it does not: the ranking is then made afresh). Each
    readout's ``pieces`` are its row of the table: the runs' columns, then its date words."""
    found = {int(r[0]) for r in _matching(conn, match, list(pieces), "1")}
    counts = {i: occurrences(match, values[:len(FTS_NAMES)]) for i, values in pieces.items()}
    sizes = lengths(conn, sorted(found), CJK_TABLE)
    weights: dict[int, float | None] = {}
    for readout_id in found | {i for i, c in counts.items() if c}:
        times = counts.get(readout_id)
        told = sum(len(v.split()) for v in pieces[readout_id])  # found only among them
        weights[readout_id] = times if (readout_id in found and times
                                        and sizes.get(readout_id) == told) else None
    return weights


def leaving(conn: Connection, ids: Sequence[int]) -> None:
    """Readouts about to leave the index leave every kept ranking (their hits counted off)."""
    if not ids or not _kept_tables(conn):
        return
    db = _driver(conn)
    _drop(db, [int(r[0]) for r in db.execute(f"SELECT id FROM {RANKINGS} WHERE revision <> ?",
                                             (_revision(conn),))])
    entries = _entries(conn)
    if len(ids) > FORGET_FROM:  # many readouts purged: as for an import
        _drop(db, [e.id for e in entries])
        return
    listed = json.dumps(list(ids))
    for entry in entries:
        if _pair(entry.match):
            going, gone = [], _pair_hits(conn, entry.match, ids)
        else:
            going = [int(r[0]) for r in _matching(conn, entry.match, ids, "1")]
            gone = len(going)
        if gone:
            db.execute(f"UPDATE {RANKINGS} SET hits = hits - ? WHERE id = ?", (gone, entry.id))
            _move_days(conn, db, entry, going, -1)
        if several := phrases(entry.match) if entry.phrase_hits else None:
            each = tuple(h - len(_matching(conn, phrase, ids, "1"))
                         for phrase, h in zip(several, entry.phrase_hits, strict=True))
            db.execute(f"UPDATE {RANKINGS} SET phrase_hits = ? WHERE id = ?",
                       (_text(each), entry.id))
        db.execute(f"DELETE FROM {ROWS} WHERE ranking_id = ? AND readout_id IN "
                   "(SELECT value FROM json_each(?))", (entry.id, listed))


def entered(conn: Connection, indexed: Sequence[tuple[int, Mapping[str, str]]]) -> None:
    """Readouts just indexed (ids and index text) join the kept rankings they reach
    (their hits counted in)."""
    if not indexed or not _kept_tables(conn):
        return
    entries = _entries(conn)
    if not entries:
        return
    db = _driver(conn)
    if len(indexed) > FORGET_FROM:
        # An import: it moves the average length, which soon fails the bound anyway, and
        # keeping every list true through it would cost a pass over each query's hits.
        _drop(db, [e.id for e in entries])
        return
    # FTS5 keeps a transaction's new rows and its totals in memory until a savepoint or
    # the commit writes them out; bm25() counts them, so the totals read must too.
    db.execute("SAVEPOINT kept_rankings")
    db.execute("RELEASE kept_rankings")
    ids = [readout_id for readout_id, _fields in indexed]
    table_totals = {table: totals(conn, table) for table in {table_of(e.match)
                                                             for e in entries}}
    pieces: dict[int, Sequence[str]] | None = None
    for entry in entries:
        if _pair(entry.match):
            if joined := _pair_hits(conn, entry.match, ids):
                db.execute(f"UPDATE {RANKINGS} SET hits = hits + ? WHERE id = ?",
                           (joined, entry.id))
            continue
        table = table_of(entry.match)
        rows, tokens = table_totals[table]
        if rows <= 0:
            continue
        if entry.phrase_hits:
            _enter_several(conn, db, entry, ids, rows, tokens / rows)
            continue
        if table == CJK_TABLE:
            if pieces is None:
                empty = ("",) * len(FTS_NAMES)
                pieces = {readout_id: (*(cjk_values([fields.get(n, "") for n in FTS_NAMES])
                                         or empty), date_words(fields.get(MEETING_DATE)))
                          for readout_id, fields in indexed}
            weights = _runs_weights(conn, entry.match, pieces)
        else:
            weights = _weights(conn, entry.match, ids, rows, tokens / rows, entry.hits)
        if not weights:
            continue
        sizes = lengths(conn, list(weights), table)
        if any(w is None or i not in sizes for i, w in weights.items()):
            _drop(db, [entry.id])  # not known exactly: rank in full next time
            continue
        joining = [k for k in ((i, float(w or 0), sizes[i], ()) for i, w in weights.items())
                   if entry.reach(k) > entry.floor]
        db.execute(f"UPDATE {RANKINGS} SET hits = ? WHERE id = ?",
                   (entry.hits + len(weights), entry.id))
        _insert_rows(db, entry.id, joining)
        if joining:
            _trim(db, entry)


def _enter_several(conn: Connection, db: Any, entry: Entry, ids: Sequence[int], rows: int,
                   avgdl: float) -> None:
    """:func:`entered` for a query of several phrases: each phrase's hits counted in, and
    the rows that hold them all (the query's hits) join the list when their sum beats
    the floor."""
    several = phrases(entry.match)
    assert several is not None
    each = [_weights(conn, phrase, ids, rows, avgdl, hits)
            for phrase, hits in zip(several, entry.phrase_hits, strict=True)]
    holding = sorted(set(each[0]).intersection(*each[1:]))
    sizes = lengths(conn, holding)
    if any(None in weights.values() for weights in each) or any(
            i not in sizes for i in holding):
        _drop(db, [entry.id])  # not known exactly: rank in full next time
        return
    joining = [k for k in ((i, float(each[0][i] or 0), sizes[i],
                            tuple(float(weights[i] or 0) for weights in each))
                           for i in holding) if entry.reach(k) > entry.floor]
    db.execute(f"UPDATE {RANKINGS} SET hits = ?, phrase_hits = ? WHERE id = ?",
               (entry.hits + len(holding), _text([h + len(weights) for h, weights in zip(
                   entry.phrase_hits, each, strict=True)]), entry.id))
    _move_days(conn, db, entry, holding, 1)
    _insert_rows(db, entry.id, joining)
    if joining:
        _trim(db, entry)


def _trim(db: Any, entry: Entry) -> None:
    """Cut a list grown past :data:`KEEP` + :data:`SLACK` back to :data:`KEEP`, raising
    the floor to the best of the rows it lets go."""
    kept = _kept_rows(db, entry)
    if len(kept) <= KEEP + SLACK:
        return
    kept.sort(key=entry.reach, reverse=True)
    going = kept[KEEP:]
    floor = max(entry.floor, entry.reach(going[0]))
    db.execute(f"UPDATE {RANKINGS} SET floor = ? WHERE id = ?", (floor, entry.id))
    db.executemany(f"DELETE FROM {ROWS} WHERE ranking_id = ? AND readout_id = ?",
                   [(entry.id, k[0]) for k in going])


def forget(conn: Connection) -> None:
    """The index is emptied: every kept ranking goes."""
    if _kept_tables(conn):
        db = _driver(conn)
        db.execute(f"DELETE FROM {ROWS}")
        db.execute(f"DELETE FROM {RANKINGS}")
