"""Reading a large JSON import in other processes, while this one writes.

Turning a readout object into the rows it is stored as (decoding it, checking it, its
fingerprint, its index text, its values as stored and its long texts packed:
:func:`.writes.prepare`, :meth:`.backend.Backend.ahead`) costs this program about twice
what writing the rows costs the database. A large file is therefore
read by *readers*, processes of their own (Python runs one thread at a time in a
process), while the import's transaction writes what they have read:

- Each reader reads the whole file, cutting it into readout objects (the cheap part,
  in C), and turns only its share of the batches into rows: with two readers, the first
  takes batches 0, 2, 4… and the second 1, 3, 5…. The import takes the batches from the
  readers in turn, so they are written in file order, exactly as when this process reads
  the file (``tests/transfer/test_import_readers.py`` compares the two).
- A reader sends its batches through a pipe of its own, from a thread, keeping at most
  two waiting: the memory of an import stays that of a few batches, whatever the file's
  size. Only the reader holds the pipe's sending end, so a reader that ends in any way
  ends its pipe, and the import is never left waiting.
- What stops the reading (text that is not JSON, an object that is not a readout) and the
  problems of readouts that fail their checks are told at the end, merged, the way one
  process reading the file tells them: the first thing that stopped the reading, in file
  order; else the first problem and how many others there are. Once a problem is known,
  the readers only read on to count.
- A reader that fails otherwise sends its exception, which the import raises; a reader
  that dies (killed, out of memory) is an :class:`ArchiveError`. Cancelling, or any
  exception in the import, stops the readers (:meth:`Readers.close`).

Readers are started with ``spawn`` (a fresh interpreter: never a copy of a process that
runs Qt's threads), and the bundle's launcher calls ``multiprocessing.freeze_support``.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import queue
import threading
from collections.abc import Callable, Iterator
from functools import reduce
from multiprocessing.connection import Connection
from multiprocessing.context import SpawnProcess
from pathlib import Path
from typing import IO, Any

from readout_desk.archive.backend import backend_named
from readout_desk.archive.errors import ArchiveError
from readout_desk.archive.transfer.common import collector_paused
from readout_desk.archive.transfer.jsonfile import (
    FileProblem,
    Problems,
    readout_objects,
    readout_of,
    share_read,
)
from readout_desk.archive.writes import Prepared, prepare
from readout_desk.domain import validation
from readout_desk.domain.messages import Message

#: A reader's batches waiting for the import, at most (besides the one being sent).
WAITING = 2


def readers_for(size: int, smallest: int) -> int:
    """How many readers a file of ``size`` bytes gets: none under ``smallest`` bytes (a
    reader takes most of a second to start, and the first batch waits for it) or on one
    processor; else one per processor but the import's own, and at least two, since
    reading costs about twice what writing does; at most four (each reader cuts the
    whole file into objects)."""
    cores = os.cpu_count() or 1
    if size < smallest or cores < 2:
        return 0
    return min(4, max(2, cores - 1))


def _sendable(exc: BaseException) -> BaseException:
    """``exc`` if it crosses to another process, else an error saying what it was."""
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:  # noqa: BLE001 - whatever stops it crossing
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc


def _send_all(outbox: queue.Queue[tuple[Any, ...] | None], out: Connection) -> None:
    """Send what the reader puts in ``outbox`` until it puts ``None`` (a thread of the
    reader's: the import takes a batch while the reader goes on with the next)."""
    while (message := outbox.get()) is not None:
        try:
            out.send(message)
        except OSError:  # the import is gone, or has stopped the readers
            return


def read_share(path: str, share: int, shares: int, batch_size: int, backend_name: str,
               out: Connection, only_count: Any) -> None:
    """A reader: the batches ``share``, ``share + shares``… of the file at ``path``, as
    prepared rows made ready for the backend named ``backend_name``
    (:meth:`.backend.Backend.ahead`), sent on ``out`` as ``("batch", rows, share of the
    file read)``, then ``("end", stopped, problems)``: what stopped the reading (its place
    in the file, for ordering, and its sentence) or ``None``, and the problems of this
    share's readouts. Anything else that goes wrong: ``("failed", exception)``.
    ``only_count`` (an event) set: no more rows, only the problems counted."""
    outbox: queue.Queue[tuple[Any, ...] | None] = queue.Queue(maxsize=WAITING)
    sender = threading.Thread(target=_send_all, args=(outbox, out), daemon=True)
    sender.start()
    try:
        outbox.put(_read_share(path, share, shares, batch_size, backend_name, outbox.put,
                               only_count))
    except BaseException as exc:  # noqa: BLE001 - told to the import, which raises it
        outbox.put(("failed", _sendable(exc)))
    finally:
        outbox.put(None)
        sender.join()
        out.close()


def _read_share(path: str, share: int, shares: int, batch_size: int, backend_name: str,
                put: Callable[[tuple[Any, ...]], None], only_count: Any) -> tuple[Any, ...]:
    """:func:`read_share`'s reading: its batches put, its last message returned."""
    backend = backend_named(backend_name)
    problems = Problems()
    stopped: tuple[int, int, str] | None = None
    batch: list[Prepared] = []
    number = 0  # readouts read so far
    opened: list[IO[bytes]] = []
    objects = readout_objects(Path(path), opened)
    # As in the import's own process: the collector told of every batch sent.
    with collector_paused() as collector:
        try:
            for where, data, plain in objects:
                number += 1
                if ((number - 1) // batch_size) % shares != share:
                    continue
                try:
                    r = readout_of(data, where)
                except FileProblem as exc:  # not a readout: the reading stops at it
                    stopped = (number, 0, str(exc))
                    break
                problems.add(number, r, validation.problems(r, plain=plain))
                if problems.first is not None or only_count.is_set():
                    continue
                batch.append(backend.ahead(prepare(r)))
                if len(batch) == batch_size:
                    put(("batch", batch, share_read(opened) or 0.0))
                    batch = []
                    collector.batch_done()
        except FileProblem as exc:  # not JSON: after the last readout read
            stopped = (number + 1, 1, str(exc))
        finally:
            objects.close()
    if batch and stopped is None and problems.first is None:
        put(("batch", batch, 1.0))
    return ("end", stopped, problems)


class Readers:
    """The processes reading one file (:func:`read_share`), and what they have read."""

    def __init__(self, path: Path, shares: int, batch_size: int, backend: str) -> None:
        context = multiprocessing.get_context("spawn")
        self.read = 0.0  # the share of the file read, as far as the batches taken tell
        self._only_count = context.Event()
        self._inboxes: list[Connection] = []
        self._processes: list[SpawnProcess] = []
        try:
            for k in range(shares):
                inbox, out = context.Pipe(duplex=False)
                self._inboxes.append(inbox)
                process = context.Process(
                    target=read_share, name=f"readout-desk-reader-{k}", daemon=True,
                    args=(str(path), k, shares, batch_size, backend, out, self._only_count))
                self._processes.append(process)
                try:
                    process.start()
                finally:
                    # The reader's end is the reader's alone: when it ends, however it
                    # ends, the import reads the end of the pipe instead of waiting.
                    out.close()
        except BaseException:
            self.close()
            raise

    def batches(self) -> Iterator[list[Prepared]]:
        """The file's batches in file order; at the end, its problems raised
        (:class:`FileProblem`), as reading it in this process would raise them."""
        shares = len(self._processes)
        ends: dict[int, tuple[Any, ...]] = {}
        k = 0
        while True:
            message = self._next(k)
            if message[0] == "end":
                ends[k] = message
                break
            self.read = max(self.read, message[2])
            yield message[1]
            k = (k + 1) % shares
        # The file is read, or a reader found a problem: the others only count now.
        self._only_count.set()
        for other in range(shares):
            while other not in ends:
                message = self._next(other)
                if message[0] == "end":
                    ends[other] = message
        stops = [m[1] for m in ends.values() if m[1] is not None]
        if stops:
            raise FileProblem(min(stops)[2])
        problems = reduce(Problems.joined, (m[2] for m in ends.values()), Problems())
        if problems.first is not None:
            raise problems.problem()

    def _next(self, k: int) -> tuple[Any, ...]:
        """The next message of reader ``k`` (waiting for it)."""
        try:
            message: tuple[Any, ...] = self._inboxes[k].recv()
        except (EOFError, OSError):
            self._processes[k].join(timeout=5)
            raise ArchiveError(Message(
                "The process reading the file stopped unexpectedly (exit code {code}); "
                "nothing of the file was imported.",
                code=self._processes[k].exitcode)) from None
        if message[0] == "failed":
            raise message[1]
        return message

    def close(self) -> None:
        """Stop the readers (those still running) and let their pipes go."""
        self._only_count.set()
        for process in self._processes:
            if process.is_alive():
                process.terminate()
        for process in self._processes:
            if process.pid is not None:
                process.join(timeout=5)
        for inbox in self._inboxes:
            inbox.close()
