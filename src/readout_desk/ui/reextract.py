"""Read a kept source again: the fields a newer extractor reads differently, side by side,
each taken or left by the person (nothing changes without their choice).

The reading runs off the UI thread; the dialog lists field, stored value and new value,
each row with a box to take the new value; Take Chosen saves the readout once.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from readout_desk import paths
from readout_desk.archive import ArchiveError
from readout_desk.domain.records import Readout
from readout_desk.domain.sources import FieldChange, accept_changes, field_changes
from readout_desk.domain.sources import reread as read_again
from readout_desk.domain.validation import InvalidReadoutError
from readout_desk.ui import parts
from readout_desk.ui.messages import error_text
from readout_desk.ui.tasks import run_in_background

if TYPE_CHECKING:
    from readout_desk.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class ReextractDialog(QDialog):
    """The fields a new reading gives differently; tick those to take."""

    def __init__(self, stored: Readout, fresh: Readout, changes: list[FieldChange],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        parts.frame_dialog(self, "reextractDialog", self.tr("Read the Source Again"),
                           self.tr("Differences of the new reading"), (820, 420))
        self.stored, self.fresh, self.changes = stored, fresh, changes
        layout = QVBoxLayout(self)
        layout.addWidget(parts.note(self.tr(
            "This version reads these fields differently from what is stored. Tick the new "
            "values to take; the others stay as they are."), self))
        self.table = QTableWidget(len(changes), 3, self)
        self.table.setObjectName("reextractTable")
        self.table.setAccessibleName(self.tr("Fields read differently"))
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Stored"),
                                              self.tr("New reading (tick to take)")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        for row, change in enumerate(changes):
            self.table.setItem(row, 0, QTableWidgetItem(change.label))
            self.table.setItem(row, 1, QTableWidgetItem(change.stored or "(empty)"))
            new = QTableWidgetItem(change.new or "(empty)")
            new.setFlags(new.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            new.setCheckState(Qt.CheckState.Unchecked)
            self.table.setItem(row, 2, new)
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(self)
        self.take_button = buttons.addButton(self.tr("&Take Chosen"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.take_button.setObjectName("takeChosenButton")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        item = self.table.item(row, column)
        assert item is not None  # every cell is filled when the dialog is made
        return item

    def rows(self) -> list[tuple[str, str, str]]:
        """Each row as shown: field, stored value, new value."""
        return [(self._cell(r, 0).text(), self._cell(r, 1).text(), self._cell(r, 2).text())
                for r in range(self.table.rowCount())]

    def chosen(self) -> set[str]:
        """The keys of the fields whose new value is ticked."""
        return {change.key for row, change in enumerate(self.changes)
                if self._cell(row, 2).checkState() == Qt.CheckState.Checked}

    def result_readout(self) -> Readout:
        """The stored readout with the chosen fields (and the new reading's marks)."""
        return accept_changes(self.stored, self.fresh, self.chosen())


def reread(window: MainWindow, stored: Readout) -> None:
    """Read ``stored``'s source again off the UI thread, then show what differs."""
    topics, kinds = paths.topic_file(), paths.kind_file()
    window.statusBar().showMessage(
        QCoreApplication.translate("Reextract", "Reading the source again…"))

    def work() -> Readout:
        return read_again(stored, topic_file=topics, kind_file=kinds)

    def done(fresh: Readout) -> None:
        window.statusBar().clearMessage()
        changes = field_changes(stored, fresh)
        if not changes:
            window.statusBar().showMessage(
                QCoreApplication.translate("Reextract", "The source reads the same as what "
                                           "is stored: nothing to compare."), 8000)
            return
        dialog = ReextractDialog(stored, fresh, changes, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.accepted.connect(lambda: _save(window, dialog))
        dialog.open()

    def failed(exc: BaseException) -> None:
        window.statusBar().clearMessage()
        if not isinstance(exc, ValueError | OSError):
            log.exception("reading a source again failed", exc_info=exc)
        window.show_problem(QCoreApplication.translate(
            "Reextract", "The source could not be read again: {exc}").format(exc=error_text(exc)))

    run_in_background(window, work, done, failed)


def _save(window: MainWindow, dialog: ReextractDialog) -> None:
    if not dialog.chosen():
        return
    try:
        saved = window.archive.update(dialog.result_readout())
    except (ArchiveError, InvalidReadoutError) as exc:
        box = QMessageBox(QMessageBox.Icon.Warning,
                          QCoreApplication.translate("Reextract", "Read the Source Again"),
                          QCoreApplication.translate(
                              "Reextract", "The new values were not saved: {exc}").format(
                                  exc=exc),
                          QMessageBox.StandardButton.Ok, window)
        box.setObjectName("reextractError")
        box.open()
        return
    window.refresh(saved.id)
    window.statusBar().showMessage(QCoreApplication.translate(
        "Reextract", "Saved the chosen fields of the new reading."), 8000)
