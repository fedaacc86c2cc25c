"""Each session's timing as printed, and the cross-check of printed second times.

The sessions phase of extraction. :func:`read_schedule` reads each session's segment of
the text: its start, hedge, zone label, end, duration and printed second time ("(local
time; 11:10 p.m. on May 3 JST)"); "The meeting lasted about 10 minutes" fills a missing
duration. :func:`cross_check` then compares every printed second time with the one the
zone rules give (all arithmetic in :mod:`readout_desk.domain.timing`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from readout_desk.domain import timing
from readout_desk.domain.extract import dates, places, sessions
from readout_desk.domain.extract.layout import Opening
from readout_desk.domain.extract.setting import SessionIntro, Setting
from readout_desk.domain.messages import Message
from readout_desk.domain.records import MeetingSession, PrintedTime

Span = tuple[int, int]


#: A note on a printed second time the reader could not make out.
UNREAD_PRINTED = ("Session {number} ({kind}): the printed time \"{unread}\" could not be read; "
                  "check it by hand.")


@dataclass(frozen=True)
class SessionCheck:
    """The timing cross-check of one session: the printed second time against the rules."""

    index: int
    kind: str
    printed: str
    computed: str
    ok: bool
    message: str


@dataclass(frozen=True)
class Days:
    """The days a session's printed day is counted from."""

    meeting: dt.date | None  # the meeting's day, the default for every session
    published: dt.date | None  # the page's date
    today: dt.date | None  # stands in for the page's date when it has none

    @property
    def reference(self) -> dt.date | None:
        """The day "yesterday" or "on Monday" is counted from."""
        return self.published or self.today


@dataclass(frozen=True)
class Schedule:
    """The sessions read, the cross-check of their printed times, spans and notes."""

    sessions: tuple[MeetingSession, ...]
    checks: tuple[SessionCheck, ...] = ()
    spans: dict[str, Span] = field(default_factory=dict)
    notes: tuple[str, ...] = ()


def read_schedule(text: str, opening: Opening, setting: Setting, days: Days,
                  has_opening: bool) -> Schedule:
    """Every session of the meeting with its timing, then the cross-check."""
    intros = list(setting.intros)
    if not intros and has_opening:
        intros = [SessionIntro("meeting", opening.lead_start, opening.lead_start)]
    built: list[MeetingSession] = []
    unreadable: list[str] = []
    spans: dict[str, Span] = {}
    notes: list[str] = []
    for n, intro in enumerate(intros):
        seg_end = intros[n + 1].start if n + 1 < len(intros) else opening.region_end
        begin = opening.lead_start if n == 0 else intro.start
        tm = sessions.read_timing(text, begin, seg_end, prefer_after=intro.start)
        if n == 0 and tm.start is None and tm.duration is None:
            tm = sessions.read_timing(text, opening.lead_start, seg_end)
        session = session_of(text, intro.kind, tm, setting, days)
        if session.start is not None and session.zone and timing.is_ambiguous(
                session.start, session.zone):
            notes.append(Message("Session {number} ({kind}): {clock} occurs twice in {zone} "
                                 "that day; choose which one is meant.", number=n + 1,
                                 kind=intro.kind, clock=f"{session.start:%H:%M}",
                                 zone=session.zone))
        built.append(session)
        unreadable.append(tm.unread)
        spans.update(_timing_spans(n, intro, tm))
    _add_lasted(text, opening.lead_start, built, spans)
    checks = cross_check(built)
    notes += [Message("Session {number} ({kind}): {problem}.", number=c.index + 1,
                      kind=c.kind, problem=c.message) for c in checks if not c.ok]
    notes += [Message(UNREAD_PRINTED, number=n + 1, kind=s.kind, unread=unread)
              for n, (s, unread) in enumerate(zip(built, unreadable, strict=True)) if unread]
    return Schedule(tuple(built), tuple(checks), spans, tuple(notes))


def _timing_spans(n: int, intro: SessionIntro, tm: sessions.Timing) -> dict[str, Span]:
    spans = {f"sessions[{n}]": (intro.kind_at, intro.kind_at + len(intro.kind))}
    for part, span in (("start", tm.start_span), ("duration", tm.duration_span),
                       ("printed_other", tm.other_span)):
        if span:
            spans[f"sessions[{n}].{part}"] = span
    return spans


def session_of(text: str, kind: str, tm: sessions.Timing, setting: Setting,
               days: Days) -> MeetingSession:
    """One session from its printed timing: the day, the zone its label names (the
    place's for "local time"; the first participant's country's when no label is
    printed), the start and end, and the printed second time."""
    day = _session_day(tm, days)
    place_zone = setting.place_zone
    zone = places.zone_for_label(tm.label, place_zone, day) if tm.label else place_zone
    if zone is None and tm.start is not None and setting.home_zone:
        zone = setting.home_zone
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    if tm.start is not None and day is not None:
        start = dt.datetime.combine(day, tm.start)
        if tm.end is not None:
            end = dt.datetime.combine(day, tm.end)
            if end <= start:
                end += dt.timedelta(days=1)
    printed: PrintedTime | None = None
    if tm.other_time is not None and day is not None:
        printed, start, zone = _printed_other(text, tm, day, start, zone, place_zone,
                                              setting.home_zone)
    return MeetingSession(
        kind=kind, start=start, zone=zone,
        time_hedge=tm.hedge, zone_label=tm.label,
        duration_minutes=tm.duration, duration_hedge=tm.duration_hedge, end=end,
        printed_other=printed,
    )


def _session_day(tm: sessions.Timing, days: Days) -> dt.date | None:
    """The session's own day when its time names one, else the meeting's."""
    if tm.day is None or tm.start is None:
        return days.meeting
    if isinstance(tm.day, dates.FoundDate):
        return tm.day.resolve(days.reference or days.meeting) or days.meeting
    if days.reference is not None:
        return tm.day.resolve(days.reference)
    return days.meeting


def _printed_other(text: str, tm: sessions.Timing, day: dt.date, start: dt.datetime | None,
                   zone: str | None, place_zone: str | None, home_zone: str | None = None
                   ) -> tuple[PrintedTime | None, dt.datetime | None, str | None]:
    """The printed second time, and the start and zone once the local time is taken as
    the start ("3:30 p.m. JST (8:30 a.m. local time)"). A second time printed without a
    label ("10:00 a.m. (4:00 p.m.)") is in the publishing side's zone, when the meeting
    was elsewhere."""
    assert tm.other_time is not None
    other_zone = (places.zone_for_label(tm.other_label, place_zone, day)
                  if tm.other_label else None)
    if not tm.other_label and home_zone and zone and home_zone != zone:
        other_zone = home_zone
    local_second = tm.other_label.lower() == "local time"
    if other_zone and zone and other_zone == zone and tm.label.lower() != "local time" \
            and local_second:
        other_zone = None
    if not other_zone:
        return None, start, zone
    printed = PrintedTime(tm.other_text, other_zone,
                          printed_wall(tm, day, start, zone, other_zone))
    if tm.label and tm.label.lower() != "local time" and local_second and start is not None:
        # "3:30 p.m. JST (8:30 a.m. local time)": keep the local one as the start.
        first = printed
        if tm.start_span:
            as_printed = text[tm.start_span[0]:tm.start_span[1]] + " " + tm.label
            first = PrintedTime(as_printed, zone or "", start)
        return first, printed.local, other_zone
    return printed, start, zone


def printed_wall(tm: sessions.Timing, day: dt.date, start: dt.datetime | None,
                 zone: str | None, other_zone: str) -> dt.datetime:
    """The printed second time as a wall time in its zone, with the date it names or,
    when it names none, the date nearest the instant the rules give."""
    assert tm.other_time is not None
    if tm.other_day is not None:
        other_date = tm.other_day.resolve(day) or day
        return dt.datetime.combine(other_date, tm.other_time)
    if tm.other_offset is not None:
        return dt.datetime.combine(day + dt.timedelta(days=tm.other_offset), tm.other_time)
    if start is not None and zone:
        return timing.printed_wall(tm.other_time, start, zone, other_zone)
    return dt.datetime.combine(day, tm.other_time)


def _add_lasted(text: str, lead_start: int, built: list[MeetingSession],
                spans: dict[str, Span]) -> None:
    """"The meeting lasted about 10 minutes": the duration of the session it names (or
    the first without one)."""
    for word, duration in sessions.find_lasted(text, lead_start, len(text)):
        targets = [k for k, s in enumerate(built) if s.duration_minutes is None]
        matching = [k for k in targets if word.rstrip("s") in built[k].kind]
        chosen = matching or targets
        if chosen:
            k = chosen[0]
            built[k] = replace(built[k], duration_minutes=duration.minutes,
                               duration_hedge=duration.hedge)
            spans[f"sessions[{k}].duration"] = (duration.start, duration.end)


def cross_check(built: list[MeetingSession]) -> list[SessionCheck]:
    """Each printed second time against the time the zone rules give."""
    checks: list[SessionCheck] = []
    for n, session in enumerate(built):
        check = timing.check_printed(session)
        if check is None or session.printed_other is None:
            continue
        computed = ""
        if check.computed is not None:
            computed = (f"{timing.format_clock(check.computed)} on "
                        f"{timing.format_day(check.computed.date())} "
                        f"{timing.zone_abbreviation(check.computed)}")
        checks.append(SessionCheck(n, session.kind, session.printed_other.text, computed,
                                   check.ok, check.message))
    return checks
