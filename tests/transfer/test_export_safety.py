"""Exported files are data, never instructions: no spreadsheet formula, no Markdown entity."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import pytest

from readout_desk.archive import Archive, export_readouts, import_files
from readout_desk.domain.records import SummaryPoint
from tests.archive.helpers import lima_readout

FORMULAS = ['=HYPERLINK("http://127.0.0.1:9/x","click")', "+1+cmd|' /C calc'!A0",
            "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1"]


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("formula", FORMULAS)
def test_csv_cells_that_look_like_formulas_are_neutralised(
        archive: Archive, tmp_path: Path, formula: str) -> None:
    archive.add(replace(lima_readout(), title=formula, notes=formula,
                        points=(SummaryPoint(formula.strip() or "x"),)))
    out = tmp_path / "out.csv"
    export_readouts(archive, archive.all_ids(), "csv", out)
    row = _rows(out)[0]
    for column in ("title", "notes"):
        assert row[column] == "'" + formula
    # Read back, the readout is as it was.
    other = Archive.open(tmp_path / "other.sqlite3")
    import_files(other, [out])
    assert other.get(other.all_ids()[0]).title == formula.strip()
    other.close()


def test_formulas_can_be_kept_when_asked(archive: Archive, tmp_path: Path) -> None:
    archive.add(replace(lima_readout(), title="=1+1"))
    out = tmp_path / "out.csv"
    export_readouts(archive, archive.all_ids(), "csv", out, csv_formulas=True)
    assert _rows(out)[0]["title"] == "=1+1"


def test_numbers_stay_numbers(archive: Archive, tmp_path: Path) -> None:
    archive.add(lima_readout())
    out = tmp_path / "out.csv"
    export_readouts(archive, archive.all_ids(), "csv", out)
    assert _rows(out)[0]["total_minutes"] == "105"


def test_markdown_escapes_ampersands(archive: Archive, tmp_path: Path) -> None:
    archive.add(replace(lima_readout(), title="Trade &amp; &lt;b&gt;Investment"))
    out = tmp_path / "out.md"
    export_readouts(archive, archive.all_ids(), "md", out)
    assert "Trade \\&amp; \\&lt;b\\&gt;Investment" in out.read_text()


def test_the_command_line_neutralises_unless_asked(archive_path: Path, tmp_path: Path) -> None:
    from readout_desk import cli

    with Archive.open(archive_path) as archive:
        archive.add(replace(lima_readout(), title="@SUM(A1)"))
    out = tmp_path / "out.csv"
    assert cli.main(["--db", str(archive_path), "export", "--format", "csv", "--out",
                     str(out)]) == 0
    assert _rows(out)[0]["title"] == "'@SUM(A1)"
    assert cli.main(["--db", str(archive_path), "export", "--format", "csv", "--out",
                     str(out), "--csv-formulas"]) == 0
    assert _rows(out)[0]["title"] == "@SUM(A1)"
