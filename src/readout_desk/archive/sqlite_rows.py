"""An archive file's rows written in bulk, and made ready before the database is reached.

Rows go to the driver straight, one ``executemany`` per table: through SQLAlchemy,
building and type-processing a parameter dict per row costs more than SQLite's own work.
The values still go through the columns' types (the processors that turn a wall time
into text, or pack a long text, :mod:`.packing`), here or ahead: :func:`ahead` gives a
prepared readout (:func:`.writes.prepare`) its values as stored and its index entry's
rows, without a connection, so an import's readers (:mod:`.transfer.readers`) do that
work in their own processes and the import's transaction only writes.

New readouts take the ids after the largest in the table, which is what SQLite gives a
rowid table without ``AUTOINCREMENT``; the writing transaction holds the write lock, so
no other writer takes them meanwhile. They go in many rows to a statement.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite
from sqlalchemy.engine import Dialect

from readout_desk.archive import sqlite_index, sqlite_kept
from readout_desk.archive.models import (
    ParticipantRow,
    PhotoRow,
    PointRow,
    ReadoutCountryRow,
    ReadoutRow,
    SessionRow,
    SourceRow,
)
from readout_desk.archive.writes import CHILD_COLUMNS, SOURCE_COLUMNS, Prepared, table

Processors = list[tuple[int, Callable[[Any], Any]]]

#: The dialect whose column types :func:`ahead` follows: the driver's, as every archive
#: file's engine has it (``sqlite+pysqlite``).
_DIALECT = SQLiteDialect_pysqlite()
_PLANS: dict[tuple[str, tuple[str, ...], frozenset[str]], tuple[str, Processors]] = {}
_AHEAD: dict[tuple[str, tuple[str, ...]], Processors] = {}

#: New readouts written by one statement, at most (SQLAlchemy's own choice is 1,000).
_ROWS_AT_ONCE = 500
#: The largest rowid SQLite gives; past it, it picks unused ones at random.
_LAST_ROWID = 2**63 - 1


def processors(dialect: Dialect, tab: Table, columns: Sequence[str],
               skipped: Collection[str] = ()) -> Processors:
    """The bind processors of ``columns`` (by place), those ``skipped`` left out."""
    # dialect_impl: the type as this dialect stores it (SQLite's DATETIME text with
    # microseconds), not the generic type's pass-through.
    return [(i, p) for i, c in enumerate(columns)
            if c not in skipped
            and (p := tab.c[c].type.dialect_impl(dialect).bind_processor(dialect)) is not None]


def _processed(row: Sequence[Any], steps: Processors) -> tuple[Any, ...]:
    values = list(row)
    for i, process in steps:
        values[i] = process(values[i])
    return tuple(values)


def insert_rows(conn: Connection, tab: Table, columns: Sequence[str],
                rows: Sequence[Sequence[Any]], stored: Collection[str] = ()) -> None:
    """Insert ``rows`` (values in ``columns`` order) with one statement; each value goes
    through its column's type first, but those of the columns ``stored``."""
    if not rows:
        return
    key = (tab.name, tuple(columns), frozenset(stored))
    plan = _PLANS.get(key)
    if plan is None:
        sql = (f"INSERT INTO {tab.name} ({', '.join(columns)}) "
               f"VALUES ({', '.join('?' for _c in columns)})")
        plan = _PLANS[key] = (sql, processors(conn.dialect, tab, columns, stored))
    sql, steps = plan
    if steps:
        rows = [_processed(row, steps) for row in rows]
    conn.exec_driver_sql(sql, list(rows))


def insert_new_rows(conn: Connection, tab: Table, rows: Sequence[Mapping[str, Any]],
                    stored: Collection[str] = ()) -> list[int]:
    """New rows (the same columns in each), with the ids after the table's largest; their
    ids in the rows' order."""
    if not rows:
        return []
    last = int(conn.exec_driver_sql(f"SELECT coalesce(max(id), 0) FROM {tab.name}").scalar()
               or 0)
    if last + len(rows) > _LAST_ROWID:
        raise OverflowError("the archive has used every readout number")
    ids = list(range(last + 1, last + 1 + len(rows)))
    columns = ("id", *rows[0])
    steps = processors(conn.dialect, tab, columns, ("id", *stored))
    values = [_processed((rid, *[row[c] for c in columns[1:]]), steps)
              for rid, row in zip(ids, rows, strict=True)]
    # Many rows to a statement, not one row a step: measured, inserting readouts a row at
    # a time (executemany) grew the import's memory outside Python by 80 MB over 100,000
    # readouts, and many rows to a statement kept it flat.
    per = max(1, min(_ROWS_AT_ONCE, _variables(conn) // len(columns)))
    one = f"({', '.join('?' for _c in columns)})"
    for start in range(0, len(values), per):
        chunk = values[start:start + per]
        conn.exec_driver_sql(f"INSERT INTO {tab.name} ({', '.join(columns)}) VALUES "
                             + ", ".join(one for _row in chunk),
                             tuple(v for row in chunk for v in row))
    return ids


def _variables(conn: Connection) -> int:
    """How many values one statement may bind (999 where the library will not say)."""
    limit = getattr(conn.connection.dbapi_connection, "getlimit", None)  # Python 3.11+
    which = getattr(sqlite3, "SQLITE_LIMIT_VARIABLE_NUMBER", None)
    return 999 if limit is None or which is None else int(limit(which))


def _ahead_steps(model: type[Any], columns: Sequence[str]) -> Processors:
    key = (model.__tablename__, tuple(columns))
    steps = _AHEAD.get(key)
    if steps is None:
        steps = _AHEAD[key] = processors(_DIALECT, table(model), columns)
    return steps


def _rows_ahead(model: type[Any], skip: int, rows: tuple[tuple[Any, ...], ...]
                ) -> tuple[tuple[Any, ...], ...]:
    """Child rows without their first ``skip`` columns (the ids), as stored."""
    steps = _ahead_steps(model, CHILD_COLUMNS[model][skip:])
    return tuple(_processed(row, steps) for row in rows) if steps else rows


def ahead(p: Prepared) -> Prepared:
    """``p`` with its values as an archive file stores them and its index entry's rows
    (:meth:`.backend.Backend.ahead`)."""
    if p.stored:
        return p
    main = dict(p.main)
    columns = tuple(main)
    for i, process in _ahead_steps(ReadoutRow, columns):
        main[columns[i]] = process(main[columns[i]])
    source = p.source
    if source is not None:
        source = _processed(source, _ahead_steps(SourceRow, SOURCE_COLUMNS[1:]))
    return p._replace(
        main=main,
        countries=_rows_ahead(ReadoutCountryRow, 1, p.countries),
        participants=_rows_ahead(ParticipantRow, 2, p.participants),
        sessions=_rows_ahead(SessionRow, 1, p.sessions),
        points=_rows_ahead(PointRow, 1, p.points),
        photos=_rows_ahead(PhotoRow, 1, p.photos),
        source=source,
        stored=True,
        index_rows=sqlite_index.entry_rows(p.index_text),
    )


def index_prepared(conn: Connection, entries: Sequence[tuple[int, Prepared]]) -> None:
    """Index prepared readouts, their entries' rows made ahead or here."""
    sqlite_index.index_entries(conn, [
        (rid, p.index_rows if p.index_rows is not None else sqlite_index.entry_rows(
            p.index_text)) for rid, p in entries])
    sqlite_kept.entered(conn, [(rid, p.index_text) for rid, p in entries])
