"""The editor's form contents as plain values, and how they become a readout.

A :class:`ReadoutDraft` holds what the form shows, as typed: dates and times are still
text, so a half-typed "9:1" can be kept, undone and redone. :func:`build` turns a draft
into a :class:`~readout_desk.domain.records.Readout` plus the issues that stand in the way
of saving it, each tied to the field it is about. Nothing here imports Qt, so the rules
are tested without a window.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from readout_desk.domain import geography, records, timing, validation
from readout_desk.domain.formtext import (
    format_wall_date,
    format_wall_time,
    parse_date,
    parse_duration,
    parse_printed,
    parse_whole,
    split_clock_hedge,
    zone_name,
)
from readout_desk.domain.messages import Message, of_error

_NOT_A_COUNTRY = "{text!r} is not a country name or code known to ISO 3166."
_NOT_A_ZONE = "{zone!r} is not a known IANA time zone; choose one from the list."

#: Kinds of session offered in the editor's list; any other text may be typed.
SESSION_KINDS: tuple[str, ...] = (
    "meeting",
    "small group meeting",
    "plenary meeting",
    "summit meeting",
    "bilateral meeting",
    "working lunch",
    "working dinner",
    "breakfast meeting",
    "telephone talk",
    "video conference",
    "courtesy call",
    "strategic dialogue",
    "joint press announcement",
    "signing ceremony",
)

@dataclass(frozen=True)
class ParticipantDraft:
    """One row of the participants table, as typed."""

    honorific: str = ""
    family_name: str = ""
    given_name: str = ""
    family_first: bool = False
    office: str = ""
    country: str = ""  # a name or an ISO code, as typed
    organisation: str = ""
    side: str = ""
    person_id: int | None = None  # set when an existing person was chosen
    printed_name: str = ""  # the name as a readout in another script prints it, kept
    office_ja: str = ""  # the office as a Japanese readout prints it


@dataclass(frozen=True)
class SessionDraft:
    """One row of the sessions table, as typed."""

    kind: str = "meeting"
    date: str = ""  # empty: the meeting date
    time: str = ""
    zone: str = ""
    fold: int | None = None
    time_hedge: str = ""
    zone_label: str = ""
    hours: str = ""
    minutes: str = ""
    duration_hedge: str = ""
    printed_text: str = ""
    printed_zone: str = ""
    # Kept from a loaded record so an unchanged printed text keeps its stored reading.
    printed_original: records.PrintedTime | None = None
    end: dt.datetime | None = None


@dataclass(frozen=True)
class PhotoDraft:
    """A photo: its caption, and its file (relative to the attachment folder, or a new file)."""

    caption: str = ""
    file: str = ""  # relative to the archive's attachment folder once saved
    source: str = ""  # absolute path of an image added in this form, copied on save


@dataclass(frozen=True)
class ReadoutDraft:
    """Everything the editor form shows."""

    title: str = ""
    section: str = ""
    relation: str = ""  # countries involved, comma separated names or codes
    meeting_date: str = ""
    published_date: str = ""
    mode: records.Mode = records.Mode.IN_PERSON
    city: str = ""
    city_ja: str = ""  # the city as a Japanese readout prints it
    country: str = ""
    venue: str = ""
    place_zone: str = ""
    occasion: str = ""
    lead: str = ""
    participants: tuple[ParticipantDraft, ...] = ()
    sessions: tuple[SessionDraft, ...] = ()
    points: tuple[records.SummaryPoint, ...] = ()
    topics: tuple[str, ...] = ()
    photos: tuple[PhotoDraft, ...] = ()
    publisher: str = ""
    source_url: str = ""
    notes: str = ""
    # The id, timestamps and fields not on the form; a new readout's language is left to
    # be decided by its text when it is saved.
    base: records.Readout = field(default_factory=lambda: records.Readout(language=""))


@dataclass(frozen=True)
class Issue:
    """Something wrong (``error``) or worth a second look (``warning``) about one field.

    ``kind`` is "nonexistent" or "ambiguous" for the two daylight-saving cases, whose
    ``choices`` are the nearest valid wall times or the two aware instants; "required"
    marks a field left empty (the form points these out once saving is tried).
    """

    key: str
    message: str
    severity: str = "error"
    kind: str = ""
    choices: tuple[dt.datetime, ...] = ()

    @property
    def is_error(self) -> bool:
        """Whether the issue stops the readout from being saved."""
        return self.severity == "error"


@dataclass(frozen=True)
class Built:
    """A draft read as a readout, with every issue found on the way."""

    readout: records.Readout
    issues: tuple[Issue, ...]

    @property
    def errors(self) -> tuple[Issue, ...]:
        """The issues that stop saving."""
        return tuple(i for i in self.issues if i.is_error)

    @property
    def warnings(self) -> tuple[Issue, ...]:
        """The issues to confirm before saving."""
        return tuple(i for i in self.issues if not i.is_error)

    def for_key(self, key: str) -> list[Issue]:
        """The issues about one field."""
        return [i for i in self.issues if i.key == key]


def _country(text: str) -> str | None:
    value = text.strip()
    if not value:
        return None
    return geography.find_country(value)


# ----- from a readout to a draft and back -------------------------------------------------


def draft_of(readout: records.Readout) -> ReadoutDraft:
    """The form contents that show ``readout``."""
    place = readout.place or records.Place()
    return ReadoutDraft(
        title=readout.title,
        section=readout.section,
        relation=", ".join(geography.country_name(c) for c in readout.relation),
        meeting_date=format_wall_date(readout.meeting_date),
        published_date=format_wall_date(readout.published_date),
        mode=readout.mode,
        city=place.city,
        city_ja=place.city_ja,
        country=geography.country_name(place.country) if place.country else "",
        venue=place.venue,
        place_zone=place.zone or "",
        occasion=readout.occasion,
        lead=readout.lead,
        participants=tuple(
            ParticipantDraft(
                honorific=p.honorific, family_name=p.person.family_name,
                given_name=p.person.given_name,
                family_first=p.person.name_order is records.NameOrder.FAMILY_FIRST,
                office=p.office,
                country=geography.country_name(p.country) if p.country else "",
                organisation=p.organisation, side=p.side, person_id=p.person.id,
                printed_name=p.printed_name, office_ja=p.office_ja,
            )
            for p in readout.participants
        ),
        sessions=tuple(_session_draft(s, readout.meeting_date) for s in readout.sessions),
        points=readout.points,
        topics=readout.topics,
        photos=tuple(PhotoDraft(caption=ph.caption, file=ph.file) for ph in readout.photos),
        publisher=readout.publisher,
        source_url=readout.source_url,
        notes=readout.notes,
        base=readout,
    )


def _session_draft(s: records.MeetingSession, meeting_date: dt.date | None) -> SessionDraft:
    hours = minutes = ""
    if s.duration_minutes is not None:
        h, m = divmod(s.duration_minutes, 60)
        # "90 minutes" is printed so; keep short spans in minutes as readouts print them.
        if s.duration_minutes <= 90 and s.duration_minutes % 60:
            hours, minutes = "", str(s.duration_minutes)
        else:
            hours, minutes = str(h), (str(m) if m else "")
    day = s.start.date() if s.start else None
    return SessionDraft(
        kind=s.kind,
        date=format_wall_date(day) if day and day != meeting_date else "",
        time=format_wall_time(s.start),
        zone=s.zone or "",
        fold=s.fold,
        time_hedge=s.time_hedge,
        zone_label=s.zone_label,
        hours=hours,
        minutes=minutes,
        duration_hedge=s.duration_hedge,
        printed_text=s.printed_other.text if s.printed_other else "",
        printed_zone=s.printed_other.zone if s.printed_other else "",
        printed_original=s.printed_other,
        end=s.end,
    )


def build(draft: ReadoutDraft, home_zone: str | None = None) -> Built:
    """Read the form as a readout, collecting every issue with the field it concerns."""
    issues: list[Issue] = []

    def date_field(key: str, text: str) -> dt.date | None:
        try:
            return parse_date(text)
        except ValueError as exc:
            issues.append(Issue(key, of_error(exc)))
            return None

    title = draft.title.strip()
    section = draft.section.strip()
    if not title and not section:
        issues.append(Issue("title", Message("A readout needs a title (or at least a section "
                                             "such as \"Japan-Peru Relations\")."),
                            kind="required"))
    meeting_date = date_field("meeting_date", draft.meeting_date)
    published_date = date_field("published_date", draft.published_date)
    if (meeting_date is None and published_date is None and not draft.meeting_date.strip()
            and not draft.published_date.strip()):
        issues.append(Issue("meeting_date", Message("A readout needs the date of the meeting "
                                                    "or the date it was published."),
                            kind="required"))

    relation: list[str] = []
    for part in re.split(r"[,;]", draft.relation):
        if not part.strip():
            continue
        code = _country(part)
        if code is None:
            issues.append(Issue("relation", Message(_NOT_A_COUNTRY, text=part.strip())))
        elif code not in relation:
            relation.append(code)

    place_country = _country(draft.country)
    if draft.country.strip() and place_country is None:
        issues.append(Issue("country", Message(_NOT_A_COUNTRY, text=draft.country.strip())))
    place_zone = zone_name(draft.place_zone)
    if place_zone and not timing.is_valid_zone(place_zone):
        issues.append(Issue("place_zone", Message(_NOT_A_ZONE, zone=place_zone)))
    place = None
    if draft.city.strip() or place_country or draft.venue.strip() or place_zone \
            or draft.city_ja.strip():
        place = records.Place(draft.city.strip(), place_country, draft.venue.strip(),
                              place_zone or None, draft.city_ja.strip())

    participants = [_participant(i, p, issues) for i, p in enumerate(draft.participants)]
    sessions = [_session(i, s, meeting_date, issues) for i, s in enumerate(draft.sessions)]

    points = []
    for i, pt in enumerate(draft.points):
        if not pt.text.strip():
            issues.append(Issue(f"points.{i}", Message("Summary point {number} is empty; "
                                                       "write it or remove it.", number=i + 1)))
        points.append(replace(pt, text=pt.text.strip(), speaker=pt.speaker.strip()))

    topics = tuple(dict.fromkeys(t.strip() for t in draft.topics if t.strip()))
    photos = []
    for i, ph in enumerate(draft.photos):
        if not ph.caption.strip() and not (ph.file or ph.source):
            issues.append(Issue(f"photos.{i}", Message("Photo {number} has neither an image "
                                                       "nor a caption.", number=i + 1)))
        photos.append(records.Photo(ph.caption.strip(), ph.source or ph.file))

    readout = replace(
        draft.base,
        title=title,
        section=section,
        relation=tuple(relation),
        publisher=draft.publisher.strip(),
        source_url=draft.source_url.strip(),
        published_date=published_date,
        meeting_date=meeting_date,
        mode=draft.mode,
        place=place,
        occasion=draft.occasion.strip(),
        lead=draft.lead.strip(),
        participants=tuple(participants),
        sessions=tuple(sessions),
        points=tuple(points),
        topics=topics,
        photos=tuple(photos),
        notes=draft.notes.strip(),
    )
    if not any(i.is_error for i in issues):
        # The shared rules, as a last guard: whatever they find is an error too. A new
        # image is checked by the name it is stored under, given when it is copied in.
        stored = replace(readout, photos=tuple(records.Photo(p.caption, d.file)
                                               for p, d in zip(photos, draft.photos, strict=True)))
        for problem in validation.problems(stored):
            issues.append(Issue("", problem))
    return Built(readout, tuple(issues))


def _participant(i: int, p: ParticipantDraft, issues: list[Issue]) -> records.Participant:
    if not p.family_name.strip():
        issues.append(Issue(f"participants.{i}.family_name", Message(
            "Participant {number} needs a family name.", number=i + 1), kind="required"))
    country = _country(p.country)
    if p.country.strip() and country is None:
        issues.append(Issue(f"participants.{i}.country", Message(
            "Participant {number}: {problem}", number=i + 1,
            problem=Message(_NOT_A_COUNTRY, text=p.country.strip()))))
    order = records.NameOrder.FAMILY_FIRST if p.family_first else records.NameOrder.GIVEN_FIRST
    person = records.Person(p.family_name.strip(), p.given_name.strip(), order, p.person_id)
    return records.Participant(person, p.honorific.strip(), p.office.strip(), country,
                               p.organisation.strip(), p.side.strip(), p.printed_name.strip(),
                               p.office_ja.strip())


def _session(i: int, s: SessionDraft, meeting_date: dt.date | None,
             issues: list[Issue]) -> records.MeetingSession:
    key = f"sessions.{i}"

    def said(problem: str) -> Message:
        return Message("Session {number}: {problem}", number=i + 1, problem=problem)

    day: dt.date | None = None
    clock: dt.time | None = None
    try:
        day = parse_date(s.date) or meeting_date
    except ValueError as exc:
        issues.append(Issue(f"{key}.date", said(of_error(exc))))
    time_text, time_hedge = split_clock_hedge(s.time)  # "午前9時10分頃": a hedge typed in
    time_hedge = s.time_hedge or time_hedge
    try:
        clock = timing.parse_clock(time_text)
    except ValueError as exc:
        issues.append(Issue(f"{key}.time", said(of_error(exc))))
    start: dt.datetime | None = None
    if clock is not None:
        if day is None:
            if not s.date.strip():
                issues.append(Issue(f"{key}.date", said(Message(
                    "a start time needs a date; enter the meeting date or the session's "
                    "own."))))
        else:
            start = dt.datetime.combine(day, clock)
    zone = zone_name(s.zone)
    if zone and not timing.is_valid_zone(zone):
        issues.append(Issue(f"{key}.zone", said(Message(_NOT_A_ZONE, zone=zone))))
    elif start is not None and not zone:
        issues.append(Issue(f"{key}.zone", said(Message(
            "a start time needs the time zone it was stated in."))))
    fold = s.fold
    if start is not None and zone and timing.is_valid_zone(zone):
        try:
            timing.resolve(start, zone, fold)
        except timing.NonexistentTimeError as exc:
            issues.append(Issue(f"{key}.time", said(of_error(exc)), kind="nonexistent",
                                choices=(exc.before, exc.after)))
        except timing.AmbiguousTimeError as exc:
            issues.append(Issue(f"{key}.time", said(of_error(exc)), kind="ambiguous",
                                choices=(exc.earlier, exc.later)))
        if not timing.is_ambiguous(start, zone):
            fold = None  # a choice only means something for a repeated time

    duration: int | None = None
    duration_hedge = s.duration_hedge
    written = parse_duration(s.hours) if not s.minutes.strip() else None
    try:
        if written is not None:  # "約1時間30分" typed whole in the hours field
            duration = written.minutes
            duration_hedge = duration_hedge or written.hedge
        else:
            hours = parse_whole(s.hours, Message("Hours"))
            minutes = parse_whole(s.minutes, Message("Minutes"))
            if hours is not None or minutes is not None:
                duration = (hours or 0) * 60 + (minutes or 0)
        if duration is not None:
            timing.check_duration(duration)
    except ValueError as exc:  # DurationError is a ValueError too
        issues.append(Issue(f"{key}.duration", said(of_error(exc))))
        duration = None

    printed: records.PrintedTime | None = None
    text = s.printed_text.strip()
    if text:
        pzone = zone_name(s.printed_zone)
        if not pzone:
            issues.append(Issue(f"{key}.printed", said(Message(
                "say which time zone the printed time is in."))))
        elif not timing.is_valid_zone(pzone):
            issues.append(Issue(f"{key}.printed", said(Message(
                "{zone!r} is not a known IANA time zone.", zone=pzone))))
        else:
            local = _printed_local(s, text, pzone, start, zone, fold)
            if local is None:
                issues.append(Issue(f"{key}.printed", said(Message(
                    "no clock time found in the printed time; write it as printed, like "
                    "\"11:10 p.m. on May 3 JST\"."))))
            else:
                printed = records.PrintedTime(text, pzone, local)
    session = records.MeetingSession(
        kind=s.kind.strip() or "meeting", start=start, zone=zone or None, fold=fold,
        time_hedge=time_hedge, zone_label=s.zone_label.strip(),
        duration_minutes=duration, duration_hedge=duration_hedge if duration else "",
        end=s.end, printed_other=printed,
    )
    check = timing.check_printed(session)
    if check is not None and not check.ok:
        issues.append(Issue(f"{key}.printed", said(Message(
            "the printed time disagrees with the time-zone rules: {check}.",
            check=check.message)),
                            severity="warning", kind="printed_mismatch"))
    return session


def _printed_local(s: SessionDraft, text: str, pzone: str, start: dt.datetime | None,
                   zone: str, fold: int | None) -> dt.datetime | None:
    original = s.printed_original
    if original is not None and original.text == text and original.zone == pzone:
        return original.local
    parsed = parse_printed(text, start.date() if start else None)
    if parsed is None:
        return None
    clock, day = parsed
    if day is not None:
        return dt.datetime.combine(day, clock)
    if start is None:
        return None
    return timing.printed_wall(clock, start, zone, pzone, 0 if fold is None else fold)


def session_preview(draft: ReadoutDraft, index: int, home_zone: str | None) -> str:
    """The timing line the detail pane will show for one session of the draft."""
    built = build(draft, home_zone)
    if index >= len(built.readout.sessions):
        return ""
    return timing.render_timing(built.readout.sessions[index], home_zone)
