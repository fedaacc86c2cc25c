"""What a search returns: a results row (:class:`SearchHit`) and a page of them
(:class:`SearchPage`), values like the records of :mod:`readout_desk.domain.records`
(which names them too). Apart from those, so that the window's first page, read before
the rest of the program loads, costs only these classes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from readout_desk.domain.modes import Mode


class SearchHit:
    """What one row of a results list shows, without loading the whole readout.

    Made for every row of every page, so it is a plain class with slots. Its snippet may
    be given as a function that cuts it (what it is cut from bound in): it is then cut
    the first time it is asked for, once, so a page costs only the snippets shown.
    Equal, hashed and written out field by field, as a frozen dataclass would be."""

    __slots__ = ("_cut", "_snippet", "filed_under", "id", "is_sample", "meeting_date", "mode",
                 "place", "publisher", "section", "session_count", "title", "total_minutes")
    _FIELDS = ("id", "meeting_date", "title", "section", "place", "mode", "session_count",
               "total_minutes", "publisher", "snippet", "is_sample", "filed_under")

    id: int
    meeting_date: dt.date | None
    title: str
    section: str
    place: str
    mode: Mode
    session_count: int
    total_minutes: int | None
    publisher: str
    is_sample: bool
    filed_under: str  # the section entered, else the relation's ("Japan-Peru Relations")

    def __init__(self, id: int, meeting_date: dt.date | None,  # noqa: A002 - the field's name
                 title: str, section: str, place: str, mode: Mode, session_count: int,
                 total_minutes: int | None, publisher: str,
                 snippet: str | Callable[[], str] = "", is_sample: bool = False,
                 filed_under: str = "") -> None:
        self.id = id
        self.meeting_date = meeting_date
        self.title = title
        self.section = section
        self.place = place
        self.mode = mode
        self.session_count = session_count
        self.total_minutes = total_minutes
        self.publisher = publisher
        if isinstance(snippet, str):
            self._snippet: str | None = snippet
            self._cut: Callable[[], str] | None = None
        else:
            self._snippet, self._cut = None, snippet
        self.is_sample = is_sample
        self.filed_under = filed_under

    @property
    def snippet(self) -> str:
        """The matched words in context, cut now if this is the first time it is asked."""
        snippet = self._snippet
        if snippet is None:
            cut = self._cut
            snippet = self._snippet = cut() if cut is not None else ""
            self._cut = None
        return snippet

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self._FIELDS)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, SearchHit)
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._FIELDS)
        return f"{type(self).__name__}({shown})"


@dataclass(frozen=True)
class SearchPage:
    """One page of a search: the hits in order and the number of all hits."""

    hits: tuple[SearchHit, ...]
    total: int
    offset: int
    elapsed_ms: float
    message: str = ""  # a gentle note about how the query was read, if anything was odd

    @property
    def ids(self) -> tuple[int, ...]:
        """The ids of this page's hits, in order."""
        return tuple(h.id for h in self.hits)
