"""The reading pane reads the current row's readout once the row has rested a moment.

A new page is then painted before its first readout is read and laid out, and arrowing
through the results reads only the row where it stops.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.ui.main_window import MainWindow

WAIT_MS = 10_000


def test_only_the_row_where_the_selection_rests_is_read(
        qtbot: QtBot, demo_archive: Archive, open_window: Callable[..., MainWindow],
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window(demo_archive)
    qtbot.waitUntil(lambda: window.detail.readout is not None, timeout=WAIT_MS)
    asked: list[int | None] = []
    original = window.search_controller.request_readout

    def spy(readout_id: int | None, *rest: Any) -> None:
        asked.append(readout_id)
        original(readout_id, *rest)

    monkeypatch.setattr(window.search_controller, "request_readout", spy)
    for row in (1, 2, 3):  # arrowing down, quicker than the pane's rest
        window.results.select_row(row)
    last = window.current_readout_id()
    with qtbot.waitSignal(window.search_controller.readoutReady, timeout=WAIT_MS):
        pass
    assert asked == [last]
    assert window.detail.readout is not None and window.detail.readout.id == last
