"""The readout record as plain, immutable values.

These are what crosses every boundary in the program: the archive returns them, the
GUI shows them, the JSON format reads and writes them. They never hold a database
connection, so nothing that receives one can trigger a query by accident.

Times follow one rule: what the source printed is the truth. A session's start is a
*naive* local wall time plus the IANA zone it was stated in (plus a hedge such as
"around"); the UTC instant is derived from that by :mod:`readout_desk.domain.timing`
and never stored as the primary fact.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import Enum

# Defined apart so that the first page of results (read before the rest of the program
# loads) needs neither the record classes nor their import; one place for each all the same.
from readout_desk.domain.modes import Mode
from readout_desk.domain.results import SearchHit, SearchPage

__all__ = ["Mode", "NameOrder", "Participant", "Person", "Photo", "Place", "PrintedTime",
           "Readout", "MeetingSession", "SearchHit", "SearchPage", "Source", "SummaryPoint"]


class NameOrder(str, Enum):
    """Whether a name is printed family name first ("HAYASHI Yoshimasa") or given first."""

    FAMILY_FIRST = "family-first"
    GIVEN_FIRST = "given-first"


@dataclass(frozen=True)
class Person:
    """A person as printed in a readout; the same person is reused across readouts."""

    family_name: str
    given_name: str = ""
    name_order: NameOrder = NameOrder.GIVEN_FIRST
    id: int | None = None

    @property
    def display_name(self) -> str:
        """The name in the order it is printed, exactly as typed."""
        parts = (
            [self.family_name, self.given_name]
            if self.name_order is NameOrder.FAMILY_FIRST
            else [self.given_name, self.family_name]
        )
        return " ".join(p for p in parts if p)


@dataclass(frozen=True)
class Participant:
    """A person's part in one meeting: the office held then, the side they were on."""

    person: Person
    honorific: str = ""
    office: str = ""
    country: str | None = None  # ISO 3166 alpha-2 code
    organisation: str = ""
    side: str = ""  # free text such as "host", "guest", "Japan"
    #: The name as a readout in another script prints it ("ロドリゴ・タバレス", "林芳正");
    #: the person's name above is the Latin form, so that one person is one record.
    printed_name: str = ""
    #: The office as a Japanese readout prints it ("外務大臣"), beside ``office`` in English
    #: when the source gives both ("Minister of Foreign Affairs").
    office_ja: str = ""

    @property
    def display_name(self) -> str:
        """Honorific and name as printed: "H.E. Ms. Ana Gervasi"."""
        return " ".join(p for p in (self.honorific, self.person.display_name) if p)


@dataclass(frozen=True)
class PrintedTime:
    """A second time printed in the source for a session, e.g. "11:10 p.m. on May 3 JST".

    ``local`` is the wall time the text states in ``zone``; it is kept exactly as
    printed even when the time-zone rules disagree with it.
    """

    text: str
    zone: str
    local: dt.datetime


@dataclass(frozen=True)
class MeetingSession:
    """One part of a meeting: a small group meeting, a plenary, a working lunch.

    ``start`` is a naive local wall time in ``zone``. ``fold`` chooses between the two
    instants of a wall time that occurs twice (0: the first, 1: the second); it stays
    ``None`` until someone has chosen.
    """

    kind: str = "meeting"
    start: dt.datetime | None = None
    zone: str | None = None
    fold: int | None = None
    time_hedge: str = ""
    zone_label: str = ""  # how the text named the zone: "local time", "Japan time"
    duration_minutes: int | None = None
    duration_hedge: str = ""
    end: dt.datetime | None = None
    printed_other: PrintedTime | None = None


@dataclass(frozen=True)
class SummaryPoint:
    """One numbered point of the summary; ``level`` 1 is a sub-point such as "(1)"."""

    text: str
    speaker: str = ""
    label: str = ""  # as printed, e.g. "1." or "(2)"; empty means numbered by position
    level: int = 0


@dataclass(frozen=True)
class Photo:
    """A photo caption, with an image file in the archive's attachment folder if any."""

    caption: str
    file: str = ""  # path relative to the attachment folder


@dataclass(frozen=True)
class Source:
    """What a readout was read from, kept with it so it can be shown and read again.

    ``kind`` is "text" (pasted), "file" (a dropped or imported file, ``name``) or "page"
    (a web page fetched from ``url`` at ``retrieved_at``). ``text`` is the clean text the
    fields were read from; ``original`` what was given when it differs (a page's HTML
    snapshot, a file's HTML). ``spans`` are ``(field path, start, end)`` offsets in
    ``text``, where each field was read.
    """

    kind: str = "text"
    text: str = ""
    original: str = ""
    name: str = ""
    url: str = ""
    retrieved_at: dt.datetime | None = None  # aware, UTC
    spans: tuple[tuple[str, int, int], ...] = ()

    def as_printed(self, path: str) -> str:
        """The words the field ``path`` was read from, as printed ("" if none)."""
        for key, start, end in self.spans:
            if key == path and 0 <= start < end <= len(self.text):
                return self.text[start:end]
        return ""


SOURCE_KINDS = ("text", "file", "page")


@dataclass(frozen=True)
class Place:
    """Where the meeting took place."""

    city: str = ""
    country: str | None = None  # ISO 3166 alpha-2 code
    venue: str = ""
    zone: str | None = None  # IANA zone name
    city_ja: str = ""  # the city as a Japanese readout prints it ("リマ"), beside ``city``


@dataclass(frozen=True)
class Readout:
    """A published readout of a meeting, as the archive keeps it."""

    title: str = ""
    section: str = ""  # e.g. "Japan-Peru Relations"; derived from ``relation`` when empty
    relation: tuple[str, ...] = ()  # ISO 3166 alpha-2 codes of the countries involved
    publisher: str = ""
    source_url: str = ""
    language: str = "en"  # a language tag ("ja", "en"); empty: detected when saved
    published_date: dt.date | None = None
    retrieved_date: dt.date | None = None
    meeting_date: dt.date | None = None
    mode: Mode = Mode.IN_PERSON
    place: Place | None = None
    occasion: str = ""
    lead: str = ""
    participants: tuple[Participant, ...] = ()
    sessions: tuple[MeetingSession, ...] = ()
    points: tuple[SummaryPoint, ...] = ()
    topics: tuple[str, ...] = ()
    photos: tuple[Photo, ...] = ()
    notes: str = ""
    is_sample: bool = False
    id: int | None = None
    created_at: dt.datetime | None = None  # aware, UTC
    updated_at: dt.datetime | None = None  # aware, UTC
    version: int = 0
    source: Source | None = None  # kept in a table of its own; never searched

    def with_id(self, readout_id: int | None) -> Readout:
        """The same readout under another id."""
        return replace(self, id=readout_id)
