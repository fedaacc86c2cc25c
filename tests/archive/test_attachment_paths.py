"""Photo files stay inside their folders: names are checked on the way in, resolved
safely on the way out, and symbolic links are never followed."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from readout_desk.archive import Archive, create_backup, export_readouts, import_files
from readout_desk.domain import jsonformat, validation
from readout_desk.domain.records import Photo
from tests.archive.helpers import lima_readout

BAD_NAMES = ["../../../../secret/S.txt", "/etc/passwd", "photos/../../x.jpg", "a\x00b.jpg",
             "..", "C:\\Windows\\win.ini", "\\\\server\\share\\x.jpg"]


@pytest.mark.parametrize("name", BAD_NAMES)
def test_a_photo_name_outside_the_folder_is_refused(name: str) -> None:
    readout = replace(lima_readout(), photos=(Photo("p", name),))
    assert any("photo" in p.lower() for p in validation.problems(readout))


def test_plain_and_nested_photo_names_are_accepted() -> None:
    readout = replace(lima_readout(), photos=(Photo("p", "a1b2.jpg"), Photo("q", "2023/lima.png")))
    assert validation.problems(readout) == []


def test_import_refuses_a_photo_name_that_climbs_out(archive: Archive, tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    bad = replace(lima_readout(), photos=(Photo("p", "../../../../secret/S.txt"),))
    source.write_text(json.dumps(jsonformat.document([bad])))
    summary = import_files(archive, [source])
    assert summary.failed and archive.count() == 0


def _plant(archive: Archive, name: str) -> None:
    """A readout stored before names were checked (or by another program)."""
    archive.add_many([replace(lima_readout(), photos=(Photo("p", name),))], validate=False)


def test_export_neither_reads_nor_writes_outside_its_folders(archive: Archive,
                                                             tmp_path: Path) -> None:
    secret = tmp_path / "secret" / "S.txt"
    secret.parent.mkdir()
    secret.write_text("keep me")
    assert archive.attachments_dir is not None
    archive.attachments_dir.mkdir()
    # Beside the attachment folder: "../secret/S.txt" reaches it from there.
    _plant(archive, "../secret/S.txt")
    out = tmp_path / "x" / "y" / "z" / "w" / "out.json"
    out.parent.mkdir(parents=True)
    result = export_readouts(archive, archive.all_ids(), "json", out)
    assert secret.read_text() == "keep me"
    assert not any("Copied 1" in note for note in result.notes)
    assert [p for p in tmp_path.rglob("S.txt")] == [secret]
    assert json.loads(out.read_text())["readouts"]


def test_export_with_an_absolute_photo_path_finishes(archive: Archive, tmp_path: Path) -> None:
    _plant(archive, "/etc/passwd")
    out = tmp_path / "out.json"
    export_readouts(archive, archive.all_ids(), "json", out)
    assert len(json.loads(out.read_text())["readouts"]) == 1
    assert not (tmp_path / "out-attachments" / "etc").exists()


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_import_does_not_follow_a_symlink_in_the_attachments(archive: Archive,
                                                             tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("private")
    source = tmp_path / "in.json"
    folder = tmp_path / "in-attachments"
    folder.mkdir()
    (folder / "p.jpg").symlink_to(secret)
    readout = replace(lima_readout(), photos=(Photo("p", "p.jpg"),))
    source.write_text(json.dumps(jsonformat.document([readout])))
    import_files(archive, [source])
    assert archive.attachments_dir is not None
    assert not (archive.attachments_dir / "p.jpg").exists()


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_backup_does_not_follow_a_symlink_in_the_attachments(archive: Archive,
                                                               tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("private")
    assert archive.attachments_dir is not None
    archive.attachments_dir.mkdir()
    (archive.attachments_dir / "real.jpg").write_bytes(b"jpeg")
    (archive.attachments_dir / "link.jpg").symlink_to(secret)
    archive.add(lima_readout())
    info = create_backup(archive, folder=tmp_path / "backups")
    kept = sorted(p.name for p in (info.path / "attachments").iterdir())
    assert kept == ["real.jpg"]
