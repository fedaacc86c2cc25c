"""Kept rankings of queries of several words a hit must all hold (``minister cooperation``).

``bm25()`` of such a query adds each phrase's score, each with its own ``idf`` (from the
number of rows that hold that phrase), so a kept list of it needs each row's number of
occurrences of every phrase and each phrase's number of hits, now and when it was ranked.
``kept_rankings`` gains ``phrase_hits`` and ``reference_hits`` (the numbers of hits of
each phrase, separated by spaces), ``kept_ranking_rows`` gains ``weights`` (the row's
column-weighted occurrences of each phrase); all three stay empty for a query of one
phrase. Kept rankings made under an earlier revision are ignored (and let go by the next
one written), so the tables are not rewritten.

Both backends (on PostgreSQL the tables stay empty).

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("kept_rankings") as table:
        table.add_column(sa.Column("phrase_hits", sa.Text(), nullable=True))
        table.add_column(sa.Column("reference_hits", sa.Text(), nullable=True))
    with op.batch_alter_table("kept_ranking_rows") as table:
        table.add_column(sa.Column("weights", sa.Text(), nullable=True))


def downgrade() -> None:
    # The lists of several words go with their columns (the queries rank in full again).
    op.execute("DELETE FROM kept_ranking_rows WHERE ranking_id IN "
               "(SELECT id FROM kept_rankings WHERE phrase_hits IS NOT NULL)")
    op.execute("DELETE FROM kept_rankings WHERE phrase_hits IS NOT NULL")
    with op.batch_alter_table("kept_ranking_rows") as table:
        table.drop_column("weights")
    with op.batch_alter_table("kept_rankings") as table:
        table.drop_column("reference_hits")
        table.drop_column("phrase_hits")
