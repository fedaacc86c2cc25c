"""The archive's integrity check, on a worker and a connection of its own.

A large archive (over :data:`~readout_desk.archive.CHECK_ON_OPEN_MAX_BYTES`) opens after a
structural check bounded in time; the rest, SQLite's ``integrity_check`` and the
full-text index's own check, runs here a few seconds after the window opens, and Tools ▸
Check Archive runs the same. It never goes through the window's search pool: it has a
thread of its own and a connection of its own, which it interrupts

- when the window closes, so closing never waits for it;
- when the program is about to save: the full-text check holds the archive's write lock
  while it reads, so it gives way and starts again a minute later.

Damage it finds is said in the window's banner with the latest good backup, as a damaged
archive found on opening is.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

from readout_desk.archive import (
    CHECK_ON_OPEN_MAX_BYTES,
    Archive,
    ArchiveError,
    Damage,
    default_backup_dir,
    latest_good_backup,
)
from readout_desk.ui.tasks import TaskHandle, TaskRunner

if TYPE_CHECKING:
    from readout_desk.ui.main_window import MainWindow

#: When a large archive (checked only in part before opening) is checked in the background.
BACKGROUND_CHECK_DELAY_MS = 5_000
#: When a check that gave way to a save starts again.
AGAIN_AFTER_MS = 60_000
#: How long closing the window waits for the check to stop after interrupting it.
STOP_WAIT_MS = 200

Done = Callable[[list[str]], None]


class ArchiveCheck(QObject):
    """Runs the window's integrity checks; one at a time, interrupted on closing."""

    gaveWay = Signal()  # noqa: N815 - a check stopped for a save; it runs again later

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("archiveCheck")
        self.main_window = window
        self.archive = window.archive
        self.runner = TaskRunner(self, max_threads=1)
        self._task: TaskHandle | None = None
        self._done: tuple[Done, Callable[[BaseException], None] | None] | None = None
        self._connection: Archive | None = None
        self._lock = threading.Lock()
        self.again = QTimer(self)
        self.again.setSingleShot(True)
        self.again.timeout.connect(self._run_again)
        self.gaveWay.connect(lambda: self.again.start(AGAIN_AFTER_MS))
        window.installEventFilter(self)
        if self.archive.path is not None and self.archive.before_write is None:
            self.archive.before_write = self._give_way
        if self.large():
            self.again.start(BACKGROUND_CHECK_DELAY_MS)
            self._done = (self._report_damage, None)

    def large(self) -> bool:
        """Whether the archive was checked only in part on opening (and can be written)."""
        path = self.archive.path
        return (path is not None and not self.archive.read_only and path.exists()
                and path.stat().st_size > CHECK_ON_OPEN_MAX_BYTES)

    def busy(self) -> bool:
        """Whether a check is running or waiting to run again."""
        return self.runner.busy() or self.again.isActive()

    def run(self, on_done: Done, on_error: Callable[[BaseException], None] | None = None
            ) -> None:
        """Check the whole archive; ``on_done(problems)`` on the UI thread (empty: sound)."""
        if self.runner.closed:
            return
        if self._task is not None:
            self._task.cancel()  # the newer question replaces the one still running
        self.again.stop()
        self._done = (on_done, on_error)
        self._task = self.runner.run(self._check, on_done, on_error,
                                     interrupt=self._interrupt)

    def _run_again(self) -> None:
        if self._done is not None:
            self.run(*self._done)

    def _check(self) -> list[str]:
        return self._reader().integrity_problems()

    def _reader(self) -> Archive:
        """The check's own connection (the archive's own when it is in memory)."""
        with self._lock:
            if self._connection is None:
                self._connection = self.archive
                if self.archive.path is not None:
                    self._connection = Archive.open(self.archive.location,
                                                    read_only=self.archive.read_only)
            return self._connection

    def _interrupt(self) -> None:
        connection = self._connection
        if connection is not None and connection is not self.archive:
            connection.interrupt()

    def _give_way(self) -> None:
        """A change is about to wait for the write lock (any thread): stop the check."""
        task = self._task
        if task is not None and self.runner.busy() and not task.cancelled():
            task.cancel()
            self.gaveWay.emit()

    def _report_damage(self, problems: list[str]) -> None:
        path = self.archive.path
        if not problems or path is None:
            return
        good = latest_good_backup(default_backup_dir(path))
        damage = Damage(path, tuple(problems), good, ())
        self.main_window.show_problem(self.tr("{damage} Restore a backup from File > Backups "
                                              "and Restore.").format(damage=damage.message))

    def stop(self) -> None:
        """Interrupt the check and close its connection; returns within a fifth of a second."""
        self.again.stop()
        self.runner.shutdown(STOP_WAIT_MS)
        if self.archive.before_write == self._give_way:
            self.archive.before_write = None
        with self._lock:
            connection, self._connection = self._connection, None
        if connection is not None and connection is not self.archive \
                and self.runner.wait_for_done(0):
            with suppress(ArchiveError):
                connection.close()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # QObject.eventFilter
        if watched is self.main_window and event.type() == QEvent.Type.Close:
            self.stop()
        return False


def archive_check(window: MainWindow) -> ArchiveCheck:
    """The window's integrity checker (made on first use; a large archive's background
    check starts a few seconds after that)."""
    found = window.findChild(ArchiveCheck, "archiveCheck")
    return found if isinstance(found, ArchiveCheck) else ArchiveCheck(window)
