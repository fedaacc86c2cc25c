"""``readout-desk-cli copy`` into an archive that keeps a photo's file name for another
image: the copied readout (and its stored versions) name its own image under the name with
the image's hash added, the target's readout keeps its image, and a copy run again finds
the readout and its image already there."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from readout_desk import paths
from readout_desk.archive import Archive, copy_archive
from tests.archive.test_team_copy import PHOTO, filled  # noqa: F401 - the fixture
from tests.archive.test_team_photos import _with_photo

OTHER = b"\xff\xd8 the target's own image under the same name"


def _shown(location: str, home: Path, title: str) -> list[tuple[bytes, ...]]:
    """For each readout titled ``title``, its images and those of its stored versions,
    as the machine whose folders are under ``home`` reads them."""
    paths.set_base_dir(home)
    with Archive.open(location) as archive:
        folder = archive.attachments_dir
        assert folder is not None
        found = []
        for rid in archive.all_ids(include_trash=True):
            readout = archive.get(rid)
            if readout.title == title:
                names = [ph.file for ph in readout.photos]
                names += [ph.file for v in archive.history(rid) for ph in v.readout.photos]
                found.append(tuple((folder / name).read_bytes() for name in names))
        return found


def _copy_twice(source: Path, target: str, home: Path) -> None:
    paths.set_base_dir(home)
    with Archive.open(source) as original, Archive.open(target) as into:
        first = copy_archive(original, into)
        again = copy_archive(original, into)
    assert (first.copied, first.photos, first.photos_missing) == (4, 1, ())
    assert (again.copied, again.skipped) == (0, 4)


def _target_keeps_lima_jpg_for_another_image(target: str, home: Path) -> None:
    paths.set_base_dir(home)
    with Archive.open(target) as into:
        mine = _with_photo(into, "lima.jpg", OTHER)
        into.add(dataclasses.replace(mine, title="The target's own"))


def test_a_file_archive_keeps_both_images(filled: Path, tmp_path: Path) -> None:  # noqa: F811
    target = str(tmp_path / "into.sqlite3")
    home = tmp_path / "machine"
    _target_keeps_lima_jpg_for_another_image(target, home)
    _copy_twice(filled, target, home)
    assert _shown(target, home, "The target's own") == [(OTHER,)]
    # The Lima readout and its two stored versions, each naming its photo.
    assert _shown(target, home, "Lima talks") == [(PHOTO, PHOTO, PHOTO)]
    with Archive.open(target) as into:
        folder = into.attachments_dir
        assert folder is not None
        assert len([f for f in folder.iterdir() if f.is_file()]) == 2  # not one per run


def test_a_team_archive_keeps_both_images_on_every_machine(
        filled: Path, pg_url: str, tmp_path: Path) -> None:  # noqa: F811
    _target_keeps_lima_jpg_for_another_image(pg_url, tmp_path / "machine-a")
    _copy_twice(filled, pg_url, tmp_path / "machine-b")
    for machine in ("machine-a", "machine-b", "machine-c"):
        home = tmp_path / machine
        assert _shown(pg_url, home, "The target's own") == [(OTHER,)], machine
        assert _shown(pg_url, home, "Lima talks") == [(PHOTO, PHOTO, PHOTO)], machine
