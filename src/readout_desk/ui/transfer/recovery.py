"""A damaged archive: recovery at start-up, and Tools > Check Archive.

:func:`open_archive_with_recovery` is what the application calls at start-up: a
damaged archive is reported plainly and the latest good backup offered.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from readout_desk.archive import (
    BackupChoice,
    Damage,
    Opened,
    latest_good_backup,
    open_with_recovery,
)
from readout_desk.ui.archive_check import archive_check
from readout_desk.ui.language import translate
from readout_desk.ui.transfer.backups import backup_folder

if TYPE_CHECKING:
    from readout_desk.ui.main_window import MainWindow


def check_archive(window: MainWindow) -> None:
    """Run the integrity check off the UI thread and say what it found."""
    window.statusBar().showMessage(translate("Recovery", "Checking the archive…"))

    def done(problems: list[str]) -> None:
        window.statusBar().clearMessage()
        if not problems:
            text = translate("Recovery", "The archive passes the integrity check.")
            icon = QMessageBox.Icon.Information
        else:
            folder = backup_folder(window)
            good = latest_good_backup(folder) if folder else None
            text = translate("Recovery", "The archive is damaged:") + "\n" + "\n".join(
                problems[:10])
            if good:
                text += "\n\n" + translate(
                    "Recovery", "The latest good backup is {label}; restore it from File > "
                    "Backups and Restore.").format(label=good.label)
            icon = QMessageBox.Icon.Warning
        box = QMessageBox(icon, translate("Recovery", "Check archive"), text,
                          QMessageBox.StandardButton.Ok, window)
        box.setObjectName("checkArchiveResult")
        box.finished.connect(box.deleteLater)
        box.open()

    def failed(exc: BaseException) -> None:
        window.statusBar().clearMessage()
        window.show_problem(exc)

    archive_check(window).run(done, failed)  # never on the search pool


def ask_about_damage(damage: Damage, parent: QWidget | None = None) -> BackupChoice:
    """Tell the person the archive is damaged and ask what to do (a modal question)."""
    title = (translate("Recovery", "Saved changes are missing") if damage.lost_changes
             else translate("Recovery", "The archive is damaged"))
    box = QMessageBox(QMessageBox.Icon.Critical, title, damage.message,
                      QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("damagedArchiveDialog")
    restore = None
    if damage.latest_good is not None:
        restore = box.addButton(translate("Recovery", "&Restore Latest Good Backup"),
                                QMessageBox.ButtonRole.AcceptRole)
        restore.setObjectName("damagedRestore")
    if damage.lost_changes:  # the file is sound: going on with it is a choice too
        empty = box.addButton(translate("Recovery", "&Keep It as It Is"),
                              QMessageBox.ButtonRole.DestructiveRole)
        empty.setObjectName("damagedKeep")
    else:
        empty = box.addButton(translate("Recovery", "Start an &Empty Archive"),
                              QMessageBox.ButtonRole.DestructiveRole)
        empty.setObjectName("damagedEmpty")
    quit_button = box.addButton(translate("Recovery", "&Quit"), QMessageBox.ButtonRole.RejectRole)
    quit_button.setObjectName("damagedQuit")
    box.setDefaultButton(restore or quit_button)
    box.exec()
    clicked = box.clickedButton()
    if restore is not None and clicked is restore:
        return damage.latest_good
    if clicked is empty:
        return "keep" if damage.lost_changes else "empty"
    return None


class IndexProgress:
    """A progress dialog for an update of the archive's format: the copy of the file kept
    from before it, then the readouts, if the update rewrites the index (it appears only
    when there is something to show)."""

    def __init__(self) -> None:
        self.dialog: QProgressDialog | None = None

    def __call__(self, done: int, total: int) -> None:
        if total <= 0:
            return
        self._show(done, total, translate(
            "IndexProgress", "Updating the archive's search index: {done} of {total} "
            "readouts…").format(done=f"{done:,}", total=f"{total:,}"))

    def copying(self, done: int, total: int) -> None:
        """The copy of the archive kept as it was before the update, as it is written."""
        if total <= 0:
            return
        if done >= total:  # the update itself, until it tells its readouts (if it does)
            self._show(0, 0, translate("IndexProgress", "Updating the archive's format…"))
            return
        self._show(done, total, translate(
            "IndexProgress", "Keeping a copy of the archive as it is before its format is "
            "updated: {percent}%…").format(percent=done * 100 // total))

    def _show(self, done: int, total: int, label: str) -> None:
        """The dialog at ``done`` of ``total`` (0 of 0: busy, with no end known)."""
        if self.dialog is None:
            self.dialog = QProgressDialog(label, "", 0, total)
            self.dialog.setObjectName("indexUpdateProgress")
            self.dialog.setWindowTitle(translate("IndexProgress", "Readout Desk"))
            self.dialog.setCancelButton(None)  # a half-updated index is not an option
            self.dialog.setMinimumDuration(0)
            self.dialog.setAutoReset(False)  # closed when the archive is open, not before
            self.dialog.setAutoClose(False)
        if self.dialog.maximum() != total:
            self.dialog.setMaximum(total)
        self.dialog.setValue(done)
        self.dialog.setLabelText(label)
        QApplication.processEvents()

    def close(self) -> None:
        if self.dialog is not None:
            self.dialog.close()


def open_archive_with_recovery(location: str,
                               ask: Callable[[Damage], BackupChoice] = ask_about_damage
                               ) -> Opened:
    """Open the archive at start-up, offering the latest good backup if it is damaged.

    An update of the file's format that rewrites the search index shows its progress.
    Raises :class:`~readout_desk.archive.ArchiveError` when it cannot be opened (or the
    person chose to quit); the message says why in one sentence. Show
    :func:`startup_message` of the result in the window's banner.
    """
    progress = IndexProgress()
    try:
        return open_with_recovery(location, ask, progress=progress)
    finally:
        progress.close()


def startup_message(opened: Opened) -> str:
    """What the banner should say after opening: a recovery, or why it is read-only."""
    if opened.damaged_copy is not None:
        if opened.restored_from:
            return translate(
                "Recovery", "The archive was damaged and has been restored from the backup of "
                "{created} UTC. The damaged file was kept as {copy}.").format(
                    created=f"{opened.restored_from.created:%Y-%m-%d %H:%M}",
                    copy=opened.damaged_copy)
        return translate("Recovery", "The archive was damaged and has been started empty. The "
                         "damaged file was kept as {copy}.").format(copy=opened.damaged_copy)
    if opened.problems:  # kept as it was, saved changes missing
        return translate("Recovery", "This archive was opened as it is, although "
                         "{problem}.").format(problem=opened.problems[0])
    return opened.read_only_reason

