"""Japanese text found by any part of a word: the table of runs, and folded index text.

Adds ``readout_cjk`` (each run of kanji and kana as its two-character pieces, see
``archive/sqlite_search.py``) and writes the full-text index again from its own text,
folded (NFKC), so that full-width and half-width forms find each other. The readouts
themselves are not touched. Progress is reported batch by batch to the callable the
archive passes in ``config.attributes["progress"]`` (readouts done, readouts in all).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Callable

from alembic import op

from readout_desk.archive.sqlite_search import CJK_TABLE, FTS_NAMES, FTS_TABLE, cjk_values
from readout_desk.domain.scripts import index_text

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

BATCH = 2_000
#: The table of runs as this revision made it (0015 drops its prefix index).
CREATE_CJK_TABLE = (f"CREATE VIRTUAL TABLE IF NOT EXISTS {CJK_TABLE} USING fts5("
                    f"{', '.join(FTS_NAMES)}, content = '', "
                    "tokenize = 'unicode61 remove_diacritics 2', prefix = '1')")


def upgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        # The runs are in the one tsvector of each readout from the first revision on.
        return
    op.execute(CREATE_CJK_TABLE)
    conn = op.get_bind()
    config = op.get_context().config
    progress: Callable[[int, int], None] | None = (
        config.attributes.get("progress") if config is not None else None)
    total = int(conn.exec_driver_sql(f"SELECT count(*) FROM {FTS_TABLE}").scalar() or 0)
    columns = ", ".join(FTS_NAMES)
    marks = ", ".join("?" for _n in FTS_NAMES)
    done, last = 0, -1
    if progress:
        progress(0, total)
    while True:
        rows = conn.exec_driver_sql(
            f"SELECT rowid, {columns} FROM {FTS_TABLE} WHERE rowid > ? ORDER BY rowid "
            f"LIMIT {BATCH}", (last,)).fetchall()
        if not rows:
            break
        last = int(rows[-1][0])
        folded = [(int(r[0]), [index_text(str(v or "")) for v in r[1:]]) for r in rows]
        conn.exec_driver_sql(f"DELETE FROM {FTS_TABLE} WHERE rowid BETWEEN ? AND ?",
                             (int(rows[0][0]), last))
        conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}(rowid, {columns}) VALUES (?, {marks})",
                             [(rid, *values) for rid, values in folded])
        runs = [(rid, *pieces) for rid, values in folded if (pieces := cjk_values(values))]
        if runs:
            conn.exec_driver_sql(
                f"INSERT INTO {CJK_TABLE}(rowid, {columns}) VALUES (?, {marks})", runs)
        done += len(rows)
        if progress:
            progress(done, total)
    conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")


def downgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        op.execute(f"DROP TABLE IF EXISTS {CJK_TABLE}")
