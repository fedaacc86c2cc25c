"""Everything that only SQLite understands: pragmas, FTS5, the backup API.

Keeping it in one module means another backend (PostgreSQL with its own full-text
search) replaces this file, not the whole archive package.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import ConnectionPoolEntry

from readout_desk.domain.query import ParsedQuery, Term

#: How long a writer waits for another process's transaction before giving up.
BUSY_TIMEOUT_S = 5.0

#: The full-text index columns and their BM25 weights, in table order.
FTS_COLUMNS: tuple[tuple[str, float], ...] = (
    ("title", 10.0),
    ("section", 4.0),
    ("people", 6.0),
    ("place", 4.0),
    ("occasion", 3.0),
    ("topics", 6.0),
    ("kinds", 2.0),
    ("countries", 3.0),
    ("body", 1.0),
    ("publisher", 1.0),
)
FTS_TABLE = "readout_fts"
_WEIGHTS = ", ".join(str(w) for _c, w in FTS_COLUMNS)

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

CREATE_FTS = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    + ", ".join(c for c, _w in FTS_COLUMNS)
    + ", tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
)
DROP_FTS = f"DROP TABLE IF EXISTS {FTS_TABLE}"


def _on_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
    # Let SQLAlchemy own transactions: pysqlite's implicit BEGIN handling is off.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        cursor.execute("PRAGMA foreign_keys = ON")
        # On read-only media or a locked file the current journal mode stays.
        with contextlib.suppress(sqlite3.OperationalError):
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
    finally:
        cursor.close()


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


def make_engine(path: Path | None, *, read_only: bool = False) -> Engine:
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


def quick_open_check(engine: Engine) -> None:
    """Touch the file so that "not a database" shows up now, not in the middle of a search."""
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA schema_version").scalar()


def data_version(conn: Connection) -> int:
    """A number that changes whenever another connection commits to the file."""
    return int(conn.exec_driver_sql("PRAGMA data_version").scalar() or 0)


def integrity_problems(conn: Connection) -> list[str]:
    """What ``PRAGMA integrity_check`` and the FTS index check report; empty when sound."""
    rows = [str(r[0]) for r in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()]
    problems = [r for r in rows if r != "ok"]
    if not problems:
        try:
            conn.exec_driver_sql(
                f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES('integrity-check', 1)"
            )
        except Exception as exc:  # noqa: BLE001 - any failure is a damaged index
            problems.append(f"full-text index: {exc}")
    return problems


def rebuild_index_sql() -> str:
    """SQL that empties the full-text index (it is then refilled row by row)."""
    return f"DELETE FROM {FTS_TABLE}"


def write_index(conn: Connection, readout_id: int, fields: dict[str, str]) -> None:
    """Replace the full-text entry of one readout."""
    conn.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :id"), {"id": readout_id})
    names = [c for c, _w in FTS_COLUMNS]
    conn.execute(
        text(
            f"INSERT INTO {FTS_TABLE}(rowid, {', '.join(names)}) "
            f"VALUES (:id, {', '.join(':' + n for n in names)})"
        ),
        {"id": readout_id, **{n: fields.get(n, "") for n in names}},
    )


def remove_index(conn: Connection, readout_ids: Iterable[int]) -> None:
    """Drop the full-text entries of readouts that are gone for good."""
    for readout_id in readout_ids:
        conn.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :id"), {"id": readout_id})


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


SORT_COLUMNS: dict[str, str] = {
    "date": "r.meeting_date",
    "title": "r.title COLLATE NOCASE",
    "section": "r.section COLLATE NOCASE",
    "place": "r.place_city COLLATE NOCASE",
    "mode": "r.mode",
    "sessions": "r.session_count",
    "duration": "r.total_minutes",
    "publisher": "r.publisher COLLATE NOCASE",
    "updated": "r.updated_at",
}


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
    trash = ""
    if query.only_trash:
        trash = "r.deleted_at IS NOT NULL"
    elif not query.include_trash and trash_present:
        # The unary plus keeps the planner off the deleted_at index, which would make it
        # sort every live readout instead of walking the date index.
        trash = "+r.deleted_at IS NULL"
    if trash:
        where.append(trash)
    first_filter = len(where)
    if query.modes:
        names = []
        for i, mode in enumerate(query.modes):
            params[f"mode{i}"] = mode.value
            names.append(f":mode{i}")
        where.append(f"r.mode IN ({', '.join(names)})")
    if query.date_from:
        where.append("r.meeting_date >= :date_from")
        params["date_from"] = query.date_from
    if query.date_to:
        where.append("r.meeting_date <= :date_to")
        params["date_to"] = query.date_to
    empty = bool(query.date_from and query.date_to and query.date_from > query.date_to)
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    fts_where = ""
    if positive:
        # The "+" keeps FTS5 from being asked once per listed rowid: probing a small
        # set of ids while walking the matches is far cheaper than one lookup per id.
        fts_where = f"{FTS_TABLE} MATCH :match"
        filters = where[first_filter:]
        if filters:
            conditions = " AND ".join(filters + ([trash] if trash else []))
            fts_where += (f" AND +{FTS_TABLE}.rowid IN "
                          f"(SELECT r.id FROM readouts r WHERE {conditions})")
        elif trash == "+r.deleted_at IS NULL":
            fts_where += (f" AND +{FTS_TABLE}.rowid NOT IN "
                          "(SELECT id FROM readouts WHERE deleted_at IS NOT NULL)")
        elif trash:
            fts_where += (f" AND +{FTS_TABLE}.rowid IN "
                          "(SELECT id FROM readouts WHERE deleted_at IS NOT NULL)")
    has_prefix = any(t.prefix for clause in query.required for t in clause)
    return SqlSearch(f"FROM {source}{clause}", params, bool(positive), empty, fts_where,
                     has_prefix)


def page_sql(search: SqlSearch, sort: str, descending: bool) -> str:
    """SELECT one page of hits, with a snippet when there are words to highlight."""
    if search.has_match:
        snippet = (
            f"snippet({FTS_TABLE}, -1, '{HIGHLIGHT_START}', '{HIGHLIGHT_END}', '…', 14)"
        )
    else:
        snippet = "substr(r.lead, 1, 160)"
    if sort == "relevance" and search.has_match:
        order = f"{RELEVANCE}, r.meeting_date DESC, r.id DESC"
    else:
        column = SORT_COLUMNS.get(sort, "r.meeting_date")
        direction = "DESC" if descending or sort == "relevance" else "ASC"
        # Same order as "col IS NULL, col": NULLS LAST lets SQLite walk an index on the
        # column (the date index: the unfiltered archive's first page costs one page
        # of index instead of sorting every readout).
        order = f"{column} {direction} NULLS LAST, r.id {direction}"
    return (
        "SELECT r.id, r.meeting_date, r.title, r.section, r.place_city, r.place_country, "
        "r.mode, r.session_count, r.total_minutes, r.publisher, r.is_sample, "
        f"{snippet} AS snippet {search.from_where} ORDER BY {order} "
        "LIMIT :limit OFFSET :offset"
    )


def driver_params(params: dict[str, Any]) -> dict[str, Any]:
    """``params`` as the sqlite3 driver takes them (dates as the text they are stored as)."""
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in params.items()}


#: How many rows past the page the ranking step reads, to see that no tie is cut in two.
TIE_MARGIN = 32


def top_sql(search: SqlSearch) -> str:
    """The ids and BM25 scores of the best ``:top`` hits, best first, from the index alone.

    Scoring every hit is unavoidable for a ranking, but reading each hit's readout and
    snippet is not: :func:`hits_sql` then fetches those for the page's rows only.
    """
    return (f"SELECT {FTS_TABLE}.rowid, {RELEVANCE} AS score "
            f"FROM {FTS_TABLE} WHERE {search.fts_where} ORDER BY score LIMIT :top")


def hits_sql(ids: Sequence[int], *, one_by_one: bool) -> str:
    """The results-row columns and snippet of the readouts ``ids`` (in no particular order).

    ``one_by_one`` asks FTS5 for each id in turn, which is cheapest when the words match
    many readouts (a hundred seeks instead of a pass over every match). For a prefix,
    each such lookup merges every matching term's list again, so there a single pass
    over the matches that probes the short id list ("+" keeps the planner from turning
    it into lookups) is far cheaper; the rowid range, which FTS5 uses, bounds that pass.
    """
    listed = ", ".join(str(int(i)) for i in ids)
    snippet = f"snippet({FTS_TABLE}, -1, '{HIGHLIGHT_START}', '{HIGHLIGHT_END}', '…', 14)"
    if one_by_one:
        which = f"{FTS_TABLE}.rowid IN ({listed})"
    else:
        which = (f"{FTS_TABLE}.rowid BETWEEN {min(ids)} AND {max(ids)} "
                 f"AND +{FTS_TABLE}.rowid IN ({listed})")
    return (
        "SELECT r.id, r.meeting_date, r.title, r.section, r.place_city, r.place_country, "
        "r.mode, r.session_count, r.total_minutes, r.publisher, r.is_sample, "
        f"{snippet} AS snippet FROM {FTS_TABLE} JOIN readouts r ON r.id = {FTS_TABLE}.rowid "
        f"WHERE {FTS_TABLE} MATCH :match AND {which}"
    )


def meeting_dates_sql(ids: Sequence[int]) -> str:
    """The meeting date of each of ``ids`` (to break ties between equal scores)."""
    listed = ", ".join(str(int(i)) for i in ids)
    return f"SELECT id, meeting_date FROM readouts WHERE id IN ({listed})"


def count_sql(search: SqlSearch, cap: int | None) -> str:
    """COUNT the hits, stopping at ``cap`` when given.

    With words, only the full-text table is read: joining every hit to its readout
    costs thirty times more than walking the index's list of matching rows.
    """
    source = f"FROM {FTS_TABLE} WHERE {search.fts_where}" if search.fts_where \
        else search.from_where
    if cap is None:
        return f"SELECT count(*) {source}"
    return f"SELECT count(*) FROM (SELECT 1 {source} LIMIT {int(cap)})"


def ids_sql(search: SqlSearch) -> str:
    """SELECT just the ids of every hit (for facets and bulk actions)."""
    return f"SELECT r.id {search.from_where}"


def online_backup(source: Path, target: Path) -> None:
    """Copy a live SQLite file with SQLite's online backup API (safe under WAL)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def table_names(conn: Connection) -> set[str]:
    """The tables that exist in the file."""
    rows = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
    return {str(r[0]) for r in rows}


def as_date(value: Any) -> dt.date | None:
    """A date column as SQLite returns it through raw SQL (text) made a date."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def executemany(conn: Connection, sql: str, rows: Sequence[dict[str, Any]]) -> None:
    """Run ``sql`` for every row in one round trip."""
    if rows:
        conn.execute(text(sql), list(rows))


def file_problems(path: Path, *, full: bool = False) -> list[str]:
    """``quick_check`` (or ``integrity_check``) of any SQLite file, opened read-only.

    For files that may not be archives at all (backups, damaged copies), so it uses the
    driver directly rather than an engine with the archive's pragmas.
    """
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        pragma = "integrity_check" if full else "quick_check"
        rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
        return [r for r in rows if r != "ok"]
    except sqlite3.Error as exc:
        return [str(exc)]
    finally:
        conn.close()


def leave_wal(path: Path) -> None:
    """Switch a copied database out of WAL mode, so that it is one self-contained file."""
    conn = sqlite3.connect(str(path))
    try:
        conn.execute("PRAGMA journal_mode = DELETE").fetchall()
    finally:
        conn.close()
