"""The plain fields of the form: when and where (first) and the source (last)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from readout_desk.domain.draft import Built, ReadoutDraft
from readout_desk.domain.records import Mode
from readout_desk.ui.editor.widgets import (
    Choice,
    IssueLabel,
    TextBox,
    TextLine,
    japanese_line,
    mark,
    section_group,
    show_values,
)
from readout_desk.ui.language import mode_label
from readout_desk.ui.zone_picker import ZonePicker


class _FormSection(QWidget):
    """A section whose fields stand in one form inside its titled group."""

    edited = Signal(str)

    def __init__(self, title: str, name: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(section_group(title, name, self))


class WhenWhereSection(_FormSection):
    """Section, dates, title, how and where the meeting was held."""

    placeChanged = Signal()  # noqa: N815  # city or country edited: the zone suggestions may change

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("When and where"), "whenWhereGroup", parent)
        form = self.form

        self.section = TextLine("section", "sectionField", self.tr("Section"),
                                self.tr("e.g. Japan-Peru Relations"), self)
        self.meeting_date = TextLine("meeting_date", "meetingDateField",
                                     self.tr("Meeting date"),
                                     self.tr("e.g. 2023-05-03, May 3, 2023 or 令和5年5月3日"), self)
        self.published_date = TextLine("published_date", "publishedDateField",
                                       self.tr("Published date"),
                                       self.tr("Enter: the meeting date (or type another)"), self)
        self.published_date.returnPressed.connect(self._published_as_met)
        self.title = TextLine("title", "titleField", self.tr("Title"),
                              self.tr("e.g. Japan-Peru Foreign Ministers' Meeting"), self)
        self.mode = Choice("mode", "modeField", self.tr("How the meeting was held"),
                           [m.value for m in Mode], shown=mode_label, parent=self)
        self.occasion = TextLine("occasion", "occasionField", self.tr("Occasion"),
                                 self.tr("e.g. United Nations General Assembly"), self)
        self.relation = TextLine("relation", "relationField", self.tr("Countries involved"),
                                 self.tr("e.g. Japan, Peru"), self)
        self.city = TextLine("city", "cityField", self.tr("City"), self.tr("e.g. Lima"), self)
        self.city_ja = japanese_line(TextLine("city_ja", "cityJaField",
                                              self.tr("City as printed in Japanese"),
                                              self.tr("e.g. リマ"), self))
        self.country = TextLine("country", "countryField", self.tr("Country"),
                                self.tr("e.g. Peru"), self)
        self.venue = TextLine("venue", "venueField", self.tr("Venue"),
                              self.tr("building or hotel, if printed"), self)
        self.zone = ZonePicker(self)
        self.zone.setObjectName("placeZoneField")
        self.zone.setAccessibleName(self.tr("Time zone of the place"))
        self.zone.zoneEdited.connect(lambda _z: self.edited.emit("place_zone"))

        self.issue_labels: dict[str, IssueLabel] = {}
        self.fields: dict[str, QWidget] = {}

        def row(label: str, *parts: tuple[str, str, QWidget]) -> None:
            """One line of the form: a field, or several side by side with small labels."""
            holder = QWidget(self)
            v = QVBoxLayout(holder)
            v.setContentsMargins(0, 0, 0, 0)
            v.setSpacing(2)
            line = QHBoxLayout()
            line.setContentsMargins(0, 0, 0, 0)
            for i, (small, key, widget) in enumerate(parts):
                if i:
                    caption = QLabel(small, self)
                    caption.setBuddy(widget)
                    line.addWidget(caption)
                line.addWidget(widget, 1)
                self.fields[key] = widget
            v.addLayout(line)
            holder.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # a mnemonic, not a Tab stop
            holder.setFocusProxy(parts[0][2])  # set after the policy, which it would take
            for _small, key, _widget in parts:
                issue = IssueLabel(f"{key}Issue", self)
                v.addWidget(issue)
                self.issue_labels[key] = issue
            form.addRow(label, holder)

        row(self.tr("&Section:"), ("", "section", self.section))
        row(self.tr("Meetin&g date:"), ("", "meeting_date", self.meeting_date),
            (self.tr("Pu&blished:"), "published_date", self.published_date))
        row(self.tr("&Title:"), ("", "title", self.title))
        row(self.tr("&Mode:"), ("", "mode", self.mode),
            (self.tr("&Occasion:"), "occasion", self.occasion))
        row(self.tr("&City:"), ("", "city", self.city),
            (self.tr("in Japanese:"), "city_ja", self.city_ja),
            (self.tr("Countr&y:"), "country", self.country),
            (self.tr("&Venue:"), "venue", self.venue))
        row(self.tr("Time &zone:"), ("", "place_zone", self.zone),
            (self.tr("Countries &involved:"), "relation", self.relation))

        for widget in (self.section, self.meeting_date, self.published_date, self.title,
                       self.mode, self.occasion, self.relation, self.venue, self.city_ja):
            widget.edited.connect(self.edited)
        for widget in (self.city, self.country):
            widget.edited.connect(self.edited)
            widget.edited.connect(lambda _k: self.placeChanged.emit())

    def _published_as_met(self) -> None:
        """Enter in an empty published date takes the meeting date (readouts mostly are
        published the day of the meeting)."""
        if not self.published_date.text().strip() and self.meeting_date.text().strip():
            self.published_date.setText(self.meeting_date.text().strip())
            self.edited.emit("published_date")

    def set_draft(self, d: ReadoutDraft) -> None:
        """Show the draft's fields."""
        show_values(d, (self.section, self.meeting_date, self.published_date, self.title,
                        self.occasion, self.relation, self.city, self.city_ja, self.country,
                        self.venue))
        self.mode.set_value(d.mode.value)
        if self.zone.zone() != d.place_zone:
            self.zone.set_zone(d.place_zone)

    def focus_order(self) -> list[QWidget]:
        """The fields in the order Tab visits them: as laid out, line by line."""
        return [self.section, self.meeting_date, self.published_date, self.title, self.mode,
                self.occasion, self.city, self.city_ja, self.country, self.venue, self.zone,
                self.relation]

    def apply(self, d: ReadoutDraft) -> ReadoutDraft:
        """``d`` with this section's fields as shown."""
        return replace(
            d, section=self.section.text(), meeting_date=self.meeting_date.text(),
            published_date=self.published_date.text(), title=self.title.text(),
            mode=Mode(self.mode.value()), occasion=self.occasion.text(),
            relation=self.relation.text(), city=self.city.text(), city_ja=self.city_ja.text(),
            country=self.country.text(), venue=self.venue.text(), place_zone=self.zone.zone(),
        )

    def show_issues(self, built: Built) -> None:
        """Mark the fields the issues are about."""
        for key, label in self.issue_labels.items():
            found = built.for_key(key)
            label.show_issues(found)
            mark(self.fields[key], found)


class SourceSection(_FormSection):
    """Where the readout comes from, and the archivist's notes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Source"), "sourceGroup", parent)
        form = self.form
        self.publisher = TextLine("publisher", "publisherField", self.tr("Publisher"),
                                  self.tr("e.g. Ministry of Foreign Affairs of Japan"), self)
        self.source_url = TextLine("source_url", "sourceUrlField", self.tr("Source address"),
                                   "https://…", self)
        self.notes = TextBox("notes", "notesField", self.tr("Notes"),
                             self.tr("anything worth keeping"), self)
        self.notes.setMaximumHeight(70)
        form.addRow(self.tr("Publis&her:"), self.publisher)
        form.addRow(self.tr("Source URL:"), self.source_url)
        form.addRow(self.tr("Notes:"), self.notes)
        for widget in (self.publisher, self.source_url, self.notes):
            widget.edited.connect(self.edited)

    def set_draft(self, d: ReadoutDraft) -> None:
        """Show the draft's fields."""
        show_values(d, (self.publisher, self.source_url, self.notes))

    def focus_order(self) -> list[QWidget]:
        """The fields in the order Tab visits them."""
        return [self.publisher, self.source_url, self.notes]

    def apply(self, d: ReadoutDraft) -> ReadoutDraft:
        """``d`` with this section's fields as shown."""
        return replace(d, publisher=self.publisher.text(), source_url=self.source_url.text(),
                       notes=self.notes.toPlainText())

    def show_issues(self, built: Built) -> None:
        """Nothing here can be wrong."""
