"""The results table widget: keyboard and mouse on top of :class:`ResultsModel`."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from readout_desk.ui.results_model import COL_SNIPPET, COL_TITLE, COLUMNS, ID_ROLE, ResultsModel

#: Load the next page when the cursor comes this close to the last loaded row.
PREFETCH_ROWS = 2


class ResultsView(QTableView):
    """The hits of the current search. Arrow keys move; Enter or double-click activates."""

    currentIdChanged = Signal(object)  # noqa: N815 - int | None
    activatedId = Signal(int)  # noqa: N815

    def __init__(self, model: ResultsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultsView")
        self.setAccessibleName(self.tr("Search results"))
        self.setToolTip(self.tr("Readouts matching the search. Arrow keys move; Enter opens the "
                                "readout."))
        self.setModel(model)
        self.results_model = model
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab goes on to the readout; arrows move here
        self.setShowGrid(False)
        # A cell is a short run of Latin or Japanese text, which reads the same without
        # kerning and ligatures: its characters are then put to glyphs without shaping, a
        # third of a paint of the table (text in a script that needs shaping is shaped).
        font = QFont(self.font())
        font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
        self.setFont(font)
        self.verticalHeader().hide()
        # Every row one height: nothing is measured from the rows' contents.
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setObjectName("resultsHeader")
        header.setAccessibleName(self.tr("Result columns"))
        header.setSectionsMovable(True)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.setToolTip(self.tr("Click to sort; drag to reorder; right-click to show or hide "
                                  "columns"))
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        metrics = self.fontMetrics()
        # At 1280 pixels the date, title, words in context and relation fit beside the readout.
        widths = {"date": metrics.horizontalAdvance("September 30, 2025") + 16,
                  "title": 190, "snippet": 160, "relation": 110, "place": 100, "mode": 70,
                  "sessions": 100, "publisher": 150}
        for i, col in enumerate(COLUMNS):
            self.setColumnWidth(i, widths.get(col.key, 120))
        self.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.doubleClicked.connect(self._activate_index)
        model.modelReset.connect(lambda: self.currentIdChanged.emit(None))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """QWidget.resizeEvent: a wider table gives its room to the words in context."""
        super().resizeEvent(event)
        self.fill_width()

    def fill_width(self) -> None:
        """Widen the words-in-context column (the title when it is hidden): no empty strip."""
        header = self.horizontalHeader()
        # The header is as wide as the viewport (the table keeps it so), and asking for it
        # spares the window's first paint the 10-20 ms PySide takes, the first time it is
        # handed a scroll area's viewport, to learn that widget's type.
        extra = header.width() - header.length()
        if extra <= 0:
            return
        target = COL_SNIPPET if not header.isSectionHidden(COL_SNIPPET) else COL_TITLE
        header.resizeSection(target, header.sectionSize(target) + extra)

    def current_id(self) -> int | None:
        index = self.currentIndex()
        if not index.isValid():
            return None
        value = index.siblingAtColumn(0).data(ID_ROLE)
        return int(value) if value is not None else None

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.selectionModel().selectedRows()})
        ids = [self.results_model.id_at(r) for r in rows]
        return [i for i in ids if i is not None]

    def select_row(self, row: int) -> None:
        """Make ``row`` the current, only selected row and scroll to it."""
        index = self.results_model.index(row, 0)
        if not index.isValid():
            return
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.scrollTo(index)

    def clear_selection(self) -> None:
        self.selectionModel().clear()

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # Qt loads more only when the scroll bar reaches its end; moving the cursor onto
        # the last loaded rows must load more too (also when no scroll bar is shown).
        model = self.results_model
        if current.isValid() and current.row() >= model.rowCount() - PREFETCH_ROWS \
                and model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
        self.currentIdChanged.emit(self.results_model.id_at(current.row())
                                   if current.isValid() else None)

    def _activate_index(self, index: QModelIndex) -> None:
        readout_id = self.results_model.id_at(index.row())
        if readout_id is not None:
            self.activatedId.emit(readout_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """QWidget.keyPressEvent: Enter activates the current readout."""
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                      Qt.KeyboardModifier.KeypadModifier)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain \
                and self.currentIndex().isValid():
            self._activate_index(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)
