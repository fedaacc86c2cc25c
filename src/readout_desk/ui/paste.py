"""New from text: paste or drop a published readout and review the draft it gives.

File > New from Text (Ctrl+Shift+V) opens a box to paste the text into; dropping text,
or a .txt/.html file, onto the main window does the same at once. The text goes through
the extractor off the UI thread, and the draft opens in the readout editor with the
source text beside it: every field the extractor filled is listed above the text, the
span it came from is highlighted, and a printed time that disagrees with the time-zone
rules is pointed out. Nothing is saved until the user saves in the editor.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QObject, Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from readout_desk import paths
from readout_desk.domain import sources
from readout_desk.domain.extract import MAX_INPUT_BYTES, Draft, ExtractionError, extract
from readout_desk.ui import parts
from readout_desk.ui.draft_marks import PROPOSED_NOTE, italic, mark_extracted
from readout_desk.ui.field_labels import field_label
from readout_desk.ui.messages import error_text, message_text
from readout_desk.ui.tasks import run_in_background

if TYPE_CHECKING:
    from readout_desk.ui.editor import ReadoutEditor
    from readout_desk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

#: Files that may be dropped onto the window.
TEXT_SUFFIXES = (".txt", ".text", ".html", ".htm")

HIGHLIGHT = QColor("#fff2a8")
HIGHLIGHT_TIME = QColor("#cfe8ff")
HIGHLIGHT_WRONG = QColor("#ffc9c9")


def topic_file() -> Path:
    """The user's own topic list (the same file the command line reads)."""
    return paths.topic_file()


def _utf16(text: str, index: int) -> int:
    """A Python string index as the UTF-16 position Qt's text documents count in."""
    return len(text[:index].encode("utf-16-le")) // 2


class ExtractedPane(QWidget):
    """The source text with the fields read from it: a list above, highlights in the text."""

    def __init__(self, draft: Draft, source: QPlainTextEdit, parent: QWidget | None = None,
                 *, kind: str = "text", name: str = "", url: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("extractedPane")
        self.draft = draft
        self.source = source
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(self._intro(kind, name, url), self)
        intro.setObjectName("extractedIntro")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.warnings = parts.problems_panel(
            "crossCheckWarnings",
                self.tr("Printed times that disagree with the time-zone rules"), self)
        lines = [self.tr("Session {number} ({kind}): {message}.").format(
            number=c.index + 1, kind=c.kind, message=message_text(c.message))
            for c in draft.flagged]
        # A proposed title is no problem: the field list marks it as proposed.
        lines += [message_text(n) for n in draft.notes
                  if not any(c.message in n for c in draft.flagged)
                  and not (draft.proposed and n.startswith("The text prints no title"))]
        self.warnings.setText("\n".join(lines))
        self.warnings.setVisible(bool(lines))
        layout.addWidget(self.warnings)
        self.fields = QListWidget(self)
        self.fields.setObjectName("extractedFields")
        self.fields.setAccessibleName(self.tr("Fields read from the text"))
        self.fields.setMaximumHeight(170)
        layout.addWidget(self.fields)
        layout.addWidget(source, 1)
        self._fill()
        self.fields.currentItemChanged.connect(self._show_span)

    def _intro(self, kind: str, name: str, url: str) -> str:
        """Where the draft was read from, and what to do with it."""
        if kind == "file" and name:
            return self.tr("Read from the file {name}: check each field against the "
                           "highlighted source. Nothing is saved until you save.").format(
                               name=name)
        if kind == "page" and url:
            return self.tr("Read from the web page {url}: check each field against the "
                           "highlighted source. Nothing is saved until you save.").format(
                               url=url)
        return self.tr("Read from the pasted text: check each field against the "
                       "highlighted source. Nothing is saved until you save.")
    def _fill(self) -> None:
        text = self.draft.source
        wrong = {f"sessions[{c.index}].printed_other" for c in self.draft.flagged}
        selections = []
        for key in self.draft.proposed:
            # Not printed, so nothing to highlight: said plainly instead.
            item = QListWidgetItem(f"{field_label(key)} (proposed; the text prints none): "
                                   f"{getattr(self.draft.readout, key, '')}")
            item.setData(Qt.ItemDataRole.UserRole, (0, 0))
            item.setData(Qt.ItemDataRole.UserRole + 1, key)
            item.setToolTip(PROPOSED_NOTE)
            item.setFont(italic(item.font()))
            self.fields.addItem(item)
        for key, (start, end) in sorted(self.draft.spans.items(), key=lambda kv: kv[1]):
            snippet = " ".join(text[start:end].split())
            if len(snippet) > 70:
                snippet = snippet[:67] + "…"
            value = self._value(key)
            shown = f"{value} — “{snippet}”" if value and value != snippet else snippet
            item = QListWidgetItem(
                f"{field_label(key)}: {shown}")
            item.setToolTip(text[start:end])
            item.setData(Qt.ItemDataRole.UserRole, (start, end))
            item.setData(Qt.ItemDataRole.UserRole + 1, key)
            if key in wrong:
                item.setForeground(QColor("#b00020"))
                item.setToolTip(self.tr("This printed time disagrees with the time-zone rules: "
                                        "{reason}").format(
                    reason=next(message_text(c.message) for c in self.draft.flagged
                                if key == f"sessions[{c.index}].printed_other")))
            self.fields.addItem(item)
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.source.document())
            cursor.setPosition(_utf16(text, start))
            cursor.setPosition(_utf16(text, end), QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            color = (HIGHLIGHT_WRONG if key in wrong else
                     HIGHLIGHT_TIME if key.startswith("sessions[") else HIGHLIGHT)
            fmt.setBackground(color)
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        self.source.setExtraSelections(selections)

    def _value(self, key: str) -> str:
        """What the draft made of a field whose printed form differs ("May 3" -> date)."""
        r = self.draft.readout
        if key == "mode":
            return r.mode.value
        if key == "meeting_date" and r.meeting_date:
            return r.meeting_date.isoformat()
        if key == "published_date" and r.published_date:
            return r.published_date.isoformat()
        return ""

    def highlighted(self) -> list[str]:
        """The highlighted pieces of the source text, in order (what a reader sees marked)."""
        out = []
        for selection in self.source.extraSelections():
            cursor = selection.cursor
            out.append(cursor.selectedText())
        return out

    def labels(self) -> list[str]:
        """The lines of the field list."""
        return [self.fields.item(i).text() for i in range(self.fields.count())]

    def _show_span(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is None:
            return
        start, end = item.data(Qt.ItemDataRole.UserRole)
        text = self.draft.source
        cursor = self.source.textCursor()
        cursor.setPosition(_utf16(text, start))
        cursor.setPosition(_utf16(text, end), QTextCursor.MoveMode.KeepAnchor)
        self.source.setTextCursor(cursor)
        self.source.ensureCursorVisible()


def failure_message(exc: BaseException, what: str) -> str:
    """What to tell the person when reading ``what`` ("text" or "page") failed: the
    reason itself when it is one the program gives (logged with its traceback if not)."""
    if isinstance(exc, ValueError | OSError):  # extraction, topic and kind lists, capture
        return error_text(exc)
    log.exception("reading the %s failed", what, exc_info=exc)
    text = (QCoreApplication.translate("Paste", "The page could not be read ({kind}: {exc}).")
            if what == "page" else
            QCoreApplication.translate("Paste", "The text could not be read ({kind}: {exc})."))
    return text.format(kind=type(exc).__name__, exc=exc)


def open_draft(window: MainWindow, draft: Draft, given: str | bytes = "", **how: Any
               ) -> ReadoutEditor | None:
    """Open the editor on ``draft`` with its source text and extracted spans beside it;
    the readout keeps its source, read from ``given`` (``how``: kind, name, address…)."""
    from readout_desk.ui.editor import open_editor

    readout = sources.with_source(draft, given, **how)
    editor = open_editor(window, window.archive, readout=readout,
                         home_zone=window.home_zone(), source_text=draft.source)
    if editor is None or editor.source_text is None:
        return editor
    split = editor.findChild(QSplitter, "editorSplitter")
    pane = ExtractedPane(draft, editor.source_text, kind=str(how.get("kind", "text")),
                         name=str(how.get("name", "")), url=str(how.get("url", "")))
    if split is not None:
        split.insertWidget(1, pane)
        half = max(400, split.width() // 2)
        split.setSizes([half, half])
    mark_extracted(editor, draft)
    editor.title_note = QCoreApplication.translate("Paste", "draft from text")
    editor.show_draft(editor.draft())  # shows the note in the title
    if draft.flagged:
        message = QCoreApplication.translate(
            "Paste", "Printed time disagrees with the time-zone rules: {message}.").format(
                message=message_text(draft.flagged[0].message))
    elif draft.checks:
        message = QCoreApplication.translate(
            "Paste", "The printed times agree with the time-zone rules.")
    else:
        message = QCoreApplication.translate(
            "Paste", "Draft read from the text: check each field before saving.")
    editor.statusBar().showMessage(message)
    return editor


class Extraction(QObject):
    """Runs the extractor off the UI thread and opens the draft, or says what went wrong."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("pasteExtraction")
        self.window = window
        self.busy = False
        self.last_error = ""

    def start(self, source: str | bytes, on_done: Callable[[], None] | None = None,
              on_error: Callable[[str], None] | None = None, **how: Any) -> None:
        """Read ``source`` (text or file bytes) into a draft and open it; ``how`` says
        what the source was (kind "text" or "file", a file's name)."""
        if self.busy:
            return
        self.busy = True
        self.window.statusBar().showMessage(self.tr("Reading the text…"))
        extra, kinds = topic_file(), paths.kind_file()

        def work() -> Draft:
            return extract(source, topic_file=extra, kind_file=kinds, today=None)

        def done(draft: Draft) -> None:
            self.busy = False
            self.last_error = ""
            self.window.statusBar().clearMessage()
            open_draft(self.window, draft, source, **how)
            if on_done:
                on_done()

        def failed(exc: BaseException) -> None:
            self.busy = False
            message = failure_message(exc, "text")
            self.last_error = message
            self.window.statusBar().clearMessage()
            if on_error:
                on_error(message)
            else:
                box = QMessageBox(QMessageBox.Icon.Warning, self.tr("New from text"), message,
                                  QMessageBox.StandardButton.Ok, self.window)
                box.setObjectName("pasteError")
                box.open()

        run_in_background(self.window, work, done, failed)


class PasteDialog(QDialog):
    """A box to paste a readout's text into; Read Text turns it into a draft."""

    def __init__(self, window: MainWindow, extraction: Extraction) -> None:
        super().__init__(window)
        parts.frame_dialog(self, "pasteDialog", self.tr("New Readout from Text"),
                           self.tr("New readout from text"), (720, 560))
        self.extraction = extraction
        layout = QVBoxLayout(self)
        label = parts.note(self.tr(
            "Paste the text of a published readout (or a web page's HTML). The draft opens "
            "in the editor for you to check; nothing is saved until you save it."), self)
        layout.addWidget(label)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("pasteText")
        self.text.setAccessibleName(self.tr("Readout text"))
        self.text.setPlaceholderText(self.tr("Paste the readout here (Ctrl+V)"))
        label.setBuddy(self.text)
        layout.addWidget(self.text, 1)
        self.status = QLabel(self)
        self.status.setObjectName("pasteStatus")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #b00020;")
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(self)
        self.read_button = buttons.addButton(self.tr("&Read Text"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.read_button.setObjectName("readTextButton")
        self.read_button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._read)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.text.installEventFilter(self)  # Ctrl+Enter reads; Enter alone is a new line
        self.read_button.setToolTip(self.tr("Read the text into a draft (Ctrl+Enter)"))
        clip = QGuiApplication.clipboard().text()
        if clip.strip() and len(clip) < MAX_INPUT_BYTES:
            # Not selected: Enter or a key typed must not replace the pasted text.
            self.text.setPlainText(clip)
            self.text.moveCursor(QTextCursor.MoveOperation.End)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # QObject.eventFilter
        if watched is self.text and event.type() in (
                QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) \
                and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if event.type() == QEvent.Type.KeyPress:
                self._read()
            event.accept()
            return True
        return super().eventFilter(watched, event)

    def _read(self) -> None:
        text = self.text.toPlainText()
        if not text.strip():
            self.status.setText(self.tr("Paste the text of a readout first."))
            return
        self.status.setText(self.tr("Reading…"))
        self.read_button.setEnabled(False)

        def failed(message: str) -> None:
            self.read_button.setEnabled(True)
            self.status.setText(message)

        self.extraction.start(text, on_done=self.accept, on_error=failed)


def _dropped_files(mime: QMimeData) -> list[Path]:
    files = []
    for url in mime.urls():
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if path.suffix.lower() in TEXT_SUFFIXES:
                files.append(path)
    return files


class DropHandler(QObject):
    """Accepts text and .txt/.html files dropped onto the main window."""

    def __init__(self, window: MainWindow, extraction: Extraction) -> None:
        super().__init__(window)
        self.setObjectName("pasteDropHandler")
        self.extraction = extraction

    @staticmethod
    def accepts(mime: QMimeData) -> bool:
        """Whether a drag carries something a readout can be read from."""
        return bool(_dropped_files(mime)) or (not mime.hasUrls() and (
            mime.hasText() or mime.hasHtml()))

    def handle_drop(self, mime: QMimeData) -> bool:
        """Read what was dropped; returns whether it was taken."""
        files = _dropped_files(mime)
        if files:
            path = files[0]
            try:
                if path.stat().st_size > MAX_INPUT_BYTES:
                    raise ExtractionError(f"{path.name} is too large to be a readout.")
                data: str | bytes = path.read_bytes()
            except (OSError, ExtractionError) as exc:
                message = exc.strerror if isinstance(exc, OSError) else str(exc)
                box = QMessageBox(QMessageBox.Icon.Warning, self.tr("New from text"),
                                  self.tr("{name} cannot be read: {message}").format(
                                          name=path.name, message=message),
                                  QMessageBox.StandardButton.Ok, self.extraction.window)
                box.setObjectName("pasteError")
                box.open()
                return True
            self.extraction.start(data, kind="file", name=path.name)
            return True
        if mime.hasHtml() and mime.html().strip():
            self.extraction.start(mime.html())
            return True
        if mime.hasText() and mime.text().strip():
            self.extraction.start(mime.text())
            return True
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # QObject.eventFilter
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragEnterEvent | QDropEvent)
            if self.accepts(event.mimeData()):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            if self.accepts(event.mimeData()) and self.handle_drop(event.mimeData()):
                event.acceptProposedAction()
                return True
        return False


def install(window: MainWindow) -> None:
    """Add File > New from Text (Ctrl+Shift+V) and dropping text or files on the window."""
    extraction = Extraction(window)
    action = QAction(QCoreApplication.translate("Paste", "New from &Text…"), window)
    action.setObjectName("actionNewFromText")
    action.setShortcut(QKeySequence("Ctrl+Shift+V"))
    action.setToolTip(QCoreApplication.translate(
        "Paste", "Paste a published readout and review the draft read from it (Ctrl+Shift+V); "
        "you can also drop text or a .txt/.html file here"))

    def show_dialog() -> None:
        dialog = PasteDialog(window, extraction)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.open()

    action.triggered.connect(show_dialog)
    if window.archive.read_only:
        action.setEnabled(False)
    file_menu = window.menu("File")
    new_action = window.findChild(QAction, "actionNewReadout")
    actions = file_menu.actions()
    if new_action is not None and new_action in actions:
        index = actions.index(new_action)
        if index + 1 < len(actions):
            file_menu.insertAction(actions[index + 1], action)
        else:
            file_menu.addAction(action)
    elif actions:
        file_menu.insertAction(actions[0], action)
    else:
        file_menu.addAction(action)
    window.addAction(action)
    if not window.archive.read_only:
        handler = DropHandler(window, extraction)
        window.setAcceptDrops(True)
        window.installEventFilter(handler)


__all__ = ["DropHandler", "ExtractedPane", "PasteDialog", "field_label", "install",
           "mark_extracted", "open_draft"]
