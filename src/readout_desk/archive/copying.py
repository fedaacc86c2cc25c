"""Copying a whole archive into another, SQLite ↔ PostgreSQL: ``readout-desk-cli copy``.

Lossless: every readout with its times, version, source and trash state, its whole
history (the stored versions as they are), the saved searches, and the photo files (from
one attachment folder to the other; a team archive has none yet, see TEAM_ARCHIVE.md).
Resumable: readouts go over in batches, each in one transaction of the target, and a
readout the target already holds (the same record, by its fingerprint, counted so that
two equal readouts stay two) is skipped, so running the copy again after an interruption
continues where it stopped. Readouts get new ids in the target.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session as DbSession

from readout_desk.archive import attachments
from readout_desk.archive.errors import ArchiveError
from readout_desk.archive.fingerprints import fingerprint
from readout_desk.archive.models import ReadoutRow, VersionRow
from readout_desk.archive.store import Archive
from readout_desk.archive.writes import insert_readouts, table
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


def _write_batch(db: DbSession, target: Archive, batch: _Batch, seen: Counter[int],
                 photos: set[str]) -> tuple[int, int, int]:
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
    new_ids = insert_readouts(conn, target.backend, [r for r, _fp in todo],
                              dt.datetime.now(dt.timezone.utc),
                              fingerprints=[fp for _r, fp in todo])
    kept = [{"readout_id": new, "version": v, "saved_at": at, "data": data}
            for (r, _fp), new in zip(todo, new_ids, strict=True)
            for v, at, data in batch.history.get(r.id or 0, [])]
    if kept:
        conn.execute(table(VersionRow).insert(), kept)
    readouts = table(ReadoutRow)
    for (r, _fp), new in zip(todo, new_ids, strict=True):
        when = batch.trashed.get(r.id or 0)
        if when is not None:
            conn.execute(update(readouts).where(readouts.c.id == new).values(deleted_at=when))
        photos.update(ph.file for ph in r.photos if ph.file)
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
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        readouts = source.get_many(chunk)
        batch = _Batch(readouts, [fingerprint(r) for r in readouts],
                       source._read(partial(_history, ids=chunk)),  # noqa: SLF001
                       source.deletion_times(chunk))
        added, already, kept = target._write(  # noqa: SLF001 - one transaction per batch
            partial(_write_batch, target=target, batch=batch, seen=seen, photos=photos))
        copied, skipped, versions = copied + added, skipped + already, versions + kept
        if progress is not None:
            progress(min(start + BATCH, len(ids)), len(ids))
    for name, query in source.saved_searches():
        target.save_search(name, query)
    done, missing = _copy_photos(source.attachments_dir, target.attachments_dir, photos)
    return CopyResult(copied, skipped, versions, done, missing)


def _copy_photos(source: Path | None, target: Path | None,
                 names: set[str]) -> tuple[int, tuple[str, ...]]:
    """Copy the photo files the copied readouts name; those that cannot be, by name."""
    if not names:
        return 0, ()
    if source is None or target is None:
        return 0, tuple(sorted(names))
    done, missing = 0, []
    for name in sorted(names):
        src, dst = attachments.inside(source, name), attachments.inside(target, name)
        if src is None or dst is None or not attachments.is_regular_file(src):
            missing.append(name)
            continue
        if not dst.exists():
            attachments.copy_file(src, dst)
        done += 1
    return done, tuple(missing)
