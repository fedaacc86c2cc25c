"""JSON export and import lose nothing: a property test over random archives."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readout_desk.archive import Archive
from readout_desk.archive.transfer import export_readouts, import_files
from readout_desk.domain.records import Readout
from tests.transfer.strategies import valid_readouts


def _comparable(r: Readout) -> Readout:
    """The readout without the ids the archive assigns."""
    participants = tuple(dataclasses.replace(p, person=dataclasses.replace(p.person, id=None))
                         for p in r.participants)
    return dataclasses.replace(r, id=None, participants=participants)


def _contents(archive: Archive) -> list[Readout]:
    return [_comparable(r) for r in archive.get_many(archive.all_ids())]


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                 HealthCheck.filter_too_much])
@given(st.lists(valid_readouts, min_size=0, max_size=6,
                unique_by=lambda r: r.title.casefold()))
def test_export_then_import_gives_an_identical_archive(tmp_path: Path,
                                                       readouts: list[Readout]) -> None:
    out = tmp_path / "archive.json"
    with Archive.open(None) as source, Archive.open(None) as target:
        source.add_many(readouts)
        export_readouts(source, source.all_ids(), "json", out, home_zone="Asia/Tokyo")
        summary = import_files(target, [out], skip_duplicates=False)
        assert not summary.failed, summary.lines()
        assert _contents(target) == _contents(source)
        # Importing the same file again finds every readout already there.
        again = import_files(target, [out])
        assert again.imported_ids == [] and again.duplicate_count == len(readouts)


def test_round_trip_keeps_the_lima_details(tmp_path: Path, demo_archive: Archive) -> None:
    out = tmp_path / "demo.json"
    export_readouts(demo_archive, demo_archive.all_ids(), "json", out)
    data = json.loads(out.read_text("utf-8"))
    assert data["format"] == "readout-desk"
    lima = next(r for r in data["readouts"] if "Peru" in r["title"])
    assert [s["start"] for s in lima["sessions"]] == ["2023-05-03T09:10", "2023-05-03T09:40"]
    assert lima["sessions"][0]["printed_other"]["zone"] == "Asia/Tokyo"
    with Archive.open(tmp_path / "copy.sqlite3") as copy:
        import_files(copy, [out])
        assert _contents(copy) == _contents(demo_archive)
