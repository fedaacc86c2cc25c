"""Reading a readout object of the JSON format quickly, for imports of many readouts.

:func:`readout_from_dict` gives exactly what :func:`.jsonformat.readout_from_dict` gives
for the same object, and refuses what it refuses with the same words: it reads the usual
object (every field of a known name and of its usual JSON type, dates and times in their
usual written forms) in straight-line code, and hands anything else — a missing family
name, a number given as ``15.0``, a wall time with fractions of a second, an unknown field,
a wrong type — to the format's own reader, which says what is wrong. It skips that
reader's general machinery (an object per nested value, each field's place named before it
is needed, the enumerations' lookups), not its rules.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from enum import Enum
from typing import Any, TypeVar

from readout_desk.domain import jsonformat, records
from readout_desk.domain.jsonformat import (
    DAY_PATTERN,
    MAX_WHOLE_NUMBER,
    PARTICIPANT_FIELDS,
    PHOTO_FIELDS,
    PLACE_FIELDS,
    POINT_FIELDS,
    PRINTED_FIELDS,
    READOUT_FIELDS,
    SESSION_FIELDS,
)

_E = TypeVar("_E", bound=Enum)
_T = TypeVar("_T")
_MODES = {m.value: m for m in records.Mode}
_ORDERS = {o.value: o for o in records.NameOrder}
_UTC = dt.timezone.utc
# A wall time (an instant: with a Z) to the minute or the second, the written forms without
# fractions: the calendar's own reader agrees with the format's on these once matched.
_WALL_SHORT = re.compile(
    r"[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]"
    r"(:[0-5][0-9])?")
_INSTANT_SHORT = re.compile(_WALL_SHORT.pattern + "Z")


class _Unusual(Exception):
    """Something the quick path does not read: the format's own reader decides."""


def _text(value: Any) -> str:
    if type(value) is str:
        return value
    if value is None:
        return ""
    raise _Unusual


def _optional_text(value: Any) -> str | None:
    if type(value) is str:
        return value or None
    if value is None:
        return None
    raise _Unusual


def _whole(value: Any, minimum: int | None = None) -> int | None:
    if value is None:
        return None
    if type(value) is not int or abs(value) > MAX_WHOLE_NUMBER or (
            minimum is not None and value < minimum):
        raise _Unusual
    return value


def _stamp(value: Any, pattern: re.Pattern[str], parse: Callable[[str], _T]) -> _T | None:
    """A day or time in its usual written form (``pattern``), read by ``parse``."""
    if not value:
        _text(value)
        return None
    if type(value) is not str or pattern.fullmatch(value) is None:
        raise _Unusual
    try:
        return parse(value)
    except ValueError:  # a day the calendar does not have
        raise _Unusual from None


def _day(value: Any) -> dt.date | None:
    return _stamp(value, DAY_PATTERN, dt.date.fromisoformat)


def _wall(value: Any) -> dt.datetime | None:
    return _stamp(value, _WALL_SHORT, dt.datetime.fromisoformat)


def _instant(value: Any) -> dt.datetime | None:
    return _stamp(value, _INSTANT_SHORT,
                  lambda text: dt.datetime.fromisoformat(text[:-1]).replace(tzinfo=_UTC))


def _choice(choices: dict[str, _E], value: Any, default: _E) -> _E:
    """One of an enumeration's members by its value; ``default`` when not stated."""
    if value is None:
        return default
    if type(value) is not str or value not in choices:
        raise _Unusual
    return choices[value]


def _object(value: Any, fields: frozenset[str]) -> dict[str, Any]:
    if type(value) is not dict or not fields.issuperset(value):
        raise _Unusual
    return value


def _items(value: Any) -> list[Any]:
    if value is None:
        return []
    if type(value) is not list:
        raise _Unusual
    return value


def _participant(item: Any) -> records.Participant:
    p = _object(item, PARTICIPANT_FIELDS)
    get = p.get
    order = _choice(_ORDERS, get("name_order"), records.NameOrder.GIVEN_FIRST)
    family = _text(get("family_name"))
    if not family.strip():
        raise _Unusual
    return records.Participant(
        person=records.Person(family_name=family, given_name=_text(get("given_name")),
                              name_order=order),
        honorific=_text(get("honorific")), office=_text(get("office")),
        country=_optional_text(get("country")), organisation=_text(get("organisation")),
        side=_text(get("side")), printed_name=_text(get("printed_name")),
        office_ja=_text(get("office_ja")))


def _session(item: Any) -> records.MeetingSession:
    s = _object(item, SESSION_FIELDS)
    get = s.get
    printed = None
    if (raw := get("printed_other")) is not None:
        p = _object(raw, PRINTED_FIELDS)
        local, zone = _wall(p.get("local")), _text(p.get("zone"))
        if local is None or not zone:
            raise _Unusual
        printed = records.PrintedTime(text=_text(p.get("text")), zone=zone, local=local)
    fold = get("fold")
    if fold is not None and (type(fold) is not int or fold not in (0, 1)):
        raise _Unusual
    kind = get("kind")
    return records.MeetingSession(
        kind="meeting" if kind is None else _text(kind), start=_wall(get("start")),
        zone=_optional_text(get("zone")), fold=fold, time_hedge=_text(get("time_hedge")),
        zone_label=_text(get("zone_label")),
        duration_minutes=_whole(get("duration_minutes")),
        duration_hedge=_text(get("duration_hedge")), end=_wall(get("end")),
        printed_other=printed)


def _point(item: Any) -> records.SummaryPoint:
    if type(item) is str:
        return records.SummaryPoint(text=item)
    p = _object(item, POINT_FIELDS)
    get = p.get
    return records.SummaryPoint(text=_text(get("text")), speaker=_text(get("speaker")),
                                label=_text(get("label")), level=_whole(get("level"), 0) or 0)


def _photo(item: Any) -> records.Photo:
    p = _object(item, PHOTO_FIELDS)
    return records.Photo(caption=_text(p.get("caption")), file=_text(p.get("file")))


def _place(value: Any) -> records.Place | None:
    if value is None:
        return None
    pl = _object(value, PLACE_FIELDS)
    get = pl.get
    return records.Place(city=_text(get("city")), country=_optional_text(get("country")),
                         venue=_text(get("venue")), zone=_optional_text(get("zone")),
                         city_ja=_text(get("city_ja")))


def _strings(value: Any) -> tuple[str, ...]:
    items = _items(value)
    if not all(type(item) is str for item in items):
        raise _Unusual
    return tuple(items)


def _readout(data: Any, where: str) -> records.Readout:
    r = _object(data, READOUT_FIELDS)
    get = r.get
    mode = _choice(_MODES, get("mode"), records.Mode.IN_PERSON)
    sample = get("is_sample")
    if sample is not None and type(sample) is not bool:
        raise _Unusual
    source = get("source")
    return records.Readout(
        id=_whole(get("id")),
        title=_text(get("title")),
        section=_text(get("section")),
        relation=tuple(code.upper() for code in _strings(get("relation"))),
        publisher=_text(get("publisher")),
        source_url=_text(get("source_url")),
        language=_text(get("language")),
        published_date=_day(get("published_date")),
        retrieved_date=_day(get("retrieved_date")),
        meeting_date=_day(get("meeting_date")),
        mode=mode,
        place=_place(get("place")),
        occasion=_text(get("occasion")),
        lead=_text(get("lead")),
        participants=tuple([_participant(p) for p in _items(get("participants"))]),
        sessions=tuple([_session(s) for s in _items(get("sessions"))]),
        points=tuple([_point(p) for p in _items(get("points"))]),
        topics=_strings(get("topics")),
        photos=tuple([_photo(p) for p in _items(get("photos"))]),
        notes=_text(get("notes")),
        is_sample=bool(sample),
        created_at=_instant(get("created_at")),
        updated_at=_instant(get("updated_at")),
        version=_whole(get("version"), 0) or 0,
        source=(None if source is None
                else jsonformat.source_from_dict(source, f"{where}.source")),
    )


def readout_from_dict(data: Any, where: str = "readout") -> records.Readout:
    """The readout a JSON object describes, as :func:`.jsonformat.readout_from_dict` reads
    it (the same record; the same :class:`~.jsonformat.FormatError` for the same object)."""
    try:
        return _readout(data, where)
    except _Unusual:
        return jsonformat.readout_from_dict(data, where)
