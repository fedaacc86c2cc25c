"""The reading pane lays a readout out in one turn of the event loop and paints it in a
later one, so that a key or a timer falling due meanwhile waits for one of the two, not
for both: the layout's turn hands the paint no event of its own."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.domain.records import Readout
from readout_desk.ui import main_window
from readout_desk.ui.main_window import MainWindow
from tests.ui.conftest import wait_for_search

WAIT_MS = 10_000


class PaintWatch(QObject):
    """Notes in ``seen`` each paint of the widget it watches."""

    def __init__(self, seen: list[str]) -> None:
        super().__init__()
        self.seen = seen

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """QObject.eventFilter."""
        if event.type() == QEvent.Type.Paint:
            self.seen.append("paint")
        return False


def test_a_readout_is_painted_a_turn_of_the_event_loop_after_its_layout(
        qtbot: QtBot, demo_archive: Archive, open_window: Callable[..., MainWindow],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(main_window, "TYPING_PAUSE_MS", 0)
    window = open_window(demo_archive)
    qtbot.waitUntil(lambda: window.detail.readout is not None, timeout=WAIT_MS)
    pane = window.detail
    seen: list[str] = []

    def shown(readout: Readout | None) -> None:
        if readout is not None:
            seen.append(f"shown {readout.id}")
            QCoreApplication.sendPostedEvents()  # what the layout's own turn would run
            seen.append("posted events sent")

    pane.readoutShown.connect(shown)
    watch = PaintWatch(seen)
    pane.viewport().installEventFilter(watch)
    window.search_field.setFocus()
    qtbot.keyClicks(window.search_field, "Lima")
    wait_for_search(qtbot, window)
    first = window.model.id_at(0)
    qtbot.waitUntil(lambda: f"shown {first}" in seen
                    and "paint" in seen[seen.index(f"shown {first}"):], timeout=WAIT_MS)
    after = seen[seen.index(f"shown {first}"):]
    assert after[:2] == [f"shown {first}", "posted events sent"], seen
    assert pane.updatesEnabled()
    assert pane.readout is not None and pane.readout.id == first
    pane.viewport().removeEventFilter(watch)
    pane.readoutShown.disconnect(shown)
