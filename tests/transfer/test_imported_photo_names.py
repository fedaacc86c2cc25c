"""An archive file's import of a photo whose file name the archive's photo folder holds for
another image: the imported image goes in under a numbered name, so each readout shows its
own; the same image under the same name is not copied twice."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from readout_desk.archive import Archive
from readout_desk.archive.transfer import export_readouts, import_files
from readout_desk.domain.records import Photo
from tests.archive.helpers import lima_readout

HELD = b"JPEG the archive's own image"
BROUGHT = b"JPEG another image, the same file name"


def _exported(tmp_path: Path, image: bytes) -> Path:
    with Archive.open(tmp_path / "source" / "archive.sqlite3") as source:
        assert source.attachments_dir is not None
        source.attachments_dir.mkdir(parents=True, exist_ok=True)
        (source.attachments_dir / "p.jpg").write_bytes(image)
        saved = source.add(dataclasses.replace(
            lima_readout(), notes="Brought in from a file.", photos=(Photo("Handshake", "p.jpg"),)))
        out = tmp_path / "out" / "export.json"
        export_readouts(source, [saved.id or 0], "json", out)
    return out


def _import_beside_p(tmp_path: Path, image: bytes) -> list[tuple[str, bytes]]:
    """The (file, bytes) of the photos of the readout the archive held and the one imported."""
    out = _exported(tmp_path, image)
    with Archive.open(tmp_path / "archive.sqlite3") as archive:
        folder = archive.attachments_dir
        assert folder is not None
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "p.jpg").write_bytes(HELD)
        held = archive.add(dataclasses.replace(lima_readout(),
                                               photos=(Photo("Handshake", "p.jpg"),)))
        (imported,) = import_files(archive, [out]).files[0].imported
        return [(ph.file, (folder / ph.file).read_bytes())
                for rid in (held.id or 0, imported) for ph in archive.get(rid).photos]


def test_a_different_image_under_a_held_name_comes_in_numbered(tmp_path: Path) -> None:
    assert _import_beside_p(tmp_path, BROUGHT) == [("p.jpg", HELD), ("p-2.jpg", BROUGHT)]


def test_the_same_image_under_the_same_name_is_shared(tmp_path: Path) -> None:
    assert _import_beside_p(tmp_path, HELD) == [("p.jpg", HELD), ("p.jpg", HELD)]
