"""Ending cleanly when the system asks: SIGTERM (logout, ``kill``) and Ctrl+C.

Python runs its signal handlers only between bytecodes, and the Qt event loop may sit in
C++ for a long time. ``signal.set_wakeup_fd`` writes a byte to a pipe when a signal
arrives; a :class:`QSocketNotifier` on the other end wakes the event loop, Python runs
the handler, and the handler closes the windows (saving their state) and quits.

The pipe is a plain ``os.pipe()`` where the system has one for this (everywhere but
Windows, which wakes only through a socket): the ``socket`` module stays out of a start
that does not need it before the window's first page.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
from types import FrameType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Slot
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    import socket

log = logging.getLogger(__name__)


class _WakeupPipe:
    """The two ends the signal's byte goes through, neither blocking: a pipe, or on
    Windows a pair of connected sockets."""

    def __init__(self) -> None:
        self._sockets: tuple[socket.socket, socket.socket] | None
        if sys.platform == "win32":
            import socket

            reader, writer = socket.socketpair()
            reader.setblocking(False)
            writer.setblocking(False)
            self._sockets = (reader, writer)
            self.reading, self.writing = reader.fileno(), writer.fileno()
        else:
            self._sockets = None
            self.reading, self.writing = os.pipe()
            os.set_blocking(self.reading, False)
            os.set_blocking(self.writing, False)

    def drain(self) -> None:
        """Read what is waiting (the bytes only woke the event loop)."""
        with contextlib.suppress(BlockingIOError, InterruptedError):
            while (self._sockets[0].recv(64) if self._sockets is not None
                   else os.read(self.reading, 64)):
                pass

    def close(self) -> None:
        if self._sockets is not None:
            for end in self._sockets:
                end.close()
        else:
            os.close(self.reading)
            os.close(self.writing)


class QuitOnSignals(QObject):
    """Close every window and quit the application on SIGTERM, SIGINT (and SIGHUP)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._pipe = _WakeupPipe()
        self._previous_fd = signal.set_wakeup_fd(self._pipe.writing, warn_on_full_buffer=False)
        self._notifier = QSocketNotifier(self._pipe.reading, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        self._previous: dict[int, object] = {}
        self.received: list[int] = []
        for name in ("SIGTERM", "SIGINT", "SIGHUP"):
            number = getattr(signal, name, None)
            if number is not None:
                self._previous[number] = signal.signal(number, self._on_signal)

    def _on_signal(self, number: int, frame: FrameType | None) -> None:
        self.received.append(number)
        log.info("Quitting on signal %s", signal.Signals(number).name)
        # Posted rather than called: a signal that arrives before the event loop runs
        # (while the window is being built) must still end it once it starts.
        QTimer.singleShot(0, self._quit)

    @Slot()
    def _quit(self) -> None:
        self._app.closeAllWindows()
        self._app.quit()

    @Slot()
    def _drain(self) -> None:
        # The byte only woke the event loop; Python has run (or now runs) the handler.
        self._pipe.drain()

    def restore(self) -> None:
        """Give the signals back to their previous handlers."""
        for number, handler in self._previous.items():
            signal.signal(number, handler)  # type: ignore[arg-type]
        self._previous.clear()
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        self._pipe.close()


def quit_on_signals(app: QApplication) -> QuitOnSignals | None:
    """Install :class:`QuitOnSignals` (only possible on the main thread)."""
    try:
        return QuitOnSignals(app)
    except ValueError:  # not the main thread: nothing to wake
        return None
