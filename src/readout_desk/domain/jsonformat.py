"""The archive's JSON format: what ``show --json`` prints and ``add`` reads.

A document is ``{"format": "readout-desk", "version": 1, "readouts": [...]}``; a
bare readout object or a list of them is accepted on input too. Every field of a
:class:`~readout_desk.domain.records.Readout` is kept, so a round trip loses nothing.
The format is described for people in ``docs/JSON_FORMAT.md``.

Wall times are written without an offset ("2023-05-03T09:10") next to the zone they
were stated in; instants (created, updated) are written in UTC with "Z".
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from readout_desk.domain import records

FORMAT_NAME = "readout-desk"
FORMAT_VERSION = 1

#: The fields of each object of the format, as the writers below write them. A field not
#: listed here is refused on input rather than dropped (see docs/JSON_FORMAT.md).
DOCUMENT_FIELDS = frozenset({"format", "version", "readouts", "cross_check"})
READOUT_FIELDS = frozenset({
    "id", "title", "section", "relation", "publisher", "source_url", "language",
    "published_date", "retrieved_date", "meeting_date", "mode", "place", "occasion", "lead",
    "participants", "sessions", "points", "topics", "photos", "notes", "is_sample",
    "created_at", "updated_at", "version", "source"})
PLACE_FIELDS = frozenset({"city", "country", "venue", "zone", "city_ja"})
PARTICIPANT_FIELDS = frozenset({"family_name", "given_name", "name_order", "honorific",
                                "office", "country", "organisation", "side",
                                "printed_name", "office_ja"})
SESSION_FIELDS = frozenset({"kind", "start", "zone", "fold", "time_hedge", "zone_label",
                            "duration_minutes", "duration_hedge", "end", "printed_other"})
PRINTED_FIELDS = frozenset({"text", "zone", "local"})
POINT_FIELDS = frozenset({"text", "speaker", "label", "level"})
PHOTO_FIELDS = frozenset({"caption", "file"})
SOURCE_FIELDS = frozenset({"kind", "text", "original", "name", "url", "retrieved_at",
                           "spans"})
SPAN_FIELDS = frozenset({"field", "start", "end"})

# The written forms of days, wall times and instants, exactly (the schema has the same).
_DAY = r"(?P<y>[0-9]{4})-(?P<mo>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12][0-9]|3[01])"
_CLOCK = (r"(?P<h>[01][0-9]|2[0-3]):(?P<mi>[0-5][0-9])"
          r"(:(?P<s>[0-5][0-9])(\.(?P<f>[0-9]{1,6}))?)?")
DAY_PATTERN = re.compile(_DAY)
WALL_PATTERN = re.compile(f"{_DAY}T{_CLOCK}")
INSTANT_PATTERN = re.compile(f"{_DAY}T{_CLOCK}Z")
_WALL_WITH_OFFSET = re.compile(f"{_DAY}T{_CLOCK}(Z|[+-][0-9]{{2}}:?[0-9]{{2}})")


def _parse(pattern: re.Pattern[str], value: str) -> dt.datetime | None:
    """``value`` read by ``pattern`` (one of the three above); None when it does not match
    or names a day the calendar does not have (2023-02-30)."""
    found = pattern.fullmatch(value)
    if found is None:
        return None
    g = found.groupdict()
    try:
        return dt.datetime(int(g["y"]), int(g["mo"]), int(g["d"]), int(g.get("h") or 0),
                           int(g.get("mi") or 0), int(g.get("s") or 0),
                           int((g.get("f") or "0").ljust(6, "0")))
    except ValueError:
        return None


class FormatError(ValueError):
    """A JSON document that does not describe readouts; the message names the place."""


def _wall(value: dt.datetime | None) -> str | None:
    return value.strftime("%Y-%m-%dT%H:%M") if value else None


def _instant(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def session_to_dict(s: records.MeetingSession) -> dict[str, Any]:
    """One session as a JSON object."""
    printed = s.printed_other
    return {
        "kind": s.kind,
        "start": _wall(s.start),
        "zone": s.zone,
        "fold": s.fold,
        "time_hedge": s.time_hedge,
        "zone_label": s.zone_label,
        "duration_minutes": s.duration_minutes,
        "duration_hedge": s.duration_hedge,
        "end": _wall(s.end),
        "printed_other": (
            {"text": printed.text, "zone": printed.zone, "local": _wall(printed.local)}
            if printed
            else None
        ),
    }


def readout_to_dict(r: records.Readout) -> dict[str, Any]:
    """A readout as a JSON object (all fields, in reading order)."""
    place = r.place
    return {
        "id": r.id,
        "title": r.title,
        "section": r.section,
        "relation": list(r.relation),
        "publisher": r.publisher,
        "source_url": r.source_url,
        "language": r.language,
        "published_date": _day(r.published_date),
        "retrieved_date": _day(r.retrieved_date),
        "meeting_date": _day(r.meeting_date),
        "mode": r.mode.value,
        "place": (
            {"city": place.city, "country": place.country, "venue": place.venue,
             "zone": place.zone, "city_ja": place.city_ja}
            if place
            else None
        ),
        "occasion": r.occasion,
        "lead": r.lead,
        "participants": [
            {
                "family_name": p.person.family_name,
                "given_name": p.person.given_name,
                "name_order": p.person.name_order.value,
                "honorific": p.honorific,
                "office": p.office,
                "country": p.country,
                "organisation": p.organisation,
                "side": p.side,
                "printed_name": p.printed_name,
                "office_ja": p.office_ja,
            }
            for p in r.participants
        ],
        "sessions": [session_to_dict(s) for s in r.sessions],
        "points": [
            {"text": p.text, "speaker": p.speaker, "label": p.label, "level": p.level}
            for p in r.points
        ],
        "topics": list(r.topics),
        "photos": [{"caption": p.caption, "file": p.file} for p in r.photos],
        "notes": r.notes,
        "is_sample": r.is_sample,
        "created_at": _instant(r.created_at),
        "updated_at": _instant(r.updated_at),
        "version": r.version,
        "source": source_to_dict(r.source) if r.source is not None else None,
    }


def source_to_dict(s: records.Source) -> dict[str, Any]:
    """What a readout was read from, as a JSON object."""
    return {
        "kind": s.kind, "text": s.text, "original": s.original, "name": s.name,
        "url": s.url, "retrieved_at": _instant(s.retrieved_at),
        "spans": [{"field": k, "start": a, "end": b} for k, a, b in s.spans],
    }


def document(readouts: Sequence[records.Readout]) -> dict[str, Any]:
    """A whole JSON document holding ``readouts``."""
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "readouts": [readout_to_dict(r) for r in readouts],
    }


def _unknown_field(where: str, key: str, known: frozenset[str]) -> FormatError:
    close = difflib.get_close_matches(key, sorted(known), n=1)
    hint = f" (did you mean {close[0]}?)" if close else ""
    name = f"{where}.{key}" if where else key
    return FormatError(f"{name} is not a field of the {FORMAT_NAME} format, "
                       f"version {FORMAT_VERSION}{hint}")


#: The largest whole number a field takes (what a database integer holds).
MAX_WHOLE_NUMBER = 2**63 - 1


def _whole_number(value: Any) -> int | None:
    """``value`` as an int when it is a JSON whole number (``15`` or ``15.0``), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


_V = TypeVar("_V")


class _Reader:
    """Reads one object, naming the place of any problem ("readouts[2].sessions[0].start").

    A field left out and a field given as null mean the same: not stated. A field the
    object does not have is refused, so nothing in a file is dropped without a word.
    """

    def __init__(self, data: Any, where: str, fields: frozenset[str]) -> None:
        if not isinstance(data, Mapping):
            raise FormatError(f"{where} should be an object")
        if not fields.issuperset(data):
            key = next(k for k in data if k not in fields)
            raise _unknown_field(where, str(key), fields)
        self.data = data
        self.where = where

    def _get(self, key: str) -> Any:
        return self.data.get(key)

    def _typed(self, key: str, kind: type[_V], default: _V, what: str) -> _V:
        value = self._get(key)
        if value is None:
            return default
        if not isinstance(value, kind):
            raise FormatError(f"{self.where}.{key} should be {what}")
        return value

    def text(self, key: str, default: str = "") -> str:
        value = self.data.get(key)
        if type(value) is str:  # the usual answer, without the general check's calls
            return value
        return self._typed(key, str, default, "text")

    def optional_text(self, key: str) -> str | None:
        value = self.text(key)
        return value or None

    def integer(self, key: str, minimum: int | None = None) -> int | None:
        value = self._get(key)
        if value is None:
            return None
        number = _whole_number(value)
        if number is None:
            raise FormatError(f"{self.where}.{key} should be a whole number")
        if minimum is not None and number < minimum:
            raise FormatError(f"{self.where}.{key} should be {minimum} or more")
        if abs(number) > MAX_WHOLE_NUMBER:
            raise FormatError(f"{self.where}.{key} is too large ({MAX_WHOLE_NUMBER} at most)")
        return number

    def boolean(self, key: str) -> bool:
        return self._typed(key, bool, False, "true or false")

    def _stamp(self, key: str, pattern: re.Pattern[str], like: str) -> dt.datetime | None:
        """The text at ``key`` read by ``pattern``; None when not stated, refused (saying
        what it should be ``like``) when it does not match."""
        value = self.text(key)
        if not value:
            return None
        parsed = _parse(pattern, value)
        if parsed is None:
            raise FormatError(f"{self.where}.{key} should be {like}")
        return parsed

    def day(self, key: str) -> dt.date | None:
        parsed = self._stamp(key, DAY_PATTERN, "a date like 2023-05-03")
        return parsed.date() if parsed else None

    def wall(self, key: str) -> dt.datetime | None:
        if _WALL_WITH_OFFSET.fullmatch(self.text(key)):
            raise FormatError(
                f"{self.where}.{key} should be a wall time without an offset; "
                "the zone goes in its own field"
            )
        return self._stamp(key, WALL_PATTERN, "a local time like 2023-05-03T09:10")

    def instant(self, key: str) -> dt.datetime | None:
        parsed = self._stamp(key, INSTANT_PATTERN,
                             "a UTC time ending in Z, like 2023-05-03T14:10:00Z")
        return parsed.replace(tzinfo=dt.timezone.utc) if parsed else None

    def items(self, key: str) -> list[Any]:
        value = self._get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise FormatError(f"{self.where}.{key} should be a list")
        return value

    def raw(self, key: str) -> Any:
        return self._get(key)

    def child(self, key: str, fields: frozenset[str]) -> _Reader | None:
        value = self._get(key)
        return None if value is None else _Reader(value, f"{self.where}.{key}", fields)


def session_from_dict(data: Any, where: str = "session") -> records.MeetingSession:
    """A session from its JSON object."""
    s = _Reader(data, where, SESSION_FIELDS)
    printed = None
    p = s.child("printed_other", PRINTED_FIELDS)
    if p is not None:
        local = p.wall("local")
        zone = p.text("zone")
        if local is None or not zone:
            raise FormatError(f"{p.where} needs both a local time and a zone")
        printed = records.PrintedTime(text=p.text("text"), zone=zone, local=local)
    fold = s.integer("fold")
    if fold not in (None, 0, 1):
        raise FormatError(f"{where}.fold should be 0, 1 or null")
    return records.MeetingSession(
        kind=s.text("kind", "meeting"),
        start=s.wall("start"),
        zone=s.optional_text("zone"),
        fold=fold,
        time_hedge=s.text("time_hedge"),
        zone_label=s.text("zone_label"),
        duration_minutes=s.integer("duration_minutes"),
        duration_hedge=s.text("duration_hedge"),
        end=s.wall("end"),
        printed_other=printed,
    )


def source_from_dict(data: Any, where: str) -> records.Source:
    """A readout's source from its JSON object."""
    r = _Reader(data, where, SOURCE_FIELDS)
    kind = r.text("kind", "text") or "text"
    if kind not in records.SOURCE_KINDS:
        raise FormatError(f"{where}.kind should be one of "
                          + ", ".join(f'"{k}"' for k in records.SOURCE_KINDS))
    spans = []
    for i, item in enumerate(r.items("spans")):
        sp = _Reader(item, f"{where}.spans[{i}]", SPAN_FIELDS)
        name = sp.text("field")
        start, end = sp.integer("start", 0), sp.integer("end", 0)
        if not name or start is None or end is None:
            raise FormatError(f"{where}.spans[{i}] needs a field, a start and an end")
        spans.append((name, start, end))
    return records.Source(kind=kind, text=r.text("text"), original=r.text("original"),
                          name=r.text("name"), url=r.text("url"),
                          retrieved_at=r.instant("retrieved_at"), spans=tuple(spans))


def readout_from_dict(data: Any, where: str = "readout") -> records.Readout:
    """A readout from its JSON object; :class:`FormatError` names what is wrong."""
    r = _Reader(data, where, READOUT_FIELDS)
    try:
        mode = records.Mode(r.text("mode", records.Mode.IN_PERSON.value))
    except ValueError:
        raise FormatError(f"{where}.mode should be one of "
                          + ", ".join(f'"{m.value}"' for m in records.Mode)) from None
    place = None
    pl = r.child("place", PLACE_FIELDS)
    if pl is not None:
        place = records.Place(
            city=pl.text("city"),
            country=pl.optional_text("country"),
            venue=pl.text("venue"),
            zone=pl.optional_text("zone"),
            city_ja=pl.text("city_ja"),
        )
    participants = []
    for i, item in enumerate(r.items("participants")):
        p = _Reader(item, f"{where}.participants[{i}]", PARTICIPANT_FIELDS)
        try:
            order = records.NameOrder(p.text("name_order", records.NameOrder.GIVEN_FIRST.value))
        except ValueError:
            raise FormatError(
                f"{p.where}.name_order should be family-first or given-first"
            ) from None
        family = p.text("family_name")
        if not family.strip():
            raise FormatError(f"{p.where}.family_name is required")
        participants.append(
            records.Participant(
                person=records.Person(family_name=family, given_name=p.text("given_name"),
                                      name_order=order),
                honorific=p.text("honorific"),
                office=p.text("office"),
                country=p.optional_text("country"),
                organisation=p.text("organisation"),
                side=p.text("side"),
                printed_name=p.text("printed_name"),
                office_ja=p.text("office_ja"),
            )
        )
    sessions = [
        session_from_dict(item, f"{where}.sessions[{i}]")
        for i, item in enumerate(r.items("sessions"))
    ]
    points = []
    for i, item in enumerate(r.items("points")):
        if isinstance(item, str):
            points.append(records.SummaryPoint(text=item))
            continue
        p = _Reader(item, f"{where}.points[{i}]", POINT_FIELDS)
        points.append(records.SummaryPoint(text=p.text("text"), speaker=p.text("speaker"),
                                           label=p.text("label"),
                                           level=p.integer("level", 0) or 0))
    topics = []
    for i, item in enumerate(r.items("topics")):
        if not isinstance(item, str):
            raise FormatError(f"{where}.topics[{i}] should be text")
        topics.append(item)
    photos = []
    for i, item in enumerate(r.items("photos")):
        p = _Reader(item, f"{where}.photos[{i}]", PHOTO_FIELDS)
        photos.append(records.Photo(caption=p.text("caption"), file=p.text("file")))
    relation = []
    for i, item in enumerate(r.items("relation")):
        if not isinstance(item, str):
            raise FormatError(f"{where}.relation[{i}] should be a country code such as PE")
        relation.append(item.upper())
    return records.Readout(
        id=r.integer("id"),
        title=r.text("title"),
        section=r.text("section"),
        relation=tuple(relation),
        publisher=r.text("publisher"),
        source_url=r.text("source_url"),
        language=r.text("language", ""),
        published_date=r.day("published_date"),
        retrieved_date=r.day("retrieved_date"),
        meeting_date=r.day("meeting_date"),
        mode=mode,
        place=place,
        occasion=r.text("occasion"),
        lead=r.text("lead"),
        participants=tuple(participants),
        sessions=tuple(sessions),
        points=tuple(points),
        topics=tuple(topics),
        photos=tuple(photos),
        notes=r.text("notes"),
        is_sample=r.boolean("is_sample"),
        created_at=r.instant("created_at"),
        updated_at=r.instant("updated_at"),
        version=r.integer("version", 0) or 0,
        source=(source_from_dict(raw_source, f"{where}.source")
                if (raw_source := r.raw("source")) is not None else None),
    )


def readouts_from_json(data: Any) -> list[records.Readout]:
    """Every readout in a parsed JSON value: a document, a list, or one readout."""
    if isinstance(data, Mapping) and "readouts" in data:
        for key in data:
            if key not in DOCUMENT_FIELDS:
                raise _unknown_field("", str(key), DOCUMENT_FIELDS)
        fmt = data.get("format")
        if fmt not in (None, FORMAT_NAME):
            raise FormatError(f"this is a {fmt!r} document, not a {FORMAT_NAME} one")
        raw_version = data.get("version")
        version = FORMAT_VERSION if raw_version is None else _whole_number(raw_version)
        if version is None or version < 1:
            raise FormatError(f"version should be the format version, {FORMAT_VERSION}")
        if version > FORMAT_VERSION:
            raise FormatError(
                f"this document is format version {version}; this program reads up to "
                f"version {FORMAT_VERSION}. Update Readout Desk to read it."
            )
        items = data["readouts"]
        if not isinstance(items, list):
            raise FormatError("readouts should be a list")
        checks = data.get("cross_check")
        # What ``parse --json`` found comparing printed times: derived, so not read back.
        if checks is not None and not (isinstance(checks, list)
                                       and all(isinstance(c, Mapping) for c in checks)):
            raise FormatError("cross_check should be a list of objects")
        return [readout_from_dict(item, f"readouts[{i}]") for i, item in enumerate(items)]
    if isinstance(data, list):
        return [readout_from_dict(item, f"[{i}]") for i, item in enumerate(data)]
    return [readout_from_dict(data)]
