"""Clock times and month names as people write them; no zones here.

The one reader of a clock time for the whole program: a time typed in the editor, a
time in a CSV column, a time printed in a readout. It accepts "9:10", "21:40", "9.45",
"9:10 a.m.", "9 pm", "11:10 P.M.", "0:22 a.m.", "12 a.m.", "9:10 p" (a.m./p.m. without
the m), "14h30", "14:30 hrs", "1430 hrs", "20 hrs", "24:00" (read as 0:00), "noon",
"midday" and "midnight"; a stray dot or "m" after the minutes ("9:10.") is let pass.
Japanese forms are read too: "午前9時10分", "午後3時", "9時10分", "21時", "9時半", "正午",
"午前0時" and "午前12時" (both midnight, as "12 a.m." is), with full-width digits
("９時１０分") read as ASCII first.
Where a time stands in running text ("6.15" alone is a number there) is the extractor's
question, not this module's.

:mod:`readout_desk.domain.timing` re-exports these names: import them from there.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from readout_desk.domain.messages import Message

#: Month names and their abbreviations ("sept" too), lower case, to the month's number.
MONTHS: dict[str, int] = {}
for _number, _name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"), start=1):
    MONTHS[_name] = _number
    MONTHS[_name[:3]] = _number
MONTHS["sept"] = 9

#: A regular expression alternation of every key of :data:`MONTHS`, longest first; use
#: it case-insensitively.
MONTH_PATTERN = "|".join(sorted(MONTHS, key=len, reverse=True))


class ClockError(ValueError):
    """Text that is not a clock time; the message says how to write one."""


class ClockRangeError(ClockError):
    """Text written like a clock time that names no time of the day ("25:00", "13:10 p.m.")."""


_CLOCK_RE = re.compile(
    r"(?:(?P<word>noon|midday|midnight)"
    r"|(?P<hh>[01]\d|2[0-3])(?P<mm>[0-5]\d)\s?(?P<mil>hrs|hours)"
    r"|(?P<h>\d{1,2})(?:(?P<sep>[:.h])(?P<m>\d{2}))?"
    r"\s*(?:(?P<hrs>hrs|hours|h)|(?P<ap>[ap])?\.?\s*m?\.?))",
    re.IGNORECASE,
)


#: A clock time written in Japanese: "午前9時10分", "21時", "9時半", "正午" (digits normalised).
_JAPANESE_CLOCK_RE = re.compile(
    r"(?P<noon>正午)|(?P<half>午前|午後)?\s*(?P<h>\d{1,2})\s*時\s*"
    r"(?:(?P<m>\d{1,2})\s*分|(?P<thirty>半))?")


def parse_clock(text: str) -> dt.time | None:
    """The time of day written in ``text``; ``None`` when it is blank.

    Raises :class:`ClockError` for text that is not a clock time (a bare "9", "2 hours")
    and :class:`ClockRangeError` for one that names no time of the day.
    """
    value = unicodedata.normalize("NFKC", text).strip()
    if not value:
        return None
    japanese = _JAPANESE_CLOCK_RE.fullmatch(value)
    if japanese is not None:
        return _japanese_clock(value, japanese)
    m = _CLOCK_RE.fullmatch(value)
    if m is None or not (m["word"] or m["mil"] or m["m"] or m["ap"] or _is_hours(m["hrs"])):
        raise ClockError(Message("{value!r} is not a time; write it like 9:10, 21:40 or "
                                 "9:10 p.m.", value=value))
    if m["word"]:
        return dt.time(0, 0) if m["word"].lower() == "midnight" else dt.time(12, 0)
    if m["mil"]:
        return dt.time(int(m["hh"]), int(m["mm"]))
    hour, minute = int(m["h"]), int(m["m"] or 0)
    return _time_of_day(value, hour, minute, (m["ap"].lower() == "p") if m["ap"] else None)


def _japanese_clock(value: str, m: re.Match[str]) -> dt.time:
    if m["noon"]:
        return dt.time(12, 0)
    minute = 30 if m["thirty"] else int(m["m"] or 0)
    afternoon = None if m["half"] is None else m["half"] == "午後"
    return _time_of_day(value, int(m["h"]), minute, afternoon)


def _time_of_day(value: str, hour: int, minute: int, afternoon: bool | None) -> dt.time:
    """The time for an hour read with a.m./p.m. (``afternoon`` set) or on a 24-hour clock."""
    if afternoon is not None:
        if hour > 12:
            raise ClockRangeError(Message("{value!r}: with a.m. or p.m. the hour is at most 12.",
                                          value=value))
        hour = hour % 12 + (12 if afternoon else 0)
    elif hour == 24:
        hour = 0
    if hour > 23 or minute > 59:
        raise ClockRangeError(Message("{value!r} is not a time of the day.", value=value))
    return dt.time(hour, minute)


def _is_hours(suffix: str | None) -> bool:
    # "20 hrs" is a clock time; "2 hours" and "2 h" are lengths of time.
    return suffix is not None and suffix.lower() == "hrs"
