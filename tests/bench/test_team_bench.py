"""The team archive's benchmarks run end to end on a small scale: the load test finds no
lost update (and its checker does find one), and the search benchmark's raw query finds
the same hits as the archive."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from readout_desk.archive import Archive

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

import team_load  # noqa: E402
import team_pending  # noqa: E402
import team_search  # noqa: E402


def test_a_short_load_loses_nothing(pg_url: str, tmp_path: Path) -> None:
    figures = tmp_path / "load.json"
    code = team_load.main(["--db", pg_url, "--clients", "3", "--seconds", "3",
                           "--json", str(figures)])
    result = json.loads(figures.read_text())
    assert code == 0 and result["errors"] == 0 and result["lost_updates"] == 0
    assert result["saves"] > 0 and result["searches"] > 0


def test_the_checker_finds_a_lost_update(pg_url: str) -> None:
    ids = team_load.prepare(pg_url)
    with Archive.open(pg_url) as archive:
        current = archive.get(ids[0])
    assert team_load.lost_updates(pg_url, [(ids[0], current.version, "client 9 save 1")]) \
        == [f"readout {ids[0]} version {current.version}: client 9 save 1"]


def test_the_raw_query_finds_what_the_archive_finds(pg_url: str, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]
                                                     ) -> None:
    assert team_search.main(["--db", pg_url, "--size", "60", "--rounds", "1",
                             "--out", str(tmp_path)]) == 0
    result = json.loads((tmp_path / "team-results-60.json").read_text())
    assert all(r["hits"] == r["raw_hits"] for r in result["search"].values())
    assert result["import"]["facade_s"] is not None
    printed = capsys.readouterr().out
    assert "p95 ratio" in printed
    # The server runs here: each side's processor time is read, the server's too (in
    # clock ticks of 10 ms: sixty readouts' COPY may take less than one).
    used = result["import"]["processor_s"]
    assert used["facade_program"] > 0
    assert all(isinstance(used[k], float) and used[k] >= 0
               for k in ("facade_server", "copy_program", "copy_server"))
    assert "processor time: façade" in printed


def test_the_import_of_a_file_is_measured_beside_copy(pg_url: str, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    assert team_search.main(["--db", pg_url, "--size", "50", "--rounds", "1", "--from-file",
                             "--out", str(tmp_path)]) == 0
    result = json.loads((tmp_path / "team-results-50.json").read_text())
    assert result["import"]["through"] == "import_files"
    assert result["import"]["facade_s"] > 0 and result["import"]["copy_s"] > 0
    with Archive.open(pg_url) as archive:
        assert archive.count() == 50
    printed = capsys.readouterr()
    assert "import (a file's import):" in printed.out
    assert "importing 0 MB" in printed.err  # the corpus went through a file


def test_the_pending_list_is_measured_beside_a_merged_one(pg_url: str, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    figures = tmp_path / "pending.json"
    assert team_pending.main(["--db", pg_url, "--size", "40", "--saves", "30",
                              "--rounds", "2", "--json", str(figures)]) == 0
    result = json.loads(figures.read_text())
    assert set(result["queries"]) == {"no hits", "rare word", "common word"}
    assert len(result["saves_ms"]) == 2 * 30
    pages = result["pages"]
    if pages["pending"] is not None:  # pgstattuple at hand (the test server has it)
        assert pages["pending"] > 0 and pages["merged"] == 0
    assert "saved one at a time" in capsys.readouterr().out
