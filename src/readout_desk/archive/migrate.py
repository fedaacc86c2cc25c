"""Schema migrations with Alembic, applied when an archive is opened.

Opening an up-to-date archive costs one query: Alembic itself is imported only when a
migration has to run. Before any migration touches an existing file, a copy of it is
taken through the backend (for SQLite, its online backup API).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from sqlalchemy import Engine, column, select, table
from sqlalchemy.exc import DBAPIError

from readout_desk.archive.backend import Backend
from readout_desk.archive.errors import ArchiveDamagedError, ArchiveError, ArchiveReadOnlyError

#: The newest revision in ``migrations/versions``; a test keeps the two in step.
HEAD_REVISION = "0023"
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0011",
                   "0009", "0010", "0012", "0013", "0014", "0015", "0016",
                   "0017", "0018", "0019", "0020", "0021", "0022", "0023")

#: The last revision after which an archive file holds much less (0010: the index's copy
#: of the text gone; 0015: text packed, lighter prefix indexes): the pages are given back.
PAGES_FREED = "0015"

#: The SQLSTATE of a statement the database user has no right to run.
INSUFFICIENT_PRIVILEGE = "42501"

#: Alembic's own bookkeeping table, read without importing Alembic.
_VERSION_TABLE = table("alembic_version", column("version_num"))


def current_revision(engine: Engine, backend: Backend) -> tuple[str | None, set[str]]:
    """The file's schema revision (``None`` if unversioned) and its tables."""
    with engine.connect() as conn:
        tables = backend.table_names(conn)
        if "alembic_version" not in tables:
            return None, tables
        row = conn.execute(select(_VERSION_TABLE.c.version_num)).first()
        return (str(row[0]) if row else None), tables


def _alembic_config(engine: Engine):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    config = Config()
    location = resources.files("readout_desk.archive") / "migrations"
    config.set_main_option("script_location", str(location))
    return config


#: Alembic keeps the running migration in module-wide proxies (``alembic.op``,
#: ``alembic.context``), so two archives migrating at once on two threads would run each
#: other's steps: one migration at a time in this process.
_ONE_AT_A_TIME = threading.Lock()


def backup_path_for(path: Path, revision: str | None) -> Path:
    """Where the copy taken before migrating ``path`` goes."""
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    return path.with_name(f"{path.stem}.before-migration-{revision or 'none'}-{stamp}{path.suffix}")


def ensure_schema(engine: Engine, path: Path | None, backend: Backend,
                  progress: Callable[[int, int], None] | None = None) -> Path | None:
    """Bring the archive's schema to the newest revision.

    ``progress`` is told (done, in all) as a migration that rewrites the full-text index
    goes through the readouts; if it also has a ``copying`` method, that is told (done,
    in all) as the copy of the file taken first is written (seconds for every few hundred
    megabytes, with nothing else to show meanwhile). Returns the path of the copy taken
    before migrating, if one was taken.
    """
    revision, tables = current_revision(engine, backend)
    if revision == HEAD_REVISION:
        return None
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise ArchiveError(
            f"This archive was written by a newer version of Readout Desk (schema {revision}); "
            "update the program to open it."
        )
    if revision is None and tables - {"sqlite_sequence", "alembic_version"}:
        raise ArchiveDamagedError(
            "This file is a SQLite database but not a Readout Desk archive; "
            "choose another file or a new name."
        )
    copy: Path | None = None
    if path is not None and revision is not None and path.exists():
        copy = backup_path_for(path, revision)
        backend.copy_file(path, copy, getattr(progress, "copying", None))

    from alembic import command

    config = _alembic_config(engine)
    try:
        with _ONE_AT_A_TIME, engine.begin() as conn:
            config.attributes["connection"] = conn
            config.attributes["progress"] = progress
            command.upgrade(config, "head")
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) == INSUFFICIENT_PRIVILEGE:
            raise ArchiveReadOnlyError(no_rights_to_migrate(engine, revision)) from None
        raise
    if (engine.dialect.name == "sqlite" and revision is not None
            and KNOWN_REVISIONS.index(revision) < KNOWN_REVISIONS.index(PAGES_FREED)):
        from readout_desk.archive import sqlite_index

        sqlite_index.reclaim(engine, progress)  # else the file keeps the freed pages
    return copy


def no_rights_to_migrate(engine: Engine, revision: str | None) -> str:
    """What to ask the administrator when the database user may not change the tables."""
    url = engine.url.set(drivername="postgresql").render_as_string(hide_password=True)
    now = f"is at schema {revision}" if revision else "has no tables yet"
    return (f"The team archive {url} {now} and needs schema {HEAD_REVISION}, but your "
            "database user may not change its tables. Ask the database's administrator to "
            f"run 'readout-desk-cli --db {url} migrate' as the database's owner (or to "
            "grant your user CREATE on its schema and make it the owner of its tables).")


def script_head() -> str | None:
    """The head revision as Alembic's script directory sees it (for the consistency test)."""
    from alembic.script import ScriptDirectory

    config = _alembic_config(None)  # type: ignore[arg-type]
    return ScriptDirectory.from_config(config).get_current_head()
