"""The sessions of a meeting: a table, the fields of the selected session, a live preview.

Each session's start is typed as the source printed it (local date and time, zone,
hedge). A time skipped by a daylight-saving change is refused with the nearest valid
times offered as buttons; a time that occurs twice asks which of the two is meant.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from readout_desk.domain import render, render_ja, scripts, timing
from readout_desk.domain.draft import SESSION_KINDS, Built, ReadoutDraft, SessionDraft
from readout_desk.domain.formtext import parse_duration, split_clock_hedge
from readout_desk.domain.records import MeetingSession, Readout
from readout_desk.ui.editor.rows import ListSection, RowTable, kept_row
from readout_desk.ui.editor.widgets import (
    Choice,
    IssueLabel,
    TextLine,
    button,
    detail_form,
    field_row,
    mark,
    section_group,
    show_values,
)
from readout_desk.ui.language import QT_TRANSLATE_NOOP, translate
from readout_desk.ui.messages import message_text
from readout_desk.ui.zone_picker import ZonePicker

HEADERS = (QT_TRANSLATE_NOOP("RowTable", "Kind"), QT_TRANSLATE_NOOP("RowTable", "Start (local)"),
           QT_TRANSLATE_NOOP("RowTable", "Zone"), QT_TRANSLATE_NOOP("RowTable", "Duration"),
           QT_TRANSLATE_NOOP("RowTable", "Timing as shown"))


def _duration_text(s: SessionDraft) -> str:
    """The duration as the sessions table shows it ("about 1 h 30 min")."""
    parts = []
    if s.hours.strip():
        parts.append(translate("SessionsSection", "{hours} h").format(hours=s.hours.strip()))
    if s.minutes.strip():
        parts.append(translate("SessionsSection", "{minutes} min").format(
            minutes=s.minutes.strip()))
    text = " ".join(parts)
    return f"{s.duration_hedge} {text}".strip() if text else ""


def proposed_printed(session: MeetingSession, home_zone: str) -> str:
    """The second time a readout would print, by the rules: "11:10 p.m. on May 3 JST".

    Empty when the start is not a valid time in a known zone, or is already in the home zone.
    """
    if not home_zone or session.zone == home_zone or not timing.is_valid_zone(home_zone):
        return ""
    start = timing.session_start(session)
    if start is None:
        return ""
    home = start.astimezone(timing.get_zone(home_zone))
    return (f"{timing.format_clock(home)} on {timing.format_day(home.date())} "
            f"{timing.zone_abbreviation(home)}")


class SessionsSection(ListSection[SessionDraft]):
    """Sessions table, the selected session's fields and the timing preview."""

    prefix = "sessions"

    def __init__(self, home_zone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.home_zone = home_zone
        self._default_zone = ""
        self._built_sessions: tuple[MeetingSession, ...] = ()
        self._japanese = False  # a Japanese readout's timing reads as the ministry prints it
        layout = QVBoxLayout(section_group(self.tr("Sessions"), "sessionsGroup", self))
        self.rows = RowTable("sessionsTable", "session", HEADERS, self,
                             add_text=self.tr("&Add session"))
        layout.addWidget(self.rows)

        self.detail, form = detail_form("sessionDetail", self)
        self.kind = Choice("kind", "kindField", self.tr("Kind of session"), SESSION_KINDS,
                           editable=True, parent=self)
        self.date = TextLine("date", "sessionDateField", self.tr("Session date"),
                             self.tr("the meeting date"), self)
        self.time = TextLine("time", "timeField", self.tr("Local start time"),
                             self.tr("e.g. 9:10, 9:10 a.m. or 午前9時10分"), self)
        self.time_hedge = Choice("time_hedge", "timeHedgeField", self.tr("Time hedge"),
                                 timing.TIME_HEDGES, blank_label=self.tr("(as stated)"),
                                 parent=self)
        self.zone = ZonePicker(self)
        self.zone.setObjectName("sessionZoneField")
        self.zone.setAccessibleName(self.tr("Time zone the time was stated in"))
        self.zone.zoneEdited.connect(lambda _z: self._field_edited("zone"))
        self.zone_label = TextLine("zone_label", "zoneLabelField", self.tr("Zone as printed"),
                                   self.tr("local time"), self)
        self.hours = TextLine("hours", "hoursField", self.tr("Duration hours"),
                              self.tr("hours"), self)
        self.minutes = TextLine("minutes", "minutesField", self.tr("Duration minutes"),
                                self.tr("minutes"), self)
        self.hours.setMaximumWidth(70)
        self.hours.setToolTip(self.tr("Hours, or the whole length as printed (約1時間30分): it "
                                      "is spread over hours, minutes and the hedge"))
        self.minutes.setMaximumWidth(70)
        self.duration_hedge = Choice("duration_hedge", "durationHedgeField",
                                     self.tr("Duration hedge"),
                                     timing.DURATION_HEDGES, blank_label=self.tr("(as stated)"),
                                     parent=self)
        self.printed_text = TextLine("printed_text", "printedTextField",
                                     self.tr("Printed second time"),
                                     self.tr("as printed, e.g. 11:10 p.m. on May 3 JST"), self)
        self.printed_zone = ZonePicker(self)
        self.printed_zone.setObjectName("printedZoneField")
        self.printed_zone.setAccessibleName(self.tr("Time zone of the printed second time"))
        self.printed_zone.zoneEdited.connect(lambda _z: self._field_edited("printed_zone"))

        self.date_issue = IssueLabel("sessionDateIssue", self)
        self.time_issue = IssueLabel("timeIssue", self)
        self.zone_issue = IssueLabel("sessionZoneIssue", self)
        self.duration_issue = IssueLabel("durationIssue", self)
        self.printed_issue = IssueLabel("printedIssue", self)

        # Skipped time: offer the nearest valid times.
        self.nearest = QWidget(self)
        self.nearest.setObjectName("nearestTimes")
        hn = QHBoxLayout(self.nearest)
        hn.setContentsMargins(0, 0, 0, 0)
        self.use_before = button("", "useTimeBefore",
            self.tr("Use the last valid time before the gap"),
                                 self)
        self.use_after = button("", "useTimeAfter",
            self.tr("Use the first valid time after the gap"),
                                self)
        hn.addWidget(self.use_before)
        hn.addWidget(self.use_after)
        hn.addStretch(1)
        self.nearest.hide()
        self._nearest: tuple[dt.datetime, ...] = ()
        self.use_before.clicked.connect(lambda: self._use_nearest(0))
        self.use_after.clicked.connect(lambda: self._use_nearest(1))

        # Repeated time: ask which of the two.
        self.ambiguity = QWidget(self)
        self.ambiguity.setObjectName("ambiguityQuestion")
        self.ambiguity.setAccessibleName(self.tr("Which of the two times is meant"))
        ha = QHBoxLayout(self.ambiguity)
        ha.setContentsMargins(0, 0, 0, 0)
        ha.addWidget(QLabel(self.tr("Which one is meant?"), self))
        self.fold_first = QRadioButton(self)
        self.fold_first.setObjectName("foldFirst")
        self.fold_second = QRadioButton(self)
        self.fold_second.setObjectName("foldSecond")
        self.fold_group = QButtonGroup(self)
        self.fold_group.setExclusive(False)
        self.fold_group.addButton(self.fold_first, 0)
        self.fold_group.addButton(self.fold_second, 1)
        self.fold_group.idClicked.connect(self._choose_fold)
        ha.addWidget(self.fold_first)
        ha.addWidget(self.fold_second)
        ha.addStretch(1)
        self.ambiguity.hide()

        form.addRow(self.tr("Kind:"), self.kind)
        form.addRow(self.tr("&Local start:"), field_row(self, self.date, self.time, self.time_hedge,
                                               stretch=(2, 1, 1)))
        form.addRow("", self.date_issue)
        form.addRow(self.tr("Stated in zone:"),
                    field_row(self, self.zone, QLabel(self.tr("printed as"), self),
                              self.zone_label, stretch=(3, 0, 1)))
        form.addRow("", self.zone_issue)
        form.addRow("", self.time_issue)
        form.addRow("", self.nearest)
        form.addRow("", self.ambiguity)
        form.addRow(self.tr("D&uration:"), field_row(self, self.duration_hedge, self.hours,
                                            QLabel(self.tr("h"), self), self.minutes,
                                            QLabel(self.tr("min"), self), QWidget(self),
                                            stretch=(0, 0, 0, 0, 0, 1)))
        form.addRow("", self.duration_issue)
        form.addRow(self.tr("Pri&nted second time:"), field_row(self, self.printed_text,
                                                       self.printed_zone, stretch=(3, 2)))
        form.addRow("", self.printed_issue)
        layout.addWidget(self.detail)
        self.preview = QLabel(self)
        self.preview.setObjectName("timingPreview")
        self.preview.setAccessibleName(self.tr("Timing as the detail pane will show it"))
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(self.preview.textFormat().PlainText)
        self.preview.setStyleSheet("background: palette(alternate-base); padding: 6px;")
        layout.addWidget(QLabel(
            self.tr("Preview (home zone {zone}):").format(zone=home_zone), self))
        layout.addWidget(self.preview)

        for w in (self.kind, self.date, self.time, self.time_hedge, self.zone_label, self.hours,
                  self.minutes, self.duration_hedge, self.printed_text):
            w.edited.connect(self._field_edited)
        self._proposal = ""  # the second time the rules give, offered in the empty field
        self.printed_text.returnPressed.connect(self.take_proposal)
        self.hours.editingFinished.connect(self._split_duration)
        self.time.editingFinished.connect(self._split_time_hedge)
        self.rows.currentChanged.connect(self._show_current)
        self.rows.addRequested.connect(self.add)
        self.rows.edit_list(lambda: self._items, self._fill, self.edited.emit, "sessions")
        self._begin(self.rows.current, SessionDraft(kind=""), self.detail)

    # ----- zones ---------------------------------------------------------------------

    def set_zone_suggestions(self, zones: list[str], default: str) -> None:
        """Offer ``zones`` first; new sessions start in ``default``."""
        self._default_zone = default
        self.zone.set_suggestions(zones)
        self.printed_zone.set_suggestions([self.home_zone] if self.home_zone else [])

    # ----- rows ----------------------------------------------------------------------

    def _cells(self, i: int, s: SessionDraft) -> list[str]:
        start = " ".join(x for x in (s.date.strip(), s.time.strip()) if x)
        preview = ""
        if i < len(self._built_sessions):
            built = self._built_sessions[i]
            preview = (render_ja.japanese_timing(built) if self._japanese
                       else timing.render_timing(built, self.home_zone))
        return [s.kind, start, s.zone, _duration_text(s), preview]

    def _fill(self, current: int) -> None:
        self.rows.fill([self._cells(i, s) for i, s in enumerate(self._items)], current)
        self._show_current(current)

    def add(self) -> None:
        """Add a session in the place's zone (or the previous session's) and focus its time."""
        zone = self._items[-1].zone if self._items and self._items[-1].zone else \
            self._default_zone
        previous = self._items[-1] if self._items else None
        self._items.append(SessionDraft(
            kind="meeting", zone=zone, date=previous.date if previous else "",
            printed_zone=previous.printed_zone if previous else ""))
        self._fill(len(self._items) - 1)
        self.edited.emit("sessions.add")
        self.kind.setFocus()
        line = self.kind.lineEdit()
        if line is not None:
            line.selectAll()

    def _load(self, item: SessionDraft) -> None:
        show_values(item, (self.kind, self.date, self.time, self.time_hedge, self.zone_label,
                           self.hours, self.minutes, self.duration_hedge, self.printed_text))
        for picker, zone in ((self.zone, item.zone), (self.printed_zone, item.printed_zone)):
            if picker.zone() != zone:
                picker.set_zone(zone)

    def _read(self, old: SessionDraft, key: str) -> SessionDraft:
        item = replace(old, kind=self.kind.value(), date=self.date.text(), time=self.time.text(),
                       time_hedge=self.time_hedge.value(), zone=self.zone.zone(),
                       zone_label=self.zone_label.text(), hours=self.hours.text(),
                       minutes=self.minutes.text(), duration_hedge=self.duration_hedge.value(),
                       printed_text=self.printed_text.text(),
                       printed_zone=self.printed_zone.zone())
        if (item.date, item.time, item.zone) != (old.date, old.time, old.zone):
            item = replace(item, fold=None)  # a new time asks again
        if key == "printed_text" and item.printed_text.strip() and not item.printed_zone:
            item = replace(item, printed_zone=self.home_zone)
            self.printed_zone.set_zone(self.home_zone)
        return item

    def _show_row(self, row: int, old: SessionDraft, item: SessionDraft) -> None:
        self.rows.set_row(row, self._cells(row, item))

    def _split_duration(self) -> None:
        """"約1時間30分" typed whole in the hours field spreads over hours, minutes and the
        hedge (a hedge already chosen stays)."""
        written = parse_duration(self.hours.text()) if not self.minutes.text().strip() else None
        if written is None or self.rows.current() < 0:
            return
        hours, minutes = divmod(written.minutes, 60)
        self.hours.set_value(str(hours) if hours else "")
        self.minutes.set_value(str(minutes) if minutes else "")
        if written.hedge and not self.duration_hedge.value():
            self.duration_hedge.set_value(written.hedge)
        self._field_edited("hours")

    def _split_time_hedge(self) -> None:
        """"午前9時10分頃" typed in the time field puts its hedge in the hedge field (a hedge
        already chosen stays)."""
        clock, hedge = split_clock_hedge(self.time.text())
        if not hedge or self.rows.current() < 0:
            return
        self.time.set_value(clock)
        if not self.time_hedge.value():
            self.time_hedge.set_value(hedge)
        self._field_edited("time")

    def take_proposal(self) -> None:
        """Enter in an empty printed-time field takes the time the rules give at home."""
        if self.printed_text.text().strip() or not self._proposal or self.rows.current() < 0:
            return
        self.printed_text.setText(self._proposal)
        self._field_edited("printed_text")

    def _show_proposal(self, built: Built, row: int) -> None:
        session = built.readout.sessions[row] if 0 <= row < len(built.readout.sessions) else None
        self._proposal = proposed_printed(session, self.home_zone) if session else ""
        self.printed_text.setPlaceholderText(
            self.tr("Enter: {proposal}").format(proposal=self._proposal) if self._proposal else
            self.tr("as printed, e.g. 11:10 p.m. on May 3 JST"))

    def _use_nearest(self, which: int) -> None:
        row = self.rows.current()
        if row < 0 or which >= len(self._nearest):
            return
        wall = self._nearest[which]
        item = replace(self._items[row], time=f"{wall.hour:02d}:{wall.minute:02d}", fold=None)
        self._items[row] = item
        self._show(item)
        self.rows.set_row(row, self._cells(row, item))
        self.edited.emit(f"sessions.{row}.time.nearest")

    def _choose_fold(self, fold: int) -> None:
        row = self.rows.current()
        if row < 0:
            return
        self._items[row] = replace(self._items[row], fold=fold)
        self.edited.emit(f"sessions.{row}.fold")

    # ----- the section contract -------------------------------------------------------

    def set_draft(self, d: ReadoutDraft) -> None:
        """Show the draft's sessions, keeping the current row where possible."""
        self._items = list(d.sessions)
        self._fill(kept_row(self.rows.current(), len(self._items)))

    def focus_order(self) -> list[QWidget]:
        """The fields in the order Tab visits them: as laid out, line by line.

        The nearest valid times and the choice between two times stand under the zone,
        so they come before the duration.
        """
        return [*self.rows.focus_order(), self.kind, self.date, self.time, self.time_hedge,
                self.zone, self.zone_label, self.use_before, self.use_after, self.fold_first,
                self.fold_second, self.duration_hedge, self.hours, self.minutes,
                self.printed_text, self.printed_zone]

    def apply(self, d: ReadoutDraft) -> ReadoutDraft:
        """``d`` with the sessions as shown."""
        return replace(d, sessions=tuple(self._items))

    def current_session(self) -> SessionDraft | None:
        """The session being edited."""
        row = self.rows.current()
        return self._items[row] if 0 <= row < len(self._items) else None

    def show_issues(self, built: Built) -> None:
        """Mark problems, refresh the timing preview and the daylight-saving questions."""
        self._built_sessions = built.readout.sessions
        shown = _as_shown(built.readout)
        self._japanese = render.is_japanese(shown)
        for i, s in enumerate(self._items):
            self.rows.set_row(i, self._cells(i, s))
            found = [x for x in built.issues if x.key.startswith(f"sessions.{i}.")
                     and x.is_error]
            self.rows.mark_row(i, "\n".join(message_text(x.message) for x in found))
        row = self.rows.current()
        key = f"sessions.{row}"
        for label, field, name in ((self.date_issue, self.date, "date"),
                                   (self.time_issue, self.time, "time"),
                                   (self.zone_issue, self.zone, "zone"),
                                   (self.duration_issue, self.hours, "duration"),
                                   (self.printed_issue, self.printed_text, "printed")):
            found = built.for_key(f"{key}.{name}")
            label.show_issues(found)
            mark(field, found)
        mark(self.minutes, built.for_key(f"{key}.duration"))
        self._show_dst_question(built, row)
        self._show_proposal(built, row)
        self._show_preview(shown)

    def _show_dst_question(self, built: Built, row: int) -> None:
        time_issues = built.for_key(f"sessions.{row}.time")
        skipped = next((i for i in time_issues if i.kind == "nonexistent"), None)
        self._nearest = skipped.choices if skipped else ()
        if skipped:
            self.use_before.setText(self.tr("Use {clock}").format(
                clock=message_text(timing.format_clock(skipped.choices[0]))))
            self.use_after.setText(self.tr("Use {clock}").format(
                clock=message_text(timing.format_clock(skipped.choices[1]))))
        self.nearest.setVisible(skipped is not None)

        session = built.readout.sessions[row] if 0 <= row < len(built.readout.sessions) else None
        ambiguous = bool(session and session.start and session.zone
                         and timing.is_valid_zone(session.zone)
                         and timing.is_ambiguous(session.start, session.zone))
        if ambiguous and session is not None and session.start and session.zone:
            first = timing.resolve(session.start, session.zone, 0)
            second = timing.resolve(session.start, session.zone, 1)
            for radio, when, text in (
                    (self.fold_first, first, self.tr("The first: {clock} {offset}")),
                    (self.fold_second, second, self.tr("The second: {clock} {offset}"))):
                radio.setText(text.format(clock=message_text(timing.format_clock(when)),
                                          offset=timing.offset_label(when)))
            chosen = self._items[row].fold
            self.fold_first.setChecked(chosen == 0)
            self.fold_second.setChecked(chosen == 1)
        self.ambiguity.setVisible(ambiguous)

    def _show_preview(self, readout: Readout) -> None:
        lines = []
        for line in render.session_lines(readout, self.home_zone):
            text = f"{render.session_heading(MeetingSession(kind=line.kind))}"
            if line.timing:
                text += f": {line.timing}"
            if line.warning:
                text += f"\n    ! {line.warning}"
            lines.append(text)
        text = "\n".join(lines) if lines else self.tr("No sessions yet.")
        if self.preview.text() != text:  # a new text lays the whole form out again
            self.preview.setText(text)


def _as_shown(readout: Readout) -> Readout:
    """``readout`` in the language it will be saved in: a new one's is read from its text
    (as saving does), so that Japanese typed in shows its timing in the Japanese forms."""
    if readout.language:
        return readout
    texts = [readout.title, readout.lead, *(p.text for p in readout.points)]
    return replace(readout, language=scripts.language_of(texts))
