"""``check`` reads and never writes, and tells a foreign file, a lock and damage apart."""

from __future__ import annotations

import hashlib
import io
import sqlite3
import threading
from pathlib import Path

import pytest

from readout_desk import cli
from readout_desk.archive import Archive
from readout_desk.archive import sqlite as sqlite_backend
from tests.archive.helpers import lima_readout


def _check(path: Path) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["--db", str(path), "check"], out, err)
    return code, out.getvalue() + err.getvalue()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_sound_archive_passes_and_nothing_is_written(archive_path: Path) -> None:
    with Archive.open(archive_path) as archive:
        archive.add(lima_readout())
    before, mtime = _digest(archive_path), archive_path.stat().st_mtime_ns
    code, text = _check(archive_path)
    assert code == 0 and "passes" in text and "1 readout" in text
    assert (_digest(archive_path), archive_path.stat().st_mtime_ns) == (before, mtime)
    # Beside it only the tally the save above wrote: the check added nothing.
    assert sorted(p.name for p in archive_path.parent.iterdir()) == [
        archive_path.name, archive_path.name + ".tally"]


def test_another_programs_database_is_not_called_damaged(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
    code, text = _check(other)
    assert code != 0
    assert "not a Readout Desk archive" in text
    assert "damaged" not in text and "restore" not in text


def test_a_file_that_is_no_database_is_not_called_damaged(tmp_path: Path) -> None:
    other = tmp_path / "notes.sqlite3"
    other.write_text("just some notes\n" * 100)
    code, text = _check(other)
    assert code != 0 and "not a Readout Desk archive" in text and "damaged" not in text


def test_a_locked_archive_is_said_to_be_locked(archive_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sqlite_backend, "BUSY_TIMEOUT_S", 0.2)
    with Archive.open(archive_path) as archive:
        archive.add(lima_readout())
    ready, release = threading.Event(), threading.Event()

    def hold() -> None:
        conn = sqlite3.connect(archive_path, isolation_level=None)
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("UPDATE readouts SET title = title")
        ready.set()
        release.wait(30)
        conn.execute("ROLLBACK")
        conn.close()

    holder = threading.Thread(target=hold)
    holder.start()
    assert ready.wait(5)
    try:
        code, text = _check(archive_path)
    finally:
        release.set()
        holder.join()
    assert code != 0 and "locked by another program" in text and "damaged" not in text


def test_a_damaged_full_text_index_is_found_without_writing(archive_path: Path) -> None:
    with Archive.open(archive_path) as archive:
        archive.add(lima_readout())
    with sqlite3.connect(archive_path) as conn:
        conn.execute("DELETE FROM readout_fts_data WHERE id > 10")
    before = _digest(archive_path)
    code, text = _check(archive_path)
    assert code != 0 and "damaged" in text and "full-text index" in text
    assert _digest(archive_path) == before
