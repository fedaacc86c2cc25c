"""``readout-desk`` opens the archive named by --db or READOUT_DESK_DB."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from readout_desk import paths
from readout_desk.ui import app
from readout_desk.ui.main_window import MainWindow


def _run_and_capture(monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> list[str]:
    seen: list[str] = []

    def close_soon() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                seen.append(widget.archive.location)
                widget.close()

    QTimer.singleShot(300, close_soon)
    assert app.main(argv) == 0
    return seen


def test_db_option_opens_that_archive(qtbot: QtBot, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "mine.sqlite3"
    monkeypatch.setenv(paths.DB_ENV, str(tmp_path / "from-env.sqlite3"))
    assert _run_and_capture(monkeypatch, ["--db", str(target)]) == [str(target)]
    assert target.exists()
    assert not (tmp_path / "from-env.sqlite3").exists()


def test_environment_variable_names_the_archive(qtbot: QtBot, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "from-env.sqlite3"
    monkeypatch.setenv(paths.DB_ENV, str(target))
    assert _run_and_capture(monkeypatch, []) == [str(target)]
    assert target.exists()


def test_an_archive_that_cannot_open_is_reported_in_one_sentence(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.critical",
                        lambda _parent, _title, text: shown.append(text))
    assert app.main(["--db", str(tmp_path)]) == 1  # a folder, not a file
    assert len(shown) == 1 and "folder" in shown[0]
    assert "Traceback" not in shown[0]


def test_qt_options_and_their_values_are_not_taken_for_files() -> None:
    from readout_desk.ui.app import split_qt_arguments

    ours, qt = split_qt_arguments(["-platform", "xcb", "--db", "x.sqlite3", "export.json",
                                   "-style=fusion", "-reverse"])
    assert ours == ["--db", "x.sqlite3", "export.json", "-reverse"]
    assert qt == ["-platform", "xcb", "-style=fusion"]


def test_a_file_the_system_sends_to_the_running_app_is_opened_in_its_window(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtGui import QFileOpenEvent

    monkeypatch.setattr(app, "SYSTEM_SENDS_FILES", True)
    opened: list[tuple[MainWindow, list[str]]] = []
    monkeypatch.setattr(app, "_open_files", lambda window, files: opened.append((window,
                                                                                 files)))
    export = tmp_path / "desk.readout.json"

    def finder_opens_a_document() -> None:  # what macOS's Finder sends on a double-click
        instance = QApplication.instance()
        assert instance is not None
        QApplication.sendEvent(instance, QFileOpenEvent(str(export)))

    QTimer.singleShot(200, finder_opens_a_document)
    seen = _run_and_capture(monkeypatch, ["--db", str(tmp_path / "mine.sqlite3")])
    assert seen == [str(tmp_path / "mine.sqlite3")]
    assert [files for _window, files in opened] == [[str(export)]]
    assert isinstance(opened[0][0], MainWindow)
