"""A team archive's full-text index keeps its words apart from its text.

``readout_fts`` kept, beside each readout's ``tsvector``, the text of the ten index columns
for snippets, so its rows were wide and a count or a ranking over thousands of hits read
many more pages than the words alone take. The text moves to ``readout_fts_text`` (read
for the snippets of a page's rows only) and ``readout_fts`` is rewritten with the
``tsvector`` alone, under its GIN index. A file archive's index is left as it is. The
statements are this revision's own, so that later changes of ``postgres_search.py`` do
not change what it did.

Revision ID: 0012
Revises: 0010
Create Date: 2026-11-30
"""

from __future__ import annotations

from alembic import op

revision = "0012"
down_revision = "0010"
branch_labels = None
depends_on = None

COLUMNS = ("title", "section", "people", "place", "occasion", "topics", "kinds", "countries",
           "body", "publisher")
_TEXT = ", ".join(f"{n} TEXT NOT NULL DEFAULT ''" for n in COLUMNS)
_NAMES = ", ".join(COLUMNS)


def _has_text(table: str) -> bool:
    return bool(op.get_bind().exec_driver_sql(
        "SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = "
        f"current_schema() AND table_name = '{table}' AND column_name = 'title')").scalar())


def upgrade() -> None:
    if op.get_context().dialect.name != "postgresql" or not _has_text("readout_fts"):
        return  # SQLite, or an archive whose first revision made the narrow tables
    op.execute("CREATE TABLE IF NOT EXISTS readout_fts_text (readout_id INTEGER PRIMARY KEY "
               f"REFERENCES readouts (id) ON DELETE CASCADE, {_TEXT})")
    op.execute(f"INSERT INTO readout_fts_text (readout_id, {_NAMES}) "
               f"SELECT readout_id, {_NAMES} FROM readout_fts")
    op.execute("ALTER TABLE readout_fts RENAME TO readout_fts_wide")
    op.execute("ALTER INDEX readout_fts_pkey RENAME TO readout_fts_wide_pkey")
    op.execute("DROP INDEX ix_readout_fts_doc")
    op.execute("CREATE TABLE readout_fts (readout_id INTEGER PRIMARY KEY "
               "REFERENCES readouts (id) ON DELETE CASCADE, doc TSVECTOR NOT NULL)")
    op.execute("INSERT INTO readout_fts (readout_id, doc) SELECT readout_id, doc "
               "FROM readout_fts_wide")
    op.execute("DROP TABLE readout_fts_wide")
    op.execute("CREATE INDEX ix_readout_fts_doc ON readout_fts USING GIN (doc)")
    op.execute("ANALYZE readout_fts")


def downgrade() -> None:
    if op.get_context().dialect.name != "postgresql" or _has_text("readout_fts"):
        return
    for name in COLUMNS:
        op.execute(f"ALTER TABLE readout_fts ADD COLUMN {name} TEXT NOT NULL DEFAULT ''")
    op.execute(f"UPDATE readout_fts f SET ({_NAMES}) = (SELECT {_NAMES} FROM readout_fts_text t "
               "WHERE t.readout_id = f.readout_id)")
    op.execute("DROP TABLE readout_fts_text")
