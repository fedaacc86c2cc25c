"""Copying a whole archive into another, SQLite ↔ PostgreSQL: ``readout-desk-cli copy``.

Lossless: every readout with its times, version, source and trash state, its whole
history (the stored versions as they are), the saved searches, and the photos (from one
attachment folder to the other; a team archive keeps the images in the database, read
through this client's cache folder, see TEAM_ARCHIVE.md; a photo whose name the target
keeps for another image goes in under a name with its hash added). Resumable: readouts go
over in batches, each in one transaction of the target with its photos, and a readout the
target already holds (the same record, by its fingerprint, counted so that two equal
readouts stay two) is skipped, so running the copy again after an interruption continues
where it stopped. Readouts get new ids in the target.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, select, update
from sqlalchemy.orm import Session as DbSession

from readout_desk.archive import attachments
from readout_desk.archive.attachments import KeepsImages, file_digest
from readout_desk.archive.errors import ArchiveError
from readout_desk.archive.fingerprints import fingerprint
from readout_desk.archive.models import ReadoutRow, VersionRow
from readout_desk.archive.store import Archive
from readout_desk.archive.writes import insert_readouts, keep_version_photos, table
from readout_desk.domain.records import Readout

#: Readouts per transaction of the target.
BATCH = 200

#: ``progress(done, total)``: readouts of the source dealt with so far.
CopyProgress = Callable[[int, int], None]


@dataclass(frozen=True)
class CopyResult:
    """What a copy did."""

    copied: int
    skipped: int  # already in the target (an earlier, interrupted run)
    versions: int
    photos: int
    photos_missing: tuple[str, ...]


def _history(db: DbSession, *, ids: Sequence[int]) -> dict[int, list[tuple[int, Any, Any]]]:
    found: dict[int, list[tuple[int, Any, Any]]] = {}
    rows = db.execute(select(VersionRow.readout_id, VersionRow.version, VersionRow.saved_at,
                             VersionRow.data).where(VersionRow.readout_id.in_(list(ids)))
                      .order_by(VersionRow.readout_id, VersionRow.version))
    for rid, version, saved_at, data in rows:
        found.setdefault(int(rid), []).append((int(version), saved_at, data))
    return found


def _present(db: DbSession, prints: Sequence[int]) -> Counter[int]:
    rows = db.execute(select(ReadoutRow.fingerprint, func.count())
                      .where(ReadoutRow.fingerprint.in_(list(set(prints))))
                      .group_by(ReadoutRow.fingerprint))
    return Counter({int(fp): int(n) for fp, n in rows if fp is not None})


@dataclass
class _Batch:
    """One batch of the source, read, on its way into the target."""

    readouts: Sequence[Readout]
    prints: list[int]
    history: dict[int, list[tuple[int, Any, Any]]]
    trashed: dict[int, dt.datetime]
    photo_folder: Path | None  # the source's images (a team archive's: its cache)
    missing: set[str] = field(default_factory=set)  # photos the source has no file for


def _write_batch(db: DbSession, target: Archive, batch: _Batch,
                 seen: Counter[int]) -> tuple[int, int, int]:
    """Write the readouts of ``batch`` the target lacks; (copied, skipped, versions)."""
    present = _present(db, batch.prints)
    todo = []
    for r, fp in zip(batch.readouts, batch.prints, strict=True):
        seen[fp] += 1
        if seen[fp] > present[fp]:
            todo.append((r, fp))
    if not todo:
        return 0, len(batch.readouts), 0
    conn = db.connection()
    names = _place_photos(conn, target, batch, [r for r, _fp in todo])
    new_ids = insert_readouts(conn, target.backend,
                              [_renamed(r, names) for r, _fp in todo],
                              dt.datetime.now(dt.timezone.utc),
                              fingerprints=[fp for _r, fp in todo])
    kept = [{"readout_id": new, "version": v, "saved_at": at,
             "data": _renamed_in_data(data, names)}
            for (r, _fp), new in zip(todo, new_ids, strict=True)
            for v, at, data in batch.history.get(r.id or 0, [])]
    if kept:
        conn.execute(table(VersionRow).insert(), kept)
        named: dict[int, list[str]] = {}
        for row in kept:
            photos = row["data"].get("photos") if isinstance(row["data"], dict) else None
            named.setdefault(row["readout_id"], []).extend(
                str(ph.get("file") or "") for ph in photos or () if isinstance(ph, dict))
        keep_version_photos(conn, named)
    readouts = table(ReadoutRow)
    for (r, _fp), new in zip(todo, new_ids, strict=True):
        when = batch.trashed.get(r.id or 0)
        if when is not None:
            conn.execute(update(readouts).where(readouts.c.id == new).values(deleted_at=when))
    return len(todo), len(batch.readouts) - len(todo), len(kept)


def copy_archive(source: Archive, target: Archive,
                 progress: CopyProgress | None = None) -> CopyResult:
    """Copy every readout of ``source`` that ``target`` does not hold yet, with its
    history, trash state and photos, and the saved searches."""
    if target.read_only:
        raise ArchiveError(f"The archive {target.location} is open read-only; nothing "
                           "can be copied into it.")
    ids = source.all_ids(include_trash=True)
    seen: Counter[int] = Counter()
    copied = skipped = versions = 0
    photos: set[str] = set()
    missing: set[str] = set()
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        readouts = source.get_many(chunk)  # a team archive's images come with them
        photos |= {ph.file for r in readouts for ph in r.photos if ph.file}
        batch = _Batch(readouts, [fingerprint(r) for r in readouts],
                       source._read(partial(_history, ids=chunk)),  # noqa: SLF001
                       source.deletion_times(chunk), source.attachments_dir)
        added, already, kept = target._write(  # noqa: SLF001 - one transaction per batch
            partial(_write_batch, target=target, batch=batch, seen=seen))
        missing |= batch.missing
        copied, skipped, versions = copied + added, skipped + already, versions + kept
        if progress is not None:
            progress(min(start + BATCH, len(ids)), len(ids))
    for name, query in source.saved_searches():
        target.save_search(name, query)
    return CopyResult(copied, skipped, versions, len(photos - missing),
                      tuple(sorted(missing)))


def _place_photos(conn: Connection, target: Archive, batch: _Batch,
                  readouts: Sequence[Readout]) -> dict[str, str]:
    """Copy the photo files ``readouts`` name into the target's folder (a team archive's:
    this machine's cache, stored in the database by the batch's own transaction); returns
    the name each photo has in the target.

    A name the target keeps for other bytes (in its folder, or for a team archive in its
    ``photo_files``) is another image's: the photo goes in under its name with its
    content's hash added, the same name on every run, so a copy run again after an
    interruption finds it there. Names the source has no file for are kept, and noted in
    ``batch.missing``.
    """
    wanted = {ph.file for r in readouts for ph in r.photos if ph.file}
    folder, into = batch.photo_folder, target.attachments_dir
    if folder is None or into is None:
        batch.missing |= wanted
        return {}
    keeps = target.backend if isinstance(target.backend, KeepsImages) else None
    names: dict[str, str] = {}
    for name in sorted(wanted):
        src = attachments.inside(folder, name)
        if src is None or not attachments.is_regular_file(src):
            batch.missing.add(name)
            continue
        digest = file_digest(src)
        for candidate in (name, _hashed_name(name, digest)):
            dest = attachments.inside(into, candidate)
            if dest is None:
                break
            held = keeps.image_hashes(conn, [candidate]).get(candidate) if keeps else None
            present = file_digest(dest) if attachments.is_regular_file(dest) else None
            if (held or present) in (None, digest):
                if present != digest:
                    attachments.copy_file(src, dest)
                names[name] = candidate
                break
        else:
            batch.missing.add(name)  # both names hold other images: left as it was
    return names


def _hashed_name(name: str, digest: str) -> str:
    """``name`` with the image's hash added: ``p.jpg`` → ``p-3f1c…(16).jpg``."""
    path = Path(name)
    return path.with_name(f"{path.stem}-{digest[:16]}{path.suffix}").as_posix()


def _renamed(readout: Readout, names: dict[str, str]) -> Readout:
    """``readout`` with its photos under the names they have in the target."""
    if not any(names.get(ph.file, ph.file) != ph.file for ph in readout.photos):
        return readout
    return replace(readout, photos=tuple(replace(ph, file=names.get(ph.file, ph.file))
                                         for ph in readout.photos))


def _renamed_in_data(data: Any, names: dict[str, str]) -> Any:
    """A stored version's data with its photos under the names they have in the target."""
    photos = data.get("photos") if isinstance(data, dict) else None
    if not isinstance(photos, list) or not any(
            isinstance(ph, dict) and names.get(str(ph.get("file") or ""), ph.get("file"))
            != ph.get("file") for ph in photos):
        return data
    return {**data, "photos": [
        {**ph, "file": names.get(str(ph.get("file") or ""), ph.get("file"))}
        if isinstance(ph, dict) else ph for ph in photos]}


#: Images per transaction when a team archive takes in its shared folder's.
IMAGE_BATCH = 50


def store_folder_photos(archive: Archive, folder: Path,
                        progress: CopyProgress | None = None) -> tuple[int, tuple[str, ...]]:
    """Store in a team archive's database the images its readouts name that are still
    only files in ``folder`` (the shared folder of older team archives), a batch of
    :data:`IMAGE_BATCH` per transaction, so a second run goes on where the first stopped;
    returns how many were stored and the names ``folder`` lacks."""
    backend = archive.backend
    if not isinstance(backend, KeepsImages):
        raise ArchiveError(f"The archive {archive.location} keeps its photos as files "
                           "beside it already; only a team archive stores them inside.")
    if not folder.is_dir():
        raise ArchiveError(f"There is no folder {folder} to take photos from.")
    names = archive._read(lambda db: backend.unstored_images(db.connection()))  # noqa: SLF001
    missing: list[str] = []

    def store(db: DbSession, chunk: list[str]) -> list[str]:
        return backend.store_images_from(db.connection(), chunk, folder)

    for start in range(0, len(names), IMAGE_BATCH):
        chunk = names[start:start + IMAGE_BATCH]
        missing += archive._write(partial(store, chunk=chunk))  # noqa: SLF001 - a transaction each
        if progress is not None:
            progress(min(start + IMAGE_BATCH, len(names)), len(names))
    return len(names) - len(missing), tuple(missing)
