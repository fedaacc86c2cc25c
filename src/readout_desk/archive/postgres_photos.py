"""A team archive's photos kept in the database, so every machine sees them.

The bytes of an image are one row of ``photo_blobs``, keyed by their SHA-256 (the same
image attached twice is kept once); ``photo_files`` names each stored file after the
readout's photo (``Photo.file``) with the hash of its bytes. A client keeps what it has
read in a cache folder of its own (:func:`cache_folder`), which is also where the editor
puts a new image before the save.

Writing: before a writing transaction commits, :func:`store_pending` stores the images of
the readouts it wrote that the database lacks, read from the cache folder (or the shared
folder of older team archives, ``READOUT_DESK_ATTACHMENTS``), in that same transaction:
the readout and its photos land together or not at all. Reading: :func:`fetch` writes the
photos a readout names into the cache folder, each whole before it is renamed into place.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path

from sqlalchemy import Connection, text
from sqlalchemy.engine import make_url

from readout_desk import paths
from readout_desk.archive import attachments, postgres_changes
from readout_desk.archive.attachments import Reclaimed
from readout_desk.archive.errors import ArchiveError
from readout_desk.archive.writes import photo_names

log = logging.getLogger(__name__)

#: The largest image a team archive keeps (PostgreSQL itself allows 1 GB a value; an
#: image travels whole through every client that reads it).
MAX_PHOTO_BYTES = 25 * 1024 * 1024

BLOBS = "photo_blobs"
FILES = "photo_files"


def cache_folder(location: str) -> Path:
    """The folder of this client that holds the photos read from (or added to) the team
    archive at ``location``: one per server and database, never shared."""
    url = make_url(location.replace("postgres://", "postgresql://", 1))
    key = url.set(password=None).render_as_string(hide_password=False)
    return paths.cache_dir() / "team-photos" / hashlib.sha256(key.encode()).hexdigest()[:16]


def _size(count: int) -> str:
    return (f"{count / 1024 / 1024:.1f} MB" if count >= 1024 * 1024
            else f"{max(1, round(count / 1024))} KB")


def too_large(name: str, size: int) -> ArchiveError:
    """The sentence for an image past :data:`MAX_PHOTO_BYTES`."""
    return ArchiveError(
        f"The photo {name} is {_size(size)}; a team archive keeps images of up to "
        f"{_size(MAX_PHOTO_BYTES)} each. Nothing was saved: make the image smaller and "
        "add it again.")


def _read_image(folders: Sequence[Path], name: str) -> bytes | None:
    """The bytes of the file ``name`` in the first of ``folders`` that has it (never
    through a symbolic link), or ``None``."""
    for folder in folders:
        path = attachments.inside(folder, name)
        if path is None or not attachments.is_regular_file(path):
            continue
        size = path.stat().st_size
        if size > MAX_PHOTO_BYTES:
            raise too_large(name, size)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as image:
            return image.read()
    return None


def unstored(conn: Connection, readout_ids: Iterable[int] | None = None) -> list[str]:
    """The photo file names the readouts (every readout: ``None``) give that the database
    keeps no image for."""
    where = ""
    ids = sorted({int(i) for i in readout_ids}) if readout_ids is not None else None
    if ids is not None:
        if not ids:
            return []
        where = f"AND p.readout_id IN ({', '.join(map(str, ids))})"
    rows = conn.exec_driver_sql(
        f"SELECT DISTINCT p.file FROM photos p WHERE p.file <> '' {where} "
        f"AND NOT EXISTS (SELECT 1 FROM {FILES} f WHERE f.name = p.file) ORDER BY p.file")
    return [str(r[0]) for r in rows]


def stored_hashes(conn: Connection, names: Iterable[str]) -> dict[str, str]:
    """The SHA-256 ``photo_files`` keeps for each of ``names`` it has."""
    wanted = sorted(set(names))
    if not wanted:
        return {}
    rows = conn.execute(text(f"SELECT name, content_hash FROM {FILES} "
                             "WHERE name = ANY(:names)"), {"names": wanted})
    return {str(name): str(digest) for name, digest in rows}


def store(conn: Connection, names: Iterable[str], folders: Sequence[Path]) -> list[str]:
    """Store the images named ``names`` from the first of ``folders`` holding each, in the
    transaction under way; returns the names found in none (their readouts keep the
    name, as a file archive does for a missing file)."""
    missing = []
    for name in names:
        data = _read_image(folders, name)
        if data is None:
            missing.append(name)
            continue
        digest = hashlib.sha256(data).hexdigest()
        conn.execute(text(f"INSERT INTO {BLOBS} (content_hash, size, data) "
                          "VALUES (:h, :n, :d) ON CONFLICT (content_hash) DO NOTHING"),
                     {"h": digest, "n": len(data), "d": data})
        conn.execute(text(f"INSERT INTO {FILES} (name, content_hash) VALUES (:f, :h) "
                          "ON CONFLICT (name) DO NOTHING"), {"f": name, "h": digest})
    return missing


def store_pending(conn: Connection, folders: Sequence[Path]) -> None:
    """Before a commit: store the images of the readouts this transaction wrote."""
    written = postgres_changes.written(conn)
    if written:
        store(conn, unstored(conn, written), folders)


def forget(conn: Connection, candidates: Collection[str] | None) -> Reclaimed:
    """In the transaction under way, which must hold the write lock: delete the stored
    file names among ``candidates`` (every one: ``None``) that no readout and no stored
    version names any more, then the images no file name points at any more (an image
    two names share stays while one of them is named). Returns what went."""
    names = (set(candidates) if candidates is not None
             else {str(r[0]) for r in conn.exec_driver_sql(f"SELECT name FROM {FILES}")})
    unused = sorted(names - photo_names(conn, among=names))
    if not unused:
        return Reclaimed(0, 0)
    hashes = sorted({str(r[0]) for r in conn.execute(
        text(f"DELETE FROM {FILES} WHERE name = ANY(:names) RETURNING content_hash"),
        {"names": unused})})
    sizes = [int(r[0]) for r in conn.execute(text(
        f"DELETE FROM {BLOBS} b WHERE b.content_hash = ANY(:hashes) AND NOT EXISTS "
        f"(SELECT 1 FROM {FILES} f WHERE f.content_hash = b.content_hash) RETURNING b.size"),
        {"hashes": hashes})]
    return Reclaimed(len(sizes), sum(sizes))


#: The SHA-256 of the files this process has checked in a cache, by (path, size, time
#: of change): a cached image is read and hashed once, not on every read of its readout.
_CHECKED: dict[tuple[str, int, int], str] = {}


def _cached_hash(path: Path) -> str | None:
    """The SHA-256 of the cached file ``path`` (``None`` when it cannot be read)."""
    try:
        info = path.stat()
        key = (str(path), info.st_size, info.st_mtime_ns)
        if key not in _CHECKED:
            _CHECKED[key] = attachments.file_digest(path)
    except OSError:
        return None
    return _CHECKED[key]


def _stale_or_absent(conn: Connection, targets: dict[str, Path]) -> dict[str, Path]:
    """The names of ``targets`` this cache must fetch: those it lacks, and those whose
    cached image is not the one the database keeps under that name now (an image purged
    with its readouts leaves its name free, and another readout may take it later)."""
    wanted = {name: t for name, t in targets.items() if not t.exists()}
    present = sorted(set(targets) - set(wanted))
    if present:
        for name, digest in stored_hashes(conn, present).items():
            if _cached_hash(targets[name]) != digest:
                wanted[name] = targets[name]
    return wanted


def fetch(conn: Connection, names: Iterable[str], folder: Path,
          shared: Path | None = None) -> None:
    """Put the images named ``names`` into ``folder`` (this client's cache) unless there
    already, the same image as the database keeps: from the database, else from the
    ``shared`` folder of an older team archive."""
    targets = {}
    for name in set(names):
        target = attachments.inside(folder, name) if name else None
        if target is not None:
            targets[name] = target
    if not targets:
        return
    wanted = _stale_or_absent(conn, targets)
    if not wanted:
        return
    rows = conn.execute(
        text(f"SELECT f.name, b.data FROM {FILES} f JOIN {BLOBS} b "
             "ON b.content_hash = f.content_hash WHERE f.name = ANY(:names)"),
        {"names": sorted(wanted)})
    try:
        for name, data in rows:
            _write_whole(wanted.pop(str(name)), bytes(data))
        for name, target in wanted.items():
            if target.exists():  # a file of this machine's that the database lacks
                continue
            src = attachments.inside(shared, name) if shared is not None else None
            if src is not None and attachments.is_regular_file(src):
                attachments.copy_file(src, target)
    except OSError as exc:  # a full or read-only cache: the readout is read without them
        log.warning("photos of a team archive not cached in %s: %s", folder, exc)


def _write_whole(target: Path, data: bytes) -> None:
    """Write ``data`` as ``target``: never a half-written file under the real name."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        partial.write_bytes(data)
        os.replace(partial, target)
    except OSError:
        partial.unlink(missing_ok=True)
        raise


def stored_image(conn: Connection, name: str) -> bytes | None:
    """The bytes the database keeps for the photo file ``name``, or ``None``."""
    row = conn.execute(text(f"SELECT b.data FROM {FILES} f JOIN {BLOBS} b "
                            "ON b.content_hash = f.content_hash WHERE f.name = :f"),
                       {"f": name}).first()
    return bytes(row[0]) if row is not None else None
