"""An imported photo whose file name the team archive keeps for another image: the import
asks the database (not this machine's cache) what the name means, and stores a different
image under a fresh name, so each readout shows its own image on every machine."""

from __future__ import annotations

from pathlib import Path

from readout_desk import paths
from readout_desk.archive import Archive
from readout_desk.archive.transfer import import_files
from tests.archive.test_team_photos import _stored, _with_photo
from tests.transfer.test_imported_photo_names import _exported

SAVED = b"\x89PNG\r\n\x1a\n the image machine A saved"
IMPORTED = b"\x89PNG\r\n\x1a\n another image, the same file name"


def _shown(location: str, home: Path, readout_id: int) -> list[bytes]:
    """The images a readout shows on the machine whose folders are under ``home``."""
    paths.set_base_dir(home)
    with Archive.open(location) as archive:
        folder = archive.attachments_dir
        assert folder is not None
        return [(folder / ph.file).read_bytes() for ph in archive.get(readout_id).photos]


def _import_on_b(pg_url: str, tmp_path: Path, image: bytes) -> tuple[int, int]:
    """Machine A saves ``SAVED`` as ``p.jpg``; machine B, which never read it, imports a
    readout whose photo ``p.jpg`` is ``image``. Returns both readouts' ids."""
    out = _exported(tmp_path, image)
    paths.set_base_dir(tmp_path / "machine-a")
    with Archive.open(pg_url) as on_a:
        saved = on_a.add(_with_photo(on_a, "p.jpg", SAVED))
    paths.set_base_dir(tmp_path / "machine-b")
    with Archive.open(pg_url) as on_b:
        summary = import_files(on_b, [out])
    (imported,) = summary.files[0].imported
    return saved.id or 0, imported


def test_an_imported_image_under_a_name_kept_for_another_is_stored_apart(
        pg_url: str, tmp_path: Path) -> None:
    saved, imported = _import_on_b(pg_url, tmp_path, IMPORTED)
    for machine in ("machine-a", "machine-b", "machine-c"):
        home = tmp_path / machine
        assert _shown(pg_url, home, saved) == [SAVED], machine
        assert _shown(pg_url, home, imported) == [IMPORTED], machine
    with Archive.open(pg_url) as archive:
        assert archive.get(saved).photos[0].file == "p.jpg"
        assert archive.get(imported).photos[0].file != "p.jpg"
    assert _stored(pg_url) == (2, 2, 2)


def test_an_imported_image_the_name_already_keeps_is_not_stored_again(
        pg_url: str, tmp_path: Path) -> None:
    saved, imported = _import_on_b(pg_url, tmp_path, SAVED)
    with Archive.open(pg_url) as archive:
        assert archive.get(imported).photos[0].file == "p.jpg"
    assert _shown(pg_url, tmp_path / "machine-c", imported) == [SAVED]
    assert _shown(pg_url, tmp_path / "machine-a", saved) == [SAVED]
    assert _stored(pg_url) == (2, 1, 1)
