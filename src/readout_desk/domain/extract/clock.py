"""Clock times, durations, hedges and zone labels as readouts print them.

Times: "9:10 a.m.", "6.15 p.m.", "6:10 P.M.", "20:20", "0:22 a.m.", "12 a.m.", "noon",
"14h30", "1430 hrs". Durations: "approximately 2 hours and 30 minutes", "the 20-minute
meeting", "one hour", "an hour and a half", "1.5 hours". Zone labels: "(local time)",
"(Japan time)", "JST", "France time", "Paris time". Every pattern is linear: no nested
repetition, bounded gaps, so no input makes them backtrack for long.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from readout_desk.domain import timing

_HEDGE_WORDS = (
    r"slightly\s+after|shortly\s+after|just\s+after|a\s+little\s+after|soon\s+after|"
    r"slightly\s+before|shortly\s+before|just\s+before|a\s+little\s+before|"
    r"at\s+around|at\s+about|at\s+approximately|around|about|approximately|"
    r"roughly|some\s+time\s+after"
)

# One clock time. Groups: h, m, ampm, word (noon/midnight).
CLOCK = (
    r"(?:(?P<word>noon|midday|midnight)"
    r"|(?P<h>[01]?\d|2[0-4])(?:(?P<sep>[:.h])(?P<m>[0-5]\d))?"
    r"(?:\s?(?P<ampm>[aApP]\.\s?[mM]\.?|[aApP][mM]\b)"
    r"|\s?(?P<hrs>hrs|hours|h)\b)?)"
)
CLOCK_RE = re.compile(r"(?<![\w.:/-])" + CLOCK + r"(?![\w:/-]|\.\d)")
HEDGE_BEFORE_RE = re.compile(r"(?:" + _HEDGE_WORDS + r")\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class Clock:
    """A clock time found in the text."""

    time: dt.time
    start: int
    end: int
    text: str


_TIME_WORD_BEFORE_RE = re.compile(r"\b(?:at|from|until|till|to|after|before|around|about|"
                                  r"began|begun|started|starting)\s{1,3}$", re.IGNORECASE)


def _is_prose_number(m: re.Match[str], text: str) -> bool:
    # Without a.m./p.m. or "hrs", "6.15" in running text is a number, not a time, unless
    # it follows "at", "from" or "began shortly after" ("met in Berlin today at 15.30").
    if m.group("sep") != "." or m.group("ampm") or m.group("hrs"):
        return False
    return not _TIME_WORD_BEFORE_RE.search(text, max(0, m.start() - 10), m.start())


_MILITARY_RE = re.compile(r"(?<![\w.:])(?P<hh>[01]\d|2[0-3])(?P<mm>[0-5]\d)\s?(?:hrs|hours)\b",
                          re.IGNORECASE)


def find_clocks(text: str, start: int = 0, end: int | None = None) -> list[Clock]:
    """Every clock time in ``text[start:end]``, read by :func:`.timing.parse_clock`."""
    stop = len(text) if end is None else end
    matches = [m for m in CLOCK_RE.finditer(text, start, stop)
               if not _is_prose_number(m, text)]
    matches += _MILITARY_RE.finditer(text, start, stop)
    found: list[Clock] = []
    for m in matches:
        try:
            value = timing.parse_clock(m.group(0))
        except timing.ClockError:
            continue  # "2 hours" is a duration; "13 p.m." no time at all
        if value is not None:
            found.append(Clock(value, m.start(), m.end(), m.group(0)))
    found.sort(key=lambda c: c.start)
    return found


def hedge_before(text: str, position: int) -> str:
    """The hedge printed right before ``position`` ("around", "slightly after"), or ""."""
    window = text[max(0, position - 40):position]
    m = HEDGE_BEFORE_RE.search(window)
    if not m:
        return ""
    hedge = " ".join(m.group(0).split()).lower()
    return hedge[3:] if hedge.startswith("at ") else hedge


# ---------------------------------------------------------------- durations

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "twenty-five": 25, "thirty": 30, "thirty-five": 35,
    "forty": 40, "forty-five": 45, "fifty": 50, "fifty-five": 55, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
_NUM = (r"(?:\d{1,3}(?:\.\d)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
        r"twelve|fifteen|twenty(?:-five)?|thirty(?:-five)?|forty(?:-five)?|fifty(?:-five)?|"
        r"sixty|seventy|eighty|ninety)")
_DURATION_HEDGES = (
    r"approximately|about|around|roughly|some|nearly|almost|just\s+under|slightly\s+under|"
    r"a\s+little\s+under|just\s+over|slightly\s+over|a\s+little\s+over|more\s+than|"
    r"less\s+than|over|under|close\s+to|up\s+to"
)
DURATION_RE = re.compile(
    r"(?<![\w-])(?:(?P<hedge>" + _DURATION_HEDGES + r")\s+)?"
    r"(?:(?P<half>half\s+an\s+hour)"
    r"|(?P<hours>" + _NUM + r")(?:\s+and\s+(?P<hfrac>a\s+half|a\s+quarter))?"
    r"(?:\s|-)(?P<hunit>hours?|hrs?)(?:\s+and\s+(?:a\s+)?(?P<hhalf>half|quarter))?"
    r"(?:,?\s+(?:and\s+)?(?P<hmin>" + _NUM + r")(?:\s|-)(?:minutes?|mins?))?"
    r"|(?P<minutes>" + _NUM + r")(?:\s|-)(?:minutes?|mins?))(?![\w])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Duration:
    """A duration found in the text, in minutes, with the hedge printed before it."""

    minutes: int
    hedge: str
    start: int
    end: int
    adjective: bool  # "the 20-minute meeting"


def _number(word: str) -> float:
    word = word.lower()
    if word in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[word])
    return float(word)


def parse_duration(m: re.Match[str]) -> int | None:
    """Minutes of a :data:`DURATION_RE` match."""
    if m.group("half"):
        total = 30.0
    elif m.group("hours"):
        total = _number(m.group("hours")) * 60
        frac = (m.group("hfrac") or m.group("hhalf") or "").lower()
        if frac.endswith("half"):
            total += 30
        elif frac.endswith("quarter"):
            total += 15
        if m.group("hmin"):
            total += _number(m.group("hmin"))
    else:
        total = _number(m.group("minutes"))
    minutes = int(round(total))
    return minutes if 0 < minutes <= 24 * 60 else None


def find_durations(text: str, start: int = 0, end: int | None = None) -> list[Duration]:
    """Every duration in ``text[start:end]``."""
    found = []
    for m in DURATION_RE.finditer(text, start, len(text) if end is None else end):
        minutes = parse_duration(m)
        if minutes is None:
            continue
        body = m.group(0)
        adjective = "-" in body.split()[-1] if body.split() else False
        hedge = " ".join((m.group("hedge") or "").split()).lower()
        found.append(Duration(minutes, hedge, m.start(), m.end(), adjective))
    return found


# ---------------------------------------------------------------- zone labels

#: Abbreviations readouts print, and the zone each one most often means. The place's
#: own zone wins when it uses the abbreviation on that day (see ``zones.zone_for_label``).
ABBREVIATIONS: dict[str, str] = {
    "JST": "Asia/Tokyo", "KST": "Asia/Seoul", "IST": "Asia/Kolkata",
    "SGT": "Asia/Singapore", "HKT": "Asia/Hong_Kong", "PHT": "Asia/Manila",
    "PHST": "Asia/Manila", "WIB": "Asia/Jakarta", "ICT": "Asia/Bangkok",
    "MYT": "Asia/Kuala_Lumpur", "PKT": "Asia/Karachi", "GST": "Asia/Dubai",
    "EST": "America/New_York", "EDT": "America/New_York", "ET": "America/New_York",
    "CST": "America/Chicago", "CDT": "America/Chicago", "MST": "America/Denver",
    "MDT": "America/Denver", "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles",
    "GMT": "Europe/London", "BST": "Europe/London", "WET": "Europe/Lisbon",
    "WEST": "Europe/Lisbon", "CET": "Europe/Brussels", "CEST": "Europe/Brussels",
    "EET": "Europe/Athens", "EEST": "Europe/Athens", "MSK": "Europe/Moscow",
    "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney", "ACST": "Australia/Adelaide",
    "ACDT": "Australia/Adelaide", "AWST": "Australia/Perth", "NZST": "Pacific/Auckland",
    "NZDT": "Pacific/Auckland", "UTC": "UTC", "BRT": "America/Sao_Paulo",
    "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura", "EAT": "Africa/Nairobi",
    "CAT": "Africa/Maputo", "WAT": "Africa/Lagos", "SAST": "Africa/Johannesburg",
    "IRST": "Asia/Tehran", "IRDT": "Asia/Tehran", "TRT": "Europe/Istanbul",
    "ART": "America/Argentina/Buenos_Aires", "PET": "America/Lima", "COT": "America/Bogota",
    "CLT": "America/Santiago", "CLST": "America/Santiago", "HST": "Pacific/Honolulu",
    "AKST": "America/Anchorage", "AKDT": "America/Anchorage", "MMT": "Asia/Yangon",
    "NPT": "Asia/Kathmandu",
}
_ABBR = r"(?:" + "|".join(sorted(ABBREVIATIONS, key=len, reverse=True)) + r")"
# A label: "local time", "Japan time", "Tokyo time", "France time", "JST", "Japan Standard Time".
LABEL = (
    r"(?:local\s+time|(?:[A-Z][\w'.-]*\s+){0,2}(?:Standard\s+)?[Tt]ime\b(?!\s+zone)"
    r"|" + _ABBR + r"\b)"
)
LABEL_RE = re.compile(LABEL)
_LABEL_WORD_BLACKLIST = frozenset({"the", "same", "this", "that", "first", "last", "next",
                                   "long", "some", "any", "each", "every", "at", "a", "one",
                                   "short", "free", "meal", "lunch", "dinner", "working"})


def clean_label(label: str) -> str:
    """A label as the record keeps it: single spaces, lower case "time" kept as printed."""
    return " ".join(label.split())


def label_is_plausible(label: str) -> bool:
    """Whether a matched label names a zone rather than being an ordinary phrase."""
    words = label.split()
    if not words:
        return False
    if len(words) == 1:
        return words[0] in ABBREVIATIONS
    return not any(w.lower() in _LABEL_WORD_BLACKLIST for w in words[:-1])
