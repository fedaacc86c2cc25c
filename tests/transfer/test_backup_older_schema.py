"""A backup taken before the newest migrations previews and restores; a newer one is refused.

The backups here are real ones at an older schema: an archive is backed up, then the
backup's database is taken down to an earlier revision with Alembic.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import shutil
import sqlite3
from pathlib import Path

import pytest

from readout_desk import cli
from readout_desk.archive import Archive, ArchiveError, migrate
from readout_desk.archive import backup as bk
from readout_desk.archive import sqlite as sqlite_sql
from readout_desk.domain.records import Photo
from tests.archive.helpers import brazil_readout, lima_readout

OLDER = ("0005", "0002")


def _digest(folder: Path) -> dict[str, str]:
    """Every file of a backup folder and its checksum (to show nothing was written)."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _revision(database: Path) -> str:
    with sqlite3.connect(database) as conn:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def _take_down(database: Path, revision: str) -> None:
    """Bring a backup's database down to ``revision``, as an older program wrote it."""
    from alembic import command
    from sqlalchemy import create_engine

    # A plain engine, foreign keys off, as Alembic's table rebuilds need: a rebuilt
    # readouts table must not take the history rows with it.
    engine = create_engine(f"sqlite:///{database}")
    config = migrate._alembic_config(engine)
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, revision)
    engine.dispose()
    sqlite_sql.BACKEND.make_self_contained(database)
    assert _revision(database) == revision


def _older_backup(tmp_path: Path, revision: str) -> bk.BackupInfo:
    """A backup at ``revision`` of an archive with three readouts (one edited twice, one
    with a photo file, one in the trash)."""
    source = tmp_path / "old" / "archive.sqlite3"
    with Archive.open(source) as old:
        assert old.attachments_dir is not None
        old.attachments_dir.mkdir(parents=True)
        (old.attachments_dir / "handshake.jpg").write_bytes(b"handshake")
        pictured = old.add(dataclasses.replace(
            lima_readout(), photos=(Photo("The two ministers", "handshake.jpg"),)))
        edited = old.add(brazil_readout())
        for note in ("First correction.", "Second correction."):
            edited = old.update(dataclasses.replace(edited, notes=note))
        trashed = old.add(dataclasses.replace(lima_readout(), title="Withdrawn talk"))
        assert trashed.id is not None and pictured.id is not None
        old.delete(trashed.id)
        made = bk.create_backup(old)
    _take_down(made.database, revision)
    return made


@pytest.mark.parametrize("revision", OLDER)
def test_an_older_backup_previews_without_being_written(tmp_path: Path,
                                                        revision: str) -> None:
    made = _older_backup(tmp_path, revision)
    before = _digest(made.path)
    preview = bk.preview_backup(made.path)
    assert preview.sound, preview.problems
    assert (preview.info.readouts, preview.info.in_trash, preview.info.attachments) == (2, 1, 1)
    assert preview.first_date is not None and preview.last_date is not None
    assert {t for _d, t in preview.latest} == {lima_readout().title, brazil_readout().title}
    assert _digest(made.path) == before
    assert _revision(made.database) == revision
    # A bare database file (no manifest) is read the same way.
    assert bk.load_backup(made.database).readouts == 2


@pytest.mark.parametrize("revision", OLDER)
def test_an_older_backup_restores_everything_at_the_newest_schema(
        tmp_path: Path, archive: Archive, revision: str) -> None:
    made = _older_backup(tmp_path, revision)
    before = _digest(made.path)
    current = archive.add(dataclasses.replace(lima_readout(), title="Kept aside"))
    assert archive.attachments_dir is not None
    archive.attachments_dir.mkdir(parents=True, exist_ok=True)
    (archive.attachments_dir / "current.jpg").write_bytes(b"current")
    told: list[tuple[int, int]] = []

    safety = bk.restore_backup(archive, made, progress=lambda done, of: told.append((done, of)))

    assert migrate.current_revision(archive._engine, archive.backend)[0] == \
        migrate.HEAD_REVISION
    assert (archive.count(), archive.count(include_trash=True)) == (2, 3)
    edited = next(h for h in archive.search("", limit=10).hits
                  if h.title == brazil_readout().title)
    assert edited.id is not None
    assert archive.get(edited.id).notes == "Second correction."
    # Its two earlier states, as saved.
    assert [(v.version, v.readout.notes) for v in archive.history(edited.id)] == \
        [(2, "First correction."), (1, brazil_readout().notes)]
    pictured = next(h for h in archive.search("", limit=10).hits
                    if h.title == lima_readout().title)
    assert pictured.id is not None
    assert [p.file for p in archive.get(pictured.id).photos] == ["handshake.jpg"]
    assert sorted(p.name for p in archive.attachments_dir.iterdir()) == ["handshake.jpg"]
    assert archive.search("Gervasi").total >= 1
    assert archive.integrity_problems() == []
    archive.add(dataclasses.replace(lima_readout(), title="Written after the restore"))
    # The archive as it was is kept aside, and the backup itself is untouched.
    assert (safety.kind, safety.readouts) == (bk.BEFORE_RESTORE, 1)
    with Archive.open(safety.database, read_only=True) as kept:
        assert [h.title for h in kept.search("", limit=5).hits] == [current.title]
    assert _digest(made.path) == before
    # Filling the new columns went through the readouts, and said so.
    assert told and told[-1][0] == told[-1][1] > 0


def _from_a_newer_program(tmp_path: Path) -> bk.BackupInfo:
    with Archive.open(tmp_path / "new" / "archive.sqlite3") as newer:
        newer.add(lima_readout())
        made = bk.create_backup(newer)
    with sqlite3.connect(made.database) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'zz99'")
    return made


def test_a_backup_from_a_newer_program_is_refused_and_nothing_changes(
        tmp_path: Path, archive: Archive) -> None:
    made = _from_a_newer_program(tmp_path)
    archive.add(brazil_readout())
    assert archive.path is not None
    backups = bk.default_backup_dir(archive.path)
    before = _digest(made.path)
    with pytest.raises(ArchiveError, match="newer version of Readout Desk"):
        bk.preview_backup(made.path)
    with pytest.raises(ArchiveError, match="newer version of Readout Desk"):
        bk.restore_backup(archive, made)
    assert [h.title for h in archive.search("", limit=5).hits] == [brazil_readout().title]
    assert not backups.exists()  # not even a safety copy: nothing was done
    assert _digest(made.path) == before


def _cli(archive_path: Path, *args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["--db", str(archive_path), *args], out, err)
    return code, out.getvalue() + err.getvalue()


def test_the_command_line_restores_an_older_backup(tmp_path: Path, archive_path: Path) -> None:
    made = _older_backup(tmp_path, OLDER[0])
    with Archive.open(archive_path) as live:
        live.add(lima_readout())
    code, text = _cli(archive_path, "restore", str(made.path), "--yes")
    assert code == 0, text
    assert "2 readouts" in text and "Restored" in text
    with Archive.open(archive_path) as restored:
        assert restored.migration_backup is None  # already at the newest schema
        assert restored.count(include_trash=True) == 3


def test_the_command_line_refuses_a_newer_backup(tmp_path: Path, archive_path: Path) -> None:
    made = _from_a_newer_program(tmp_path)
    with Archive.open(archive_path) as live:
        live.add(brazil_readout())
    code, text = _cli(archive_path, "restore", str(made.path), "--yes")
    assert code != 0 and "newer version of Readout Desk" in text
    assert "Traceback" not in text
    with Archive.open(archive_path) as live:
        assert [h.title for h in live.search("", limit=5).hits] == [brazil_readout().title]


def _damaged_archive_with(tmp_path: Path, made: bk.BackupInfo) -> Path:
    """A damaged archive file whose backups folder holds ``made``."""
    path = tmp_path / "live" / "archive.sqlite3"
    with Archive.open(path) as live:
        live.add(lima_readout())
    shutil.copytree(made.path, bk.default_backup_dir(path) / made.path.name)
    data = bytearray(path.read_bytes())
    data[:16] = b"garbage garbage!"
    path.write_bytes(bytes(data))
    return path


def test_a_damaged_archive_is_replaced_by_an_older_backup_at_the_newest_schema(
        tmp_path: Path) -> None:
    path = _damaged_archive_with(tmp_path, _older_backup(tmp_path, OLDER[0]))
    opened = bk.open_with_recovery(path, lambda damage: damage.latest_good)
    with opened.archive as restored:
        assert restored.count(include_trash=True) == 3
        assert restored.migration_backup is None  # restored at the newest schema already
        assert migrate.current_revision(restored._engine, restored.backend)[0] == \
            migrate.HEAD_REVISION
    assert opened.damaged_copy is not None and opened.damaged_copy.exists()
    assert not list(path.parent.glob("*before-migration*"))
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".")]


def test_a_damaged_archive_is_not_replaced_by_a_backup_from_a_newer_program(
        tmp_path: Path) -> None:
    path = _damaged_archive_with(tmp_path, _from_a_newer_program(tmp_path))
    damaged = path.read_bytes()
    with pytest.raises(ArchiveError, match="newer version of Readout Desk"):
        bk.open_with_recovery(path, lambda damage: damage.backups[0])
    assert path.read_bytes() == damaged  # left where it was, as it was
    assert not list(path.parent.glob("*.damaged-*"))
