"""The SQLite backend: every SQL string and everything only SQLite understands.

Pragmas, the FTS5 full-text index and its ``MATCH`` language, bm25 ranking, snippets,
SQLite's error texts, its online backup API and its integrity checks all live here, in
:class:`SqliteBackend` (the :class:`~readout_desk.archive.backend.Backend` of archive
files) and the module-level helpers it uses. Another backend replaces this module,
not the archive package.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Callable, Hashable, Mapping, Sequence
from contextlib import closing, suppress
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import ConnectionPoolEntry

from readout_desk.archive import errors
from readout_desk.archive.backend import HIT_COLUMNS, FacetRows
from readout_desk.archive.errors import ArchiveError
from readout_desk.domain.query import ParsedQuery, Term

#: How long a writer waits for another process's transaction before giving up.
BUSY_TIMEOUT_S = 5.0

#: The full-text index columns and their BM25 weights, in table order.
FTS_COLUMNS: tuple[tuple[str, float], ...] = (
    ("title", 10.0), ("section", 4.0), ("people", 6.0), ("place", 4.0), ("occasion", 3.0),
    ("topics", 6.0), ("kinds", 2.0), ("countries", 3.0), ("body", 1.0), ("publisher", 1.0),
)
FTS_TABLE = "readout_fts"
_WEIGHTS = ", ".join(str(w) for _c, w in FTS_COLUMNS)
_FTS_NAMES = tuple(c for c, _w in FTS_COLUMNS)

#: Marks around highlighted words in snippets; control characters no readout contains,
#: so a view can escape the text first and then turn the marks into highlighting.
HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"

#: Added to a sample readout's BM25 score (lower is better; BM25 scores here are small
#: negative numbers), so that illustrative samples rank after the user's own readouts.
#: The sample ids come from a partial index that holds only samples: in an archive
#: without samples it is empty and the test costs nothing.
SAMPLE_RANK_PENALTY = 1_000_000
RELEVANCE = (
    f"(bm25({FTS_TABLE}, {_WEIGHTS}) + CASE WHEN {FTS_TABLE}.rowid IN "
    f"(SELECT id FROM readouts WHERE is_sample = 1) THEN {SAMPLE_RANK_PENALTY} ELSE 0 END)"
)
_SNIPPET = f"snippet({FTS_TABLE}, -1, '{HIGHLIGHT_START}', '{HIGHLIGHT_END}', '…', 14)"
_HIT_SELECT = "SELECT " + ", ".join(f"r.{c}" for c in HIT_COLUMNS[:-1])

#: The ORDER BY column of each sort key other than relevance.
SORT_COLUMNS: dict[str, str] = {
    "date": "r.meeting_date", "title": "r.title COLLATE NOCASE",
    "section": "r.section COLLATE NOCASE", "place": "r.place_city COLLATE NOCASE",
    "mode": "r.mode", "sessions": "r.session_count", "duration": "r.total_minutes",
    "publisher": "r.publisher COLLATE NOCASE", "updated": "r.updated_at",
}


def _on_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
    # Let SQLAlchemy own transactions: pysqlite's implicit BEGIN handling is off.
    dbapi_connection.isolation_level = None
    with closing(dbapi_connection.cursor()) as cursor:
        cursor.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        cursor.execute("PRAGMA foreign_keys = ON")
        # On read-only media or a locked file the current journal mode stays.
        with suppress(sqlite3.OperationalError):
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")


def _on_begin(conn: Connection) -> None:
    # IMMEDIATE would block readers' upgrades; DEFERRED plus busy_timeout is enough
    # because every write transaction is short.
    conn.exec_driver_sql("BEGIN")


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


def _quote(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def _term(term: Term) -> str:
    body = _quote(term.text) + (" *" if term.prefix else "")
    return f"{term.column} : {body}" if term.column else body


def match_expressions(query: ParsedQuery) -> tuple[str | None, str | None]:
    """The FTS5 MATCH expressions for what must match and for what must not.

    The second is set only when nothing positive is given (``-word`` alone), in which
    case the caller excludes its matches with ``NOT IN``.
    """
    clauses = []
    for clause in query.required:
        parts = [_term(t) for t in clause]
        clauses.append(parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")")
    negative = " OR ".join(_term(t) for t in query.excluded) if query.excluded else None
    if not clauses:
        return None, negative
    positive = " AND ".join(clauses)
    if negative:
        positive = f"({positive}) NOT ({negative})"
    return positive, None


@dataclass(frozen=True)
class SqlSearch:
    """A search rendered to SQL: the FROM/WHERE part and its parameters."""

    from_where: str
    params: dict[str, Any]
    has_match: bool
    empty: bool  # the query cannot match anything
    # The same hits as a WHERE on the full-text table alone (set when there are words):
    # conditions on readouts become rowid filters, so counting and ranking need no join.
    fts_where: str = ""
    has_prefix: bool = False  # some word ends in "*"

    @property
    def indexed(self) -> bool:
        return bool(self.fts_where)

    @cached_property
    def driver_params(self) -> dict[str, Any]:
        """The parameters as the sqlite3 driver takes them (dates as their stored text)."""
        return {k: v.isoformat() if isinstance(v, dt.date) else v
                for k, v in self.params.items()}

    @cached_property
    def index_key(self) -> Hashable:
        return self.fts_where, tuple(sorted(self.driver_params.items()))


def _trash_filter(query: ParsedQuery, trash_present: bool) -> str:
    if query.only_trash:
        return "r.deleted_at IS NOT NULL"
    if not query.include_trash and trash_present:
        # The unary plus keeps the planner off the deleted_at index, which would make it
        # sort every live readout instead of walking the date index.
        return "+r.deleted_at IS NULL"
    return ""


def _fts_where(filters: list[str], trash: str) -> str:
    # The "+" keeps FTS5 from being asked once per listed rowid: probing a small
    # set of ids while walking the matches is far cheaper than one lookup per id.
    where = f"{FTS_TABLE} MATCH :match"
    if filters:
        conditions = " AND ".join(filters + ([trash] if trash else []))
        where += f" AND +{FTS_TABLE}.rowid IN (SELECT r.id FROM readouts r WHERE {conditions})"
    elif trash == "+r.deleted_at IS NULL":
        where += (f" AND +{FTS_TABLE}.rowid NOT IN "
                  "(SELECT id FROM readouts WHERE deleted_at IS NOT NULL)")
    elif trash:
        where += (f" AND +{FTS_TABLE}.rowid IN "
                  "(SELECT id FROM readouts WHERE deleted_at IS NOT NULL)")
    return where


def build_search(query: ParsedQuery, *, trash_present: bool) -> SqlSearch:
    """The FROM ... WHERE ... of a search, shared by the page query, the count and facets."""
    positive, negative = match_expressions(query)
    params: dict[str, Any] = {}
    where: list[str] = []
    if positive:
        source = f"{FTS_TABLE} JOIN readouts r ON r.id = {FTS_TABLE}.rowid"
        where.append(f"{FTS_TABLE} MATCH :match")
        params["match"] = positive
    else:
        source = "readouts r"
    if negative:
        where.append(f"r.id NOT IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :neg)")
        params["neg"] = negative
    trash = _trash_filter(query, trash_present)
    if trash:
        where.append(trash)
    filters: list[str] = []
    if query.modes:
        names = []
        for i, mode in enumerate(query.modes):
            params[f"mode{i}"] = mode.value
            names.append(f":mode{i}")
        filters.append(f"r.mode IN ({', '.join(names)})")
    if query.date_from:
        filters.append("r.meeting_date >= :date_from")
        params["date_from"] = query.date_from
    if query.date_to:
        filters.append("r.meeting_date <= :date_to")
        params["date_to"] = query.date_to
    where += filters
    empty = bool(query.date_from and query.date_to and query.date_from > query.date_to)
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    fts_where = _fts_where(filters, trash) if positive else ""
    has_prefix = any(t.prefix for clause in query.required for t in clause)
    return SqlSearch(f"FROM {source}{clause}", params, bool(positive), empty, fts_where,
                     has_prefix)


def page_sql(search: SqlSearch, sort: str, descending: bool) -> str:
    """SELECT one page of hits, with a snippet when there are words to highlight."""
    snippet = _SNIPPET if search.has_match else "substr(r.lead, 1, 160)"
    if sort == "relevance" and search.has_match:
        order = f"{RELEVANCE}, r.meeting_date DESC, r.id DESC"
    else:
        column = SORT_COLUMNS.get(sort, "r.meeting_date")
        direction = "DESC" if descending or sort == "relevance" else "ASC"
        # Same order as "col IS NULL, col": NULLS LAST lets SQLite walk an index on the
        # column (the date index: the unfiltered archive's first page costs one page
        # of index instead of sorting every readout).
        order = f"{column} {direction} NULLS LAST, r.id {direction}"
    return (f"{_HIT_SELECT}, {snippet} AS snippet {search.from_where} ORDER BY {order} "
            "LIMIT :limit OFFSET :offset")


def _listed(ids: Sequence[int]) -> str:
    return ", ".join(str(int(i)) for i in ids)


def _facet_sql(hits: str, limit: int) -> tuple[str, str, str, str, str]:
    """Countries, years, topics, people and modes among the readouts ``hits`` selects."""
    return (
        f"SELECT c.code, count(DISTINCT c.readout_id) AS n FROM readout_countries c "
        f"WHERE c.readout_id IN ({hits}) GROUP BY c.code ORDER BY n DESC, c.code "
        f"LIMIT {int(limit)}",
        f"SELECT substr(r2.meeting_date, 1, 4) AS y, count(*) FROM readouts r2 "
        f"WHERE r2.id IN ({hits}) AND r2.meeting_date IS NOT NULL "
        f"GROUP BY y ORDER BY y DESC LIMIT {int(limit)}",
        f"SELECT t.name, count(*) AS n FROM readout_topics rt JOIN topics t "
        f"ON t.id = rt.topic_id WHERE rt.readout_id IN ({hits}) GROUP BY t.id "
        f"ORDER BY n DESC, t.name LIMIT {int(limit)}",
        f"SELECT pe.family_name, pe.given_name, pe.name_order, "
        f"count(DISTINCT pa.readout_id) AS n FROM participants pa JOIN people pe "
        f"ON pe.id = pa.person_id WHERE pa.readout_id IN ({hits}) GROUP BY pe.id "
        f"ORDER BY n DESC, pe.family_name LIMIT {int(limit)}",
        f"SELECT r2.mode, count(*) AS n FROM readouts r2 WHERE r2.id IN ({hits}) "
        f"GROUP BY r2.mode ORDER BY n DESC",
    )


_TRANSLATIONS: tuple[tuple[tuple[str, ...], Callable[[str, str], ArchiveError]], ...] = (
    (("locked", "busy"), lambda loc, _m: errors.ArchiveLockedError(
        f"The archive {loc} is busy: another Readout Desk window or process is "
        f"writing to it and did not finish within {BUSY_TIMEOUT_S:.0f} seconds. "
        "Nothing was changed; try again in a moment.")),
    (("disk is full",), lambda loc, _m: errors.ArchiveFullError(
        f"The disk holding {loc} is full, so the change was not saved; "
        "the archive is as it was. Free some space and try again.")),
    (("readonly", "read-only", "attempt to write"), lambda loc, _m: errors.ArchiveReadOnlyError(
        f"The archive {loc} is read-only, so the change was not saved.")),
    (("not a database", "malformed", "corrupt"), lambda loc, m: errors.ArchiveDamagedError(
        f"{loc} is damaged or is not a Readout Desk archive ({m}); "
        "open another file, or restore this one from a backup.")),
    (("unable to open",), lambda loc, m: ArchiveError(
        f"The archive {loc} cannot be opened: {m}.")),
)


class SqliteBackend:
    """Archives in SQLite files (or in memory), searched with FTS5."""

    name = "sqlite"
    driver_errors: tuple[type[BaseException], ...] = (DBAPIError, sqlite3.Error)
    side_suffixes: tuple[str, ...] = ("-wal", "-shm", "-journal")
    written_suffixes: tuple[str, ...] = ("-wal",)

    def __init__(self) -> None:
        self._inserts: dict[tuple[str, tuple[str, ...]], tuple[str, Any]] = {}

    # ----- opening ------------------------------------------------------------------

    def file_path(self, location: str) -> Path | None:
        return None if location == ":memory:" else file_path(location)

    def can_write(self, path: Path) -> bool:
        # SQLite writes its journal beside the file, so the folder must be writable too.
        return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)

    def make_engine(self, path: Path | None, *, read_only: bool = False) -> Engine:
        """An engine on a SQLite file with WAL, foreign keys and a busy timeout."""
        if path is None:
            url = "sqlite+pysqlite:///:memory:"
            connect_args: dict[str, Any] = {"check_same_thread": False}
        else:
            mode = "ro" if read_only else "rwc"
            url = f"sqlite+pysqlite:///file:{path}?mode={mode}&uri=true"
            connect_args = {"timeout": BUSY_TIMEOUT_S, "check_same_thread": False}
        engine = create_engine(url, connect_args=connect_args)
        event.listen(engine, "connect", _on_connect)
        event.listen(engine, "begin", _on_begin)
        return engine

    def check_opens(self, engine: Engine) -> None:
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA schema_version").scalar()

    def translate(self, exc: BaseException, location: str) -> ArchiveError:
        message = str(getattr(exc, "orig", exc)).lower()
        for words, make in _TRANSLATIONS:
            if any(w in message for w in words):
                return make(location, message)
        return ArchiveError(f"The archive {location} reported an error: {message}.")

    def table_names(self, conn: Connection) -> set[str]:
        rows = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {str(r[0]) for r in rows}

    def change_token(self, conn: Connection) -> Hashable:
        # data_version changes when another connection commits; it is per connection,
        # so the token holds the connection itself (compared by identity).
        version = int(conn.exec_driver_sql("PRAGMA data_version").scalar() or 0)
        return conn.connection.dbapi_connection, version

    # ----- writing ------------------------------------------------------------------

    def insert_rows(self, conn: Connection, table: Table, columns: Sequence[str],
                    rows: Sequence[Sequence[Any]]) -> None:
        # Straight to the driver: through SQLAlchemy, building and type-processing a
        # parameter dict per row costs more than SQLite's own work. The values still go
        # through the columns' types (the processors that turn a wall time into text).
        if not rows:
            return
        key = (table.name, tuple(columns))
        plan = self._inserts.get(key)
        if plan is None:
            dialect = conn.dialect
            # dialect_impl: the type as this dialect stores it (SQLite's DATETIME text
            # with microseconds), not the generic type's pass-through.
            processors = [(i, p) for i, c in enumerate(columns) if (p := table.c[c].type
                          .dialect_impl(dialect).bind_processor(dialect)) is not None]
            sql = (f"INSERT INTO {table.name} ({', '.join(columns)}) "
                   f"VALUES ({', '.join('?' for _c in columns)})")
            plan = self._inserts[key] = (sql, processors)
        sql, processors = plan
        if processors:
            rows = [_processed(row, processors) for row in rows]
        conn.exec_driver_sql(sql, list(rows))

    def index_readouts(self, conn: Connection,
                       entries: Sequence[tuple[int, Mapping[str, str]]]) -> None:
        if entries:
            conn.exec_driver_sql(
                f"INSERT INTO {FTS_TABLE}(rowid, {', '.join(_FTS_NAMES)}) "
                f"VALUES (?, {', '.join('?' for _n in _FTS_NAMES)})",
                [(rid, *(fields.get(n, "") for n in _FTS_NAMES)) for rid, fields in entries])

    def unindex(self, conn: Connection, readout_ids: Sequence[int]) -> None:
        for readout_id in readout_ids:
            conn.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :id"), {"id": readout_id})

    def clear_index(self, conn: Connection) -> None:
        conn.exec_driver_sql(f"DELETE FROM {FTS_TABLE}")

    # ----- searching ----------------------------------------------------------------

    def has_trash(self, conn: Connection) -> bool:
        # Asked every time (an index probe): another process may have filled the trash.
        return bool(conn.exec_driver_sql(
            "SELECT EXISTS(SELECT 1 FROM readouts WHERE deleted_at IS NOT NULL)"
        ).scalar() == 1)

    def render(self, query: ParsedQuery, *, trash_present: bool) -> SqlSearch:
        return build_search(query, trash_present=trash_present)

    def page_rows(self, conn: Connection, rendered: Any, *, sort: str, descending: bool,
                  limit: int, offset: int) -> Sequence[Sequence[Any]]:
        search: SqlSearch = rendered
        params = dict(search.params, limit=limit, offset=offset)
        return conn.execute(text(page_sql(search, sort, descending)), params).all()

    def ordered_ids(self, conn: Connection, rendered: Any, *, sort: str,
                    descending: bool) -> list[int]:
        return [int(r[0]) for r in self.page_rows(conn, rendered, sort=sort,
                                                  descending=descending, limit=-1, offset=0)]

    def count(self, conn: Connection, rendered: Any, cap: int | None) -> int:
        """With words only the full-text table is read: joining every hit to its readout
        costs thirty times more than walking the index's list of matching rows."""
        search: SqlSearch = rendered
        source = (f"FROM {FTS_TABLE} WHERE {search.fts_where}" if search.fts_where
                  else search.from_where)
        sql = (f"SELECT count(*) {source}" if cap is None
               else f"SELECT count(*) FROM (SELECT 1 {source} LIMIT {int(cap)})")
        return int(conn.exec_driver_sql(sql, search.driver_params).scalar() or 0)

    def ranked_ids(self, conn: Connection, rendered: Any, top: int) -> list[tuple[int, float]]:
        """Scoring every hit is unavoidable for a ranking, but reading each hit's readout
        and snippet is not: :meth:`hit_rows` then fetches those for the page's rows only."""
        search: SqlSearch = rendered
        sql = (f"SELECT {FTS_TABLE}.rowid, {RELEVANCE} AS score "
               f"FROM {FTS_TABLE} WHERE {search.fts_where} ORDER BY score LIMIT :top")
        rows = conn.exec_driver_sql(sql, dict(search.driver_params, top=top)).fetchall()
        return [(int(i), float(score)) for i, score in rows]

    def meeting_dates(self, conn: Connection, ids: Sequence[int]) -> dict[int, str]:
        sql = f"SELECT id, meeting_date FROM readouts WHERE id IN ({_listed(ids)})"
        return {int(i): str(day) for i, day in conn.exec_driver_sql(sql) if day is not None}

    def hit_rows(self, conn: Connection, rendered: Any, ids: Sequence[int], *,
                 one_by_one: bool) -> Sequence[Sequence[Any]]:
        """``one_by_one`` asks FTS5 for each id in turn: cheapest when the words match many
        readouts (a hundred seeks, not a pass over every match). For a prefix each lookup
        merges every matching term's list again, so there one pass over the matches that
        probes the id list ("+" keeps the planner from making it lookups), bounded by the
        rowid range FTS5 uses, is far cheaper."""
        search: SqlSearch = rendered
        listed = _listed(ids)
        if one_by_one:
            which = f"{FTS_TABLE}.rowid IN ({listed})"
        else:
            which = (f"{FTS_TABLE}.rowid BETWEEN {min(ids)} AND {max(ids)} "
                     f"AND +{FTS_TABLE}.rowid IN ({listed})")
        sql = (f"{_HIT_SELECT}, {_SNIPPET} AS snippet FROM {FTS_TABLE} JOIN readouts r "
               f"ON r.id = {FTS_TABLE}.rowid WHERE {FTS_TABLE} MATCH :match AND {which}")
        return conn.exec_driver_sql(sql, search.driver_params).fetchall()

    def facet_rows(self, conn: Connection, rendered: Any, limit: int) -> FacetRows:
        search: SqlSearch = rendered
        hits = f"SELECT r.id {search.from_where}"
        countries, years, topics, people, modes = (
            [tuple(row) for row in conn.execute(text(sql), search.params)]
            for sql in _facet_sql(hits, limit))
        return FacetRows(countries, years, topics, people, modes)

    # ----- soundness and copies of files ----------------------------------------------

    def integrity_problems(self, conn: Connection) -> list[str]:
        """``PRAGMA integrity_check``, then the FTS5 index's own check."""
        rows = [str(r[0]) for r in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()]
        problems = [r for r in rows if r != "ok"]
        if not problems:
            try:
                conn.exec_driver_sql(
                    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES('integrity-check', 1)")
            except Exception as exc:  # noqa: BLE001 - any failure is a damaged index
                problems.append(f"full-text index: {exc}")
        return problems

    def file_problems(self, path: Path, *, full: bool = False) -> list[str]:
        """``quick_check`` (or ``integrity_check``). For files that may not be archives at
        all (backups, damaged copies), so it uses the driver directly rather than an
        engine with the archive's pragmas."""
        pragma = "integrity_check" if full else "quick_check"
        try:
            with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True,
                                         timeout=BUSY_TIMEOUT_S)) as conn:
                rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
        except sqlite3.Error as exc:
            return [str(exc)]
        return [r for r in rows if r != "ok"]

    def copy_file(self, source: Path, target: Path) -> None:
        """SQLite's online backup API: a consistent copy even while the file is in use."""
        target.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True,
                                     timeout=BUSY_TIMEOUT_S)) as src, \
                closing(sqlite3.connect(str(target))) as dst:
            src.backup(dst)

    def make_self_contained(self, path: Path) -> None:
        """Switch a copied database out of WAL mode."""
        with closing(sqlite3.connect(str(path))) as conn:
            conn.execute("PRAGMA journal_mode = DELETE").fetchall()


def _processed(row: Sequence[Any], processors: list[tuple[int, Any]]) -> tuple[Any, ...]:
    values = list(row)
    for i, process in processors:
        values[i] = process(values[i])
    return tuple(values)


#: The one SQLite backend (it keeps only compiled statements, no connection).
BACKEND = SqliteBackend()
