"""Who took part: a table of participants and the fields of the selected one.

Names complete from the people already in the archive; choosing one reuses that
person, and the office field then offers the offices they held before. Honorific and
name order stay exactly as typed. A name a readout prints in another script (林芳正,
ジャンカルロ・ヘルバシ) has its own field beside the Latin one; search finds either.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QVBoxLayout,
    QWidget,
)

from readout_desk.archive import Archive, ArchiveError
from readout_desk.domain.draft import Built, ParticipantDraft, ReadoutDraft
from readout_desk.domain.records import NameOrder, Person
from readout_desk.ui.editor.rows import ListSection, RowTable, kept_row
from readout_desk.ui.editor.widgets import (
    Choice,
    IssueLabel,
    TextLine,
    detail_form,
    field_row,
    japanese_line,
    mark,
    section_group,
    show_values,
)
from readout_desk.ui.language import QT_TRANSLATE_NOOP
from readout_desk.ui.messages import message_text
from readout_desk.ui.tasks import TaskRunner

HEADERS = (QT_TRANSLATE_NOOP("RowTable", "Name as printed"),
           QT_TRANSLATE_NOOP("RowTable", "Office"), QT_TRANSLATE_NOOP("RowTable", "Country"),
           QT_TRANSLATE_NOOP("RowTable", "Side"))


def printed_name(p: ParticipantDraft) -> str:
    """"Mr. HAYASHI Yoshimasa": honorific and name in the order typed, after the name in
    its own script when there is one ("林芳正 (HAYASHI Yoshimasa)"); the name once when
    both fields hold it written the same way, spaces aside ("桜井健太")."""
    names = [p.family_name, p.given_name] if p.family_first else [p.given_name, p.family_name]
    latin = " ".join(x.strip() for x in names if x.strip())
    script = p.printed_name.strip()
    if "".join(script.split()) == "".join(latin.split()):
        latin = ""
    honorific = p.honorific.strip()
    if script and latin:
        return f"{script} ({' '.join(x for x in (honorific, latin) if x)})"
    return " ".join(x for x in (honorific, script or latin) if x)


class ParticipantsSection(ListSection[ParticipantDraft]):
    """The participants table with the selected participant's fields beneath."""

    prefix = "participants"

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.runner = TaskRunner(self, max_threads=1)  # people and offices in the archive
        self._people: dict[str, Person] = {}
        layout = QVBoxLayout(section_group(self.tr("Who"), "participantsGroup", self))
        self.rows = RowTable("participantsTable", "participant", HEADERS, self,
                             add_text=self.tr("Add &participant"))
        layout.addWidget(self.rows)

        self.detail, form = detail_form("participantDetail", self)
        self.honorific = TextLine("honorific", "honorificField", self.tr("Honorific"),
                                  self.tr("as printed: Mr., H.E. Ms."), self)
        self.family = TextLine("family_name", "familyNameField", self.tr("Family name"),
                               self.tr("e.g. HAYASHI (type to find people in the archive)"), self)
        self.given = TextLine("given_name", "givenNameField",
            self.tr("Given name"), self.tr("e.g. Yoshimasa"),
                              self)
        self.script_name = TextLine("printed_name", "printedNameField",
                                    self.tr("Name as printed in its own script"),
                                    self.tr("as printed, e.g. 林芳正"), self)
        self.family_first = QCheckBox(self.tr("Family name first (HAYASHI Yoshimasa)"), self)
        self.family_first.setObjectName("familyFirstField")
        self.family_first.setAccessibleName(self.tr("Family name printed first"))
        self.office = Choice("office", "officeField",
            self.tr("Office"), [], editable=True, parent=self)
        office_line = self.office.lineEdit()
        assert office_line is not None
        office_line.setPlaceholderText(self.tr("e.g. Minister for Foreign Affairs"))
        self.office_ja = japanese_line(TextLine("office_ja", "officeJaField",
                                                self.tr("Office as printed in Japanese"),
                                                self.tr("as printed, e.g. 外務大臣"), self))
        self.country = TextLine("country", "participantCountryField",
                                self.tr("Participant's country"),
                                self.tr("e.g. Japan"), self)
        self.organisation = TextLine("organisation", "organisationField", self.tr("Organisation"),
                                     self.tr("if not a government"), self)
        self.side = TextLine("side", "sideField",
            self.tr("Side"), self.tr("e.g. host, guest"), self)
        self.family_issue = IssueLabel("familyNameIssue", self)
        self.country_issue = IssueLabel("participantCountryIssue", self)

        form.addRow(self.tr("Name:"), field_row(self, self.honorific, self.family, self.given,
                                       stretch=(1, 2, 2)))
        form.addRow("", self.family_first)
        form.addRow(self.tr("In its script:"), self.script_name)
        form.addRow("", self.family_issue)
        form.addRow(self.tr("O&ffice:"), self.office)
        form.addRow(self.tr("In Japanese:"), self.office_ja)
        form.addRow(self.tr("Country / org. / side:"), field_row(
            self, self.country, self.organisation, self.side, stretch=(1, 1, 1)))
        form.addRow("", self.country_issue)
        layout.addWidget(self.detail)

        self._people_model = QStringListModel(self)
        completer = QCompleter(self._people_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setObjectName("personCompleter")
        self.family.setCompleter(completer)
        completer.activated.connect(self.choose_person)
        self.person_completer = completer

        self.family.textEdited.connect(self._look_up_people)
        for w in (self.honorific, self.family, self.given, self.script_name, self.office,
                  self.office_ja, self.country, self.organisation, self.side):
            w.edited.connect(self._field_edited)
        self.family_first.toggled.connect(lambda _on: self._field_edited("family_first"))
        self.rows.currentChanged.connect(self._show_current)
        self.rows.addRequested.connect(self.add)
        self.rows.edit_list(lambda: self._items, self._fill, self.edited.emit, "participants")
        self._begin(self.rows.current, ParticipantDraft(), self.detail)

    # ----- people from the archive ----------------------------------------------------

    def _look_up_people(self, text: str) -> None:
        prefix = text.strip()
        if not prefix:
            return
        archive = self.archive
        self.runner.run(lambda: archive.people(prefix, limit=20),
                        lambda people: self._found_people(prefix, people), _archive_only)

    def _found_people(self, prefix: str, people: list[Person]) -> None:
        if self.family.text().strip() != prefix:
            return  # typing went on: a newer list is on its way
        self._people = {p.display_name: p for p in people}
        self._people_model.setStringList(list(self._people))
        if people and self.family.hasFocus():
            self.person_completer.setCompletionPrefix(prefix)
            self.person_completer.complete()

    def choose_person(self, label: str) -> None:
        """Take the person shown as ``label`` in the completion list (reusing them)."""
        person = self._people.get(label)
        row = self.rows.current()
        if person is None or row < 0:
            return
        item = replace(self._items[row], family_name=person.family_name,
                       given_name=person.given_name,
                       family_first=person.name_order is NameOrder.FAMILY_FIRST,
                       person_id=person.id)
        self._items[row] = item
        self._show(item)
        self.rows.set_row(row, self._cells(item))
        self.edited.emit(f"participants.{row}.person")

    def _offer_offices(self, item: ParticipantDraft) -> None:
        person_id = item.person_id
        if person_id is None:
            self._show_offices(None, [])
            return
        archive = self.archive
        self.runner.run(lambda: [office for office, _day in archive.offices_of(person_id)],
                        lambda offices: self._show_offices(person_id, offices),
                        _archive_only)

    def _show_offices(self, person_id: int | None, offices: list[str]) -> None:
        row = self.rows.current()
        shown = self._items[row].person_id if 0 <= row < len(self._items) else None
        if shown != person_id:
            return  # another participant is shown now
        self.office.blockSignals(True)
        text = self.office.currentText()
        self.office.clear()
        for office in offices:
            self.office.addItem(office, office)
        self.office.setEditText(text)
        self.office.blockSignals(False)
        self.office.setToolTip(self.tr("Offices held before: {offices}").format(
            offices="; ".join(offices)) if offices
            else self.tr("The office held at the time of the meeting"))

    def offered_offices(self) -> list[str]:
        """The offices the office field suggests for the current participant."""
        return [self.office.itemText(i) for i in range(self.office.count())]

    # ----- rows -----------------------------------------------------------------------

    @staticmethod
    def _cells(p: ParticipantDraft) -> list[str]:
        return [printed_name(p), p.office, p.country, p.side]

    def add(self) -> None:
        """Add an empty participant and put the cursor in its name."""
        self._items.append(ParticipantDraft())
        self._fill(len(self._items) - 1)
        self.edited.emit("participants.add")
        self.honorific.setFocus()

    def _fill(self, current: int) -> None:
        self.rows.fill([self._cells(p) for p in self._items], current)
        self._show_current(current)

    def _load(self, item: ParticipantDraft) -> None:
        show_values(item, (self.honorific, self.family, self.given, self.script_name))
        self.family_first.setChecked(item.family_first)
        self._offer_offices(item)
        show_values(item, (self.office, self.office_ja, self.country, self.organisation,
                           self.side))

    def _read(self, old: ParticipantDraft, key: str) -> ParticipantDraft:
        item = replace(old, honorific=self.honorific.text(), family_name=self.family.text(),
                       given_name=self.given.text(), family_first=self.family_first.isChecked(),
                       printed_name=self.script_name.text(),
                       office=self.office.currentText(), office_ja=self.office_ja.text(),
                       country=self.country.text(),
                       organisation=self.organisation.text(), side=self.side.text())
        if key in ("family_name", "given_name") and (old.family_name, old.given_name) != (
                item.family_name, item.given_name):
            item = replace(item, person_id=None)  # a different name is a different person
        return item

    def _show_row(self, row: int, old: ParticipantDraft, item: ParticipantDraft) -> None:
        self.rows.set_row(row, self._cells(item))

    # ----- the section contract -------------------------------------------------------

    def set_draft(self, d: ReadoutDraft) -> None:
        """Show the draft's participants, keeping the current row where possible."""
        self._items = list(d.participants)
        self._fill(kept_row(self.rows.current(), len(self._items)))

    def focus_order(self) -> list[QWidget]:
        """The fields in the order Tab visits them."""
        return [*self.rows.focus_order(), self.honorific, self.family, self.given,
                self.family_first, self.script_name, self.office, self.office_ja,
                self.country, self.organisation, self.side]

    def apply(self, d: ReadoutDraft) -> ReadoutDraft:
        """``d`` with the participants as shown."""
        return replace(d, participants=tuple(self._items))

    def names(self) -> list[str]:
        """Short names for speaker completion: "Minister Hayashi" style family names."""
        return [p.family_name.strip().capitalize() for p in self._items if p.family_name.strip()]

    def show_issues(self, built: Built) -> None:
        """Mark rows with problems; show the current row's problems under its fields."""
        for i in range(len(self._items)):
            found = [x for x in built.issues if x.key.startswith(f"participants.{i}.")]
            self.rows.mark_row(i, "\n".join(message_text(x.message) for x in found))
        row = self.rows.current()
        family = built.for_key(f"participants.{row}.family_name")
        country = built.for_key(f"participants.{row}.country")
        self.family_issue.show_issues(family)
        self.country_issue.show_issues(country)
        mark(self.family, family)
        mark(self.country, country)


def _archive_only(exc: BaseException) -> None:
    """A lookup the archive could not answer offers nothing; anything else is a bug."""
    if not isinstance(exc, ArchiveError):
        raise exc
