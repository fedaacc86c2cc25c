"""Moving a readout to the trash from the keyboard, taking it back, and finding it there."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.ui.main_window import MainWindow
from tests.ui.conftest import wait_for_search

OpenWindow = Callable[..., MainWindow]
Ctrl = Qt.KeyboardModifier.ControlModifier


def test_ctrl_z_puts_back_what_delete_moved_to_the_trash(
        qtbot: QtBot, open_window: OpenWindow, demo_archive: Archive) -> None:
    window = open_window(demo_archive)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    before = window.model.rowCount()
    window.results.setFocus()
    qtbot.keyClick(window.results, Qt.Key.Key_Down)
    gone = window.current_readout_id()
    assert gone is not None
    qtbot.keyClick(window.results, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: demo_archive.is_deleted(gone), timeout=5000)
    wait_for_search(qtbot, window)
    qtbot.waitUntil(lambda: window.model.rowCount() == before - 1, timeout=5000)
    assert "Ctrl+Z" in window.statusBar().currentMessage()

    qtbot.keyClick(window.results, Qt.Key.Key_Z, Ctrl)
    qtbot.waitUntil(lambda: not demo_archive.is_deleted(gone), timeout=5000)
    qtbot.waitUntil(lambda: window.model.rowCount() == before
                    and window.current_readout_id() == gone, timeout=5000)
    qtbot.keyClick(window.results, Qt.Key.Key_Z, Ctrl)  # nothing more to put back
    assert demo_archive.trash() == []


def test_a_search_without_hits_says_a_match_is_in_the_trash(
        qtbot: QtBot, open_window: OpenWindow, demo_archive: Archive) -> None:
    (lima,) = demo_archive.search_ids('"Japan-Peru Foreign Ministers"')
    demo_archive.delete_many([lima])
    window = open_window(demo_archive)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_F, Ctrl)
    qtbot.keyClicks(window.search_field, "Gervasi")
    wait_for_search(qtbot, window)
    assert window.model.rowCount() == 0
    qtbot.waitUntil(lambda: "in the trash" in window.search_bar.hint.text(), timeout=5000)
    assert "in:trash" in window.search_bar.hint.text()
