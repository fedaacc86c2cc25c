"""Alembic environment: always runs on the connection the archive hands it."""

from __future__ import annotations

from alembic import context

from readout_desk.archive.models import Base

config = context.config
connection = config.attributes.get("connection")

if connection is None:
    # Only for developers generating a revision: `alembic revision --autogenerate`.
    from sqlalchemy import create_engine

    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://")
    with engine.connect() as conn:
        context.configure(connection=conn, target_metadata=Base.metadata,
                          render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(connection=connection, target_metadata=Base.metadata,
                      render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
