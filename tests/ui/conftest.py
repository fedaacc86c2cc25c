"""Fixtures for the main window tests: a window over a given archive, shown offscreen."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.ui.main_window import MainWindow
from readout_desk.ui.settings import Settings

WAIT_MS = 10_000


def wait_for_search(qtbot: QtBot, window: MainWindow) -> None:
    """Wait until the debounced search has run and its answer is shown."""
    qtbot.waitUntil(lambda: window.search_controller.idle()
                    and window.model.query == window.current_query()
                    and window.last_page is not None
                    and not window.runner.busy(), timeout=WAIT_MS)


@pytest.fixture
def open_window(qtbot: QtBot) -> Iterator[Callable[..., MainWindow]]:
    """Open a main window on an archive, wait for its first search; closed afterwards."""
    opened: list[MainWindow] = []

    def make(archive: Archive, settings: Settings | None = None,
             home_zone: str | None = None) -> MainWindow:
        settings = settings or Settings()
        if home_zone:
            settings.set_home_zone(home_zone)
        window = MainWindow(archive, settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        wait_for_search(qtbot, window)
        opened.append(window)
        return window

    yield make
    for window in opened:
        window.close()
