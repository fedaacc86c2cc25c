"""The search syntax, read into a small tree that storage turns into SQL.

Syntax (documented in the README):

- ``word word``: every word must match (in any field)
- ``"exact phrase"``
- ``prefix*``
- ``a OR b`` (``|`` too): either; OR binds tighter than the implied AND
- ``-word``, ``-"a phrase"``, ``NOT word``: exclude
- ``country:peru``, ``person:hayashi``, ``topic:cptpp``, ``place:lima``, ``kind:plenary``
  (values may be quoted or end in ``*``), ``mode:telephone``, ``year:2023``,
  ``from:2023-01-01``, ``to:2023-12-31`` (``from:2023`` and ``to:2023-05`` work too)

Any input is a valid query: an unbalanced quote closes at the end, stray operators
are dropped, FTS keywords typed as words are searched as words, and punctuation is
ignored. Whatever was read other than as typed is said in :attr:`ParsedQuery.notes`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from readout_desk.domain.records import Mode

#: Field filters matched against the full-text index, with the index column each uses.
TEXT_FIELDS: dict[str, str] = {
    "country": "countries",
    "person": "people",
    "people": "people",
    "who": "people",
    "topic": "topics",
    "place": "place",
    "where": "place",
    "kind": "kinds",
    "title": "title",
    "office": "people",
    "publisher": "publisher",
}
OTHER_FIELDS = frozenset({"mode", "year", "from", "to", "in"})

_WORD = re.compile(r"\w", re.UNICODE)


@dataclass(frozen=True)
class Term:
    """One searchable unit: a word, a phrase or a prefix, optionally within one field."""

    text: str
    phrase: bool = False
    prefix: bool = False
    column: str | None = None  # index column, see TEXT_FIELDS


@dataclass(frozen=True)
class ParsedQuery:
    """A query as the archive evaluates it.

    ``required`` is a conjunction of clauses; each clause is a disjunction of terms.
    """

    required: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()
    modes: tuple[Mode, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    include_trash: bool = False
    only_trash: bool = False
    notes: tuple[str, ...] = field(default=())

    @property
    def is_empty(self) -> bool:
        """Whether the query matches everything (no condition at all)."""
        return not (
            self.required or self.excluded or self.modes or self.date_from or self.date_to
        )

    @property
    def words(self) -> tuple[str, ...]:
        """The searched words and phrases, for highlighting."""
        return tuple(t.text for clause in self.required for t in clause)


def _parse_date(value: str, end: bool) -> dt.date | None:
    """``2023``, ``2023-05`` or ``2023-05-03``; the start or end of the period."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", value.strip())
    if not m:
        return None
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    try:
        if month is None:
            return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
        if day is None:
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, last) if end else dt.date(year, month, 1)
        return dt.date(year, month, day)
    except ValueError:
        return None


_TOKEN = re.compile(
    r"""
    (?P<neg>-)?
    (?:(?P<field>[A-Za-z]+):)?
    (?:
        "(?P<phrase>[^"]*)(?P<close>"?)
      | (?P<word>[^\s"]+)
    )
    """,
    re.VERBOSE,
)


def parse_query(text: str) -> ParsedQuery:
    """Read what a user typed into a :class:`ParsedQuery`; never raises."""
    notes: list[str] = []
    clauses: list[list[Term]] = []
    excluded: list[Term] = []
    modes: list[Mode] = []
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    include_trash = only_trash = False

    pending_or = False
    pending_not = False
    pos = 0
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    if text.count('"') % 2:
        notes.append("A quote was not closed; the phrase runs to the end of the query.")
    while pos < len(text):
        if text[pos].isspace():
            pos += 1
            continue
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            pos += 1
            continue
        pos = m.end()
        neg = bool(m.group("neg"))
        fname = (m.group("field") or "").lower()
        phrase = m.group("phrase")
        word = m.group("word")

        if phrase is None and word is not None and not fname and not neg:
            if word in ("OR", "|"):
                if clauses:
                    pending_or = True
                else:
                    notes.append("OR needs something on its left; it was ignored.")
                continue
            if word == "AND":
                continue
            if word == "NOT":
                pending_not = True
                continue
        if fname and fname not in TEXT_FIELDS and fname not in OTHER_FIELDS:
            # Not a field we know ("http:", "note:"): search the whole thing as text.
            value = phrase if phrase is not None else (word or "")
            word = f"{fname} {value}".strip()
            phrase = None
            fname = ""
            if value:
                phrase = word
                word = None

        if fname in OTHER_FIELDS:
            value = (phrase if phrase is not None else word or "").strip()
            if fname == "mode":
                try:
                    modes.append(Mode.parse(value))
                except ValueError:
                    notes.append(
                        f"mode:{value} is not a mode; use in-person, telephone, video or other."
                    )
            elif fname == "in" and value.lower() == "trash":
                only_trash = True
            elif fname == "in" and value.lower() == "all":
                include_trash = True
            elif fname == "in":
                notes.append(f"in:{value} is not understood; use in:trash or in:all.")
            elif fname == "year":
                start, end = _parse_date(value, False), _parse_date(value, True)
                if start and end and re.fullmatch(r"\d{4}", value):
                    date_from = max(date_from, start) if date_from else start
                    date_to = min(date_to, end) if date_to else end
                else:
                    notes.append(f"year:{value} is not a year such as 2023.")
            else:
                day = _parse_date(value, end=(fname == "to"))
                if day is None:
                    notes.append(f"{fname}:{value} is not a date such as 2023-05-03.")
                elif fname == "from":
                    date_from = max(date_from, day) if date_from else day
                else:
                    date_to = min(date_to, day) if date_to else day
            pending_or = pending_not = False
            continue

        column = TEXT_FIELDS.get(fname) if fname else None
        if phrase is not None:
            body = phrase.strip()
            prefix = False
            if body.endswith("*"):
                body, prefix = body.rstrip("*").strip(), True
            is_phrase = True
        else:
            body = (word or "").strip()
            prefix = body.endswith("*") and len(body.rstrip("*")) > 0
            body = body.strip("*")
            is_phrase = False
        if not _WORD.search(body):
            if body or neg:
                notes.append(f"{m.group(0)!s} has no letters or digits to search for; ignored.")
            pending_or = False
            continue
        term = Term(body, phrase=is_phrase, prefix=prefix, column=column)
        if neg or pending_not:
            excluded.append(term)
            pending_not = pending_or = False
            continue
        if pending_or and clauses:
            clauses[-1].append(term)
        else:
            clauses.append([term])
        pending_or = False
    if pending_or:
        notes.append("OR needs something on its right; it was ignored.")
    if pending_not:
        notes.append("NOT needs something after it; it was ignored.")
    if date_from and date_to and date_from > date_to:
        notes.append("The date range ends before it starts, so nothing can match.")
    return ParsedQuery(
        required=tuple(tuple(c) for c in clauses),
        excluded=tuple(excluded),
        modes=tuple(dict.fromkeys(modes)),
        date_from=date_from,
        date_to=date_to,
        include_trash=include_trash,
        only_trash=only_trash,
        notes=tuple(notes),
    )
