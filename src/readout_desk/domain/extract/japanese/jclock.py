"""Japanese dates, clock times and durations as readouts print them.

``令和7年6月5日`` and ``2025年6月5日``; days ``本8日``, ``同日``, ``翌24日``, ``14日``,
``6月4日``; clock times ``午前9時10分``, ``午後0時``, ``午前12時`` (noon, as the
ministry writes it), ``10時30分`` (24-hour), with the hedges ``頃`` and ``過ぎ``;
durations ``約15分間``, ``約1時間``, ``約2時間30分``, ``30分弱``. Digits may be full-width.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

#: Era names and the Western year before each era's first year.
ERAS = {"令和": 2018, "平成": 1988}

DATE_LINE_RE = re.compile(r"(?:(令和|平成)(\d{1,2}|元)|(\d{4}))年(\d{1,2})月(\d{1,2})日")
DAY_RE = re.compile(r"(翌日|同日|前日)|(本|翌|同)?(?:(\d{1,2})月)?(\d{1,2})日")
CLOCK_RE = re.compile(r"(午前|午後)?(\d{1,2})時(?!間)(?:(\d{1,2})分|(半))?(頃|過ぎ)?")
DURATION_RE = re.compile(r"(約)?(?:(\d{1,2})時間(?:(\d{1,2})分|(半))?|(\d{1,3})分)間?(弱|強)?")


def digits(text: str) -> str:
    """``text`` with full-width digits as ASCII (one character for one, so offsets hold)."""
    return "".join(unicodedata.normalize("NFKC", c) if "０" <= c <= "９" else c for c in text)


def date_line(match: re.Match[str]) -> dt.date | None:
    """The date of a :data:`DATE_LINE_RE` match; ``None`` for an impossible one."""
    era, era_year, western, month, day = match.groups()
    year = ERAS[era] + (1 if era_year == "元" else int(era_year)) if era else int(western)
    try:
        return dt.date(year, int(month), int(day))
    except ValueError:
        return None


@dataclass(frozen=True)
class Clock:
    """A clock time as printed, with its hedge."""

    time: dt.time
    hedge: str
    start: int
    end: int


def clock(match: re.Match[str]) -> Clock | None:
    """The time of a :data:`CLOCK_RE` match. ``午前12時`` is noon and ``午後0時`` noon too;
    ``午後N時`` is N + 12 below 12; a bare hour is read on the 24-hour clock."""
    half, hour_text, minute_text, is_half, hedge = match.groups()
    hour = int(hour_text)
    minute = 30 if is_half else int(minute_text or 0)
    if half == "午後" and hour < 12:
        hour += 12
    elif half == "午後" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return Clock(dt.time(hour, minute), hedge or "", match.start(), match.end())


def duration(match: re.Match[str]) -> tuple[int, str]:
    """Minutes and hedge (``約`` or ``弱``) of a :data:`DURATION_RE` match."""
    about, hours, minutes, half, only_minutes, under = match.groups()
    if hours is not None:
        total = int(hours) * 60 + (30 if half else int(minutes or 0))
    else:
        total = int(only_minutes)
    return total, about or under or ""


def resolve_day(match: re.Match[str], base: dt.date, previous: dt.date | None) -> dt.date | None:
    """The date a :data:`DAY_RE` found names: ``本8日`` and ``8日`` are in ``base``'s month
    (the month before when the day is later than ``base`` for a bare day), ``同日`` is
    ``previous``, ``翌24日``/``翌日`` the day after ``previous``."""
    word, prefix, month_text, day_text = match.groups()
    before = previous or base
    if word == "同日":
        return before
    if word == "翌日":
        return before + dt.timedelta(days=1)
    if word == "前日":
        return before - dt.timedelta(days=1)
    day = int(day_text)
    month = int(month_text) if month_text else (before.month if prefix in ("翌", "同") else
                                                 base.month)
    year = base.year
    try:
        found = dt.date(year, month, day)
    except ValueError:
        return None
    if prefix == "翌" and found <= before:
        found = _next_month(found)
    elif month_text is None and prefix is None and previous is not None and found < previous:
        found = _next_month(found)  # "（日本時間5日…）" after "6月4日" is June 5
    elif month_text is not None and found > base + dt.timedelta(days=200):
        found = found.replace(year=year - 1)
    return found


def _next_month(day: dt.date) -> dt.date:
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    try:
        return day.replace(year=year, month=month)
    except ValueError:
        return day
