"""Rows to records and records to what is stored: the archive's one translation table.

ORM rows become the frozen records of :mod:`readout_desk.domain.records` (and the
archive's own :class:`VersionInfo` and :class:`TimingFlag`) here and nowhere else; a
results row becomes a :class:`SearchHit`; a readout becomes the
columns of its full-text entry (:func:`index_fields`) and the name keys by which a
person or topic is found again.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from readout_desk.archive.hits import country_name
from readout_desk.archive.models import ReadoutRow, SessionRow, SourceRow, VersionRow
from readout_desk.domain import geography, jsonformat, scripts, timing
from readout_desk.domain.query import Exact
from readout_desk.domain.records import (
    MeetingSession,
    Mode,
    NameOrder,
    Participant,
    Person,
    Photo,
    Place,
    PrintedTime,
    Readout,
    Source,
    SummaryPoint,
)


@dataclass(frozen=True)
class VersionInfo:
    """An earlier saved state of a readout."""

    version: int
    saved_at: dt.datetime
    readout: Readout


@dataclass(frozen=True)
class TimingFlag:
    """A session whose printed second time disagrees with the time-zone rules."""

    readout_id: int
    title: str
    meeting_date: dt.date | None
    session_index: int
    kind: str
    message: str


# Imports repeat the same few hundred names and countries thousands of times; these
# lookups are pure, so caching them takes a third off the cost of saving a readout.
match_key = functools.lru_cache(maxsize=65_536)(geography.match_key)


@functools.lru_cache(maxsize=1024)
def _country_search_names(code: str) -> tuple[str, ...]:
    return tuple(geography.country_search_names(code))


def name_key(family: str, given: str) -> str:
    """How a person is recognised again: normalised family and given names."""
    return f"{match_key(family)}|{match_key(given)}"


def exact_keys(exact: Exact) -> list[str]:
    """The name keys a whole-value filter finds (``topic=``, ``person=``): a topic's own;
    for a person, the name split into family and given names at each space, either way
    round, as a readout may print it ("ONO Haruka", "Haruka Ono")."""
    if exact.field == "topic":
        return list(dict.fromkeys(match_key(v) for v in exact.values))
    keys: list[str] = []
    for value in exact.values:
        parts = value.split()
        for i in range(len(parts) + 1):
            first, last = " ".join(parts[:i]), " ".join(parts[i:])
            keys += [name_key(first, last), name_key(last, first)]
    return list(dict.fromkeys(keys))


def session_record(s: SessionRow | Any) -> MeetingSession:
    """A stored meeting session as its record."""
    printed = None
    if s.printed_local is not None and s.printed_zone:
        printed = PrintedTime(s.printed_text or "", s.printed_zone, s.printed_local)
    return MeetingSession(
        kind=s.kind, start=s.start_local, zone=s.zone, fold=s.fold, time_hedge=s.time_hedge,
        zone_label=s.zone_label, duration_minutes=s.duration_minutes,
        duration_hedge=s.duration_hedge, end=s.end_local, printed_other=printed,
    )


def timing_flag(s: SessionRow, title: str, meeting_date: dt.date | None) -> TimingFlag:
    """A stored session whose printed time disagrees with the zone rules, as a flag."""
    check = timing.check_printed(session_record(s))
    return TimingFlag(s.readout_id, title, meeting_date, s.position, s.kind,
                      check.message if check else "")


def version_info(v: VersionRow) -> VersionInfo:
    """A stored earlier state of a readout."""
    return VersionInfo(v.version, v.saved_at, jsonformat.readout_from_dict(v.data))


def row_to_record(row: ReadoutRow) -> Readout:
    """A stored readout (with its loaded children) as its record."""
    return readout_record(
        row, relation=[c.code for c in row.countries], participants=row.participants,
        sessions=row.sessions, points=row.points,
        topics=[link.topic.name for link in row.topic_links], photos=row.photos,
        source=row.source)


def readout_record(row: Any, *, relation: Iterable[str], participants: Iterable[Any],
                   sessions: Iterable[Any], points: Iterable[Any], topics: Iterable[str],
                   photos: Iterable[Any], source: Any) -> Readout:
    """A readout's record from its row and its parts, each in its order: ORM rows or the
    plain rows of :mod:`readout_desk.archive.reading`, whose columns have the same names."""
    place = None
    if row.place_city or row.place_country or row.place_venue or row.place_zone \
            or row.place_city_ja:
        place = Place(row.place_city, row.place_country, row.place_venue, row.place_zone,
                      row.place_city_ja or "")
    return Readout(
        id=row.id, title=row.title, section=row.section, relation=tuple(relation),
        publisher=row.publisher, source_url=row.source_url, language=row.language,
        published_date=row.published_date, retrieved_date=row.retrieved_date,
        meeting_date=row.meeting_date, mode=Mode(row.mode), place=place,
        occasion=row.occasion, lead=row.lead,
        participants=tuple(
            Participant(
                person=Person(p.family_name, p.given_name, NameOrder(p.name_order), p.person_id),
                honorific=p.honorific, office=p.office, country=p.country,
                organisation=p.organisation, side=p.side, printed_name=p.printed_name,
                office_ja=p.office_ja or "",
            )
            for p in participants
        ),
        sessions=tuple(session_record(s) for s in sessions),
        points=tuple(SummaryPoint(p.text, p.speaker, p.label, p.level) for p in points),
        topics=tuple(topics),
        photos=tuple(Photo(p.caption, p.file) for p in photos),
        notes=row.notes, is_sample=row.is_sample,
        created_at=row.created_at, updated_at=row.updated_at, version=row.version,
        source=source_record(source) if source is not None else None,
    )


def source_record(row: SourceRow | Any) -> Source:
    """A stored source as its record."""
    return Source(kind=row.kind, text=row.text, original=row.original, name=row.name,
                  url=row.url, retrieved_at=row.retrieved_at,
                  spans=tuple((str(k), int(a), int(b)) for k, a, b in row.spans or ()))


def display_section(r: Readout) -> str:
    """The section a readout is filed under, from its relation when none was entered
    (its countries as they are stored: each code once, in capitals)."""
    return r.section or geography.relation_label(
        [code.upper() for code in dict.fromkeys(r.relation)])


#: The key of :func:`index_fields` that holds the meeting date (``YYYY-MM-DD`` or empty).
MEETING_DATE = "meeting_date"


def index_fields(r: Readout) -> dict[str, str]:
    """What the full-text index holds for a readout, column by column, and its meeting
    date (:data:`MEETING_DATE`)."""
    country_codes = list(r.relation)
    country_codes += [p.country for p in r.participants if p.country]
    if r.place and r.place.country:
        country_codes.append(r.place.country)
    countries: list[str] = []
    for code in dict.fromkeys(country_codes):
        countries.extend(_country_search_names(code))
    people = []
    for p in r.participants:
        people.extend([p.display_name, p.person.family_name, p.office, p.organisation,
                       p.printed_name, p.office_ja])
    people.extend(pt.speaker for pt in r.points if pt.speaker)
    place = []
    if r.place:
        place = [r.place.city, r.place.city_ja, r.place.venue]
        if r.place.country:
            place.append(country_name(r.place.country))
    body = [r.lead] + [p.text for p in r.points] + [ph.caption for ph in r.photos] + [r.notes]
    fields = {
        "title": r.title,
        "section": display_section(r),
        "people": "\n".join(x for x in people if x),
        "place": "\n".join(x for x in place if x),
        "occasion": r.occasion,
        "topics": "\n".join(r.topics),
        "kinds": "\n".join(s.kind for s in r.sessions),
        "countries": "\n".join(countries),
        "body": "\n".join(x for x in body if x),
        "publisher": r.publisher,
    }
    # Widths normalised (full-width and half-width forms as the usual ones), so that what a person
    # types in either width finds it; a Latin word touching Japanese text stays a word.
    indexed = {name: scripts.index_text(value) for name, value in fields.items()}
    # The meeting date as stored, for an index that keeps it beside the words.
    indexed[MEETING_DATE] = r.meeting_date.isoformat() if r.meeting_date else ""
    return indexed
