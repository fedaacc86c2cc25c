"""Start-up paints the archive's first page before the archive layer loads, and the page
the window shows once the archive has opened is that same page."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.domain.records import Mode
from readout_desk.ui.results_model import PAGE_SIZE
from tests.archive.helpers import lima_readout

#: Runs the program through its own main() and reports, as JSON, what the window showed
#: when its first page was painted and once the archive had opened.
PROBE = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
    from shiboken6.Shiboken import getAllValidWrappers
    from readout_desk import paths

    def told(_parent, _title, text, *_args):
        seen["told"] = text
    QMessageBox.critical = told

    paths.set_base_dir(Path(sys.argv[2]))
    app = QApplication(sys.argv[:1])
    # What the first page does without: the socket for later launches, pycountry (and
    # the package metadata it reads), the rendering of a readout, the About box's module,
    # importlib.resources (the package's files are found without it), the time zones
    # (zoneinfo finds the system's through sysconfig), the rotating log file (offscreen,
    # Qt writes a warning before the paint), the socket module (the wake-up on a signal
    # is a pipe), the record classes (a page is made of results rows), hashlib (OpenSSL,
    # for the instance's name) and getpass (for the login name).
    LATER = ("PySide6.QtNetwork", "pycountry", "readout_desk.domain.render",
             "readout_desk.ui.about", "importlib.resources", "zoneinfo", "logging.handlers",
             "socket", "readout_desk.domain.records", "hashlib", "getpass")
    seen = {}

    def rows(window):
        model = window.model
        return [[model.index(r, c).data() for c in range(model.columnCount())]
                for r in range(model.rowCount())]

    def loaded(window):
        from readout_desk.ui.first_run import HomeZoneDialog

        seen.update(loaded_rows=rows(window), loaded_current=window.current_readout_id(),
                    loaded_total=window.model.total, icon=not app.windowIcon().isNull(),
                    home_zone=window.settings.has_home_zone() and window.settings.home_zone(),
                    asked=window.findChild(HomeZoneDialog) is not None)
        QTimer.singleShot(0, window.close)

    def look():
        from readout_desk.ui.main_window import MainWindow

        for window in app.topLevelWidgets():
            if isinstance(window, MainWindow) and window.isVisible():
                # Asked before anything here touches a viewport: which scroll areas'
                # viewports Python was handed (PySide takes 10-20 ms the first time).
                viewports = sorted(w.parent().objectName() for w in getAllValidWrappers()
                                   if isinstance(w, QWidget)
                                   and w.objectName() == "qt_scrollarea_viewport")
                window.repaint()
                seen.update(first_rows=rows(window), first_current=window.current_readout_id(),
                            first_total=window.model.total, opened=window.has_archive(),
                            sqlalchemy=sorted(m for m in sys.modules
                                              if m.startswith("sqlalchemy"))[:3],
                            later=[m for m in LATER if m in sys.modules], viewports=viewports,
                            patterns=[f.cache_info().currsize for f in (
                                sys.modules["readout_desk.domain.scripts"]._run,
                                sys.modules["readout_desk.domain.scripts"]._cjk)])
                if window.has_archive():
                    loaded(window)
                else:
                    window.searchFinished.connect(lambda _total: loaded(window))
                return
        QTimer.singleShot(1, look)

    QTimer.singleShot(0, look)
    from readout_desk.ui.app import main
    code = main(["--db", sys.argv[1], "--home-zone", "Asia/Tokyo"])
    print(json.dumps(dict(seen, code=code)))
""")


def _fill(path: Path, count: int) -> None:
    base = lima_readout()
    archive = Archive.open(path)
    try:
        ids = archive.add_many([dataclasses.replace(
            base, title=f"Talks number {i}", meeting_date=dt.date(2020, 1, 1)
            + dt.timedelta(days=i * 5 % 900), mode=Mode.VIDEO if i % 3 else Mode.IN_PERSON,
            is_sample=i % 50 == 7) for i in range(count)])
        archive.delete(ids[-1])
    finally:
        archive.close()


def _start(path: Path, home: Path) -> dict[str, object]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", PROBE, str(path), str(home)],
                         capture_output=True, text=True, env=env, timeout=300, check=False)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    assert lines, out.stderr[-2000:]
    answer: dict[str, object] = json.loads(lines[-1])
    return answer


def test_the_first_page_is_painted_before_sqlalchemy_loads(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite3"
    _fill(path, 230)  # more than a page: the total is counted
    seen = _start(path, tmp_path / "home")
    assert seen["code"] == 0
    assert seen["opened"] is False  # painted before the archive opened ...
    assert seen["sqlalchemy"] == []  # ... and before SQLAlchemy was imported
    assert seen["later"] == []  # ... nor what only comes after the paint
    assert seen["patterns"] == [0, 0]  # nor the patterns of Japanese text (10-20 ms)
    assert seen["viewports"] == []  # nor the type of the table's viewport (10-20 ms)
    assert len(seen["first_rows"]) == PAGE_SIZE  # type: ignore[arg-type]
    assert seen["first_total"] == 229
    # The page shown once the archive has opened is the same, cell for cell, with the
    # same row current: nothing moves.
    assert seen["loaded_rows"] == seen["first_rows"]
    assert seen["loaded_total"] == seen["first_total"]
    assert seen["loaded_current"] == seen["first_current"] is not None
    assert seen["icon"] is True  # the application's icon, set once the page is painted
    # --home-zone is kept once the page is painted, before the archive opens: the first
    # start's question is not asked.
    assert seen["home_zone"] == "Asia/Tokyo"
    assert seen["asked"] is False


def test_an_archive_needing_an_update_of_its_format_opens_first(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite3"
    _fill(path, 3)
    with sqlite3.connect(path) as conn:  # as if another revision wrote it
        conn.execute("UPDATE alembic_version SET version_num = 'ffff'")
    seen = _start(path, tmp_path / "home")
    # A newer program's archive is refused in one sentence, before any window shows.
    assert seen["code"] == 1
    assert "first_rows" not in seen


@pytest.mark.parametrize("kind", ["new", "empty"])
def test_a_first_run_and_an_empty_archive_open_the_usual_way(tmp_path: Path,
                                                            kind: str) -> None:
    path = tmp_path / "archive.sqlite3"
    if kind == "empty":
        Archive.open(path).close()
    seen = _start(path, tmp_path / "home")
    assert seen["code"] == 0
    assert seen["opened"] is True  # the window showed with its archive open
    assert seen["first_rows"] == seen["loaded_rows"] == []


def test_files_handed_over_while_the_archive_opens_wait_for_it(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from readout_desk.ui import app, file_open
    from readout_desk.ui.main_window import MainWindow

    offered: list[list[str]] = []
    monkeypatch.setattr(file_open, "open_files",
                        lambda _window, files: offered.append(list(files)))
    path = tmp_path / "archive.sqlite3"
    _fill(path, 3)
    window = MainWindow(None, location=str(path), features=False)
    qtbot.addWidget(window)
    app._open_files(window, ["export.json"])  # a second launch, before the archive opened
    assert offered == []
    assert not window.load_demo_action.isEnabled()  # what needs the archive waits for it
    archive = Archive.open(path)
    try:
        window.attach(archive)
        qtbot.waitUntil(lambda: offered == [["export.json"]])
        assert window.load_demo_action.isEnabled()
        app._open_files(window, ["later.json"])  # once open: at once
        assert offered == [["export.json"], ["later.json"]]
    finally:
        window.close()
        archive.close()
