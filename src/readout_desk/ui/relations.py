"""Relations: a country pair's (or a country's) readouts in date order, like a ministry's
"Japan-Peru Relations" page, and a person's readouts with the offices they held."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from readout_desk.domain import geography
from readout_desk.domain.records import Person, SearchPage
from readout_desk.ui import parts
from readout_desk.ui.settings import format_date

if TYPE_CHECKING:
    from readout_desk.ui.main_window import MainWindow

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ANY = ""
#: The most readouts one relation page lists.
MAX_LISTED = 5000


@dataclass(frozen=True)
class PersonRecord:
    """What the people tab shows for one person."""

    person: Person
    offices: list[tuple[str, dt.date | None]]
    readouts: list[tuple[int, dt.date | None, str, str]]  # id, date, title, office held then


class RelationsDialog(QDialog):
    """Two tabs: Countries and People. Double-click a readout to show it in the window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.main_window = window
        self.archive = window.archive
        self.setWindowTitle(self.tr("Relations"))
        self.setObjectName("relationsDialog")
        self.setAccessibleName(self.tr("Relations"))
        self.resize(760, 560)
        self._generation = 0

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("relationsTabs")
        self.tabs.addTab(self._countries_tab(), self.tr("Countries"))
        self.tabs.addTab(self._people_tab(), self.tr("People"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

        self._people_generation = 0
        self._person_generation = 0
        self._wanted: tuple[str, str] | None = None
        self.countries_loaded = False
        self.first.currentIndexChanged.connect(self.show_countries)
        self.second.currentIndexChanged.connect(self.show_countries)
        self.country_title.setText(self.tr("Finding the countries in the archive…"))
        searches = window.search_controller
        searches.facet_runner.run(
            lambda: [f.value for f in searches.background_archive().facets("", limit=500)
                     .countries],
            self._fill_countries, window.show_problem)
        self._find_people("")

    def _fill_countries(self, codes: list[str]) -> None:
        """The countries named by readouts, by name (loaded off the UI thread)."""
        for combo in (self.first, self.second):
            combo.blockSignals(True)
        for code in sorted(codes, key=lambda c: geography.match_key(geography.country_name(c))):
            label = f"{geography.country_name(code)} ({code})"
            self.first.addItem(label, code)
            self.second.addItem(label, code)
        for combo in (self.first, self.second):
            combo.blockSignals(False)
        self.countries_loaded = True
        if self._wanted is not None:
            self.choose_countries(*self._wanted)
        else:
            self.show_countries()

    # ----- countries -----------------------------------------------------------------

    def _countries_tab(self) -> QWidget:
        page = QWidget(self)
        self.first = parts.named(QComboBox(page), "relationFirst", self.tr("Country"),
                                 self.tr("A country of the relation"))
        self.second = parts.named(QComboBox(page), "relationSecond",
                                  self.tr("Counterpart country"),
                                  self.tr("The other country, or any"))
        self.second.addItem(self.tr("any country"), ANY)
        self.country_title = QLabel(page)
        self.country_title.setObjectName("relationTitle")
        font = self.country_title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.country_title.setFont(font)
        self.country_list = _readout_tree(page, [self.tr("Date"), self.tr("Title"),
                                                 self.tr("Place")], "relationReadouts",
                                          self.tr("Readouts of this relation, oldest first; "
                                                  "double-click to show one"))
        self.country_list.itemActivated.connect(self._show_item)
        row = QHBoxLayout()
        row.addWidget(self.first, 1)
        row.addWidget(QLabel(self.tr("and"), page))
        row.addWidget(self.second, 1)
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(self.country_title)
        layout.addWidget(self.country_list, 1)
        return page

    def choose_countries(self, first: str, second: str = ANY) -> None:
        """Pick the relation to show (ISO codes; ``second`` may be empty for any)."""
        self.tabs.setCurrentIndex(0)
        if not self.countries_loaded:
            self._wanted = (first, second)  # chosen once the list is in
            return
        self._wanted = None
        i = self.first.findData(first)
        if i >= 0:
            self.first.setCurrentIndex(i)
        j = self.second.findData(second)
        self.second.setCurrentIndex(max(0, j))
        self.show_countries()

    def show_countries(self) -> None:
        if not self.countries_loaded:
            return
        first = str(self.first.currentData() or "")
        second = str(self.second.currentData() or "")
        if not first:
            self.country_title.setText(self.tr("No readout names a country yet."))
            return
        codes = [first] + ([second] if second and second != first else [])
        self.country_title.setText(geography.relation_label(codes))
        query = " ".join(f"country:{c}" for c in codes)
        self._generation += 1
        generation = self._generation
        fmt = self.main_window.settings.date_format()

        def done(page: SearchPage) -> None:
            if generation != self._generation:
                return
            self.country_list.clear()
            for hit in page.hits:
                item = QTreeWidgetItem([format_date(hit.meeting_date, fmt), hit.title,
                                        hit.place])
                item.setData(0, ID_ROLE, hit.id)
                self.country_list.addTopLevelItem(item)
            n = page.total
            title = (self.tr("{relation} — {count} readout", "", n) if n == 1
                     else self.tr("{relation} — {count} readouts", "", n))
            self.country_title.setText(title.format(relation=geography.relation_label(codes),
                                                    count=f"{n:,}"))

        self.main_window.runner.run(
            lambda: self.main_window.search_controller.background_archive("search").search(
                query, limit=MAX_LISTED, sort="date", descending=False),
            done, self.main_window.show_problem)

    # ----- people --------------------------------------------------------------------

    def _people_tab(self) -> QWidget:
        page = QWidget(self)
        self.person_filter = parts.filter_field(
            "personFilter", self.tr("Find a person"),
            self.tr("Find a person by family or given name"),
            self.tr("Type the start of a family or given name"), page)
        self.people = parts.named(QListWidget(page), "peopleList", self.tr("People"),
                                  self.tr("People in the archive; choose one to see their "
                                          "readouts"))
        self.offices = parts.named(QLabel(page), "personOffices",
                                   tip=self.tr("Offices held, newest first, with the last meeting "
                                               "in each"))
        self.offices.setWordWrap(True)
        self.offices.setTextFormat(Qt.TextFormat.PlainText)
        self.person_readouts = _readout_tree(
            page, [self.tr("Date"), self.tr("Title"), self.tr("Office then")], "personReadouts",
            self.tr("The person's readouts, oldest first; double-click to show one"))
        self.person_readouts.itemActivated.connect(self._show_item)
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(120)
        timer.timeout.connect(lambda: self._find_people(self.person_filter.text()))
        self.person_filter.textChanged.connect(timer.start)
        self.people.currentItemChanged.connect(self._person_chosen)

        left = QWidget(page)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.person_filter)
        left_layout.addWidget(self.people)
        right = QWidget(page)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.offices)
        right_layout.addWidget(self.person_readouts, 1)
        split = QSplitter(Qt.Orientation.Horizontal, page)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(page)
        layout.addWidget(split)
        return page

    def _find_people(self, prefix: str) -> None:
        self._people_generation += 1
        generation = self._people_generation

        def done(people: list[Person]) -> None:
            if generation != self._people_generation:
                return
            self.people.clear()
            for person in people:
                item = QListWidgetItem(person.display_name)
                item.setData(ID_ROLE, person.id)
                item.setData(ID_ROLE + 1, person)
                self.people.addItem(item)

        self.main_window.runner.run(lambda: self.archive.people(prefix.strip(), limit=200), done,
                                self.main_window.show_problem)

    def choose_person(self, person_id: int) -> None:
        """Show the person with that id (when listed)."""
        self.tabs.setCurrentIndex(1)
        for row in range(self.people.count()):
            item = self.people.item(row)
            if item.data(ID_ROLE) == person_id:
                self.people.setCurrentItem(item)
                return

    def _person_chosen(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        person = item.data(ID_ROLE + 1)
        if not isinstance(person, Person) or person.id is None:
            return
        person_id = person.id
        self._person_generation += 1
        generation = self._person_generation
        fmt = self.main_window.settings.date_format()

        def work() -> PersonRecord:
            offices = self.archive.offices_of(person_id)
            readouts: list[tuple[int, dt.date | None, str, str]] = []
            for r in self.archive.get_many(self.archive.readouts_of_person(person_id)):
                office = next((p.office for p in r.participants
                               if p.person.id == person_id), "")
                readouts.append((r.id or 0, r.meeting_date, r.title, office))
            return PersonRecord(person, list(offices), readouts)

        def done(record: PersonRecord) -> None:
            if generation != self._person_generation:
                return
            lines = [self.tr("{office} (last {day})").format(
                office=office, day=format_date(day, fmt) or self.tr("undated"))
                for office, day in record.offices]
            self.offices.setText(record.person.display_name + "\n" + (
                "\n".join(lines) if lines else self.tr("No office recorded.")))
            self.person_readouts.clear()
            for rid, day, title, office in record.readouts:
                row = QTreeWidgetItem([format_date(day, fmt), title, office])
                row.setData(0, ID_ROLE, rid)
                self.person_readouts.addTopLevelItem(row)

        self.main_window.runner.run(work, done, self.main_window.show_problem)

    def _show_item(self, item: QTreeWidgetItem) -> None:
        readout_id = item.data(0, ID_ROLE)
        if readout_id is not None:
            self.main_window.show_readout(int(readout_id))


def _readout_tree(parent: QWidget, headers: list[str], name: str, tip: str) -> QTreeWidget:
    tree = QTreeWidget(parent)
    tree.setObjectName(name)
    tree.setAccessibleName(tip.split(";")[0])
    tree.setToolTip(tip)
    tree.setHeaderLabels(headers)
    tree.header().setAccessibleName(QCoreApplication.translate("Relations", "Columns"))
    tree.header().setToolTip(
        QCoreApplication.translate("Relations", "Drag an edge to resize a column"))
    tree.setRootIsDecorated(False)
    tree.setUniformRowHeights(True)
    tree.setColumnWidth(0, 110)
    tree.setColumnWidth(1, 360)
    return tree


def show_relations(window: MainWindow) -> RelationsDialog:
    """Open (or raise) the window's Relations dialog on the countries of the readout shown."""
    dialog = window.findChild(RelationsDialog, "relationsDialog")
    if dialog is None:
        dialog = RelationsDialog(window)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    current = window.detail.readout
    if current is not None and current.relation:
        dialog.choose_countries(current.relation[0],
                                current.relation[1] if len(current.relation) > 1 else "")
    else:
        dialog.show_countries()
    return dialog
