"""The sidebar: saved searches and facet counts (countries, years, topics, people, mode).

Clicking a facet value narrows the search by adding a filter token ("country:PE") as a
removable chip; clicking a saved search puts its query in the search field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QMenu, QTreeView, QWidget

from readout_desk.ui.language import QT_TRANSLATE_NOOP, mode_label
from readout_desk.ui.search_field import quote_value

if TYPE_CHECKING:
    from readout_desk.archive import FacetCount, Facets

TOKEN_ROLE = Qt.ItemDataRole.UserRole + 1  # the filter token, or a saved query
LABEL_ROLE = Qt.ItemDataRole.UserRole + 2  # what the chip says
KIND_ROLE = Qt.ItemDataRole.UserRole + 3  # "facet" or "saved"

SAVED, COUNTRIES, YEARS, TOPICS, PEOPLE, MODES = range(6)
GROUPS = (QT_TRANSLATE_NOOP("FacetsModel", "Saved searches"),
          QT_TRANSLATE_NOOP("FacetsModel", "Countries"),
          QT_TRANSLATE_NOOP("FacetsModel", "Years"),
          QT_TRANSLATE_NOOP("FacetsModel", "Topics"),
          QT_TRANSLATE_NOOP("FacetsModel", "People"),
          QT_TRANSLATE_NOOP("FacetsModel", "Mode"))
GROUP_TIPS = (
    QT_TRANSLATE_NOOP("FacetsModel",
                      "Searches you saved (Edit ▸ Save search…); click one to run it"),
    QT_TRANSLATE_NOOP("FacetsModel",
                      "Countries the readouts involve; click one to narrow the results"),
    QT_TRANSLATE_NOOP("FacetsModel", "Years of the meetings; click one to narrow the results"),
    QT_TRANSLATE_NOOP("FacetsModel", "Topics; click one to narrow the results"),
    QT_TRANSLATE_NOOP("FacetsModel", "People taking part; click one to narrow the results"),
    QT_TRANSLATE_NOOP("FacetsModel",
                      "How the meetings were held; click one to narrow the results"),
)

#: What a chip says, so "2023" reads as a year and "Peru" as a country.
CHIP_TEXT = {COUNTRIES: "{value}", YEARS: QT_TRANSLATE_NOOP("FacetsModel", "Year {value}"),
             TOPICS: QT_TRANSLATE_NOOP("FacetsModel", "Topic: {value}"), PEOPLE: "{value}",
             MODES: "{value}"}


def _label(group: int, value: FacetCount) -> str:
    """A facet's value as the interface names it; the stored value it filters on is kept."""
    # Facets come once the archive has opened: the readouts' words (and the rendering
    # tables they use) load then, not before the window's first page.
    from readout_desk.ui.readout_words import country_label, topic_label

    if group == MODES:
        return mode_label(value.label)
    if group == COUNTRIES:
        return country_label(value.value, value.label)
    if group == TOPICS:
        return topic_label(value.label)
    return value.label


def facet_token(group: int, value: str) -> str:
    """The query filter for one facet value: country:PE, year:2023, and for a topic or a
    person the whole value (topic="CPTPP", person="ONO Haruka"): the readouts the facet
    counted, not those with its words inside a longer topic ("Free and Open
    Indo-Pacific") or another name ("Li Green-Cerny" for "Li Green")."""
    if group == COUNTRIES:
        return f"country:{value}"
    if group == YEARS:
        return f"year:{value}"
    if group == TOPICS:
        return 'topic="' + value.replace('"', "") + '"'
    if group == PEOPLE:
        return 'person="' + value.replace('"', "") + '"'
    if group == MODES:
        return f"mode:{quote_value(value)}"
    raise ValueError(f"no facet group {group}")


class FacetsModel(QStandardItemModel):
    """Two levels: the groups, and under each its values with counts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHorizontalHeaderLabels([self.tr("Filter")])
        for name, tip in zip(GROUPS, GROUP_TIPS, strict=True):
            item = QStandardItem(self.tr(name))
            item.setEditable(False)
            item.setSelectable(False)
            item.setToolTip(tip)
            font = item.font()
            font.setBold(True)
            item.setFont(font)
            self.appendRow(item)

    def group(self, index: int) -> QStandardItem:
        item = self.item(index)
        assert item is not None
        return item

    def set_facets(self, facets: Facets) -> None:
        """Show the counts of the current query's hits (of its newest hits, "1,234+", when
        a query with very many was counted among those only)."""
        for group, values in ((COUNTRIES, facets.countries), (YEARS, facets.years),
                              (TOPICS, facets.topics), (PEOPLE, facets.people),
                              (MODES, facets.modes)):
            self._fill(group, values, facets.sampled)

    def set_counting(self) -> None:
        """New results are shown and their counts are still being made: the values shown,
        counted for the results before, are greyed and cannot be clicked until
        :meth:`set_facets` brings the new ones (a value the new results may not hold
        would narrow them to nothing)."""
        tip = self.tr("Counted for the results before; the counts of the results shown "
                      "are on their way")
        for group in (COUNTRIES, YEARS, TOPICS, PEOPLE, MODES):
            parent = self.group(group)
            for row in range(parent.rowCount()):
                item = parent.child(row)
                if item is not None and item.isEnabled():
                    item.setEnabled(False)
                    item.setToolTip(tip)

    def _fill(self, group: int, values: tuple[FacetCount, ...], sampled: int = 0) -> None:
        parent = self.group(group)
        parent.removeRows(0, parent.rowCount())
        for value in values:
            shown = f"{value.count:,}+" if sampled else f"{value.count:,}"
            label = _label(group, value)
            item = QStandardItem(f"{label}  ({shown})")
            item.setEditable(False)
            token = facet_token(group, value.value)
            item.setData(token, TOKEN_ROLE)
            item.setData(self.tr(CHIP_TEXT[group]).format(value=label), LABEL_ROLE)
            item.setData("facet", KIND_ROLE)
            n = value.count
            tip = (self.tr("{count} readout; click to add the filter {token}", "", n) if n == 1
                   else self.tr("{count} readouts; click to add the filter {token}", "", n))
            if sampled:
                tip = self.tr("At least {count} readouts (counted among the newest {sample} "
                              "hits of very many); click to add the filter {token}")
            item.setToolTip(tip.format(count=f"{n:,}", token=token, sample=f"{sampled:,}"))
            spoken = (self.tr("{label}, {count} readout", "", n) if n == 1
                      else self.tr("{label}, {count} readouts", "", n))
            item.setData(spoken.format(label=label, count=n),
                         Qt.ItemDataRole.AccessibleTextRole)
            parent.appendRow(item)

    def set_saved(self, saved: list[tuple[str, str]]) -> None:
        """Show the saved searches as ``(name, query)``."""
        parent = self.group(SAVED)
        parent.removeRows(0, parent.rowCount())
        if not saved:
            hint = QStandardItem(self.tr("None yet: Edit ▸ Save Search…"))
            hint.setEditable(False)
            hint.setSelectable(False)
            hint.setEnabled(False)
            hint.setToolTip(self.tr("Name the current search (Ctrl+Shift+S) to find it here again"))
            parent.appendRow(hint)
        for name, query in saved:
            item = QStandardItem(name)
            item.setEditable(False)
            item.setData(query, TOKEN_ROLE)
            item.setData(name, LABEL_ROLE)
            item.setData("saved", KIND_ROLE)
            item.setToolTip(self.tr("Run the saved search: {query}").format(query=query))
            parent.appendRow(item)


class FacetsView(QTreeView):
    """The sidebar tree. Emits ``filterChosen(token, label)`` or ``savedChosen(query)``."""

    filterChosen = Signal(str, str)  # noqa: N815
    savedChosen = Signal(str)  # noqa: N815
    deleteSavedRequested = Signal(str)  # noqa: N815 - the saved search's name

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.facets_model = FacetsModel(self)
        self.setModel(self.facets_model)
        self.setObjectName("facetsView")
        self.setAccessibleName(self.tr("Filters"))
        self.setToolTip(self.tr("Saved searches and counts for the current results; "
                                "click a value to narrow the results"))
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.expandAll()
        self.clicked.connect(self._choose)
        self.activated.connect(self._choose)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)

    def set_facets(self, facets: Facets) -> None:
        self.facets_model.set_facets(facets)

    def set_saved(self, saved: list[tuple[str, str]]) -> None:
        self.facets_model.set_saved(saved)

    def set_counting(self) -> None:
        self.facets_model.set_counting()

    def find_value(self, token: str) -> QModelIndex:
        """The index of the value carrying ``token`` (invalid when none)."""
        model = self.facets_model
        for g in range(model.rowCount()):
            group = model.index(g, 0)
            for r in range(model.rowCount(group)):
                index = model.index(r, 0, group)
                if index.data(TOKEN_ROLE) == token:
                    return index
        return QModelIndex()

    def _choose(self, index: QModelIndex) -> None:
        if not index.flags() & Qt.ItemFlag.ItemIsEnabled:
            return  # a count of the results before
        kind = index.data(KIND_ROLE)
        if kind == "facet":
            self.filterChosen.emit(str(index.data(TOKEN_ROLE)), str(index.data(LABEL_ROLE)))
        elif kind == "saved":
            self.savedChosen.emit(str(index.data(TOKEN_ROLE)))

    def _context_menu(self, pos: QPoint) -> None:
        index = self.indexAt(pos)
        if index.data(KIND_ROLE) != "saved":
            return
        name = str(index.data(LABEL_ROLE))
        menu = QMenu(self)
        action = menu.addAction(self.tr("Delete saved search “{name}”").format(name=name))
        action.setToolTip(self.tr("Forget this saved search (the readouts are not touched)"))
        action.triggered.connect(lambda: self.deleteSavedRequested.emit(name))
        menu.exec(self.viewport().mapToGlobal(pos))
