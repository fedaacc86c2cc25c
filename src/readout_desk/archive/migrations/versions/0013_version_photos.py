"""The photo files earlier versions name, kept beside the versions (``version_photos``).

A purge deletes the images nothing names any more, and an earlier version that a restore
may bring back names images too. Finding those in ``readout_versions.data`` means
reading (and parsing) every stored version at every purge; this table keeps each
readout's names once, under an index, as the photos' own file names now are. Filled
here from the versions already stored; on a server, the users with rights on the versions
get the same on it.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

#: The (readout, file) pairs the versions stored so far name, in each database's own
#: JSON functions (the statements are this revision's own).
_FILL = {
    "sqlite": (
        "INSERT INTO version_photos (readout_id, file) "
        "SELECT DISTINCT v.readout_id, json_extract(j.value, '$.file') "
        "FROM readout_versions v, json_each(v.data, '$.photos') j "
        "WHERE j.type = 'object' AND coalesce(json_extract(j.value, '$.file'), '') <> ''"),
    "postgresql": (
        "INSERT INTO version_photos (readout_id, file) "
        "SELECT DISTINCT v.readout_id, e.file FROM readout_versions v "
        "CROSS JOIN LATERAL json_to_recordset(CASE WHEN json_typeof(v.data -> 'photos') "
        "= 'array' THEN v.data -> 'photos' ELSE '[]' END) AS e(file text) "
        "WHERE coalesce(e.file, '') <> ''"),
}


#: On a server, each database user given rights on ``readout_versions`` (by the SQL of
#: ``readout-desk-cli team-role``) gets the same on the new table, so a contributor's save
#: still writes it.
_GRANT_AS_VERSIONS = """
DO $$
DECLARE g record;
BEGIN
    FOR g IN SELECT DISTINCT grantee, privilege_type FROM information_schema.role_table_grants
             WHERE table_schema = current_schema() AND table_name = 'readout_versions'
             AND grantee <> current_user AND grantee <> 'PUBLIC' LOOP
        EXECUTE format('GRANT %s ON version_photos TO %I', g.privilege_type, g.grantee);
    END LOOP;
END $$
"""


def upgrade() -> None:
    op.create_table(
        "version_photos",
        sa.Column("readout_id", sa.Integer(), nullable=False),
        sa.Column("file", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["readout_id"], ["readouts.id"],
                                name=op.f("fk_version_photos_readout_id_readouts"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("readout_id", "file", name=op.f("pk_version_photos")),
    )
    op.create_index(op.f("ix_version_photos_file"), "version_photos", ["file"])
    op.create_index(op.f("ix_photos_file"), "photos", ["file"])
    op.execute(_FILL[op.get_context().dialect.name])
    if op.get_context().dialect.name == "postgresql":
        op.execute(_GRANT_AS_VERSIONS)


def downgrade() -> None:
    op.drop_index(op.f("ix_photos_file"), table_name="photos")
    op.drop_index(op.f("ix_version_photos_file"), table_name="version_photos")
    op.drop_table("version_photos")
