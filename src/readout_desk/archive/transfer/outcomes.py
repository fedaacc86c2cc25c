"""What an import reports: what became of each file, and the summary a person reads."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from readout_desk.domain.messages import Message
from readout_desk.domain.records import Readout


@dataclass(frozen=True)
class FileOutcome:
    """What became of one file: the ids it added, what it skipped, or why it failed."""

    path: Path
    imported: Sequence[int] = ()
    duplicates: tuple[str, ...] = ()  # a line per readout skipped as present (the first 1,000)
    error: str = ""  # set when nothing of the file was imported
    drafts: tuple[Readout, ...] = ()  # readouts extracted from text, awaiting review
    skipped: int = -1  # readouts skipped as already present (-1: as many as ``duplicates``)

    @property
    def ok(self) -> bool:
        return not self.error

    @property
    def duplicate_count(self) -> int:
        return len(self.duplicates) if self.skipped < 0 else self.skipped


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
        return sum(f.duplicate_count for f in self.files)

    @property
    def failed(self) -> list[FileOutcome]:
        return [f for f in self.files if f.error]

    @property
    def drafts(self) -> list[Readout]:
        return [d for f in self.files for d in f.drafts]

    def lines(self) -> list[str]:
        """The summary as a person reads it, one sentence (a :class:`Message`) per line."""
        n, files = len(self.imported_ids), len(self.files)
        done = sum(1 for f in self.files if f.imported)
        out: list[str] = [Message(
            ("Imported {n} readout from {done} of {files} file." if n == 1 else
             "Imported {n} readouts from {done} of {files} file.") if files == 1 else
            ("Imported {n} readout from {done} of {files} files." if n == 1 else
             "Imported {n} readouts from {done} of {files} files."),
            n=f"{n:,}", done=done, files=files)]
        if self.duplicate_count:
            out.append(Message("Skipped {n} already in the archive (the same record, every "
                               "field alike).", n=f"{self.duplicate_count:,}"))
        if self.drafts:
            out.append(Message(
                "{n} draft extracted from text files wait for review (File > Review Drafts)."
                if len(self.drafts) == 1 else "{n} drafts extracted from text files wait for "
                "review (File > Review Drafts).", n=f"{len(self.drafts):,}"))
        for f in self.failed:
            out.append(Message("Nothing imported from {name}: {error}", name=f.path.name,
                               error=f.error))
        if self.stopped:
            out.append(self.stopped)
        if self.cancelled:
            left = len(self.not_started)
            out.append(Message(
                "Cancelled: every file listed above was finished completely; {left} file was "
                "not imported (nothing of the one in progress was kept)." if left == 1 else
                "Cancelled: every file listed above was finished completely; {left} files were "
                "not imported (nothing of the one in progress was kept).", left=left))
        elif self.not_started:
            out.append(Message("{n} file(s) were not started.", n=len(self.not_started)))
        return out


__all__ = ["FileOutcome", "ImportSummary"]
