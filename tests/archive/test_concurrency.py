"""Several writers on one archive: nothing lost, every refusal said, nobody gives up early."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest

from readout_desk.archive import Archive, ConflictError
from readout_desk.domain import jsonformat
from tests.archive.helpers import brazil_readout, lima_readout

#: One editor in its own process: read readout 1, append a mark to its notes, save; when
#: the save is refused as a conflict, count it, read again and retry. Prints the count.
EDITOR = """
import sys
from dataclasses import replace
from pathlib import Path
from readout_desk.archive import Archive, ConflictError

path, tag, rounds, start = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
while not start.exists():
    pass
conflicts = 0
with Archive.open(path) as archive:
    for i in range(rounds):
        while True:
            current = archive.get(1)
            try:
                archive.update(replace(current, notes=current.notes + f" {tag}{i}"))
                break
            except ConflictError:
                conflicts += 1
print(conflicts)
"""


def test_saving_over_a_newer_version_is_refused(archive_path: Path) -> None:
    with Archive.open(archive_path) as first, Archive.open(archive_path) as second:
        saved = first.add(lima_readout())
        assert saved.id is not None
        mine, theirs = first.get(saved.id), second.get(saved.id)
        second.update(replace(theirs, notes="their change"))
        with pytest.raises(ConflictError) as raised:
            first.update(replace(mine, notes="my change"))
        assert raised.value.readout_id == saved.id
        assert (raised.value.read_version, raised.value.current_version) == (1, 2)
        assert "version 1" in str(raised.value) and "version 2" in str(raised.value)
        # The refused change left nothing behind; the other one is there.
        now = first.get(saved.id)
        assert (now.notes, now.version) == ("their change", 2)
        assert [v.version for v in first.history(saved.id)] == [1]
        # Saving again from what is there now works.
        assert first.update(replace(now, notes="my change")).version == 3


def test_restoring_a_version_needs_no_version_read(archive: Archive) -> None:
    saved = archive.add(lima_readout())
    assert saved.id is not None
    archive.update(replace(saved, notes="second"))
    assert archive.restore_version(saved.id, 1).version == 3


def test_two_processes_editing_one_readout_lose_nothing(archive_path: Path,
                                                        tmp_path: Path) -> None:
    rounds = 200
    with Archive.open(archive_path) as archive:
        archive.add(replace(lima_readout(), notes=""))
    start = tmp_path / "go"
    procs = [subprocess.Popen([sys.executable, "-c", EDITOR, str(archive_path), tag,
                               str(rounds), str(start)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for tag in ("a", "b")]
    start.touch()
    outputs = [proc.communicate(timeout=600) for proc in procs]
    assert [proc.returncode for proc in procs] == [0, 0], outputs
    conflicts = sum(int(out) for out, _err in outputs)
    with Archive.open(archive_path) as archive:
        final = archive.get(1)
        marks = final.notes.split()
        # Every save that returned is in the readout: no lost update.
        assert sorted(marks) == sorted(f"{t}{i}" for t in "ab" for i in range(rounds))
        assert final.version == 1 + 2 * rounds
        assert len(archive.history(1)) == 2 * rounds
    # Each refused save was reported to its process (and retried), none silently dropped.
    print(f"two editors x {rounds} saves: {conflicts} conflicts reported, 0 lost")


def _hold_write_lock(path: Path, seconds: float, ready: threading.Event) -> None:
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("BEGIN IMMEDIATE")
    con.execute("UPDATE readouts SET title = title")
    ready.set()
    time.sleep(seconds)
    con.execute("COMMIT")
    con.close()


@pytest.mark.parametrize("change", ["add", "update"])
def test_a_writer_waits_for_another_writer_to_finish(archive_path: Path, change: str) -> None:
    with Archive.open(archive_path) as archive:
        saved = archive.add(lima_readout())
        ready = threading.Event()
        holder = threading.Thread(target=_hold_write_lock, args=(archive_path, 0.5, ready))
        holder.start()
        assert ready.wait(5)
        try:
            if change == "add":
                archive.add(brazil_readout())
            else:
                archive.update(replace(saved, notes="edited"))
        finally:
            holder.join()
        assert archive.count() == (2 if change == "add" else 1)


def test_two_importers_on_one_archive_both_finish(archive_path: Path, tmp_path: Path) -> None:
    Archive.open(archive_path).close()
    files: dict[str, list[Path]] = {"a": [], "b": []}
    for who, names in files.items():
        for n in range(3):
            batch = [replace(lima_readout(), title=f"{who}{n} readout {k}",
                             meeting_date=lima_readout().meeting_date) for k in range(40)]
            path = tmp_path / f"{who}{n}.json"
            path.write_text(json.dumps(jsonformat.document(batch)))
            names.append(path)
    procs = [subprocess.Popen([sys.executable, "-m", "readout_desk.cli", "--db",
                               str(archive_path), "import", *map(str, names)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for names in files.values()]
    outputs = [proc.communicate(timeout=600) for proc in procs]
    assert [proc.returncode for proc in procs] == [0, 0], outputs
    with Archive.open(archive_path) as archive:
        assert archive.count() == 2 * 3 * 40


def test_the_busy_message_does_not_say_who_holds_the_lock(
        archive_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from readout_desk.archive import ArchiveLockedError
    from readout_desk.archive import sqlite as sqlite_backend

    monkeypatch.setattr(sqlite_backend, "BUSY_TIMEOUT_S", 0.2)
    with Archive.open(archive_path) as archive:
        archive.add(lima_readout())
        ready = threading.Event()
        # Another program (the sqlite3 module here) holds the write lock for a while.
        holder = threading.Thread(target=_hold_write_lock, args=(archive_path, 2.0, ready))
        holder.start()
        assert ready.wait(5)
        try:
            with pytest.raises(ArchiveLockedError) as raised:
                archive.add(brazil_readout())
        finally:
            holder.join()
    message = str(raised.value)
    assert "another program" in message and "Readout Desk window or process" not in message
    assert "0 seconds" not in message
