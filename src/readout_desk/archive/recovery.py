"""Opening an archive with recovery: a damaged file is found and replaced by a backup.

:func:`open_with_recovery` opens an archive, checking it first; a damaged file is
detected, kept aside under a new name (never overwritten) and, if the person agrees,
replaced by the newest sound backup (made and listed by :mod:`.backup`); a file that
cannot be written, or that another program holds, opens read-only.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from readout_desk.archive import tally
from readout_desk.archive.backend import backend_for
from readout_desk.archive.backup import (
    BackupInfo,
    at_newest_schema,
    backup_revision,
    default_backup_dir,
    file_problems,
    list_backups,
    load_backup,
    replace_attachments,
    unique_path,
)
from readout_desk.archive.errors import ArchiveDamagedError, ArchiveError, ArchiveLockedError
from readout_desk.archive.store import Archive

UTC = dt.timezone.utc


def set_aside(path: Path, now: dt.datetime | None = None) -> Path:
    """Move a damaged archive (with the files beside it, its logs) to a new, unused name."""
    when = now or dt.datetime.now(UTC)
    target = unique_path(path.with_name(f"{path.name}.damaged-{when:%Y%m%dT%H%M%SZ}"))
    os.replace(path, target)
    for extra in backend_for(path).side_suffixes:
        side = path.with_name(path.name + extra)
        if side.exists():
            os.replace(side, target.with_name(target.name + extra))
    tally.forget(path)  # whatever takes its place counts its own changes
    return target


def restore_file(path: Path, backup: Path | BackupInfo) -> None:
    """Write the archive file ``path`` (which must not exist) from a backup, at the newest
    schema (a backup at an older one is migrated on a private copy first)."""
    info = backup if isinstance(backup, BackupInfo) else load_backup(backup)
    if path.exists():
        raise ArchiveError(f"{path} exists; it is never overwritten by a restore.")
    partial = path.with_name(f".{path.name}.restoring")
    partial.unlink(missing_ok=True)
    with at_newest_schema(info.database, near=path.parent) as current:
        backend_for(path).copy_file(current, partial)
    os.replace(partial, path)
    tally.forget(path)  # the restored file counts the backup's changes
    replace_attachments(path.with_name(path.stem + "-attachments"), info)


@dataclass(frozen=True)
class Damage:
    """A damaged archive found on open: what is wrong and what can replace it."""

    path: Path
    problems: tuple[str, ...]
    latest_good: BackupInfo | None
    backups: tuple[BackupInfo, ...]
    lost_changes: bool = False  # sound, but saved changes are missing (see .tally)

    @property
    def message(self) -> str:
        """The plain explanation shown to the person."""
        first = self.problems[0] if self.problems else "it cannot be read"
        if self.lost_changes:
            text = (f"The archive {self.path} opens, but {first}. Restoring a backup keeps "
                    "this file aside, unchanged, under a new name; keeping it goes on with "
                    "what it holds.")
        else:
            text = (f"The archive {self.path} is damaged ({first}). Replacing it keeps the "
                    "damaged file aside, unchanged, under a new name.")
        if self.latest_good:
            text += (f" The latest good backup is from {self.latest_good.created:%Y-%m-%d %H:%M}"
                     f" UTC and holds {self.latest_good.readouts:,} readouts.")
        else:
            text += " No sound backup of it was found."
        return text


#: What to do about a damaged archive: a backup to restore, "empty" for a new empty
#: archive in its place, "keep" to open it as it is (offered for missing changes only),
#: or ``None`` to leave everything as it is and not open it.
Choice = BackupInfo | Literal["empty", "keep"] | None
Chooser = Callable[[Damage], Choice]


@dataclass(frozen=True)
class Opened:
    """The archive as opened, and what had to be done to open it."""

    archive: Archive
    read_only_reason: str = ""  # why it opened read-only, for the banner
    damaged_copy: Path | None = None  # where a damaged file was kept aside
    restored_from: BackupInfo | None = None
    problems: tuple[str, ...] = field(default=())


class RecoveryDeclined(ArchiveDamagedError):
    """The archive is damaged and the person chose not to replace it; nothing was touched."""


def _read_only_reason(archive: Archive) -> str:
    return (f"The archive {archive.location} cannot be written (the file or its folder is "
            "read-only), so it is open read-only: you can search and read, not change.")


#: Files up to this size are checked whole before they open (``quick_check`` and the
#: full-text index's own check: a fifth of a second for 20 MB). A larger one has its
#: length checked against its header and a ``quick_check`` of at most
#: :data:`QUICK_CHECK_SECONDS`; the caller checks the rest in the background.
CHECK_ON_OPEN_MAX_BYTES = 32 * 1024 * 1024
#: How long the structural check of a large archive may hold up its opening.
QUICK_CHECK_SECONDS = 0.05


def open_with_recovery(location: str | Path, choose: Chooser | None = None, *,
                       backups_folder: Path | None = None, check: bool = True,
                       check_limit: int = CHECK_ON_OPEN_MAX_BYTES,
                       progress: Callable[[int, int], None] | None = None) -> Opened:
    """Open an archive, checking it; a damaged one is offered a backup through ``choose``.

    - Sound and writable: opened as usual.
    - Not writable, or held by another program: opened read-only, with the reason.
    - Damaged (SQLite cannot read it, its length disagrees with its header, or its
      checks fail: whole for files up to ``check_limit`` bytes, for at most
      :data:`QUICK_CHECK_SECONDS` beyond): ``choose`` is called
      with a :class:`Damage`. Choosing a backup moves the damaged file aside (never
      overwriting it) and restores the backup in its place; "empty" moves it aside and
      starts an empty archive; ``None`` (also the default without ``choose``) raises
      :class:`RecoveryDeclined` and leaves the file untouched.

    ``progress`` is told (done, in all) while an update of the file's format rewrites its
    index (:meth:`Archive.open`).
    """
    loc = str(location)
    path = backend_for(loc).file_path(loc)
    problems: list[str] = []
    if path is not None and _emptied(path, backups_folder or default_backup_dir(path)):
        # Opened as it is, it would be a new, empty archive, and the backups would
        # rotate away what it held.
        return _recover(path, ["the file is empty, although its backups hold readouts"],
                        choose, backups_folder)
    try:
        archive = Archive.open(loc, progress=progress)
    except ArchiveLockedError:
        try:
            archive = Archive.open(loc, read_only=True)
        except ArchiveError:
            raise ArchiveLockedError(
                f"The archive {loc} is held by another program and cannot be read now; "
                "close the other program or try again.") from None
        return Opened(archive, f"The archive {loc} is in use by another program, so it is "
                               "open read-only: you can search and read, not change.")
    except ArchiveDamagedError as exc:
        if path is None or not path.exists():
            raise
        sound = not file_problems(path)
        if sound and "not a Readout Desk archive" in str(exc):
            raise  # another program's database: not damage, and not ours to replace
        problems = [str(exc)]
    else:
        lost = _lost_changes(archive, path)
        if lost:
            archive.close()
            assert path is not None
            return _recover(path, [lost], choose, backups_folder, lost_changes=True)
        if check and path is not None:
            whole = path.stat().st_size <= check_limit
            problems = file_problems(path, within=None if whole else QUICK_CHECK_SECONDS) \
                or (_index_problems(archive) if whole else [])
            if problems:
                archive.close()
            elif archive.read_only:
                return Opened(archive, _read_only_reason(archive))
            else:
                return Opened(archive)
        else:
            return Opened(archive, _read_only_reason(archive) if archive.read_only else "")
    assert path is not None
    return _recover(path, problems, choose, backups_folder)


def _index_problems(archive: Archive) -> list[str]:
    """The integrity and full-text index checks of a small archive open for writing."""
    if archive.read_only:
        return []
    try:
        return archive.integrity_problems()
    except ArchiveError as exc:
        return [str(exc)]


def _lost_changes(archive: Archive, path: Path | None) -> str:
    """Why saved changes are missing from a writable archive file, or "" (:mod:`.tally`)."""
    if path is None or archive.read_only:
        return ""
    return tally.missing(path, archive.tally())


def _emptied(path: Path, folder: Path) -> bool:
    """An archive file of no bytes where backups of it hold readouts."""
    return (path.is_file() and path.stat().st_size == 0
            and any(b.readouts for b in list_backups(folder)))


def _recover(path: Path, problems: list[str], choose: Chooser | None,
             backups_folder: Path | None, *, lost_changes: bool = False) -> Opened:
    """Offer the backups for a damaged ``path``; set it aside and restore the choice."""
    folder = backups_folder or default_backup_dir(path)
    backups = tuple(list_backups(folder))
    good = next((b for b in backups if not file_problems(b.database)), None)
    damage = Damage(path, tuple(problems), good, backups, lost_changes)
    choice = choose(damage) if choose else None
    if choice is None or (choice == "keep" and not lost_changes):
        raise RecoveryDeclined(damage.message + " It was not opened.")
    if choice == "keep":
        kept = Archive.open(path)
        now = kept.tally()
        if now is not None:
            tally.record(path, now, replace_later=True)  # what it holds is the count now
        return Opened(kept, "", None, None, tuple(problems))
    if isinstance(choice, BackupInfo):
        backup_revision(choice.database)  # one from a newer program: refused, nothing moved
    aside = set_aside(path)
    restored: BackupInfo | None = None
    if choice != "empty":
        restored = choice
        restore_file(path, choice)
    archive = Archive.open(path)
    return Opened(archive, "", aside, restored, tuple(problems))
