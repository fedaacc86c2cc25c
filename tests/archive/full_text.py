"""What the tests of the full-text tables' storage share: moving a file between revisions,
FTS5's own check of the index against the text, and the answers of a query mix."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine

from readout_desk.archive import Archive
from readout_desk.archive.sqlite_index import register_functions
from readout_desk.archive.sqlite_search import FTS_TABLE

#: What a page shows: the query and sort, the ids in order, the total, the snippets.
Answer = tuple[str, str, int, tuple[int, ...], int, tuple[str, ...], str]


def to_revision(path: Path | str, revision: str, *, up: bool) -> None:
    """The archive file at ``path`` (or the team archive at a server URL) upgraded or
    downgraded to ``revision``."""
    from readout_desk.archive.postgres import driver_url

    location = str(path)
    engine = create_engine(driver_url(location) if "://" in location
                           else f"sqlite:///{location}")
    config = Config()
    config.set_main_option("script_location",
                           str(resources.files("readout_desk.archive") / "migrations"))
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            (command.upgrade if up else command.downgrade)(config, revision)
    finally:
        engine.dispose()


def agrees_with_readouts(path: Path) -> bool:
    """FTS5's check of the index against the text the view gives (rank 1), which the
    archive's own check leaves out."""
    with sqlite3.connect(path) as conn:
        register_functions(conn)
        try:
            conn.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) "
                         "VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError:
            return False
    return True


def answers(archive: Archive, queries: Sequence[str],
            sorts: Sequence[tuple[str, bool, int]], limit: int) -> list[Answer]:
    """Each query's page in each (sort, descending, offset)."""
    found = []
    for q in queries:
        for sort, down, offset in sorts:
            page = archive.search(q, sort=sort, descending=down, offset=offset, limit=limit)
            found.append((q, sort, offset, page.ids, page.total,
                          tuple(h.snippet for h in page.hits), page.message))
    return found
