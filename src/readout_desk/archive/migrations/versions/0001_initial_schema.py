"""Initial schema: readouts, people, sessions, points, topics, photos, history, FTS5 index.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('people',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('family_name', sa.Text(), nullable=False),
    sa.Column('given_name', sa.Text(), nullable=False),
    sa.Column('name_order', sa.String(length=16), nullable=False),
    sa.Column('name_key', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_people')),
    sa.UniqueConstraint('name_key', name='uq_people_name_key')
    )
    op.create_table('readouts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('section', sa.Text(), nullable=False),
    sa.Column('publisher', sa.Text(), nullable=False),
    sa.Column('source_url', sa.Text(), nullable=False),
    sa.Column('language', sa.String(length=16), nullable=False),
    sa.Column('published_date', sa.Date(), nullable=True),
    sa.Column('retrieved_date', sa.Date(), nullable=True),
    sa.Column('meeting_date', sa.Date(), nullable=True),
    sa.Column('mode', sa.String(length=16), nullable=False),
    sa.Column('place_city', sa.Text(), nullable=False),
    sa.Column('place_country', sa.String(length=2), nullable=True),
    sa.Column('place_venue', sa.Text(), nullable=False),
    sa.Column('place_zone', sa.String(length=64), nullable=True),
    sa.Column('occasion', sa.Text(), nullable=False),
    sa.Column('lead', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('is_sample', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('session_count', sa.Integer(), nullable=False),
    sa.Column('total_minutes', sa.Integer(), nullable=True),
    sa.Column('first_start_utc', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_readouts'))
    )
    with op.batch_alter_table('readouts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_readouts_deleted_at'), ['deleted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_readouts_first_start_utc'), ['first_start_utc'], unique=False)
        batch_op.create_index(batch_op.f('ix_readouts_meeting_date'), ['meeting_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_readouts_mode'), ['mode'], unique=False)

    op.create_table('saved_searches',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('query', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_saved_searches')),
    sa.UniqueConstraint('name', name=op.f('uq_saved_searches_name'))
    )
    op.create_table('topics',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('name_key', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_topics')),
    sa.UniqueConstraint('name_key', name='uq_topics_name_key')
    )
    op.create_table('meeting_sessions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('readout_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Text(), nullable=False),
    sa.Column('start_local', sa.DateTime(), nullable=True),
    sa.Column('zone', sa.String(length=64), nullable=True),
    sa.Column('fold', sa.Integer(), nullable=True),
    sa.Column('time_hedge', sa.Text(), nullable=False),
    sa.Column('zone_label', sa.Text(), nullable=False),
    sa.Column('duration_minutes', sa.Integer(), nullable=True),
    sa.Column('duration_hedge', sa.Text(), nullable=False),
    sa.Column('end_local', sa.DateTime(), nullable=True),
    sa.Column('printed_text', sa.Text(), nullable=True),
    sa.Column('printed_zone', sa.String(length=64), nullable=True),
    sa.Column('printed_local', sa.DateTime(), nullable=True),
    sa.Column('start_utc', sa.DateTime(), nullable=True),
    sa.Column('printed_mismatch', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['readout_id'], ['readouts.id'], name=op.f('fk_meeting_sessions_readout_id_readouts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_sessions'))
    )
    with op.batch_alter_table('meeting_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_sessions_printed_mismatch'), ['printed_mismatch'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_sessions_readout_id'), ['readout_id'], unique=False)

    op.create_table('participants',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('readout_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('family_name', sa.Text(), nullable=False),
    sa.Column('given_name', sa.Text(), nullable=False),
    sa.Column('name_order', sa.String(length=16), nullable=False),
    sa.Column('honorific', sa.Text(), nullable=False),
    sa.Column('office', sa.Text(), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('organisation', sa.Text(), nullable=False),
    sa.Column('side', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['people.id'], name=op.f('fk_participants_person_id_people')),
    sa.ForeignKeyConstraint(['readout_id'], ['readouts.id'], name=op.f('fk_participants_readout_id_readouts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_participants'))
    )
    with op.batch_alter_table('participants', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_participants_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_participants_readout_id'), ['readout_id'], unique=False)

    op.create_table('photos',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('readout_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('caption', sa.Text(), nullable=False),
    sa.Column('file', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['readout_id'], ['readouts.id'], name=op.f('fk_photos_readout_id_readouts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_photos'))
    )
    with op.batch_alter_table('photos', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_photos_readout_id'), ['readout_id'], unique=False)

    op.create_table('readout_countries',
    sa.Column('readout_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=2), nullable=False),
    sa.ForeignKeyConstraint(['readout_id'], ['readouts.id'], name=op.f('fk_readout_countries_readout_id_readouts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('readout_id', 'position', name=op.f('pk_readout_countries'))
    )
    with op.batch_alter_table('readout_countries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_readout_countries_code'), ['code'], unique=False)

    op.create_table('readout_topics',
    sa.Column('readout_id', sa.Integer(), nullable=False),
    sa.Column('topic_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['readout_id'], ['readouts.id'], name=op.f('fk_readout_topics_readout_id_readouts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['topic_id'], ['topics.id'], name=op.f('fk_readout_topics_topic_id_topics')),
    sa.PrimaryKeyConstraint('readout_id', 'topic_id', name=op.f('pk_readout_topics'))
    )
    with op.batch_alter_table('readout_topics', schema=None) as batch_op:
        batch_op.create_index('ix_readout_topics_topic', ['topic_id'], unique=False)

    op.create_table('readout_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('readout_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('saved_at', sa.DateTime(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['readout_id'], ['readouts.id'], name=op.f('fk_readout_versions_readout_id_readouts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_readout_versions'))
    )
    with op.batch_alter_table('readout_versions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_readout_versions_readout_id'), ['readout_id'], unique=False)

    op.create_table('summary_points',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('readout_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('speaker', sa.Text(), nullable=False),
    sa.Column('label', sa.Text(), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['readout_id'], ['readouts.id'], name=op.f('fk_summary_points_readout_id_readouts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_summary_points'))
    )
    with op.batch_alter_table('summary_points', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_summary_points_readout_id'), ['readout_id'], unique=False)
    if op.get_context().dialect.name == "postgresql":
        # Full-text index (a weighted tsvector under GIN, see archive/postgres_search.py).
        from readout_desk.archive.postgres_search import CREATE_FTS_TABLE

        for statement in CREATE_FTS_TABLE:
            op.execute(statement)
        return
    # Full-text index (SQLite FTS5); rowid is the readout id.
    op.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS readout_fts USING fts5("
        "title, section, people, place, occasion, topics, kinds, countries, body, publisher, "
        "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
    )


def downgrade() -> None:
    op.execute('DROP TABLE IF EXISTS readout_fts')
    with op.batch_alter_table('summary_points', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_summary_points_readout_id'))

    op.drop_table('summary_points')
    with op.batch_alter_table('readout_versions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_readout_versions_readout_id'))

    op.drop_table('readout_versions')
    with op.batch_alter_table('readout_topics', schema=None) as batch_op:
        batch_op.drop_index('ix_readout_topics_topic')

    op.drop_table('readout_topics')
    with op.batch_alter_table('readout_countries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_readout_countries_code'))

    op.drop_table('readout_countries')
    with op.batch_alter_table('photos', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_photos_readout_id'))

    op.drop_table('photos')
    with op.batch_alter_table('participants', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_participants_readout_id'))
        batch_op.drop_index(batch_op.f('ix_participants_person_id'))

    op.drop_table('participants')
    with op.batch_alter_table('meeting_sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_sessions_readout_id'))
        batch_op.drop_index(batch_op.f('ix_meeting_sessions_printed_mismatch'))

    op.drop_table('meeting_sessions')
    op.drop_table('topics')
    op.drop_table('saved_searches')
    with op.batch_alter_table('readouts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_readouts_mode'))
        batch_op.drop_index(batch_op.f('ix_readouts_meeting_date'))
        batch_op.drop_index(batch_op.f('ix_readouts_first_start_utc'))
        batch_op.drop_index(batch_op.f('ix_readouts_deleted_at'))

    op.drop_table('readouts')
    op.drop_table('people')
