"""The command line loads Qt only for a PDF export, and then no widgets.

Each check runs the commands in a fresh interpreter, where nothing else has loaded Qt,
and reads back which Qt modules the process holds afterwards.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.test_cli import run

PROBE = """
import json, sys
from readout_desk.cli import main
codes = [main(argv) for argv in json.loads(sys.argv[1])]
qt = sorted(name for name in sys.modules if name.split(".")[0] in ("PySide6", "shiboken6"))
core = sys.modules.get("PySide6.QtCore")
app = core.QCoreApplication.instance() if core else None
print(json.dumps({"codes": codes, "qt": qt, "app": type(app).__name__ if app else None}))
"""


def _probe(*commands: list[str]) -> tuple[list[int], set[str], str | None]:
    """Run ``commands`` in one fresh interpreter: the exit codes, the Qt modules it loaded
    and the class of its Qt application object (None when it made none)."""
    proc = subprocess.run([sys.executable, "-c", PROBE, json.dumps(commands)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.splitlines()[-1])
    return result["codes"], set(result["qt"]), result["app"]


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "qt-free.sqlite3")
    assert run("--db", path, "demo")[0] == 0
    return path


def test_commands_other_than_the_pdf_export_load_no_qt(db: str, tmp_path: Path) -> None:
    base = ["--db", db, "--home-zone", "Asia/Tokyo"]
    codes, qt, app = _probe(
        [*base, "search", "cptpp"], [*base, "show", "1"],
        [*base, "export", "--format", "ics", "--out", str(tmp_path / "x.ics")],
        [*base, "export", "--format", "html", "--out", str(tmp_path / "x.html")],
        [*base, "backup"], [*base, "check"], [*base, "check-timings"])
    assert codes == [0] * 7
    assert qt == set() and app is None
    assert (tmp_path / "x.ics").stat().st_size > 0


def test_the_pdf_export_starts_a_gui_application_without_widgets(db: str,
                                                                 tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    codes, qt, app = _probe(["--db", db, "--home-zone", "Asia/Tokyo", "export", "--format",
                             "pdf", "--out", str(out)])
    assert codes == [0]
    assert out.read_bytes()[:5] == b"%PDF-"
    assert app == "QGuiApplication"
    assert {"PySide6.QtCore", "PySide6.QtGui"} <= qt
    assert "PySide6.QtWidgets" not in qt
