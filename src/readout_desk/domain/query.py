"""The search syntax, read into a small tree that storage turns into SQL.

Syntax (documented in the README):

- ``word word``: every word must be there (in any field)
- ``"exact phrase"``
- ``prefix*``
- ``a OR b`` (``|`` too): either; OR binds tighter than the implied AND
- ``-word``, ``-"a phrase"``, ``NOT word``: exclude
- ``country:peru``, ``person:hayashi``, ``topic:cptpp``, ``place:lima``, ``kind:plenary``
  (values may be quoted or end in ``*``), ``mode:telephone``, ``year:2023``,
  ``from:2023-01-01``, ``to:2023-12-31`` (``from:2023`` and ``to:2023-05`` work too)
- ``topic="Indo-Pacific"``, ``person="ONO Haruka"``: a whole topic or person, as the
  archive files them (a facet's filter); ``topic:`` finds the words inside longer topics
  too. ``OR`` joins values of one such field; ``-`` or ``NOT`` excludes one.

Input is normalised first (NFKC: ``ＣＰＴＰＰ`` is ``CPTPP``, ``ｶﾀｶﾅ`` is ``カタカナ``), as the
index text is. Any input is a valid query: an unbalanced quote closes at the end, stray operators
are dropped, FTS keywords typed as words are searched as words, and punctuation is
ignored. Whatever was read other than as typed is said in :attr:`ParsedQuery.notes`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from readout_desk.domain.modes import Mode
from readout_desk.domain.scripts import normalise_width

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
#: Fields that take a whole value after ``=`` (:class:`Exact`), by the names typed.
EXACT_FIELDS: dict[str, str] = {"topic": "topic", "person": "person", "people": "person",
                                "who": "person"}

_WORD = re.compile(r"\w", re.UNICODE)

#: The most characters of a query read; the rest is left out, with a note.
MAX_QUERY_CHARS = 1000
#: The most words, phrases and prefixes one query may search for (an OR counts each
#: side); later ones are left out, with a note. Each term costs a pass over the index,
#: so this bounds the work a query can ask for.
MAX_TERMS = 32

#: Control characters other than white space: never in a word, and not to be sent on.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: Lone surrogates: a terminal's undecodable bytes (\udc80-\udcff) or broken text.
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _clean(text: str, notes: list[str]) -> str:
    """``text`` without what no index holds: control characters become spaces, a byte a
    terminal could not decode is read as Latin-1 (the usual reason), other lone
    surrogates are left out, and the text is cut at :data:`MAX_QUERY_CHARS`."""
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS]
        notes.append(f"Only the first {MAX_QUERY_CHARS} characters of the query are searched.")
    if _SURROGATE.search(text):
        text = _SURROGATE.sub(lambda m: chr(ord(m.group()) - 0xDC00)
                              if "\udc80" <= m.group() <= "\udcff" else "", text)
    return _CONTROL.sub(" ", text)


@dataclass(frozen=True)
class Term:
    """One searchable unit: a word, a phrase or a prefix, optionally within one field."""

    text: str
    phrase: bool = False
    prefix: bool = False
    column: str | None = None  # index column, see TEXT_FIELDS


@dataclass(frozen=True)
class Exact:
    """A whole value a readout must file under: one of ``values`` of ``field`` ("topic", or
    "person": a participant's name in either order), compared as names are (case and
    accents aside), never a word inside a longer value."""

    field: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class ParsedQuery:
    """A query as the archive evaluates it.

    ``required`` is a conjunction of clauses; each clause is a disjunction of terms.
    """

    required: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()
    exact: tuple[Exact, ...] = ()  # every one must hold
    exact_excluded: tuple[Exact, ...] = ()  # none may hold
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
            self.required or self.excluded or self.exact or self.exact_excluded
            or self.modes or self.date_from or self.date_to
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
            import calendar  # here: the window's first page parses no dates

            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, last) if end else dt.date(year, month, 1)
        return dt.date(year, month, day)
    except ValueError:
        return None


_TOKEN = re.compile(
    r"""
    (?P<neg>-)?
    (?:(?P<field>[A-Za-z]+):|(?P<exact>(?i:topic|person|people|who))=)?
    (?:
        "(?P<phrase>[^"]*)(?P<close>"?)
      | (?P<word>[^\s"]+)
    )
    """,
    re.VERBOSE,
)


def parse_query(text: str) -> ParsedQuery:
    """Read what a user typed into a :class:`ParsedQuery`; never raises."""
    reader = _QueryReader()
    pos = 0
    # Normalised as the index is: full-width letters, digits, quotes, colons and spaces (as
    # a Japanese input method types them) and half-width katakana become the usual ones.
    text = normalise_width(_clean(text, reader.notes)).replace("\u201c", '"').replace("\u201d", '"')
    if text.count('"') % 2:
        reader.notes.append("A quote was not closed; the phrase runs to the end of the query.")
    while pos < len(text):
        if text[pos].isspace():
            pos += 1
            continue
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            pos += 1
            continue
        pos = m.end()
        reader.token(m)
    return reader.parsed()


class _QueryReader:
    """The query read so far, token by token, with the OR and NOT waiting for a term."""

    def __init__(self) -> None:
        self.notes: list[str] = []
        self.clauses: list[list[Term]] = []
        self.excluded: list[Term] = []
        self.modes: list[Mode] = []
        self.date_from: dt.date | None = None
        self.date_to: dt.date | None = None
        self.include_trash = self.only_trash = False
        self.pending_or = self.pending_not = False
        self.terms = 0
        self.exact: list[Exact] = []
        self.exact_excluded: list[Exact] = []
        self.last_exact = False  # whether the last thing read was a whole-value filter

    def token(self, m: re.Match[str]) -> None:
        neg = bool(m.group("neg"))
        fname = (m.group("field") or "").lower()
        phrase = m.group("phrase")
        word = m.group("word")
        if m.group("exact"):
            self._exact(m.group(0), neg, EXACT_FIELDS[m.group("exact").lower()],
                        phrase if phrase is not None else word or "")
            return
        if phrase is None and word is not None and not fname and not neg and \
                self._operator(word):
            return
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
            self._filter(fname, (phrase if phrase is not None else word or "").strip())
            self.pending_or = self.pending_not = self.last_exact = False
            return
        self._term(m.group(0), neg, fname, phrase, word)

    def _operator(self, word: str) -> bool:
        """Take ``word`` as OR, AND or NOT; ``False`` when it is none of them."""
        if word in ("OR", "|"):
            if self.clauses or self.exact:
                self.pending_or = True
            else:
                self.notes.append("OR needs something on its left; it was ignored.")
            return True
        if word == "AND":
            return True
        if word == "NOT":
            self.pending_not = True
            return True
        return False

    def _filter(self, fname: str, value: str) -> None:
        """A filter such as ``mode:telephone``, ``in:trash``, ``year:2023``, ``from:2023-05``."""
        if fname == "mode":
            try:
                self.modes.append(Mode.parse(value))
            except ValueError:
                self.notes.append(
                    f"mode:{value} is not a mode; use in-person, telephone, video or other."
                )
        elif fname == "in" and value.lower() == "trash":
            self.only_trash = True
        elif fname == "in" and value.lower() == "all":
            self.include_trash = True
        elif fname == "in":
            self.notes.append(f"in:{value} is not understood; use in:trash or in:all.")
        elif fname == "year":
            start, end = _parse_date(value, False), _parse_date(value, True)
            if start and end and re.fullmatch(r"\d{4}", value):
                self._narrow(start, end)
            else:
                self.notes.append(f"year:{value} is not a year such as 2023.")
        else:
            day = _parse_date(value, end=(fname == "to"))
            if day is None:
                self.notes.append(f"{fname}:{value} is not a date such as 2023-05-03.")
            elif fname == "from":
                self._narrow(day, None)
            else:
                self._narrow(None, day)

    def _counted(self) -> bool:
        """Count one more term; ``False`` (with a note, once) past :data:`MAX_TERMS`."""
        if self.terms == MAX_TERMS:
            self.notes.append(f"Only the first {MAX_TERMS} words of the query are searched.")
        self.terms += 1
        if self.terms > MAX_TERMS:
            self.pending_not = self.pending_or = False
            return False
        return True

    def _exact(self, token: str, neg: bool, fname: str, value: str) -> None:
        """A whole-value filter (``topic="Indo-Pacific"``): joined by OR to the one
        before it when that is of the same field, else required (or excluded)."""
        value = " ".join(value.split())
        if value.endswith("*"):
            value = value.rstrip("*").rstrip()
            self.notes.append(f"{fname}= takes a whole {fname}; the * was ignored.")
        if not _WORD.search(value):
            self.notes.append(f"{token!s} has no letters or digits to search for; ignored.")
            self.pending_or = self.pending_not = False
            return
        if not self._counted():
            return
        excluded = neg or self.pending_not
        if self.pending_or and self.last_exact and not excluded and \
                self.exact[-1].field == fname:
            self.exact[-1] = Exact(fname, (*self.exact[-1].values, value))
        else:
            if self.pending_or:
                self.notes.append(f"OR joins two {fname}= values only; {token} is required "
                                  "as well.")
            (self.exact_excluded if excluded else self.exact).append(Exact(fname, (value,)))
        self.pending_or = self.pending_not = False
        self.last_exact = not excluded

    def _narrow(self, start: dt.date | None, end: dt.date | None) -> None:
        if start is not None:
            self.date_from = max(self.date_from, start) if self.date_from else start
        if end is not None:
            self.date_to = min(self.date_to, end) if self.date_to else end

    def _term(self, token: str, neg: bool, fname: str, phrase: str | None,
              word: str | None) -> None:
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
                self.notes.append(f"{token!s} has no letters or digits to search for; ignored.")
            self.pending_or = False
            return
        term = Term(body, phrase=is_phrase, prefix=prefix, column=column)
        if term in self.excluded or [term] in self.clauses:
            self.pending_not = self.pending_or = False
            return  # asked already
        if not self._counted():
            return
        if neg or self.pending_not:
            self.excluded.append(term)
            self.pending_not = self.pending_or = False
            return
        if self.pending_or and self.last_exact:
            self.notes.append(f"OR joins two topic= or person= values only; {token} is "
                              "required as well.")
            self.clauses.append([term])
        elif self.pending_or and self.clauses:
            self.clauses[-1].append(term)
        else:
            self.clauses.append([term])
        self.pending_or = self.last_exact = False

    def parsed(self) -> ParsedQuery:
        notes = list(self.notes)
        if self.pending_or:
            notes.append("OR needs something on its right; it was ignored.")
        if self.pending_not:
            notes.append("NOT needs something after it; it was ignored.")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            notes.append("The date range ends before it starts, so nothing can match.")
        return ParsedQuery(
            required=tuple(tuple(c) for c in self.clauses),
            excluded=tuple(self.excluded),
            exact=tuple(self.exact),
            exact_excluded=tuple(self.exact_excluded),
            modes=tuple(dict.fromkeys(self.modes)),
            date_from=self.date_from,
            date_to=self.date_to,
            include_trash=self.include_trash,
            only_trash=self.only_trash,
            notes=tuple(notes),
        )
