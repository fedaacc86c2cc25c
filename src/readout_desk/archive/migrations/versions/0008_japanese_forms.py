"""The Japanese forms of an office and a city (``participants.office_ja``,
``readouts.place_city_ja``): ``外務大臣`` beside "Minister of Foreign Affairs", ``リマ``
beside "Lima", as a Japanese readout prints them.

Both columns are added empty (NULL reads as "not printed"): a column added with a default
that is then taken away would make SQLite copy the table, and copying ``readouts`` drops
the rows that hang off it. Every save writes them from then on.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_COLUMNS = (("participants", "office_ja"), ("readouts", "place_city_ja"))


def upgrade() -> None:
    for table, column in _COLUMNS:
        op.add_column(table, sa.Column(column, sa.Text(), nullable=True))


def downgrade() -> None:
    for table, column in _COLUMNS:
        # Dropped in place (SQLite 3.35 and later can), never by copying the table.
        with op.batch_alter_table(table, schema=None, recreate="never") as batch_op:
            batch_op.drop_column(column)
