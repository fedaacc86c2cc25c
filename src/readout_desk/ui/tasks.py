"""Run work off the UI thread and hear back on it.

>>> runner = TaskRunner(parent=window)
>>> runner.run(lambda: archive.search("CPTPP"), on_done=show_page, on_error=show_problem)

``work`` runs in a pool thread; ``on_done(result)`` or ``on_error(exception)`` is then
called on the UI thread. A runner that was shut down, or whose owner widget was
destroyed, drops late answers instead of calling back into widgets that are gone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

T = TypeVar("T")


class _Relay(QObject):
    """Lives on the UI thread; its signals, emitted from a pool thread, arrive queued."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(self, runner: TaskRunner, on_done: Callable[[Any], None] | None,
                 on_error: Callable[[BaseException], None] | None) -> None:
        super().__init__()
        self._runner = runner
        self._on_done = on_done
        self._on_error = on_error
        self.done.connect(self._deliver_done)
        self.failed.connect(self._deliver_failed)

    @Slot(object)
    def _deliver_done(self, result: object) -> None:
        runner = self._runner
        runner._finish(self)
        if runner.accepting() and self._on_done is not None:
            self._on_done(result)

    @Slot(object)
    def _deliver_failed(self, exc: object) -> None:
        runner = self._runner
        runner._finish(self)
        if not runner.accepting():
            return
        assert isinstance(exc, BaseException)
        if self._on_error is not None:
            self._on_error(exc)
        else:
            runner.failed.emit(exc)


class _Job(QRunnable, Generic[T]):
    def __init__(self, work: Callable[[], T], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._work = work
        self._relay = relay

    def run(self) -> None:  # QRunnable.run
        try:
            result = self._work()
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the UI
            self._relay.failed.emit(exc)
        else:
            self._relay.done.emit(result)


class TaskRunner(QObject):
    """A small pool of threads for one window's background work.

    ``failed`` carries exceptions of tasks that were started without ``on_error``.
    """

    failed = Signal(object)

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._pending: set[_Relay] = set()
        self.closed = False

    def run(self, work: Callable[[], T], on_done: Callable[[T], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None) -> None:
        """Run ``work()`` in a pool thread; call back on the UI thread when it ends."""
        if self.closed:
            return
        relay = _Relay(self, on_done, on_error)
        self._pending.add(relay)  # keeps the relay alive until it has delivered
        self._pool.start(_Job(work, relay))

    def accepting(self) -> bool:
        """Whether answers are still wanted: not shut down, and its owner still exists."""
        return not self.closed and shiboken6.isValid(self)

    def busy(self) -> bool:
        """Whether some task has not called back yet."""
        return bool(self._pending)

    def wait_for_done(self, msecs: int = -1) -> bool:
        """Block until the pool threads are idle (answers are delivered by the event loop)."""
        return bool(self._pool.waitForDone(msecs))

    def shutdown(self, msecs: int = 10_000) -> None:
        """Stop calling back and wait for running work to end (before closing the archive)."""
        self.closed = True
        if shiboken6.isValid(self):
            self._pool.clear()
            self._pool.waitForDone(msecs)

    def _finish(self, relay: _Relay) -> None:
        self._pending.discard(relay)
        if shiboken6.isValid(relay):
            relay.deleteLater()


def run_in_background(parent: QObject, work: Callable[[], T],
                      on_done: Callable[[T], None] | None = None,
                      on_error: Callable[[BaseException], None] | None = None) -> TaskRunner:
    """Run one piece of work with a runner owned by ``parent``; returns that runner."""
    runner = parent.findChild(TaskRunner, "backgroundTasks")
    if runner is None:
        runner = TaskRunner(parent, max_threads=1)
        runner.setObjectName("backgroundTasks")
    runner.run(work, on_done, on_error)
    return runner
