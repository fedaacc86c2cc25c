"""Small building blocks the editor's sections share."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from readout_desk.domain.draft import Issue
from readout_desk.ui.fonts import with_japanese_fallbacks
from readout_desk.ui.messages import message_text

ERROR_STYLE = "color: #b3261e;"
WARNING_STYLE = "color: #8a5a00;"


class IssueLabel(QLabel):
    """The issues about one field, shown under it; hidden when there are none."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWordWrap(True)
        self.setAccessibleName(self.tr("Problem"))
        self.hide()

    def show_issues(self, issues: Iterable[Issue]) -> None:
        """Show ``issues`` (errors first), or hide when there are none."""
        found = sorted(issues, key=lambda i: not i.is_error)
        if not found:
            self.clear()
            self.hide()
            return
        self.setText("\n".join(message_text(i.message) for i in found))
        self.setStyleSheet(ERROR_STYLE if found[0].is_error else WARNING_STYLE)
        self.show()


def mark(widget: QWidget, issues: Iterable[Issue]) -> None:
    """Outline a field in red (error) or amber (warning), or clear the outline."""
    found = list(issues)
    state = "error" if any(i.is_error for i in found) else ("warning" if found else "")
    if widget.property("issue") != state:
        widget.setProperty("issue", state)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


#: Applied to the editor window: outlines for marked fields.
FORM_STYLE = (
    "QLineEdit[issue=\"error\"], QComboBox[issue=\"error\"], QPlainTextEdit[issue=\"error\"]"
    " { border: 2px solid #b3261e; }"
    "QLineEdit[issue=\"warning\"], QComboBox[issue=\"warning\"] { border: 2px solid #c98a00; }"
)


def _describe(field: QLineEdit | QPlainTextEdit, name: str, accessible: str,
              placeholder: str) -> None:
    field.setObjectName(name)
    field.setAccessibleName(accessible)
    field.setPlaceholderText(placeholder)


class TextLine(QLineEdit):
    """A line edit that reports user edits as ``edited(key)``."""

    edited = Signal(str)

    def __init__(self, key: str, name: str, accessible: str, placeholder: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        _describe(self, name, accessible, placeholder)
        self.textEdited.connect(lambda _t: self.edited.emit(self.key))

    def set_value(self, text: str) -> None:
        """Show ``text`` without reporting an edit (keeps the cursor where it can)."""
        if self.text() != text:
            pos = self.cursorPosition()
            self.setText(text)
            self.setCursorPosition(min(pos, len(text)))


def japanese_line(line: TextLine) -> TextLine:
    """``line`` made for text typed in Japanese through an input method: the input method
    on and free to choose (no Latin-only hint), and a font that has the characters, so what
    is being composed shows as it will be kept."""
    line.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
    line.setInputMethodHints(Qt.InputMethodHint.ImhNone)
    line.setFont(with_japanese_fallbacks(line.font()))
    return line


class TextBox(QPlainTextEdit):
    """A multi-line text field that reports user edits as ``edited(key)``."""

    edited = Signal(str)

    def __init__(self, key: str, name: str, accessible: str, placeholder: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self._setting = False
        _describe(self, name, accessible, placeholder)
        self.setTabChangesFocus(True)
        self.textChanged.connect(self._changed)

    def _changed(self) -> None:
        if not self._setting:
            self.edited.emit(self.key)

    def set_value(self, text: str) -> None:
        """Show ``text`` without reporting an edit."""
        if self.toPlainText() != text:
            self._setting = True
            cursor = self.textCursor()
            pos = cursor.position()
            self.setPlainText(text)
            cursor = self.textCursor()
            cursor.setPosition(min(pos, len(text)))
            self.setTextCursor(cursor)
            self._setting = False


class Choice(QComboBox):
    """A list of choices (optionally editable) that reports user changes as ``edited(key)``."""

    edited = Signal(str)

    def __init__(self, key: str, name: str, accessible: str, items: Iterable[str],
                 *, editable: bool = False, blank_label: str = "",
                 shown: Callable[[str], str] = str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(name)
        self.setAccessibleName(accessible)
        self.setEditable(editable)
        for item in items:
            self.addItem(shown(item) if item else blank_label, item)
        if editable:
            self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            line = self.lineEdit()
            assert line is not None
            line.textEdited.connect(lambda _t: self.edited.emit(self.key))
        self.activated.connect(lambda _i: self.edited.emit(self.key))

    def value(self) -> str:
        """The chosen or typed value."""
        if self.isEditable():
            return self.currentText()
        data = self.currentData()
        return str(data) if data is not None else self.currentText()

    def set_value(self, value: str) -> None:
        """Show ``value`` without reporting an edit."""
        self.blockSignals(True)
        index = self.findData(value)
        if self.isEditable():
            if self.currentText() != value:
                if index >= 0:
                    self.setCurrentIndex(index)
                self.setEditText(value)
        elif index >= 0:
            self.setCurrentIndex(index)
        else:
            self.addItem(value, value)
            self.setCurrentIndex(self.count() - 1)
        self.blockSignals(False)


def button(text: str, name: str, tip: str, parent: QWidget | None = None,
           clicked: Callable[[], object] | None = None) -> QPushButton:
    """A push button with an object name and a tooltip that also serves as accessible text;
    it calls ``clicked()`` when pressed."""
    b = QPushButton(text, parent)
    b.setObjectName(name)
    b.setToolTip(tip)
    b.setAccessibleDescription(tip)
    if clicked is not None:
        b.clicked.connect(lambda _checked=False: clicked())
    return b


def key_in(widget: QWidget, key: QKeySequence, slot: Callable[[], object]) -> None:
    """Pressing ``key`` while ``widget`` has the focus calls ``slot()``."""
    shortcut = QShortcut(key, widget)
    shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
    shortcut.activated.connect(slot)


def button_line(*buttons: QPushButton) -> QHBoxLayout:
    """``buttons`` side by side on the left of a row."""
    line = QHBoxLayout()
    for b in buttons:
        line.addWidget(b)
    line.addStretch(1)
    return line


def tab_chain(*widgets: QWidget) -> None:
    """Make Tab visit ``widgets`` in the order given (the order they are laid out in)."""
    for first, second in zip(widgets, widgets[1:], strict=False):
        QWidget.setTabOrder(first, second)


def group(title: str, name: str, parent: QWidget | None = None) -> QGroupBox:
    """A titled part of the form."""
    box = QGroupBox(title, parent)
    box.setObjectName(name)
    box.setAccessibleName(title)
    return box


def section_group(title: str, name: str, section: QWidget) -> QGroupBox:
    """The titled box that fills ``section`` edge to edge; lay the section's fields out in it."""
    box = group(title, name, section)
    outer = QVBoxLayout(section)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(box)
    return box


def field_row(parent: QWidget, *widgets: QWidget, stretch: tuple[int, ...] = ()) -> QWidget:
    """``widgets`` side by side as one row of a form; its label's mnemonic goes to the first."""
    holder = QWidget(parent)
    h = QHBoxLayout(holder)
    h.setContentsMargins(0, 0, 0, 0)
    for i, w in enumerate(widgets):
        h.addWidget(w, stretch[i] if i < len(stretch) else 0)
    holder.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # a mnemonic, not a Tab stop
    holder.setFocusProxy(widgets[0])  # set after the policy, which it would take
    return holder


def detail_form(name: str, parent: QWidget) -> tuple[QWidget, QFormLayout]:
    """The pane (named ``name``) with the fields of the row chosen above it, and its form."""
    detail = QWidget(parent)
    detail.setObjectName(name)
    return detail, QFormLayout(detail)


class _Field(Protocol):
    key: str

    def set_value(self, text: str, /) -> None: ...


def show_values(record: object, fields: Iterable[_Field]) -> None:
    """Show in each field the value of ``record`` its key names, without reporting edits."""
    for field in fields:
        field.set_value(getattr(record, field.key))
