"""Schema migrations on open, and two processes on one archive."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from readout_desk.archive import (
    Archive,
    ArchiveDamagedError,
    ArchiveError,
    ArchiveLockedError,
    migrate,
)
from readout_desk.archive import sqlite as sqlite_sql
from tests.archive.helpers import brazil_readout, lima_readout


def test_head_revision_constant_matches_the_scripts() -> None:
    assert migrate.script_head() == migrate.HEAD_REVISION
    assert migrate.KNOWN_REVISIONS[-1] == migrate.HEAD_REVISION


def test_new_file_gets_the_whole_schema(archive_path: Path) -> None:
    with Archive.open(archive_path) as a:
        assert a.migration_backup is None
    con = sqlite3.connect(archive_path)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    version = con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    mode = con.execute("PRAGMA journal_mode").fetchone()[0]
    con.close()
    assert {"readouts", "people", "meeting_sessions", "readout_fts", "readout_versions"} <= tables
    assert version == migrate.HEAD_REVISION
    assert mode == "wal"


def test_existing_current_file_opens_without_migrating(archive_path: Path) -> None:
    with Archive.open(archive_path) as a:
        a.add(lima_readout())
    with Archive.open(archive_path) as a:
        assert a.migration_backup is None
        assert a.count() == 1


@pytest.mark.parametrize("revision", migrate.KNOWN_REVISIONS)
def test_file_at_every_known_revision_is_brought_to_head(archive_path: Path,
                                                         revision: str) -> None:
    from alembic import command

    engine = sqlite_sql.BACKEND.make_engine(archive_path)
    config = migrate._alembic_config(engine)
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
    engine.dispose()
    with Archive.open(archive_path) as a:
        a.add(lima_readout())
        assert migrate.current_revision(a._engine, a.backend)[0] == migrate.HEAD_REVISION
        if revision != migrate.HEAD_REVISION:
            assert a.migration_backup is not None and a.migration_backup.exists()
            assert "before-migration" in a.migration_backup.name
        assert a.search("Gervasi").total == 1


def test_migration_backup_copies_the_file(archive_path: Path, monkeypatch: pytest.MonkeyPatch
                                          ) -> None:
    with Archive.open(archive_path) as a:
        a.add(lima_readout())
    # Pretend the file is one revision behind a newer program.
    monkeypatch.setattr(migrate, "HEAD_REVISION", "9999")
    monkeypatch.setattr(migrate, "KNOWN_REVISIONS", (*migrate.KNOWN_REVISIONS, "9999"))
    from alembic import command

    monkeypatch.setattr(command, "upgrade", lambda config, target: None)
    with Archive.open(archive_path) as a:
        copy = a.migration_backup
    assert copy is not None and copy.exists()
    con = sqlite3.connect(copy)
    assert con.execute("SELECT count(*) FROM readouts").fetchone()[0] == 1
    con.close()


def test_a_file_from_a_newer_program_is_refused(archive_path: Path) -> None:
    with Archive.open(archive_path):
        pass
    con = sqlite3.connect(archive_path)
    con.execute("UPDATE alembic_version SET version_num = 'zz99'")
    con.commit()
    con.close()
    with pytest.raises(ArchiveError, match="newer version"):
        Archive.open(archive_path)


def test_other_files_are_refused_clearly(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("not a database at all " * 100)
    with pytest.raises(ArchiveDamagedError, match="not a Readout Desk archive"):
        Archive.open(text)
    other = tmp_path / "other.sqlite3"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE mine (x)")
    con.commit()
    con.close()
    with pytest.raises(ArchiveDamagedError, match="not a Readout Desk archive"):
        Archive.open(other)
    with pytest.raises(ArchiveError, match="folder"):
        Archive.open(tmp_path)
    with pytest.raises(ArchiveError, match="not supported"):
        Archive.open("mysql://localhost/readouts")
    # A team archive whose server does not answer (nothing listens on port 9).
    with pytest.raises(ArchiveError, match="cannot be reached.*open a local archive"):
        Archive.open("postgresql://127.0.0.1:9/readouts")


def _hold_write_lock(path: Path, ready: threading.Event, release: threading.Event) -> None:
    """Hold the archive's write lock from ``ready`` until ``release`` (a minute at most)."""
    con = sqlite3.connect(path, timeout=0.1, isolation_level=None)
    con.execute("BEGIN IMMEDIATE")
    con.execute("UPDATE readouts SET title = title")
    ready.set()
    release.wait(60)
    con.execute("ROLLBACK")
    con.close()


def test_a_writer_waits_briefly_then_says_the_archive_is_busy(
        archive_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sqlite_sql, "BUSY_TIMEOUT_S", 0.3)
    with Archive.open(archive_path) as a:
        a.add(lima_readout())
        ready, release = threading.Event(), threading.Event()
        holder = threading.Thread(target=_hold_write_lock, args=(archive_path, ready, release))
        holder.start()
        assert ready.wait(5)
        try:
            # Readers are not blocked (WAL).
            assert a.search("Gervasi").total == 1
            with pytest.raises(ArchiveLockedError, match="busy"):
                a.add(brazil_readout())
        finally:
            release.set()
            holder.join()
        # Nothing was half-written, and once the other writer is gone saving works.
        assert a.count() == 1
        a.add(brazil_readout())
        assert a.count() == 2
        assert a.integrity_problems() == []


def test_a_second_process_is_told_clearly(archive_path: Path) -> None:
    with Archive.open(archive_path) as a:
        a.add(lima_readout())
    json_file = archive_path.with_name("one.json")
    from readout_desk.domain import jsonformat

    json_file.write_text(__import__("json").dumps(jsonformat.document([brazil_readout()])))
    ready, release = threading.Event(), threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(archive_path, ready, release))
    holder.start()
    assert ready.wait(5)
    try:
        # The lock is held until the command has ended, so it can only end by giving up;
        # the timeout is there to stop a hang, not to measure the wait.
        proc = subprocess.run(
            [sys.executable, "-m", "readout_desk.cli", "--db", str(archive_path), "add",
             str(json_file)], capture_output=True, text=True, timeout=60)
    finally:
        release.set()
        holder.join()
    assert proc.returncode == 1
    assert "busy" in proc.stderr and "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1
    with Archive.open(archive_path) as a:
        assert a.count() == 1
