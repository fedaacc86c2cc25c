"""A participant's name as printed in another script (``ロドリゴ・タバレス``, ``林芳正``).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The rows there are get an empty name through a default that is then taken away
    # again: like every other column, this one is filled by the program on each insert.
    with op.batch_alter_table("participants", schema=None) as batch_op:
        batch_op.add_column(sa.Column("printed_name", sa.Text(), nullable=False,
                                      server_default=sa.text("''")))
    with op.batch_alter_table("participants", schema=None) as batch_op:
        batch_op.alter_column("printed_name", existing_type=sa.Text(), server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("participants", schema=None) as batch_op:
        batch_op.drop_column("printed_name")
