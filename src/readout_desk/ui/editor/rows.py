"""A table of rows with add, remove and move buttons, for the editor's list sections.

The table only shows; the fields under it edit the current row. Keyboard: Insert adds,
Delete removes, Alt+Up and Alt+Down move the current row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar, Generic, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from readout_desk.ui.editor.widgets import button, button_line, key_in
from readout_desk.ui.language import QT_TRANSLATE_NOOP, without_mnemonic

_PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 1

#: What a table's parts say, by what its rows are: the rows, Add, its tip, the tips of
#: Remove, Up and Down, and the spoken names of Remove, Up and Down.
_TEXTS = {
    "participant": (
        QT_TRANSLATE_NOOP("RowTable", "Participants"),
        QT_TRANSLATE_NOOP("RowTable", "Add participant"),
        QT_TRANSLATE_NOOP("RowTable", "Add a participant (Insert)"),
        QT_TRANSLATE_NOOP("RowTable", "Remove the selected participant (Delete)"),
        QT_TRANSLATE_NOOP("RowTable", "Move the participant up (Alt+Up)"),
        QT_TRANSLATE_NOOP("RowTable", "Move the participant down (Alt+Down)"),
        QT_TRANSLATE_NOOP("RowTable", "Remove participant"),
        QT_TRANSLATE_NOOP("RowTable", "Move Participant up"),
        QT_TRANSLATE_NOOP("RowTable", "Move Participant down"),
    ),
    "session": (
        QT_TRANSLATE_NOOP("RowTable", "Sessions"),
        QT_TRANSLATE_NOOP("RowTable", "Add session"),
        QT_TRANSLATE_NOOP("RowTable", "Add a session (Insert)"),
        QT_TRANSLATE_NOOP("RowTable", "Remove the selected session (Delete)"),
        QT_TRANSLATE_NOOP("RowTable", "Move the session up (Alt+Up)"),
        QT_TRANSLATE_NOOP("RowTable", "Move the session down (Alt+Down)"),
        QT_TRANSLATE_NOOP("RowTable", "Remove session"),
        QT_TRANSLATE_NOOP("RowTable", "Move Session up"),
        QT_TRANSLATE_NOOP("RowTable", "Move Session down"),
    ),
}
_T = TypeVar("_T")


class RowButtons:
    """Add, Remove, Up and Down for a list, also pressed with Insert, Delete, Alt+Up and
    Alt+Down while the list has the focus."""

    def __init__(self, parent: QWidget, view: QWidget, base: str,
                 texts: Sequence[tuple[str, str]], add: Callable[[], object],
                 remove: Callable[[], object], move: Callable[[int], object]) -> None:
        """``texts`` are the buttons' (label, tip) in that order; the buttons are named
        ``<base>Add``, ``<base>Remove``, ``<base>Up`` and ``<base>Down`` and call ``add()``,
        ``remove()``, ``move(-1)`` and ``move(1)``."""
        slots = (add, remove, lambda: move(-1), lambda: move(1))
        self.buttons = tuple(button(label, base + what, tip, parent, slot)
                             for (label, tip), what, slot
                             in zip(texts, ("Add", "Remove", "Up", "Down"), slots, strict=True))
        self.remove, self.up, self.down = self.buttons[1:]
        # Keys by what they are, never by a translated name.
        keys = (QKeySequence(Qt.Key.Key_Insert), QKeySequence(QKeySequence.StandardKey.Delete),
                QKeySequence("Alt+Up"), QKeySequence("Alt+Down"))
        for key, slot in zip(keys, slots, strict=True):
            key_in(view, key, slot)

    def enable_for(self, row: int, count: int) -> None:
        """Remove with a current ``row`` of ``count``; Up and Down where it can move."""
        self.remove.setEnabled(row >= 0)
        self.up.setEnabled(row > 0)
        self.down.setEnabled(0 <= row < count - 1)


class RowTable(QWidget):
    """A read-only table with Add / Remove / Up / Down."""

    currentChanged = Signal(int)  # noqa: N815
    addRequested = Signal()  # noqa: N815
    removeRequested = Signal(int)  # noqa: N815
    moveRequested = Signal(int, int)  # noqa: N815 - row, +1 or -1

    def __init__(self, name: str, noun: str, headers: Sequence[str],
                 parent: QWidget | None = None, *, add_text: str = "") -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, len(headers), self)
        self.table.setObjectName(name)
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in headers])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(80)
        self.table.setMaximumHeight(120)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.currentCellChanged.connect(self._cell_changed)
        texts = [self.tr(t) for t in _TEXTS[noun]]
        self.table.setAccessibleName(texts[0])
        base = name.removesuffix("Table")
        self.buttons = RowButtons(self, self.table, base, (
            (add_text or texts[1], texts[2]), (self.tr("Remove"), texts[3]),
            (self.tr("Up"), texts[4]), (self.tr("Down"), texts[5])),
            self.addRequested.emit, self._remove, self._move)
        self.add_button, self.remove_button, self.up_button, self.down_button = (
            self.buttons.buttons)
        for b, spoken in zip(self.buttons.buttons, texts[1:2] + texts[6:], strict=True):
            b.setAccessibleName(without_mnemonic(spoken))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(button_line(*self.buttons.buttons))
        self._filling = False
        self._update_buttons()

    def _cell_changed(self, row: int, _col: int, _prev_row: int, _prev_col: int) -> None:
        self._update_buttons()
        if not self._filling:
            self.currentChanged.emit(row)

    def _remove(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.removeRequested.emit(row)

    def _move(self, delta: int) -> None:
        row = self.table.currentRow()
        if 0 <= row + delta < self.table.rowCount() and row >= 0:
            self.moveRequested.emit(row, delta)

    def _update_buttons(self) -> None:
        self.buttons.enable_for(self.table.currentRow(), self.table.rowCount())

    def fill(self, rows: Sequence[Sequence[str]], current: int) -> None:
        """Show ``rows`` and make ``current`` the current row (-1: none), silently."""
        self._filling = True
        self.table.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                item = self.table.item(r, c)
                if item is None:
                    item = QTableWidgetItem()
                    self.table.setItem(r, c, item)
                if item.text() != text:
                    item.setText(text)
                    item.setToolTip(text)
        self._fit_columns()
        if 0 <= current < len(rows):
            self.table.setCurrentCell(current, 0)
        else:
            self.table.setCurrentCell(-1, -1)
        self._filling = False
        self._update_buttons()

    def _fit_columns(self) -> None:
        last = self.table.columnCount() - 1
        for c in range(last):
            self.table.resizeColumnToContents(c)
            self.table.setColumnWidth(c, max(90, min(self.table.columnWidth(c), 240)))

    def set_row(self, row: int, cells: Sequence[str]) -> None:
        """Update one row's cells."""
        for c, text in enumerate(cells):
            item = self.table.item(row, c)
            if item is not None and item.text() != text:
                item.setText(text)
                item.setToolTip(text)

    def mark_row(self, row: int, problem: str) -> None:
        """Show a row in red with ``problem`` as its tooltip ("" clears)."""
        first = self.table.item(row, 0)
        if first is None or first.data(_PROBLEM_ROLE) == problem:
            return
        first.setData(_PROBLEM_ROLE, problem)
        for c in range(self.table.columnCount()):
            item = self.table.item(row, c)
            if item is None:
                continue
            item.setForeground(Qt.GlobalColor.darkRed if problem else
                               self.table.palette().text().color())
            item.setToolTip(problem or item.text())

    def edit_list(self, items: Callable[[], list[_T]], fill: Callable[[int], None],
                  edited: Callable[[str], None], prefix: str) -> None:
        """Let Remove and Up / Down change the list ``items()``, show it again with
        ``fill(current row)`` and report ``edited("<prefix>.remove")`` (or ``.move``)."""

        def remove(row: int) -> None:
            fill(remove_at(items(), row))
            edited(f"{prefix}.remove")

        def move(row: int, delta: int) -> None:
            fill(swap(items(), row, delta))
            edited(f"{prefix}.move")

        self.removeRequested.connect(remove)
        self.moveRequested.connect(move)

    def focus_order(self) -> list[QWidget]:
        """The table, then its buttons."""
        return [self.table, self.add_button, self.remove_button, self.up_button,
                self.down_button]

    def current(self) -> int:
        """The current row, -1 for none."""
        return self.table.currentRow()


class ListSection(QWidget, Generic[_T]):
    """What the editor's list sections share (participants, sessions, points, photos): the
    items, the current one shown in the fields beneath, and a field's edit written into
    the current item and reported as ``edited("<prefix>.<row>.<key>")``.

    While an item is being shown its fields' signals are no edits. A section says (with
    :meth:`_begin`) how it finds the current row, and what its fields show and read; the
    rest is here.
    """

    edited = Signal(str)
    #: The first part of the keys this section reports ("participants").
    prefix: ClassVar[str]
    _current_row: Callable[[], int]
    _blank: _T
    _needs_row: tuple[QWidget, ...]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[_T] = []
        self._loading = False

    def _begin(self, current_row: Callable[[], int], blank: _T, *needs_row: QWidget) -> None:
        """Show no row yet. ``current_row`` tells which row the fields show (-1: none),
        ``blank`` is what they show without one, ``needs_row`` are usable only with one."""
        self._current_row = current_row
        self._blank = blank
        self._needs_row = needs_row
        self._show_current(-1)

    # ----- what a section says --------------------------------------------------------

    def _load(self, item: _T) -> None:
        """Fill the fields with ``item``."""
        raise NotImplementedError

    def _read(self, old: _T, key: str) -> _T:
        """The current item as the fields show it now that the field ``key`` was edited."""
        raise NotImplementedError

    def _show_row(self, row: int, old: _T, item: _T) -> None:
        """Show the edited ``item`` (it was ``old``) in the list."""
        raise NotImplementedError

    # ----- shared ---------------------------------------------------------------------

    def _show_current(self, row: int) -> None:
        has_row = 0 <= row < len(self._items)
        for widget in self._needs_row:
            widget.setEnabled(has_row)
        self._show(self._items[row] if has_row else self._blank)

    def _show(self, item: _T) -> None:
        self._loading = True
        try:
            self._load(item)
        finally:
            self._loading = False

    def _field_edited(self, key: str) -> None:
        row = self._current_row()
        if self._loading or row < 0:
            return
        old = self._items[row]
        item = self._items[row] = self._read(old, key)
        self._show_row(row, old, item)
        self.edited.emit(f"{self.prefix}.{row}.{key}")


def kept_row(current: int, count: int) -> int:
    """The row to show after the list was replaced: ``current`` if it is still there, else
    the first (-1 for an empty list)."""
    if current >= count or current < 0:
        return 0 if count else -1
    return current


def remove_at(items: list[_T], row: int) -> int:
    """Take out ``items[row]``; the row to show next (the one that moved up, or the last)."""
    del items[row]
    return min(row, len(items) - 1)


def remove_current(view: QListWidget, items: list[_T], fill: Callable[[int], None]) -> bool:
    """Take the current row of ``view`` out of ``items`` and ``fill`` the view again; False
    when no row is current."""
    row = view.currentRow()
    if row < 0:
        return False
    fill(remove_at(items, row))
    return True


def swap(items: list[_T], row: int, delta: int) -> int:
    """Exchange ``items[row]`` with its neighbour ``delta`` away; the row it moved to."""
    items[row], items[row + delta] = items[row + delta], items[row]
    return row + delta
