"""The SQLite backend: every SQL string and everything only SQLite understands.

Pragmas, the FTS5 full-text index and its ``MATCH`` language, bm25 ranking, snippets,
SQLite's error texts, its online backup API and its integrity checks all live here, in
:class:`SqliteBackend` (the :class:`~readout_desk.archive.backend.Backend` of archive
files) and the module-level helpers it uses. Another backend replaces this module,
not the archive package.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import tempfile
import threading
from collections.abc import Callable, Collection, Hashable, Mapping, Sequence
from contextlib import closing, suppress
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, Table, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import ConnectionPoolEntry

from readout_desk.archive import (
    errors,
    sqlite_dates,
    sqlite_index,
    sqlite_kept,
    sqlite_page_index,
    sqlite_rows,
    sqlite_terms,
)
from readout_desk.archive import search as searching
from readout_desk.archive.backend import (
    WRITE_OPTION,
    Counted,
    FacetRows,
    lent_out,
    watch_lent,
)
from readout_desk.archive.errors import ArchiveError
from readout_desk.archive.snippets import HIGHLIGHT_END, HIGHLIGHT_START
from readout_desk.archive.sqlite_driver import driver as _driver
from readout_desk.archive.sqlite_driver import rows as _fetch
from readout_desk.archive.sqlite_first_page import SQLITE_HEADER as _SQLITE_HEADER
from readout_desk.archive.sqlite_first_page import length_problems as _length_problems
from readout_desk.archive.sqlite_search import (
    _WEIGHTS,  # noqa: F401 - read by a reference
    ANY_SAMPLE,
    CJK_TABLE,
    FTS_COLUMNS,
    FTS_TABLE,
    RELEVANCE,
    RUN_PARAM,
    SAMPLE_RANK_PENALTY,
    SORT_COLUMNS,
    SqlSearch,
    build_search,
    facet_sql,
    finish_rows,
    hit_rows_sql,
    match_expressions,
    page_sql,
    ranking_sql,
)
from readout_desk.domain.messages import Message
from readout_desk.domain.query import ParsedQuery

if TYPE_CHECKING:
    from readout_desk.archive.writes import Prepared

#: How long a writer waits for another process's transaction before giving up.
BUSY_TIMEOUT_S = 5.0
#: Pages copied per step of a copy whose progress is shown (64 MB at 4 KiB pages).
COPY_STEP_PAGES = 16384

#: Where the full-text tables, the query language and snippets are written.
__all__ = ["FTS_COLUMNS", "FTS_TABLE", "CJK_TABLE", "HIGHLIGHT_START", "HIGHLIGHT_END",
           "SAMPLE_RANK_PENALTY", "RELEVANCE", "SORT_COLUMNS", "SqlSearch", "build_search",
           "match_expressions", "page_sql", "BACKEND", "SqliteBackend", "file_path",
           "is_sqlite_url"]


def _on_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
    # Let SQLAlchemy own transactions: pysqlite's implicit BEGIN handling is off.
    dbapi_connection.isolation_level = None
    sqlite_index.register_functions(dbapi_connection)  # the index's text calls it
    with closing(dbapi_connection.cursor()) as cursor:
        cursor.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        cursor.execute("PRAGMA foreign_keys = ON")
        # On read-only media or a locked file the current journal mode stays.
        with suppress(sqlite3.OperationalError):
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")


def _on_begin(conn: Connection) -> None:
    # A write transaction takes the write lock first: a deferred one that has read and
    # then needs the lock while another connection holds it is refused at once (the busy
    # timeout does not apply, as waiting could not make its snapshot current). Readers
    # stay deferred, so they never wait for a writer (WAL).
    writes = bool(conn.get_execution_options().get(WRITE_OPTION))
    conn.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")


def _sealed(path: Path) -> bool:
    """A file in a folder this process cannot write, with no log beside it."""
    return (not os.access(path.parent, os.W_OK)
            and not path.with_name(path.name + "-wal").exists())


def is_sqlite_url(location: str) -> bool:
    """Whether ``location`` names a SQLite archive (a file path or a sqlite:// URL)."""
    return "://" not in location or location.startswith("sqlite")


def file_path(location: str) -> Path | None:
    """The database file behind ``location``, or ``None`` for an in-memory archive."""
    if "://" not in location:
        return Path(location).expanduser()
    url = make_url(location)
    if url.database in (None, "", ":memory:"):
        return None
    return Path(url.database).expanduser()


def _listed(ids: Sequence[int]) -> str:
    return ", ".join(str(int(i)) for i in ids)


#: How many readouts of a date range are read first to see whether their ids lie close
#: together (:func:`_within_ids`), and at most.
ID_SPREAD_SAMPLE = 2_000
ID_SPREAD_LIMIT = 100_000


def _within_ids(conn: Connection, search: SqlSearch) -> SqlSearch:
    """A search of words in a date range, its matches looked for only between the lowest
    and highest ids of the range's readouts, when those lie close together.

    Readouts kept as they happen are numbered in about the order of their dates, so a
    range's readouts hold a stretch of ids, and FTS5 reads a word's matches from the
    first to the last of them instead of every match, each tested against the range: at
    1M readouts, a word in 945,000 and half a year's 29,500 readouts, 12 ms instead of
    91 when the ids were a twentieth of the archive's. The ids of the first
    :data:`ID_SPREAD_SAMPLE` readouts of the range (index entries only) say whether to
    read them all: spread over half the archive, no bound would narrow it. A range of
    more than :data:`ID_SPREAD_LIMIT` readouts, or one longer than the sample for words in
    fewer readouts than :data:`~.search.ONE_BY_ONE_FROM` (few matches to pass over), is
    left as it is."""
    if not search.dated:
        return search
    params = {k: v for k, v in search.driver_params.items() if k in ("date_from", "date_to")}
    spread = ("SELECT min(id), max(id), count(*) FROM (SELECT r.id FROM readouts r "
              f"WHERE {search.dated} LIMIT {{}})")
    lowest, highest, seen = _fetch(conn, spread.format(ID_SPREAD_SAMPLE), params)[0]
    if not seen:
        return search.between(1, 0)  # no readout in the range: no hit
    if seen == ID_SPREAD_SAMPLE:
        # Two statements: min() and max() together would read the whole table.
        first, last = _fetch(conn, "SELECT (SELECT min(id) FROM readouts), "
                                   "(SELECT max(id) FROM readouts)")[0]
        least = searching.ONE_BY_ONE_FROM
        if 2 * (highest - lowest) > last - first or _matches(conn, search, least) < least:
            return search
        lowest, highest, seen = _fetch(conn, spread.format(ID_SPREAD_LIMIT + 1), params)[0]
        if seen > ID_SPREAD_LIMIT:
            return search
    return search.between(lowest, highest)


def _narrowed(conn: Connection, search: SqlSearch) -> SqlSearch:
    """A search of words in a date range, its range asked of the table of words as date
    words (:mod:`.sqlite_dates`) where the range has them, else its matches looked for
    between the range's ids where those lie close (:func:`_within_ids`). A range open at
    one end reaches the archive's first or last meeting date (two probes of the date
    index)."""
    if not search.dated or not search.undated_where:
        return _within_ids(conn, search)
    first, last = search.params.get("date_from"), search.params.get("date_to")
    if first is None or last is None:
        known = _fetch(conn, "SELECT (SELECT min(meeting_date) FROM readouts), "
                             "(SELECT max(meeting_date) FROM readouts)")[0]
        if known[0] is None:
            return search.between(1, 0)  # no readout has a date: no hit
        first = first if first is not None else dt.date.fromisoformat(str(known[0]))
        last = last if last is not None else dt.date.fromisoformat(str(known[1]))
    words = sqlite_dates.range_words(first, last)
    if words is None:
        return _within_ids(conn, search)
    if not words:
        return search.between(1, 0)  # an empty range: no hit
    return with_date_words(search, words)


def with_date_words(search: SqlSearch, words: list[str]) -> SqlSearch:
    """``search`` with its date range asked of the table of words as the range's date words
    beside the query's words: FTS5 reads only the matches in the range, and ``bm25()``
    scores them as before (the date words weigh nothing)."""
    match = f"({search.params['match']}) AND {sqlite_dates.range_match(words)}"
    return replace(search, params=dict(search.params, match=match),
                   fts_where=search.undated_where, known={})


#: What testing one readout met in the date index costs against reading one linked
#: readout by its id and sorting it (1M readouts: 1.5 µs against 1.4 for a topic, whose
#: links by readout are a covering index; 2.6 µs against 1.9 for a person, read from the
#: participants' rows), rounded up, so a page walks only when it clearly gains.
WALK_COST = 1.5


def _many_linked(conn: Connection, search: SqlSearch, want: int) -> bool:
    """Whether the readouts a search's whole topics or people link are so many that its
    page is cheaper read by walking the date index, testing each readout, than by reading
    every linked readout and sorting them: walking tests about ``want × all ÷ linked``
    readouts, reading reads ``linked``, so it walks from √(want × all × the cost) linked
    readouts on (17,000 of a million for a page of 200; a topic in 47,000 of them: 65 ms
    read and sorted, 6.5 ms walked; a person in 12,600: 24 ms read, 42 ms walked). Each
    set is counted only that far, in its own index."""
    everything = int(_fetch(conn, "SELECT max(id) FROM readouts")[0][0] or 0)
    enough = max(1, int((want * everything * WALK_COST) ** 0.5))
    params = search.driver_params
    return all(_fetch(conn, f"SELECT count(*) FROM (SELECT 1 FROM ({linked}) LIMIT {enough})",
                      params)[0][0] >= enough for linked in search.sets)


def _matches(conn: Connection, search: SqlSearch, cap: int,
             ids: tuple[int, int] | None = None) -> int:
    """How many readouts the words of ``search`` match, its filters aside, up to ``cap``
    (with ``ids``, only those from the first id to the last)."""
    key = f"matches up to {cap} in {ids}"
    if key not in search.known:
        table = search.table
        within = f" AND rowid BETWEEN {int(ids[0])} AND {int(ids[1])}" if ids else ""
        sql = (f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {table} MATCH :match"
               f"{within} LIMIT {int(cap)})")
        search.known[key] = int(_fetch(conn, sql, {"match": _counting(conn, search)})[0][0]
                                or 0)
    return search.known[key]


def _counting(conn: Connection, search: SqlSearch) -> str:
    """The ``MATCH`` of a search's words for counting them: a prefix of the table of words
    as the words it covers (:mod:`.sqlite_terms`: the same readouts without merging the
    words' lists first, 400-800 ms at a million readouts)."""
    match = str(search.params.get("match", ""))
    if not (match and search.has_prefix and search.table == FTS_TABLE):
        return match
    return sqlite_terms.for_counting(_driver(conn), FTS_TABLE, match)


_TRANSLATIONS: tuple[tuple[tuple[str, ...], Callable[[str, str], ArchiveError]], ...] = (
    (("locked", "busy"), lambda loc, _m: errors.ArchiveLockedError(Message(
        "The archive {location} is busy: another program (perhaps another Readout Desk "
        "window) is writing to it and did not let go within {seconds} seconds. Nothing was "
        "changed; try again in a moment.", location=loc, seconds=f"{BUSY_TIMEOUT_S:g}"))),
    (("disk is full",), lambda loc, _m: errors.ArchiveFullError(Message(
        "The disk holding {location} is full, so the change was not saved; the archive is as "
        "it was. Free some space and try again.", location=loc))),
    (("readonly", "read-only", "attempt to write"), lambda loc, _m: errors.ArchiveReadOnlyError(
        Message("The archive {location} is read-only, so the change was not saved.",
                location=loc))),
    (("not a database", "malformed", "corrupt"), lambda loc, m: errors.ArchiveDamagedError(
        Message("{location} is damaged or is not a Readout Desk archive ({problem}); open "
                "another file, or restore this one from a backup.", location=loc, problem=m))),
    (("unable to open",), lambda loc, m: ArchiveError(Message(
        "The archive {location} cannot be opened: {problem}.", location=loc, problem=m))),
    (("interrupted",), lambda loc, _m: errors.ArchiveInterruptedError(Message(
        "Reading the archive {location} was stopped before it finished.", location=loc))),
)


class SqliteBackend:
    """Archives in SQLite files (or in memory), searched with FTS5."""

    name = "sqlite"
    driver_errors: tuple[type[BaseException], ...] = (DBAPIError, sqlite3.Error)
    side_suffixes: tuple[str, ...] = ("-wal", "-shm", "-journal")
    written_suffixes: tuple[str, ...] = ("-wal",)

    # ----- opening ------------------------------------------------------------------

    def file_path(self, location: str) -> Path | None:
        return None if location == ":memory:" else file_path(location)

    def can_write(self, path: Path) -> bool:
        # SQLite writes its journal beside the file, so the folder must be writable too.
        return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)

    def make_engine(self, path: Path | None, *, read_only: bool = False,
                    write_caches: bool = False) -> Engine:
        """An engine on a SQLite file with WAL, foreign keys and a busy timeout; with
        ``write_caches``, a read-only one whose searches may keep their rankings
        (:func:`.sqlite_kept.may_keep`)."""
        if path is None:
            url = "sqlite+pysqlite:///:memory:"
            connect_args: dict[str, Any] = {"check_same_thread": False}
        else:
            mode = "ro" if read_only else "rwc"
            if read_only and _sealed(path):
                # Nobody can write the folder, so nobody writes the file: read it as it
                # is, since a reader could not make the shared-memory file WAL needs.
                mode += "&immutable=1"
            url = f"sqlite+pysqlite:///file:{path}?mode={mode}&uri=true"
            connect_args = {"timeout": BUSY_TIMEOUT_S, "check_same_thread": False}
        engine = create_engine(url, connect_args=connect_args)
        event.listen(engine, "connect", _on_connect)
        if path is not None and read_only and write_caches and "immutable" not in url:
            event.listen(engine, "connect", sqlite_kept.may_keep)
        event.listen(engine, "begin", _on_begin)
        watch_lent(engine)
        return engine

    def check_opens(self, engine: Engine) -> None:
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA schema_version").scalar()

    def user_rights(self, engine: Engine) -> tuple[bool, bool]:
        return True, True  # a file has no users: whether it can be written is can_write's

    def translate(self, exc: BaseException, location: str) -> ArchiveError:
        message = str(getattr(exc, "orig", exc)).lower()
        for words, make in _TRANSLATIONS:
            if any(w in message for w in words):
                return make(location, message)
        return ArchiveError(Message("The archive {location} reported an error: {problem}.",
                                    location=location, problem=message))

    def table_names(self, conn: Connection) -> set[str]:
        rows = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {str(r[0]) for r in rows}

    def change_token(self, conn: Connection) -> Hashable:
        # data_version changes when another connection commits; it is per connection,
        # so the token holds the connection itself (compared by identity).
        return conn.connection.dbapi_connection, _fetch(conn, "PRAGMA data_version")[0][0]

    # ----- writing ------------------------------------------------------------------

    def insert_rows(self, conn: Connection, table: Table, columns: Sequence[str],
                    rows: Sequence[Sequence[Any]], stored: Collection[str] = ()) -> None:
        sqlite_rows.insert_rows(conn, table, columns, rows, stored)

    def insert_new_rows(self, conn: Connection, table: Table,
                        rows: Sequence[Mapping[str, Any]], stored: Collection[str] = ()
                        ) -> list[int]:
        return sqlite_rows.insert_new_rows(conn, table, rows, stored)

    def index_readouts(self, conn: Connection,
                       entries: Sequence[tuple[int, Mapping[str, str]]]) -> None:
        sqlite_index.index_readouts(conn, entries)
        sqlite_kept.entered(conn, entries)

    def ahead(self, prepared: Prepared) -> Prepared:
        return sqlite_rows.ahead(prepared)

    def index_prepared(self, conn: Connection, entries: Sequence[tuple[int, Prepared]]
                       ) -> None:
        sqlite_rows.index_prepared(conn, entries)

    def unindex(self, conn: Connection, readout_ids: Sequence[int]) -> None:
        sqlite_kept.leaving(conn, readout_ids)
        sqlite_index.unindex(conn, readout_ids)  # before the rows change: see the module

    def count_commit(self, conn: Connection) -> int:
        # The header's user_version is written with the transaction's other pages, so a
        # log lost after a crash takes the count back with the changes (archive/tally.py).
        changes = (self.commits_counted(conn) + 1) & 0x7FFFFFFF
        conn.exec_driver_sql(f"PRAGMA user_version = {changes}")
        return changes

    def commits_counted(self, conn: Connection) -> int:
        return int(conn.exec_driver_sql("PRAGMA user_version").scalar() or 0)

    def clear_index(self, conn: Connection) -> None:
        sqlite_index.clear_index(conn)
        sqlite_kept.forget(conn)

    # ----- searching ----------------------------------------------------------------

    def has_trash(self, conn: Connection, *, words: bool = False) -> bool:
        # Asked every time (an index probe): another process may have filled the trash.
        return bool(_fetch(conn, "SELECT EXISTS(SELECT 1 FROM readouts "
                                  "WHERE deleted_at IS NOT NULL)")[0][0] == 1)

    def render(self, query: ParsedQuery, *, trash_present: bool) -> SqlSearch:
        return build_search(query, trash_present=trash_present)

    def page_rows(self, conn: Connection, rendered: Any, *, sort: str, descending: bool,
                  limit: int, offset: int) -> Sequence[Sequence[Any]]:
        search: SqlSearch = rendered
        if search.sets and sort in ("date", "relevance") and _many_linked(
                conn, search, offset + limit):
            search = replace(search, from_where=search.walking_from_where)
        params = dict(search.params, limit=limit, offset=offset)
        return finish_rows(search, conn.execute(text(page_sql(search, sort, descending)),
                                                params).all())

    def ordered_ids(self, conn: Connection, rendered: Any, *, sort: str,
                    descending: bool) -> list[int]:
        search: SqlSearch = rendered
        sql = page_sql(search, sort, descending, ids_only=True)
        return [int(r[0]) for r in conn.execute(text(sql), search.params)]

    def count(self, conn: Connection, rendered: Any, cap: int | None) -> int:
        """With words only the full-text table is read: joining every hit to its readout
        costs thirty times more than walking the index's list of matching rows."""
        search: SqlSearch = rendered
        if (kept := sqlite_kept.count(conn, search, cap)) is not None:
            return kept
        if search.fts_where:
            search = _narrowed(conn, search)
        if search.fts_where and search.has_prefix:
            search = replace(search, params=dict(search.params,
                                                 match=_counting(conn, search)))
        source = (f"FROM {search.table} WHERE {search.fts_where}" if search.fts_where
                  else search.from_where)
        if search.sets_alone:  # every readout they link, each once, none read
            source = f"FROM (SELECT DISTINCT readout_id FROM ({search.sets[0]}))"
        sql = (f"SELECT count(*) {source}" if cap is None
               else f"SELECT count(*) FROM (SELECT 1 {source} LIMIT {int(cap)})")
        return int(_fetch(conn, sql, search.driver_params)[0][0] or 0)

    def ranked_ids(self, conn: Connection, rendered: Any, top: int, *,
                   least: int | None = None) -> list[tuple[int, float]]:
        """Ids and scores from the index alone: :meth:`hit_rows` reads the page's rows."""
        search: SqlSearch = rendered
        if (kept_top := sqlite_kept.ranked(conn, search, top, least)) is not None:
            return kept_top  # a word in most readouts: its kept ranking, when it is exact
        samples = _fetch(conn, ANY_SAMPLE)[0][0] == 1
        if search.filtered:
            # The filter is tested at every match of the words: counting them in the same
            # pass saves the count a second one (the window materialises only the hits).
            search = _narrowed(conn, search)
            rows = _fetch(conn, ranking_sql(search, samples=samples, counted=True),
                          dict(search.driver_params, top=top))
            return Counted(((int(i), float(score)) for i, score, _n in rows),
                           int(rows[0][2]) if rows else 0)
        sql = ranking_sql(search, samples=samples)
        return [(int(i), float(score)) for i, score in _fetch(
            conn, sql, dict(search.driver_params, top=top))]

    def meeting_dates(self, conn: Connection, ids: Sequence[int]) -> dict[int, str]:
        sql = f"SELECT id, meeting_date FROM readouts WHERE id IN ({_listed(ids)})"
        return {int(i): str(day) for i, day in _fetch(conn, sql) if day is not None}

    def hit_rows(self, conn: Connection, rendered: Any, ids: Sequence[int], *,
                 one_by_one: bool) -> Sequence[Sequence[Any]]:
        """``one_by_one`` asks FTS5 for each id in turn: cheapest when the words match many
        readouts (a hundred seeks, not a pass over every match). A prefix merges every
        matching term's list at each lookup, and once even for one pass over the matches
        that probes the id list ("+" keeps the planner from making it lookups, bounded by
        the rowid range FTS5 uses): with few matches that pass, with many the page's own
        index (:mod:`.sqlite_page_index`), whose cost is the page's."""
        search: SqlSearch = rendered
        params = {} if search.table == CJK_TABLE else search.driver_params
        if not one_by_one and search.table == FTS_TABLE and (
                search.filtered or any(map(RUN_PARAM.fullmatch, search.params))):
            # The pass walks every match of the words from the page's first id to its
            # last, those the filter (a date range) or the runs beside them (``会談 APEC``)
            # leave out too: at 1M readouts, a word in 345,000 of them with 10,000 in the
            # range took 30 ms to pass over against 15 ms for 200 lookups, and ``森川
            # CPTPP`` (2,322 hits; the word alone in 157,000 readouts) 66 ms against 45.
            # (In an archive numbered by date, a range's page lies in a stretch of ids,
            # and the pass is short.)
            least = searching.ONE_BY_ONE_FROM
            one_by_one = _matches(conn, search, least, (min(ids), max(ids))) >= least
        if one_by_one and sqlite_page_index.applies(search):
            found = sqlite_page_index.hit_rows(conn, search, ids)
            # A row its own text does not find (an index another program left stale) is
            # read from the index as before.
            if missing := sorted(set(ids).difference(int(row[0]) for row in found)):
                found += _fetch(conn, hit_rows_sql(search, _listed(missing), (
                    missing[0], missing[-1])), params)
            return finish_rows(search, found)
        sql = hit_rows_sql(search, _listed(ids), None if one_by_one else (min(ids), max(ids)))
        return finish_rows(search, _fetch(conn, sql, params))

    def facet_rows(self, conn: Connection, rendered: Any, limit: int,
                   sample: int | None = None) -> FacetRows:
        search: SqlSearch = rendered
        if search.has_prefix and "match" in search.params:
            # The hits as a set, in no score's order: a prefix read as its words.
            search = replace(search, params=dict(search.params,
                                                 match=_counting(conn, search)))
        hits, params = f"SELECT r.id {search.from_where}", search.params
        if sample is not None:
            # The newest hits, read once in the index's own order (no ranking, no sort).
            # Through the driver's cursor: thousands of ids read one by one through
            # SQLAlchemy's result would hold the interpreter from the window meanwhile.
            order = f"{search.table}.rowid" if search.has_match else "r.id"
            ids = [int(i) for (i,) in _fetch(
                conn, f"{hits} ORDER BY {order} DESC LIMIT {int(sample)}",
                search.driver_params)]
            hits, params = "SELECT value FROM json_each(:sample)", {"sample": json.dumps(ids)}
        countries, years, topics, people, modes = (
            [tuple(row) for row in conn.execute(text(sql), params)]
            for sql in facet_sql(hits, limit))
        return FacetRows(countries, years, topics, people, modes)

    # ----- soundness and copies of files ----------------------------------------------

    def integrity_problems(self, conn: Connection) -> list[str]:
        """``PRAGMA integrity_check``, then the FTS5 index's own check."""
        rows = [str(r[0]) for r in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()]
        problems = [r for r in rows if r != "ok"]
        if not problems:
            for table in (FTS_TABLE, CJK_TABLE):
                try:  # rank 0: the index itself (archive/sqlite_index.py says why)
                    conn.exec_driver_sql(
                        f"INSERT INTO {table}({table}, rank) VALUES('integrity-check', 0)")
                except Exception as exc:  # noqa: BLE001 - any failure is a damaged index
                    if "interrupted" in str(exc):
                        raise  # stopped on purpose: not a finding
                    problems.append(f"full-text index: {getattr(exc, 'orig', exc)}")
        return problems

    def file_problems(self, path: Path, *, full: bool = False,
                      within: float | None = None) -> list[str]:
        """The file's length against its header, then ``quick_check`` (or
        ``integrity_check``), stopped after ``within`` seconds when given (what was not
        reached by then is not reported). For files that may not be archives at all
        (backups, damaged copies), so it uses the driver directly rather than an engine
        with the archive's pragmas."""
        if problems := _length_problems(path):
            return problems
        pragma = "integrity_check" if full else "quick_check"
        try:
            with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True,
                                         timeout=BUSY_TIMEOUT_S)) as conn:
                # The check is one step of SQLite's machine (no progress callback inside
                # it), but it looks for an interruption between pages.
                watchdog = threading.Timer(within or 0.0, conn.interrupt)
                if within is not None:
                    watchdog.start()
                try:
                    rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
                finally:
                    watchdog.cancel()
        except sqlite3.Error as exc:
            if within is not None and "interrupted" in str(exc):
                return []  # out of time: the rest is the background check's
            return [str(exc)]
        return [r for r in rows if r != "ok"]

    def examine_file(self, path: Path) -> tuple[str, list[str], int]:
        """Read-only throughout: the file is copied through the online backup API, and
        the full integrity check and the full-text index's check (which SQLite runs as
        an INSERT) run on that private copy."""
        readouts = 0
        try:
            with path.open("rb") as handle:
                first = handle.read(100)
            header = first[:len(_SQLITE_HEADER)]
            if not header:
                return "damaged", ["the file is empty"], 0
            if header != _SQLITE_HEADER:
                return "foreign", ["the file is not a database"], 0
            with tempfile.TemporaryDirectory() as folder:
                copy = Path(folder) / "check.sqlite3"
                # A file in WAL mode (byte 18 is 2) with no log beside it holds
                # everything and nobody is writing it: read it as it is (a reader would
                # leave a shared-memory file and a log behind). Otherwise read it as
                # usual, waiting for the lock of whoever is writing.
                idle_wal = first[18:19] == b"\x02" and not path.with_name(
                    path.name + "-wal").exists()
                how = "mode=ro&immutable=1" if idle_wal else "mode=ro"
                with closing(sqlite3.connect(f"file:{path}?{how}", uri=True,
                                             timeout=BUSY_TIMEOUT_S)) as source, \
                        closing(sqlite3.connect(copy)) as conn:
                    source.execute("SELECT count(*) FROM sqlite_master").fetchone()
                    source.backup(conn)
                    sqlite_index.register_functions(conn)
                    problems = [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
                    if problems != ["ok"]:
                        return "damaged", problems, 0
                    tables = {str(r[0]) for r in conn.execute(
                        "SELECT name FROM sqlite_master WHERE type = 'table'")}
                    if "readouts" not in tables or FTS_TABLE not in tables:
                        return "foreign", ["the database has no readouts"], 0
                    readouts = int(conn.execute("SELECT count(*) FROM readouts").fetchone()[0])
                    try:
                        conn.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) "
                                     "VALUES('integrity-check', 0)")
                    except sqlite3.DatabaseError as exc:
                        return "damaged", [f"full-text index: {exc}"], readouts
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                return "locked", [str(exc)], 0
            return "damaged", [str(exc)], 0
        except sqlite3.DatabaseError as exc:
            return "damaged", [str(exc)], 0
        return "sound", [], readouts

    def copy_file(self, source: Path, target: Path,
                  progress: Callable[[int, int], None] | None = None) -> None:
        """SQLite's online backup API: a consistent copy even while the file is in use.

        Without ``progress``, in one step (a write to the file meanwhile waits for it);
        with it, :data:`COPY_STEP_PAGES` at a time, ``progress`` told the pages done and in
        all after each (a write from another connection between steps starts the copy
        again, so this is for a file nothing else writes, as before a migration)."""
        target.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True,
                                     timeout=BUSY_TIMEOUT_S)) as src, \
                closing(sqlite3.connect(str(target))) as dst:
            if progress is None:
                src.backup(dst)
            else:
                src.backup(dst, pages=COPY_STEP_PAGES,
                           progress=lambda _status, left, total: progress(total - left, total))

    def make_self_contained(self, path: Path) -> None:
        """Switch a copied database out of WAL mode."""
        with closing(sqlite3.connect(str(path))) as conn:
            conn.execute("PRAGMA journal_mode = DELETE").fetchall()

    def interrupt(self, engine: Engine) -> None:
        """``sqlite3_interrupt`` on every connection in use (safe from any thread)."""
        for dbapi_connection in lent_out(engine):
            dbapi_connection.interrupt()


#: The one SQLite backend (it keeps only compiled statements, no connection).
BACKEND = SqliteBackend()
