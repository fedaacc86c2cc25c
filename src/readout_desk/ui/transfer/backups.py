"""Import, export, backups, the trash and the review queue, in the main window.

``install(window)`` adds:

- File: Import… (Ctrl+Shift+I), Review Drafts…, Export… (Ctrl+Shift+E), Back Up Now,
  Backups and Restore…
- Edit: Move to Trash (Delete), Trash… (Ctrl+Shift+T)
- Tools: Check Archive, Backup Settings…

Long work (import, export, backup, restore, check) runs off the UI thread with a
progress bar and a cancel button where it can be cancelled. Automatic backups run on a
schedule and when the window closes; how often and how many are kept are preferences.

:func:`open_archive_with_recovery` is what the application calls at start-up: a
damaged archive is reported plainly and the latest good backup offered.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from readout_desk import paths
from readout_desk.archive import ArchiveError
from readout_desk.archive import backup as bk
from readout_desk.archive.transfer import csvio
from readout_desk.archive.transfer.common import Cancelled
from readout_desk.archive.transfer.drafts import DraftQueue, QueuedDraft, queue_folder
from readout_desk.archive.transfer.exporting import export_readouts, html_document
from readout_desk.archive.transfer.importing import (
    CSV_SUFFIXES,
    ImportSummary,
    expand_paths,
    import_files,
)
from readout_desk.domain import render

if TYPE_CHECKING:
    from readout_desk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

#: Preferences (keys in the settings file) and their defaults.
KEEP_KEY, EVERY_KEY = "backup/keep", "backup/every_hours"
DEFAULT_EVERY_HOURS = 24
#: How often the schedule looks whether a backup is due.
SCHEDULE_CHECK_MS = 10 * 60 * 1000
#: Larger archives are not backed up while the window closes (it would keep it waiting).
ON_EXIT_MAX_BYTES = 256 * 1024 * 1024
#: When a large archive (not checked before opening) is checked in the background.
BACKGROUND_CHECK_DELAY_MS = 5_000

FORMAT_CHOICES: tuple[tuple[str, str, str], ...] = (
    ("json", "JSON (complete; imports back losslessly)", "json"),
    ("csv", "CSV (a row per readout, and a file with a row per session)", "csv"),
    ("md", "Markdown", "md"),
    ("html", "HTML (as in the reading pane)", "html"),
    ("pdf", "PDF (as in the reading pane)", "pdf"),
    ("ics", "iCalendar (one event per session, in its own time zone)", "ics"),
)


# ----- running work with progress ------------------------------------------------------


class ProgressWorker(QThread):
    """Runs ``work(progress, cancelled)`` in its own thread and reports back by signals."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failedWith = Signal(object)  # noqa: N815 - Qt signal naming

    def __init__(self, work: Callable[[Callable[[int, int, str], None], Callable[[], bool]],
                                      object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the work to stop at its next safe point (between files or chunks)."""
        self._cancel.set()

    def run(self) -> None:  # QThread.run
        try:
            result = self._work(self.progressed.emit, self._cancel.is_set)
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the UI
            self.failedWith.emit(exc)
        else:
            self.succeeded.emit(result)


class ProgressPanel(QWidget):
    """A progress bar with what is being done and a Cancel button."""

    cancelRequested = Signal()  # noqa: N815

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar(self)
        self.bar.setObjectName(f"{name}Progress")
        self.bar.setAccessibleName("Progress")
        self.label = QLabel(self)
        self.label.setObjectName(f"{name}ProgressLabel")
        self.cancel_button = QPushButton("&Cancel", self)
        self.cancel_button.setObjectName(f"{name}Cancel")
        self.cancel_button.setToolTip("Stop after the current file; nothing half-done is kept")
        self.cancel_button.clicked.connect(self._cancel)
        row = QHBoxLayout()
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.label)
        self.hide()

    def start(self, text: str) -> None:
        self.bar.setRange(0, 0)
        self.label.setText(text)
        self.cancel_button.setEnabled(True)
        self.show()

    def update_progress(self, done: int, total: int, label: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
        if label:
            self.label.setText(f"{min(done + 1, total)} of {total}: {label}" if total else label)

    def _cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.label.setText("Cancelling after the current step…")
        self.cancelRequested.emit()

    def finish(self) -> None:
        self.cancel_button.setEnabled(False)


# ----- import --------------------------------------------------------------------------


class CsvMappingForm(QWidget):
    """Which CSV column fills which field: a drop-down per field, guessed from the header."""

    NOT_IMPORTED = "(not imported)"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("csvMapping")
        self._combos: dict[str, QComboBox] = {}
        inner = QWidget(self)
        form = QFormLayout(inner)
        for f in csvio.CSV_FIELDS:
            combo = QComboBox(inner)
            combo.setObjectName(f"csvMap_{f.name}")
            combo.setAccessibleName(f"Column for {f.label}")
            form.addRow(f"{f.label}:", combo)
            self._combos[f.name] = combo
        scroll = QScrollArea(self)
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        self.note = QLabel("CSV files: choose the column that holds each field. The same "
                           "mapping is used for every CSV file of this import.", self)
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(scroll, 1)

    def set_headers(self, headers: Sequence[str]) -> None:
        guessed = csvio.guess_mapping(headers)
        for name, combo in self._combos.items():
            combo.clear()
            combo.addItem(self.NOT_IMPORTED)
            combo.addItems(list(headers))
            if name in guessed:
                combo.setCurrentText(guessed[name])

    def mapping(self) -> dict[str, str]:
        return {name: combo.currentText() for name, combo in self._combos.items()
                if combo.currentIndex() > 0}


class ImportDialog(QDialog):
    """Choose files or a folder, map CSV columns, import with progress, read the summary."""

    finishedImport = Signal(object)  # noqa: N815 - the ImportSummary, or the exception

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("importDialog")
        self.setWindowTitle("Import Readouts")
        self.resize(680, 560)
        self.files: list[Path] = []
        self.worker: ProgressWorker | None = None
        self.summary: ImportSummary | None = None

        self.file_list = QListWidget(self)
        self.file_list.setObjectName("importFiles")
        self.file_list.setAccessibleName("Files to import")
        add_files = QPushButton("Add &Files…", self)
        add_files.setObjectName("importAddFiles")
        add_files.clicked.connect(self._choose_files)
        add_folder = QPushButton("Add F&older…", self)
        add_folder.setObjectName("importAddFolder")
        add_folder.clicked.connect(self._choose_folder)
        pick = QHBoxLayout()
        pick.addWidget(add_files)
        pick.addWidget(add_folder)
        pick.addStretch(1)
        self.mapping = CsvMappingForm(self)
        self.mapping.hide()
        self.progress = ProgressPanel("import", self)
        self.progress.cancelRequested.connect(self.cancel)
        self.summary_view = QPlainTextEdit(self)
        self.summary_view.setObjectName("importSummary")
        self.summary_view.setAccessibleName("Import summary")
        self.summary_view.setReadOnly(True)
        self.summary_view.hide()
        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton("&Import",
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importStart")
        self.import_button.setEnabled(False)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("importClose")
        self.import_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.reject)
        intro = QLabel("Readout Desk imports its JSON exports, CSV files, and .txt or .html "
                       "readouts (which become drafts to review). Each file is imported "
                       "completely or not at all; readouts already in the archive (same title, "
                       "meeting date and participants) are skipped.", self)
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(pick)
        layout.addWidget(self.file_list, 1)
        layout.addWidget(self.mapping, 2)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary_view, 1)
        layout.addWidget(self.buttons)

    def set_paths(self, items: Sequence[str | Path]) -> None:
        """Files and folders to import (folders are read for every importable file)."""
        self.files = expand_paths(items)
        self.file_list.clear()
        for f in self.files:
            self.file_list.addItem(QListWidgetItem(str(f)))
        csvs = [f for f in self.files if f.suffix.lower() in CSV_SUFFIXES]
        self.mapping.setVisible(bool(csvs))
        if csvs:
            try:
                text = csvs[0].read_text(encoding="utf-8-sig", errors="replace")
                headers, _rows = csvio.read_table(text[:65536])
            except (OSError, csvio.CsvFormatError):
                headers = []
            self.mapping.set_headers(headers)
        self.import_button.setEnabled(bool(self.files) and not self.window_.archive.read_only)

    def _choose_files(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(
            self, "Import readouts", str(Path.home()),
            "Readouts (*.json *.csv *.tsv *.txt *.html *.htm);;All files (*)")
        if chosen:
            self.set_paths([*self.files, *chosen])

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Import a folder of readouts",
                                                  str(Path.home()))
        if chosen:
            self.set_paths([*self.files, chosen])

    def start(self) -> None:
        """Import the chosen files off the UI thread."""
        if not self.files or self.worker is not None:
            return
        archive = self.window_.archive
        files = list(self.files)
        mapping = self.mapping.mapping() if self.mapping.isVisible() else None
        queue = draft_queue(self.window_)

        def work(progress: Callable[[int, int, str], None],
                 cancelled: Callable[[], bool]) -> ImportSummary:
            return import_files(archive, files, csv_mapping=mapping, draft_queue=queue,
                                progress=progress, cancelled=cancelled)

        self.import_button.setEnabled(False)
        self.summary_view.hide()
        self.progress.start(f"Importing {len(files)} file{'s' if len(files) != 1 else ''}…")
        self.worker = ProgressWorker(work, self)
        self.worker.progressed.connect(self.progress.update_progress)
        self.worker.succeeded.connect(self._done)
        self.worker.failedWith.connect(self._failed)
        self.worker.finished.connect(self.worker.deleteLater)
        self.worker.start()

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()

    def _done(self, summary: ImportSummary) -> None:
        self.worker = None
        self.summary = summary
        self.progress.finish()
        self.progress.bar.setValue(self.progress.bar.maximum())
        lines = summary.lines()
        for f in summary.files:
            lines += [f"  skipped {d}" for d in f.duplicates]
        self._show_summary("\n".join(lines))
        ids = summary.imported_ids
        self.window_.refresh(select_id=ids[0] if ids else None)
        update_drafts_action(self.window_)
        self.finishedImport.emit(summary)

    def _failed(self, exc: BaseException) -> None:
        self.worker = None
        self.progress.finish()
        self._show_summary(f"The import stopped: {exc}")
        self.window_.refresh()
        self.finishedImport.emit(exc)

    def _show_summary(self, text: str) -> None:
        self.summary_view.setPlainText(text)
        self.summary_view.show()
        self.progress.label.setText("Finished.")
        self.import_button.setEnabled(bool(self.files))

    def reject(self) -> None:  # QDialog.reject
        if self.worker is not None:
            self.worker.cancel()
            self.worker.wait()
        super().reject()


# ----- export --------------------------------------------------------------------------


class ExportDialog(QDialog):
    """Choose what (archive, search, selection), the format and the file; export."""

    finishedExport = Signal(object)  # noqa: N815 - the result, or the exception

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export Readouts")
        self.resize(560, 360)
        self.worker: ProgressWorker | None = None

        self.scope_all = QRadioButton("The whole &archive", self)
        self.scope_all.setObjectName("exportScopeAll")
        query = window.current_query().strip()
        self.scope_search = QRadioButton(f"The current &search ({query or 'everything'})", self)
        self.scope_search.setObjectName("exportScopeSearch")
        selected = window.selected_readout_ids()
        self.scope_selection = QRadioButton(
            f"The &selected readouts ({len(selected)})", self)
        self.scope_selection.setObjectName("exportScopeSelection")
        self.scope_selection.setEnabled(bool(selected))
        group = QButtonGroup(self)
        for b in (self.scope_all, self.scope_search, self.scope_selection):
            group.addButton(b)
        (self.scope_selection if len(selected) > 1 else
         self.scope_search if query else self.scope_all).setChecked(True)

        self.format_box = QComboBox(self)
        self.format_box.setObjectName("exportFormat")
        self.format_box.setAccessibleName("Format")
        for key, label, _suffix in FORMAT_CHOICES:
            self.format_box.addItem(label, key)
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("exportPath")
        self.path_edit.setAccessibleName("File to write")
        self.path_edit.setText(str(Path.home() / "readouts.json"))
        browse = QPushButton("&Browse…", self)
        browse.setObjectName("exportBrowse")
        browse.clicked.connect(self._browse)
        self.format_box.currentIndexChanged.connect(self._format_changed)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        form = QFormLayout()
        form.addRow("Format:", self.format_box)
        form.addRow("File:", path_row)
        self.progress = ProgressPanel("export", self)
        self.progress.cancelRequested.connect(self.cancel)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("exportResult")
        self.result_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton("&Export",
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("exportStart")
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.connect(self.start)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Export:", self))
        layout.addWidget(self.scope_all)
        layout.addWidget(self.scope_search)
        layout.addWidget(self.scope_selection)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.result_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def fmt(self) -> str:
        return str(self.format_box.currentData())

    def _format_changed(self) -> None:
        path = Path(self.path_edit.text() or "readouts")
        self.path_edit.setText(str(path.with_suffix("." + self.fmt())))

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, "Export to", self.path_edit.text(),
                                                f"{self.fmt().upper()} (*.{self.fmt()})")
        if chosen:
            self.path_edit.setText(chosen)

    def _ids(self) -> list[int]:
        window = self.window_
        if self.scope_selection.isChecked():
            return window.selected_readout_ids()
        if self.scope_search.isChecked():
            return window.archive.search_ids(window.current_query(), sort="date",
                                             descending=False)
        return window.archive.all_ids()

    def start(self) -> None:
        """Export off the UI thread (PDF: the text is laid out on the UI thread at the end)."""
        if self.worker is not None:
            return
        text = self.path_edit.text().strip()
        if not text:
            self.result_label.setText("Choose the file to write.")
            return
        out = Path(text).expanduser()
        fmt = self.fmt()
        archive = self.window_.archive
        home = self.window_.home_zone()
        query = self.window_.current_query().strip()
        title = f"Readouts: {query}" if self.scope_search.isChecked() and query else "Readouts"
        scope_ids = self._ids() if not self.scope_all.isChecked() else None

        def work(progress: Callable[[int, int, str], None],
                 cancelled: Callable[[], bool]) -> object:
            ids = scope_ids if scope_ids is not None else archive.all_ids()
            if fmt == "pdf":
                from readout_desk.archive.transfer.exporting import iter_readouts

                readouts = list(iter_readouts(archive, ids, progress, cancelled))
                return ("pdf", html_document(readouts, home, title), len(readouts))
            return export_readouts(archive, ids, fmt, out, home_zone=home, title=title,
                                   progress=progress, cancelled=cancelled)

        self.export_button.setEnabled(False)
        self.result_label.clear()
        self.progress.start("Exporting…")
        self.worker = ProgressWorker(work, self)
        self.worker.progressed.connect(self.progress.update_progress)
        self.worker.succeeded.connect(lambda result: self._done(result, out, title))
        self.worker.failedWith.connect(self._failed)
        self.worker.finished.connect(self.worker.deleteLater)
        self.worker.start()

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()

    def _done(self, result: Any, out: Path, title: str) -> None:
        self.worker = None
        self.progress.finish()
        try:
            if isinstance(result, tuple) and result[0] == "pdf":
                from readout_desk.ui.pdf_export import write_pdf

                write_pdf(result[1], out, title=title)
                text = f"Exported {result[2]} readouts to {out}."
            else:
                where = " and ".join(str(p) for p in result.paths)
                text = " ".join([f"Exported {result.readouts} readouts to {where}.",
                                 *result.notes])
        except OSError as exc:
            self._failed(exc)
            return
        self.result_label.setText(text)
        self.export_button.setEnabled(True)
        self.finishedExport.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.worker = None
        self.progress.finish()
        self.result_label.setText("Export cancelled; no file was written." if isinstance(
            exc, Cancelled) else f"The export failed: {exc}")
        self.export_button.setEnabled(True)
        self.finishedExport.emit(exc)

    def reject(self) -> None:  # QDialog.reject
        if self.worker is not None:
            self.worker.cancel()
            self.worker.wait()
        super().reject()


# ----- trash ---------------------------------------------------------------------------


class TrashDialog(QDialog):
    """The readouts in the trash: restore them, or delete them for good."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("trashDialog")
        self.setWindowTitle("Trash")
        self.resize(640, 420)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("trashTable")
        self.table.setAccessibleName("Readouts in the trash")
        self.table.setHorizontalHeaderLabels(["Meeting date", "Title", "Id"])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.info = QLabel(self)
        self.info.setObjectName("trashInfo")
        self.restore_button = QPushButton("&Restore", self)
        self.restore_button.setObjectName("trashRestore")
        self.restore_button.setToolTip("Put the selected readouts back in the archive")
        self.purge_button = QPushButton("&Delete for Good…", self)
        self.purge_button.setObjectName("trashPurge")
        self.empty_button = QPushButton("&Empty Trash…", self)
        self.empty_button.setObjectName("trashEmpty")
        close = QPushButton("Close", self)
        close.clicked.connect(self.accept)
        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button.clicked.connect(self.purge_selected)
        self.empty_button.clicked.connect(self.empty)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        row = QHBoxLayout()
        for b in (self.restore_button, self.purge_button, self.empty_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.reload()

    def reload(self) -> None:
        hits = self.window_.archive.trash()
        self.table.setRowCount(len(hits))
        for i, h in enumerate(hits):
            day = QTableWidgetItem(h.meeting_date.isoformat() if h.meeting_date else "")
            day.setData(Qt.ItemDataRole.UserRole, h.id)
            self.table.setItem(i, 0, day)
            self.table.setItem(i, 1, QTableWidgetItem(h.title or h.section or "(untitled)"))
            self.table.setItem(i, 2, QTableWidgetItem(str(h.id)))
        self.info.setText(f"{len(hits)} readout{'s' if len(hits) != 1 else ''} in the trash. "
                          "Searches leave them out unless you add in:trash or in:all."
                          if hits else "The trash is empty.")
        self._update_buttons()

    def titles(self) -> list[str]:
        """The titles listed, top to bottom."""
        items = (self.table.item(i, 1) for i in range(self.table.rowCount()))
        return [item.text() if item is not None else "" for item in items]

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectedItems()})
        items = (self.table.item(r, 0) for r in rows)
        return [int(item.data(Qt.ItemDataRole.UserRole)) for item in items if item is not None]

    def _update_buttons(self) -> None:
        writable = not self.window_.archive.read_only
        chosen = bool(self.selected_ids())
        self.restore_button.setEnabled(writable and chosen)
        self.purge_button.setEnabled(writable and chosen)
        self.empty_button.setEnabled(writable and self.table.rowCount() > 0)

    def restore_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        try:
            for readout_id in ids:
                self.window_.archive.restore(readout_id)
        except ArchiveError as exc:
            QMessageBox.warning(self, "Restore", str(exc))
        self.reload()
        self.window_.refresh(select_id=ids[0])

    def _confirm(self, text: str, name: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, "Delete for good", text,
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName(name)
        yes = box.addButton("&Delete for Good", QMessageBox.ButtonRole.DestructiveRole)
        yes.setObjectName(f"{name}Yes")
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is yes

    def purge_selected(self) -> None:
        ids = self.selected_ids()
        if ids and self._confirm(f"Delete {len(ids)} readout{'s' if len(ids) != 1 else ''} "
                                 "for good? This cannot be undone (backups still hold them).",
                                 "confirmPurge"):
            self.window_.archive.purge(ids)
            self.reload()

    def empty(self) -> None:
        count = self.table.rowCount()
        if count and self._confirm(f"Delete all {count} readout{'s' if count != 1 else ''} "
                                   "in the trash for good? This cannot be undone (backups "
                                   "still hold them).", "confirmEmptyTrash"):
            self.window_.archive.empty_trash()
            self.reload()


# ----- backups -------------------------------------------------------------------------


def backup_folder(window: MainWindow) -> Path | None:
    path = window.archive.path
    return bk.default_backup_dir(path) if path is not None else None


def backup_keep(window: MainWindow) -> int:
    try:
        return max(1, int(window.settings.text(KEEP_KEY, str(bk.DEFAULT_KEEP))))
    except ValueError:
        return bk.DEFAULT_KEEP


def backup_every(window: MainWindow) -> dt.timedelta:
    try:
        hours = max(1, int(window.settings.text(EVERY_KEY, str(DEFAULT_EVERY_HOURS))))
    except ValueError:
        hours = DEFAULT_EVERY_HOURS
    return dt.timedelta(hours=hours)


class BackupsDialog(QDialog):
    """The archive's backups: make one now, preview one, restore it."""

    restored = Signal(object)  # the safety backup taken before the restore

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("backupsDialog")
        self.setWindowTitle("Backups")
        self.resize(760, 460)
        self.folder = backup_folder(window)
        self.list = QListWidget(self)
        self.list.setObjectName("backupList")
        self.list.setAccessibleName("Backups")
        self.preview = QPlainTextEdit(self)
        self.preview.setObjectName("backupPreview")
        self.preview.setAccessibleName("What the backup holds")
        self.preview.setReadOnly(True)
        self.status = QLabel(self)
        self.status.setObjectName("backupStatus")
        self.status.setWordWrap(True)
        self.backup_button = QPushButton("&Back Up Now", self)
        self.backup_button.setObjectName("backupNow")
        self.restore_button = QPushButton("&Restore This Backup…", self)
        self.restore_button.setObjectName("backupRestore")
        self.restore_button.setEnabled(False)
        close = QPushButton("Close", self)
        close.clicked.connect(self.accept)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_chosen)
        self.list.currentRowChanged.connect(self._show_preview)
        self._previews: dict[str, bk.BackupPreview] = {}
        self._busy = False
        lists = QHBoxLayout()
        lists.addWidget(self.list, 1)
        lists.addWidget(self.preview, 1)
        row = QHBoxLayout()
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        where = QLabel(f"Backups are kept in {self.folder}." if self.folder else
                       "This archive is kept only in memory and has no backups.", self)
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(where)
        layout.addLayout(lists, 1)
        layout.addWidget(self.status)
        layout.addLayout(row)
        self.backup_button.setEnabled(self.folder is not None)
        self.reload()

    def backups(self) -> list[bk.BackupInfo]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.list.count())]

    def reload(self) -> None:
        self.list.clear()
        found = bk.list_backups(self.folder) if self.folder else []
        for info in found:
            item = QListWidgetItem(info.label)
            item.setData(Qt.ItemDataRole.UserRole, info)
            self.list.addItem(item)
        if not found:
            self.preview.setPlainText("No backups yet.")

    def _run(self, text: str, work: Callable[[], object],
             done: Callable[[Any], None]) -> None:
        self._busy = True
        self.status.setText(text)
        for b in (self.backup_button, self.restore_button):
            b.setEnabled(False)

        def finished(result: object) -> None:
            self._busy = False
            self.backup_button.setEnabled(self.folder is not None)
            self.restore_button.setEnabled(self.list.currentRow() >= 0
                                           and not self.window_.archive.read_only)
            done(result)

        def failed(exc: BaseException) -> None:
            finished(None)
            self.status.setText(str(exc))

        self.window_.runner.run(work, finished, failed)

    def back_up_now(self) -> None:
        archive = self.window_.archive

        def done(info: bk.BackupInfo | None) -> None:
            if info is not None:
                self.status.setText(f"Backed up: {info.label}.")
                self.reload()
                self.list.setCurrentRow(0)

        self._run("Backing up…", lambda: bk.create_backup(archive, kind=bk.MANUAL), done)

    def _show_preview(self, row: int) -> None:
        if row < 0:
            self.restore_button.setEnabled(False)
            return
        info: bk.BackupInfo = self.list.item(row).data(Qt.ItemDataRole.UserRole)
        key = str(info.path)
        if key in self._previews:
            self._preview_ready(self._previews[key])
            return
        self.preview.setPlainText("Reading the backup…")

        def done(preview: bk.BackupPreview | None) -> None:
            if preview is not None:
                self._previews[key] = preview
                current = self.list.currentItem()
                if current is not None and current.data(Qt.ItemDataRole.UserRole) == info:
                    self._preview_ready(preview)

        self._run("", lambda: bk.preview_backup(info.path), done)

    def _preview_ready(self, preview: bk.BackupPreview) -> None:
        self.preview.setPlainText("\n".join(preview.lines()))
        self.restore_button.setEnabled(preview.sound and not self._busy
                                       and not self.window_.archive.read_only)

    def restore_chosen(self) -> None:
        if self.list.currentRow() < 0:
            return
        item = self.list.currentItem()
        info: bk.BackupInfo = item.data(Qt.ItemDataRole.UserRole)
        box = QMessageBox(QMessageBox.Icon.Question, "Restore backup",
                          f"Replace everything in the archive with the backup of "
                          f"{info.created:%Y-%m-%d %H:%M} UTC ({info.readouts:,} readouts)?\n\n"
                          "The archive as it is now is backed up first, so this can be undone.",
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("confirmRestore")
        yes = box.addButton("&Restore", QMessageBox.ButtonRole.AcceptRole)
        yes.setObjectName("confirmRestoreYes")
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not yes:
            return
        archive = self.window_.archive

        def done(safety: bk.BackupInfo | None) -> None:
            if safety is None:
                return
            self.status.setText(f"Restored the backup of {info.created:%Y-%m-%d %H:%M} UTC. "
                                f"The previous state was kept as a backup ({safety.label}).")
            self.reload()
            self.window_.refresh()
            self.restored.emit(safety)

        self._run("Restoring…", lambda: bk.restore_backup(archive, info), done)


class BackupSettingsDialog(QDialog):
    """How often automatic backups are made and how many are kept."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("backupSettingsDialog")
        self.setWindowTitle("Backup Settings")
        self.every = QSpinBox(self)
        self.every.setObjectName("backupEveryHours")
        self.every.setRange(1, 24 * 30)
        self.every.setSuffix(" hours")
        self.every.setValue(int(backup_every(window).total_seconds() // 3600))
        self.keep = QSpinBox(self)
        self.keep.setObjectName("backupKeep")
        self.keep.setRange(1, 500)
        self.keep.setValue(backup_keep(window))
        form = QFormLayout(self)
        form.addRow("Back up automatically every:", self.every)
        form.addRow("Automatic backups to keep:", self.keep)
        note = QLabel("A backup is also made when Readout Desk closes, if the last one is "
                      "older than an hour. Backups made by hand are kept until you delete "
                      "them.", self)
        note.setWordWrap(True)
        form.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:  # QDialog.accept
        self.window_.settings.set_text(EVERY_KEY, str(self.every.value()))
        self.window_.settings.set_text(KEEP_KEY, str(self.keep.value()))
        self.window_.settings.sync()
        super().accept()


class BackupScheduler(QObject):
    """Makes automatic backups: when one is due, and when the window closes."""

    backedUp = Signal(object)  # noqa: N815

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("backupScheduler")
        self.window_ = window
        self.timer = QTimer(self)
        self.timer.setInterval(SCHEDULE_CHECK_MS)
        self.timer.timeout.connect(self.check)
        self._running = False
        window.installEventFilter(self)
        if backup_folder(window) is not None and not window.archive.read_only:
            self.timer.start()
            QTimer.singleShot(30_000, self.check)
        if backup_folder(window) is not None:
            QTimer.singleShot(BACKGROUND_CHECK_DELAY_MS, self.check_large_archive)

    def check_large_archive(self) -> None:
        """Check an archive too large to check before opening, in the background."""
        path = self.window_.archive.path
        if path is None or not path.exists() \
                or path.stat().st_size <= bk.CHECK_ON_OPEN_MAX_BYTES:
            return
        folder = backup_folder(self.window_)

        def done(problems: list[str]) -> None:
            if problems:
                good = bk.latest_good_backup(folder) if folder else None
                damage = bk.Damage(path, tuple(problems), good, ())
                self.window_.show_problem(damage.message + " Restore a backup from File > "
                                          "Backups and Restore.")

        self.window_.runner.run(lambda: bk.file_problems(path), done)

    def check(self) -> None:
        """Start a scheduled backup in the background if one is due."""
        folder = backup_folder(self.window_)
        if folder is None or self._running or self.window_.archive.read_only:
            return
        archive, keep, every = self.window_.archive, backup_keep(self.window_), \
            backup_every(self.window_)

        def work() -> bk.BackupInfo | None:
            path = archive.path
            if path is None or not bk.backup_due(folder, every) \
                    or not bk.changed_since_backup(path, folder):
                return None
            return bk.create_backup(archive, folder=folder, kind=bk.SCHEDULED, keep=keep)

        def done(info: bk.BackupInfo | None) -> None:
            self._running = False
            if info is not None:
                self.backedUp.emit(info)

        def failed(exc: BaseException) -> None:
            self._running = False
            self.window_.show_problem(f"The scheduled backup failed: {exc}")

        self._running = True
        self.window_.runner.run(work, done, failed)

    def back_up_on_exit(self) -> bk.BackupInfo | None:
        """A backup as the window closes, unless a recent one exists (runs in place)."""
        folder = backup_folder(self.window_)
        archive = self.window_.archive
        if folder is None or archive.read_only or archive.path is None:
            return None
        try:
            # Closing must stay quick: a large archive is left to the scheduled backups
            # (made in the background), and an unchanged one needs no new copy.
            if archive.path.stat().st_size > ON_EXIT_MAX_BYTES \
                    or not bk.backup_due(folder, dt.timedelta(hours=1)) \
                    or not bk.changed_since_backup(archive.path, folder):
                return None
            return bk.create_backup(archive, folder=folder, kind=bk.ON_EXIT,
                                    keep=backup_keep(self.window_))
        except (ArchiveError, OSError) as exc:
            log.warning("backup on exit failed: %s", exc)
            return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # QObject.eventFilter
        if watched is self.window_ and event.type() == QEvent.Type.Close:
            self.timer.stop()
            self.back_up_on_exit()
        return False


# ----- drafts --------------------------------------------------------------------------


def draft_queue(window: MainWindow) -> DraftQueue:
    """The review queue of the window's archive."""
    return DraftQueue(queue_folder(window.archive.path, paths.data_dir()))


def update_drafts_action(window: MainWindow) -> None:
    action = window.findChild(QAction, "actionReviewDrafts")
    if isinstance(action, QAction):
        count = len(draft_queue(window))
        action.setText(f"Review &Drafts ({count})…" if count else "Review &Drafts…")


class DraftsDialog(QDialog):
    """Drafts extracted from text files: open each in the editor, or discard it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.queue = draft_queue(window)
        self.setObjectName("draftsDialog")
        self.setWindowTitle("Drafts to Review")
        self.resize(760, 480)
        self.list = QListWidget(self)
        self.list.setObjectName("draftList")
        self.list.setAccessibleName("Drafts")
        self.preview = QPlainTextEdit(self)
        self.preview.setObjectName("draftPreview")
        self.preview.setReadOnly(True)
        self.review_button = QPushButton("&Review in Editor…", self)
        self.review_button.setObjectName("draftReview")
        self.discard_button = QPushButton("&Discard…", self)
        self.discard_button.setObjectName("draftDiscard")
        close = QPushButton("Close", self)
        close.clicked.connect(self.accept)
        self.review_button.clicked.connect(self.review)
        self.discard_button.clicked.connect(self.discard)
        self.list.currentRowChanged.connect(self._show)
        lists = QHBoxLayout()
        lists.addWidget(self.list, 1)
        lists.addWidget(self.preview, 1)
        row = QHBoxLayout()
        row.addWidget(self.review_button)
        row.addWidget(self.discard_button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(lists, 1)
        layout.addLayout(row)
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
            self.preview.setPlainText("No drafts wait for review.")
        self.review_button.setEnabled(self.list.count() > 0
                                      and not self.window_.archive.read_only)
        self.discard_button.setEnabled(self.list.count() > 0)
        update_drafts_action(self.window_)

    def current(self) -> QueuedDraft | None:
        if self.list.currentRow() < 0:
            return None
        found = self.list.currentItem().data(Qt.ItemDataRole.UserRole)
        return found if isinstance(found, QueuedDraft) else None

    def _show(self, _row: int) -> None:
        d = self.current()
        if d is None:
            return
        notes = "".join(f"Note: {n}\n" for n in d.notes)
        self.preview.setPlainText(notes + ("\n" if notes else "")
                                  + render.readout_text(d.readout, self.window_.home_zone()))

    def review(self) -> None:
        d = self.current()
        if d is None:
            return
        from readout_desk.ui.editor import open_editor

        def saved(_readout: object) -> None:
            self.queue.remove(d.key)
            self.reload()

        open_editor(self.window_, self.window_.archive, readout=d.readout,
                    home_zone=self.window_.home_zone(), source_text=d.source_text,
                    on_saved=saved)

    def discard(self) -> None:
        d = self.current()
        if d is None:
            return
        answer = QMessageBox.question(self, "Discard draft",
                                      f"Discard the draft from {d.source_name}?")
        if answer == QMessageBox.StandardButton.Yes:
            self.queue.remove(d.key)
            self.reload()


# ----- the archive check ---------------------------------------------------------------


def check_archive(window: MainWindow) -> None:
    """Run the integrity check off the UI thread and say what it found."""
    archive = window.archive
    window.statusBar().showMessage("Checking the archive…")

    def done(problems: list[str]) -> None:
        window.statusBar().clearMessage()
        if not problems:
            text = "The archive passes the integrity check."
            icon = QMessageBox.Icon.Information
        else:
            folder = backup_folder(window)
            good = bk.latest_good_backup(folder) if folder else None
            text = ("The archive is damaged:\n" + "\n".join(problems[:10])
                    + (f"\n\nThe latest good backup is {good.label}; restore it from "
                       "File > Backups and Restore." if good else ""))
            icon = QMessageBox.Icon.Warning
        box = QMessageBox(icon, "Check archive", text, QMessageBox.StandardButton.Ok, window)
        box.setObjectName("checkArchiveResult")
        box.finished.connect(box.deleteLater)
        box.open()

    window.runner.run(archive.integrity_problems, done)


# ----- deleting ------------------------------------------------------------------------


def move_to_trash(window: MainWindow) -> list[int]:
    """Move the selected readouts to the trash; returns their ids."""
    ids = window.selected_readout_ids()
    if not ids:
        current = window.current_readout_id()
        ids = [current] if current is not None else []
    if not ids:
        return []
    if window.archive.read_only:
        window.show_problem("The archive is open read-only, so nothing can be moved to the "
                            "trash.")
        return []
    try:
        window.archive.delete_many(ids)
    except ArchiveError as exc:
        window.show_problem(exc)
        return []
    window.statusBar().showMessage(
        f"Moved {len(ids)} readout{'s' if len(ids) != 1 else ''} to the trash "
        "(Edit > Trash to restore).", 8000)
    window.refresh()
    return ids


# ----- start-up --------------------------------------------------------------------------


def ask_about_damage(damage: bk.Damage, parent: QWidget | None = None) -> bk.Choice:
    """Tell the person the archive is damaged and ask what to do (a modal question)."""
    box = QMessageBox(QMessageBox.Icon.Critical, "The archive is damaged", damage.message,
                      QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("damagedArchiveDialog")
    restore = None
    if damage.latest_good is not None:
        restore = box.addButton("&Restore Latest Good Backup",
                                QMessageBox.ButtonRole.AcceptRole)
        restore.setObjectName("damagedRestore")
    empty = box.addButton("Start an &Empty Archive", QMessageBox.ButtonRole.DestructiveRole)
    empty.setObjectName("damagedEmpty")
    quit_button = box.addButton("&Quit", QMessageBox.ButtonRole.RejectRole)
    quit_button.setObjectName("damagedQuit")
    box.setDefaultButton(restore or quit_button)
    box.exec()
    clicked = box.clickedButton()
    if restore is not None and clicked is restore:
        return damage.latest_good
    if clicked is empty:
        return "empty"
    return None


def open_archive_with_recovery(location: str,
                               ask: Callable[[bk.Damage], bk.Choice] = ask_about_damage
                               ) -> bk.Opened:
    """Open the archive at start-up, offering the latest good backup if it is damaged.

    Raises :class:`~readout_desk.archive.ArchiveError` when it cannot be opened (or the
    person chose to quit); the message says why in one sentence. Show
    :func:`startup_message` of the result in the window's banner.
    """
    return bk.open_with_recovery(location, ask)


def startup_message(opened: bk.Opened) -> str:
    """What the banner should say after opening: a recovery, or why it is read-only."""
    if opened.damaged_copy is not None:
        what = (f"restored from the backup of {opened.restored_from.created:%Y-%m-%d %H:%M} UTC"
                if opened.restored_from else "started empty")
        return (f"The archive was damaged and has been {what}. The damaged file was kept "
                f"as {opened.damaged_copy}.")
    return opened.read_only_reason


# ----- installing ------------------------------------------------------------------------


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


def _open_dialog(window: MainWindow, dialog: QDialog) -> QDialog:
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.show()
    dialog.raise_()
    return dialog


def install(window: MainWindow) -> None:
    """Add import, export, backups, the trash, drafts and the archive check to the window."""
    read_only = window.archive.read_only
    file_menu, edit, tools = window.menu("File"), window.menu("Edit"), window.menu("Tools")
    anchor = next((a for a in file_menu.actions() if a.objectName() == "actionQuit"), None)

    def add_to_file(action: QAction) -> None:
        if anchor is not None:
            file_menu.insertAction(anchor, action)
        else:
            file_menu.addAction(action)

    import_action = _action(window, "&Import…", "actionImport",
                            "Import readouts from JSON, CSV, text or HTML files",
                            lambda: _open_dialog(window, ImportDialog(window)),
                            QKeySequence("Ctrl+Shift+I"))
    import_action.setEnabled(not read_only)
    drafts_action = _action(window, "Review &Drafts…", "actionReviewDrafts",
                            "Drafts extracted from imported text files, waiting for review",
                            lambda: _open_dialog(window, DraftsDialog(window)))
    export_action = _action(window, "&Export…", "actionExport",
                            "Export the archive, the current search or the selection",
                            lambda: _open_dialog(window, ExportDialog(window)),
                            QKeySequence("Ctrl+Shift+E"))
    backup_now = _action(window, "&Back Up Now", "actionBackUpNow",
                         "Copy the archive and its photos into a new backup",
                         lambda: _back_up_now(window))
    backups = _action(window, "Backups and &Restore…", "actionBackups",
                      "See the backups, preview one and restore it",
                      lambda: _open_dialog(window, BackupsDialog(window)))
    backup_now.setEnabled(window.archive.path is not None)
    for a in (import_action, drafts_action, export_action):
        add_to_file(a)
    if anchor is not None:
        file_menu.insertSeparator(anchor)
    for a in (backup_now, backups):
        add_to_file(a)
    if anchor is not None:
        file_menu.insertSeparator(anchor)
    update_drafts_action(window)

    # Delete acts on the results table only: in the search field it must delete text.
    trash_action = QAction("Move to &Trash", window)
    trash_action.setObjectName("actionMoveToTrash")
    trash_action.setToolTip("Move the selected readouts to the trash (Delete)")
    trash_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
    trash_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    trash_action.triggered.connect(lambda _checked=False: move_to_trash(window))
    trash_action.setEnabled(not read_only)
    window.results.addAction(trash_action)
    browse_trash = _action(window, "T&rash…", "actionTrash",
                           "Readouts moved to the trash: restore them or delete them for good",
                           lambda: _open_dialog(window, TrashDialog(window)),
                           QKeySequence("Ctrl+Shift+T"))
    edit.addSeparator()
    edit.addAction(trash_action)
    edit.addAction(browse_trash)

    tools.addAction(_action(window, "&Check Archive", "actionCheckArchive",
                            "Check the archive file for damage", lambda: check_archive(window)))
    tools.addAction(_action(window, "Backup &Settings…", "actionBackupSettings",
                            "How often backups are made and how many are kept",
                            lambda: _open_dialog(window, BackupSettingsDialog(window))))
    BackupScheduler(window)


def _back_up_now(window: MainWindow) -> None:
    archive = window.archive
    window.statusBar().showMessage("Backing up…")

    def done(info: bk.BackupInfo) -> None:
        window.statusBar().showMessage(f"Backed up to {info.path} ({info.label}).", 10_000)

    def failed(exc: BaseException) -> None:
        window.statusBar().clearMessage()
        window.show_problem(f"The backup failed: {exc}")

    window.runner.run(lambda: bk.create_backup(archive, kind=bk.MANUAL), done, failed)


__all__ = [
    "BackupsDialog",
    "ExportDialog",
    "ImportDialog",
    "TrashDialog",
    "install",
    "move_to_trash",
    "open_archive_with_recovery",
    "startup_message",
]

