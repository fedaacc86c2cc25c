"""Run work off the UI thread and hear back on it.

>>> runner = TaskRunner(parent=window)
>>> runner.run(lambda: archive.search("CPTPP"), on_done=show_page, on_error=show_problem)

``work`` runs in a pool thread; ``on_done(result)`` or ``on_error(exception)`` is then
called on the UI thread. A runner that was shut down, or whose owner widget was
destroyed, drops late answers instead of calling back into widgets that are gone.

Long work that reports how far it got and can stop early (import, export) goes through
:meth:`TaskRunner.run_with_progress`: ``work(progress, cancelled)`` calls
``progress(done, total, label)`` as it goes (delivered to ``on_progress`` on the UI
thread) and looks at ``cancelled()`` at its safe points; the returned
:class:`TaskHandle` is what a Cancel button calls.

A read can also be stopped in the middle of a statement: ``run(work, ..., interrupt=f)``
gives the task a function that interrupts the connection it reads on (for instance
:meth:`~readout_desk.archive.Archive.interrupt` of a connection of its own). Cancelling
the handle then calls ``f`` if the work is running; the work raises
:class:`~readout_desk.archive.ArchiveInterruptedError` and its answer is dropped quietly
(neither ``on_done`` nor ``on_error``). A task that was *not* cancelled but met an
interruption meant for another task on the same connection runs again.

This is the one way the user interface runs work in the background.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from readout_desk.archive import ArchiveInterruptedError

T = TypeVar("T")

#: ``progress(done, total, label)``: how far long work got (``total`` 0 when unknown).
ProgressFn = Callable[[int, int, str], None]
#: ``cancelled()``: whether the person asked long work to stop.
CancelFn = Callable[[], bool]


#: How often a task that met someone else's interruption is run again before it fails.
INTERRUPTED_RETRIES = 3
#: The longest the UI thread waits for the interpreter while a worker runs Python.
UI_SWITCH_INTERVAL_S = 0.001


class TaskHandle:
    """A task that was started: asks it to stop at its next safe point, or at once."""

    def __init__(self, interrupt: Callable[[], None] | None = None) -> None:
        self._cancel = threading.Event()
        self._interrupt = interrupt
        self._lock = threading.Lock()
        self._running = False

    @property
    def interruptible(self) -> bool:
        """Whether cancelling stops a statement that is running (see :func:`TaskRunner.run`)."""
        return self._interrupt is not None

    def cancel(self) -> None:
        """Ask the work to stop. Long work stops between files or chunks and its answer
        still arrives; an interruptible read stops now and its answer is dropped."""
        self._cancel.set()
        with self._lock:
            if self._running and self._interrupt is not None:
                self._interrupt()

    def cancelled(self) -> bool:
        """Whether stopping was asked for (safe to call from any thread)."""
        return self._cancel.is_set()

    def _set_running(self, running: bool) -> None:
        with self._lock:
            self._running = running


class _Relay(QObject):
    """Lives on the UI thread; its signals, emitted from a pool thread, arrive queued."""

    done = Signal(object)
    failed = Signal(object)
    dropped = Signal()
    progressed = Signal(int, int, object)  # a Message keeps its values

    def __init__(self, runner: TaskRunner, handle: TaskHandle,
                 on_done: Callable[[Any], None] | None,
                 on_error: Callable[[BaseException], None] | None,
                 on_progress: ProgressFn | None = None) -> None:
        super().__init__()
        self._runner = runner
        self._on_done = on_done
        self._on_error = on_error
        self._on_progress = on_progress
        self.handle = handle
        self.done.connect(self._deliver_done)
        self.failed.connect(self._deliver_failed)
        self.dropped.connect(self._forget)
        self.progressed.connect(self._deliver_progress)

    @Slot(int, int, str)
    def _deliver_progress(self, done: int, total: int, label: str) -> None:
        if self._runner.accepting() and self._on_progress is not None:
            self._on_progress(done, total, label)

    @Slot()
    def _forget(self) -> None:
        self._runner._finish(self)

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
        #: Set once the thread that started the job has the interpreter back.
        self.started = threading.Event()

    def run(self) -> None:  # QRunnable.run
        # The pool gives the job a thread while the UI thread is still inside start(),
        # without the interpreter: running at once, the job would hold the interpreter
        # and keep the UI thread waiting for it (under load, for as long as a whole
        # share of a core). Waiting here gives the interpreter back at once.
        self.started.wait()
        relay, handle = self._relay, self._relay.handle
        for attempt in range(INTERRUPTED_RETRIES + 1):
            if handle.cancelled() and handle.interruptible:
                relay.dropped.emit()  # cancelled before it started: nothing to answer
                return
            handle._set_running(True)
            try:
                result = self._work()
            except ArchiveInterruptedError as exc:
                handle._set_running(False)
                if handle.cancelled():
                    relay.dropped.emit()  # stopped on purpose: never shown as a problem
                    return
                if attempt == INTERRUPTED_RETRIES:
                    relay.failed.emit(exc)
                # else: an interruption meant for another read on the same connection
            except BaseException as exc:  # noqa: BLE001 - every failure goes back to the UI
                handle._set_running(False)
                relay.failed.emit(exc)
                return
            else:
                handle._set_running(False)
                relay.done.emit(result)
                return


class TaskRunner(QObject):
    """A small pool of threads for one window's background work.

    ``failed`` carries exceptions of tasks that were started without ``on_error``.
    """

    failed = Signal(object)

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        # Python threads take turns on the interpreter every 5 ms by default: the UI
        # thread then waits up to that long for each timer, key and paint while a worker
        # runs Python, and typing stutters. With work in the background, 1 ms turns.
        sys.setswitchinterval(min(sys.getswitchinterval(), UI_SWITCH_INTERVAL_S))
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._pending: set[_Relay] = set()
        self.closed = False

    def run(self, work: Callable[[], T], on_done: Callable[[T], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None, *,
            interrupt: Callable[[], None] | None = None) -> TaskHandle:
        """Run ``work()`` in a pool thread; call back on the UI thread when it ends.

        With ``interrupt`` (which stops the statement ``work`` is running, from any
        thread), the returned handle's :meth:`TaskHandle.cancel` stops the read at once
        and its answer is dropped.
        """
        handle = TaskHandle(interrupt)
        if not self.closed:
            relay = _Relay(self, handle, on_done, on_error)
            self._start(work, relay)
        return handle

    def run_with_progress(self, work: Callable[[ProgressFn, CancelFn], T],
                          on_progress: ProgressFn,
                          on_done: Callable[[T], None] | None = None,
                          on_error: Callable[[BaseException], None] | None = None
                          ) -> TaskHandle:
        """Run ``work(progress, cancelled)`` in a pool thread, reporting to ``on_progress``.

        ``progress`` may be called from the work's thread as often as it likes; each call
        reaches ``on_progress`` on the UI thread. :meth:`TaskHandle.cancel` makes
        ``cancelled()`` true; the work decides where it can stop.
        """
        handle = TaskHandle()
        if not self.closed:
            relay = _Relay(self, handle, on_done, on_error, on_progress)
            emit = relay.progressed.emit
            self._start(lambda: work(emit, handle.cancelled), relay)
        return handle

    def _start(self, work: Callable[[], T], relay: _Relay) -> None:
        self._pending.add(relay)  # keeps the relay alive until it has delivered
        job = _Job(work, relay)
        try:
            self._pool.start(job)
        finally:
            job.started.set()

    def accepting(self) -> bool:
        """Whether answers are still wanted: not shut down, and its owner still exists."""
        return not self.closed and shiboken6.isValid(self)

    def busy(self) -> bool:
        """Whether some task has not called back yet."""
        return bool(self._pending)

    def wait_for_done(self, msecs: int = -1) -> bool:
        """Block until the pool threads are idle (answers are delivered by the event loop)."""
        return bool(self._pool.waitForDone(msecs))

    def cancel_all(self) -> None:
        """Cancel every task that has not called back yet (interruptible reads stop now)."""
        for relay in list(self._pending):
            relay.handle.cancel()

    def shutdown(self, msecs: int = 10_000) -> None:
        """Stop calling back, cancel what runs and wait for it to end (before the archive
        closes): an interruptible read ends at once, long work at its next safe point."""
        self.closed = True
        if shiboken6.isValid(self):
            self._pool.clear()
            self.cancel_all()
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


class _Mailbox(QObject):
    """Lives on the UI thread; a message posted from any thread arrives queued."""

    posted = Signal(object)


def on_ui_thread(parent: QObject, deliver: Callable[[Any], None]) -> Callable[[Any], None]:
    """A function any thread may call with one value; ``deliver(value)`` then runs on the
    UI thread, for as long as ``parent`` exists (for callbacks from a listener thread)."""
    mailbox = _Mailbox(parent)
    mailbox.posted.connect(deliver)

    def post(value: Any) -> None:
        if shiboken6.isValid(mailbox):
            mailbox.posted.emit(value)

    return post
