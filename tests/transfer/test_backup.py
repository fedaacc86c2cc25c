"""Backups, restore after a preview, and recovery of a damaged archive."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from readout_desk.archive import Archive, ArchiveDamagedError, ArchiveReadOnlyError
from readout_desk.archive import backup as bk
from readout_desk.domain.records import Photo
from tests.archive.helpers import lima_readout

UTC = dt.timezone.utc


def _add(archive: Archive, n: int, start: int = 0) -> list[int]:
    return archive.add_many([dataclasses.replace(lima_readout(), title=f"Talk {i}")
                             for i in range(start, start + n)])


def _corrupt(path: Path) -> None:
    """Overwrite a run of bytes inside the readouts' points, as a failing disk might (in
    a table: the schema's pages are not always at the start of the file)."""
    with sqlite3.connect(path) as conn:
        pages = [int(r[0]) for r in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = 'summary_points' ORDER BY pageno")]
        size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    data = bytearray(path.read_bytes())
    start = (pages[len(pages) // 2] - 1) * size + 100
    data[start:start + 3000] = b"\x5a" * 3000
    path.write_bytes(bytes(data))


def test_backup_holds_the_archive_and_its_photo_files(archive: Archive) -> None:
    assert archive.attachments_dir is not None
    archive.attachments_dir.mkdir(parents=True, exist_ok=True)
    (archive.attachments_dir / "p.jpg").write_bytes(b"photo")
    archive.add(dataclasses.replace(lima_readout(), photos=(Photo("Handshake", "p.jpg"),)))
    trashed = _add(archive, 1, start=5)
    archive.delete(trashed[0])
    info = bk.create_backup(archive)
    assert archive.path is not None
    assert info.path.parent == bk.default_backup_dir(archive.path)
    assert (info.readouts, info.in_trash, info.attachments) == (1, 1, 1)
    assert (info.path / "attachments" / "p.jpg").read_bytes() == b"photo"
    assert bk.file_problems(info.database, full=True) == []
    assert not [p for p in info.path.parent.iterdir() if p.name.startswith(".")]
    assert bk.list_backups(info.path.parent) == [info]


def test_automatic_backups_rotate_manual_ones_stay(archive: Archive) -> None:
    _add(archive, 1)
    manual = bk.create_backup(archive, kind=bk.MANUAL)
    base = dt.datetime(2026, 1, 1, tzinfo=UTC)
    for hour in range(5):
        bk.create_backup(archive, kind=bk.SCHEDULED, keep=3,
                         now=base + dt.timedelta(hours=hour))
    kept = bk.list_backups(manual.path.parent)
    scheduled = [b for b in kept if b.kind == bk.SCHEDULED]
    assert [b.created.hour for b in scheduled] == [4, 3, 2]
    assert manual in kept


def test_backup_due_after_the_interval(archive: Archive) -> None:
    _add(archive, 1)
    assert archive.path is not None
    folder = bk.default_backup_dir(archive.path)
    assert bk.backup_due(folder, dt.timedelta(hours=4))
    made = bk.create_backup(archive, kind=bk.SCHEDULED)
    assert not bk.backup_due(folder, dt.timedelta(hours=4), now=made.created)
    assert bk.backup_due(folder, dt.timedelta(hours=4),
                         now=made.created + dt.timedelta(hours=5))


def test_preview_then_restore_while_open(archive: Archive) -> None:
    assert archive.attachments_dir is not None
    _add(archive, 3)
    archive.attachments_dir.mkdir(parents=True, exist_ok=True)
    (archive.attachments_dir / "old.jpg").write_bytes(b"old")
    saved = bk.create_backup(archive)
    _add(archive, 2, start=10)
    archive.delete(archive.all_ids()[0])
    (archive.attachments_dir / "old.jpg").unlink()
    (archive.attachments_dir / "new.jpg").write_bytes(b"new")

    preview = bk.preview_backup(saved.path)
    assert preview.sound and preview.info.readouts == 3
    assert any("3 readouts" in line for line in preview.lines())
    assert {t for _d, t in preview.latest} == {"Talk 0", "Talk 1", "Talk 2"}

    safety = bk.restore_backup(archive, saved.path)
    assert archive.count(include_trash=True) == 3
    assert sorted(h.title for h in archive.search("", limit=10).hits) == \
        ["Talk 0", "Talk 1", "Talk 2"]
    assert sorted(p.name for p in archive.attachments_dir.iterdir()) == ["old.jpg"]
    assert archive.integrity_problems() == []
    # The state before the restore was kept, so the restore can be undone.
    assert (safety.kind, safety.readouts, safety.in_trash) == (bk.BEFORE_RESTORE, 4, 1)
    bk.restore_backup(archive, safety)
    assert archive.count(include_trash=True) == 5


def test_a_damaged_backup_is_refused(archive: Archive) -> None:
    _add(archive, 20)
    made = bk.create_backup(archive)
    _corrupt(made.database)
    assert not bk.preview_backup(made.path).sound
    with pytest.raises(ArchiveDamagedError, match="damaged"):
        bk.restore_backup(archive, made.path)
    assert archive.count() == 20


def test_damaged_archive_is_detected_kept_aside_and_restored(tmp_path: Path) -> None:
    original = tmp_path / "live" / "archive.sqlite3"
    with Archive.open(original) as live:
        _add(live, 30)
        good = bk.create_backup(live)
        _add(live, 5, start=100)
    # Work on a copy of the archive file and its backups, as a person's disk would hold them.
    copy_dir = tmp_path / "copy"
    shutil.copytree(original.parent, copy_dir)
    damaged = copy_dir / "archive.sqlite3"
    _corrupt(damaged)
    damaged_bytes = damaged.read_bytes()

    offered: list[bk.Damage] = []
    with pytest.raises(bk.RecoveryDeclined):
        bk.open_with_recovery(damaged, offered.append)  # None: the person declines
    assert damaged.read_bytes() == damaged_bytes  # declining touches nothing
    assert offered[0].problems
    assert offered[0].latest_good is not None
    assert offered[0].latest_good.path.name == good.path.name
    assert "damaged" in offered[0].message and "latest good backup" in offered[0].message

    opened = bk.open_with_recovery(damaged, lambda d: d.latest_good)
    with opened.archive as restored:
        assert restored.count() == 30
        assert restored.integrity_problems() == []
    assert opened.damaged_copy is not None and opened.damaged_copy.exists()
    assert opened.damaged_copy.read_bytes() == damaged_bytes  # kept aside, never overwritten
    assert opened.restored_from is not None


def test_a_damaged_header_is_detected_too(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite3"
    with Archive.open(path) as live:
        _add(live, 2)
        bk.create_backup(live)
    data = bytearray(path.read_bytes())
    data[:16] = b"garbage garbage!"
    path.write_bytes(bytes(data))
    opened = bk.open_with_recovery(path, lambda d: "empty")
    with opened.archive as fresh:
        assert fresh.count() == 0
    assert opened.damaged_copy is not None and opened.damaged_copy.read_bytes()[:7] == b"garbage"


def test_a_sound_archive_opens_as_usual(archive_path: Path) -> None:
    asked: list[bk.Damage] = []
    opened = bk.open_with_recovery(archive_path, asked.append)
    with opened.archive as fresh:
        assert not fresh.read_only
    assert asked == [] and opened.read_only_reason == "" and opened.damaged_copy is None


def test_an_unwritable_archive_opens_read_only(archive_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    with Archive.open(archive_path) as live:
        _add(live, 1)
    real_access = os.access

    def access(path: str | os.PathLike[str], mode: int) -> bool:
        if mode == os.W_OK and Path(str(path)) in (archive_path, archive_path.parent):
            return False  # as on read-only media (root can write anywhere, so pretend)
        return real_access(path, mode)

    monkeypatch.setattr(os, "access", access)
    opened = bk.open_with_recovery(archive_path)
    with opened.archive as ro:
        assert ro.read_only and "read-only" in opened.read_only_reason
        assert ro.count() == 1
        with pytest.raises(ArchiveReadOnlyError):
            ro.delete(ro.all_ids()[0])


def test_another_programs_database_is_not_treated_as_damage(tmp_path: Path) -> None:
    import sqlite3

    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE things (x)")
    with pytest.raises(ArchiveDamagedError, match="not a Readout Desk archive"):
        bk.open_with_recovery(other, lambda d: "empty")
    assert other.exists()


def test_an_archive_held_by_another_program_opens_read_only(
        archive_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from readout_desk.archive import ArchiveLockedError

    with Archive.open(archive_path) as live:
        _add(live, 1)
    real_open = Archive.open

    def held(cls: type[Archive], location: str | Path | None = None, *, read_only: bool = False,
             progress: object = None) -> Archive:
        if not read_only:  # another process holds the write lock
            raise ArchiveLockedError("The archive is busy.")
        return real_open(location, read_only=True)

    monkeypatch.setattr(Archive, "open", classmethod(held))
    opened = bk.open_with_recovery(archive_path)
    with opened.archive as ro:
        assert ro.read_only and ro.count() == 1
    assert "in use by another program" in opened.read_only_reason


def test_a_damaged_open_archive_can_be_restored_in_place(archive: Archive) -> None:
    _add(archive, 40)
    good = bk.create_backup(archive)
    archive.close()
    assert archive.path is not None
    _corrupt(archive.path)
    reopened = Archive.open(archive.path)  # the damage is inside, so it still opens
    try:
        assert reopened.path is not None
        assert bk.file_problems(reopened.path) != []
        safety = bk.restore_backup(reopened, good)
        assert bk.file_problems(reopened.path) == []
        assert reopened.count() == 40
        assert safety.kind == bk.BEFORE_RESTORE  # the damaged state was kept as it was
    finally:
        reopened.close()


def test_unchanged_archives_need_no_new_backup(archive: Archive) -> None:
    _add(archive, 1)
    assert archive.path is not None
    folder = bk.default_backup_dir(archive.path)
    assert bk.changed_since_backup(archive.path, folder)
    bk.create_backup(archive)
    assert not bk.changed_since_backup(archive.path, folder)
    _add(archive, 1, start=5)
    assert bk.changed_since_backup(archive.path, folder)
