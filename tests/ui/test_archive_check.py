"""The integrity check of a large archive: in the background, on a worker of its own,
giving way to saves and never holding up closing.

"Large" is made small here (the size limit is patched), and a check can be made endless
on purpose: its statement calls a counting function on every row and never ends by
itself (past a bound of steps the counter fails it, and the test with it).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive, create_backup
from readout_desk.ui import archive_check as check_module
from readout_desk.ui.archive_check import ArchiveCheck, archive_check
from readout_desk.ui.main_window import MainWindow
from tests.archive.helpers import brazil_readout, lima_readout
from tests.ui.endless import STEP_BOUND, Steps, endless_read

WAIT_MS = 10_000


@pytest.fixture(autouse=True)
def large_archives(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(check_module, "CHECK_ON_OPEN_MAX_BYTES", 0)
    monkeypatch.setattr(check_module, "BACKGROUND_CHECK_DELAY_MS", 0)


@pytest.fixture
def endless_check(monkeypatch: pytest.MonkeyPatch) -> Steps:
    steps = Steps()

    def endless(self: Archive) -> list[str]:
        endless_read(self, steps)
        return []

    monkeypatch.setattr(Archive, "integrity_problems", endless)
    return steps


@pytest.fixture
def filled(archive: Archive) -> Archive:
    archive.add_many([lima_readout(), brazil_readout()])
    create_backup(archive)
    return archive


def _checker(window: MainWindow) -> ArchiveCheck:
    found = window.findChild(ArchiveCheck, "archiveCheck")
    assert isinstance(found, ArchiveCheck)
    return found


def test_damage_found_in_the_background_is_said_with_the_latest_backup(
        qtbot: QtBot, filled: Archive, open_window: Callable[..., MainWindow]) -> None:
    assert filled.path is not None
    with sqlite3.connect(filled.path) as conn:
        conn.execute("DELETE FROM readout_fts_data WHERE id > 10")
    window = open_window(filled)
    qtbot.waitUntil(lambda: "damaged" in window.banner.text(), timeout=WAIT_MS)
    assert "full-text index" in window.banner.text()
    assert "latest good backup" in window.banner.text()


def test_a_sound_archive_says_nothing(qtbot: QtBot, filled: Archive,
                                      open_window: Callable[..., MainWindow]) -> None:
    window = open_window(filled)
    checker = _checker(window)
    qtbot.waitUntil(lambda: not checker.busy(), timeout=WAIT_MS)
    assert window.banner.text() == ""


@pytest.fixture
def checking(qtbot: QtBot, filled: Archive, open_window: Callable[..., MainWindow],
             endless_check: Steps) -> MainWindow:
    """A window whose background check is reading (endlessly) now."""
    window = open_window(filled)
    qtbot.waitUntil(endless_check.started.is_set, timeout=WAIT_MS)
    return window


def test_the_check_runs_beside_the_searches_not_on_their_pool(
        qtbot: QtBot, checking: MainWindow) -> None:
    window = checking
    assert _checker(window).runner.busy()
    assert not window.runner.busy()  # the search pool is free ...
    window.search_bar.set_query("Lima")
    qtbot.waitUntil(lambda: window.model.query == "Lima" and window.model.rowCount() == 1,
                    timeout=WAIT_MS)  # ... and searches while the check reads
    assert _checker(window).runner.busy()


def test_closing_interrupts_the_check_instead_of_waiting(
        checking: MainWindow, endless_check: Steps) -> None:
    checker = _checker(checking)
    checking.close()
    assert checker.runner.wait_for_done(0)  # ended by the interrupt, not left running
    assert 0 < endless_check.count <= STEP_BOUND


def test_a_save_makes_the_check_give_way_and_come_back(
        qtbot: QtBot, filled: Archive, checking: MainWindow) -> None:
    window = checking
    checker = _checker(window)
    with qtbot.waitSignal(checker.gaveWay, timeout=WAIT_MS):
        filled.save_search("Peru", "Peru")  # a change: the check stops for it
    qtbot.waitUntil(lambda: not checker.runner.busy(), timeout=WAIT_MS)
    assert checker.again.isActive()  # and runs again later
    assert filled.saved_searches() == [("Peru", "Peru")]
    assert window.banner.text() == ""


def test_tools_check_archive_uses_the_same_worker(
        qtbot: QtBot, archive: Archive, open_window: Callable[..., MainWindow],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(check_module, "CHECK_ON_OPEN_MAX_BYTES", 10**12)
    window = open_window(archive)
    answers: list[list[str]] = []
    archive_check(window).run(answers.append)
    assert not window.runner.busy()
    qtbot.waitUntil(lambda: answers == [[]], timeout=WAIT_MS)

