"""Quitting cleanly when the system asks (SIGTERM), even before the event loop runs."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from readout_desk.ui import lifecycle

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="no SIGTERM on Windows")


@pytest.fixture
def quitter(qapp: QApplication) -> Iterator[lifecycle.QuitOnSignals]:
    installed = lifecycle.quit_on_signals(qapp)
    assert installed is not None
    yield installed
    installed.restore()


def test_sigterm_closes_the_windows(qtbot: QtBot, quitter: lifecycle.QuitOnSignals) -> None:
    widget = QWidget()
    widget.setWindowTitle("Readout Desk — test")
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    os.kill(os.getpid(), signal.SIGTERM)
    qtbot.waitUntil(lambda: not widget.isVisible(), timeout=10_000)
    assert quitter.received == [signal.SIGTERM]


def test_restore_gives_the_handlers_back(qapp: QApplication) -> None:
    before = signal.getsignal(signal.SIGTERM)
    installed = lifecycle.quit_on_signals(qapp)
    assert installed is not None
    assert signal.getsignal(signal.SIGTERM) != before
    installed.restore()
    assert signal.getsignal(signal.SIGTERM) == before
