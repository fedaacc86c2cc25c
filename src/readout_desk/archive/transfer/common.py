"""Pieces every import and export shares: progress reporting, cancelling, safe writing,
and memory given back between the batches of a long import."""

from __future__ import annotations

import ctypes
import gc
import os
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, cast

#: ``progress(done, total, label)``: called between steps; ``total`` may be 0 if unknown.
ProgressFn = Callable[[int, int, str], None]
#: Returns True when the person asked to stop; checked between steps only.
CancelFn = Callable[[], bool]


class Cancelled(Exception):
    """The person cancelled; whatever was finished before stays, nothing half-done does."""


def no_progress(_done: int, _total: int, _label: str) -> None:
    """A progress callback that ignores progress."""


def never_cancelled() -> bool:
    """A cancel check that never cancels."""
    return False


_UMASK_LOCK = threading.Lock()


def new_file_mode() -> int:
    """The permissions a newly created file gets from the user's umask (0644 under 022).

    A temporary file is made private (0600); an export renamed from one would keep that, so
    its permissions are set to what any other program's new file would have.
    """
    with _UMASK_LOCK:  # reading the umask means setting it; no other thread may see that
        mask = os.umask(0o077)
        os.umask(mask)
    return 0o666 & ~mask


@contextmanager
def atomic_text_file(target: Path, *, newline: str | None = None) -> Iterator[IO[str]]:
    """Write ``target`` through a temporary file beside it, renamed into place on success.

    A failed or cancelled export therefore never leaves a truncated file behind, and
    an existing file is replaced only by a complete one.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        os.chmod(tmp, new_file_mode())
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def give_back_memory() -> None:
    """Hand the memory a finished batch freed back to the system (glibc's ``malloc_trim``).

    Batch after batch, the C library otherwise keeps the freed pieces of the texts and
    of the database's pages between newer allocations, and a long import's memory grows
    with the file (measured: +40 MB over 100,000 readouts) though nothing is kept.
    Nothing happens on other systems."""
    if _TRIM is not None:
        _TRIM(0)


def _find_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return cast(Callable[[int], int], ctypes.CDLL("libc.so.6").malloc_trim)
    except (OSError, AttributeError):  # another C library
        return None


_TRIM = _find_trim()


#: Batches between two collections of the young generation while an import has the
#: collector paused (:func:`collector_paused`).
COLLECT_EVERY = 8


class PausedCollector:
    """Counts the batches of a paused collector and collects the young generation after
    every :data:`COLLECT_EVERY`-th."""

    def __init__(self) -> None:
        self.batches = 0

    def batch_done(self) -> None:
        self.batches += 1
        if self.batches % COLLECT_EVERY == 0:
            gc.collect(0)


@contextmanager
def collector_paused() -> Iterator[PausedCollector]:
    """Python's collector of reference cycles paused while a file is imported, then as it
    was: in the import's own process (``importing.import_file``) and in each reader
    process (``readers.py``), each telling the collector given here of every batch it
    has written or sent.

    A batch holds a hundred thousand small objects alive until it is written (records,
    rows, index texts), and the collector, started every 700 new objects, walks them
    over and over to find no cycle: an eighth of the processor time of an import of
    10,000 readouts (measured). Objects without cycles are freed as before, the moment
    they are no longer used. The young generation is collected after every eighth batch,
    not after each: when a batch is done the next one (or, in a reader, the one being
    sent) is alive, and walking its objects took 20-60 ms each time, to find about a
    hundred objects of cyclic garbage a batch in the import (measured over 20,000
    readouts) and none in a reader. So cyclic garbage (of the import or of another thread
    meanwhile) lives at most eight batches."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield PausedCollector()
    finally:
        if was_enabled:
            gc.enable()
