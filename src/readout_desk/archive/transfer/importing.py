"""Import readouts from files: all or nothing per file, duplicates skipped, a summary at the end.

Each file is read completely and checked before anything is written; its new readouts
then go into the archive in one transaction (:meth:`Archive.add_many`). A failure, a
cancel or a killed process therefore never leaves half of a file imported. Cancelling
is honoured between files.

A readout is a *duplicate* when the archive (including its trash) or an earlier part of
the same import already holds one with the same title (or section, when untitled), the
same meeting date and the same participants' family names, compared without case and
accents.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from readout_desk import paths
from readout_desk.archive import attachments
from readout_desk.archive.errors import ArchiveError, ArchiveFullError, ArchiveReadOnlyError
from readout_desk.archive.store import Archive
from readout_desk.archive.transfer import csvio
from readout_desk.archive.transfer.common import CancelFn, ProgressFn, never_cancelled, no_progress
from readout_desk.archive.transfer.drafts import DraftQueue
from readout_desk.domain import extract, geography, jsonformat, sources, validation
from readout_desk.domain.query import ParsedQuery, Term
from readout_desk.domain.records import Photo, Readout

#: File name endings the importer reads, and what each is.
JSON_SUFFIXES = frozenset({".json"})
CSV_SUFFIXES = frozenset({".csv", ".tsv"})
TEXT_SUFFIXES = frozenset({".txt", ".html", ".htm"})
KNOWN_SUFFIXES = JSON_SUFFIXES | CSV_SUFFIXES | TEXT_SUFFIXES

#: Largest file read whole; bigger ones are refused rather than exhausting memory.
MAX_FILE_BYTES = 512 * 1024 * 1024

DuplicateKey = tuple[str, str, tuple[str, ...]]


def duplicate_key(r: Readout) -> DuplicateKey:
    """What makes two readouts the same for an import: title, meeting date, family names."""
    return (
        geography.match_key(r.title or r.section),
        r.meeting_date.isoformat() if r.meeting_date else "",
        tuple(sorted({geography.match_key(p.person.family_name) for p in r.participants})),
    )


def describe(r: Readout) -> str:
    """A readout as one short line for a summary: "2023-05-03 Japan-Peru Foreign …"."""
    day = r.meeting_date.isoformat() if r.meeting_date else "undated"
    return f"{day} {r.title or r.section or '(untitled)'}"


@dataclass(frozen=True)
class FileOutcome:
    """What became of one file: the ids it added, what it skipped, or why it failed."""

    path: Path
    imported: tuple[int, ...] = ()
    duplicates: tuple[str, ...] = ()  # one line per readout skipped as already present
    error: str = ""  # set when nothing of the file was imported
    drafts: tuple[Readout, ...] = ()  # readouts extracted from text, awaiting review

    @property
    def ok(self) -> bool:
        return not self.error


@dataclass(frozen=True)
class ImportSummary:
    """The outcome of an import of several files."""

    files: tuple[FileOutcome, ...] = ()
    cancelled: bool = False
    not_started: tuple[Path, ...] = ()  # files left untouched because of a cancel or a stop
    stopped: str = ""  # why the import stopped early (a full disk, a read-only archive)

    @property
    def imported_ids(self) -> list[int]:
        return [i for f in self.files for i in f.imported]

    @property
    def duplicate_count(self) -> int:
        return sum(len(f.duplicates) for f in self.files)

    @property
    def failed(self) -> list[FileOutcome]:
        return [f for f in self.files if f.error]

    @property
    def drafts(self) -> list[Readout]:
        return [d for f in self.files for d in f.drafts]

    def lines(self) -> list[str]:
        """The summary as a person reads it, one sentence per line."""
        n = len(self.imported_ids)
        out = [f"Imported {n} readout{'s' if n != 1 else ''} from "
               f"{sum(1 for f in self.files if f.imported)} of {len(self.files)} "
               f"file{'s' if len(self.files) != 1 else ''}."]
        if self.duplicate_count:
            out.append(f"Skipped {self.duplicate_count} already in the archive (same title, "
                       "meeting date and participants).")
        if self.drafts:
            out.append(f"{len(self.drafts)} draft{'s' if len(self.drafts) != 1 else ''} "
                       "extracted from text files wait for review (File > Review Drafts).")
        for f in self.failed:
            out.append(f"Nothing imported from {f.path.name}: {f.error}")
        if self.stopped:
            out.append(self.stopped)
        if self.cancelled:
            out.append("Cancelled: every file listed above was finished completely; "
                       f"{len(self.not_started)} file{'s' if len(self.not_started) != 1 else ''}"
                       " were not started.")
        elif self.not_started:
            out.append(f"{len(self.not_started)} file(s) were not started.")
        return out


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


class _FileProblem(Exception):
    """A file that cannot be imported; the message says why in one sentence."""


def _utf16(raw: bytes) -> str | None:
    """The UTF-16 codec a file is written in (by its byte order mark, or by the zero
    bytes that Latin letters have in UTF-16), or ``None`` for other text."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = raw[:4096]
    if len(sample) >= 4 and sample.count(0) * 3 >= len(sample):
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        return "utf-16-le" if odd > even else "utf-16-be"
    return None


def _read_text(path: Path) -> str:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise _FileProblem("the file does not exist.") from None
    except OSError as exc:
        raise _FileProblem(f"the file cannot be read ({exc.strerror}).") from None
    if size > MAX_FILE_BYTES:
        raise _FileProblem(f"the file is larger than {MAX_FILE_BYTES // 2**20} MB.")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise _FileProblem(f"the file cannot be read ({exc.strerror}).") from None
    wide = _utf16(raw)
    if wide:
        try:
            return raw.decode(wide)
        except UnicodeDecodeError:
            raise _FileProblem(f"the file looks like {wide.upper()} text but is not.") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        if path.suffix.lower() in CSV_SUFFIXES | TEXT_SUFFIXES:
            return raw.decode("cp1252", errors="replace")
        raise _FileProblem("the file is not UTF-8 text.") from None


def read_json(path: Path) -> list[Readout]:
    """The readouts of a JSON file in the archive's format."""
    text = _read_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _FileProblem(f"not valid JSON (line {exc.lineno}, column {exc.colno}: "
                           f"{exc.msg}).") from None
    except RecursionError:
        raise _FileProblem("the JSON is nested too deeply to be a readout document.") from None
    except ValueError as exc:  # an integer of thousands of digits
        raise _FileProblem(f"the JSON cannot be read: {exc}.") from None
    try:
        return jsonformat.readouts_from_json(data)
    except jsonformat.FormatError as exc:
        raise _FileProblem(f"{exc}.") from None


def read_csv(path: Path, mapping: Mapping[str, str] | None) -> list[Readout]:
    """The readouts of a CSV file through a column mapping (guessed when ``None``)."""
    try:
        return csvio.readouts_from_csv(_read_text(path), mapping)
    except csvio.CsvFormatError as exc:
        raise _FileProblem(f"{exc}.") from None


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
            raise _FileProblem(f"the file is larger than {extract.MAX_INPUT_BYTES // 2**20} MB.")
        raw = path.read_bytes()
    except OSError as exc:
        raise _FileProblem(f"the file cannot be read ({exc.strerror}).") from None
    try:
        draft = extract.extract(raw, topic_file=paths.topic_file(),
                                kind_file=paths.kind_file())
    except (extract.ExtractionError, extract.TopicListError, extract.KindListError) as exc:
        raise _FileProblem(f"{exc}".rstrip(".") + ".") from None
    readout = sources.with_source(draft, raw, kind="file", name=path.name)
    return TextDraft(readout, draft.source, tuple(draft.notes))


class _Duplicates:
    """Finds readouts already in the archive, or earlier in the same import.

    Candidates are looked up a meeting date at a time (one indexed query per date of the
    file, not one search per readout); only readouts of the same date and title are then
    loaded to compare their participants.
    """

    #: A day with more readouts than this is searched readout by readout instead.
    DAY_LIMIT = 5_000

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.seen: dict[DuplicateKey, str] = {}
        self._empty = archive.count(include_trash=True) == 0
        self._by_day: dict[dt.date, dict[str, list[int]] | None] = {}
        self._known: dict[DuplicateKey, int] = {}  # keys of archive readouts already loaded
        self._loaded: set[int] = set()
        self._trash: set[int] | None = None

    def prepare(self, readouts: Sequence[Readout]) -> None:
        """Look up what the archive holds on the meeting dates of ``readouts``.

        One query per new date, then one batch load of the readouts whose date and title
        match, so that :meth:`find` needs no query for dated readouts.
        """
        if self._empty:
            return
        for day in {r.meeting_date for r in readouts if r.meeting_date} - set(self._by_day):
            page = self.archive.search(ParsedQuery(date_from=day, date_to=day,
                                                   include_trash=True),
                                       limit=self.DAY_LIMIT, sort="date")
            if page.total > len(page.hits):
                self._by_day[day] = None
                continue
            index: dict[str, list[int]] = {}
            for hit in page.hits:
                index.setdefault(geography.match_key(hit.title or hit.section), []).append(hit.id)
            self._by_day[day] = index
        wanted: list[int] = []
        for r in readouts:
            day_index = self._by_day.get(r.meeting_date) if r.meeting_date else None
            if day_index:
                wanted += [i for i in day_index.get(duplicate_key(r)[0], [])
                           if i not in self._loaded]
        self._load(list(dict.fromkeys(wanted)))

    def _load(self, ids: list[int]) -> None:
        for start in range(0, len(ids), 200):
            for other in self.archive.get_many(ids[start:start + 200]):
                if other.id is not None:
                    self._known.setdefault(duplicate_key(other), other.id)
                    self._loaded.add(other.id)

    def _search(self, r: Readout) -> list[int]:
        text = r.title or r.section
        column = "title" if r.title else "section"
        required: tuple[tuple[Term, ...], ...] = ()
        if re.search(r"\w", text):
            required = ((Term(text, phrase=True, column=column),),)
        query = ParsedQuery(required=required, date_from=r.meeting_date,
                            date_to=r.meeting_date, include_trash=True)
        if query.is_empty:
            return []
        return self.archive.search_ids(query, sort="date")[:200]

    def find(self, r: Readout) -> str | None:
        """Why ``r`` is a duplicate ("already in the archive as 12"), or ``None``."""
        key = duplicate_key(r)
        if key in self.seen:
            return self.seen[key]
        if self._empty:
            return None
        if r.meeting_date and r.meeting_date not in self._by_day:
            self.prepare([r])
        day_index = self._by_day.get(r.meeting_date) if r.meeting_date else None
        if day_index is None:  # undated, or a day too full to list: search by title
            self._load([i for i in self._search(r) if i not in self._loaded])
        found = self._known.get(key)
        if found is None:
            return None
        if self._trash is None:
            self._trash = set(self.archive.search_ids("in:trash", sort="date"))
        where = " (in the trash)" if found in self._trash else ""
        return f"already in the archive as readout {found}{where}"

    def remember(self, r: Readout, why: str) -> None:
        self.seen.setdefault(duplicate_key(r), why)


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _bring_attachments(archive: Archive, source: Path, readouts: list[Readout]
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


def import_file(archive: Archive, path: Path, *, csv_mapping: Mapping[str, str] | None = None,
                duplicates: _Duplicates | None = None, skip_duplicates: bool = True,
                draft_queue: DraftQueue | None = None) -> FileOutcome:
    """Import one file in one transaction; returns what became of it.

    Text files become drafts in ``draft_queue`` instead of readouts. Raises
    :class:`ArchiveFullError` and :class:`ArchiveReadOnlyError` (after which no further
    file can succeed); any other problem is reported in the outcome.
    """
    duplicates = duplicates or _Duplicates(archive)
    suffix = path.suffix.lower()
    try:
        if suffix in TEXT_SUFFIXES:
            found = read_text_draft(path)
            if draft_queue is not None:
                draft_queue.add(found.readout, path.name, found.source_text, found.notes)
            return FileOutcome(path, drafts=(found.readout,))
        if suffix in CSV_SUFFIXES:
            readouts = read_csv(path, csv_mapping)
        elif suffix in JSON_SUFFIXES:
            readouts = read_json(path)
        else:
            raise _FileProblem("Readout Desk imports .json, .csv, .txt and .html files.")
        if not readouts:
            return FileOutcome(path)  # an empty export imports as nothing, not as an error
        problems = []
        for i, r in enumerate(readouts, start=1):
            for p in validation.problems(r):
                problems.append(f"readout {i} ({describe(r)}): {p}")
        if problems:
            more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
            raise _FileProblem(problems[0] + more)
    except _FileProblem as exc:
        return FileOutcome(path, error=str(exc))

    fresh: list[Readout] = []
    skipped: list[str] = []
    keys_here: dict[DuplicateKey, str] = {}
    if skip_duplicates:
        duplicates.prepare(readouts)
    for r in readouts:
        why = duplicates.find(r) if skip_duplicates else None
        if why is None and skip_duplicates and duplicate_key(r) in keys_here:
            why = keys_here[duplicate_key(r)]
        if why is not None:
            skipped.append(f"{describe(r)}: {why}")
            continue
        keys_here.setdefault(duplicate_key(r), f"repeated in {path.name}")
        fresh.append(r.with_id(None))
    if not fresh:
        return FileOutcome(path, duplicates=tuple(skipped))
    fresh, copied = _bring_attachments(archive, path, fresh)
    try:
        ids = archive.add_many(fresh, validate=False)
    except BaseException:
        for f in copied:
            f.unlink(missing_ok=True)
        raise
    for r in fresh:
        duplicates.remember(r, f"imported earlier from {path.name}")
    return FileOutcome(path, imported=tuple(ids), duplicates=tuple(skipped))


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
) -> ImportSummary:
    """Import files and folders one file at a time; see the module text for the rules."""
    files = expand_paths(paths)
    outcomes: list[FileOutcome] = []
    duplicates = _Duplicates(archive)
    stopped = ""
    for index, path in enumerate(files):
        if cancelled():
            return ImportSummary(tuple(outcomes), True, tuple(files[index:]))
        progress(index, len(files), path.name)
        try:
            outcome = import_file(archive, path, csv_mapping=csv_mapping, duplicates=duplicates,
                                  skip_duplicates=skip_duplicates, draft_queue=draft_queue)
        except (ArchiveFullError, ArchiveReadOnlyError) as exc:
            outcomes.append(FileOutcome(path, error=str(exc)))
            stopped = "The import stopped there: no further file can be saved."
            return ImportSummary(tuple(outcomes), False, tuple(files[index + 1:]), stopped)
        except (ArchiveError, validation.InvalidReadoutError) as exc:
            outcome = FileOutcome(path, error=str(exc))
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
    "duplicate_key",
    "expand_paths",
    "import_file",
    "import_files",
    "read_csv",
    "read_json",
    "read_text_draft",
]
