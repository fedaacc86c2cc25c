"""What the editor's fields hold as text: dates, printed times, numbers and zone names.

Typed text is read here and values are written back the way the form shows them. Clock
times and month names are read by :mod:`.timing`, the one reader of each. Japanese forms
are read as well as English ones: dates in Western years (``2023年5月3日``) or in the
years of an era (``令和5年5月3日``, ``令和元年``, ``R5.5.3``, ``H31.4.30``), printed times
(``日本時間同日午後11時10分``) and durations (``約1時間30分``, ``約15分間``), with
full-width digits read as ASCII first.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from readout_desk.domain import timing
from readout_desk.domain.messages import Message

_NOT_IN_CALENDAR = "{value!r} is not a date of the calendar."

_AMPM_CLOCK_RE = re.compile(r"\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?\s*m\.?", re.IGNORECASE)
_DIGITAL_CLOCK_RE = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
_JAPANESE_CLOCK_RE = re.compile(r"正午|(?:午前|午後)?\d{1,2}時(?:\d{1,2}分|半)?")
_JAPANESE_MONTH_DAY_RE = re.compile(r"(\d{1,2})月(\d{1,2})日")


@dataclass(frozen=True)
class Era:
    """A modern era of the Japanese calendar: its names and the days it covers."""

    name: str  # 令和
    letter: str  # R, as in "R5.5.3"
    latin: str  # Reiwa
    first: dt.date
    last: dt.date | None  # None while it lasts

    def year_of(self, day: dt.date) -> int:
        """The year of this era ``day`` falls in (1 for its first year)."""
        return day.year - self.first.year + 1


#: The eras since the Gregorian calendar came into use, oldest first, with the days each
#: began and ended as the era changes were proclaimed.
ERAS: tuple[Era, ...] = (
    Era("明治", "M", "Meiji", dt.date(1868, 10, 23), dt.date(1912, 7, 29)),
    Era("大正", "T", "Taishō", dt.date(1912, 7, 30), dt.date(1926, 12, 24)),
    Era("昭和", "S", "Shōwa", dt.date(1926, 12, 25), dt.date(1989, 1, 7)),
    Era("平成", "H", "Heisei", dt.date(1989, 1, 8), dt.date(2019, 4, 30)),
    Era("令和", "R", "Reiwa", dt.date(2019, 5, 1), None),
)
_ERA_BY_TOKEN = {token: era for era in ERAS for token in (era.name, era.letter)}
_ERA_TOKENS = "|".join(_ERA_BY_TOKEN)
_ERA_KANJI_RE = re.compile(rf"({_ERA_TOKENS})\s*(元|\d{{1,3}})\s*年\s*(\d{{1,2}})\s*月"
                           r"\s*(\d{1,2})\s*日")
_ERA_SHORT_RE = re.compile(rf"({_ERA_TOKENS})\s*(元|\d{{1,3}})[-/.](\d{{1,2}})[-/.](\d{{1,2}})",
                           re.IGNORECASE)
_WESTERN_KANJI_RE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
# A weekday printed after a Japanese date: "2023年5月3日（水）".
_WEEKDAY_RE = re.compile(r"\s*[(（][月火水木金土日](?:曜日?)?[)）]$")

#: Marks of a hedged Japanese duration, to the hedge the form offers for each.
_DURATION_MARKS = {"約": "approximately", "およそ": "approximately", "弱": "just under",
                   "強": "just over", "余り": "more than"}
_JAPANESE_DURATION_RE = re.compile(
    r"(?P<before>約|およそ)?\s*(?:(?P<h>\d{1,3})\s*時間(?:半)?)?\s*(?:(?P<m>\d{1,4})\s*分)?"
    r"\s*間?\s*(?P<after>弱|強|余り)?")


def era_date(day: dt.date) -> tuple[Era, int] | None:
    """The era and its year for ``day``; ``None`` before the first era of :data:`ERAS`."""
    for era in reversed(ERAS):
        if day >= era.first:
            return era, era.year_of(day)
    return None


def from_era(token: str, year: int, month: int, day: int) -> dt.date:
    """The day written ``令和5年5月3日`` (``token`` an era's name or letter, any case).

    Raises :class:`ValueError` naming the era change for a day its era does not cover
    (``平成31年5月1日`` is in Reiwa).
    """
    era = _ERA_BY_TOKEN[token.upper() if token.isascii() else token]
    written = f"{era.name}{'元' if year == 1 else year}年{month}月{day}日"
    if year < 1:
        raise ValueError(Message("{written}: an era's years begin at 1 (元年).",
                                 written=written))
    try:
        value = dt.date(era.first.year + year - 1, month, day)
    except ValueError:
        raise ValueError(Message("{written} is not a date of the calendar.",
                                 written=written)) from None
    if value < era.first:
        raise ValueError(Message("{written} is before {latin} ({era}) began on {first}.",
                                 written=written, latin=era.latin, era=era.name,
                                 first=era.first.isoformat()))
    if era.last is not None and value > era.last:
        nxt = ERAS[ERAS.index(era) + 1]
        raise ValueError(Message(
            "{written} is after {latin} ({era}) ended on {last}; from {first} the era is "
            "{next_latin} ({next_era}): {day} is {next_written}.", written=written,
            latin=era.latin, era=era.name, last=era.last.isoformat(),
            first=nxt.first.isoformat(), next_latin=nxt.latin, next_era=nxt.name,
            day=value.isoformat(),
            next_written=f"{nxt.name}{_year_word(nxt.year_of(value))}年{month}月{day}日"))
    return value


def _year_word(year: int) -> str:
    return "元" if year == 1 else str(year)


def _japanese_date(value: str) -> dt.date | None:
    """A date in a Japanese form, else ``None``; raises :class:`ValueError` for a bad one."""
    value = _WEEKDAY_RE.sub("", value)
    for pattern in (_ERA_KANJI_RE, _ERA_SHORT_RE):
        m = pattern.fullmatch(value)
        if m:
            year = 1 if m[2] == "元" else int(m[2])
            return from_era(m[1], year, int(m[3]), int(m[4]))
    m = _WESTERN_KANJI_RE.fullmatch(value)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            raise ValueError(Message(_NOT_IN_CALENDAR, value=value)) from None
    return None


#: Hedges printed after a Japanese clock time ("午前9時10分頃"), to the form's hedges.
_CLOCK_MARKS = {"頃": "around", "ごろ": "around", "過ぎ": "just after", "すぎ": "just after"}
_CLOCK_MARK_RE = re.compile(rf"^(?P<about>約)?(?P<clock>.+?)(?P<mark>{'|'.join(_CLOCK_MARKS)})?$")


def split_clock_hedge(text: str) -> tuple[str, str]:
    """A Japanese clock time typed with its hedge ("午前9時10分頃", "約9時") as the clock
    time and the hedge the form offers ("around", "just after"); other text as it is."""
    value = unicodedata.normalize("NFKC", text).strip()
    m = _CLOCK_MARK_RE.match(value)
    if m is None or "時" not in m["clock"] or not (m["about"] or m["mark"]):
        return text, ""
    return m["clock"], _CLOCK_MARKS[m["mark"]] if m["mark"] else "around"


@dataclass(frozen=True)
class Duration:
    """A length of time read from text: whole minutes and the hedge said with it."""

    minutes: int
    hedge: str = ""


def parse_duration(text: str) -> Duration | None:
    """A duration written in Japanese (``約1時間30分``, ``約15分間``, ``1時間半``, ``30分弱``).

    ``None`` when ``text`` is not one, so that a field can go on to read it otherwise.
    """
    value = unicodedata.normalize("NFKC", text).strip()
    m = _JAPANESE_DURATION_RE.fullmatch(value)
    if not value or m is None or not (m["h"] or m["m"]) or ("半" in value and m["m"]):
        return None
    minutes = int(m["h"] or 0) * 60 + int(m["m"] or 0) + (30 if "時間半" in value else 0)
    mark = m["before"] or m["after"] or ""
    return Duration(minutes, _DURATION_MARKS.get(mark, ""))


def parse_date(text: str) -> dt.date | None:
    """A date typed as "2023-05-03", "May 3, 2023", "3 May 2023", "2023年5月3日",
    "令和5年5月3日" or "R5.5.3"; ``None`` when blank.

    Raises :class:`ValueError` with a sentence saying what is expected.
    """
    value = unicodedata.normalize("NFKC", text).strip()
    if not value:
        return None
    japanese = _japanese_date(value)
    if japanese is not None:
        return japanese
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
        raise ValueError(Message(_NOT_IN_CALENDAR, value=value)) from None
    raise ValueError(Message("{value!r} is not a date; write it like 2023-05-03, May 3, 2023 "
                             "or 2023年5月3日.", value=value))


def parse_printed(text: str, near: dt.date | None) -> tuple[dt.time, dt.date | None] | None:
    """The clock time and, if named, the day in a printed time ("11:10 p.m. on May 3 JST").

    The year of a named day is the one closest to ``near`` (no day without ``near``).
    ``None`` when no clock time with a.m./p.m. (or a 24-hour "23:10") is found.
    """
    text = unicodedata.normalize("NFKC", text)
    clock = _printed_clock(text)
    if clock is None:
        return None
    day: dt.date | None = None
    md = re.search(rf"\b({timing.MONTH_PATTERN})\.?\s+(\d{{1,2}})\b", text, re.I)
    dm = re.search(rf"\b(\d{{1,2}})\s+({timing.MONTH_PATTERN})\b", text, re.I)
    ja = _JAPANESE_MONTH_DAY_RE.search(text)
    month_day = None
    if md:
        month_day = (timing.MONTHS[md[1].lower()], int(md[2]))
    elif dm:
        month_day = (timing.MONTHS[dm[2].lower()], int(dm[1]))
    elif ja:
        month_day = (int(ja[1]), int(ja[2]))
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
        raise ValueError(Message("{what} must be a whole number, not {value!r}.", what=what,
                                 value=value))
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
    """The first clock time with a.m./p.m. (or 午前/午後) in a printed time, else the first
    "23:10" or "23時10分"."""
    for pattern in (_AMPM_CLOCK_RE, _JAPANESE_CLOCK_RE, _DIGITAL_CLOCK_RE):
        m = pattern.search(text)
        if m is None:
            continue
        try:
            return timing.parse_clock(m.group(0))
        except timing.ClockError:
            continue
    return None
