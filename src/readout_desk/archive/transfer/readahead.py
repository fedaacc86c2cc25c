"""A large JSON import read in a second process, a batch ahead of the writing.

Reading a file costs about as much processor time as writing it: the text decoded, each
object made a record and checked, each record's fingerprint computed. For a large file
(:data:`READ_AHEAD_BYTES` or more) that part runs in a process of its own, which reads and
checks batch N+1 while the importing process writes batch N into the archive, so an import
uses two cores where the machine has them. The importing process still does everything
that touches the archive, in the file's one transaction, as before.

What crosses between the processes is the batch of checked records with their
fingerprints and how much of the file has been read; an error the reading meets (a file
that is not JSON, a readout that fails its checks) crosses as the exception itself and
is raised in the importing process as it would have been raised there. The reader stays
at most one batch ahead: it waits for the importing process to take each batch, so
memory holds two batches at most. When the importing process stops early (a cancel, a
failed write) the reader is ended with it.

The reader is a fresh interpreter started for each file (``python -c``, the program's own
import path handed over): nothing of the window or its threads is copied, and, unlike
``multiprocessing``'s ways of starting one, the program that imports is not run again
in it. The two talk through the reader's standard input (what to read) and output (the
batches, pickled). A bundled application (``sys.frozen``) has no interpreter to start, so
it reads in its own process, as a small file does.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from readout_desk.archive.bulk import Fingerprinted
from readout_desk.archive.fingerprints import fingerprint
from readout_desk.domain.records import Readout

#: Files this large or larger are read in a second process (about a batch of readouts:
#: a file of one batch has nothing to overlap with its writing).
READ_AHEAD_BYTES = 8 << 20

#: ``produce(path, batch_size)``: a file's checked batches, each with the share of the
#: file read so far (0.0-1.0). A module-level function, so the reader can be given it.
Produce = Callable[[Path, int], Iterator[tuple[Sequence[Readout], float]]]

_READER = [sys.executable, "-c",
           "from readout_desk.archive.transfer.readahead import serve; serve()"]


class ReaderStopped(Exception):
    """The reading process ended without finishing the file or saying why."""


def worth_reading_ahead(path: Path) -> bool:
    """Whether ``path`` is large enough to be read in a second process, and one can be
    started here."""
    if getattr(sys, "frozen", False) or not sys.executable:
        return False
    try:
        return path.stat().st_size >= READ_AHEAD_BYTES
    except OSError:
        return False  # the usual reading says what is wrong with the file


def batches(produce: Produce, path: Path, batch_size: int
            ) -> Iterator[tuple[Fingerprinted, float]]:
    """``produce(path, batch_size)``'s batches, read in a second process, each with its
    readouts' fingerprints and the share of the file read; an exception of the reading
    is raised here. Leaving the loop early ends the reader."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    reader = subprocess.Popen(_READER, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, env=env)
    assert reader.stdin is not None and reader.stdout is not None
    finished = False
    try:
        try:
            pickle.dump((produce, path, batch_size), reader.stdin)
            reader.stdin.close()
        except OSError:
            raise ReaderStopped("the process reading the file could not be started.") from None
        while True:
            try:
                message = pickle.load(reader.stdout)
            except (EOFError, pickle.UnpicklingError):
                raise ReaderStopped("the process reading the file stopped before its "
                                    "end.") from None
            if message[0] == "done":
                finished = True
                return
            if message[0] == "raised":
                finished = True
                raise message[1]
            _kind, readouts, prints, share = message
            yield Fingerprinted(readouts, prints), share
    finally:
        if not finished:
            reader.kill()
        reader.stdout.close()
        reader.wait()


def serve() -> None:
    """The reading process: what to read from standard input, then every batch written to
    standard output as it is checked, then "done" or the exception that stopped it."""
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # nothing printed by the way can spoil the batches
    produce, path, batch_size = pickle.load(sys.stdin.buffer)
    try:
        _read(produce, path, batch_size, out)
    except (BrokenPipeError, ConnectionResetError):
        pass  # the importing process stopped taking batches: nothing to tell
    finally:
        with contextlib.suppress(OSError):
            out.close()


def _read(produce: Produce, path: Path, batch_size: int, out: IO[bytes]) -> None:
    gc.disable()  # as in the importing process: a batch's objects hold no cycles to find
    try:
        for readouts, share in produce(path, batch_size):
            _send(out, ("batch", list(readouts), [fingerprint(r) for r in readouts], share))
            del readouts
            gc.collect(0)
    except (BrokenPipeError, ConnectionResetError):
        raise
    except Exception as exc:  # noqa: BLE001 - raised again in the importing process
        _send(out, ("raised", _portable(exc)))
        return
    _send(out, ("done",))


def _send(out: IO[bytes], message: tuple[Any, ...]) -> None:
    pickle.dump(message, out, protocol=pickle.HIGHEST_PROTOCOL)
    out.flush()


def _portable(exc: Exception) -> Exception:
    """``exc`` itself if it survives the way between the processes, else a ``ValueError``
    saying what it was (an import reports both as a file it could not read)."""
    try:
        back: Any = pickle.loads(pickle.dumps(exc))
    except Exception:  # noqa: BLE001 - any failure means: send its words instead
        return ValueError(f"{type(exc).__name__}: {exc}")
    return back if isinstance(back, Exception) else ValueError(str(exc))


__all__ = ["READ_AHEAD_BYTES", "Produce", "ReaderStopped", "batches", "serve",
           "worth_reading_ahead"]
