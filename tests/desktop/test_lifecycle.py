"""Quitting cleanly when the system asks (SIGTERM), even before the event loop runs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
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


#: An application whose event loop runs no Python at all until something wakes it: only
#: the signal's byte through the wake-up pipe can have its handler run.
IDLE_LOOP = textwrap.dedent("""
    import sys
    from PySide6.QtWidgets import QApplication, QWidget
    from readout_desk.ui import lifecycle

    app = QApplication(sys.argv[:1])
    window = QWidget()
    window.show()
    quitter = lifecycle.quit_on_signals(app)
    print("ready", flush=True)
    app.exec()
    print("quit", quitter.received, flush=True)
""")


def test_a_signal_wakes_an_idle_event_loop() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen([sys.executable, "-c", IDLE_LOOP], stdout=subprocess.PIPE,
                             text=True, env=env)
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        child.send_signal(signal.SIGTERM)
        out, _err = child.communicate(timeout=20)
    finally:
        child.kill()
    assert child.returncode == 0
    assert out.strip() == f"quit [{int(signal.SIGTERM)}]"
