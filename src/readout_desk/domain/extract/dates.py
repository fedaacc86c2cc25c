"""Dates as readouts print them: "May 3, 2023", "3 May 2023", "2023-05-03", "On May 3",
"today", "yesterday evening", "on Monday"."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from readout_desk.domain import timing

MONTHS = timing.MONTHS

_MONTH = r"(?P<month>" + timing.MONTH_PATTERN + r")\.?"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"

# "May 3, 2023", "May 3 2023", "May 3" ; "3 May 2023", "3 May", "12-13 March" (its first
# day); "2023-05-03"; "2023.05.03".
DATE_RE = re.compile(
    r"\b" + _WEEKDAY + r"(?:"
    + _MONTH + r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
    + r"|(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?(?:\s?[-\u2013]\s?[0-3]?\d(?:st|nd|rd|th)?)?"
    + r"\s+(?:of\s+)?"
    + _MONTH.replace("month", "month2")
    + r"(?:,?\s+(?P<year2>(?:19|20)\d\d)\b)?"
    + r"|(?P<year3>(?:19|20)\d\d)[-./](?P<month3>[01]?\d)[-./](?P<day3>[0-3]?\d)\b"
    + r"|(?<![\d.])(?P<day4>[0-3]?\d)\.(?P<month4>[01]?\d)\.(?P<year4>(?:19|20)\d\d)\b"
    + r"|(?<![\d/-])(?P<day5>[0-3]?\d)(?P<sep5>[/-])(?P<month5>[0-3]?\d)(?P=sep5)"
    + r"(?P<year5>(?:19|20)\d\d)\b"
    + r")",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FoundDate:
    """A date found in the text; ``year`` is ``None`` when the text left it out."""

    month: int
    day: int
    year: int | None
    start: int
    end: int

    def resolve(self, reference: dt.date | None) -> dt.date | None:
        """The full date, taking a missing year from ``reference`` (the page's date).

        A day later in the year than the reference belongs to the year before when it
        would otherwise lie more than a month after the page was published.
        """
        year = self.year
        if year is None:
            if reference is None:
                return None
            year = reference.year
            try:
                candidate = dt.date(year, self.month, self.day)
            except ValueError:
                return None
            if candidate - reference > dt.timedelta(days=31):
                year -= 1
        try:
            return dt.date(year, self.month, self.day)
        except ValueError:
            return None


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[FoundDate]:
    """Every date in ``text[start:end]`` with its offsets in ``text``."""
    found = []
    for m in DATE_RE.finditer(text, start, len(text) if end is None else end):
        year: int | None
        if m.group("year3") or m.group("year4") or m.group("year5"):
            # ISO "2025-04-02", European "02.04.2025" and "14/05/2025" (day first; the
            # month first only when the day could not be a month: "05/14/2025").
            if m.group("year5"):
                day, month, year = (int(m.group("day5")), int(m.group("month5")),
                                    int(m.group("year5")))
                if month > 12 >= day:
                    day, month = month, day
            elif m.group("year3"):
                month, day, year = (int(m.group("month3")), int(m.group("day3")),
                                    int(m.group("year3")))
            else:
                month, day, year = (int(m.group("month4")), int(m.group("day4")),
                                    int(m.group("year4")))
            if not 1 <= month <= 12:
                continue
        else:
            name = (m.group("month") or m.group("month2") or "").lower().rstrip(".")
            month = MONTHS.get(name, 0) or MONTHS.get(name[:3], 0)
            day = int(m.group("day") or m.group("day2"))
            y = m.group("year") or m.group("year2")
            year = int(y) if y else None
            # "May" and "March" are words too: "may 3" in prose is rare but "May"
            # must be capitalised to count as a month.
            if name in ("may", "march") and not (m.group("month") or m.group("month2") or "")[
                    :1].isupper():
                continue
        if not 1 <= day <= 31 or month == 0:
            continue
        found.append(FoundDate(month, day, year, m.start(), m.end()))
    return found


def full_date(text: str) -> dt.date | None:
    """The date in ``text`` when it names one with its year, else ``None``."""
    for found in find_dates(text):
        if found.year is not None:
            return found.resolve(None)
    return None


_RELATIVE_RE = re.compile(
    r"\b(?P<word>today|this\s+(?:morning|afternoon|evening)|tonight|"
    r"yesterday(?:\s+(?:morning|afternoon|evening))?|last\s+night|"
    r"the\s+(?:previous|preceding)\s+day|the\s+day\s+before|"
    r"on\s+the\s+(?P<ordinal>[0-3]?\d)(?:st|nd|rd|th)(?!\s+(?:of\s+)?(?-i:[A-Z]))|"
    r"(?:on|last)\s+(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b",
    re.IGNORECASE,
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True)
class RelativeDate:
    """A day named relative to the page's date: "today", "yesterday evening", "on Monday",
    "the previous day", "on the 14th"."""

    word: str
    start: int
    end: int

    def resolve(self, reference: dt.date) -> dt.date:
        word = self.word.lower()
        if word.startswith(("yesterday", "last night", "the previous", "the preceding",
                            "the day before")):
            return reference - dt.timedelta(days=1)
        ordinal = re.fullmatch(r"on the (\d{1,2})(?:st|nd|rd|th)", word)
        if ordinal:
            # "on the 14th (local time)": the page's month, or the month before it.
            day = int(ordinal.group(1))
            month_start = reference.replace(day=1)
            if day > reference.day:
                month_start = (month_start - dt.timedelta(days=1)).replace(day=1)
            try:
                return month_start.replace(day=day)
            except ValueError:
                return reference
        for index, name in enumerate(_WEEKDAYS):
            if word.endswith(name):
                back = (reference.weekday() - index) % 7
                return reference - dt.timedelta(days=back)
        return reference


def find_relative(text: str, start: int = 0, end: int | None = None) -> list[RelativeDate]:
    """Every relative day word in ``text[start:end]``."""
    return [RelativeDate(" ".join(m.group("word").split()), m.start(), m.end())
            for m in _RELATIVE_RE.finditer(text, start, len(text) if end is None else end)]
