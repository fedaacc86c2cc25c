"""The import dialog: files or a folder, CSV columns mapped to fields, progress, a summary."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from readout_desk.archive import (
    CSV_FIELDS,
    CSV_SUFFIXES,
    CsvFormatError,
    ImportSummary,
    expand_paths,
    guess_csv_mapping,
    import_files,
    read_csv_table,
)
from readout_desk.ui.messages import error_text, message_text
from readout_desk.ui.tasks import CancelFn, ProgressFn
from readout_desk.ui.transfer.drafts import draft_queue, update_drafts_action
from readout_desk.ui.transfer.shared import ProgressDialog

if TYPE_CHECKING:
    from readout_desk.ui.main_window import MainWindow


class CsvMappingForm(QWidget):
    """Which CSV column fills which field: a drop-down per field, guessed from the header."""

    NOT_IMPORTED = "(not imported)"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("csvMapping")
        self._combos: dict[str, QComboBox] = {}
        inner = QWidget(self)
        form = QFormLayout(inner)
        for f in CSV_FIELDS:
            combo = QComboBox(inner)
            combo.setObjectName(f"csvMap_{f.name}")
            combo.setAccessibleName(self.tr("Column for {label}").format(label=f.label))
            form.addRow(f"{f.label}:", combo)
            self._combos[f.name] = combo
        scroll = QScrollArea(self)
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        self.note = QLabel(self.tr("CSV files: choose the column that holds each field. The same "
                           "mapping is used for every CSV file of this import."), self)
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(scroll, 1)

    def set_headers(self, headers: Sequence[str]) -> None:
        guessed = guess_csv_mapping(headers)
        for name, combo in self._combos.items():
            combo.clear()
            combo.addItem(self.NOT_IMPORTED)
            combo.addItems(list(headers))
            if name in guessed:
                combo.setCurrentText(guessed[name])

    def mapping(self) -> dict[str, str]:
        return {name: combo.currentText() for name, combo in self._combos.items()
                if combo.currentIndex() > 0}


def _csv_headers(path: Path) -> list[str]:
    """The header row of a CSV file (empty when it cannot be read)."""
    try:
        text = path.read_text(encoding="utf-8-sig", errors="replace")
        headers, _rows = read_csv_table(text[:65536])
    except (OSError, CsvFormatError):
        return []
    return list(headers)


class ImportDialog(ProgressDialog):
    """Choose files or a folder, map CSV columns, import with progress, read the summary."""

    finishedImport = Signal(object)  # noqa: N815 - the ImportSummary, or the exception

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window, "import", self.tr("Import Readouts"))
        self.resize(680, 560)
        self.files: list[Path] = []
        self.summary: ImportSummary | None = None

        self.file_list = QListWidget(self)
        self.file_list.setObjectName("importFiles")
        self.file_list.setAccessibleName(self.tr("Files to import"))
        add_files = QPushButton(self.tr("Add &Files…"), self)
        add_files.setObjectName("importAddFiles")
        add_files.clicked.connect(self._choose_files)
        add_folder = QPushButton(self.tr("Add F&older…"), self)
        add_folder.setObjectName("importAddFolder")
        add_folder.clicked.connect(self._choose_folder)
        pick = QHBoxLayout()
        pick.addWidget(add_files)
        pick.addWidget(add_folder)
        pick.addStretch(1)
        self.mapping = CsvMappingForm(self)
        self.mapping.hide()
        self.summary_view = QPlainTextEdit(self)
        self.summary_view.setObjectName("importSummary")
        self.summary_view.setAccessibleName(self.tr("Import summary"))
        self.summary_view.setReadOnly(True)
        self.summary_view.hide()
        self.import_button = self.add_start_button(self.tr("&Import"), "importStart", self.start)
        self.import_button.setEnabled(False)
        self.close_button.setObjectName("importClose")
        intro = QLabel(
            self.tr("Readout Desk imports its JSON exports, CSV files, and .txt or .html "
                    "readouts (which become drafts to review). Each file is imported "
                    "completely or not at all; readouts the archive already holds (the same "
                    "record, every field alike) are skipped."), self)
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(pick)
        layout.addWidget(self.file_list, 1)
        layout.addWidget(self.mapping, 2)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary_view, 1)
        layout.addWidget(self.buttons)
        # The list stands under its buttons (it was made first): Tab reads it after them.
        QWidget.setTabOrder(add_folder, self.file_list)

    def set_paths(self, items: Sequence[str | Path]) -> None:
        """Files and folders to import (folders are read for every importable file)."""
        self.files = expand_paths(items)
        self.file_list.clear()
        for f in self.files:
            self.file_list.addItem(QListWidgetItem(str(f)))
        csvs = [f for f in self.files if f.suffix.lower() in CSV_SUFFIXES]
        self.mapping.setVisible(bool(csvs))
        if csvs:
            self.mapping.set_headers(_csv_headers(csvs[0]))
        self.import_button.setEnabled(bool(self.files)
                                      and not self.main_window.archive.read_only)

    def _choose_files(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import readouts"), str(Path.home()),
            self.tr("Readouts (*.json *.csv *.tsv *.txt *.html *.htm);;All files (*)"))
        if chosen:
            self.set_paths([*self.files, *chosen])

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Import a folder of readouts"),
                                                  str(Path.home()))
        if chosen:
            self.set_paths([*self.files, chosen])

    def start(self) -> None:
        """Import the chosen files off the UI thread."""
        if not self.files or self.busy():
            return
        archive = self.main_window.archive
        files = list(self.files)
        mapping = self.mapping.mapping() if self.mapping.isVisible() else None
        queue = draft_queue(self.main_window)

        def work(progress: ProgressFn, cancelled: CancelFn) -> ImportSummary:
            return import_files(archive, files, csv_mapping=mapping, draft_queue=queue,
                                progress=progress, cancelled=cancelled)

        self.import_button.setEnabled(False)
        self.summary_view.hide()
        n = len(files)
        self.run_task(self.tr("Importing %n file…", "", n) if n == 1
                      else self.tr("Importing %n files…", "", n), work,
                      self._done, self._failed)

    def _done(self, summary: ImportSummary) -> None:
        self.summary = summary
        self.progress.bar.setValue(self.progress.bar.maximum())
        lines = [message_text(line) for line in summary.lines()]
        for f in summary.files:
            lines += ["  " + self.tr("skipped {duplicate}").format(duplicate=d)
                      for d in f.duplicates]
        self._show_summary("\n".join(lines))
        ids = summary.imported_ids
        self.main_window.refresh(select_id=ids[0] if ids else None)
        update_drafts_action(self.main_window)
        self.finishedImport.emit(summary)

    def _failed(self, exc: BaseException) -> None:
        self._show_summary(self.tr("The import stopped: {exc}").format(exc=error_text(exc)))
        self.main_window.refresh()
        self.finishedImport.emit(exc)

    def _show_summary(self, text: str) -> None:
        self.summary_view.setPlainText(text)
        self.summary_view.show()
        self.progress.label.setText(self.tr("Finished."))
        self.import_button.setEnabled(bool(self.files))
