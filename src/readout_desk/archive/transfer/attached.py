"""Photo files beside an imported JSON file, brought into the archive's folder.

A JSON file ``NAME.json`` may come with its photos in the folder ``NAME-attachments``
beside it (an export writes them so): each file a readout names is copied into the
archive's own folder, under another name when a different file already has that one.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from readout_desk.archive import attachments
from readout_desk.archive.store import Archive
from readout_desk.domain.records import Photo, Readout


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def bring_photos(archive: Archive, source: Path, readouts: list[Readout]
                 ) -> tuple[list[Readout], list[Path]]:
    """Copy photo files named by ``readouts`` from the folder beside an imported JSON file.

    Returns the readouts (with a photo renamed when a different file of that name is
    already in the archive) and the files copied, so a failed import can remove them.
    """
    folder = source.with_name(source.stem + "-attachments")
    target = archive.attachments_dir
    if not folder.is_dir() or target is None:
        return readouts, []
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
            name = ph.file
            if dest.exists() and _file_digest(dest) != _file_digest(src):
                stem, suffix = Path(ph.file).stem, Path(ph.file).suffix
                n = 2
                while dest.exists():
                    name = Path(ph.file).with_name(f"{stem}-{n}{suffix}").as_posix()
                    dest = target / name
                    n += 1
            if not dest.exists():
                attachments.copy_file(src, dest)
                copied.append(dest)
            photos.append(Photo(ph.caption, name))
        result.append(replace(r, photos=tuple(photos)))
    return result, copied
