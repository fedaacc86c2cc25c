"""Saved changes lost with the archive's log (its -wal file) are noticed on opening.

A writer is killed after its commit, the log beside the file is deleted (or cut short),
and the archive opens as a sound file holding less: the tally kept beside it
(``archive/tally.py``) says so, and the latest backup is offered. A normal close and
reopen raises no alarm; nor does an archive changed by a program that keeps no tally.
"""

from __future__ import annotations

import dataclasses
import json
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from readout_desk.archive import Archive, RecoveryDeclined, create_backup, open_with_recovery
from readout_desk.archive import tally as tallies
from readout_desk.archive.recovery import Choice, Damage
from tests.archive.helpers import lima_readout

WRITER = """
import dataclasses, sys, time
from readout_desk.archive import Archive
from tests.archive.helpers import lima_readout
archive = Archive.open(sys.argv[1])
for i in range(int(sys.argv[2])):
    archive.add(dataclasses.replace(lima_readout(), title=f"Written late {i}"))
print("committed", flush=True)
time.sleep(120)
"""


def _fill(path: Path, n: int) -> None:
    with Archive.open(path) as archive:
        archive.add_many([dataclasses.replace(lima_readout(), title=f"Early {i}")
                          for i in range(n)])


def _killed_writer(path: Path, n: int) -> None:
    """Add ``n`` readouts in another process, one commit each, and kill it (SIGKILL)
    once they are committed: they are in the log, not yet in the file."""
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(n)], cwd=root,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert line.strip() == "committed", proc.stderr.read() if proc.stderr else ""
    assert path.with_name(path.name + "-wal").stat().st_size > 0


class Asked:
    """A chooser that records what it was told and answers ``choice``."""

    def __init__(self, choice: Choice = None) -> None:
        self.choice = choice
        self.damage: Damage | None = None

    def __call__(self, damage: Damage) -> Choice:
        self.damage = damage
        return self.choice


def test_a_deleted_log_after_a_killed_writer_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite3"
    _fill(path, 3)
    _killed_writer(path, 4)
    path.with_name(path.name + "-wal").unlink()
    path.with_name(path.name + "-shm").unlink(missing_ok=True)
    asked = Asked()
    with pytest.raises(RecoveryDeclined, match="saved changes went missing"):
        open_with_recovery(path, asked, check=False)
    assert asked.damage is not None and asked.damage.lost_changes
    assert "it holds 3 readouts where 7 were recorded" in asked.damage.message
    assert "-wal" in asked.damage.message
    # Asked again, and kept as it is: it opens, and the next opening asks nothing.
    kept = open_with_recovery(path, Asked("keep"))
    assert kept.archive.count() == 3 and kept.problems and kept.damaged_copy is None
    kept.archive.close()
    again = Asked()
    open_with_recovery(path, again).archive.close()
    assert again.damage is None


def test_a_log_cut_short_offers_the_latest_backup(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite3"
    _fill(path, 2)
    with Archive.open(path) as archive:
        backup = create_backup(archive, folder=tmp_path / "backups")
    manifest = json.loads((backup.path / "backup.json").read_text())
    assert manifest["readouts"] == 2 and manifest["changes"] >= 1 and manifest["checksum"] == 3
    _killed_writer(path, 3)
    log = path.with_name(path.name + "-wal")
    with log.open("r+b") as handle:  # the frame header of the first commit survives
        handle.truncate(32 + 24 + 100)
    asked = Asked()
    with pytest.raises(RecoveryDeclined):
        open_with_recovery(path, asked, backups_folder=tmp_path / "backups")
    assert asked.damage is not None and asked.damage.latest_good is not None
    restored = open_with_recovery(path, Asked(asked.damage.latest_good),
                                  backups_folder=tmp_path / "backups")
    assert restored.archive.count() == 2 and restored.damaged_copy is not None
    restored.archive.add(lima_readout())
    restored.archive.close()
    quiet = Asked()
    open_with_recovery(path, quiet, backups_folder=tmp_path / "backups").archive.close()
    assert quiet.damage is None


def test_a_normal_close_and_a_kill_with_the_log_kept_raise_no_alarm(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite3"
    for _ in range(3):
        _fill(path, 2)
        asked = Asked()
        opened = open_with_recovery(path, asked)
        assert asked.damage is None and opened.archive.count() % 2 == 0
        opened.archive.close()
    _killed_writer(path, 2)  # the log stays: the commits are read from it
    asked = Asked()
    opened = open_with_recovery(path, asked)
    assert asked.damage is None and opened.archive.count() == 8
    opened.archive.close()
    recorded = tallies.read(path)
    assert recorded is not None and recorded.readouts == 8


def test_an_archive_changed_by_a_program_without_the_tally_is_no_loss(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite3"
    _fill(path, 3)
    with sqlite3.connect(path) as conn:  # another tool, or an older Readout Desk
        conn.execute("CREATE TEMP TABLE copy AS SELECT * FROM readouts WHERE id = 1")
        conn.execute("UPDATE copy SET id = 50")
        conn.execute("INSERT INTO readouts SELECT * FROM copy")
    asked = Asked()
    open_with_recovery(path, asked).archive.close()
    assert asked.damage is None
    recorded = tallies.read(path)
    assert recorded is not None and recorded.readouts == 4 and recorded.checksum == 56
    with sqlite3.connect(path) as conn:  # fewer, and other ids, as counted changes stay
        conn.execute("DELETE FROM readouts WHERE id IN (1, 2)")
    open_with_recovery(path, asked).archive.close()
    assert asked.damage is None
    recorded = tallies.read(path)
    assert recorded is not None and recorded.readouts == 2


def test_the_tally_follows_every_committed_change(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite3"
    with Archive.open(path) as archive:
        saved = archive.add(lima_readout())
        first = tallies.read(path)
        assert saved.id is not None
        archive.delete(saved.id)
        second = tallies.read(path)
        archive.purge([saved.id])
        third = tallies.read(path)
    assert first is not None and second is not None and third is not None
    assert (first.readouts, second.readouts, third.readouts) == (1, 1, 0)
    assert first.changes < second.changes < third.changes


def test_at_start_up_the_window_offers_to_keep_or_restore(qtbot: object, tmp_path: Path) -> None:
    from readout_desk.ui import transfer
    from tests.transfer.test_ui_transfer import _click_in_message_box

    path = tmp_path / "archive.sqlite3"
    _fill(path, 2)
    _killed_writer(path, 2)
    path.with_name(path.name + "-wal").unlink()
    _click_in_message_box("damagedArchiveDialog", "damagedKeep")
    opened = transfer.open_archive_with_recovery(str(path))
    with opened.archive as kept:
        assert kept.count() == 2
    message = transfer.startup_message(opened)
    assert "opened as it is" in message and "where 4 were recorded" in message
