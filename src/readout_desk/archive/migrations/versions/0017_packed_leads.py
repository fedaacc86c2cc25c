"""Leads stored deflated; the index of wrong printed times holds only those sessions.

On SQLite, a readout's lead paragraph (some 200 bytes, the longest text of its row) is
stored deflated where that is shorter, as the summary points are since ``0015``
(``archive/packing.py``); the view of the index's text reads it through ``readout_text``,
so the table of words reads the same text as before and neither full-text table changes.
The leads written before are packed here, batch by batch (progress told to
``config.attributes["progress"]``: readouts done, readouts in all).

On both, the index of ``meeting_sessions.printed_mismatch`` keeps only the sessions whose
printed second time disagrees with the zone rules (a partial index): the one query that
reads it (the archive's timing flags) asks for those alone, and an index of every
session's flag took some 14 bytes a readout.

The migration is one transaction, done entirely or not at all. The statements are this
revision's own.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-01
"""

from __future__ import annotations

import zlib
from collections.abc import Callable

import sqlalchemy as sa
from alembic import op
from sqlalchemy import Connection

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

BATCH = 5_000
INDEX = "ix_meeting_sessions_printed_mismatch"
_DEFLATE = 1
_SHORTEST = 64
#: The view's reading of the lead as ``0015`` made it, and as this revision makes it.
_LEAD_BEFORE = "SELECT r.lead AS x, 0 AS k, 0 AS p WHERE r.lead <> ''"
_LEAD_AFTER = "SELECT readout_text(r.lead) AS x, 0 AS k, 0 AS p WHERE r.lead <> ''"


def _pack(text: object) -> object:
    if not isinstance(text, str) or len(text) < _SHORTEST // 4:
        return text
    raw = text.encode()
    if len(raw) < _SHORTEST:
        return text
    window = min(15, max(10, (len(raw) + 300).bit_length()))
    deflate = zlib.compressobj(6, zlib.DEFLATED, -window, min(8, window - 6))
    packed = bytes((_DEFLATE,)) + deflate.compress(raw) + deflate.flush()
    return packed if len(packed) < len(raw) else text


def _unpack(value: object) -> object:
    if isinstance(value, bytes) and value[:1] == bytes((_DEFLATE,)):
        return zlib.decompress(value[1:], -15).decode()
    return value


def _progress() -> Callable[[int, int], None] | None:
    config = op.get_context().config
    return config.attributes.get("progress") if config is not None else None


def _relead(conn: Connection, function: Callable[[object], object]) -> None:
    """Every lead stored again through ``function``, in batches of readouts by id."""
    raw = conn.connection.dbapi_connection
    assert raw is not None  # a connection in use
    raw.create_function("readout_text", 1, _unpack, deterministic=True)
    raw.create_function("readout_lead_0017", 1, function, deterministic=True)
    progress = _progress()
    ids = [int(r[0]) for r in conn.exec_driver_sql("SELECT id FROM readouts ORDER BY id")]
    if progress:
        progress(0, len(ids))
    for start in range(0, len(ids), BATCH):
        batch = ids[start:start + BATCH]
        conn.exec_driver_sql("UPDATE readouts SET lead = readout_lead_0017(lead) "
                             "WHERE id BETWEEN ? AND ? AND lead IS NOT NULL",
                             (batch[0], batch[-1]))
        if progress:
            progress(start + len(batch), len(ids))


def _view(conn: Connection, old: str, new: str) -> None:
    """The view of the index's text made again with its lead read as ``new``."""
    sql = conn.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'view' AND name = 'readout_fts_text'"
    ).scalar()
    if not isinstance(sql, str) or old not in sql:
        raise RuntimeError("the view of the index's text is not the one this revision knows")
    op.execute("DROP VIEW readout_fts_text")
    op.execute(sql.replace(old, new))


def _mismatch_index(partial: bool) -> None:
    op.drop_index(INDEX, table_name="meeting_sessions")
    if partial:
        op.create_index(INDEX, "meeting_sessions", ["printed_mismatch"],
                        sqlite_where=sa.text("printed_mismatch = 1"),
                        postgresql_where=sa.text("printed_mismatch"))
    else:
        op.create_index(INDEX, "meeting_sessions", ["printed_mismatch"])


def upgrade() -> None:
    _mismatch_index(partial=True)
    if op.get_context().dialect.name == "postgresql":
        return  # the server compresses long text itself
    conn = op.get_bind()
    _relead(conn, _pack)
    _view(conn, _LEAD_BEFORE, _LEAD_AFTER)


def downgrade() -> None:
    _mismatch_index(partial=False)
    if op.get_context().dialect.name == "postgresql":
        return
    conn = op.get_bind()
    _view(conn, _LEAD_AFTER, _LEAD_BEFORE)
    _relead(conn, _unpack)
