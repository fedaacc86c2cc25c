"""The search bar: the query field, removable filter chips and a gentle hint line."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from readout_desk.domain import geography
from readout_desk.domain.query import parse_query
from readout_desk.ui import parts
from readout_desk.ui.language import QT_TRANSLATE_NOOP, translate

SEARCH_HELP = QT_TRANSLATE_NOOP(
    "SearchBar",
    "Search the archive. Words must all match; \"exact phrase\", prefix*, a OR b, -word; "
    "filters: country:peru person:hayashi topic:cptpp place:lima mode:telephone "
    "year:2023 from:2023-01 to:2023-06; a whole topic or person: topic=\"Indo-Pacific\" "
    "person=\"ONO Haruka\". Esc clears.")


def search_help() -> str:
    """How to search, in a sentence (the search field's tooltip), in the interface's
    language."""
    return translate("SearchBar", SEARCH_HELP)


#: Keys the field passes to the results: moving through them, and Enter to open one.
_RESULT_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown,
                Qt.Key.Key_Return, Qt.Key.Key_Enter)

#: Ctrl+letter keys the field keeps for editing; every other Ctrl+letter is the window's
#: (Ctrl+E edits the readout, Ctrl+N opens a new one), not a line-editing command.
_EDITING_LETTERS = frozenset((Qt.Key.Key_A, Qt.Key.Key_C, Qt.Key.Key_V, Qt.Key.Key_X,
                              Qt.Key.Key_Y, Qt.Key.Key_Z))


class SearchLineEdit(QLineEdit):
    """The query field; Esc clears it (and the chips, on a second press).

    ↑, ↓, Page Up, Page Down and Enter act on the results (see :meth:`forward_to`), so
    a person can type, look through the hits and open one without leaving the field.
    """

    escapePressed = Signal()  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._results: QWidget | None = None

    def forward_to(self, results: QWidget) -> None:
        """Send the keys that move through results (and Enter) to ``results``."""
        self._results = results

    def event(self, event: QEvent) -> bool:
        """QObject.event: window shortcuts on Ctrl+letter win over line-editing keys."""
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            key = event.key()
            if mods == Qt.KeyboardModifier.ControlModifier and \
                    Qt.Key.Key_A <= key <= Qt.Key.Key_Z and key not in _EDITING_LETTERS:
                event.ignore()
                return False
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """QWidget.keyPressEvent: Esc clears; moving keys and Enter go to the results."""
        if event.key() == Qt.Key.Key_Escape:
            self.escapePressed.emit()
            event.accept()
            return
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == \
            Qt.KeyboardModifier.NoModifier
        if self._results is not None and plain and event.key() in _RESULT_KEYS:
            QApplication.sendEvent(self._results, QKeyEvent(
                event.type(), event.key(), event.modifiers(), event.text()))
            event.accept()
            return
        super().keyPressEvent(event)


class FilterChip(QToolButton):
    """One filter added from the sidebar ("country:PE"); clicking removes it."""

    def __init__(self, token: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.token = token
        self.setObjectName("filterChip")
        self.setText(self.tr("{label}  ✕").format(label=label))
        self.setToolTip(self.tr("Filter {token}: click to remove it").format(token=token))
        self.setAccessibleName(self.tr("Remove filter {label}").format(label=label))
        self.setAutoRaise(False)
        self.setStyleSheet(
            "QToolButton#filterChip { border: 1px solid #8aa4c8; border-radius: 9px; "
            "background: #e8f0fb; padding: 1px 8px; }"
            "QToolButton#filterChip:hover { background: #d3e2f7; }")


class SearchBar(QWidget):
    """Field + chips + hint. ``queryChanged`` fires on every edit (the window debounces)."""

    queryChanged = Signal()  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchBar")
        self.field = SearchLineEdit(self)
        self.field.setObjectName("searchField")
        self.field.setAccessibleName(self.tr("Search"))
        self.field.setPlaceholderText(self.tr("Search readouts  (Ctrl+F)"))
        self.field.setToolTip(search_help())
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumWidth(360)
        self.field.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.field.textChanged.connect(lambda _t: self.queryChanged.emit())
        self.field.escapePressed.connect(self._escape)

        self._chips: list[FilterChip] = []
        self._chip_box = QHBoxLayout()
        self._chip_box.setContentsMargins(0, 0, 0, 0)
        self._chip_box.setSpacing(4)

        self.hint = parts.named(QLabel(self), "searchHint", self.tr("Search hint"),
                                self.tr("How the query was read"))
        self.hint.setStyleSheet("color: #806000;")
        self.hint.setWordWrap(True)
        self.hint.hide()

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.field, 1)
        row.addLayout(self._chip_box)
        column = QVBoxLayout(self)
        column.setContentsMargins(2, 2, 2, 2)
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(self.hint)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    # ----- the query -----------------------------------------------------------------

    def query(self) -> str:
        """The typed text followed by the chips' filter tokens."""
        parts = [self.field.text().strip()] + [c.token for c in self._chips]
        return " ".join(p for p in parts if p)

    def set_query(self, text: str) -> None:
        """Replace everything (text and chips) with ``text``."""
        self._remove_chips()
        self.field.setText(text)
        self.queryChanged.emit()

    def tokens(self) -> list[str]:
        return [c.token for c in self._chips]

    def add_filter(self, token: str, label: str | None = None) -> None:
        """Add a removable filter chip (nothing happens when it is there already)."""
        if token in self.tokens():
            return
        chip = FilterChip(token, label or token, self)
        chip.clicked.connect(lambda: self.remove_filter(token))
        self._chips.append(chip)
        self._chip_box.addWidget(chip)
        self.queryChanged.emit()

    def remove_filter(self, token: str) -> None:
        for chip in list(self._chips):
            if chip.token == token:
                self._chips.remove(chip)
                chip.hide()
                chip.deleteLater()
        self.queryChanged.emit()

    def _remove_chips(self) -> None:
        for chip in self._chips:
            chip.hide()
            chip.deleteLater()
        self._chips = []

    def _escape(self) -> None:
        if self.field.text():
            self.field.clear()
        elif self._chips:
            self._remove_chips()
            self.queryChanged.emit()

    def highlight_words(self) -> tuple[str, ...]:
        """The words and phrases of the query, to highlight in the detail pane.

        A country asked for by its code (``country:PE``) is highlighted by its name, Peru,
        not as the letters "Pe" wherever they stand.
        """
        words = []
        parsed = parse_query(self.query())
        for clause in parsed.required:
            for term in clause:
                code = geography.find_country(term.text) if term.column == "countries" else None
                words.append(geography.country_name(code) if code else term.text)
        for exact in parsed.exact:  # a whole topic, a person's name in either order
            for value in exact.values:
                words.append(value)
                if exact.field == "person" and len(value.split()) == 2:
                    words.append(" ".join(reversed(value.split())))
        return tuple(words)

    def set_hint(self, message: str) -> None:
        """Show how the query was read (empty hides the line)."""
        self.hint.setText(message)
        self.hint.setVisible(bool(message))


def quote_value(value: str) -> str:
    """A filter value as the query syntax wants it: quoted when it has spaces or marks."""
    if re.fullmatch(r"[\w.\-]+", value):
        return value
    return '"' + value.replace('"', "") + '"'
