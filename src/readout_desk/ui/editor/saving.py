"""Saving a readout from the editor: all or nothing, and spotting likely duplicates.

Photo files are copied first (each to a temporary name, then renamed into place), and
the record is written in one transaction afterwards. If the record cannot be written,
the copies made for it are removed again; a crash in between leaves at most an unused
file in the attachment folder, never a half-saved record.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import uuid
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from readout_desk.archive import Archive, name_key
from readout_desk.domain.records import Photo, Readout

# How many readouts of the same day are compared at most when looking for duplicates.
SAME_DAY_LIMIT = 200


class PhotoCopyError(OSError):
    """An image could not be copied into the archive's attachment folder."""


def copy_into(folder: Path, source: Path) -> str:
    """Copy ``source`` into ``folder`` under a new unique name; returns that name.

    The copy is written under a temporary name and renamed, so the folder never holds
    a half-written image under a real name.
    """
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{uuid.uuid4().hex}{source.suffix.lower()}"
    partial = folder / f".{name}.part"
    try:
        shutil.copyfile(source, partial)
        os.replace(partial, folder / name)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise PhotoCopyError(QCoreApplication.translate(
            "PhotoSaving", "The image {source} could not be copied into the archive: {reason}."
        ).format(source=source, reason=exc.strerror or exc)) from None
    return name


def save_readout(archive: Archive, readout: Readout, pending: dict[int, Path]) -> Readout:
    """Save ``readout`` (add when it has no id, else update), copying new photo files first.

    ``pending`` maps photo positions to image files still outside the archive.
    """
    copied: list[Path] = []
    photos = list(readout.photos)
    if pending:
        folder = archive.attachments_dir
        if folder is None:
            raise PhotoCopyError(QCoreApplication.translate(
                "PhotoSaving",
                "This archive has no folder for images (it is kept in memory); remove the "
                "image files."))
        try:
            for index, source in sorted(pending.items()):
                name = copy_into(folder, source)
                copied.append(folder / name)
                photos[index] = Photo(photos[index].caption, name)
        except BaseException:
            _remove(copied)
            raise
    final = replace(readout, photos=tuple(photos))
    try:
        return archive.add(final) if final.id is None else archive.update(final)
    except BaseException:
        _remove(copied)
        raise


def _remove(paths: list[Path]) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)


def find_similar(archive: Archive, readout: Readout) -> list[Readout]:
    """Readouts already in the archive that look like ``readout``.

    Alike means: the same meeting date and at least one participant in common (or, when
    neither names anyone, the same title). The readout itself is never among them.
    """
    day = readout.meeting_date
    if day is None:
        return []
    ids = [i for i in archive.search_ids(f"from:{day.isoformat()} to:{day.isoformat()}")
           if i != readout.id][:SAME_DAY_LIMIT]
    if not ids:
        return []
    mine = {name_key(p.person.family_name, p.person.given_name) for p in readout.participants}
    similar = []
    for other in archive.get_many(ids):
        theirs = {name_key(p.person.family_name, p.person.given_name)
                  for p in other.participants}
        if mine and theirs:
            if mine & theirs:
                similar.append(other)
        elif not mine and not theirs and readout.title and other.title.casefold() == \
                readout.title.casefold():
            similar.append(other)
    return similar
