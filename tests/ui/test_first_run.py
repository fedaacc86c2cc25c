"""The first start asks for the home zone: the computer's by Enter, Japan's by Alt+J."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.ui.first_run import HomeZoneDialog, ask_home_zone
from readout_desk.ui.main_window import MainWindow
from readout_desk.ui.settings import Settings
from tests.ui.translation import japanese

__all__ = ["japanese"]  # the fixture, used by name

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


def _asked(qtbot: QtBot, window: MainWindow) -> HomeZoneDialog:
    """The question as the first start puts it: its keys work before any click."""
    dialog = ask_home_zone(window)
    qtbot.waitUntil(lambda: dialog.isVisible() and window.isActiveWindow(), timeout=3000)
    return dialog


def _answered(window: MainWindow) -> bool:
    return not any(d.isVisible() for d in window.findChildren(HomeZoneDialog))


def _on_screen(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_question_covers_nothing_of_the_empty_archives_page(
        qtbot: QtBot, open_window: OpenWindow, archive: Archive, lang: str,
        request: pytest.FixtureRequest) -> None:
    if lang == "ja":
        request.getfixturevalue("japanese")
    window = open_window(archive, Settings())
    dialog = _asked(qtbot, window)
    empty = window.empty_state
    assert empty.isVisible()
    panel = _on_screen(dialog)
    shown = [w for w in (empty.findChild(QWidget, "emptyTitle"),
                         empty.findChild(QWidget, "emptyText"), empty.demo_button,
                         empty.add_button) if w is not None]
    assert len(shown) == 4
    for widget in shown:
        assert widget.isVisible()
        assert not panel.intersects(_on_screen(widget)), widget.objectName()
    for widget in (window.search_field, window.menuBar()):
        assert not panel.intersects(_on_screen(widget))
    # The question is answered all the same.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: _answered(window), timeout=2000)


def test_after_japan_time_by_its_key_the_keys_go_to_the_empty_archives_page(
        qtbot: QtBot, open_window: OpenWindow, archive: Archive) -> None:
    window = open_window(archive, Settings())
    dialog = _asked(qtbot, window)
    assert QApplication.focusWidget() in (dialog.picker, dialog.picker.lineEdit())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_J, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.home_zone() == "Asia/Tokyo", timeout=2000)
    assert QApplication.focusWidget() is window.empty_state.demo_button
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # loads the demo
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=20_000)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F,
                   Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search_field


def test_after_the_question_is_put_off_typing_searches(
        qtbot: QtBot, open_window: OpenWindow, demo_archive: Archive) -> None:
    window = open_window(demo_archive, Settings())
    _asked(qtbot, window)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: _answered(window), timeout=2000)
    assert QApplication.focusWidget() is window.search_field
    qtbot.keyClicks(QApplication.focusWidget(), "Lima")
    assert window.search_field.text() == "Lima"
