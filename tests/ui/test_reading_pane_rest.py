"""The reading pane reads the current row's readout once the row has rested a moment.

A new page is then painted before its first readout is read and laid out, and arrowing
through the results reads only the row where it stops. The results of a query being typed
are followed once the typing pauses; a row a person moves to, at once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.ui import main_window
from readout_desk.ui.main_window import DETAIL_DELAY_MS, MainWindow
from tests.ui.conftest import wait_for_search

WAIT_MS = 10_000


def spy_on_reads(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> list[int | None]:
    """The readouts the reading pane asks for from now on."""
    asked: list[int | None] = []
    original = window.search_controller.request_readout

    def spy(readout_id: int | None, *rest: Any) -> None:
        asked.append(readout_id)
        original(readout_id, *rest)

    monkeypatch.setattr(window.search_controller, "request_readout", spy)
    return asked


def typed(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch,
          text: str, pause_ms: int) -> list[int | None]:
    """With typing taken to pause after ``pause_ms``, once the pane shows a readout, type
    ``text`` and wait for its results: the readouts the pane asks for from the first key."""
    monkeypatch.setattr(main_window, "TYPING_PAUSE_MS", pause_ms)
    qtbot.waitUntil(lambda: window.detail.readout is not None, timeout=WAIT_MS)
    asked = spy_on_reads(window, monkeypatch)
    window.search_field.setFocus()
    qtbot.keyClicks(window.search_field, text)
    wait_for_search(qtbot, window)
    return asked


def test_the_pane_follows_typed_results_once_typing_pauses(
        qtbot: QtBot, demo_archive: Archive, open_window: Callable[..., MainWindow],
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window(demo_archive)
    asked = typed(qtbot, window, monkeypatch, "Lima", pause_ms=300)
    first = window.model.id_at(0)
    assert first is not None
    qtbot.waitUntil(lambda: asked == [first] and window.detail.readout is not None
                    and window.detail.readout.id == first, timeout=WAIT_MS)


def test_a_row_moved_to_is_read_at_once_while_typed_results_wait(
        qtbot: QtBot, demo_archive: Archive, open_window: Callable[..., MainWindow],
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window(demo_archive)  # and typing never pauses here
    asked = typed(qtbot, window, monkeypatch, "Minister", pause_ms=60_000)
    assert window.model.rowCount() > 1
    qtbot.wait(DETAIL_DELAY_MS * 5)
    assert asked == []  # the typed results' first row waits for the typing to pause
    window.results.setFocus()
    with qtbot.waitSignal(window.search_controller.readoutReady, timeout=WAIT_MS):
        qtbot.keyClick(window.results, Qt.Key.Key_Down)
    second = window.model.id_at(1)
    assert asked == [second]
    assert window.detail.readout is not None and window.detail.readout.id == second


class TypingClock:
    """Stands in for the window's time since the last key: a key restarts it, and the
    test says when typing has paused (however slowly a loaded machine delivers keys)."""

    def __init__(self) -> None:
        self.started = False
        self.paused = False

    def start(self) -> None:
        self.started, self.paused = True, False

    def isValid(self) -> bool:  # noqa: N802 - QElapsedTimer's name
        return self.started

    def elapsed(self) -> int:
        return 10**9 if self.paused else 0


def test_keys_typed_after_the_results_came_put_the_pane_off_until_they_pause(
        qtbot: QtBot, demo_archive: Archive, open_window: Callable[..., MainWindow],
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window(demo_archive)
    qtbot.waitUntil(lambda: window.detail.readout is not None, timeout=WAIT_MS)
    clock = TypingClock()
    monkeypatch.setattr(window, "_typed", clock)
    asked = spy_on_reads(window, monkeypatch)
    window.search_field.setFocus()
    qtbot.keyClicks(window.search_field, "Lim")
    wait_for_search(qtbot, window)
    first = window.model.id_at(0)
    for _ in range(10):  # keys after the results came, back to "Lim"
        qtbot.keyClick(window.search_field, Qt.Key.Key_A)
        qtbot.wait(60)
        qtbot.keyClick(window.search_field, Qt.Key.Key_Backspace)
        qtbot.wait(60)
        assert asked == []
    qtbot.wait(DETAIL_DELAY_MS * 5)
    assert asked == []  # nothing is read until typing has paused
    # The same query again keeps its row current: the pane follows it once keys stop.
    clock.paused = True
    qtbot.waitUntil(lambda: asked == [first] and window.detail.readout is not None
                    and window.detail.readout.id == first, timeout=WAIT_MS)


def test_only_the_row_where_the_selection_rests_is_read(
        qtbot: QtBot, demo_archive: Archive, open_window: Callable[..., MainWindow],
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window(demo_archive)
    qtbot.waitUntil(lambda: window.detail.readout is not None, timeout=WAIT_MS)
    asked = spy_on_reads(window, monkeypatch)
    for row in (1, 2, 3):  # arrowing down, quicker than the pane's rest
        window.results.select_row(row)
    last = window.current_readout_id()
    with qtbot.waitSignal(window.search_controller.readoutReady, timeout=WAIT_MS):
        pass
    assert asked == [last]
    assert window.detail.readout is not None and window.detail.readout.id == last


def test_a_readout_arriving_after_keys_were_typed_is_not_laid_out_while_they_come(
        qtbot: QtBot, demo_archive: Archive, open_window: Callable[..., MainWindow],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(main_window, "TYPING_PAUSE_MS", 60_000)  # typing never pauses here
    window = open_window(demo_archive)
    qtbot.waitUntil(lambda: window.detail.readout is not None, timeout=WAIT_MS)
    gate, reached = threading.Event(), threading.Event()
    get = demo_archive.get

    def held_get(readout_id: int) -> Any:
        reached.set()
        assert gate.wait(WAIT_MS / 1000)
        return get(readout_id)

    monkeypatch.setattr(demo_archive, "get", held_get)
    window.refresh()  # the results again: their first row is read before any key
    qtbot.waitUntil(reached.is_set, timeout=WAIT_MS)
    shown: list[object] = []
    window.detail.readoutShown.connect(shown.append)
    window.search_field.setFocus()
    qtbot.keyClick(window.search_field, Qt.Key.Key_L)
    gate.set()
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=WAIT_MS)
    qtbot.wait(DETAIL_DELAY_MS * 5)
    assert [readout for readout in shown if readout is not None] == []
