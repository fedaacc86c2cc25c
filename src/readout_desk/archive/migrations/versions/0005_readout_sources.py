"""What a readout was read from: its text, and for a web page the snapshot, address and
retrieval time, in a table of its own (``readout_sources``) that no search reads.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "readout_sources",
        sa.Column("readout_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("original", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("retrieved_at", sa.DateTime(), nullable=True),
        sa.Column("spans", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["readout_id"], ["readouts.id"],
                                name=op.f("fk_readout_sources_readout_id_readouts"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("readout_id", name=op.f("pk_readout_sources")),
    )


def downgrade() -> None:
    op.drop_table("readout_sources")
