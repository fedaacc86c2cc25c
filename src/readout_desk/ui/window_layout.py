"""Where things are in the main window: columns shown, their order and widths, the panes.

What a person arranges is kept in the settings when it changes and when the window
closes, and put back when the window opens; View > Reset Layout puts it back as it was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtWidgets import QMenu

from readout_desk.ui.results_model import COLUMNS

#: The results table and the reading pane's first widths, side by side.
READING_SIZES = (620, 440)

if TYPE_CHECKING:
    from readout_desk.ui.main_window import MainWindow


class WindowLayout:
    """Shows, hides, saves and restores the results columns and the window's panes."""

    def __init__(self, window: MainWindow) -> None:
        self.main_window = window

    def fill_columns_menu(self, menu: QMenu) -> QMenu:
        """A checkable entry per column (View > Columns, or the header's context menu)."""
        menu.clear()
        header = self.main_window.results.horizontalHeader()
        for i, col in enumerate(COLUMNS):
            action = menu.addAction(col.label())
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(i))
            action.setToolTip(QCoreApplication.translate(
                "WindowLayout", "Show or hide the {title} column").format(title=col.label()))
            action.toggled.connect(lambda on, i=i: self.set_column_visible(i, on))
        return menu

    def show_header_menu(self, pos: QPoint) -> None:
        """The columns menu where the header was right-clicked."""
        header = self.main_window.results.horizontalHeader()
        menu = self.fill_columns_menu(QMenu(self.main_window))
        menu.exec(header.mapToGlobal(pos))

    def set_column_visible(self, column: int, visible: bool) -> None:
        """Show or hide a results column (the last one shown always stays)."""
        header = self.main_window.results.horizontalHeader()
        shown = [i for i in range(len(COLUMNS)) if not header.isSectionHidden(i)]
        if not visible and shown == [column]:
            return  # never hide the last column
        header.setSectionHidden(column, not visible)
        self.main_window.results.fill_width()
        self.save()

    def reset(self) -> None:
        """Every column shown in its first place, the panes at their first sizes."""
        window = self.main_window
        header = window.results.horizontalHeader()
        for i in range(len(COLUMNS)):
            header.setSectionHidden(i, False)
            header.moveSection(header.visualIndex(i), i)
        window.splitter.setSizes([220, max(600, window.width() - 220)])
        window.reading_splitter.setSizes(list(READING_SIZES))
        window.results.fill_width()
        self.save()

    def restore(self) -> None:
        """Put back what :meth:`save` kept (the sort order of the results included)."""
        window = self.main_window
        s = window.settings
        geometry = s.state("geometry")
        if geometry is not None:
            window.restoreGeometry(geometry)
        for key, widget in (("splitter", window.splitter),
                            ("reading", window.reading_splitter)):
            state = s.state(key)
            if state is not None:
                widget.restoreState(state)
        header_state = s.state("columns")
        if header_state is not None:
            header = window.results.horizontalHeader()
            header.restoreState(header_state)
            section = header.sortIndicatorSection()
            if 0 <= section < len(COLUMNS):
                window.model.set_sort(COLUMNS[section].sort_key,
                                      header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder)
        window.sidebar_action.setChecked(s.text("window/sidebar", "1") == "1")
        window.facets.setVisible(window.sidebar_action.isChecked())

    def save(self) -> None:
        """Remember geometry, splitters and columns (order, widths, hidden, sort)."""
        window = self.main_window
        s = window.settings
        s.set_state("geometry", window.saveGeometry())
        s.set_state("splitter", window.splitter.saveState())
        s.set_state("reading", window.reading_splitter.saveState())
        s.set_state("columns", window.results.horizontalHeader().saveState())
        s.set_text("window/sidebar", "1" if window.sidebar_action.isChecked() else "0")
        s.sync()
