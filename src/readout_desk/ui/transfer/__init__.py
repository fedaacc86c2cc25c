"""Import, export, backups, the trash and the review queue, in the main window.

``install(window)`` adds:

- File: Import… (Ctrl+Shift+I), Review Drafts…, Export… (Ctrl+Shift+E), Back Up Now,
  Backups and Restore…
- Edit: Move to Trash (Delete), Undo Move to Trash (Ctrl+Z), Trash… (Ctrl+Shift+T)
- Tools: Check Archive, Backup Settings…

One module per concern: :mod:`.importing`, :mod:`.exporting`, :mod:`.trash`,
:mod:`.backups` (with the schedule), :mod:`.drafts` (the review queue) and
:mod:`.recovery` (start-up recovery and the archive check). Long work runs off the UI
thread through :mod:`readout_desk.ui.tasks`, with a progress bar and a cancel button
where it can be cancelled (:mod:`.shared`).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog

from readout_desk.ui import parts
from readout_desk.ui.archive_check import archive_check
from readout_desk.ui.language import translate
from readout_desk.ui.transfer.backups import (
    BackupScheduler,
    BackupsDialog,
    BackupSettingsDialog,
    back_up_now,
)
from readout_desk.ui.transfer.recovery import (
    check_archive,
    open_archive_with_recovery,
    startup_message,
)

if TYPE_CHECKING:
    from readout_desk.ui.main_window import MainWindow
    from readout_desk.ui.transfer.drafts import DraftsDialog
    from readout_desk.ui.transfer.exporting import ExportDialog
    from readout_desk.ui.transfer.importing import ImportDialog
    from readout_desk.ui.transfer.trash import TrashDialog, move_to_trash

#: The dialogs, loaded on first use: start-up needs only the recovery from this package
#: (the drafts' review loads extraction, import and export load the exchange formats).
_LAZY = {"DraftsDialog": "drafts", "ExportDialog": "exporting", "ImportDialog": "importing",
         "TrashDialog": "trash", "move_to_trash": "trash"}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        module = importlib.import_module(f"{__name__}.{_LAZY[name]}")
        return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "BackupsDialog",
    "DraftsDialog",
    "ExportDialog",
    "ImportDialog",
    "TrashDialog",
    "install",
    "move_to_trash",
    "open_archive_with_recovery",
    "startup_message",
]


def _action(window: MainWindow, text: str, name: str, tip: str, slot: Callable[[], object],
            shortcut: QKeySequence | None = None) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    action.setToolTip(tip)
    action.setStatusTip(tip)
    if shortcut is not None:
        action.setShortcut(shortcut)
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)
    return action


def _opener(window: MainWindow, dialog: Callable[[MainWindow], QDialog]) -> Callable[[], None]:
    """A slot that opens a new ``dialog(window)``, deleted when it closes."""

    def open_dialog() -> None:
        shown = dialog(window)
        shown.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        shown.show()
        shown.raise_()

    return open_dialog


def _add_file_actions(window: MainWindow) -> None:
    from readout_desk.ui.transfer.drafts import DraftsDialog, update_drafts_action
    from readout_desk.ui.transfer.exporting import ExportDialog
    from readout_desk.ui.transfer.importing import ImportDialog

    file_menu = window.menu("File")
    anchor = next((a for a in file_menu.actions() if a.objectName() == "actionQuit"), None)
    import_action = _action(window, translate("Transfer", "&Import…"), "actionImport",
                            translate("Transfer", "Import readouts from JSON, CSV, text or HTML "
                                                  "files"),
                            _opener(window, ImportDialog), QKeySequence("Ctrl+Shift+I"))
    import_action.setEnabled(not window.archive.read_only)
    drafts_action = _action(window, translate("Transfer", "Review &Drafts…"), "actionReviewDrafts",
                            translate("Transfer", "Drafts extracted from imported text files, "
                                                  "waiting for review"),
                            _opener(window, DraftsDialog))
    export_action = _action(window, translate("Transfer", "&Export…"), "actionExport",
                            translate("Transfer", "Export the archive, the current search or the "
                                                  "selection"),
                            _opener(window, ExportDialog), QKeySequence("Ctrl+Shift+E"))
    backup_action = _action(window, translate("Transfer", "&Back Up Now"), "actionBackUpNow",
                            translate("Transfer", "Copy the archive and its photos into a new "
                                                  "backup"),
                            lambda: back_up_now(window))
    backup_action.setEnabled(window.archive.path is not None)
    backups = _action(window, translate("Transfer", "Backups and &Restore…"), "actionBackups",
                      translate("Transfer", "See the backups, preview one and restore it"),
                      _opener(window, BackupsDialog))
    for group in ((import_action, drafts_action, export_action), (backup_action, backups)):
        parts.insert_group(file_menu, group, anchor)
    update_drafts_action(window)


def install(window: MainWindow) -> None:
    """Add import, export, backups, the trash, drafts and the archive check to the window."""
    from readout_desk.ui.transfer.trash import (
        TrashDialog,
        TrashUndo,
        hint_at_the_trash,
        move_to_trash,
    )

    _add_file_actions(window)

    # Delete acts on the results table only: in the search field it must delete text.
    trash_action = QAction(translate("Transfer", "Move to &Trash"), window)
    trash_action.setObjectName("actionMoveToTrash")
    trash_action.setToolTip(translate("Transfer",
            "Move the selected readouts to the trash (Delete)"))
    trash_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
    trash_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    trash_action.triggered.connect(lambda _checked=False: move_to_trash(window))
    trash_action.setEnabled(not window.archive.read_only)
    window.results.addAction(trash_action)
    browse_trash = _action(window, translate("Transfer", "T&rash…"), "actionTrash",
                           translate("Transfer", "Readouts moved to the trash: restore them or "
                                                 "delete them for good"),
                           _opener(window, TrashDialog), QKeySequence("Ctrl+Shift+T"))
    undo_trash = TrashUndo(window)
    window.addAction(undo_trash)
    window.searchFinished.connect(lambda total: hint_at_the_trash(window, total))
    edit = window.menu("Edit")
    edit.addSeparator()
    edit.addAction(trash_action)
    edit.addAction(undo_trash)
    edit.addAction(browse_trash)

    tools = window.menu("Tools")
    tools.addAction(_action(window, translate("Transfer", "&Check Archive"), "actionCheckArchive",
                            translate("Transfer", "Check the archive file for damage"),
                                    lambda: check_archive(window)))
    tools.addAction(_action(window, translate("Transfer", "Backup &Settings…"),
            "actionBackupSettings",
                            translate("Transfer",
                                    "How often backups are made and how many are kept"),
                            _opener(window, BackupSettingsDialog)))
    BackupScheduler(window)
    archive_check(window)  # a large archive's check, a few seconds from now
