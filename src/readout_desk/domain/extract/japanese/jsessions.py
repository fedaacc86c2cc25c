"""The sessions of a Japanese readout's opening sentence.

``現地時間6月4日午後5時（日本時間5日午前5時）から約1時間、…と外相会談を行い、続いて午前10時45分
から約65分間、全体会合を行った``: the sentence is cut where a further session begins
(``続いて``, ``その後``, ``引き続き``); in each part the time before ``から``, a printed time in
the other zone in parentheses, the duration and the kind as printed are read.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from readout_desk.domain.extract.japanese import jclock, lexicon
from readout_desk.domain.extract.schedule import UNREAD_PRINTED
from readout_desk.domain.messages import Message
from readout_desk.domain.records import MeetingSession, PrintedTime

TOKYO = "Asia/Tokyo"
_NEXT_RE = re.compile("[。\n]|、(?:続いて|その後|引き続き)、?")
_PAREN_RE = re.compile(r"（(現地時間|日本時間)([^（）]{0,40})）")
_LABEL_RE = re.compile("^(現地時間|日本時間)")
#: A weekday in brackets, ``（金曜日）`` or ``（金）``, blanked out before a time is read.
_WEEKDAY = r"（[月火水木金土日](?:曜日?)?）"
_WEEKDAY_RE = re.compile(_WEEKDAY)
_PAREN_AFTER_KARA_RE = re.compile(
    r"から（(?:現地時間|日本時間)(?:[^（）]|" + _WEEKDAY + r"){0,40}）")
Span = tuple[int, int]


@dataclass
class Found:
    """The sessions read, with the spans of their fields."""

    sessions: list[MeetingSession] = field(default_factory=list)
    spans: dict[str, Span] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # printed times that could not be read
    first_day: dt.date | None = None  # the first session's day, printed with or without a time


@dataclass(frozen=True)
class Zones:
    """The zone of the place, when there is one, and the day the page is dated."""

    place: str | None
    base: dt.date


def read_sessions(text: str, start: int, end: int, zones: Zones) -> Found:
    """Every session stated in ``text[start:end]``."""
    found = Found()
    cuts = [start, *(m.end() for m in _NEXT_RE.finditer(text, start, end)), end]
    previous: dt.date | None = None
    for a, b in zip(cuts, cuts[1:], strict=False):
        n = len(found.sessions)
        read = _read_part(text, a, b, zones, previous, found.spans, n)
        if read is None:
            continue
        session, day, unread = read
        if unread:
            found.notes.append(Message(UNREAD_PRINTED, number=n + 1, kind=session.kind,
                                       unread=unread))
        found.sessions.append(session)
        found.first_day = found.first_day or day
        previous = day or previous
    return found


def _read_part(text: str, a: int, b: int, zones: Zones, previous: dt.date | None,
               spans: dict[str, Span], n: int
               ) -> tuple[MeetingSession, dt.date | None, str] | None:
    """The session stated in ``text[a:b]`` and its day; a part after the first needs a
    time or a duration to state a session."""
    dur = _duration(text, a, b)
    kara = text.find("から", a, min(b, a + 80))
    if dur is not None and (kara < 0 or kara > dur.start()):
        kara = text.rfind("から", a, dur.start())
    when_end = kara if kara >= 0 else max(text.find("、", a, min(b, a + 40)), a)
    after = _PAREN_AFTER_KARA_RE.match(text, kara) if kara >= 0 else None
    if after:
        when_end = after.end()  # "午後5時から（日本時間5日午前0時から）約30分間"
    kind_at = dur.end() if dur else when_end
    kind = lexicon.KIND_RE.search(text, kind_at, b) or lexicon.KIND_RE.search(text, a, b)
    timing = _read_when(text, a, when_end, zones, previous)
    if dur is None and timing.start is None and (kind is None or n > 0):
        return None
    session = MeetingSession(kind=kind.group() if kind else "会談")
    zone = timing.zone or (zones.place or TOKYO)
    minutes, hedge = jclock.duration(dur) if dur else (None, "")
    session = MeetingSession(
        kind=session.kind, start=timing.start, zone=zone, time_hedge=timing.hedge,
        zone_label=timing.label, duration_minutes=minutes, duration_hedge=hedge,
        printed_other=timing.printed)
    if kind:
        spans[f"sessions[{n}].kind"] = (kind.start(), kind.end())
    if timing.start is not None:
        spans[f"sessions[{n}].start"] = (a, when_end)
    if dur:
        spans[f"sessions[{n}].duration"] = (dur.start(), dur.end())
    if timing.printed_span:
        spans[f"sessions[{n}].printed_other"] = timing.printed_span
    return session, timing.day, timing.unread


def _duration(text: str, a: int, b: int) -> re.Match[str] | None:
    for m in jclock.DURATION_RE.finditer(text, a, b):
        before = text[m.start() - 1] if m.start() > 0 else ""
        if before != "時" and not before.isdigit():
            return m
    return None


@dataclass
class _When:
    start: dt.datetime | None = None
    zone: str | None = None
    hedge: str = ""
    label: str = ""
    printed: PrintedTime | None = None
    printed_span: Span | None = None
    day: dt.date | None = None
    unread: str = ""  # a printed time in brackets that could not be read


def _read_when(text: str, a: int, b: int, zones: Zones, previous: dt.date | None) -> _When:
    """The time in ``text[a:b]``: ``現地時間6月4日午後5時（日本時間5日午前5時）``,
    ``本8日午後3時48分（現地時間）``, ``14日0時30分``, ``続いて午前10時45分``; a weekday in
    brackets (``4日（金曜日）午後5時``) is left out."""
    when = _When()
    words = _WEEKDAY_RE.sub(lambda m: "　" * len(m.group()), jclock.digits(text[a:b]))
    words = words.lstrip("、 　")
    paren = _PAREN_RE.search(words)
    main = words[:paren.start()] + words[paren.end():] if paren else words
    label = _LABEL_RE.match(main)
    main_label = label.group() if label else ""
    other_label = paren.group(1) if paren else ""
    if paren and not paren.group(2):
        main_label, other_label = other_label, ""
    when.label = main_label
    if main_label == "日本時間":
        when.zone = TOKYO
    day_m = jclock.DAY_RE.search(main)
    day = jclock.resolve_day(day_m, zones.base, previous) if day_m else previous or zones.base
    when.day = day if day_m else previous
    clock_m = jclock.CLOCK_RE.search(main)
    clock = jclock.clock(clock_m) if clock_m else None
    if day is None or clock is None:
        return when
    when.day = day
    when.start = dt.datetime.combine(day, clock.time)
    when.hedge = clock.hedge
    if paren and other_label and paren.group(2):
        when.printed = _printed(paren, day, zones, main_label)
        if when.printed is None and jclock.CLOCK_RE.search(paren.group(2)) is None:
            when.unread = paren.group(1) + paren.group(2).replace("　", "")  # "午前O時"
        offset = len(text[a:b]) - len(words)
        when.printed_span = (a + offset + paren.start() + 1, a + offset + paren.end() - 1)
    return when


def _printed(paren: re.Match[str], day: dt.date, zones: Zones,
             main_label: str) -> PrintedTime | None:
    rest = paren.group(2)
    clock_m = jclock.CLOCK_RE.search(rest)
    clock = jclock.clock(clock_m) if clock_m else None
    if clock is None:
        return None
    day_m = jclock.DAY_RE.search(rest)
    other_day = jclock.resolve_day(day_m, zones.base, day) if day_m else day
    if other_day is None:
        return None
    zone = TOKYO if paren.group(1) == "日本時間" else (zones.place or TOKYO)
    if main_label == "日本時間" and zone == TOKYO:
        return None
    return PrintedTime(text=paren.group(1) + rest.replace("　", ""), zone=zone,
                       local=dt.datetime.combine(other_day, clock.time))
