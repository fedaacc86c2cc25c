"""Saved changes that went missing: a tally kept outside the archive file, checked on opening.

SQLite keeps the last changes of a WAL archive in its log (the ``-wal`` file beside it)
until it copies them into the file. If the log is deleted, cut short or damaged after
the program stopped, those changes are gone and the file opens as sound: nothing in it
says that anything is missing. So every committed change also counts itself inside the
file (the backend's ``count_commit``: SQLite's ``user_version``, which lives in the
same pages as the changes and is lost with them), and after the commit the count, the
number of readouts and a checksum of their ids are written beside the archive
(``NAME.tally``, replaced whole), and into each backup's manifest.

:func:`missing` compares the file with the tally when the archive opens: a file that
counts fewer changes than were recorded has lost saved changes. A file that counts as
many but holds other readouts was changed by a program that does not keep the tally (an
older version of Readout Desk, or another tool): that is not a loss, and the tally is
recorded again from the file.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from sqlalchemy import Connection, func, select

from readout_desk.archive.models import ReadoutRow

SUFFIX = ".tally"


@runtime_checkable
class CountsCommits(Protocol):
    """A backend whose file can lose committed changes, and counts them in the file."""

    def count_commit(self, conn: Connection) -> int:
        """Count one more committed change inside the file; returns the new count."""

    def commits_counted(self, conn: Connection) -> int:
        """How many committed changes the file counts."""


@dataclass(frozen=True)
class Tally:
    """What an archive held after a committed change."""

    changes: int  # committed changes, as counted inside the file
    readouts: int  # readouts, the trash included
    checksum: int  # the sum of their ids
    recorded: str = ""  # when, in UTC (ISO 8601)


def path_of(archive_path: Path) -> Path:
    """Where the tally of the archive file at ``archive_path`` is kept."""
    return archive_path.with_name(archive_path.name + SUFFIX)


def _contents(conn: Connection, changes: int) -> Tally:
    count, total = conn.execute(select(func.count(ReadoutRow.id),
                                       func.coalesce(func.sum(ReadoutRow.id), 0))).one()
    when = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return Tally(changes, int(count), int(total), when)


def before_commit(conn: Connection, backend: object) -> Tally | None:
    """Count the change being committed on ``conn``; the tally to record once it is."""
    if not isinstance(backend, CountsCommits):
        return None
    return _contents(conn, backend.count_commit(conn))


def found(conn: Connection, backend: object) -> Tally | None:
    """What the archive file holds now, as a tally (``None`` for a backend without one)."""
    if not isinstance(backend, CountsCommits):
        return None
    return _contents(conn, backend.commits_counted(conn))


def read(archive_path: Path) -> Tally | None:
    """The tally recorded beside the archive, or ``None`` (none yet, or unreadable)."""
    try:
        data = json.loads(path_of(archive_path).read_text(encoding="utf-8"))
        return Tally(int(data["changes"]), int(data["readouts"]), int(data["checksum"]),
                     str(data.get("recorded", "")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def record(archive_path: Path, tally: Tally, *, replace_later: bool = False) -> None:
    """Write ``tally`` beside the archive, unless a later one is there already (another
    process committed after this one) and ``replace_later`` is not set."""
    target = path_of(archive_path)
    if not replace_later:
        there = read(archive_path)
        if there is not None and there.changes > tally.changes:
            return
    partial = target.with_name(f".{target.name}.{os.getpid()}")
    try:
        partial.write_text(json.dumps(asdict(tally)), encoding="utf-8")
        os.replace(partial, target)
    except OSError:
        # The tally only adds a check; a folder that refuses it must not fail a save.
        partial.unlink(missing_ok=True)


def forget(archive_path: Path) -> None:
    """Drop the tally (the file was replaced by a restored copy, or set aside)."""
    path_of(archive_path).unlink(missing_ok=True)


def missing(archive_path: Path, now: Tally | None) -> str:
    """Why the archive file holds less than was recorded after its last save, or "".

    A file changed by a program that keeps no tally (as many changes counted, other
    readouts) is not a loss: the tally is recorded again from the file.
    """
    recorded = read(archive_path)
    if now is None or recorded is None or now.changes > recorded.changes:
        return ""
    if now.changes == recorded.changes:
        if (now.readouts, now.checksum) != (recorded.readouts, recorded.checksum):
            record(archive_path, now, replace_later=True)
        return ""
    lost = recorded.changes - now.changes
    held = (f"it holds {now.readouts:,} readouts where {recorded.readouts:,} were recorded"
            if now.readouts != recorded.readouts else
            f"it holds {now.readouts:,} readouts, but not as they were last saved")
    when = recorded.recorded.replace("T", " ").rstrip("Z")
    return (f"{lost:,} saved change{'s' if lost != 1 else ''} went missing ({held} after "
            f"the last save, {when} UTC): the file that holds an archive's latest changes "
            "until they are copied into it (its -wal file) was deleted or damaged after the "
            "program stopped")
