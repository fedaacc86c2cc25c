"""The first start asks for the home zone: the computer's by Enter, Japan's by Alt+J."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.ui.first_run import HomeZoneDialog, ask_home_zone
from readout_desk.ui.main_window import MainWindow
from readout_desk.ui.settings import Settings

OpenWindow = Callable[..., MainWindow]
AT = dt.datetime(2025, 3, 1, 12, 0, tzinfo=dt.timezone.utc)


def _dialog(qtbot: QtBot, system: str) -> HomeZoneDialog:
    dialog = HomeZoneDialog(system_zone=system, at=AT)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    return dialog


def test_enter_takes_the_computers_zone(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, "Europe/Berlin")
    assert dialog.picker.zone() == "Europe/Berlin"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert dialog.result() == 1 and dialog.chosen() == "Europe/Berlin"


def test_japan_time_is_one_key_away(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, "UTC")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_J, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.chosen() != "", timeout=2000)
    assert dialog.chosen() == "Asia/Tokyo"


def test_another_zone_is_typed_and_a_wrong_one_refused(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, "UTC")
    qtbot.keyClicks(QApplication.focusWidget(), "Mars/Base")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert dialog.chosen() == "" and "not a time zone" in dialog.problem.text()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(QApplication.focusWidget(), "America/Lima")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert dialog.chosen() == "America/Lima"


def test_the_answer_becomes_the_home_zone(qtbot: QtBot, open_window: OpenWindow,
                                          archive: Archive) -> None:
    settings = Settings()
    assert not settings.has_home_zone()  # a fresh configuration folder
    window = open_window(archive, settings)
    dialog = ask_home_zone(window)
    dialog.use_japan.click()
    assert settings.has_home_zone() and window.home_zone() == "Asia/Tokyo"


def test_the_first_start_asks_and_a_later_one_does_not(qtbot: QtBot, tmp_path: Path) -> None:
    from readout_desk.ui import app

    asked: list[bool] = []

    def look_and_close() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                asked.append(widget.findChild(HomeZoneDialog, "homeZoneDialog") is not None)
                widget.close()
                return
        QTimer.singleShot(50, look_and_close)

    for argv in (["--db", str(tmp_path / "a.sqlite3")],
                 ["--db", str(tmp_path / "a.sqlite3"), "--home-zone", "Asia/Tokyo"],
                 ["--db", str(tmp_path / "a.sqlite3")]):
        QTimer.singleShot(100, look_and_close)
        assert app.main(argv) == 0
    assert asked == [True, False, False]
