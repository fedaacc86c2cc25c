"""Import readouts from files: all or nothing per file, duplicates skipped, a summary at the end.

A JSON file is read one readout at a time (:mod:`.jsonstream`), so a file of any size
needs the memory of one batch; each batch is checked and written as it comes, and every
batch of a file goes into the archive in one transaction (:meth:`Archive.add_batches`).
A problem found late in a file, a cancel or a killed process therefore never leaves part
of a file imported: the file's transaction is rolled back, and the files finished before
it stay. Cancelling is honoured between batches.

A readout is a *duplicate* when the archive (including its trash) or an earlier part of
the same import already holds the same record: every field equal but the archive's own
bookkeeping (see :mod:`readout_desk.archive.fingerprints`).
"""

from __future__ import annotations

import bisect
import csv
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from sqlalchemy import Connection

from readout_desk import paths
from readout_desk.archive.bulk import Present
from readout_desk.archive.errors import ArchiveError, ArchiveFullError, ArchiveReadOnlyError
from readout_desk.archive.store import Archive
from readout_desk.archive.transfer import csvio
from readout_desk.archive.transfer.attached import bring_photos
from readout_desk.archive.transfer.common import (
    CancelFn,
    Cancelled,
    PausedCollector,
    ProgressFn,
    collector_paused,
    give_back_memory,
    never_cancelled,
    no_progress,
)
from readout_desk.archive.transfer.drafts import DraftQueue
from readout_desk.archive.transfer.jsonfile import (
    FileProblem,
    Problems,
    describe,
    iter_json,
    share_read,
    utf16,
)
from readout_desk.archive.transfer.outcomes import FileOutcome, ImportSummary
from readout_desk.archive.transfer.readers import Readers, readers_for
from readout_desk.archive.writes import Prepared
from readout_desk.domain import extract, sources, validation
from readout_desk.domain.messages import Message, of_error
from readout_desk.domain.records import Readout

#: File name endings the importer reads, and what each is.
JSON_SUFFIXES = frozenset({".json"})
CSV_SUFFIXES = frozenset({".csv", ".tsv"})
TEXT_SUFFIXES = frozenset({".txt", ".html", ".htm"})
KNOWN_SUFFIXES = JSON_SUFFIXES | CSV_SUFFIXES | TEXT_SUFFIXES

#: Largest CSV file (read whole); bigger ones are refused rather than exhausting memory.
#: JSON files are read as they are imported, whatever their size.
MAX_FILE_BYTES = 512 * 1024 * 1024

#: Readouts checked and written together; a file's batches share its one transaction.
BATCH = 2_000
#: A JSON file this large or larger is read by other processes (:mod:`.readers`): about
#: 8,000 readouts, where they begin to pay for their start (measured on two cores: 5,000
#: readouts took 3.1 s with two readers against 2.5 s alone; 10,000, 5.1 s against 5.3 s).
SMALLEST_FOR_READERS = 32 << 20
#: Lines kept per file saying which readouts were skipped as duplicates (all are counted).
DUPLICATE_LINES = 1_000


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files to import: files as given, folders replaced by the readable files inside them."""
    found: list[Path] = []
    for item in paths:
        p = Path(item)
        if p.is_dir():
            found.extend(sorted(
                (c for c in p.rglob("*")
                 if c.is_file() and c.suffix.lower() in KNOWN_SUFFIXES
                 and not any(part.startswith(".") for part in c.relative_to(p).parts)),
                key=lambda c: str(c.relative_to(p)).lower()))
        else:
            found.append(p)
    return found


def _read_text(path: Path) -> str:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise FileProblem("the file does not exist.") from None
    except OSError as exc:
        raise FileProblem(f"the file cannot be read ({exc.strerror}).") from None
    if size > MAX_FILE_BYTES:
        raise FileProblem(f"the file is larger than {MAX_FILE_BYTES // 2**20} MB.")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise FileProblem(f"the file cannot be read ({exc.strerror}).") from None
    wide = utf16(raw)
    if wide:
        try:
            return raw.decode(wide)
        except UnicodeDecodeError:
            raise FileProblem(f"the file looks like {wide.upper()} text but is not.") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        if path.suffix.lower() in CSV_SUFFIXES | TEXT_SUFFIXES:
            return raw.decode("cp1252", errors="replace")
        raise FileProblem("the file is not UTF-8 text.") from None


def read_csv(path: Path, mapping: Mapping[str, str] | None) -> list[Readout]:
    """The readouts of a CSV file through a column mapping (guessed when ``None``)."""
    try:
        return csvio.readouts_from_csv(_read_text(path), mapping)
    except csvio.CsvFormatError as exc:
        raise FileProblem(f"{exc}.") from None


@dataclass(frozen=True)
class TextDraft:
    """A readout extracted from a text file, with what the reviewer needs beside it."""

    readout: Readout
    source_text: str
    notes: tuple[str, ...]


def read_text_draft(path: Path) -> TextDraft:
    """The draft extracted from a .txt or .html readout (to be reviewed, not saved directly)."""
    try:
        size = path.stat().st_size
        if size > extract.MAX_INPUT_BYTES:
            raise FileProblem(f"the file is larger than {extract.MAX_INPUT_BYTES // 2**20} MB.")
        raw = path.read_bytes()
    except OSError as exc:
        raise FileProblem(f"the file cannot be read ({exc.strerror}).") from None
    try:
        draft = extract.extract(raw, topic_file=paths.topic_file(),
                                kind_file=paths.kind_file())
    except (extract.ExtractionError, extract.TopicListError, extract.KindListError) as exc:
        raise FileProblem(f"{exc}".rstrip(".") + ".") from None
    readout = sources.with_source(draft, raw, kind="file", name=path.name)
    return TextDraft(readout, draft.source, tuple(draft.notes))


@dataclass
class _Imported:
    """The ids an import has added so far, file by file, to say where a duplicate was."""

    files: list[tuple[str, array[int]]] = field(default_factory=list)
    reading: list[IO[bytes]] = field(default_factory=list)  # the file being read
    readers: Readers | None = None  # the processes reading it, if others read it

    def so_far(self, name: str) -> Message:
        """How far the import of the file ``name`` has got: the readouts stored so far
        and, when it can be told, the share of the file read (its value ``read``, from 0
        to 1, which a progress bar shows)."""
        done = f"{len(self.files[-1][1]):,}"
        read = self.readers.read if self.readers is not None else share_read(self.reading)
        if read is None:
            return Message("{name}: {done} readouts so far", name=name, done=done)
        return Message("{name}: {done} readouts so far ({read:.0%})", name=name, done=done,
                       read=read)

    def add(self, name: str) -> array[int]:
        ids: array[int] = array("q")
        self.files.append((name, ids))
        return ids

    def why(self, present: Present) -> str:
        """Why a readout was left out: where the same record is."""
        for name, ids in reversed(self.files):
            at = bisect.bisect_left(ids, present.readout_id)
            if at < len(ids) and ids[at] == present.readout_id:
                return (f"repeated in {name}" if ids is self.files[-1][1]
                        else f"imported earlier from {name}")
        where = " (in the trash)" if present.in_trash else ""
        return f"already in the archive as readout {present.readout_id}{where}"


def _checked(readouts: Iterable[tuple[Readout, bool]]) -> Iterator[list[Readout]]:
    """``readouts`` (each with whether its text is plain) in batches, each readout checked;
    a file with any problem is refused as a whole, naming its first problem and counting
    the others."""
    batch: list[Readout] = []
    problems = Problems()
    for i, (r, plain) in enumerate(readouts, start=1):
        problems.add(i, r, validation.problems(r, plain=plain))
        if problems.first is not None:
            continue  # read on, only to count what else is wrong
        batch.append(r)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if problems.first is not None:
        raise problems.problem()
    if batch:
        yield batch


def _read(path: Path, csv_mapping: Mapping[str, str] | None,
          opened: list[IO[bytes]]) -> Iterator[tuple[Readout, bool]]:
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return ((r, False) for r in read_csv(path, csv_mapping))
    if suffix in JSON_SUFFIXES:
        return iter_json(path, opened)
    raise FileProblem("Readout Desk imports .json, .csv, .txt and .html files.")


def import_file(archive: Archive, path: Path, *, csv_mapping: Mapping[str, str] | None = None,
                imported: _Imported | None = None, skip_duplicates: bool = True,
                draft_queue: DraftQueue | None = None,
                between: CancelFn = never_cancelled, readers: int | None = None) -> FileOutcome:
    """Import one file in one transaction; returns what became of it.

    Text files become drafts in ``draft_queue``. ``between`` is asked between batches; True
    stops the file (:class:`Cancelled`, nothing of it kept). Raises :class:`ArchiveFullError`
    and :class:`ArchiveReadOnlyError` (after which no further file can succeed); any other
    problem is reported in the outcome. A large JSON file is read by ``readers`` other
    processes (:mod:`.readers`; ``None``: as many as :func:`.readers.readers_for` says).
    """
    imported = imported or _Imported()
    ids = imported.add(path.name)
    opened = imported.reading = []
    skipped: list[str] = []
    skip_count = 0
    copied: list[Path] = []
    reading = imported.readers = _start_readers(archive, path, readers)

    def batches(collector: PausedCollector) -> Iterator[Sequence[Readout | Prepared]]:
        source: Iterator[Sequence[Readout | Prepared]] = (
            reading.batches() if reading is not None
            else _checked(_read(path, csv_mapping, opened)))
        first = True
        while True:
            if not first:
                collector.batch_done()
                give_back_memory()
            batch = next(source, None)
            if batch is None:
                return
            if not first and between():
                raise Cancelled()
            first = False
            yield batch
            del batch

    def name_photos(conn: Connection, batch: Sequence[Readout | Prepared]
                    ) -> Sequence[Readout | Prepared]:
        readouts = [r for r in batch if isinstance(r, Readout)]
        if len(readouts) < len(batch):
            return batch  # prepared apart: a file without photos beside it
        brought, files = bring_photos(archive, path, readouts, conn)
        copied.extend(files)
        return brought

    def report(_batch: Sequence[Readout | Prepared], added: list[int],
               present: list[Present]) -> None:
        nonlocal skip_count
        ids.extend(added)
        skip_count += len(present)
        for p in present[:max(0, DUPLICATE_LINES - len(skipped))]:
            skipped.append(f"{describe(_batch[p.index])}: {imported.why(p)}")

    try:
        if path.suffix.lower() in TEXT_SUFFIXES:
            found = read_text_draft(path)
            if draft_queue is not None:
                draft_queue.add(found.readout, path.name, found.source_text, found.notes)
            return FileOutcome(path, drafts=(found.readout,))
        with collector_paused() as collector:
            archive.add_batches(batches(collector), skip_present=skip_duplicates, report=report,
                                prepare=name_photos)
    except FileProblem as exc:
        _forget(copied, ids)
        return FileOutcome(path, error=str(exc))
    except BaseException:
        _forget(copied, ids)
        raise
    finally:
        if reading is not None:
            reading.close()
            imported.readers = None
    return FileOutcome(path, imported=ids, duplicates=tuple(skipped), skipped=skip_count)


def _start_readers(archive: Archive, path: Path, wanted: int | None) -> Readers | None:
    """The processes that will read ``path`` (:mod:`.readers`), started, or ``None`` when
    this process reads it: a file that is not JSON, a small one, or one with photos beside
    it (the import brings those into the archive as it reads, and renames some)."""
    if path.suffix.lower() not in JSON_SUFFIXES or wanted == 0:
        return None
    if path.with_name(path.stem + "-attachments").is_dir():
        return None
    try:
        size = path.stat().st_size
    except OSError:
        return None  # this process reads it, and says what is wrong
    shares = wanted if wanted is not None else readers_for(size, SMALLEST_FOR_READERS)
    if not shares:
        return None
    try:
        return Readers(path, shares, BATCH, archive.backend.name)
    except OSError:
        return None  # no process could be started: this one reads the file


def _forget(copied: list[Path], ids: array[int]) -> None:
    """Undo what a file's failed import left outside its rolled-back transaction."""
    for f in copied:
        f.unlink(missing_ok=True)
    del ids[:]


#: What reading or storing odd input may raise beyond the checks made for it.
_UNREADABLE = (ValueError, TypeError, OverflowError, RecursionError, UnicodeError, csv.Error)


def import_files(
    archive: Archive,
    paths: Sequence[str | Path],
    *,
    csv_mapping: Mapping[str, str] | None = None,
    skip_duplicates: bool = True,
    draft_queue: DraftQueue | None = None,
    progress: ProgressFn = no_progress,
    cancelled: CancelFn = never_cancelled,
    readers: int | None = None,
) -> ImportSummary:
    """Import files and folders one file at a time; see the module text for the rules.
    ``readers``: how many other processes read a large JSON file (:func:`import_file`)."""
    files = expand_paths(paths)
    outcomes: list[FileOutcome] = []
    imported = _Imported()
    stopped = ""
    for index, path in enumerate(files):
        if cancelled():
            return ImportSummary(tuple(outcomes), True, tuple(files[index:]))
        progress(index, len(files), path.name)

        def between(index: int = index, path: Path = path) -> bool:
            progress(index, len(files), imported.so_far(path.name))
            return cancelled()

        try:
            outcome = import_file(archive, path, csv_mapping=csv_mapping, imported=imported,
                                  skip_duplicates=skip_duplicates, draft_queue=draft_queue,
                                  between=between, readers=readers)
        except Cancelled:
            return ImportSummary(tuple(outcomes), True, tuple(files[index:]))
        except (ArchiveFullError, ArchiveReadOnlyError) as exc:
            outcomes.append(FileOutcome(path, error=of_error(exc)))
            stopped = Message("The import stopped there: no further file can be saved.")
            return ImportSummary(tuple(outcomes), False, tuple(files[index + 1:]), stopped)
        except (ArchiveError, validation.InvalidReadoutError) as exc:
            outcome = FileOutcome(path, error=of_error(exc))
        except _UNREADABLE as exc:
            # Input no check above foresaw: this file is refused (its transaction rolled
            # back) and the import goes on with the next.
            outcome = FileOutcome(path, error=f"the file could not be imported "
                                              f"({type(exc).__name__}: {str(exc)[:200]}).")
        outcomes.append(outcome)
    progress(len(files), len(files), "")
    return ImportSummary(tuple(outcomes), False, (), stopped)


__all__ = [
    "FileOutcome",
    "ImportSummary",
    "describe",
    "expand_paths",
    "import_file",
    "import_files",
    "iter_json",
    "read_csv",
    "read_text_draft",
]
