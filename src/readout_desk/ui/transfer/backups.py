"""Backups: the dialog to make, preview and restore them, their settings, and the schedule.

Automatic backups run on a schedule and when the window closes; how often and how many
are kept are preferences. Making, previewing and restoring a backup run off the UI
thread through the window's :class:`~readout_desk.ui.tasks.TaskRunner`.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from readout_desk.archive import (
    BACKUP_DEFAULT_KEEP,
    BACKUP_MANUAL,
    BACKUP_ON_EXIT,
    BACKUP_SCHEDULED,
    ArchiveError,
    backup_due,
    changed_since_backup,
    create_backup,
    default_backup_dir,
    list_backups,
    preview_backup,
    restore_backup,
)
from readout_desk.ui import parts
from readout_desk.ui.language import translate
from readout_desk.ui.messages import error_text
from readout_desk.ui.transfer.shared import button_row, side_by_side

if TYPE_CHECKING:
    from readout_desk.archive import BackupInfo, BackupPreview
    from readout_desk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

#: Preferences (keys in the settings file) and their defaults.
KEEP_KEY, EVERY_KEY = "backup/keep", "backup/every_hours"
DEFAULT_EVERY_HOURS = 24
#: How often the schedule looks whether a backup is due.
SCHEDULE_CHECK_MS = 10 * 60 * 1000
#: Larger archives are not backed up while the window closes (it would keep it waiting).
ON_EXIT_MAX_BYTES = 256 * 1024 * 1024


def backup_folder(window: MainWindow) -> Path | None:
    """Where the window's archive keeps its backups (``None`` for one in memory)."""
    path = window.archive.path
    return default_backup_dir(path) if path is not None else None


def backup_keep(window: MainWindow) -> int:
    """How many automatic backups are kept (a preference)."""
    try:
        return max(1, int(window.settings.text(KEEP_KEY, str(BACKUP_DEFAULT_KEEP))))
    except ValueError:
        return BACKUP_DEFAULT_KEEP


def backup_every(window: MainWindow) -> dt.timedelta:
    """How often an automatic backup is due (a preference)."""
    try:
        hours = max(1, int(window.settings.text(EVERY_KEY, str(DEFAULT_EVERY_HOURS))))
    except ValueError:
        hours = DEFAULT_EVERY_HOURS
    return dt.timedelta(hours=hours)


def back_up_now(window: MainWindow) -> None:
    """File > Back Up Now: a manual backup in the background, reported in the status bar."""
    archive = window.archive
    window.statusBar().showMessage(translate("Backups", "Backing up…"))

    def done(info: BackupInfo) -> None:
        window.statusBar().showMessage(
            translate("Backups", "Backed up to {path} ({label}).").format(
                path=info.path, label=info.label), 10_000)

    def failed(exc: BaseException) -> None:
        window.statusBar().clearMessage()
        window.show_problem(translate("Backups", "The backup failed: {exc}").format(
            exc=error_text(exc)))

    window.runner.run(lambda: create_backup(archive, kind=BACKUP_MANUAL), done, failed)
class BackupsDialog(QDialog):
    """The archive's backups: make one now, preview one, restore it."""

    restored = Signal(object)  # the safety backup taken before the restore

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.main_window = window
        parts.frame_dialog(self, "backupsDialog", self.tr("Backups"), size=(760, 460))
        self.folder = backup_folder(window)
        self.list = QListWidget(self)
        self.list.setObjectName("backupList")
        self.list.setAccessibleName(self.tr("Backups"))
        self.preview = QPlainTextEdit(self)
        self.preview.setObjectName("backupPreview")
        self.preview.setAccessibleName(self.tr("What the backup holds"))
        self.preview.setReadOnly(True)
        self.status = parts.named(QLabel(self), "backupStatus")
        self.status.setWordWrap(True)
        self.backup_button = parts.named(QPushButton(self.tr("&Back Up Now"), self), "backupNow")
        self.restore_button = parts.named(QPushButton(self.tr("&Restore This Backup…"), self),
                                          "backupRestore")
        self.restore_button.setEnabled(False)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_chosen)
        self.list.currentRowChanged.connect(self._show_preview)
        self._previews: dict[str, BackupPreview] = {}
        self._busy = False
        layout = QVBoxLayout(self)
        where = QLabel(
            self.tr("Backups are kept in {folder}.").format(folder=self.folder) if self.folder
            else self.tr("This archive is kept only in memory and has no backups."), self)
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(where)
        layout.addLayout(side_by_side(self.list, self.preview), 1)
        layout.addWidget(self.status)
        layout.addLayout(button_row(self, self.backup_button, self.restore_button))
        self.backup_button.setEnabled(self.folder is not None)
        self.reload()

    def backups(self) -> list[BackupInfo]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.list.count())]

    def reload(self) -> None:
        self.list.clear()
        found = list_backups(self.folder) if self.folder else []
        for info in found:
            item = QListWidgetItem(info.label)
            item.setData(Qt.ItemDataRole.UserRole, info)
            self.list.addItem(item)
        if not found:
            self.preview.setPlainText(self.tr("No backups yet."))

    def _run(self, text: str, work: Callable[[Callable[[int, int], None]], object],
             done: Callable[[Any], None]) -> None:
        """Run ``work(tell)`` off the UI thread; what it tells (readouts done, in all, as
        a backup at an older schema is brought to the current one) shows in the status."""
        self._busy = True
        self.status.setText(text)
        for b in (self.backup_button, self.restore_button):
            b.setEnabled(False)

        def finished(result: object) -> None:
            self._busy = False
            self.backup_button.setEnabled(self.folder is not None)
            self.restore_button.setEnabled(self.list.currentRow() >= 0
                                           and not self.main_window.archive.read_only)
            done(result)

        def failed(exc: BaseException) -> None:
            finished(None)
            self.status.setText(error_text(exc))

        def progressed(step: int, total: int, _label: str) -> None:
            if total and self._busy:
                self.status.setText(self.tr(
                    "Bringing the backup to the current format: {done} of %n readouts…",
                    "", total).format(done=f"{step:,}"))

        self.main_window.runner.run_with_progress(
            lambda tell, _cancelled: work(lambda step, total: tell(step, total, "")),
            progressed, finished, failed)

    def back_up_now(self) -> None:
        archive = self.main_window.archive

        def done(info: BackupInfo | None) -> None:
            if info is not None:
                self.status.setText(
                    translate("Backups", "Backed up: {label}.").format(label=info.label))
                self.reload()
                self.list.setCurrentRow(0)

        self._run(self.tr("Backing up…"),
                  lambda _tell: create_backup(archive, kind=BACKUP_MANUAL), done)

    def _show_preview(self, row: int) -> None:
        if row < 0:
            self.restore_button.setEnabled(False)
            return
        info: BackupInfo = self.list.item(row).data(Qt.ItemDataRole.UserRole)
        key = str(info.path)
        if key in self._previews:
            self._preview_ready(self._previews[key])
            return
        self.preview.setPlainText(self.tr("Reading the backup…"))

        def done(preview: BackupPreview | None) -> None:
            if preview is not None:
                self._previews[key] = preview
                current = self.list.currentItem()
                if current is not None and current.data(Qt.ItemDataRole.UserRole) == info:
                    self._preview_ready(preview)

        self._run("", lambda _tell: preview_backup(info.path), done)

    def _preview_ready(self, preview: BackupPreview) -> None:
        self.preview.setPlainText("\n".join(preview.lines()))
        self.restore_button.setEnabled(preview.sound and not self._busy
                                       and not self.main_window.archive.read_only)

    def restore_chosen(self) -> None:
        if self.list.currentRow() < 0:
            return
        item = self.list.currentItem()
        info: BackupInfo = item.data(Qt.ItemDataRole.UserRole)
        if not parts.confirm(
                self, QMessageBox.Icon.Question, self.tr("Restore backup"),
                self.tr("Replace everything in the archive with the backup of {created} UTC "
                        "(%n readouts)?\n\nThe archive as it is now is backed up first, so "
                        "this can be undone.", "", info.readouts).format(
                    created=f"{info.created:%Y-%m-%d %H:%M}"),
                "confirmRestore", self.tr("&Restore")):
            return
        archive = self.main_window.archive

        def done(safety: BackupInfo | None) -> None:
            if safety is None:
                return
            self.status.setText(
                translate("Backups", "Restored the backup of {created} UTC. The previous "
                          "state was kept as a backup ({label}).").format(
                    created=f"{info.created:%Y-%m-%d %H:%M}", label=safety.label))
            self.reload()
            self.main_window.refresh()
            self.restored.emit(safety)

        self._run(self.tr("Restoring…"),
                  lambda tell: restore_backup(archive, info, progress=tell), done)


class BackupSettingsDialog(QDialog):
    """How often automatic backups are made and how many are kept."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.main_window = window
        self.setObjectName("backupSettingsDialog")
        self.setWindowTitle(self.tr("Backup Settings"))
        self.every = QSpinBox(self)
        self.every.setObjectName("backupEveryHours")
        self.every.setRange(1, 24 * 30)
        self.every.setSuffix(self.tr(" hours"))
        self.every.setValue(int(backup_every(window).total_seconds() // 3600))
        self.keep = QSpinBox(self)
        self.keep.setObjectName("backupKeep")
        self.keep.setRange(1, 500)
        self.keep.setValue(backup_keep(window))
        form = QFormLayout(self)
        form.addRow(self.tr("Back up automatically every:"), self.every)
        form.addRow(self.tr("Automatic backups to keep:"), self.keep)
        note = QLabel(self.tr("A backup is also made when Readout Desk closes, if the last one "
                              "is older than an hour. Backups made by hand are kept until you "
                              "delete them."), self)
        note.setWordWrap(True)
        form.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:  # QDialog.accept
        self.main_window.settings.set_text(EVERY_KEY, str(self.every.value()))
        self.main_window.settings.set_text(KEEP_KEY, str(self.keep.value()))
        self.main_window.settings.sync()
        super().accept()


class BackupScheduler(QObject):
    """Makes automatic backups: when one is due, and when the window closes."""

    backedUp = Signal(object)  # noqa: N815

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("backupScheduler")
        self.main_window = window
        self.timer = QTimer(self)
        self.timer.setInterval(SCHEDULE_CHECK_MS)
        self.timer.timeout.connect(self.check)
        self._running = False
        window.installEventFilter(self)
        if backup_folder(window) is not None and not window.archive.read_only:
            self.timer.start()
            QTimer.singleShot(30_000, self.check)

    def check(self) -> None:
        """Start a scheduled backup in the background if one is due."""
        folder = backup_folder(self.main_window)
        if folder is None or self._running or self.main_window.archive.read_only:
            return
        archive, keep, every = self.main_window.archive, backup_keep(self.main_window), \
            backup_every(self.main_window)

        def work() -> BackupInfo | None:
            path = archive.path
            if path is None or not backup_due(folder, every) \
                    or not changed_since_backup(path, folder, holds=archive.tally()):
                return None
            return create_backup(archive, folder=folder, kind=BACKUP_SCHEDULED, keep=keep)

        def done(info: BackupInfo | None) -> None:
            self._running = False
            if info is not None:
                self.backedUp.emit(info)

        def failed(exc: BaseException) -> None:
            self._running = False
            self.main_window.show_problem(
                translate("Backups", "The scheduled backup failed: {exc}").format(
                    exc=error_text(exc)))

        self._running = True
        self.main_window.runner.run(work, done, failed)

    def back_up_on_exit(self) -> BackupInfo | None:
        """A backup as the window closes, unless a recent one exists (runs in place)."""
        folder = backup_folder(self.main_window)
        archive = self.main_window.archive
        if folder is None or archive.read_only or archive.path is None:
            return None
        try:
            # Closing must stay quick: a large archive is left to the scheduled backups
            # (made in the background), and an unchanged one needs no new copy.
            if archive.path.stat().st_size > ON_EXIT_MAX_BYTES \
                    or not backup_due(folder, dt.timedelta(hours=1)) \
                    or not changed_since_backup(archive.path, folder, holds=archive.tally()):
                return None
            return create_backup(archive, folder=folder, kind=BACKUP_ON_EXIT,
                                    keep=backup_keep(self.main_window))
        except (ArchiveError, OSError) as exc:
            log.warning("backup on exit failed: %s", exc)
            return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # QObject.eventFilter
        if watched is self.main_window and event.type() == QEvent.Type.Close:
            self.timer.stop()
            self.back_up_on_exit()
        return False

