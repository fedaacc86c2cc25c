"""An exception nobody caught: a report dialog, a log entry, and a window that still works."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QPushButton, QToolButton
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.ui import crash
from readout_desk.ui.crash import CrashDialog, CrashHandler
from readout_desk.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_no_exception_capture


class DeliberateError(RuntimeError):
    pass


@pytest.fixture
def handler(isolated_home: Path) -> Iterator[CrashHandler]:
    crash.setup_logging(qt_messages=False)
    handler = CrashHandler(lambda: {"Archive": "test archive"})
    handler.install()
    yield handler
    handler.uninstall()
    if handler.dialog is not None:
        handler.dialog.close()
        handler.dialog.deleteLater()
    crash.shutdown_logging()


def _window(qtbot: QtBot, archive: Archive) -> MainWindow:
    window = MainWindow(archive)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.status_hits.text() != "", timeout=10_000)
    return window


def _failing_toolbar_button(window: MainWindow) -> QToolButton:
    action = QAction("Fail", window)
    action.setObjectName("actionFail")

    def fail() -> None:
        raise DeliberateError("the slot broke on purpose")

    action.triggered.connect(fail)
    window.add_toolbar_action(action)
    button = window.toolbar.widgetForAction(action)
    assert isinstance(button, QToolButton)
    return button


def test_exception_in_a_slot_shows_report_logs_it_and_window_keeps_working(
        qtbot: QtBot, demo_archive: Archive, handler: CrashHandler) -> None:
    window = _window(qtbot, demo_archive)
    button = _failing_toolbar_button(window)

    with qtbot.waitSignal(handler.reported, timeout=10_000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    dialog = handler.dialog
    assert isinstance(dialog, CrashDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    assert "DeliberateError: the slot broke on purpose" in dialog.summary.text()
    assert "still running" in dialog.summary.text()
    report = dialog.report.toPlainText()
    assert "Traceback (most recent call last)" in report
    assert "raise DeliberateError" in report
    assert "Archive: test archive" in report
    assert "Readout Desk 0." in report

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == report

    log_text = crash.log_file().read_text(encoding="utf-8")
    assert "ERROR readout_desk.crash" in log_text
    assert "DeliberateError: the slot broke on purpose" in log_text
    assert "raise DeliberateError" in log_text

    close = dialog.findChild(QPushButton, "crashClose")
    assert close is not None
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)

    # The window is still alive and answers the user: a search runs and shows its result.
    assert window.isVisible()
    window.search_field.setFocus()
    with qtbot.waitSignal(window.searchFinished, timeout=10_000) as blocker:
        qtbot.keyClicks(window.search_field, "nosuchwordanywhere")
    assert blocker.args == [0]
    qtbot.waitUntil(lambda: window.status_hits.text().startswith("0 readouts"), timeout=5000)


def test_repeated_errors_gather_in_one_dialog(
        qtbot: QtBot, archive: Archive, handler: CrashHandler) -> None:
    window = _window(qtbot, archive)
    button = _failing_toolbar_button(window)
    for _ in range(3):
        with qtbot.waitSignal(handler.reported, timeout=10_000):
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = handler.dialog
    assert dialog is not None and dialog.count == 3
    assert dialog.report.toPlainText().count("Traceback (most recent call last)") == 3
    assert "3 errors so far" in dialog.summary.text()
    children = [d for d in window.findChildren(CrashDialog) if d.isVisible()]
    assert children == [dialog]


def test_exception_in_a_worker_thread_is_shown_on_the_ui_thread(
        qtbot: QtBot, handler: CrashHandler) -> None:
    def work() -> None:
        raise DeliberateError("background work failed")

    with qtbot.waitSignal(handler.reported, timeout=10_000) as blocker:
        thread = threading.Thread(target=work, name="worker-for-test")
        thread.start()
        thread.join()
    assert "Thread: worker-for-test" in blocker.args[0]
    dialog = handler.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    assert "background work failed" in dialog.summary.text()


def test_log_file_rotates(monkeypatch: pytest.MonkeyPatch, isolated_home: Path) -> None:
    monkeypatch.setattr(crash, "LOG_MAX_BYTES", 2000)
    path = crash.setup_logging(qt_messages=False)
    try:
        log = logging.getLogger("readout_desk.test")
        for i in range(200):
            log.warning("line %d of a long log that has to rotate", i)
    finally:
        crash.shutdown_logging()
    assert path.parent == isolated_home / "logs"
    rotated = sorted(p.name for p in path.parent.glob(crash.LOG_FILE_NAME + ".*"))
    assert rotated == [f"{crash.LOG_FILE_NAME}.{n}" for n in range(1, crash.LOG_BACKUPS + 1)]
    assert path.stat().st_size <= 2000


def test_build_report_survives_a_failing_context(handler: CrashHandler) -> None:
    def broken() -> dict[str, str]:
        raise KeyError("gone")

    failing = CrashHandler(broken, show_dialog=False)
    try:
        raise DeliberateError("x")
    except DeliberateError as exc:
        lines = failing._context_lines()
        report = crash.build_report((type(exc), exc, exc.__traceback__), lines)
    assert "Context: unavailable (KeyError: 'gone')" in report
    assert "DeliberateError: x" in report
