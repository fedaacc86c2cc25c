"""What the editor's fields hold as text: dates, printed times, numbers and zone names.

Typed text is read here and values are written back the way the form shows them. Clock
times and month names are read by :mod:`.timing`, the one reader of each.
"""

from __future__ import annotations

import datetime as dt
import re

from readout_desk.domain import timing

_AMPM_CLOCK_RE = re.compile(r"\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?\s*m\.?", re.IGNORECASE)
_DIGITAL_CLOCK_RE = re.compile(r"\b\d{1,2}[:.]\d{2}\b")


def parse_date(text: str) -> dt.date | None:
    """A date typed as "2023-05-03", "May 3, 2023" or "3 May 2023"; ``None`` when blank.

    Raises :class:`ValueError` with a sentence saying what is expected.
    """
    value = text.strip()
    if not value:
        return None
    try:
        m = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", value)
        if m:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        m = re.fullmatch(rf"({timing.MONTH_PATTERN})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})", value, re.I)
        if m:
            return dt.date(int(m[3]), timing.MONTHS[m[1].lower()], int(m[2]))
        m = re.fullmatch(rf"(\d{{1,2}})\s+({timing.MONTH_PATTERN})\.?,?\s+(\d{{4}})", value, re.I)
        if m:
            return dt.date(int(m[3]), timing.MONTHS[m[2].lower()], int(m[1]))
    except ValueError:
        raise ValueError(f"{value!r} is not a date of the calendar.") from None
    raise ValueError(f"{value!r} is not a date; write it like 2023-05-03 or May 3, 2023.")


def parse_printed(text: str, near: dt.date | None) -> tuple[dt.time, dt.date | None] | None:
    """The clock time and, if named, the day in a printed time ("11:10 p.m. on May 3 JST").

    The year of a named day is the one closest to ``near`` (no day without ``near``).
    ``None`` when no clock time with a.m./p.m. (or a 24-hour "23:10") is found.
    """
    clock = _printed_clock(text)
    if clock is None:
        return None
    day: dt.date | None = None
    md = re.search(rf"\b({timing.MONTH_PATTERN})\.?\s+(\d{{1,2}})\b", text, re.I)
    dm = re.search(rf"\b(\d{{1,2}})\s+({timing.MONTH_PATTERN})\b", text, re.I)
    month_day = None
    if md:
        month_day = (timing.MONTHS[md[1].lower()], int(md[2]))
    elif dm:
        month_day = (timing.MONTHS[dm[2].lower()], int(dm[1]))
    if month_day and near is not None:
        # A day printed without its year is the one closest to the meeting's date; with no
        # meeting date there is nothing to place it by, so only the clock time is read.
        candidates = []
        for y in (near.year - 1, near.year, near.year + 1):
            try:
                candidates.append(dt.date(y, *month_day))
            except ValueError:
                continue
        if candidates:
            day = min(candidates, key=lambda d: abs((d - near).days))
    return clock, day


def parse_whole(text: str, what: str) -> int | None:
    """A whole number typed in a duration field; ``None`` when blank."""
    value = text.strip()
    if not value:
        return None
    if not re.fullmatch(r"[-+]?\d+", value):
        raise ValueError(f"{what} must be a whole number, not {value!r}.")
    return int(value)


def format_wall_date(day: dt.date | None) -> str:
    """How the form shows a date."""
    return day.isoformat() if day else ""


def format_wall_time(value: dt.datetime | dt.time | None) -> str:
    """How the form shows a wall time: "09:10"."""
    return f"{value.hour:02d}:{value.minute:02d}" if value is not None else ""


def zone_name(text: str) -> str:
    """The IANA name in a zone field ("America/Lima (UTC-5)" reads as "America/Lima")."""
    value = text.strip()
    return value.split(" (", 1)[0].strip() if " (" in value else value


def _printed_clock(text: str) -> dt.time | None:
    """The first clock time with a.m./p.m. in a printed time, else the first "23:10"."""
    for pattern in (_AMPM_CLOCK_RE, _DIGITAL_CLOCK_RE):
        m = pattern.search(text)
        if m is None:
            continue
        try:
            return timing.parse_clock(m.group(0))
        except timing.ClockError:
            continue
    return None
