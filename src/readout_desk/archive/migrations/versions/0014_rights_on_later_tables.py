"""Database users keep their rights on the tables added after they were made.

The SQL ``readout-desk-cli team-role`` prints grants rights on the tables that exist when it
is run. ``0011`` added ``photo_blobs`` and ``photo_files``, ``0009`` the kept rankings, and
``0012`` made the index table afresh (``readout_fts``, its rights gone with the old one)
beside ``readout_fts_text``, and none of them gave anyone rights on them: a reader or a
contributor made before could no longer search, read a photo or save one. Here each user
gets, on each of those tables, the rights it holds on the table it mirrors: the images on
``photos`` (whoever reads or writes a readout's photos reads or writes their images), the
index on ``participants`` (written with a readout's other parts at every save, as the index
is), the kept rankings on ``saved_searches``. ``team-role`` gives all of these the same
rights, so a user made since gains nothing here. A file archive has no users.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-30
"""

from __future__ import annotations

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

#: Each table added without rights, with the table whose rights it takes.
MIRRORS = (("photo_blobs", "photos"), ("photo_files", "photos"),
           ("readout_fts", "participants"), ("readout_fts_text", "participants"),
           ("kept_rankings", "saved_searches"), ("kept_ranking_rows", "saved_searches"))

_VALUES = ", ".join(f"('{new}', '{mirrored}')" for new, mirrored in MIRRORS)

#: Every right any user but the owner holds on the mirrored table (``aclexplode`` of its
#: access list: each grant, whoever made it), given on the new one.
_GRANT_AS_MIRRORED = f"""
DO $$
DECLARE g record;
BEGIN
    FOR g IN SELECT DISTINCT t.added, a.grantee::regrole::text AS grantee, a.privilege_type
             FROM (VALUES {_VALUES}) AS t(added, mirrored)
             JOIN pg_class c ON c.oid = to_regclass(t.mirrored)
             CROSS JOIN LATERAL aclexplode(c.relacl) a
             WHERE to_regclass(t.added) IS NOT NULL
             AND a.grantee <> 0 AND a.grantee <> c.relowner LOOP
        EXECUTE format('GRANT %s ON %I TO %s', g.privilege_type, g.added, g.grantee);
    END LOOP;
END $$
"""


def upgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        op.execute(_GRANT_AS_MIRRORED)


def downgrade() -> None:
    """Takes nothing back: the database cannot tell the rights given here from the same
    rights an administrator gave since, and the tables go with the downgrades of the
    revisions that added them."""
