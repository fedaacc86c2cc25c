"""The command line, as a user types it."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from readout_desk import cli
from readout_desk.domain import jsonformat
from tests.archive.helpers import brazil_readout


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "cli.sqlite3")
    code, out, err = run("--db", path, "demo")
    assert code == 0, err
    assert "demo readouts" in out
    return path


def _lima_id(db: str) -> int:
    code, out, _ = run("--db", db, "search", "Gervasi CPTPP", "--json")
    assert code == 0
    return int(json.loads(out)["hits"][0]["id"])


def test_search_finds_the_lima_readout_first(db: str) -> None:
    code, out, err = run("--db", db, "search", "Gervasi CPTPP", "--json")
    assert code == 0, err
    hits = json.loads(out)["hits"]
    assert hits[0]["title"] == "Japan-Peru Foreign Ministers' Meeting"
    code, out, _ = run("--db", db, "search", "Gervasi", "CPTPP")
    assert code == 0
    assert out.splitlines()[1].split()[1] == "2023-05-03"


def test_show_prints_both_timing_lines_as_in_the_source(db: str) -> None:
    code, out, err = run("--db", db, "--home-zone", "Asia/Tokyo", "show", str(_lima_id(db)))
    assert code == 0, err
    assert ("commencing at 9:10 a.m. (local time; 11:10 p.m. on May 3 JST) "
            "for approximately 15 minutes") in out
    assert ("commencing at 9:40 a.m. (local time; 11:40 p.m. on May 3 JST) "
            "for approximately 90 minutes") in out
    assert out.startswith("Japan-Peru Relations")


def test_show_in_another_home_zone(db: str) -> None:
    code, out, _ = run("--db", db, "--home-zone", "Europe/London", "show", str(_lima_id(db)))
    assert code == 0
    assert "commencing at 9:10 a.m. (local time; 3:10 p.m. BST)" in out


def test_accents_do_not_matter(db: str) -> None:
    _, with_accent, _ = run("--db", db, "search", "Perú", "--json")
    _, without, _ = run("--db", db, "search", "peru", "--json")
    ids_a = [h["id"] for h in json.loads(with_accent)["hits"]]
    ids_b = [h["id"] for h in json.loads(without)["hits"]]
    assert ids_a == ids_b and ids_a


@pytest.mark.parametrize("query", ['"Gervasi', "OR", "AND NOT", "-", "***", "NEAR(", "year:x",
                                   "mode:boat", "country:", "((", "'", '"" OR ""'])
def test_malformed_queries_answer_without_a_traceback(db: str, query: str) -> None:
    code, out, err = run("--db", db, "search", query)
    assert code in (0, 2)
    assert "Traceback" not in out + err
    assert "hit" in out


def test_show_round_trips_through_add(db: str, tmp_path: Path) -> None:
    lima = _lima_id(db)
    code, out, _ = run("--db", db, "show", str(lima), "--json")
    assert code == 0
    exported = tmp_path / "lima.json"
    exported.write_text(out, encoding="utf-8")
    other = str(tmp_path / "other.sqlite3")
    code, out2, err = run("--db", other, "add", str(exported))
    assert code == 0, err
    new_id = int(out2.strip().rsplit(" ", 1)[-1])
    code, again, _ = run("--db", other, "show", str(new_id), "--json")
    first = json.loads(out)["readouts"][0]
    second = json.loads(again)["readouts"][0]
    for key in ("id", "created_at", "updated_at", "version"):
        first.pop(key)
        second.pop(key)
    assert first == second


def test_add_accepts_a_bare_readout_object(db: str, tmp_path: Path) -> None:
    data = jsonformat.readout_to_dict(brazil_readout())
    path = tmp_path / "brazil.json"
    path.write_text(json.dumps(data))
    code, out, err = run("--db", db, "add", str(path))
    assert code == 0, err
    code, out, _ = run("--db", db, "check-timings")
    assert "the time-zone rules give 2:20 a.m." in out


@pytest.mark.parametrize(("content", "message"), [
    ("{not json", "not valid JSON"),
    ('{"readouts": 5}', "readouts should be a list"),
    ('{"format": "other", "readouts": []}', "not a readout-desk one"),
    ('{"readouts": [{"title": "x", "meeting_date": "May 3"}]}', "should be a date"),
    ('{"readouts": [{"title": "x", "meeting_date": "2023-01-01", "sessions": '
     '[{"start": "2025-03-30T02:30", "zone": "Europe/Berlin"}]}]}', "does not exist"),
    ('{"version": 99, "readouts": []}', "Update Readout Desk"),
    ('[]', "holds no readouts"),
])
def test_bad_files_get_one_clear_sentence(db: str, tmp_path: Path, content: str,
                                          message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content)
    code, out, err = run("--db", db, "add", str(path))
    assert code == 2
    assert message in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_user_errors(db: str, tmp_path: Path) -> None:
    code, _, err = run("--db", db, "show", "999")
    assert code == 2 and "no readout 999" in err
    code, _, err = run("--db", db, "show", "abc")
    assert code == 2 and "not a readout id" in err
    code, _, err = run("--db", db, "--home-zone", "Mars/Base", "show", "1")
    assert code == 2 and "IANA" in err
    code, _, err = run("--db", db, "add", str(tmp_path / "missing.json"))
    assert code == 2 and "no file" in err
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"\x00\x01garbage" * 200)
    code, _, err = run("--db", str(garbage), "search", "x")
    assert code == 1 and "not a Readout Desk archive" in err and "Traceback" not in err


def test_environment_variable_names_the_archive(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READOUT_DESK_DB", db)
    code, out, _ = run("search", "Gervasi")
    assert code == 0 and "Japan-Peru" in out
    monkeypatch.setenv("READOUT_DESK_DB", f"sqlite:///{db}")
    code, out, _ = run("search", "Gervasi")
    assert code == 0 and "Japan-Peru" in out


def test_the_installed_script_runs(db: str) -> None:
    exe = shutil.which("readout-desk-cli") or str(Path(sys.executable).with_name(
        "readout-desk-cli"))
    if not Path(exe).exists():
        pytest.skip("readout-desk-cli is not installed in this environment")
    proc = subprocess.run([exe, "--db", db, "search", "CPTPP"], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0 and "Japan-Peru" in proc.stdout


def test_python_dash_m_reports_a_user_error_in_one_sentence(db: str) -> None:
    # The sub-command modules and ``python -m readout_desk.cli`` share one UserError class.
    proc = subprocess.run([sys.executable, "-m", "readout_desk.cli", "--db", db, "backup",
                           "--keep", "0"], capture_output=True, text=True, timeout=60)
    assert (proc.returncode, proc.stderr) == (2, "readout-desk-cli: --keep must be at least 1.\n")
