"""The table of words keeps no copy of the text: it reads it from the readouts.

``readout_fts`` becomes an FTS5 *external content* table over the view
``readout_fts_text`` (see ``archive/sqlite_index.py``): title, section, occasion, body and
publisher are read from the readout's own rows, normalised by the SQL function
``readout_index_text``; people, place, topics, kinds and countries, which are put together
from several tables, are kept as they were indexed in ``readout_fts_fields``. The words,
their positions and so every hit, rank and snippet stay as they were; the text the table
kept (about a third of the file) goes. The index is written again from the view in
batches, with progress told to ``config.attributes["progress"]`` (readouts done, readouts
in all). The statements are this revision's own, not the module's, so that later changes
there do not change what this revision did.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Callable

from alembic import op

from readout_desk.domain.scripts import index_text

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

BATCH = 2_000
COLUMNS = ("title", "section", "people", "place", "occasion", "topics", "kinds", "countries",
           "body", "publisher")
KEPT = ("people", "place", "topics", "kinds", "countries")
_BODY = (
    "(SELECT group_concat(x, char(10)) FROM ("
    "SELECT r.lead AS x, 0 AS k, 0 AS p WHERE r.lead <> '' "
    "UNION ALL SELECT s.text, 1, s.position FROM summary_points s "
    "WHERE s.readout_id = r.id AND s.text <> '' "
    "UNION ALL SELECT ph.caption, 2, ph.position FROM photos ph "
    "WHERE ph.readout_id = r.id AND ph.caption <> '' "
    "UNION ALL SELECT r.notes, 3, 0 WHERE r.notes <> '' ORDER BY 2, 3))")
_FROM_READOUT = {"title": "r.title", "section": "r.filed_under", "occasion": "r.occasion",
                 "body": _BODY, "publisher": "r.publisher"}
CREATE_FIELDS = ("CREATE TABLE readout_fts_fields (readout_id INTEGER PRIMARY KEY, "
                 + ", ".join(f"{c} TEXT NOT NULL" for c in KEPT) + ")")
CREATE_VIEW = (
    "CREATE VIEW readout_fts_text AS SELECT r.id AS id, "
    + ", ".join(f"f.{n}" if n in KEPT
                else f"readout_index_text(coalesce({_FROM_READOUT[n]}, '')) AS {n}"
                for n in COLUMNS)
    + " FROM readouts r JOIN readout_fts_fields f ON f.readout_id = r.id")
_TABLE = ("CREATE VIRTUAL TABLE readout_fts USING fts5({columns}, {content}"
          "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')")
CREATE_EXTERNAL = _TABLE.format(columns=", ".join(COLUMNS),
                                content="content = 'readout_fts_text', content_rowid = 'id', ")
CREATE_WITH_TEXT = _TABLE.format(columns=", ".join(COLUMNS), content="")


def _register_function() -> None:
    """The view calls readout_index_text: every connection that reads it needs it."""
    raw = op.get_bind().connection.dbapi_connection
    assert raw is not None  # a connection in use
    raw.create_function("readout_index_text", 1, index_text, deterministic=True)


def upgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        return  # a tsvector keeps no text there
    _register_function()
    conn = op.get_bind()
    config = op.get_context().config
    progress: Callable[[int, int], None] | None = (
        config.attributes.get("progress") if config is not None else None)
    op.execute(CREATE_FIELDS)
    kept = ", ".join(KEPT)
    conn.exec_driver_sql(
        f"INSERT INTO readout_fts_fields(readout_id, {kept}) SELECT rowid, "
        + ", ".join(f"coalesce({c}, '')" for c in KEPT)
        + " FROM readout_fts WHERE rowid IN (SELECT id FROM readouts)")
    op.execute("DROP TABLE readout_fts")
    op.execute(CREATE_VIEW)
    op.execute(CREATE_EXTERNAL)
    ids = [int(r[0]) for r in conn.exec_driver_sql(
        "SELECT readout_id FROM readout_fts_fields ORDER BY readout_id")]
    columns = ", ".join(COLUMNS)
    if progress:
        progress(0, len(ids))
    for start in range(0, len(ids), BATCH):
        batch = ids[start:start + BATCH]
        conn.exec_driver_sql(
            f"INSERT INTO readout_fts(rowid, {columns}) SELECT id, {columns} "
            "FROM readout_fts_text WHERE id BETWEEN ? AND ?", (batch[0], batch[-1]))
        if progress:
            progress(start + len(batch), len(ids))
    conn.exec_driver_sql("INSERT INTO readout_fts(readout_fts) VALUES ('optimize')")


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        return
    _register_function()
    columns = ", ".join(COLUMNS)
    op.execute(f"CREATE TEMP TABLE fts_text AS SELECT id, {columns} FROM readout_fts_text")
    op.execute("DROP TABLE readout_fts")
    op.execute("DROP VIEW readout_fts_text")
    op.execute("DROP TABLE readout_fts_fields")
    op.execute(CREATE_WITH_TEXT)
    op.execute(f"INSERT INTO readout_fts(rowid, {columns}) SELECT id, {columns} FROM fts_text")
    op.execute("DROP TABLE fts_text")
