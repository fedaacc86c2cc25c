"""Each readout's fingerprint (``readouts.fingerprint``): the whole record as one number.

An import leaves out a readout the archive holds already; it finds it by this indexed
column (see ``archive/fingerprints.py``). The column is added empty: a fingerprint is
made by the program's own reading of a readout, so the rows an archive already has get
theirs from the program the first time an import needs them (``archive/bulk.py``,
``fill_fingerprints``), and every save writes it from then on.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("readouts", sa.Column("fingerprint", sa.BigInteger(), nullable=True))
    op.create_index(op.f("ix_readouts_fingerprint"), "readouts", ["fingerprint"])


def downgrade() -> None:
    op.drop_index(op.f("ix_readouts_fingerprint"), table_name="readouts")
    with op.batch_alter_table("readouts", schema=None) as batch_op:
        batch_op.drop_column("fingerprint")
