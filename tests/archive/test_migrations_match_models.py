"""The migrations and the model describe one schema.

An empty file brought to head by the migrations, compared by Alembic's autogenerate with
``Base.metadata``, must show no difference: a column added to the model without a revision
(or a revision the model does not know of) fails here rather than on a user's archive.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import Column, Engine, Integer, MetaData, create_engine

from readout_desk.archive.models import Base
from readout_desk.archive.postgres import driver_url

#: The tables SQLite's FTS5 creates beside each full-text table to store it.
FTS5_SHADOW_SUFFIXES = ("_data", "_idx", "_content", "_docsize", "_config")
#: The text the table of words does not keep and cannot read from a readout's own row
#: (``archive/sqlite_index.py``): part of SQLite's full-text index, which the model
#: leaves out on both backends.
KEPT_INDEX_TEXT = "readout_fts_fields"


def migrated_engine(tmp_path: Path) -> Engine:
    """An empty archive file brought to head, the way the archive applies its revisions."""
    return upgraded(create_engine(f"sqlite:///{tmp_path / 'empty.sqlite'}"))


def upgraded(engine: Engine) -> Engine:
    """``engine``'s empty database brought to head, the way the archive applies revisions."""
    config = Config()
    location = resources.files("readout_desk.archive") / "migrations"
    config.set_main_option("script_location", str(location))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    return engine


def full_text_tables(engine: Engine) -> set[str]:
    """The virtual tables and the shadow tables SQLite keeps for each."""
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
        tables = {str(name): str(sql or "") for name, sql in rows}
    virtual = {n for n, sql in tables.items() if sql.upper().startswith("CREATE VIRTUAL")}
    return (virtual | {v + s for v in virtual for s in FTS5_SHADOW_SUFFIXES}
            | {KEPT_INDEX_TEXT}) & tables.keys()


def differences(engine: Engine, metadata: MetaData,
                skipped: set[str] | None = None) -> list[Any]:
    """What autogenerate would write to bring the file's schema to ``metadata``."""
    # The full-text tables are created by raw SQL in the migrations: SQLAlchemy cannot
    # declare a virtual table, so the model has no counterpart and autogenerate would
    # propose dropping them (and their shadow tables, which SQLite makes on its own).
    if skipped is None:
        skipped = full_text_tables(engine)

    def include_name(name: str | None, kind: str, parent: Any) -> bool:
        return not (kind == "table" and name in skipped)

    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "compare_type": True,
                "compare_server_default": True,
                "include_name": include_name,
            },
        )
        return list(compare_metadata(context, metadata))


def test_migrations_at_head_match_the_model(tmp_path: Path) -> None:
    engine = migrated_engine(tmp_path)
    try:
        assert differences(engine, Base.metadata) == []
    finally:
        engine.dispose()


def migrated_server(url: str) -> Engine:
    """An empty PostgreSQL database brought to head the same way."""
    return upgraded(create_engine(driver_url(url)))


#: A team archive's full-text index: its words and their text (``postgres_search.py``).
PG_INDEX_TABLES = {"readout_fts", "readout_fts_text"}


def test_migrations_at_head_match_the_model_on_postgresql(pg_url: str) -> None:
    engine = migrated_server(pg_url)
    try:
        # The tables the model has no counterpart for: the full-text index and its text.
        assert differences(engine, Base.metadata, skipped=PG_INDEX_TABLES) == []
        broken = MetaData(naming_convention=Base.metadata.naming_convention)
        for table in Base.metadata.sorted_tables:
            table.to_metadata(broken)
        broken.tables["readouts"].append_column(Column("reviewed_by", Integer, nullable=True))
        found = differences(engine, broken, skipped=PG_INDEX_TABLES)
        assert [(d[0], d[2], d[3].name) for d in found] == [
            ("add_column", "readouts", "reviewed_by")]
    finally:
        engine.dispose()


def test_only_the_full_text_tables_are_left_out(tmp_path: Path) -> None:
    engine = migrated_engine(tmp_path)
    try:
        skipped = full_text_tables(engine)
    finally:
        engine.dispose()
    assert skipped == {
        "readout_fts",
        "readout_fts_data",
        "readout_fts_idx",
        "readout_fts_docsize",
        "readout_fts_config",
        # external content: it reads its text from the readouts, apart from these columns
        "readout_fts_fields",
        # contentless (it keeps no copy of the text), so it has no _content table
        "readout_cjk",
        "readout_cjk_data",
        "readout_cjk_idx",
        "readout_cjk_docsize",
        "readout_cjk_config",
    }
    assert skipped.isdisjoint(Base.metadata.tables)


def test_a_column_the_migrations_lack_is_a_difference(tmp_path: Path) -> None:
    model = MetaData(naming_convention=Base.metadata.naming_convention)
    for table in Base.metadata.sorted_tables:
        table.to_metadata(model)
    model.tables["readouts"].append_column(Column("reviewed_by", Integer, nullable=True))
    engine = migrated_engine(tmp_path)
    try:
        found = differences(engine, model)
    finally:
        engine.dispose()
    assert [(d[0], d[2], d[3].name) for d in found] == [("add_column", "readouts", "reviewed_by")]
