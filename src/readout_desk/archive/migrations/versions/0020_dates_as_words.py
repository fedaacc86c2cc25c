"""The table of words holds each readout's meeting date as words, so that a date range is
found by seeking (``archive/sqlite_dates.py``).

``readout_fts`` gains a last column, ``dated``: the readout's year, month and day, each one
character of the supplementary private-use planes, computed by the view
``readout_fts_text`` from ``readouts.meeting_date``. FTS5 tables take no new column, so the
table is made again with its settings and written again from the view in batches, with
progress told to ``config.attributes["progress"]`` (readouts done, readouts in all). Kept
rankings made before are ignored (the rows' lengths grow by the date words). The
statements are this revision's own, not the module's, so that later changes there do not
change what this revision did.

SQLite only: on PostgreSQL a date range is an index range of the readouts' own column.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from alembic import op
from sqlalchemy import Connection

from readout_desk.archive.packing import SQL_FUNCTION, unpack
from readout_desk.domain.scripts import index_text

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

BATCH = 2_000
COLUMNS = ("title", "section", "people", "place", "occasion", "topics", "kinds", "countries",
           "body", "publisher")
VIEW_FROM = " FROM readouts r JOIN readout_fts_fields f ON f.readout_id = r.id"
TABLE = ("CREATE VIRTUAL TABLE readout_fts USING fts5({columns}, content = 'readout_fts_text', "
         "content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2', prefix = '2')")

# The date words (years 1900-2199; 300 years, then 3,600 months, then the days), one
# character each from U+F0000, past U+FFFFD on from U+100000.
_YEARS = 300
_MONTHS = 3_600
_PER_PLANE = 0xFFFE


def _point(n: str) -> str:
    return (f"char(CASE WHEN ({n}) < {_PER_PLANE} THEN {0xF0000} + ({n}) "
            f"ELSE {0x100000 - _PER_PLANE} + ({n}) END)")


def _words(column: str) -> str:
    year = f"(CAST(substr({column}, 1, 4) AS INTEGER) - 1900)"
    month = f"({_YEARS} + {year} * 12 + CAST(substr({column}, 6, 2) AS INTEGER) - 1)"
    day = f"({_YEARS + _MONTHS} + CAST(julianday({column}) - 2415020.5 AS INTEGER))"
    return (f"CASE WHEN {column} BETWEEN '1900-01-01' AND '2199-12-31' AND "
            f"date({column}) = {column} THEN "
            f"{_point(year)} || ' ' || {_point(month)} || ' ' || {_point(day)} ELSE '' END")


DATED = f", {_words('r.meeting_date')} AS dated"


def _progress() -> Callable[[int, int], None] | None:
    config = op.get_context().config
    return config.attributes.get("progress") if config is not None else None


def _remake(conn: Connection, old: str, new: str, columns: tuple[str, ...]) -> None:
    """The view made again with ``old`` replaced by ``new``, and the table of words made
    again over it with ``columns``, its settings kept, its rows written from the view."""
    raw = conn.connection.dbapi_connection
    assert raw is not None  # a connection in use
    try:  # made already when another revision ran on this connection
        raw.execute(f"SELECT readout_index_text(''), {SQL_FUNCTION}('')").fetchall()
    except sqlite3.OperationalError:
        raw.create_function("readout_index_text", 1, index_text, deterministic=True)
        raw.create_function(SQL_FUNCTION, 1, unpack, deterministic=True)
    view = conn.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'view' AND name = 'readout_fts_text'"
    ).scalar()
    if not isinstance(view, str) or old not in view:
        raise RuntimeError("the view of the index's text is not the one this revision knows")
    settings = conn.exec_driver_sql(
        "SELECT k, v FROM readout_fts_config WHERE k <> 'version'").all()
    op.execute("DROP TABLE readout_fts")
    op.execute("DROP VIEW readout_fts_text")
    op.execute(view.replace(old, new))
    op.execute(TABLE.format(columns=", ".join(columns)))
    for key, value in settings:
        conn.exec_driver_sql("INSERT INTO readout_fts(readout_fts, rank) VALUES (?, ?)",
                             (key, value))
    ids = [int(r[0]) for r in conn.exec_driver_sql(
        "SELECT readout_id FROM readout_fts_fields ORDER BY readout_id")]
    names = ", ".join(columns)
    progress = _progress()
    if progress:
        progress(0, len(ids))
    for start in range(0, len(ids), BATCH):
        batch = ids[start:start + BATCH]
        conn.exec_driver_sql(
            f"INSERT INTO readout_fts(rowid, {names}) SELECT id, {names} "
            "FROM readout_fts_text WHERE id BETWEEN ? AND ?", (batch[0], batch[-1]))
        if progress:
            progress(start + len(batch), len(ids))
    conn.exec_driver_sql("INSERT INTO readout_fts(readout_fts) VALUES ('optimize')")


def upgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        return
    _remake(op.get_bind(), VIEW_FROM, DATED + VIEW_FROM, (*COLUMNS, "dated"))


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        return
    _remake(op.get_bind(), DATED + VIEW_FROM, VIEW_FROM, COLUMNS)
