"""The hits of a year's kept list counted by meeting day.

A date range within a year or three is ranked from the kept lists of its words in each of
those years (``"minister" AND dated : "<2020>"``, ``archive/sqlite_kept.py``), but its
number of hits was counted in the index: at a million readouts a prefix in half a year
took some 60 ms of a 95 ms search to count. ``kept_rankings`` gains ``day_hits``: for the
list of words in a year, how many of its hits were met on each day of that year (a JSON
object from the day's stored text to its number), kept exact by every write as the
list's own number of hits is, so that a range's count is a sum. It stays empty for every
other kept ranking. Kept rankings made under an earlier revision are ignored (and let go
by the next one written), so nothing is rewritten.

Both backends (on PostgreSQL the table stays empty).

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("kept_rankings") as table:
        table.add_column(sa.Column("day_hits", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("kept_rankings") as table:
        table.drop_column("day_hits")
