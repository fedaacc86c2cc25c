"""An archive file a quarter smaller: points and sources deflated, lighter prefix indexes.

On SQLite:

- a summary point's text, a source's text and snapshot, and the index's columns kept
  (people, place, topics, kinds, countries) are stored deflated where that is shorter
  (``archive/packing.py``); the view of the index's text reads them through
  ``readout_text``, so the table of words reads the same text as before;
- the table of words keeps its index of two-letter prefixes and drops the three-letter
  one (``prefix = '2'``): a three-letter prefix is read from the words it starts;
- the table of Japanese pieces drops its index of one-character prefixes: a single
  character is read from the pieces it starts;
- both tables are written again from the view in batches (progress told to
  ``config.attributes["progress"]``: readouts done, readouts in all) and merged into one
  segment each. The words, their positions and so every hit, rank and snippet stay as
  they were.

On both, the index of ``readouts.first_start_utc`` goes: no query reads it. The migration is
one transaction, done entirely or not at all; the archive gives back the freed pages after
it (``VACUUM``). The statements are this revision's own.

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-30
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Sequence

from alembic import op
from sqlalchemy import Connection

from readout_desk.domain import scripts

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

BATCH = 2_000
COLUMNS = ("title", "section", "people", "place", "occasion", "topics", "kinds", "countries",
           "body", "publisher")
KEPT = ("people", "place", "topics", "kinds", "countries")
#: Each column packed, with its table.
PACKED = (("summary_points", "text"), ("readout_sources", "text"),
          ("readout_sources", "original"), *(("readout_fts_fields", c) for c in KEPT))
_DEFLATE = 1
_SHORTEST = 64


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


def _view(unpack: str) -> str:
    """The view of the index's text, stored texts read through the function ``unpack``."""
    point_text = f"{unpack}(s.text)" if unpack else "s.text"
    body = (
        "(SELECT group_concat(x, char(10)) FROM ("
        "SELECT r.lead AS x, 0 AS k, 0 AS p WHERE r.lead <> '' "
        f"UNION ALL SELECT {point_text}, 1, s.position FROM summary_points s "
        "WHERE s.readout_id = r.id AND s.text <> '' "
        "UNION ALL SELECT ph.caption, 2, ph.position FROM photos ph "
        "WHERE ph.readout_id = r.id AND ph.caption <> '' "
        "UNION ALL SELECT r.notes, 3, 0 WHERE r.notes <> '' ORDER BY 2, 3))")
    from_readout = {"title": "r.title", "section": "r.filed_under", "occasion": "r.occasion",
                    "body": body, "publisher": "r.publisher"}
    return ("CREATE VIEW readout_fts_text AS SELECT r.id AS id, "
            + ", ".join((f"{unpack}(f.{n}) AS {n}" if unpack else f"f.{n}") if n in KEPT
                        else f"readout_index_text(coalesce({from_readout[n]}, '')) AS {n}"
                        for n in COLUMNS)
            + " FROM readouts r JOIN readout_fts_fields f ON f.readout_id = r.id")


def _words_table(prefix: str) -> str:
    return ("CREATE VIRTUAL TABLE readout_fts USING fts5(" + ", ".join(COLUMNS)
            + ", content = 'readout_fts_text', content_rowid = 'id', "
            f"tokenize = 'unicode61 remove_diacritics 2', prefix = '{prefix}')")


def _pieces_table(prefix: str) -> str:
    option = f", prefix = '{prefix}'" if prefix else ""
    return ("CREATE VIRTUAL TABLE readout_cjk USING fts5(" + ", ".join(COLUMNS)
            + f", content = '', tokenize = 'unicode61 remove_diacritics 2'{option})")


def _pieces(values: Sequence[str]) -> tuple[str, ...] | None:
    """The table of pieces' columns for a readout's index text (as ``cjk_values``)."""
    out = tuple(" ".join(" ".join([*(run[i:i + 2] for i in range(len(run) - 1)), run[-1]])
                         for run in scripts.runs(value)) for value in values)
    return out if any(out) else None


def _register_functions() -> None:
    raw = op.get_bind().connection.dbapi_connection
    assert raw is not None  # a connection in use
    raw.create_function("readout_index_text", 1, scripts.index_text, deterministic=True)
    raw.create_function("readout_text", 1, _unpack, deterministic=True)
    raw.create_function("readout_pack_0015", 1, _pack, deterministic=True)
    raw.create_function("readout_unpack_0015", 1, _unpack, deterministic=True)


def _progress() -> Callable[[int, int], None] | None:
    config = op.get_context().config
    return config.attributes.get("progress") if config is not None else None


def _index_again(conn: Connection, words: str, pieces: str) -> None:
    """Both full-text tables made again with these statements, from the view."""
    progress = _progress()
    op.execute("DROP TABLE readout_fts")
    op.execute("DROP TABLE readout_cjk")
    op.execute(words)
    op.execute(pieces)
    ids = [int(r[0]) for r in conn.exec_driver_sql(
        "SELECT readout_id FROM readout_fts_fields ORDER BY readout_id")]
    columns = ", ".join(COLUMNS)
    marks = ", ".join("?" for _c in COLUMNS)
    if progress:
        progress(0, len(ids))
    for start in range(0, len(ids), BATCH):
        batch = ids[start:start + BATCH]
        rows = conn.exec_driver_sql(
            f"SELECT id, {columns} FROM readout_fts_text WHERE id BETWEEN ? AND ?",
            (batch[0], batch[-1])).fetchall()
        texts = [(int(r[0]), [str(v or "") for v in r[1:]]) for r in rows]
        conn.exec_driver_sql(f"INSERT INTO readout_fts(rowid, {columns}) VALUES (?, {marks})",
                             [(rid, *values) for rid, values in texts])
        runs = [(rid, *found) for rid, values in texts if (found := _pieces(values))]
        if runs:
            conn.exec_driver_sql(
                f"INSERT INTO readout_cjk(rowid, {columns}) VALUES (?, {marks})", runs)
        if progress:
            progress(start + len(batch), len(ids))
    for table in ("readout_fts", "readout_cjk"):
        conn.exec_driver_sql(f"INSERT INTO {table}({table}) VALUES ('optimize')")


def _repack(conn: Connection, function: str) -> None:
    for table, column in PACKED:
        conn.exec_driver_sql(f"UPDATE {table} SET {column} = {function}({column}) "
                             f"WHERE {column} IS NOT NULL")


def upgrade() -> None:
    op.drop_index("ix_readouts_first_start_utc", table_name="readouts")
    if op.get_context().dialect.name == "postgresql":
        return  # the server compresses long text itself; a tsvector has no prefix index
    _register_functions()
    conn = op.get_bind()
    _repack(conn, "readout_pack_0015")
    op.execute("DROP VIEW readout_fts_text")
    op.execute(_view("readout_text"))
    _index_again(conn, _words_table("2"), _pieces_table(""))


def downgrade() -> None:
    op.create_index("ix_readouts_first_start_utc", "readouts", ["first_start_utc"])
    if op.get_context().dialect.name == "postgresql":
        return
    _register_functions()
    conn = op.get_bind()
    op.execute("DROP VIEW readout_fts_text")
    op.execute(_view(""))
    _repack(conn, "readout_unpack_0015")
    _index_again(conn, _words_table("2 3"), _pieces_table("1"))
