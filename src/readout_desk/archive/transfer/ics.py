"""iCalendar (RFC 5545) export: one VEVENT per session, in the zone the session was stated in.

Each event's start is written as the printed local wall time with ``TZID=`` the IANA
zone (``DTSTART;TZID=America/Lima:20230503T091000``), and the calendar carries a
VTIMEZONE for every zone used, built by the ``icalendar`` library from the IANA rules for
the years concerned, so that a calendar application shows the right instant even if it
does not know the zone by name. The library also escapes text and wraps long lines at 75 octets.
Durations are written as ``DURATION`` (exact minutes), which stays right across a change
of clocks. Sessions without a start time or zone have no place on a calendar and are left
out (the export result counts them).

``icalendar`` is imported when a calendar is written, not when this module is loaded: the
window imports the export code at start and should not pay for a calendar library then.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from readout_desk import __version__
from readout_desk.domain import render, render_ja, timing
from readout_desk.domain.records import MeetingSession, Readout

if TYPE_CHECKING:
    import icalendar

UTC = dt.timezone.utc
PRODID = f"-//Readout Desk//Readout Desk {__version__}//EN"


@dataclass(frozen=True)
class PlacedSession:
    """A session that has a place on a calendar: a start time and a zone it exists in."""

    readout: Readout
    index: int
    session: MeetingSession
    start: dt.datetime  # the session's start, aware in its own zone
    stamp: dt.datetime  # when the readout was last saved (DTSTAMP)


@dataclass(frozen=True)
class CalendarParts:
    """What a calendar holds: the placeable sessions, the zones they use, how many were not."""

    zones: dict[str, set[int]]
    sessions: list[PlacedSession]
    skipped: int


def calendar_parts(readouts: Iterable[Readout], now: dt.datetime) -> CalendarParts:
    """Every placeable session of ``readouts`` and the years of each zone they use."""
    zones: dict[str, set[int]] = {}
    placed: list[PlacedSession] = []
    skipped = 0
    for r in readouts:
        stamp = r.updated_at or now
        for i, s in enumerate(r.sessions):
            start = timing.session_start(s)
            if s.start is None or not s.zone or start is None:
                skipped += 1
                continue
            zones.setdefault(s.zone, set()).add(s.start.year)
            placed.append(PlacedSession(r, i, s, start, stamp))
    return CalendarParts(zones, placed, skipped)


def _description(r: Readout, s: MeetingSession, home_zone: str | None) -> str:
    japanese = render.is_japanese(r)
    lines = [render_ja.japanese_timing(s) if japanese else timing.render_timing(s, home_zone)]
    if s.time_hedge or s.duration_hedge:
        lines.append("時刻は原文の表記のとおり（約、頃などを含む）。" if japanese
                     else "Times as the source states them, with its hedges.")
    if r.participants:
        lines.append(render.labelled(r, "participants",
                                     ("、" if japanese else "; ").join(
                                         render.participant_lines(r))))
    if r.lead:
        lines += ["", r.lead]
    source = " — ".join(x for x in (r.publisher, r.source_url) if x)
    if source:
        lines += ["", render.labelled(r, "source", source)]
    return "\n".join(lines)


def _event(placed: PlacedSession, home_zone: str | None) -> icalendar.Event:
    import icalendar

    r, s = placed.readout, placed.session
    assert s.start is not None and s.zone is not None
    title = r.title or render.section_of(r) or "Meeting"
    kind = render.session_heading(s)
    uid_base = f"{r.id}" if r.id is not None else title
    created = r.created_at.strftime("%Y%m%dT%H%M%SZ") if r.created_at else "0"
    event = icalendar.Event()
    event.add("uid", f"readout-{uid_base}-{created}-session-{placed.index + 1}@readout-desk")
    event.add("dtstamp", placed.stamp.astimezone(UTC))
    if s.fold == 1 and timing.is_ambiguous(s.start, s.zone):
        # The second of two equal wall times: TZID would name the first, so give the instant.
        event.add("dtstart", placed.start.astimezone(UTC))
    else:
        event.add("dtstart", placed.start)
    if s.duration_minutes:
        event.add("duration", dt.timedelta(minutes=s.duration_minutes))
    elif s.end is not None and s.end > s.start:
        event.add("dtend", s.end.replace(tzinfo=placed.start.tzinfo))
    summary = f"{kind}: {title}" if len(r.sessions) > 1 or kind != "Meeting" else title
    event.add("summary", summary)
    place = render.place_text(r)
    if place:
        event.add("location", place)
    event.add("description", _description(r, s, home_zone))
    if r.source_url:
        event.add("url", r.source_url)
    if r.topics:
        event.add("categories", list(r.topics))
    event.add("status", "CONFIRMED")
    event.add("transp", "OPAQUE")
    return event


def calendar(parts: CalendarParts, home_zone: str | None = None) -> icalendar.Calendar:
    """The VCALENDAR of ``parts``: a VTIMEZONE per zone used, then one VEVENT per session."""
    import icalendar

    cal = icalendar.Calendar()
    cal.add("version", "2.0")
    cal.add("prodid", PRODID)
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "Readout Desk meetings")
    # The library dates a change of clocks forward by the wall time after it (03:00, where
    # RFC 5545 has 02:00). Every wall time that exists still gets the right offset, and
    # events are wall times (or UTC in a repeated hour, where the change back is dated
    # right); test_formats compares every quarter hour of the year with tzdata.
    for zone in sorted(parts.zones):
        years = parts.zones[zone]
        cal.add_component(icalendar.Timezone.from_tzid(
            zone, first_date=dt.date(min(years), 1, 1), last_date=dt.date(max(years) + 1, 1, 1)))
    for placed in parts.sessions:
        cal.add_component(_event(placed, home_zone))
    return cal


def calendar_text(parts: CalendarParts, home_zone: str | None = None) -> str:
    """The whole VCALENDAR as text: lines wrapped at 75 octets, CRLF-terminated."""
    data: bytes = calendar(parts, home_zone).to_ical()
    return data.decode("utf-8")
