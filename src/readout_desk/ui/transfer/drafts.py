"""The review queue: drafts read from imported text files, opened in the editor or discarded."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
)

from readout_desk import paths
from readout_desk.archive import DraftQueue, QueuedDraft, queue_folder
from readout_desk.domain import render
from readout_desk.ui import parts
from readout_desk.ui.language import translate
from readout_desk.ui.transfer.shared import button_row, side_by_side

if TYPE_CHECKING:
    from readout_desk.ui.main_window import MainWindow


def draft_queue(window: MainWindow) -> DraftQueue:
    """The review queue of the window's archive."""
    return DraftQueue(queue_folder(window.archive.path, paths.data_dir()))


def update_drafts_action(window: MainWindow) -> None:
    """Show in File > Review Drafts how many drafts wait."""
    action = window.findChild(QAction, "actionReviewDrafts")
    if isinstance(action, QAction):
        count = len(draft_queue(window))
        action.setText(translate("Drafts", "Review &Drafts ({count})…").format(count=count)
                       if count else translate("Drafts", "Review &Drafts…"))


class DraftsDialog(QDialog):
    """Drafts extracted from text files: open each in the editor, or discard it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.main_window = window
        self.queue = draft_queue(window)
        parts.frame_dialog(self, "draftsDialog", self.tr("Drafts to Review"), size=(760, 480))
        self.list = QListWidget(self)
        self.list.setObjectName("draftList")
        self.list.setAccessibleName(self.tr("Drafts"))
        self.preview = parts.named(QPlainTextEdit(self), "draftPreview")
        self.preview.setReadOnly(True)
        self.review_button = parts.push_button(self.tr("&Review in Editor…"), "draftReview",
                                               self, self.review)
        self.discard_button = parts.push_button(self.tr("&Discard…"), "draftDiscard", self,
                                                self.discard)
        self.list.currentRowChanged.connect(self._show)
        layout = QVBoxLayout(self)
        layout.addLayout(side_by_side(self.list, self.preview), 1)
        layout.addLayout(button_row(self, self.review_button, self.discard_button))
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for d in self.queue.items():
            item = QListWidgetItem(d.label)
            item.setData(Qt.ItemDataRole.UserRole, d)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.preview.setPlainText(self.tr("No drafts wait for review."))
        self.review_button.setEnabled(self.list.count() > 0
                                      and not self.main_window.archive.read_only)
        self.discard_button.setEnabled(self.list.count() > 0)
        update_drafts_action(self.main_window)

    def current(self) -> QueuedDraft | None:
        if self.list.currentRow() < 0:
            return None
        found = self.list.currentItem().data(Qt.ItemDataRole.UserRole)
        return found if isinstance(found, QueuedDraft) else None

    def _show(self, _row: int) -> None:
        d = self.current()
        if d is None:
            return
        notes = "".join(self.tr("Note: {note}").format(note=n) + "\n" for n in d.notes)
        self.preview.setPlainText(notes + ("\n" if notes else "")
                                  + render.readout_text(d.readout, self.main_window.home_zone()))

    def review(self) -> None:
        d = self.current()
        if d is None:
            return
        from readout_desk.ui.editor import open_editor

        def saved(_readout: object) -> None:
            self.queue.remove(d.key)
            self.reload()

        open_editor(self.main_window, self.main_window.archive, readout=d.readout,
                    home_zone=self.main_window.home_zone(), source_text=d.source_text,
                    on_saved=saved)

    def discard(self) -> None:
        d = self.current()
        if d is None:
            return
        answer = QMessageBox.question(self, self.tr("Discard draft"),
                                      self.tr("Discard the draft from {name}?").format(
                                          name=d.source_name))
        if answer == QMessageBox.StandardButton.Yes:
            self.queue.remove(d.key)
            self.reload()
