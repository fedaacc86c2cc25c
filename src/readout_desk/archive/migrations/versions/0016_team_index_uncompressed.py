"""A team archive keeps its index entries' word vectors uncompressed.

Each readout's ``tsvector`` (``readout_fts.doc``, some 7 kB of words and positions) is
longer than PostgreSQL's threshold for moving a value out of its row, and by default the
server tries to compress it first: that costs every import's rows (the ``COPY`` of the
index table spent about a seventh of its server time on it) and every ranking, which
reads each hit's vector whole (ranking 4,719 hits: 85 ms, 48 ms uncompressed), for
little room (the table and its index about a tenth larger uncompressed). ``EXTERNAL``
storage keeps the value out of its row as before, uncompressed. Rows written before keep
their form until they are written again; both read alike. A file archive's index is
FTS5's: nothing changes there.

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-30
"""

from __future__ import annotations

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        op.execute("ALTER TABLE readout_fts ALTER COLUMN doc SET STORAGE EXTERNAL")


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        op.execute("ALTER TABLE readout_fts ALTER COLUMN doc SET STORAGE EXTENDED")
