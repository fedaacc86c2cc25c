"""Meeting dates as words of the table of words, so that FTS5 finds a date range's hits by
seeking instead of testing every match.

FTS5 keeps each word's matches in rowid order, and the archive numbers readouts in the
order they were added, not by date: a date range narrowed a word's hits only by testing
each of its matches against the range (at a million readouts, a word in 945,000 and half a
year's 28,000 hits: 945,000 tests before ``bm25()`` scored a single hit). So each readout
of both full-text tables (the table of words, and the table of runs for Japanese text)
also holds its meeting date as three words in a last column of its own, ``dated``: its
year, its month and its day, each one character of the supplementary private-use planes
(U+F0000 on: no text typed holds them, and :func:`typed` drops any pasted into a query).
A range becomes the fewest such words that cover it (whole years, whole months, days at
the ends), and the query ``(words) AND dated : (y OR m OR d ...)``: FTS5 walks the
shorter lists and seeks in the longer, reading only matches that lie in the range.

- One character a word, so FTS5's prefix indexes (of two and three characters) hold
  nothing of them: about 13 bytes a readout.
- The column's weight is 0, so a hit's ``bm25()`` is the words' alone, whatever dates the
  query names (each date word adds ``idf × 0``): the page is the one the range filter gives.
- Dates from :data:`FIRST_YEAR` to :data:`LAST_YEAR` have words (the planes hold 131,068
  characters); a readout outside them, or without a date, has none, and a range that
  reaches beyond them is tested match by match as before, as is one that needs more than
  :data:`MOST_WORDS` words.

The view the table of words reads its text from computes the same words in SQL (made by
the migration ``0020_dates_as_words``; the table of runs has them from 0021); a test
holds the two in step.
"""

from __future__ import annotations

import datetime as dt

#: The column of the table of words that holds the date words, after the others.
DATED = "dated"
#: Its bm25 weight: a date word never changes a hit's score.
WEIGHT = 0.0
FIRST_YEAR = 1900
LAST_YEAR = 2199
#: At most this many words in a range's query; a longer one is tested match by match.
MOST_WORDS = 64

_YEARS = LAST_YEAR - FIRST_YEAR + 1
_MONTHS = 12 * _YEARS
_FIRST_DAY = dt.date(FIRST_YEAR, 1, 1)
_LAST_DAY = dt.date(LAST_YEAR, 12, 31)
#: The first of the two planes, and how many characters it gives before its last two
#: (U+FFFFE and U+FFFFF are not characters).
_PLANE_15 = 0xF0000
_PLANE_16 = 0x100000
_PER_PLANE = 0xFFFE


def _char(n: int) -> str:
    return chr(_PLANE_15 + n if n < _PER_PLANE else _PLANE_16 + n - _PER_PLANE)


def _year(year: int) -> str:
    return _char(year - FIRST_YEAR)


def _month(year: int, month: int) -> str:
    return _char(_YEARS + (year - FIRST_YEAR) * 12 + month - 1)


def _day(day: dt.date) -> str:
    return _char(_YEARS + _MONTHS + (day - _FIRST_DAY).days)


def date_words(day: str | dt.date | None) -> str:
    """The ``dated`` column of a readout met on ``day`` (a date, or its stored text): its
    year, month and day words, or nothing outside the years that have them."""
    if not day:
        return ""
    if isinstance(day, str):
        try:
            day = dt.date.fromisoformat(day)
        except ValueError:
            return ""
    if not _FIRST_DAY <= day <= _LAST_DAY:
        return ""
    return f"{_year(day.year)} {_month(day.year, day.month)} {_day(day)}"


def typed(text: str) -> str:
    """A query's text without the characters the date words are made of: no one types
    them, and a pasted one must not find the readouts of a date."""
    return "".join(c for c in text if ord(c) < _PLANE_15)


def range_words(first: dt.date, last: dt.date) -> list[str] | None:
    """The fewest date words whose readouts are exactly those met from ``first`` to
    ``last`` (both included), or None where no such list of :data:`MOST_WORDS` or fewer
    exists (a range beyond the years with words, or too long and ragged)."""
    if first > last:
        return []
    if first < _FIRST_DAY or last > _LAST_DAY:
        return None
    words: list[str] = []
    day = first
    while day <= last:
        if len(words) >= MOST_WORDS:
            return None
        if day.month == 1 and day.day == 1 and dt.date(day.year, 12, 31) <= last:
            words.append(_year(day.year))
            day = dt.date(day.year + 1, 1, 1)
            continue
        following = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
        if day.day == 1 and following - dt.timedelta(1) <= last:
            words.append(_month(day.year, day.month))
            day = following
            continue
        words.append(_day(day))
        day += dt.timedelta(1)
    return words


def year_match(year: int) -> str | None:
    """The phrase of the ``dated`` column that every readout met in ``year`` holds (its
    year word), or None for a year without words."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    return f'{DATED} : "{_year(year)}"'


def year_of(phrase: str) -> int | None:
    """The year whose word ``phrase`` is (as :func:`year_match` writes it), else None."""
    head = f'{DATED} : "'
    if len(phrase) != len(head) + 2 or not phrase.startswith(head) or phrase[-1] != '"':
        return None
    n = ord(phrase[-2]) - _PLANE_15
    return FIRST_YEAR + n if 0 <= n < _YEARS else None


def is_date_phrase(phrase: str) -> bool:
    """Whether a phrase of a query is asked of the ``dated`` column: a hit's occurrences of
    it weigh nothing in its score (:data:`WEIGHT`)."""
    return phrase.startswith(f"{DATED} : ")


def range_match(words: list[str]) -> str:
    """The MATCH clause of the ``dated`` column for a range's words (one or more)."""
    return f"{DATED} : (" + " OR ".join(f'"{w}"' for w in words) + ")"
