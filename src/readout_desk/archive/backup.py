"""Backups: making, listing, previewing, rotating and restoring them.

A backup is a folder ``<archive name>-backups/<UTC stamp>-<kind>/`` beside the archive
file, holding ``archive.sqlite3`` (a copy made by the backend's online backup, so it
is consistent even while the archive is in use), ``attachments/`` (the photo files) and
``backup.json`` (what it holds, for a quick list). A backup is written under a hidden
temporary name and renamed into place only once it is complete and checked, so a
crash never leaves a half backup that looks whole.

Automatic backups (on a schedule and on exit) are rotated: only the newest few are
kept. Manual backups and the safety copies taken before a restore are kept until the
person deletes them. Opening a damaged archive and replacing it from a backup is
:mod:`.recovery`'s part.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from readout_desk.archive import migrate, tally
from readout_desk.archive.attachments import ignore_links
from readout_desk.archive.backend import backend_for
from readout_desk.archive.errors import ArchiveDamagedError, ArchiveError, ArchiveReadOnlyError
from readout_desk.archive.store import Archive
from readout_desk.domain.messages import Message, of_error

UTC = dt.timezone.utc
MANIFEST = "backup.json"
DATABASE = "archive.sqlite3"
ATTACHMENTS = "attachments"
MANIFEST_FORMAT = "readout-desk-backup"

#: Kinds of backup; the automatic ones are rotated.
MANUAL = "manual"
SCHEDULED = "scheduled"
ON_EXIT = "on-exit"
BEFORE_RESTORE = "before-restore"
AUTOMATIC_KINDS = frozenset({SCHEDULED, ON_EXIT})
KIND_LABELS = {MANUAL: "made by hand", SCHEDULED: "scheduled", ON_EXIT: "on exit",
               BEFORE_RESTORE: "taken before a restore"}

#: How many automatic backups to keep unless the preference says otherwise.
DEFAULT_KEEP = 10


def _now() -> dt.datetime:
    return dt.datetime.now(UTC)


def default_backup_dir(archive_path: Path) -> Path:
    """Where the backups of an archive file go: a folder beside it."""
    return archive_path.with_name(f"{archive_path.stem}-backups")


@dataclass(frozen=True)
class BackupInfo:
    """One backup as listed: where it is, when and why it was made, what it holds."""

    path: Path  # the backup folder (or a bare database file)
    database: Path
    created: dt.datetime  # aware, UTC
    kind: str
    readouts: int
    in_trash: int
    attachments: int
    size_bytes: int
    counted: tuple[int, int] | None = None  # its tally: committed changes, sum of ids

    @property
    def label(self) -> str:
        """"2026-11-28 09:30 UTC, scheduled: 1,204 readouts"."""
        kind = KIND_LABELS.get(self.kind, self.kind)
        trash = f" (+{self.in_trash} in the trash)" if self.in_trash else ""
        return (f"{self.created:%Y-%m-%d %H:%M} UTC, {kind}: {self.readouts:,} "
                f"readout{'s' if self.readouts != 1 else ''}{trash}")


@dataclass(frozen=True)
class BackupPreview:
    """What a backup holds, shown before restoring it."""

    info: BackupInfo
    problems: tuple[str, ...]  # integrity problems; empty when the copy is sound
    first_date: dt.date | None
    last_date: dt.date | None
    latest: tuple[tuple[dt.date | None, str], ...]  # most recently changed readouts

    @property
    def sound(self) -> bool:
        return not self.problems

    def lines(self) -> list[str]:
        """The preview as a person reads it."""
        i = self.info
        out = [f"Backup of {i.created:%Y-%m-%d %H:%M} UTC ({KIND_LABELS.get(i.kind, i.kind)})",
               f"{i.readouts:,} readout{'s' if i.readouts != 1 else ''}"
               + (f" and {i.in_trash:,} in the trash" if i.in_trash else "")
               + f", {i.attachments} photo file{'s' if i.attachments != 1 else ''}, "
               f"{i.size_bytes / 1e6:.1f} MB."]
        if self.first_date and self.last_date:
            out.append(f"Meetings from {self.first_date.isoformat()} to "
                       f"{self.last_date.isoformat()}.")
        if self.latest:
            out.append("Most recently changed:")
            out += [f"  {d.isoformat() if d else '----------'}  {t}" for d, t in self.latest]
        out.append("The copy passes the integrity check." if self.sound
                   else "The copy is damaged: " + "; ".join(self.problems[:3]))
        return out


# ----- low-level file checks -----------------------------------------------------------


def file_problems(path: Path, *, full: bool = False,
                  within: float | None = None) -> list[str]:
    """What the database finds wrong with the file at ``path`` (opened read-only); empty
    when sound.

    ``full`` runs the full integrity check (slower, also checks indexes against tables)
    instead of the quick one; ``within`` stops it after that many seconds (what it did
    not reach is not reported).
    """
    if not path.exists():
        return [f"{path} does not exist"]
    return backend_for(path).file_problems(path, full=full, within=within)


def examine_file(path: Path) -> tuple[str, list[str], int]:
    """What the file at ``path`` is, found without writing anything: ``"sound"``,
    ``"damaged"``, ``"foreign"`` (not a Readout Desk archive) or ``"locked"`` (another
    program holds it), with what was found and how many readouts it holds."""
    return backend_for(path).examine_file(path)


def unique_path(path: Path) -> Path:
    """``path`` or, if something is there already, ``path`` with -2, -3… added."""
    if not path.exists():
        return path
    n = 2
    while True:
        candidate = path.with_name(f"{path.name}-{n}")
        if not candidate.exists():
            return candidate
        n += 1


def _count_files(folder: Path) -> int:
    return sum(1 for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else 0


def _folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _stats(database: Path) -> tuple[int, int]:
    """Readouts outside and inside the trash, read from a database copy (from a migrated
    private copy of it when it is at an older schema)."""
    with at_newest_schema(database) as current, \
            Archive.open(current, read_only=True) as copy:
        total = copy.count(include_trash=True)
        return copy.count(), total - copy.count()


def backup_revision(database: Path) -> str | None:
    """The schema revision of a backup's database, read without writing to it; a backup
    written by a newer program than this one is refused (:class:`ArchiveError`)."""
    backend = backend_for(database)
    engine = backend.make_engine(database, read_only=True)
    try:
        revision, _tables = migrate.current_revision(engine, backend)
    except backend.driver_errors as exc:
        raise backend.translate(exc, str(database)) from None
    finally:
        engine.dispose()
    if revision is not None and revision not in migrate.KNOWN_REVISIONS:
        raise ArchiveError(Message(
            "The backup {database} was written by a newer version of Readout Desk (schema "
            "{revision}); update the program to read or restore it. Nothing was changed.",
            database=database, revision=revision))
    return revision


@contextmanager
def at_newest_schema(database: Path, *, near: Path | None = None,
                     progress: Callable[[int, int], None] | None = None) -> Iterator[Path]:
    """The backup's database file at the newest schema, never writing to it.

    A backup at the newest schema is itself; one written before the newest migrations is
    copied (into a hidden temporary folder in ``near``, else the system's) and the copy
    migrated, ``progress`` told (done, in all) as a migration goes through the readouts;
    the copy is deleted afterwards. One written by a newer program is refused.
    """
    if backup_revision(database) == migrate.HEAD_REVISION:
        yield database
        return
    backend = backend_for(database)
    with tempfile.TemporaryDirectory(prefix=".readout-desk-migrating-", dir=near) as folder:
        copy = Path(folder) / DATABASE
        backend.copy_file(database, copy)
        engine = backend.make_engine(copy)
        try:
            migrate.ensure_schema(engine, None, backend, progress)
        except backend.driver_errors as exc:
            raise backend.translate(exc, str(database)) from None
        finally:
            engine.dispose()
        backend.make_self_contained(copy)
        yield copy


def _tally_of(database: Path) -> dict[str, int]:
    """The copy's tally (changes counted, checksum of ids) for the manifest; see
    :mod:`.tally`. Empty for a backend that keeps none."""
    with Archive.open(database, read_only=True) as copy:
        found = copy.tally()
    return {"changes": found.changes, "checksum": found.checksum} if found else {}


# ----- making and listing backups ------------------------------------------------------


def create_backup(archive: Archive, *, folder: Path | None = None, kind: str = MANUAL,
                  keep: int | None = None, now: dt.datetime | None = None,
                  require_sound: bool = True) -> BackupInfo:
    """Back up ``archive`` (database and photo files) into a new folder; returns it.

    ``keep`` rotates automatic backups down to that many after this one is made. A copy
    that fails the integrity check is not kept unless ``require_sound`` is false (the
    safety copy before a restore keeps whatever was there, damaged or not).
    """
    if archive.path is None:
        raise ArchiveError(Message("An archive kept only in memory cannot be backed up."))
    folder = folder or default_backup_dir(archive.path)
    when = now or _now()
    name = f"{when:%Y-%m-%dT%H%M%SZ}-{kind}"
    final = unique_path(folder / name)
    partial = folder / f".{final.name}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    try:
        partial.mkdir(parents=True)
        database = partial / DATABASE
        archive.backup_to(database)
        archive.backend.make_self_contained(database)
        problems = file_problems(database)
        if problems and require_sound:
            raise ArchiveDamagedError(Message(
                "The backup copy failed its integrity check, so it was not kept ({problem}); "
                "check the archive with Tools > Check archive.", problem=problems[0]))
        attachments = archive.attachments_dir
        if attachments is not None and attachments.is_dir():
            shutil.copytree(attachments, partial / ATTACHMENTS, ignore=ignore_links)
        try:
            readouts, in_trash = _stats(database)
        except ArchiveError:
            if require_sound:
                raise
            readouts = in_trash = 0  # a damaged copy may not even open
        manifest = {
            "format": MANIFEST_FORMAT, "version": 1,
            "created": when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            "kind": kind, "source": str(archive.path), "readouts": readouts,
            "in_trash": in_trash, "attachments": _count_files(partial / ATTACHMENTS),
            "sound": not problems,
            **(_tally_of(database) if not problems else {}),
        }
        (partial / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        os.replace(partial, final)
    except OSError as exc:
        shutil.rmtree(partial, ignore_errors=True)
        if exc.errno == 28:  # ENOSPC
            raise ArchiveError(Message("The disk holding {folder} is full, so no backup was "
                                       "made.", folder=folder)) from None
        raise ArchiveError(Message("The backup could not be written to {folder}: {problem}.",
                                   folder=folder, problem=exc.strerror or exc)) from None
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    made = load_backup(final)
    if keep is not None:
        rotate(folder, keep, spare=made.path)
    return made


def load_backup(path: Path) -> BackupInfo:
    """A backup from its folder, the database inside it, or any archive file."""
    path = Path(path)
    if path.is_file() and path.name == DATABASE and (path.parent / MANIFEST).exists():
        path = path.parent
    if path.is_dir():
        manifest_file = path / MANIFEST
        database = path / DATABASE
        if not database.is_file():
            raise ArchiveError(Message("{path} is not a Readout Desk backup (it has no "
                                       "{database}).", path=path, database=DATABASE))
        data: dict[str, Any] = {}
        if manifest_file.is_file():
            try:
                data = json.loads(manifest_file.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                data = {}
        try:
            created = dt.datetime.fromisoformat(str(data["created"]).replace("Z", "+00:00"))
            readouts, in_trash = int(data["readouts"]), int(data["in_trash"])
        except (KeyError, ValueError, TypeError):
            created = dt.datetime.fromtimestamp(database.stat().st_mtime, UTC)
            readouts, in_trash = _stats(database)
        try:
            counted: tuple[int, int] | None = (int(data["changes"]), int(data["checksum"]))
        except (KeyError, ValueError, TypeError):
            counted = None  # an older backup, or a damaged copy kept before a restore
        return BackupInfo(path, database, created.astimezone(UTC), str(data.get("kind", MANUAL)),
                          readouts, in_trash, _count_files(path / ATTACHMENTS),
                          _folder_size(path), counted)
    if path.is_file():
        try:
            readouts, in_trash = _stats(path)
        except ArchiveError as exc:
            raise ArchiveError(Message("{path} cannot be read as an archive: {problem}",
                                       path=path, problem=of_error(exc))) from None
        return BackupInfo(path, path, dt.datetime.fromtimestamp(path.stat().st_mtime, UTC),
                          MANUAL, readouts, in_trash, 0, path.stat().st_size)
    raise ArchiveError(Message("There is no backup at {path}.", path=path))


def list_backups(folder: Path) -> list[BackupInfo]:
    """The backups in ``folder``, newest first (unreadable ones left out)."""
    if not folder.is_dir():
        return []
    found = []
    for entry in folder.iterdir():
        if entry.name.startswith(".") or not entry.is_dir():
            continue
        try:
            found.append(load_backup(entry))
        except ArchiveError:
            continue
    return sorted(found, key=lambda b: (b.created, b.path.name), reverse=True)


def rotate(folder: Path, keep: int, *, spare: Path | None = None) -> list[Path]:
    """Delete all but the newest ``keep`` automatic backups; returns what was deleted.

    ``spare`` (the backup just made) is never deleted.
    """
    automatic = [b for b in list_backups(folder)
                 if b.kind in AUTOMATIC_KINDS and b.path != spare]
    gone = []
    for old in automatic[max(keep, 1) - (1 if spare else 0):]:
        shutil.rmtree(old.path, ignore_errors=True)
        gone.append(old.path)
    return gone


def backup_due(folder: Path, every: dt.timedelta, now: dt.datetime | None = None) -> bool:
    """Whether the newest backup is older than ``every`` (or there is none)."""
    backups = list_backups(folder)
    return not backups or (now or _now()) - backups[0].created >= every


def last_change(archive_path: Path) -> dt.datetime | None:
    """When the archive file (or a log the backend writes beside it) was last written."""
    suffixes = ("", *backend_for(archive_path).written_suffixes)
    files = [archive_path.with_name(archive_path.name + suffix) for suffix in suffixes]
    times = [p.stat().st_mtime for p in files if p.exists()]
    return dt.datetime.fromtimestamp(max(times), UTC) if times else None


def changed_since_backup(archive_path: Path, folder: Path, *,
                         holds: tally.Tally | None = None) -> bool:
    """Whether the archive changed after its newest backup was made (or has none).

    Given what the archive ``holds`` (:meth:`Archive.tally`) and a backup that recorded
    its own, the two are compared: a write that saves nothing of the person's (a search
    keeping the ranking of a common word, the log copied into the file) is no change.
    Otherwise, whether a file was written after the backup was made."""
    backups = list_backups(folder)
    if not backups:
        return True
    if holds is not None and backups[0].counted is not None:
        return (holds.changes, holds.checksum) != backups[0].counted
    changed = last_change(archive_path)
    return changed is None or changed > backups[0].created


def preview_backup(path: Path, *, latest: int = 8) -> BackupPreview:
    """What the backup at ``path`` holds and whether it is sound."""
    info = load_backup(path)
    problems = tuple(file_problems(info.database, full=True))
    first = last = None
    recent: list[tuple[dt.date | None, str]] = []
    if not problems:
        with at_newest_schema(info.database) as current, \
                Archive.open(current, read_only=True) as copy:
            ids = copy.all_ids()
            if ids:
                first = copy.get_many([ids[0]])[0].meeting_date
                last = copy.get_many([ids[-1]])[0].meeting_date
            page = copy.search("", limit=latest, sort="updated")
            recent = [(h.meeting_date, h.title or h.section) for h in page.hits]
    return BackupPreview(info, problems, first, last, tuple(recent))


def latest_good_backup(folder: Path) -> BackupInfo | None:
    """The newest backup in ``folder`` that passes the integrity check."""
    for info in list_backups(folder):
        if not file_problems(info.database):
            return info
    return None


# ----- restoring -----------------------------------------------------------------------


def replace_attachments(target: Path | None, backup: BackupInfo) -> None:
    """Make the attachment folder ``target`` hold exactly the photo files of ``backup``."""
    if target is None:
        return
    source = backup.path / ATTACHMENTS if backup.path.is_dir() else None
    staging = target.with_name(f".{target.name}.restoring")
    shutil.rmtree(staging, ignore_errors=True)
    if source is not None and source.is_dir():
        shutil.copytree(source, staging, ignore=ignore_links)
    else:
        staging.mkdir(parents=True)
    old = target.with_name(f".{target.name}.replaced")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(staging, target)
    shutil.rmtree(old, ignore_errors=True)


def restore_backup(archive: Archive, backup: Path | BackupInfo, *,
                   folder: Path | None = None,
                   progress: Callable[[int, int], None] | None = None) -> BackupInfo:
    """Make ``archive`` hold exactly what ``backup`` holds, while it stays open.

    A safety backup of the current state is taken first (returned), so a restore can
    itself be undone. The copy goes in through the backend's online backup, so other
    readers of the archive see either the old or the new state, never a mixture. A
    backup at an older schema is migrated on a private copy first (``progress`` is told
    (done, in all) as a migration goes through the readouts; the backup itself is never
    written); one from a newer program is refused before anything is done.
    """
    if archive.read_only:
        raise ArchiveReadOnlyError(Message(
            "The archive {location} is open read-only, so it cannot be restored.",
            location=archive.location))
    if archive.path is None:
        raise ArchiveError(Message("An archive kept only in memory cannot be restored from a "
                                   "file."))
    info = backup if isinstance(backup, BackupInfo) else load_backup(backup)
    problems = file_problems(info.database)
    if problems:
        raise ArchiveDamagedError(Message("The backup {path} is damaged ({problem}); choose "
                                          "another one.", path=info.path, problem=problems[0]))
    with at_newest_schema(info.database, near=archive.path.parent,
                          progress=progress) as current:
        safety = create_backup(archive, folder=folder, kind=BEFORE_RESTORE,
                               require_sound=False)
        try:
            archive.backend.copy_file(current, archive.path)
        except archive.backend.driver_errors as exc:
            raise ArchiveError(Message(
                "The backup could not be restored: {problem}; the archive is as it was (a copy "
                "is in {copy}).", problem=exc, copy=safety.path)) from None
    tally.forget(archive.path)  # the file counts the backup's changes now, not the tally's
    replace_attachments(archive.attachments_dir, info)
    return safety


def describe_backups(backups: Iterable[BackupInfo]) -> list[str]:
    """One line per backup for a list."""
    return [f"{b.path.name}  {b.label}" for b in backups]


_RECOVERY_NAMES = frozenset({"CHECK_ON_OPEN_MAX_BYTES", "Choice", "Chooser", "Damage", "Opened",
                             "RecoveryDeclined", "open_with_recovery", "restore_file",
                             "set_aside"})


def __getattr__(name: str) -> Any:
    # Opening with recovery moved to .recovery (which imports this module); its names
    # stay reachable here for code that still looks for them in this module.
    if name in _RECOVERY_NAMES:
        from readout_desk.archive import recovery

        return getattr(recovery, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
