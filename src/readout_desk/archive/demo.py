"""The demo archive: the Lima readout as published, plus illustrative sample readouts.

The readouts live as JSON documents in ``resources/demo/``. Loading is idempotent: a
readout whose title and meeting date are already in the archive is not added again.
"""

from __future__ import annotations

import json
from importlib import resources

from readout_desk.archive.store import Archive
from readout_desk.domain import jsonformat
from readout_desk.domain.records import Readout


def demo_readouts() -> list[Readout]:
    """Every readout of the demo archive, in file order."""
    folder = resources.files("readout_desk.resources") / "demo"
    readouts: list[Readout] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            readouts.extend(jsonformat.readouts_from_json(json.loads(entry.read_text("utf-8"))))
    return readouts


def load_demo(archive: Archive) -> int:
    """Add the demo readouts that are not in ``archive`` yet; returns how many were added."""
    wanted = demo_readouts()
    present = set()
    for r in wanted:
        page = archive.search(f'"{r.title}"', limit=50) if r.title else None
        for hit in page.hits if page else ():
            if hit.title == r.title and hit.meeting_date == r.meeting_date:
                present.add((r.title, r.meeting_date))
    fresh = [r.with_id(None) for r in wanted if (r.title, r.meeting_date) not in present]
    archive.add_many(fresh)
    return len(fresh)
