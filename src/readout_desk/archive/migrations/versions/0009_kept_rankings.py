"""Kept rankings of queries in most readouts (``archive/sqlite_kept.py``).

``kept_rankings`` holds one row a kept query (its FTS5 ``MATCH``, the schema revision and
index statistics it was ranked under, its exact number of hits, the floor no hit outside
its list exceeds), ``kept_ranking_rows`` the list (a readout with its column-weighted
number of occurrences and its length). Both start empty and are filled by searches; on
PostgreSQL they stay empty (``ts_rank`` ranks there as before).

Revision ID: 0009
Revises: 0011
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "kept_rankings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("match", sa.Text(), nullable=False),
        sa.Column("revision", sa.Text(), nullable=False),
        sa.Column("row_count", sa.Integer(), nullable=False),
        sa.Column("token_count", sa.Integer(), nullable=False),
        sa.Column("hits", sa.Integer(), nullable=False),
        sa.Column("floor", sa.Double(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("match"),
    )
    op.create_table(
        "kept_ranking_rows",
        sa.Column("ranking_id", sa.Integer(), nullable=False),
        sa.Column("readout_id", sa.Integer(), nullable=False),
        sa.Column("weight", sa.Double(), nullable=False),
        sa.Column("length", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("ranking_id", "readout_id"),
    )


def downgrade() -> None:
    op.drop_table("kept_ranking_rows")
    op.drop_table("kept_rankings")
