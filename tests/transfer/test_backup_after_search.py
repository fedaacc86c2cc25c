"""A search that keeps the ranking of a common word writes to the archive file (from the
command line, whose archive is opened for writing; the window searches on read-only
connections), but saves nothing of the person's: closing the window after it makes no
backup, as after reading."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from readout_desk import cli
from readout_desk.archive import Archive, search
from readout_desk.archive import sqlite_kept as kept
from readout_desk.archive.backup import (
    MANIFEST,
    create_backup,
    default_backup_dir,
    list_backups,
)
from readout_desk.ui.main_window import MainWindow
from tests.transfer.test_ui_transfer import window_on
from tests.ui.conftest import wait_for_search

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import corpus  # noqa: E402

__all__ = ["window_on"]  # the fixture, used by name

HOUR = 3600.0


@pytest.fixture
def archive_backed_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Archive]:
    """160 readouts, most with "minister", backed up two hours ago and untouched since;
    rankings are kept from 45 hits (rather than thousands)."""
    monkeypatch.setattr(kept, "KEEP", 40)
    monkeypatch.setattr(kept, "SLACK", 10)
    monkeypatch.setattr(kept, "KEEP_FROM_HITS", 45)
    monkeypatch.setattr(search, "RANK_AHEAD", 16)
    monkeypatch.setattr(search, "TIE_MARGIN", 4)
    path = tmp_path / "archive.sqlite3"
    with Archive.open(path) as archive:
        archive.add_many([corpus.readout(i) for i in range(160)])
        made = create_backup(archive)
    manifest = made.path / MANIFEST
    data = json.loads(manifest.read_text(encoding="utf-8"))
    created = time.time() - 2 * HOUR
    data["created"] = time.strftime("%Y-%m-%dT%H:%M:%S.000000Z", time.gmtime(created))
    manifest.write_text(json.dumps(data), encoding="utf-8")
    for written in tmp_path.glob("archive.sqlite3*"):
        os.utime(written, (created - HOUR, created - HOUR))  # last saved before the backup
    with Archive.open(path) as archive:
        yield archive


def _kept_rankings(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("SELECT count(*) FROM kept_rankings").fetchone()[0])


def test_closing_after_a_search_that_kept_a_ranking_makes_no_backup(
        qtbot: QtBot, archive_backed_up: Archive,
        window_on: Callable[[Archive], MainWindow]) -> None:
    archive = archive_backed_up
    assert archive.path is not None
    folder = default_backup_dir(archive.path)
    assert len(list_backups(folder)) == 1 and _kept_rankings(archive.path) == 0
    out, err = io.StringIO(), io.StringIO()
    assert cli.main(["--db", str(archive.path), "search", "minister"], out=out, err=err) == 0
    assert "minister" in out.getvalue().lower()
    assert _kept_rankings(archive.path) == 1  # the search wrote to the archive file
    window = window_on(archive)
    window.search_field.setFocus()
    qtbot.keyClicks(window.search_field, "minister")
    wait_for_search(qtbot, window)
    assert window.model.rowCount() > 0
    window.close()  # the backup on closing is made here, if one is wanted
    assert len(list_backups(folder)) == 1

    # A change the person saved is backed up on closing as before.
    window = window_on(archive)
    archive.delete(archive.search_ids("minister")[0])
    window.close()  # the backup on closing is made here, if one is wanted
    assert len(list_backups(folder)) == 2
