"""The review queue: drafts extracted from .txt/.html readouts, waiting for a person.

Text extraction is never trusted blindly, so an import of text files does not save
readouts: each file becomes a draft in a folder beside the archive
(``<archive name>-drafts/``), one JSON file per draft holding the draft readout, the
cleaned source text and the extractor's notes. The review dialog opens each in the
editor; saving it there adds it to the archive and removes it from the queue.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from readout_desk.domain import jsonformat
from readout_desk.domain.records import Readout

DRAFT_FORMAT = "readout-desk-draft"


@dataclass(frozen=True)
class QueuedDraft:
    """One draft in the queue."""

    key: str  # the file name, stable while the draft waits
    readout: Readout
    source_name: str
    source_text: str
    notes: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        day = self.readout.meeting_date.isoformat() if self.readout.meeting_date else "undated"
        title = self.readout.title or self.readout.section or "(no title found)"
        return f"{day}  {title}  ({self.source_name})"


def queue_folder(archive_path: Path | None, fallback: Path) -> Path:
    """Where the drafts of an archive wait: beside its file, or in ``fallback``."""
    if archive_path is None:
        return fallback / "drafts"
    return archive_path.with_name(f"{archive_path.stem}-drafts")


class DraftQueue:
    """Drafts kept as files in one folder, oldest first."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def add(self, readout: Readout, source_name: str, source_text: str,
            notes: tuple[str, ...] = ()) -> QueuedDraft:
        """Put a draft in the queue (written whole, never half)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        slug = re.sub(r"[^\w.-]+", "-", Path(source_name).stem)[:40].strip("-") or "draft"
        existing = [int(m.group(1)) for p in self.folder.glob("*.json")
                    if (m := re.match(r"(\d+)-", p.name))]
        key = f"{max(existing, default=0) + 1:05d}-{slug}.json"
        data = {"format": DRAFT_FORMAT, "version": 1, "source_name": source_name,
                "source_text": source_text, "notes": list(notes),
                "readout": jsonformat.readout_to_dict(readout)}
        fd, tmp = tempfile.mkstemp(prefix=".draft-", suffix=".part", dir=self.folder)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=1)
        os.replace(tmp, self.folder / key)
        return QueuedDraft(key, readout, source_name, source_text, notes)

    def items(self) -> list[QueuedDraft]:
        """Every readable draft, oldest first."""
        if not self.folder.is_dir():
            return []
        found = []
        for path in sorted(self.folder.glob("*.json")):
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                readout = jsonformat.readout_from_dict(data["readout"])
            except (OSError, ValueError, KeyError, TypeError):
                continue
            found.append(QueuedDraft(path.name, readout, str(data.get("source_name", "")),
                                     str(data.get("source_text", "")),
                                     tuple(str(n) for n in data.get("notes", []))))
        return found

    def __len__(self) -> int:
        return len(self.items())

    def remove(self, key: str) -> None:
        """Take a draft out of the queue (after it was saved or discarded)."""
        if "/" in key or "\\" in key:
            raise ValueError(f"not a draft name: {key!r}")
        (self.folder / key).unlink(missing_ok=True)
