"""Shared steps of the tests that open drafts in the editor: a main window shown and
searched once, waiting for a condition, and letting the open editors go unsaved."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.ui.editor import ReadoutEditor, open_editors
from readout_desk.ui.main_window import MainWindow


def wait_until(qtbot: QtBot, condition: Callable[[], object], timeout: int = 10_000) -> None:
    """Wait until ``condition()`` is true (fails the test after ``timeout`` ms)."""
    qtbot.waitUntil(lambda: bool(condition()), timeout=timeout)


def release(editors: list[ReadoutEditor] | None = None) -> None:
    """Stop the editors' work and mark them saved, so closing them asks nothing."""
    for editor in open_editors() if editors is None else editors:
        editor.runner.shutdown()
        editor._saved = editor.draft()


def shown_window(qtbot: QtBot, archive: Archive, home_zone: str | None = None) -> MainWindow:
    """A main window on ``archive`` (in ``home_zone``), shown, after its first search."""
    window = MainWindow(archive)
    if home_zone:
        window.settings.set_home_zone(home_zone)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.status_hits.text() != "", timeout=5000)
    return window
