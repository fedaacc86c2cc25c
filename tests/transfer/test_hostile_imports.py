"""Import files built to break the importer: each is refused in words, naming the file,
and the files after it are still imported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from readout_desk.archive import Archive, import_files
from readout_desk.domain import jsonformat
from tests.archive.helpers import lima_readout


def _lima_json(**changes: object) -> str:
    data = jsonformat.document([lima_readout()])
    readout = data["readouts"][0]
    for key, value in changes.items():
        if key == "start":
            readout["sessions"][0]["start"] = value
            readout["sessions"][0]["zone"] = "America/Los_Angeles"
            readout["sessions"][0].pop("printed_other", None)
        elif key == "level":
            readout["points"][0]["level"] = value
        else:
            readout[key] = value
    return json.dumps(data)


HOSTILE_JSON = {
    "deep": "[" * 200_000 + "]" * 200_000,
    "long_integer": '{"format": "readout-desk", "version": ' + "9" * 5000 + "}",
    "lone_surrogate": _lima_json(title="\\ud800").replace("\\\\ud800", "\\ud800"),
    "nul_title": _lima_json(title="a\x00b"),
    "huge_level": _lima_json(level=10**30),
    "huge_version": _lima_json(version=10**30),
    "start_at_the_end": _lima_json(start="9999-12-31T23:59"),
    "created_at_the_start": _lima_json(created_at="0001-01-01T00:00:00+05:00"),
    "updated_at_the_end": _lima_json(updated_at="9999-12-31T23:59:59-05:00"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_JSON))
def test_a_hostile_json_file_is_refused_and_the_next_imported(
        archive: Archive, tmp_path: Path, name: str) -> None:
    bad = tmp_path / f"{name}.json"
    bad.write_text(HOSTILE_JSON[name], encoding="utf-8")
    good = tmp_path / "good.json"
    good.write_text(json.dumps(jsonformat.document([lima_readout()])))
    summary = import_files(archive, [bad, good])
    first, second = summary.files
    assert first.error and "unexpected" not in first.error.lower(), first
    assert second.imported and archive.count() == 1
    assert any(bad.name in line for line in summary.lines())


def test_a_csv_field_longer_than_the_csv_module_allows_is_imported(
        archive: Archive, tmp_path: Path) -> None:
    source = tmp_path / "long.csv"
    source.write_text("title,meeting_date,lead\nLong one,2023-05-03," + "x" * 140_000 + "\n")
    summary = import_files(archive, [source])
    assert summary.files[0].imported, summary.files[0]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_utf_16_csv_is_read(archive: Archive, tmp_path: Path, encoding: str) -> None:
    source = tmp_path / "wide.csv"
    source.write_bytes("title,meeting_date\nLima meeting,2023-05-03\n".encode(encoding))
    summary = import_files(archive, [source])
    assert summary.files[0].imported, summary.files[0]


def test_a_date_with_words_after_it_is_refused(archive: Archive, tmp_path: Path) -> None:
    source = tmp_path / "dates.csv"
    source.write_text("title,meeting_date\nLima meeting,2023-05-03 and then some\n")
    summary = import_files(archive, [source])
    assert summary.files[0].error and archive.count() == 0
