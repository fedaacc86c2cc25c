"""All time-zone arithmetic of the program lives here.

The rule: a session's start is kept as the source stated it (a naive local wall time,
an IANA zone, a hedge). From that we derive an aware instant for sorting, ranges and
display in the reader's home zone. Nothing outside this module converts between zones.
Clock times and month names are read by :mod:`.clocktime` and re-exported here, so the
program has one reader of each.

Wall times that do not exist (skipped when clocks go forward) raise
:class:`NonexistentTimeError`, which names the nearest valid times; wall times that
occur twice (clocks going back) raise :class:`AmbiguousTimeError` unless the caller
chose one with ``fold``.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from readout_desk.domain.clocktime import MONTH_PATTERN as MONTH_PATTERN
from readout_desk.domain.clocktime import MONTHS as MONTHS
from readout_desk.domain.clocktime import ClockError as ClockError
from readout_desk.domain.clocktime import ClockRangeError as ClockRangeError
from readout_desk.domain.clocktime import parse_clock as parse_clock
from readout_desk.domain.messages import Message, Moment, of_error

if TYPE_CHECKING:  # the window's first page needs this module, not the records
    from readout_desk.domain.records import MeetingSession, PrintedTime

UTC = dt.timezone.utc

#: Hedges a source puts before a start time, in the order an editor offers them.
TIME_HEDGES: tuple[str, ...] = (
    "",
    "around",
    "about",
    "approximately",
    "just after",
    "shortly after",
    "slightly after",
    "just before",
    "shortly before",
)

#: Hedges a source puts before a duration.
DURATION_HEDGES: tuple[str, ...] = (
    "",
    "approximately",
    "about",
    "around",
    "just under",
    "slightly under",
    "just over",
    "slightly over",
    "more than",
    "nearly",
)

# Hedges that read "at around 9 a.m."; the others replace "at" ("just after 9 a.m.").
_AT_HEDGES = frozenset({"", "around", "about", "approximately"})

#: Longest duration accepted for one session: a day. Longer is a typing mistake.
MAX_DURATION_MINUTES = 24 * 60


class TimingError(ValueError):
    """A time that cannot be placed on the timeline as given."""


class UnknownZoneError(TimingError):
    """A zone name that is not in the IANA database."""

    def __init__(self, zone: str) -> None:
        super().__init__(Message("{zone!r} is not a known IANA time zone (for example "
                                 "America/Lima)", zone=zone))
        self.zone = zone


class _WallTimeError(TimingError):
    """A wall time that a daylight-saving change in ``zone`` skips or repeats."""

    def __init__(self, message: Message, wall: dt.datetime, zone: str) -> None:
        super().__init__(message)
        self.wall = wall
        self.zone = zone


class NonexistentTimeError(_WallTimeError):
    """A wall time skipped by a daylight-saving change; ``before`` and ``after`` are the
    nearest valid times."""

    def __init__(
        self, wall: dt.datetime, zone: str, before: dt.datetime, after: dt.datetime
    ) -> None:
        start = before + dt.timedelta(minutes=1)
        # A jump of a day or more (Apia, December 2011) names the days as well as the times.
        days = start.date() != after.date()

        def at(value: dt.datetime) -> str:
            if not days and value.date() == wall.date():
                return format_clock(value)
            return Message("{clock} on {day}", clock=format_clock(value),
                           day=format_day(value.date()))

        super().__init__(Message(
            "{clock} on {day} does not exist in {zone}: the clocks went forward from {start} "
            "to {after}; the nearest valid times are {before} and {last}",
            clock=format_clock(wall), day=format_day(wall.date()), zone=zone, start=at(start),
            after=at(after), before=at(before), last=_sentence(at(after))), wall, zone)
        self.before = before
        self.after = after


class AmbiguousTimeError(_WallTimeError):
    """A wall time that occurs twice because the clocks went back; ``earlier`` and
    ``later`` are its two instants."""

    def __init__(
        self, wall: dt.datetime, zone: str, earlier: dt.datetime, later: dt.datetime
    ) -> None:
        super().__init__(Message(
            "{clock} on {day} occurs twice in {zone}: first at {earlier}, then at {later}. "
            "Choose which one is meant.", clock=format_clock(wall), day=format_day(wall.date()),
            zone=zone, earlier=offset_label(earlier), later=offset_label(later)), wall, zone)
        self.earlier = earlier
        self.later = later


class DurationError(TimingError):
    """A negative or absurd duration."""


@functools.lru_cache(maxsize=512)
def get_zone(name: str) -> dt.tzinfo:
    """The zone called ``name``, or :class:`UnknownZoneError`."""
    # zoneinfo loads with the first zone asked for: its import finds the system's zone
    # folders through sysconfig, which the window's first page does without.
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    if not name or name != name.strip() or name.startswith("/") or ".." in name:
        raise UnknownZoneError(name)
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise UnknownZoneError(name) from exc


def is_valid_zone(name: str) -> bool:
    """Whether ``name`` is a zone of the IANA database."""
    try:
        get_zone(name)
    except UnknownZoneError:
        return False
    return True


@functools.lru_cache(maxsize=1)
def all_zones() -> tuple[str, ...]:
    """Every canonical IANA zone name, sorted; legacy aliases such as "US/Eastern" left out."""
    from zoneinfo import available_timezones

    names = available_timezones()
    canonical = [n for n in names
                 if "/" in n and not n.startswith(("Etc/", "SystemV/", "US/", "posix/", "right/"))
                 and n.split("/")[0] not in {"Brazil", "Canada", "Chile", "Mexico"}]
    return tuple(sorted(canonical + ["UTC"]))


def system_zone() -> str:
    """The IANA name of this computer's zone, or "UTC" when it cannot be told."""
    try:
        import tzlocal

        name = str(tzlocal.get_localzone_name() or "")
    except Exception:  # noqa: BLE001 - any failure here means "unknown"
        name = ""
    return name if name and is_valid_zone(name) else "UTC"


def _wall_roundtrip(wall: dt.datetime, zone: dt.tzinfo, fold: int) -> dt.datetime:
    aware = wall.replace(tzinfo=zone, fold=fold)
    return aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None)


def _gap_edges(wall: dt.datetime, zone: dt.tzinfo) -> tuple[dt.datetime, dt.datetime]:
    """The last valid wall minute before a gap and the first one after it."""
    a = wall.replace(tzinfo=zone, fold=0).astimezone(UTC)
    b = wall.replace(tzinfo=zone, fold=1).astimezone(UTC)
    lo, hi = min(a, b), max(a, b)
    lo_offset = lo.astimezone(zone).utcoffset() or dt.timedelta(0)
    # Bisect to the second at which the offset changes: local mean time offsets carry
    # seconds (Abidjan went from -0:16:08 to GMT), so a minute is not fine enough.
    while hi - lo > dt.timedelta(seconds=1):
        mid = (lo + (hi - lo) / 2).replace(microsecond=0)
        if mid <= lo:
            mid = lo + dt.timedelta(seconds=1)
        if mid.astimezone(zone).utcoffset() == lo_offset:
            lo = mid
        else:
            hi = mid
    # Wall times are kept to the minute: the first skipped wall time rounded up, less a
    # minute, and the first wall time after the change rounded up.
    skipped_from = hi.replace(tzinfo=None) + lo_offset
    before = _minute_at_or_after(skipped_from) - dt.timedelta(minutes=1)
    after = _minute_at_or_after(hi.astimezone(zone).replace(tzinfo=None))
    return before, after


def _minute_at_or_after(value: dt.datetime) -> dt.datetime:
    whole = value.replace(second=0, microsecond=0)
    return whole if whole == value else whole + dt.timedelta(minutes=1)


@functools.lru_cache(maxsize=4096)  # saving asks about each start several times over
def resolve(wall: dt.datetime, zone_name: str, fold: int | None = None) -> dt.datetime:
    """Place a local wall time on the timeline: an aware datetime in its zone. Raises
    :class:`NonexistentTimeError` for a skipped time and :class:`AmbiguousTimeError` for a
    repeated one when ``fold`` is ``None``."""
    if wall.tzinfo is not None:
        raise TimingError("a wall time must be given without a zone; the zone comes separately")
    zone = get_zone(zone_name)
    wall = wall.replace(second=0, microsecond=0)
    if _wall_roundtrip(wall, zone, 0) != wall:
        before, after = _gap_edges(wall, zone)
        raise NonexistentTimeError(wall, zone_name, before, after)
    first = wall.replace(tzinfo=zone, fold=0)
    second = wall.replace(tzinfo=zone, fold=1)
    if first.utcoffset() != second.utcoffset():
        if fold is None:
            raise AmbiguousTimeError(wall, zone_name, first, second)
        return second if fold else first
    return first


def is_ambiguous(wall: dt.datetime, zone_name: str) -> bool:
    """Whether ``wall`` occurs twice in the zone."""
    try:
        resolve(wall, zone_name)
    except AmbiguousTimeError:
        return True
    except TimingError:
        return False
    return False


def printed_wall(clock: dt.time, start: dt.datetime, zone: str, printed_zone: str,
                 fold: int = 0) -> dt.datetime:
    """A printed second time whose date is not printed, as a wall time in its zone.

    ``clock`` goes on the day before, of or after ``start``'s date, whichever lies nearest
    the instant ``start`` (a wall time in ``zone``) is in ``printed_zone``: "(0:30 a.m.
    JST)" after a 10:30 a.m. start in Lima is the next day. ``start``'s own date when
    ``start`` cannot be placed.
    """
    candidates = [dt.datetime.combine(start.date() + dt.timedelta(days=d), clock)
                  for d in (-1, 0, 1)]
    try:
        there = resolve(start, zone, fold).astimezone(get_zone(printed_zone))
    except TimingError:
        return candidates[1]
    wall = there.replace(tzinfo=None)
    return min(candidates, key=lambda c: abs((c - wall).total_seconds()))


def abbreviation_on(zone_name: str, day: dt.date) -> str | None:
    """The abbreviation ``zone_name`` uses at noon on ``day`` ("CEST"), or its UTC offset;
    ``None`` when the zone is unknown."""
    try:
        noon = resolve(dt.datetime(day.year, day.month, day.day, 12), zone_name, 0)
    except TimingError:
        return None
    return zone_abbreviation(noon)


def session_start(session: MeetingSession) -> dt.datetime | None:
    """The session's start as an aware datetime in its zone, or ``None`` if not placeable."""
    if session.start is None or not session.zone:
        return None
    try:
        return resolve(session.start, session.zone, session.fold)
    except AmbiguousTimeError as exc:
        return exc.earlier
    except TimingError:
        return None


@functools.lru_cache(maxsize=4096)
def session_start_utc(session: MeetingSession) -> dt.datetime | None:
    """The derived UTC instant of the session's start."""
    start = session_start(session)
    return start.astimezone(UTC) if start else None


def validate_session(session: MeetingSession) -> list[str]:
    """Every reason the session cannot be saved as it stands; empty when it can.

    The printed second time is not checked here: a mismatch is a warning to keep (see
    :func:`check_printed`). Each reason is a :class:`Message` the window translates."""
    problems: list[str] = []
    if session.zone:
        try:
            get_zone(session.zone)
        except UnknownZoneError as exc:
            problems.append(of_error(exc))
    if session.start is not None and session.zone and not problems:
        try:
            resolve(session.start, session.zone, session.fold)
        except TimingError as exc:
            problems.append(of_error(exc))
    if session.start is not None and not session.zone:
        problems.append(Message("a start time needs the time zone it was stated in"))
    if session.duration_minutes is not None:
        try:
            check_duration(session.duration_minutes)
        except DurationError as exc:
            problems.append(of_error(exc))
    if session.end is not None and session.start is not None and session.end < session.start:
        problems.append(Message("the session ends before it starts"))
    if session.printed_other is not None:
        try:
            get_zone(session.printed_other.zone)
        except UnknownZoneError as exc:
            problems.append(Message("printed time: {problem}", problem=of_error(exc)))
    return problems


def check_duration(minutes: int) -> int:
    """``minutes`` if it is a plausible session length, else :class:`DurationError`."""
    if minutes <= 0:
        raise DurationError(Message("a duration must be more than zero minutes"))
    if minutes > MAX_DURATION_MINUTES:
        raise DurationError(Message(
            "a duration of {duration} is longer than a day; enter each day's session "
            "separately", duration=format_duration(minutes)))
    return minutes


@dataclass(frozen=True)
class PrintedCheck:
    """How a printed second time compares with the one the zone rules give."""

    printed: PrintedTime
    computed: dt.datetime | None  # aware, in the printed zone
    ok: bool
    message: str


@functools.lru_cache(maxsize=4096)
def check_printed(session: MeetingSession) -> PrintedCheck | None:
    """Compare the session's printed second time with the computed one.

    ``None`` when there is nothing to compare. A mismatch is reported, never corrected:
    the printed time stays on the record as the source gave it.
    """
    printed = session.printed_other
    if printed is None:
        return None
    start = session_start(session)
    if start is None or not is_valid_zone(printed.zone):
        return PrintedCheck(printed, None, True, "")
    computed = start.astimezone(get_zone(printed.zone))
    computed_wall = computed.replace(tzinfo=None, second=0, microsecond=0)
    if computed_wall == printed.local.replace(second=0, microsecond=0):
        return PrintedCheck(printed, computed, True, "")
    abbr = zone_abbreviation(computed)
    message = Message(
        "printed {printed} on {printed_day} {abbr}; the time-zone rules give {computed} on "
        "{computed_day} {abbr}", printed=format_clock(printed.local),
        printed_day=format_day(printed.local.date()), abbr=abbr,
        computed=format_clock(computed_wall), computed_day=format_day(computed_wall.date()))
    return PrintedCheck(printed, computed, False, message)


def format_clock(value: dt.datetime | dt.time) -> str:
    """A clock time as readouts print it: "9:10 a.m.", "12:00 p.m."."""
    hour = value.hour % 12 or 12
    suffix = "a.m." if value.hour < 12 else "p.m."
    return Moment(f"{hour}:{value.minute:02d} {suffix}", value, "clock")


def format_day(day: dt.date) -> str:
    """A day without the year: "May 3"."""
    return Moment(f"{day:%B} {day.day}", day, "day")


def format_date(day: dt.date) -> str:
    """A full date as readouts head it: "May 3, 2023"."""
    return f"{day:%B} {day.day}, {day.year}"


def format_duration(minutes: int) -> str:
    """A duration the way readouts write it: "15 minutes", "90 minutes", "1 hour and 40 minutes"."""
    if minutes < 0:
        return f"{minutes} minutes"
    if minutes >= 60 and minutes % 60 == 0:
        hours = minutes // 60
        return f"{hours} hour" + ("s" if hours != 1 else "")
    if minutes <= 90:
        return f"{minutes} minute" + ("s" if minutes != 1 else "")
    hours, rest = divmod(minutes, 60)
    return f"{hours} hour{'s' if hours != 1 else ''} and {rest} minute{'s' if rest != 1 else ''}"


def format_offset(value: dt.datetime) -> str:
    """The UTC offset of an aware datetime: "UTC+9", "UTC-5", "UTC+5:30"."""
    offset = value.utcoffset() or dt.timedelta(0)
    total = int(offset.total_seconds() // 60)
    sign = "+" if total >= 0 else "-"
    hours, minutes = divmod(abs(total), 60)
    return f"UTC{sign}{hours}" + (f":{minutes:02d}" if minutes else "")


def offset_label(value: dt.datetime) -> str:
    """The abbreviation with the offset, "EDT (UTC-4)"; the offset alone when the zone has no
    abbreviation of its own (Lord Howe: "UTC+11", not "UTC+11 (UTC+11)")."""
    abbr, offset = zone_abbreviation(value), format_offset(value)
    return offset if abbr == offset else f"{abbr} ({offset})"


def _sentence(text: str) -> str:
    """``text`` ended with one full stop ("3:00 a.m." already has it)."""
    return text if text.endswith(".") else Message("{text}.", text=text)


def zone_abbreviation(value: dt.datetime) -> str:
    """The abbreviation a zone uses at that instant ("JST", "CEST"), or its UTC offset."""
    name = value.tzname() or ""
    if not name or name[0] in "+-" or name[0].isdigit():
        return format_offset(value)
    return name


def format_instant(instant: dt.datetime, zone_name: str | None) -> str:
    """An aware instant in a reader's zone: "2026-11-28 18:20 JST" (UTC when no zone)."""
    if instant.tzinfo is None:
        raise TimingError("an instant must carry its zone")
    zone = get_zone(zone_name) if zone_name and is_valid_zone(zone_name) else UTC
    here = instant.astimezone(zone)
    label = "UTC" if zone is UTC else zone_abbreviation(here)
    return f"{here:%Y-%m-%d %H:%M} {label}"


def zone_offset_label(zone_name: str, at: dt.datetime) -> str:
    """A zone with its offset at an instant, for pickers: "Asia/Tokyo (UTC+9, JST)"."""
    here = at.astimezone(get_zone(zone_name))
    abbr = zone_abbreviation(here)
    offset = format_offset(here)
    return f"{zone_name} ({offset})" if abbr == offset else f"{zone_name} ({offset}, {abbr})"


def _printed_names_date(session: MeetingSession, home_zone: str) -> bool:
    printed = session.printed_other
    return bool(printed and printed.zone == home_zone and " on " in f" {printed.text} ")


def render_timing(session: MeetingSession, home_zone: str | None) -> str:
    """The session's timing line as a published readout prints it.

    For the Lima small group meeting and home zone Asia/Tokyo:
    "commencing at 9:10 a.m. (local time; 11:10 p.m. on May 3 JST) for approximately
    15 minutes". The home-zone part names the date when it differs from the local one
    (or when the source's own printed time did), and the abbreviation in force then.
    """
    parts: list[str] = []
    start = session_start(session)
    if session.start is not None:
        hedge = session.time_hedge.strip()
        if hedge in _AT_HEDGES:
            lead = f"commencing at {hedge + ' ' if hedge else ''}"
        else:
            lead = f"commencing {hedge} "
        clock = lead + format_clock(session.start)
        label = session.zone_label.strip() or "local time"
        if start is None:
            note = "time zone not stated" if not session.zone else "time not valid in its zone"
            clock += f" ({label}; {note})"
        elif home_zone and is_valid_zone(home_zone) and home_zone != session.zone:
            home = start.astimezone(get_zone(home_zone))
            day = ""
            if home.date() != session.start.date() or _printed_names_date(session, home_zone):
                day = f" on {format_day(home.date())}"
            clock += f" ({label}; {format_clock(home)}{day} {zone_abbreviation(home)})"
        else:
            clock += f" ({label})"
        parts.append(clock)
    elif session.end is not None:
        parts.append(f"until {format_clock(session.end)}")
    if session.duration_minutes is not None:
        hedge = session.duration_hedge.strip()
        length = format_duration(session.duration_minutes)
        parts.append(f"for {hedge + ' ' if hedge else ''}{length}")
    elif session.end is not None and session.start is not None:
        parts.append(f"until {format_clock(session.end)}")
    return " ".join(parts)


def total_minutes(sessions: Iterable[MeetingSession]) -> int | None:
    """The sum of the stated durations, or ``None`` when none is stated."""
    stated = [s.duration_minutes for s in sessions if s.duration_minutes is not None]
    return sum(stated) if stated else None
