"""The trash: moving readouts there from the results, and the dialog to restore or purge.

Every archive call runs off the UI thread; the dialog shows the trash once it is read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from readout_desk.domain import timing
from readout_desk.domain.records import SearchHit
from readout_desk.ui import parts
from readout_desk.ui.language import translate
from readout_desk.ui.messages import error_text
from readout_desk.ui.transfer.shared import button_row

if TYPE_CHECKING:
    from readout_desk.ui.main_window import MainWindow


def move_to_trash(window: MainWindow) -> list[int]:
    """Move the selected readouts to the trash (in the background); returns their ids."""
    ids = window.selected_readout_ids()
    if not ids:
        current = window.current_readout_id()
        ids = [current] if current is not None else []
    if not ids:
        return []
    if window.archive.read_only:
        window.show_problem(translate("Trash", "The archive is open read-only, so nothing can "
                                      "be moved to the trash."))
        return []
    archive = window.archive

    def done(_result: None) -> None:
        n = len(ids)
        window.statusBar().showMessage(
            translate("Trash", "Moved %n readout to the trash (Ctrl+Z puts it back; Edit > "
                      "Trash lists the trash).", "", n) if n == 1 else
            translate("Trash", "Moved %n readouts to the trash (Ctrl+Z puts them back; Edit > "
                      "Trash lists the trash).", "", n), 8000)
        undo = window.findChild(TrashUndo, "trashUndo")
        if undo is not None:
            undo.remember(ids)
        window.refresh()

    window.runner.run(lambda: archive.delete_many(ids), done, window.show_problem)
    return ids


class TrashUndo(QAction):
    """Edit ▸ Undo Move to Trash (Ctrl+Z): the last readouts moved there come back."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(translate("TrashUndo", "&Undo Move to Trash"), window)
        self.window_ = window
        self.setObjectName("trashUndo")
        self.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.setToolTip(self.tr("Put back the readouts last moved to the trash (Ctrl+Z)"))
        self.setEnabled(False)
        self.triggered.connect(self.undo)
        self._ids: list[int] = []

    def remember(self, ids: list[int]) -> None:
        """``ids`` were just moved to the trash."""
        self._ids = list(ids)
        self.setEnabled(bool(ids))

    def undo(self) -> None:
        """Restore the readouts last moved to the trash, and show the first of them."""
        ids, self._ids = self._ids, []
        self.setEnabled(False)
        if not ids:
            return
        archive, window = self.window_.archive, self.window_

        def restore() -> None:
            for readout_id in ids:
                archive.restore(readout_id)

        def done(_result: None) -> None:
            n = len(ids)
            window.statusBar().showMessage(
                translate("TrashUndo", "Put back %n readout.", "", n) if n == 1
                else translate("TrashUndo", "Put back %n readouts.", "", n), 5000)
            window.refresh(select_id=ids[0])

        window.runner.run(restore, done, window.show_problem)


def hint_at_the_trash(window: MainWindow, total: int) -> None:
    """A search with no hits says so when it would find readouts in the trash."""
    query = window.current_query().strip()
    if total or not query or "in:" in query:
        return
    archive = window.archive

    def counted(in_trash: int) -> None:
        if in_trash and window.current_query().strip() == query:
            window.search_bar.set_hint(
                translate("Trash", "%n readout in the trash matches: add in:trash to see it, "
                          "or open Edit > Trash.", "", in_trash) if in_trash == 1 else
                translate("Trash", "%n readouts in the trash match: add in:trash to see them, "
                          "or open Edit > Trash.", "", in_trash))

    window.runner.run(lambda: archive.search(f"{query} in:trash", limit=1).total, counted,
                      lambda _exc: None)


class TrashDialog(QDialog):
    """The readouts in the trash: restore them, or delete them for good."""

    reloaded = Signal()  # the list shows the trash as it is now

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.main_window = window
        parts.frame_dialog(self, "trashDialog", self.tr("Trash"), size=(640, 420))
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("trashTable")
        self.table.setAccessibleName(self.tr("Readouts in the trash"))
        self.table.setHorizontalHeaderLabels([self.tr("Meeting date"), self.tr("Title"),
                                              self.tr("Moved to trash"), self.tr("Id")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.info = QLabel(self.tr("Reading the trash…"), self)
        self.info.setObjectName("trashInfo")
        self.restore_button = parts.push_button(
            self.tr("&Restore"), "trashRestore", self, self.restore_selected,
            tip=self.tr("Put the selected readouts back in the archive"))
        self.purge_button = parts.push_button(self.tr("&Delete for Good…"), "trashPurge", self,
                                              self.purge_selected)
        self.empty_button = parts.push_button(self.tr("&Empty Trash…"), "trashEmpty", self,
                                              self.empty)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.table, 1)
        layout.addLayout(button_row(self, self.restore_button, self.purge_button,
                                    self.empty_button))
        self._busy = False
        self.reload()

    def reload(self) -> None:
        """Read the trash again (in the background) and list it."""
        self._busy = True
        self._update_buttons()
        archive = self.main_window.archive

        def read() -> tuple[list[SearchHit], dict[int, dt.datetime]]:
            hits = archive.trash()
            return hits, archive.deletion_times(h.id for h in hits)

        self.main_window.runner.run(read, self._show_hits, self._failed)

    def _show_hits(self, found: tuple[list[SearchHit], dict[int, dt.datetime]]) -> None:
        hits, deleted = found
        self._busy = False
        home = self.main_window.home_zone()
        self.table.setRowCount(len(hits))
        for i, h in enumerate(hits):
            day = QTableWidgetItem(h.meeting_date.isoformat() if h.meeting_date else "")
            day.setData(Qt.ItemDataRole.UserRole, h.id)
            self.table.setItem(i, 0, day)
            self.table.setItem(i, 1, QTableWidgetItem(h.title or h.section
                                                      or self.tr("(untitled)")))
            when = deleted.get(h.id)
            self.table.setItem(i, 2, QTableWidgetItem(
                timing.format_instant(when, home) if when else ""))
            self.table.setItem(i, 3, QTableWidgetItem(str(h.id)))
        n = len(hits)
        self.info.setText((self.tr("%n readout in the trash. Searches leave them out unless you "
                                   "add in:trash or in:all.", "", n) if n == 1 else
                           self.tr("%n readouts in the trash. Searches leave them out unless "
                                   "you add in:trash or in:all.", "", n))
                          if hits else self.tr("The trash is empty."))
        self._update_buttons()
        self.reloaded.emit()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self._update_buttons()
        self.main_window.show_problem(exc)

    def titles(self) -> list[str]:
        """The titles listed, top to bottom."""
        items = (self.table.item(i, 1) for i in range(self.table.rowCount()))
        return [item.text() if item is not None else "" for item in items]

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectedItems()})
        items = (self.table.item(r, 0) for r in rows)
        return [int(item.data(Qt.ItemDataRole.UserRole)) for item in items if item is not None]

    def _update_buttons(self) -> None:
        writable = not self.main_window.archive.read_only and not self._busy
        chosen = bool(self.selected_ids())
        self.restore_button.setEnabled(writable and chosen)
        self.purge_button.setEnabled(writable and chosen)
        self.empty_button.setEnabled(writable and self.table.rowCount() > 0)

    def _change(self, work: Callable[[], object], restored_id: int | None = None,
                problem_title: str = "") -> None:
        """Run ``work`` on the archive, then list the trash again.

        With ``restored_id`` the window searches again and selects that readout.
        """
        self._busy = True
        self._update_buttons()

        def done(_result: object) -> None:
            self.reload()
            if restored_id is not None:
                self.main_window.refresh(select_id=restored_id)

        def failed(exc: BaseException) -> None:
            if problem_title:
                QMessageBox.warning(self, problem_title, error_text(exc))
            else:
                self.main_window.show_problem(exc)
            done(None)

        self.main_window.runner.run(work, done, failed)

    def restore_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        archive = self.main_window.archive

        def restore() -> None:
            for readout_id in ids:
                archive.restore(readout_id)

        self._change(restore, restored_id=ids[0], problem_title=self.tr("Restore"))

    def _confirm(self, text: str, name: str) -> bool:
        return parts.confirm(self, QMessageBox.Icon.Warning, self.tr("Delete for good"), text,
                             name, self.tr("&Delete for Good"),
                             role=QMessageBox.ButtonRole.DestructiveRole,
                             cancel_default=True)

    def purge_selected(self) -> None:
        ids = self.selected_ids()
        n = len(ids)
        if ids and self._confirm(self.tr("Delete %n readout for good? This cannot be undone "
                                         "(backups still hold them).", "", n) if n == 1 else
                                 self.tr("Delete %n readouts for good? This cannot be undone "
                                         "(backups still hold them).", "", n), "confirmPurge"):
            archive = self.main_window.archive
            self._change(lambda: archive.purge(ids))

    def empty(self) -> None:
        count = self.table.rowCount()
        if count and self._confirm(self.tr("Delete the %n readout in the trash for good? This "
                                           "cannot be undone (backups still hold them).", "",
                                           count) if count == 1 else
                                   self.tr("Delete all %n readouts in the trash for good? This "
                                           "cannot be undone (backups still hold them).", "",
                                           count),
                                   "confirmEmptyTrash"):
            self._change(self.main_window.archive.empty_trash)
