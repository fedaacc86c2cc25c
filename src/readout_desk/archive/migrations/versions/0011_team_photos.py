"""A team archive's images in the database (``photo_blobs``, ``photo_files``).

The bytes of each image once, keyed by their SHA-256, and each photo's file name with
the hash of its image: a second machine reads the photos from the server, not from a
shared folder. A file archive keeps its images as files beside it and leaves both tables
empty (see docs/TEAM_ARCHIVE.md).

Revision ID: 0011
Revises: 0008
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "photo_blobs",
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("content_hash", name=op.f("pk_photo_blobs")),
    )
    op.create_table(
        "photo_files",
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["content_hash"], ["photo_blobs.content_hash"],
                                name=op.f("fk_photo_files_content_hash_photo_blobs")),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_photo_files")),
    )
    op.create_index(op.f("ix_photo_files_content_hash"), "photo_files", ["content_hash"])


def downgrade() -> None:
    op.drop_index(op.f("ix_photo_files_content_hash"), table_name="photo_files")
    op.drop_table("photo_files")
    op.drop_table("photo_blobs")
