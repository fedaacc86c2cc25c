"""iCalendar (RFC 5545) export: one VEVENT per session, in the zone the session was stated in.

Each event's start is written as the printed local wall time with ``TZID=`` the IANA
zone (``DTSTART;TZID=America/Lima:20230503T091000``), and the calendar carries a
VTIMEZONE for every zone used, built from the IANA rules for the years concerned, so
that a calendar application shows the right instant even if it does not know the zone
by name. Durations are written as ``DURATION`` (exact minutes), which stays right
across a change of clocks. Sessions without a start time or zone have no place on a
calendar and are left out (the export result counts them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from readout_desk import __version__
from readout_desk.domain import render, timing
from readout_desk.domain.records import MeetingSession, Readout

UTC = dt.timezone.utc
PRODID = f"-//Readout Desk//Readout Desk {__version__}//EN"


def escape_text(value: str) -> str:
    """A TEXT value escaped per RFC 5545 3.3.11."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def fold_line(line: str) -> str:
    """A content line folded at 75 octets (never inside a UTF-8 character), CRLF-terminated."""
    out: list[str] = []
    current = ""
    size = 0
    limit = 75
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += ch
        size += n
    out.append(current)
    return "\r\n".join(out) + "\r\n"


def _local(value: dt.datetime) -> str:
    return value.strftime("%Y%m%dT%H%M%S")


def _utc(value: dt.datetime) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _offset(delta: dt.timedelta | None) -> str:
    seconds = int((delta or dt.timedelta(0)).total_seconds())
    sign = "+" if seconds >= 0 else "-"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours:02d}{minutes:02d}" + (f"{secs:02d}" if secs else "")


def vtimezone(zone_name: str, years: Iterable[int]) -> list[str]:
    """The VTIMEZONE component for ``zone_name`` covering ``years``, as unfolded lines."""
    wanted = sorted(set(years))
    periods = timing.zone_periods(zone_name, wanted[0], wanted[-1])
    lines = ["BEGIN:VTIMEZONE", f"TZID:{zone_name}", f"X-LIC-LOCATION:{zone_name}"]
    for i, p in enumerate(periods):
        kind = "DAYLIGHT" if p.is_dst else "STANDARD"
        # DTSTART is the local time of the change in the offset in force before it.
        local = (p.start + p.offset_before).replace(tzinfo=None)
        if i == 0:
            local = dt.datetime(1970, 1, 1) if len(periods) == 1 else local
        lines += [f"BEGIN:{kind}", f"DTSTART:{_local(local)}",
                  f"TZOFFSETFROM:{_offset(p.offset_before)}", f"TZOFFSETTO:{_offset(p.offset)}",
                  f"TZNAME:{escape_text(p.name)}", f"END:{kind}"]
    lines.append("END:VTIMEZONE")
    return lines


def _event_lines(r: Readout, index: int, s: MeetingSession, stamp: dt.datetime,
                 home_zone: str | None) -> list[str]:
    assert s.start is not None and s.zone is not None
    title = r.title or render.section_of(r) or "Meeting"
    kind = render.session_heading(s)
    uid_base = f"{r.id}" if r.id is not None else title
    created = r.created_at.strftime("%Y%m%dT%H%M%SZ") if r.created_at else "0"
    lines = [
        "BEGIN:VEVENT",
        f"UID:readout-{escape_text(uid_base)}-{created}-session-{index + 1}@readout-desk",
        f"DTSTAMP:{_utc(stamp)}",
    ]
    start = timing.session_start(s)
    ambiguous_second = s.fold == 1 and timing.is_ambiguous(s.start, s.zone)
    if start is not None and ambiguous_second:
        # The second of two equal wall times: TZID would name the first, so give the instant.
        lines.append(f"DTSTART:{_utc(start)}")
    else:
        lines.append(f"DTSTART;TZID={s.zone}:{_local(s.start)}")
    if s.duration_minutes:
        lines.append(f"DURATION:PT{s.duration_minutes}M")
    elif s.end is not None and s.end > s.start:
        lines.append(f"DTEND;TZID={s.zone}:{_local(s.end)}")
    summary = f"{kind}: {title}" if len(r.sessions) > 1 or kind != "Meeting" else title
    lines.append(f"SUMMARY:{escape_text(summary)}")
    place = render.place_text(r)
    if place:
        lines.append(f"LOCATION:{escape_text(place)}")
    description = [timing.render_timing(s, home_zone)]
    if s.time_hedge or s.duration_hedge:
        description.append("Times as the source states them, with its hedges.")
    if r.participants:
        description.append("Participants: " + "; ".join(render.participant_lines(r)))
    if r.lead:
        description += ["", r.lead]
    source = " — ".join(x for x in (r.publisher, r.source_url) if x)
    if source:
        description += ["", f"Source: {source}"]
    lines.append(f"DESCRIPTION:{escape_text(chr(10).join(description))}")
    if r.source_url:
        lines.append(f"URL:{r.source_url}")
    if r.topics:
        lines.append("CATEGORIES:" + ",".join(escape_text(t) for t in r.topics))
    lines += ["STATUS:CONFIRMED", "TRANSP:OPAQUE", "END:VEVENT"]
    return lines


@dataclass(frozen=True)
class CalendarParts:
    """The pieces of a calendar: VTIMEZONEs first, then events (lines not yet folded)."""

    zones: dict[str, set[int]]
    events: list[list[str]]
    skipped: int


def calendar_parts(readouts: Iterable[Readout], now: dt.datetime,
                   home_zone: str | None = None) -> CalendarParts:
    """Events for every placeable session of ``readouts`` and the zones they need."""
    zones: dict[str, set[int]] = {}
    events: list[list[str]] = []
    skipped = 0
    for r in readouts:
        stamp = r.updated_at or now
        for i, s in enumerate(r.sessions):
            if s.start is None or not s.zone or timing.session_start(s) is None:
                skipped += 1
                continue
            zones.setdefault(s.zone, set()).add(s.start.year)
            events.append(_event_lines(r, i, s, stamp, home_zone))
    return CalendarParts(zones, events, skipped)


def calendar_text(parts: CalendarParts) -> Iterator[str]:
    """The whole VCALENDAR as folded, CRLF-terminated lines."""
    yield from (fold_line(x) for x in (
        "BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH", "X-WR-CALNAME:Readout Desk meetings"))
    for zone in sorted(parts.zones):
        yield from (fold_line(x) for x in vtimezone(zone, parts.zones[zone]))
    for event in parts.events:
        yield from (fold_line(x) for x in event)
    yield fold_line("END:VCALENDAR")
