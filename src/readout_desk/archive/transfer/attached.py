"""Photo files beside an imported JSON file, brought into the archive's folder.

A JSON file ``NAME.json`` may come with its photos in the folder ``NAME-attachments``
beside it (an export writes them so): each file a readout names is copied into the
archive's own folder, under another name when a different file already has that one. A
team archive's folder is this machine's cache, and what a name means is the database's to
say: a name its ``photo_files`` keeps for different bytes is taken even when the cache has
never seen it, and the image is stored under a fresh name, as a save names a new image.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from sqlalchemy import Connection

from readout_desk.archive import attachments
from readout_desk.archive.attachments import KeepsImages, file_digest
from readout_desk.archive.store import Archive
from readout_desk.domain.records import Photo, Readout


def bring_photos(archive: Archive, source: Path, readouts: Sequence[Readout],
                 conn: Connection | None = None) -> tuple[list[Readout], list[Path]]:
    """Copy photo files named by ``readouts`` from the folder beside an imported JSON file.

    Returns the readouts (with a photo renamed when a different file of that name is
    already in the archive: for a team archive, in its database as ``conn``, the import's
    transaction, sees it) and the files copied, so a failed import can remove them.
    """
    folder = source.with_name(source.stem + "-attachments")
    target = archive.attachments_dir
    if not folder.is_dir() or target is None:
        return list(readouts), []
    keeps = archive.backend if isinstance(archive.backend, KeepsImages) else None
    team = keeps is not None and conn is not None
    held: dict[str, str] = {}
    if keeps is not None and conn is not None:
        held = keeps.image_hashes(conn, {ph.file for r in readouts for ph in r.photos
                                         if ph.file})
    copied: list[Path] = []
    result = []
    for r in readouts:
        photos = []
        for ph in r.photos:
            src = attachments.inside(folder, ph.file) if ph.file else None
            dest = attachments.inside(target, ph.file) if ph.file else None
            if src is None or dest is None or not attachments.is_regular_file(src):
                photos.append(ph)
                continue
            name, digest = ph.file, file_digest(src)
            kept = held.get(name) or (file_digest(dest) if dest.exists() else None)
            if kept is not None and kept != digest:
                name = _fresh_name(target, ph.file, team=team)
                dest = target / name
            if not dest.exists() or (team and name in held and file_digest(dest) != digest):
                attachments.copy_file(src, dest)
                copied.append(dest)
            photos.append(Photo(ph.caption, name))
        result.append(replace(r, photos=tuple(photos)))
    return result, copied


def _fresh_name(target: Path, taken: str, *, team: bool) -> str:
    """A name for an image whose own name ``taken`` is another image's: in a team archive
    a new unique one, as a save gives a new image (no other machine can have it); in a
    file archive the name numbered until the folder has no such file."""
    suffix = Path(taken).suffix
    if team:
        return f"{uuid.uuid4().hex}{suffix.lower()}"
    stem, n = Path(taken).stem, 2
    name = Path(taken).with_name(f"{stem}-{n}{suffix}").as_posix()
    while (target / name).exists():
        n += 1
        name = Path(taken).with_name(f"{stem}-{n}{suffix}").as_posix()
    return name
