"""A purge takes its readouts' images with it, and only those: an image another readout
names (by the same name, or the same bytes under another name), one a readout in the trash
names, or one an earlier version names (restoring it brings the photo back) stays. A team
archive deletes them in the purge's own transaction; an archive file deletes its photo
files once the purge has committed, never before, and never a file it did not name. The
photo files of stored versions are kept beside them (migration 0013 finds those of the
versions stored before it)."""

from __future__ import annotations

import dataclasses
import os
import time
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import text

from readout_desk import paths
from readout_desk.archive import Archive, copy_archive, tally
from readout_desk.archive.attachments import KeepsImages
from readout_desk.domain.records import Photo, Readout
from tests.archive.helpers import lima_readout
from tests.archive.test_team_rights import as_user, make_role
from tests.cli.test_cli import run

BOTH_BACKENDS = True


def _image(archive: Archive, name: str, data: bytes) -> Path:
    """An image put where the editor puts a new one before the save."""
    folder = archive.attachments_dir
    assert folder is not None
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)
    return folder / name


def _add(archive: Archive, title: str, *names: str) -> Readout:
    return archive.add(dataclasses.replace(
        lima_readout(), title=title, photos=tuple(Photo(f"Photo {n}", n) for n in names)))


def _kept(archive: Archive, ignore: str = "pending.png") -> tuple[set[str], int]:
    """The photo names whose images the archive keeps, and how many distinct images
    (``ignore`` left out: a file put in the folder for a save not yet made)."""
    if isinstance(archive.backend, KeepsImages):
        with archive._engine.connect() as conn:  # noqa: SLF001
            names = {str(r[0]) for r in conn.execute(text("SELECT name FROM photo_files"))}
            images = int(conn.execute(text("SELECT count(*) FROM photo_blobs")).scalar() or 0)
        return names, images
    folder = archive.attachments_dir
    assert folder is not None
    files = {p.name for p in folder.iterdir() if p.is_file() and p.name != ignore}
    return files, len({(folder / f).read_bytes() for f in files})


def _on_another_machine(archive: Archive, home: Path, readout_id: int) -> dict[str, bytes]:
    """The photos of a readout as another machine reads them (its own, empty cache)."""
    if not isinstance(archive.backend, KeepsImages):
        folder = archive.attachments_dir
        assert folder is not None
        return {ph.file: (folder / ph.file).read_bytes()
                for ph in archive.get(readout_id).photos if (folder / ph.file).exists()}
    paths.set_base_dir(home)
    with Archive.open(archive.location) as elsewhere:
        folder = elsewhere.attachments_dir
        assert folder is not None
        return {ph.file: (folder / ph.file).read_bytes()
                for ph in elsewhere.get(readout_id).photos if (folder / ph.file).exists()}


def test_a_purge_deletes_the_images_only_its_readouts_named(archive: Archive,
                                                             tmp_path: Path) -> None:
    for name, data in (("gone.png", b"G" * 900), ("twin.png", b"G" * 900),
                       ("shared.png", b"S" * 800), ("in-trash.png", b"T" * 700),
                       ("earlier.png", b"E" * 600), ("now.png", b"N" * 500)):
        _image(archive, name, data)
    gone = _add(archive, "Gone", "gone.png", "shared.png", "in-trash.png", "earlier.png")
    other = _add(archive, "Same name", "shared.png")
    twin = _add(archive, "Same bytes", "twin.png")
    trashed = _add(archive, "In the trash", "in-trash.png")
    edited = _add(archive, "Edited", "earlier.png")
    archive.update(dataclasses.replace(edited, photos=(Photo("Now", "now.png"),)))
    pending = _image(archive, "pending.png", b"P" * 400)  # copied for a save not yet made
    archive.delete_many([gone.id or 0, trashed.id or 0])

    assert archive.purge([gone.id or 0]) == 1
    names, images = _kept(archive)
    kept = {"twin.png", "shared.png", "in-trash.png", "earlier.png", "now.png"}
    assert names == kept
    assert images == 5  # gone.png's bytes stay: twin.png is the same image
    assert pending.exists()

    archive.purge([other.id or 0, twin.id or 0])
    assert archive.empty_trash() == 1
    names, images = _kept(archive)
    assert names == {"earlier.png", "now.png"} and images == 2 and pending.exists()

    # Only an earlier version names earlier.png: restoring it brings the photo back,
    # on another machine too.
    version = archive.history(edited.id or 0)[0].version
    archive.restore_version(edited.id or 0, version)
    photos = _on_another_machine(archive, tmp_path / "second-machine", edited.id or 0)
    assert photos == {"earlier.png": b"E" * 600}


def test_a_purge_that_fails_deletes_no_image(archive: Archive,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    _image(archive, "kept.png", b"K" * 300)
    readout = _add(archive, "Kept", "kept.png")

    def fail(*_args: Any) -> None:  # the last step before the commit
        raise OSError("the disk went away")

    monkeypatch.setattr(tally, "before_commit", fail)
    with pytest.raises(OSError):
        archive.purge([readout.id or 0])
    monkeypatch.undo()
    assert _kept(archive) == ({"kept.png"}, 1)
    assert archive.get(readout.id or 0).photos[0].file == "kept.png"


def test_reclaim_photos_deletes_what_older_purges_left(archive: Archive) -> None:
    for name, size in (("left.png", 5000), ("named.png", 3000), ("fresh.png", 2000)):
        _image(archive, name, bytes([len(name)]) * size)
    left = _add(archive, "Purged by an older version", "left.png")
    _add(archive, "Still here", "named.png")
    with archive._engine.begin() as conn:  # noqa: SLF001 - as an older version purged
        conn.execute(text("DELETE FROM readouts WHERE id = :i"), {"i": left.id})
    folder = archive.attachments_dir
    assert folder is not None
    if not isinstance(archive.backend, KeepsImages):  # a file older than a day
        long_ago = time.time() - 2 * 24 * 60 * 60
        for name in ("left.png", "named.png"):
            os.utime(folder / name, (long_ago, long_ago))

    code, out, err = run("--db", archive.location, "reclaim-photos")
    assert code == 0, err
    assert "Deleted 1 image nothing names any more" in out
    assert "5 KB (5000 bytes) reclaimed" in out
    names, _images = _kept(archive)
    # An archive file keeps a file younger than a day: a save may be about to name it.
    assert names == ({"named.png"} if isinstance(archive.backend, KeepsImages)
                     else {"named.png", "fresh.png"})
    code, out, _err = run("--db", archive.location, "reclaim-photos")
    assert code == 0 and "Deleted 0 images" in out and "(0 bytes)" in out


def _downgrade(archive: Archive, revision: str) -> None:
    """Take the archive's schema back to ``revision`` (as an older program left it)."""
    config = Config()
    config.set_main_option("script_location",
                           str(resources.files("readout_desk.archive") / "migrations"))
    with archive._engine.begin() as conn:  # noqa: SLF001
        config.attributes["connection"] = conn
        command.downgrade(config, revision)


def test_the_update_finds_the_photos_of_versions_stored_before_it(
        archive: Archive, tmp_path: Path) -> None:
    _image(archive, "earlier.png", b"E" * 600)
    _image(archive, "now.png", b"N" * 500)
    edited = _add(archive, "Edited", "earlier.png")
    archive.update(dataclasses.replace(edited, photos=(Photo("Now", "now.png"),)))
    gone = _add(archive, "Gone", "earlier.png")
    _downgrade(archive, "0012")  # the versions stored, the table of their photos not there
    location = archive.location
    archive.close()
    with Archive.open(location) as updated:  # migration 0013 reads the stored versions
        updated.purge([gone.id or 0])
        assert _kept(updated)[0] == {"earlier.png", "now.png"}
        updated.restore_version(edited.id or 0, updated.history(edited.id or 0)[0].version)
        assert _on_another_machine(updated, tmp_path / "second-machine", edited.id or 0) \
            == {"earlier.png": b"E" * 600}


def test_a_copy_keeps_the_photos_of_the_versions_it_carries(archive: Archive,
                                                             tmp_path: Path) -> None:
    with Archive.open(tmp_path / "source.sqlite3") as source:
        _image(source, "earlier.png", b"E" * 600)
        _image(source, "now.png", b"N" * 500)
        edited = _add(source, "Edited", "earlier.png")
        source.update(dataclasses.replace(edited, photos=(Photo("Now", "now.png"),)))
        _add(source, "Gone", "earlier.png")
        copy_archive(source, archive)
    gone = archive.search_ids("title:gone")
    archive.purge(gone)
    assert _kept(archive)[0] == {"earlier.png", "now.png"}


def test_a_contributor_made_before_the_update_still_saves_a_changed_photo(
        pg_url: str) -> None:
    with Archive.open(pg_url) as owner:
        _image(owner, "earlier.png", b"E" * 600)
        saved = _add(owner, "Edited", "earlier.png")
        _downgrade(owner, "0012")
    # The rights an older program's team-role gave: no table of versions' photos yet.
    code, out, err = run("team-role", "contributor", "rd_photo_contributor")
    assert code == 0, err
    make_role(pg_url, "rd_photo_contributor", *(
        line.replace(", version_photos", "").replace("{", "{{").replace("}", "}}")
        for line in out.splitlines()))
    Archive.open(pg_url).close()  # the owner's program updates the schema
    with Archive.open(as_user(pg_url, "rd_photo_contributor")) as contributor:
        _image(contributor, "now.png", b"N" * 500)
        contributor.update(dataclasses.replace(contributor.get(saved.id or 0),
                                               photos=(Photo("Now", "now.png"),)))
        assert contributor.history(saved.id or 0)[0].readout.photos[0].file == "earlier.png"
