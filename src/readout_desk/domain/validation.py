"""What makes a readout fit to keep: checks shared by the editor, import and the command line."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import operator
import re
from collections.abc import Callable, Iterable, Iterator

import pycountry

from readout_desk.domain import timing
from readout_desk.domain.messages import Message
from readout_desk.domain.records import MeetingSession, Readout


class InvalidReadoutError(ValueError):
    """A readout with problems that stop it from being saved; ``problems`` lists each."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        # One problem is raised as it was made, so that the window can translate it.
        super().__init__(problems[0] if len(problems) == 1 else "; ".join(problems))


@functools.lru_cache(maxsize=1024)
def _known_country(code: str) -> bool:
    return pycountry.countries.get(alpha_2=code.upper()) is not None


def photo_file_problem(name: str) -> str | None:
    """Why a photo's stored file name is unsafe, or ``None``.

    A name is a path relative to the archive's attachment folder, with "/" between
    folders: nothing absolute, no drive, no backslash, no "." or ".." step, no NUL.
    """
    if not name:
        return None
    parts = name.split("/")
    if ("\\" in name or "\x00" in name or name.startswith("/") or ":" in parts[0]
            or any(part in ("", ".", "..") for part in parts)):
        return Message("The photo file name {name!r} is not a plain name inside the "
                       "archive's photo folder.", name=name)
    return None


#: Characters no stored text may hold: NUL (ends a string for many programs) and lone
#: surrogates (not text at all; no file or database can encode them).
_UNSTORABLE = re.compile(r"[\x00\ud800-\udfff]")


def _texts(value: object, where: str) -> Iterator[tuple[str, str]]:
    """Every text inside a record, with the field it is in ("participants[1].office")."""
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, tuple):
        for i, item in enumerate(value, start=1):
            yield from _texts(item, f"{where}[{i}]")
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _texts(getattr(value, f.name), f"{where}.{f.name}" if where else f.name)


#: Each record class's fields, read in one call (``dataclasses.fields`` is slow).
_FIELD_GETTERS: dict[type, Callable[[object], tuple[object, ...]]] = {}
#: Values that hold no text, passed over without a call.
_NO_TEXT = (type(None), int, bool, float, dt.date, dt.datetime)


def _strings(value: object, out: list[str]) -> None:
    """Every text inside a record, appended to ``out`` (the fast walk of :func:`_texts`)."""
    if isinstance(value, tuple):
        items: Iterable[object] = value
    else:
        getter = _FIELD_GETTERS.get(type(value))
        if getter is None:
            if not dataclasses.is_dataclass(value) or isinstance(value, type):
                return
            names = [f.name for f in dataclasses.fields(value)]
            fetch = operator.attrgetter(*names)
            getter = _FIELD_GETTERS[type(value)] = (
                fetch if len(names) > 1 else lambda v: (fetch(v),))
        items = getter(value)
    for item in items:
        if isinstance(item, str):
            out.append(item)
        elif not isinstance(item, _NO_TEXT):
            _strings(item, out)


def _storable(text: str) -> bool:
    """Whether ``text`` holds no NUL and no lone surrogate (checked by encoding it)."""
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _unstorable(readout: Readout, plain: bool = False) -> list[str]:
    """Text that cannot be stored (unless known ``plain``), and numbers too large to store."""
    texts: list[str] = []
    if not plain:
        _strings(readout, texts)
    found: list[str] = []
    if not _storable("".join(texts)):  # the rare case: find which fields
        found = [Message("The {where} holds a character that is not text (NUL or a lone "
                         "surrogate).", where=where) for where, text in _texts(readout, "")
                 if _UNSTORABLE.search(text)]
    if abs(readout.version) > 2**63 - 1 or any(abs(p.level) > 2**63 - 1
                                               for p in readout.points):
        found.append(Message("A version or point level is too large to store."))
    return found


def _session_problems(session: MeetingSession) -> list[str]:
    try:
        found = timing.validate_session(session)
        timing.session_start_utc(session)
        timing.check_printed(session)
    except (OverflowError, ValueError):
        return [Message("the time is too near the end of the calendar to be placed in "
                        "time.")]
    return found


def problems(readout: Readout, *, plain: bool = False) -> list[str]:
    """Every reason the readout cannot be saved as it stands, each one sentence.

    ``plain``: its text is known to hold no NUL and no lone surrogate (read from JSON
    written without the escapes that make them), so it is not searched for them."""
    found: list[str] = []
    if not readout.title.strip() and not readout.section.strip():
        found.append(Message("A readout needs a title (or at least a section such as "
                             "\"Japan-Peru Relations\")."))
    if readout.meeting_date is None and readout.published_date is None:
        found.append(Message("A readout needs the date of the meeting or the date it was "
                             "published."))
    for code in readout.relation:
        if not _known_country(code):
            found.append(Message("{code!r} in the relation is not an ISO 3166 country code.",
                                 code=code))
    place = readout.place
    if place is not None:
        if place.country and not _known_country(place.country):
            found.append(Message("The place's country {code!r} is not an ISO 3166 code.",
                                 code=place.country))
        if place.zone and not timing.is_valid_zone(place.zone):
            found.append(Message("The place's time zone {zone!r} is not a known IANA zone.",
                                 zone=place.zone))
    for i, p in enumerate(readout.participants, start=1):
        if not p.person.family_name.strip():
            found.append(Message("Participant {number} needs a family name.", number=i))
        if p.country and not _known_country(p.country):
            found.append(Message("Participant {number}'s country {code!r} is not an ISO 3166 "
                                 "code.", number=i, code=p.country))
    for i, s in enumerate(readout.sessions, start=1):
        for problem in _session_problems(s):
            found.append(Message("Session {number} ({kind}): {problem}", number=i,
                                 kind=s.kind, problem=problem))
    for i, point in enumerate(readout.points, start=1):
        if not point.text.strip():
            found.append(Message("Summary point {number} is empty.", number=i))
    found.extend(_unstorable(readout, plain))
    for i, photo in enumerate(readout.photos, start=1):
        unsafe = photo_file_problem(photo.file)
        if unsafe:
            found.append(Message("Photo {number}: {problem}", number=i, problem=unsafe))
    return found


def check(readout: Readout) -> Readout:
    """``readout`` itself, or :class:`InvalidReadoutError` listing its problems."""
    found = problems(readout)
    if found:
        raise InvalidReadoutError(found)
    return readout
