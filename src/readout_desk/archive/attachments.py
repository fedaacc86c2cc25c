"""Photo files on disk: every name resolved inside its folder, no symbolic link followed.

A photo's stored file name comes from the editor, an import or a restored backup, and
is used to read a file (copying out) and to write one (copying in). The domain's rule
(:func:`readout_desk.domain.validation.photo_file_problem`) refuses a name that could
leave its folder on the way in; :func:`inside` holds the same line on the way out, for
names stored before the rule or written by another program.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from sqlalchemy import Connection

from readout_desk.domain.validation import photo_file_problem


@dataclass(frozen=True)
class Reclaimed:
    """The images deleted because nothing names them any more, and their bytes."""

    images: int
    size: int


@runtime_checkable
class KeepsImages(Protocol):
    """A backend that keeps the images themselves in its database (a team archive's),
    with a folder of this client's as their cache (see :mod:`.postgres_photos`)."""

    def image_cache(self) -> Path:
        """The folder this client reads the images from and puts new ones in."""
        ...

    def store_images(self, conn: Connection) -> None:
        """Before a commit: store the images of the readouts the transaction wrote."""
        ...

    def fetch_images(self, conn: Connection, names: Iterable[str]) -> None:
        """Put the images named ``names`` into :meth:`image_cache` unless there."""
        ...

    def unstored_images(self, conn: Connection) -> list[str]:
        """The photo file names of any readout the database keeps no image for."""
        ...

    def image_hashes(self, conn: Connection, names: Iterable[str]) -> dict[str, str]:
        """The SHA-256 of the image the database keeps under each of ``names`` it keeps
        (in the transaction under way: what a name means is the database's to say)."""
        ...

    def store_images_from(self, conn: Connection, names: Iterable[str],
                          folder: Path) -> list[str]:
        """Store the images ``names`` from ``folder``; returns the names it lacks."""
        ...

    def forget_images(self, conn: Connection, names: Collection[str] | None) -> Reclaimed:
        """Delete the stored images of ``names`` (every one: ``None``) that no readout and
        no stored version names any more, in the transaction under way."""
        ...


def inside(folder: Path, name: str) -> Path | None:
    """``folder / name`` when that names a regular file inside ``folder`` reached through
    no symbolic link (or nothing yet); ``None`` for a name that leaves the folder."""
    if photo_file_problem(name) is not None:
        return None
    path = folder.joinpath(*name.split("/"))
    # Each step below the folder must be a real folder or file, never a link.
    step = folder
    for part in name.split("/"):
        step = step / part
        if step.is_symlink():
            return None
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return None
    return path


def is_regular_file(path: Path) -> bool:
    """A regular file that is not a symbolic link."""
    return path.is_file() and not path.is_symlink()


def file_digest(path: Path) -> str:
    """The SHA-256 of a file's bytes (what a team archive keys its images by)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def copy_file(source: Path, target: Path) -> None:
    """Copy a regular file's bytes and times, refusing a link at either end."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(source, flags)
    with os.fdopen(fd, "rb") as src:
        if target.is_symlink():
            target.unlink()
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as dst:
            shutil.copyfileobj(src, dst)
    shutil.copystat(source, target, follow_symlinks=False)


def ignore_links(folder: str, names: list[str]) -> set[str]:
    """For :func:`shutil.copytree`: leave symbolic links out of a copied folder."""
    return {n for n in names if os.path.islink(os.path.join(folder, n))}


#: A file in an archive's photo folder younger than this is left alone by a sweep of the
#: whole folder: the editor and an import copy an image in just before the save that
#: names it.
SETTLED_SECONDS = 24 * 60 * 60


def folder_names(folder: Path, *, settled_before: float) -> set[str]:
    """The names (relative, with "/") of the regular files in ``folder`` last changed
    before the time ``settled_before``, hidden ones (a copy under way) left out."""
    if not folder.is_dir():
        return set()
    found = set()
    for path in folder.rglob("*"):
        name = path.relative_to(folder).as_posix()
        if (not any(part.startswith(".") for part in name.split("/"))
                and is_regular_file(path) and path.stat().st_mtime < settled_before):
            found.add(name)
    return found


def remove_files(folder: Path, names: Iterable[str]) -> Reclaimed:
    """Delete the photo files ``names`` from ``folder`` (none reached through a link);
    returns how many went and their bytes."""
    count = size = 0
    for name in names:
        path = inside(folder, name) if name else None
        if path is None or not is_regular_file(path):
            continue
        try:
            length = path.stat().st_size
            path.unlink()
        except OSError:
            continue  # still there: the next purge or reclaim tries again
        count, size = count + 1, size + length
    return Reclaimed(count, size)
