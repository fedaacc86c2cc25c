"""Partial index of sample readouts, so that searches rank samples after the user's own.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    sample = "is_sample" if op.get_context().dialect.name == "postgresql" else "is_sample = 1"
    op.execute("CREATE INDEX IF NOT EXISTS ix_readouts_sample_ids ON readouts (id) "
               f"WHERE {sample}")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_readouts_sample_ids")
