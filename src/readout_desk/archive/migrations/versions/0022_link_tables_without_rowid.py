"""A readout's topics and countries kept in one B-tree each (``WITHOUT ROWID``).

``readout_topics`` and ``readout_countries`` hold a few small rows a readout (its ids and a
position or a code). As rowid tables each kept its rows twice: once by rowid and once in
the index of its primary key, which every lookup by readout goes through. Made again
``WITHOUT ROWID``, the primary key's B-tree is the table: the same rows, the same
constraints and indexes, about 80 bytes a readout less (of some 5,000), and a readout's
topics read in one seek instead of two. The rows are copied in primary-key order; the
pages the old tables took stay free in the file, for later writes.

SQLite only: a PostgreSQL table has no rowid.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-01
"""

from __future__ import annotations

from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None

#: Each table's columns and constraints as the model declares them, and its index. The
#: statements are this revision's own, so later changes to the model do not change it.
TABLES = {
    "readout_topics": (
        "readout_id INTEGER NOT NULL, topic_id INTEGER NOT NULL, position INTEGER NOT NULL, "
        "CONSTRAINT pk_readout_topics PRIMARY KEY (readout_id, topic_id), "
        "CONSTRAINT fk_readout_topics_readout_id_readouts FOREIGN KEY(readout_id) "
        "REFERENCES readouts (id) ON DELETE CASCADE, "
        "CONSTRAINT fk_readout_topics_topic_id_topics FOREIGN KEY(topic_id) "
        "REFERENCES topics (id)",
        "readout_id, topic_id, position",
        "CREATE INDEX ix_readout_topics_topic ON readout_topics (topic_id)",
    ),
    "readout_countries": (
        "readout_id INTEGER NOT NULL, position INTEGER NOT NULL, code VARCHAR(2) NOT NULL, "
        "CONSTRAINT pk_readout_countries PRIMARY KEY (readout_id, position), "
        "CONSTRAINT fk_readout_countries_readout_id_readouts FOREIGN KEY(readout_id) "
        "REFERENCES readouts (id) ON DELETE CASCADE",
        "readout_id, position, code",
        "CREATE INDEX ix_readout_countries_code ON readout_countries (code)",
    ),
}


def _remake(rowid: bool) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    without = "" if rowid else " WITHOUT ROWID"
    for name, (definition, columns, index) in TABLES.items():
        op.execute(f"CREATE TABLE {name}_remade ({definition}){without}")
        op.execute(f"INSERT INTO {name}_remade ({columns}) SELECT {columns} FROM {name} "
                   "ORDER BY 1, 2")
        op.execute(f"DROP TABLE {name}")
        op.execute(f"ALTER TABLE {name}_remade RENAME TO {name}")
        op.execute(index)


def upgrade() -> None:
    _remake(rowid=False)


def downgrade() -> None:
    _remake(rowid=True)
