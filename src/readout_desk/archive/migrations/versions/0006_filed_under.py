"""The section a results row shows, kept on the readout (``readouts.filed_under``).

A readout entered without a section is filed under its relation ("Japan-Peru
Relations"). The results list showed that label by loading each such readout whole; with
the label kept beside the other derived columns, a page of results reads the readouts
table and the index only. The column is added empty (a nullable column needs no copy of
the table) and filled here from each readout's section and countries, batch by batch, with
progress reported to the callable the archive passes in ``config.attributes["progress"]``
(readouts done, readouts in all); from then on every save writes it.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from alembic import op

from readout_desk.domain.geography import relation_label

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

BATCH = 5_000


def upgrade() -> None:
    op.add_column("readouts", sa.Column("filed_under", sa.Text(), nullable=True))
    conn = op.get_bind()
    config = op.get_context().config
    progress: Callable[[int, int], None] | None = (
        config.attributes.get("progress") if config is not None else None)
    # Only readouts without a section of their own need their relation's label.
    conn.execute(sa.text("UPDATE readouts SET filed_under = section WHERE section <> ''"))
    total = int(conn.execute(
        sa.text("SELECT count(*) FROM readouts WHERE section = ''")).scalar() or 0)
    done, last = 0, -1
    if progress and total:
        progress(0, total)
    while True:
        ids = [int(i) for i, in conn.execute(sa.text(
            "SELECT id FROM readouts WHERE section = '' AND id > :last ORDER BY id "
            f"LIMIT {BATCH}"), {"last": last})]
        if not ids:
            break
        last = ids[-1]
        codes: dict[int, list[str]] = {i: [] for i in ids}
        for rid, code in conn.execute(sa.text(
                "SELECT readout_id, code FROM readout_countries WHERE readout_id BETWEEN "
                ":first AND :last ORDER BY readout_id, position"),
                {"first": ids[0], "last": last}):
            if int(rid) in codes:
                codes[int(rid)].append(str(code))
        conn.execute(sa.text("UPDATE readouts SET filed_under = :label WHERE id = :id"),
                     [{"id": i, "label": relation_label(c)} for i, c in codes.items()])
        done += len(ids)
        if progress:
            progress(done, total)


def downgrade() -> None:
    with op.batch_alter_table("readouts", schema=None) as batch_op:
        batch_op.drop_column("filed_under")
