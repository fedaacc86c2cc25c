"""The table of runs holds each readout's meeting date as words too, so that a date range
with Japanese text is found by seeking (``archive/sqlite_dates.py``).

``readout_cjk`` gains a last column, ``dated``, the same date words as the table of words'
(revision 0020), read from the view ``readout_fts_text``. The table keeps no text
(contentless), so it is made again with its settings and each readout it held written
again, its runs' pieces made from the view's text, in batches with progress told to
``config.attributes["progress"]`` (readouts done, readouts in all). Kept rankings made
before are ignored (the rows' lengths grow by the date words). The statements and the
pieces are this revision's own, not the modules', so that later changes there do not
change what this revision did.

SQLite only.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

from alembic import op
from sqlalchemy import Connection

from readout_desk.archive.packing import SQL_FUNCTION, unpack
from readout_desk.domain.scripts import index_text, runs

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

BATCH = 2_000
COLUMNS = ("title", "section", "people", "place", "occasion", "topics", "kinds", "countries",
           "body", "publisher")
TABLE = ("CREATE VIRTUAL TABLE readout_cjk USING fts5({columns}, content = '', "
         "tokenize = 'unicode61 remove_diacritics 2')")


def _pieces(values: Sequence[str]) -> tuple[str, ...] | None:
    """Each column's runs as their overlapping two-character pieces, each run's last
    character alone after them; None when no column has a run."""
    made = tuple(" ".join(" ".join([*(run[i:i + 2] for i in range(len(run) - 1)), run[-1]])
                          for run in runs(value)) for value in values)
    return made if any(made) else None


def _progress() -> Callable[[int, int], None] | None:
    config = op.get_context().config
    return config.attributes.get("progress") if config is not None else None


def _remake(conn: Connection, *, dated: bool) -> None:
    """The table of runs made again, with the date words or without, its settings kept,
    its rows written again from the view's text."""
    raw = conn.connection.dbapi_connection
    assert raw is not None  # a connection in use
    try:  # made already when another revision ran on this connection
        raw.execute(f"SELECT readout_index_text(''), {SQL_FUNCTION}('')").fetchall()
    except sqlite3.OperationalError:
        raw.create_function("readout_index_text", 1, index_text, deterministic=True)
        raw.create_function(SQL_FUNCTION, 1, unpack, deterministic=True)
    settings = conn.exec_driver_sql(
        "SELECT k, v FROM readout_cjk_config WHERE k <> 'version'").all()
    ids = [int(r[0]) for r in conn.exec_driver_sql(
        "SELECT id FROM readout_cjk_docsize ORDER BY id")]
    op.execute("DROP TABLE readout_cjk")
    columns = (*COLUMNS, "dated") if dated else COLUMNS
    op.execute(TABLE.format(columns=", ".join(columns)))
    for key, value in settings:
        conn.exec_driver_sql("INSERT INTO readout_cjk(readout_cjk, rank) VALUES (?, ?)",
                             (key, value))
    names = ", ".join(columns)
    insert = f"INSERT INTO readout_cjk(rowid, {names}) VALUES (?, {', '.join('?' * len(columns))})"
    progress = _progress()
    if progress:
        progress(0, len(ids))
    for start in range(0, len(ids), BATCH):
        batch = ids[start:start + BATCH]
        rows = conn.exec_driver_sql(
            f"SELECT id, {', '.join(COLUMNS)}, dated FROM readout_fts_text "
            f"WHERE id IN ({', '.join(str(i) for i in batch)})").all()
        written = []
        for row in rows:
            values = [str(v or "") for v in row[1:]]
            pieces = _pieces(values[:-1])
            if pieces is not None:
                written.append((row[0], *pieces, *(values[-1:] if dated else [])))
        if written:
            conn.exec_driver_sql(insert, written)
        if progress:
            progress(start + len(batch), len(ids))
    conn.exec_driver_sql("INSERT INTO readout_cjk(readout_cjk) VALUES ('optimize')")


def upgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        return
    _remake(op.get_bind(), dated=True)


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        return
    _remake(op.get_bind(), dated=False)
