"""The summary: the lead paragraph and the numbered points, each with an optional speaker.

Points are reordered by dragging them in the list or with Alt+Up / Alt+Down.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from readout_desk.domain import render
from readout_desk.domain.draft import Built, ReadoutDraft
from readout_desk.domain.records import Readout, SummaryPoint
from readout_desk.ui.editor.rows import (
    ListSection,
    RowButtons,
    kept_row,
    remove_current,
    swap,
)
from readout_desk.ui.editor.widgets import (
    Choice,
    IssueLabel,
    TextBox,
    TextLine,
    button_line,
    detail_form,
    field_row,
    mark,
    section_group,
    show_values,
)
from readout_desk.ui.language import QT_TRANSLATE_NOOP, translate

LEVELS = ("point", "sub-point")
_LEVEL_LABELS = {"point": QT_TRANSLATE_NOOP("SummarySection", "point"),
                 "sub-point": QT_TRANSLATE_NOOP("SummarySection", "sub-point")}


def _level_label(level: str) -> str:
    return translate("SummarySection", _LEVEL_LABELS[level]) if level in _LEVEL_LABELS else level


def _labels(points: list[SummaryPoint]) -> list[str]:
    return render.point_labels(Readout(points=tuple(points)))


class PointList(QListWidget):
    """The points in order; rows can be dragged to a new place (``reordered``)."""

    reordered = Signal(list)  # the old indexes in their new order

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pointsList")
        self.setAccessibleName(self.tr("Summary points"))
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setWordWrap(True)
        self.setMinimumHeight(100)
        self.setMaximumHeight(170)
        self.model().rowsMoved.connect(self._moved)

    def _moved(self, *_args: object) -> None:
        order = [int(self.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.count())]
        self.reordered.emit(order)


class SummarySection(ListSection[SummaryPoint]):
    """Lead paragraph, point list and the selected point's text and speaker."""

    prefix = "points"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(section_group(self.tr("Summary"), "summaryGroup", self))
        self.lead = TextBox("lead", "leadField", self.tr("Lead paragraph"),
                            self.tr("The opening paragraph: who met whom, when and where"), self)
        self.lead.setMaximumHeight(80)
        layout.addWidget(self.lead)
        self.list = PointList(self)
        layout.addWidget(self.list)
        self.buttons = RowButtons(self, self.list, "points", (
            (self.tr("A&dd point"), self.tr("Add a summary point (Insert)")),
            (self.tr("Remove"), self.tr("Remove the selected point (Delete)")),
            (self.tr("Up"), self.tr("Move the point up (Alt+Up)")),
            (self.tr("Down"), self.tr("Move the point down (Alt+Down)"))),
            self.add, self._remove_current, self.move_current)
        self.add_button, self.remove_button, self.up_button, self.down_button = (
            self.buttons.buttons)
        layout.addLayout(button_line(*self.buttons.buttons))

        self.detail, form = detail_form("pointDetail", self)
        self.text = TextBox("text", "pointTextField", self.tr("Point text"),
                            self.tr("What was said"), self)
        self.text.setMaximumHeight(90)
        self.speaker = TextLine("speaker", "speakerField", self.tr("Speaker"),
                                self.tr("optional, e.g. Minister Hayashi"), self)
        self.level = Choice("level", "levelField",
            self.tr("Point or sub-point"), LEVELS, shown=_level_label, parent=self)
        self.issue = IssueLabel("pointIssue", self)
        form.addRow(self.tr("Te&xt:"), self.text)
        form.addRow("", self.issue)
        form.addRow(self.tr("Spea&ker:"), field_row(self, self.speaker, self.level, stretch=(1,)))
        layout.addWidget(self.detail)

        self._speakers = QStringListModel(self)
        completer = QCompleter(self._speakers, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.speaker.setCompleter(completer)

        self.lead.edited.connect(self.edited)
        for w in (self.text, self.speaker, self.level):
            w.edited.connect(self._field_edited)
        self.list.currentRowChanged.connect(self._show_current)
        self.list.reordered.connect(self._reordered)
        self._begin(self.list.currentRow, SummaryPoint(""), self.detail)

    def set_speakers(self, names: list[str]) -> None:
        """Offer ``names`` when typing a speaker."""
        self._speakers.setStringList([f"Minister {n}" for n in names] + names)

    # ----- list -----------------------------------------------------------------------

    def _fill(self, current: int) -> None:
        self._loading = True
        self.list.blockSignals(True)
        self.list.clear()
        for i, (label, p) in enumerate(zip(_labels(self._items), self._items, strict=True)):
            speaker = f"[{p.speaker}] " if p.speaker else ""
            indent = "    " if p.level else ""
            text = p.text if len(p.text) <= 160 else p.text[:157] + "…"
            item = QListWidgetItem(f"{indent}{label} {speaker}{text}")
            item.setData(Qt.ItemDataRole.UserRole, i)
            item.setToolTip(p.text)
            self.list.addItem(item)
        self.list.setCurrentRow(current)
        self.list.blockSignals(False)
        self._loading = False
        self._show_current(current)

    def add(self) -> None:
        """Add an empty point after the current one and put the cursor in it."""
        row = self.list.currentRow()
        at = row + 1 if row >= 0 else len(self._items)
        level = self._items[row].level if row >= 0 else 0
        self._items.insert(at, SummaryPoint("", level=level))
        self._fill(at)
        self.edited.emit("points.add")
        self.text.setFocus()

    def _remove_current(self) -> None:
        if remove_current(self.list, self._items, self._fill):
            self.edited.emit("points.remove")

    def move_current(self, delta: int) -> None:
        """Move the current point up (-1) or down (+1)."""
        row = self.list.currentRow()
        if row < 0 or not 0 <= row + delta < len(self._items):
            return
        self._fill(swap(self._items, row, delta))
        self.edited.emit("points.move")

    def _reordered(self, order: list[int]) -> None:
        if sorted(order) != list(range(len(self._items))):
            return
        moved_from = self.list.currentItem()
        current_old = int(moved_from.data(Qt.ItemDataRole.UserRole)) if moved_from else -1
        self._items = [self._items[i] for i in order]
        self._fill(order.index(current_old) if current_old in order else 0)
        self.edited.emit("points.move")

    def _show_current(self, row: int) -> None:
        super()._show_current(row)
        self.buttons.enable_for(self.list.currentRow(), len(self._items))

    def _load(self, item: SummaryPoint) -> None:
        show_values(item, (self.text, self.speaker))
        self.level.set_value(LEVELS[min(item.level, 1)])

    def _read(self, old: SummaryPoint, key: str) -> SummaryPoint:
        return replace(old, text=self.text.toPlainText(), speaker=self.speaker.text(),
                       level=LEVELS.index(self.level.value()))

    def _show_row(self, row: int, old: SummaryPoint, item: SummaryPoint) -> None:
        if item.level != old.level:
            self._fill(row)
        else:
            label = _labels(self._items)[row]
            speaker = f"[{item.speaker}] " if item.speaker else ""
            indent = "    " if item.level else ""
            list_item = self.list.item(row)
            list_item.setText(f"{indent}{label} {speaker}{item.text}")
            list_item.setToolTip(item.text)

    # ----- the section contract -------------------------------------------------------

    def set_draft(self, d: ReadoutDraft) -> None:
        """Show the draft's lead and points, keeping the current point where possible."""
        self.lead.set_value(d.lead)
        self._items = list(d.points)
        self._fill(kept_row(self.list.currentRow(), len(self._items)))

    def focus_order(self) -> list[QWidget]:
        """The fields in the order Tab visits them."""
        return [self.lead, self.list, self.add_button, self.remove_button, self.up_button,
                self.down_button, self.text, self.speaker, self.level]

    def apply(self, d: ReadoutDraft) -> ReadoutDraft:
        """``d`` with the lead and points as shown."""
        return replace(d, lead=self.lead.toPlainText(), points=tuple(self._items))

    def show_issues(self, built: Built) -> None:
        """Show problems of the current point."""
        found = built.for_key(f"points.{self.list.currentRow()}")
        self.issue.show_issues(found)
        mark(self.text, found)
