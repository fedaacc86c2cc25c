"""The export dialog: the whole archive, the current search or the selection, in a format."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from readout_desk.archive import (
    Archive,
    Cancelled,
    export_readouts,
    html_document,
    iter_readouts,
)
from readout_desk.ui.messages import error_text, message_text
from readout_desk.ui.tasks import CancelFn, ProgressFn
from readout_desk.ui.transfer.shared import ProgressDialog

if TYPE_CHECKING:
    from readout_desk.ui.main_window import MainWindow

FORMAT_CHOICES: tuple[tuple[str, str, str], ...] = (
    ("json", "JSON (complete; imports back losslessly)", "json"),
    ("csv", "CSV (a row per readout, and a file with a row per session)", "csv"),
    ("md", "Markdown", "md"),
    ("html", "HTML (as in the reading pane)", "html"),
    ("pdf", "PDF (as in the reading pane)", "pdf"),
    ("ics", "iCalendar (one event per session, in its own time zone)", "ics"),
)


class ExportDialog(ProgressDialog):
    """Choose what (archive, search, selection), the format and the file; export."""

    finishedExport = Signal(object)  # noqa: N815 - the result, or the exception

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window, "export", self.tr("Export Readouts"))
        self.resize(560, 360)

        self.scope_all = QRadioButton(self.tr("The whole &archive"), self)
        self.scope_all.setObjectName("exportScopeAll")
        query = window.current_query().strip()
        self.scope_search = QRadioButton(
            self.tr("The current &search ({query})").format(query=query) if query
            else self.tr("The current &search (everything)"), self)
        self.scope_search.setObjectName("exportScopeSearch")
        selected = window.selected_readout_ids()
        self.scope_selection = QRadioButton(
            self.tr("The selec&ted readouts ({count})").format(count=len(selected)), self)
        self.scope_selection.setObjectName("exportScopeSelection")
        self.scope_selection.setEnabled(bool(selected))
        group = QButtonGroup(self)
        for b in (self.scope_all, self.scope_search, self.scope_selection):
            group.addButton(b)
        (self.scope_selection if len(selected) > 1 else
         self.scope_search if query else self.scope_all).setChecked(True)

        self.format_box = QComboBox(self)
        self.format_box.setObjectName("exportFormat")
        self.format_box.setAccessibleName(self.tr("Format"))
        for key, label, _suffix in FORMAT_CHOICES:
            self.format_box.addItem(label, key)
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("exportPath")
        self.path_edit.setAccessibleName(self.tr("File to write"))
        self.path_edit.setText(str(Path.home() / "readouts.json"))
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.setObjectName("exportBrowse")
        browse.clicked.connect(self._browse)
        self.format_box.currentIndexChanged.connect(self._format_changed)
        self.path_edit.textEdited.connect(self._path_typed)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format_box)
        form.addRow(self.tr("File:"), path_row)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("exportResult")
        self.result_label.setWordWrap(True)
        self.export_button = self.add_start_button(self.tr("&Export"), "exportStart", self.start)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Export:"), self))
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

    def _path_typed(self, text: str) -> None:
        """A file name ending in a format's suffix ("cptpp.ics") chooses that format."""
        suffix = Path(text.strip()).suffix.lower().lstrip(".")
        index = self.format_box.findData(_FORMAT_OF_SUFFIX.get(suffix))
        if index >= 0 and index != self.format_box.currentIndex():
            self.format_box.blockSignals(True)  # the name stays as typed
            self.format_box.setCurrentIndex(index)
            self.format_box.blockSignals(False)

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.path_edit.text(),
                                                f"{self.fmt().upper()} (*.{self.fmt()})")
        if chosen:
            self.path_edit.setText(chosen)

    def _scope(self) -> tuple[str, list[int]]:
        """("selection", ids), ("search", []) or ("all", []): the ids are read later."""
        if self.scope_selection.isChecked():
            return "selection", self.main_window.selected_readout_ids()
        if self.scope_search.isChecked():
            return "search", []
        return "all", []

    def start(self) -> None:
        """Export off the UI thread (PDF: the text is laid out on the UI thread at the end)."""
        if self.busy():
            return
        text = self.path_edit.text().strip()
        if not text:
            self.result_label.setText(self.tr("Choose the file to write."))
            return
        out = Path(text).expanduser()
        fmt = self.fmt()
        archive = self.main_window.archive
        home = self.main_window.home_zone()
        query = self.main_window.current_query().strip()
        # The document's own title: the exported text is data, written in English.
        title = f"Readouts: {query}" if self.scope_search.isChecked() and query else "Readouts"
        scope, selected = self._scope()
        searched = self.main_window.current_query()

        def work(progress: ProgressFn, cancelled: CancelFn) -> object:
            ids = _scope_ids(archive, scope, selected, searched)
            if fmt == "pdf":
                readouts = list(iter_readouts(archive, ids, progress, cancelled))
                return ("pdf", html_document(readouts, home, title), len(readouts))
            return export_readouts(archive, ids, fmt, out, home_zone=home, title=title,
                                   progress=progress, cancelled=cancelled)

        self.export_button.setEnabled(False)
        self.result_label.clear()
        self.run_task(self.tr("Exporting…"), work, lambda result: self._done(result, out, title),
                      self._failed)

    def _done(self, result: Any, out: Path, title: str) -> None:
        try:
            if isinstance(result, tuple) and result[0] == "pdf":
                from readout_desk.printing import write_pdf

                write_pdf(result[1], out, title=title)
                text = self.tr("Exported %n readouts to {path}.", "", result[2]).format(path=out)
            else:
                where = self.tr(" and ").join(str(p) for p in result.paths)
                text = " ".join([self.tr("Exported %n readouts to {path}.", "",
                                         result.readouts).format(path=where),
                                 *(message_text(note) for note in result.notes)])
        except OSError as exc:
            self._failed(exc)
            return
        self.result_label.setText(text)
        self.export_button.setEnabled(True)
        self.finishedExport.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.progress.finish()
        self.result_label.setText(self.tr("Export cancelled; no file was written.") if isinstance(
            exc, Cancelled) else self.tr("The export failed: {exc}").format(exc=error_text(exc)))
        self.export_button.setEnabled(True)
        self.finishedExport.emit(exc)


_FORMAT_OF_SUFFIX = {suffix: key for key, _label, suffix in FORMAT_CHOICES}


def _scope_ids(archive: Archive, scope: str, selected: list[int], query: str) -> list[int]:
    """The ids to export, in meeting-date order for a search (runs off the UI thread)."""
    if scope == "selection":
        return selected
    if scope == "search":
        return archive.search_ids(query, sort="date", descending=False)
    return archive.all_ids()
