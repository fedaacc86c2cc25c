"""CSV in and out: one row per readout (and, on export, a second file with one row per session).

CSV is for exchanging with spreadsheets, not for keeping: it holds the main fields of a
readout and at most one session per row on import. Use JSON to move an archive without
losing anything.

Import goes through a *column mapping*: which column of the file holds which field.
:func:`guess_mapping` proposes one from the header row (our own export maps exactly), and
the import dialog or ``--map field=Column`` on the command line corrects it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from readout_desk.domain import geography, render, timing
from readout_desk.domain.records import (
    MeetingSession,
    Mode,
    NameOrder,
    Participant,
    Person,
    Place,
    Readout,
    SummaryPoint,
)


class CsvFormatError(ValueError):
    """A CSV file or row that cannot be read as readouts; the message names the row."""


@dataclass(frozen=True)
class CsvField:
    """A field a CSV column can be mapped to."""

    name: str
    label: str
    synonyms: tuple[str, ...] = ()


#: Every field a column can fill, in the order the mapping dialog lists them.
CSV_FIELDS: tuple[CsvField, ...] = (
    CsvField("title", "Title", ("headline", "subject")),
    CsvField("section", "Section", ("category", "relations")),
    CsvField("meeting_date", "Meeting date", ("date", "meeting day", "day")),
    CsvField("published_date", "Published date", ("published", "publication date")),
    CsvField("retrieved_date", "Retrieved date", ("retrieved",)),
    CsvField("mode", "Mode (in person, telephone, video)", ("meeting mode", "format", "type")),
    CsvField("relation", "Countries involved (codes or names, separated by ;)",
             ("countries", "relation countries")),
    CsvField("place_city", "City", ("city", "place")),
    CsvField("place_country", "Country of the place", ("country",)),
    CsvField("place_venue", "Venue", ("venue",)),
    CsvField("place_zone", "Time zone of the place", ("place zone",)),
    CsvField("place_city_ja", "City as printed in Japanese (リマ)",
             ("city in japanese", "city_ja")),
    CsvField("occasion", "Occasion", ()),
    CsvField("lead", "Lead paragraph", ("summary", "text", "body", "description")),
    CsvField("points", "Summary points (one per line)", ("summary points",)),
    CsvField("participants", "Participants (names separated by ;)",
             ("people", "attendees", "persons")),
    CsvField("participants_as_printed", "Participants' names in their own script (林芳正; …, "
             "in the order of the participants)", ("printed names", "names as printed")),
    CsvField("participants_office_ja", "Participants' offices as printed in Japanese "
             "(外務大臣; …, in the order of the participants)",
             ("offices in japanese", "office_ja")),
    CsvField("topics", "Topics (separated by ;)", ("tags", "keywords", "topic")),
    CsvField("publisher", "Publisher", ("source", "ministry")),
    CsvField("source_url", "Source address", ("url", "link", "address")),
    CsvField("language", "Language", ("lang",)),
    CsvField("notes", "Notes", ("note", "comments")),
    CsvField("session_kind", "Session kind", ("kind",)),
    CsvField("session_start", "Session start (local time)",
             ("start", "start time", "time", "start_local")),
    CsvField("session_zone", "Session time zone", ("zone", "time zone", "timezone", "tz")),
    CsvField("session_time_hedge", "Hedge of the start (around, about…)",
             ("time hedge", "time_hedge")),
    CsvField("duration_minutes", "Duration in minutes", ("duration", "minutes")),
    CsvField("duration_hedge", "Hedge of the duration", ()),
)
FIELD_NAMES = tuple(f.name for f in CSV_FIELDS)

#: Columns of the exported readouts file (importable back through :func:`guess_mapping`).
READOUT_COLUMNS: tuple[str, ...] = (
    "id", "title", "section", "meeting_date", "published_date", "retrieved_date", "mode",
    "relation", "place_city", "place_country", "place_venue", "place_zone", "place_city_ja",
    "occasion", "lead", "points", "participants", "participants_as_printed",
    "participants_office_ja", "topics", "publisher",
    "source_url", "language", "notes", "session_count", "total_minutes", "first_start_utc",
    "is_sample", "created_at", "updated_at",
)
#: Columns of the exported sessions file.
SESSION_COLUMNS: tuple[str, ...] = (
    "readout_id", "title", "meeting_date", "session_number", "kind", "start_local", "zone",
    "zone_label", "time_hedge", "start_utc", "duration_minutes", "duration_hedge",
    "end_local", "printed_text", "printed_zone", "printed_local", "printed_agrees",
)


def _norm(header: str) -> str:
    return re.sub(r"[\s_\-]+", " ", geography.match_key(header)).strip()


def guess_mapping(headers: Sequence[str]) -> dict[str, str]:
    """A proposed mapping ``field -> column`` from a header row (exact names first)."""
    by_norm: dict[str, str] = {}
    for h in headers:
        by_norm.setdefault(_norm(h), h)
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for rule in ("name", "synonym"):
        for f in CSV_FIELDS:
            if f.name in mapping:
                continue
            names = [f.name, f.label] if rule == "name" else list(f.synonyms)
            for candidate in names:
                header = by_norm.get(_norm(candidate))
                if header is not None and header not in used:
                    mapping[f.name] = header
                    used.add(header)
                    break
    return mapping


#: The longest cell read (the whole text of a long readout fits many times over).
MAX_CELL_CHARS = 64 * 1024 * 1024


def read_table(text: str) -> tuple[list[str], list[dict[str, str]]]:
    """The header row and the rows of a CSV text (comma, semicolon or tab separated)."""
    text = text.lstrip("\ufeff")
    # The header row decides the separator; sniffing whole rows misreads quoted
    # fields that span lines.
    header_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=header_line.count)
    # A long body of text is one cell: the csv module's own limit (128 KB) is too small.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_CELL_CHARS))
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    headers = [h for h in (reader.fieldnames or []) if h is not None]
    if not headers:
        raise CsvFormatError("the file has no header row naming its columns")
    rows = []
    for row in reader:
        rows.append({k: (v or "") for k, v in row.items() if isinstance(k, str)})
    return headers, rows


def _split(value: str) -> list[str]:
    return [part.strip() for part in re.split(r"[;\n]", value) if part.strip()]


#: A date, perhaps with the time of day a spreadsheet adds ("2023-05-03 00:00:00").
_DATE_CELL = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
                        r"(?:Z|[+-]\d{2}:?\d{2})?)?")


def _date(value: str, where: str) -> dt.date | None:
    value = value.strip()
    if not value:
        return None
    try:
        if not _DATE_CELL.fullmatch(value):
            raise ValueError(value)
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise CsvFormatError(f"{where} {value!r} is not a date like 2023-05-03") from None


def _country(value: str, where: str) -> str | None:
    value = value.strip()
    if not value:
        return None
    code = geography.find_country(value)
    if code is None:
        raise CsvFormatError(f"{where} {value!r} is not a country name or ISO code")
    return code


def person_from_name(name: str) -> Participant:
    """A participant from a printed name: "HAYASHI Yoshimasa" (family first, in capitals),
    "Ana Gervasi", or "Gervasi, Ana"."""
    name = " ".join(name.split())
    honorifics = ("H.E.", "Mr.", "Ms.", "Mrs.", "Dr.", "Prof.", "Sir", "Dame")
    words = name.split(" ")
    honorific = []
    while len(words) > 1 and words[0] in honorifics:
        honorific.append(words.pop(0))
    rest = " ".join(words)
    if "," in rest:
        family, _, given = rest.partition(",")
        person = Person(family.strip(), given.strip(), NameOrder.GIVEN_FIRST)
    elif len(words) > 1 and words[0].isupper() and not words[-1].isupper():
        person = Person(words[0], " ".join(words[1:]), NameOrder.FAMILY_FIRST)
    else:
        person = Person(words[-1], " ".join(words[:-1]), NameOrder.GIVEN_FIRST)
    return Participant(person=person, honorific=" ".join(honorific))


def _wall(value: str, day: dt.date | None, where: str) -> dt.datetime | None:
    value = value.strip()
    if not value:
        return None
    text_value = value.replace(" ", "T", 1) if re.match(r"\d{4}-\d\d-\d\d \d", value) else value
    try:
        parsed = dt.datetime.fromisoformat(text_value)
    except ValueError:
        parsed = None
    if parsed is None:
        clock = None
        try:
            clock = timing.parse_clock(value) if day is not None else None
        except timing.ClockRangeError:
            raise CsvFormatError(f"{where} {value!r} is not a clock time") from None
        except timing.ClockError:
            pass
        if clock is None or day is None:
            raise CsvFormatError(
                f"{where} {value!r} is not a local time like 2023-05-03 09:10"
                + ("" if day else " (a time alone needs the meeting date)"))
        parsed = dt.datetime.combine(day, clock)
    if parsed.tzinfo is not None:
        raise CsvFormatError(f"{where} {value!r} should be a local time without an offset; "
                             "put the zone in its own column")
    return parsed


def _participants(names: str, printed: str, offices_ja: str) -> tuple[Participant, ...]:
    """Participants from the names column, each with its name in its own script and its
    office as printed in Japanese from the columns that list those in the same order
    (empty between semicolons where none)."""
    people = [person_from_name(n) for n in _split(names)]

    def nth(column: str, i: int) -> str:
        parts = [part.strip() for part in column.split(";")] if column.strip() else []
        return parts[i] if i < len(parts) else ""

    return tuple(replace(p, printed_name=nth(printed, i), office_ja=nth(offices_ja, i))
                 for i, p in enumerate(people))


def readout_from_row(row: Mapping[str, str], mapping: Mapping[str, str], where: str) -> Readout:
    """One readout from a CSV row through ``mapping`` (field -> column)."""

    def get(name: str) -> str:
        column = mapping.get(name)
        return _unneutralised(row.get(column) or "").strip() if column else ""

    meeting_date = _date(get("meeting_date"), f"{where}: meeting date")
    mode_text = get("mode")
    try:
        mode = Mode.parse(mode_text) if mode_text else Mode.IN_PERSON
    except ValueError as exc:
        raise CsvFormatError(f"{where}: {exc}") from None
    relation = []
    for part in _split(get("relation").replace(",", ";")):
        code = _country(part, f"{where}: country")
        if code and code not in relation:
            relation.append(code)
    place = None
    place_zone = get("place_zone") or None
    if place_zone and not timing.is_valid_zone(place_zone):
        raise CsvFormatError(f"{where}: {place_zone!r} is not an IANA time zone")
    if get("place_city") or get("place_country") or get("place_venue") or place_zone \
            or get("place_city_ja"):
        place = Place(get("place_city"), _country(get("place_country"), f"{where}: country"),
                      get("place_venue"), place_zone, get("place_city_ja"))
    sessions = []
    start = _wall(get("session_start"), meeting_date, f"{where}: session start")
    zone = get("session_zone") or (place_zone if start else None)
    if zone and not timing.is_valid_zone(zone):
        raise CsvFormatError(f"{where}: {zone!r} is not an IANA time zone such as America/Lima")
    minutes_text = get("duration_minutes")
    minutes = None
    if minutes_text:
        try:
            minutes = int(float(minutes_text))
        except ValueError:
            raise CsvFormatError(f"{where}: duration {minutes_text!r} is not a number of "
                                 "minutes") from None
    if start or minutes is not None or get("session_kind"):
        sessions.append(MeetingSession(
            kind=get("session_kind") or "meeting", start=start, zone=zone,
            time_hedge=get("session_time_hedge"), duration_minutes=minutes,
            duration_hedge=get("duration_hedge"),
            zone_label="local time" if start else ""))
    return Readout(
        title=get("title"), section=get("section"), relation=tuple(relation),
        publisher=get("publisher"), source_url=get("source_url"),
        language=get("language") or "",  # empty: decided by the text when saved
        published_date=_date(get("published_date"), f"{where}: published date"),
        retrieved_date=_date(get("retrieved_date"), f"{where}: retrieved date"),
        meeting_date=meeting_date, mode=mode, place=place, occasion=get("occasion"),
        lead=get("lead"),
        participants=_participants(get("participants"), get("participants_as_printed"),
                                  get("participants_office_ja")),
        sessions=tuple(sessions),
        points=tuple(SummaryPoint(line.strip()) for line in get("points").splitlines()
                     if line.strip()),
        topics=tuple(dict.fromkeys(_split(get("topics")))),
        notes=get("notes"),
    )


def readouts_from_csv(text: str, mapping: Mapping[str, str] | None = None) -> list[Readout]:
    """Every row of a CSV text as a readout (``mapping`` defaults to :func:`guess_mapping`)."""
    headers, rows = read_table(text)
    if mapping is None:
        mapping = guess_mapping(headers)
    unknown = [f for f in mapping if f not in FIELD_NAMES]
    if unknown:
        raise CsvFormatError(f"{unknown[0]!r} is not a field; the fields are "
                             + ", ".join(FIELD_NAMES))
    missing = [c for c in mapping.values() if c not in headers]
    if missing:
        raise CsvFormatError(f"the file has no column {missing[0]!r}")
    if not ({"title", "section"} & set(mapping)):
        raise CsvFormatError("no column is mapped to the title (or the section)")
    # Row 1 is the header, so data rows are numbered from 2 as a spreadsheet shows them.
    return [readout_from_row(row, mapping, f"row {i}") for i, row in enumerate(rows, start=2)]


# ----- export --------------------------------------------------------------------------


def _instant(value: dt.datetime | None) -> str:
    return value.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ") if value else ""


def _wall_text(value: dt.datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


#: What a spreadsheet takes for the start of a formula in a cell.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")


def neutralised(row: Mapping[str, str]) -> dict[str, str]:
    """``row`` with every cell a spreadsheet would run as a formula made text: a leading
    apostrophe, which spreadsheets hide and CSV import takes off again. Plain numbers
    ("-5") stay as they are."""
    return {k: "'" + v if v.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(v)
            else v for k, v in row.items()}


def _unneutralised(cell: str) -> str:
    """A cell as it was before :func:`neutralised`."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS) else cell


def readout_row(r: Readout) -> dict[str, str]:
    """The exported readouts-file row of one readout."""
    starts = [timing.session_start_utc(s) for s in r.sessions]
    first = min((s for s in starts if s is not None), default=None)
    total = timing.total_minutes(r.sessions)
    place = r.place or Place()
    return {
        "id": str(r.id or ""), "title": r.title, "section": render.section_of(r),
        "meeting_date": r.meeting_date.isoformat() if r.meeting_date else "",
        "published_date": r.published_date.isoformat() if r.published_date else "",
        "retrieved_date": r.retrieved_date.isoformat() if r.retrieved_date else "",
        "mode": r.mode.value, "relation": ";".join(r.relation),
        "place_city": place.city, "place_country": place.country or "",
        "place_venue": place.venue, "place_zone": place.zone or "",
        "place_city_ja": place.city_ja, "occasion": r.occasion,
        "lead": r.lead, "points": "\n".join(p.text for p in r.points),
        "participants": "; ".join(p.display_name for p in r.participants),
        "participants_as_printed": "; ".join(p.printed_name for p in r.participants)
        if any(p.printed_name for p in r.participants) else "",
        "participants_office_ja": "; ".join(p.office_ja for p in r.participants)
        if any(p.office_ja for p in r.participants) else "",
        "topics": "; ".join(r.topics), "publisher": r.publisher, "source_url": r.source_url,
        "language": r.language, "notes": r.notes, "session_count": str(len(r.sessions)),
        "total_minutes": "" if total is None else str(total),
        "first_start_utc": _instant(first), "is_sample": "yes" if r.is_sample else "",
        "created_at": _instant(r.created_at), "updated_at": _instant(r.updated_at),
    }


def session_rows(r: Readout) -> Iterable[dict[str, str]]:
    """The exported sessions-file rows of one readout."""
    for i, s in enumerate(r.sessions, start=1):
        printed = s.printed_other
        check = timing.check_printed(s)
        yield {
            "readout_id": str(r.id or ""), "title": r.title,
            "meeting_date": r.meeting_date.isoformat() if r.meeting_date else "",
            "session_number": str(i), "kind": s.kind, "start_local": _wall_text(s.start),
            "zone": s.zone or "", "zone_label": s.zone_label, "time_hedge": s.time_hedge,
            "start_utc": _instant(timing.session_start_utc(s)),
            "duration_minutes": "" if s.duration_minutes is None else str(s.duration_minutes),
            "duration_hedge": s.duration_hedge, "end_local": _wall_text(s.end),
            "printed_text": printed.text if printed else "",
            "printed_zone": printed.zone if printed else "",
            "printed_local": _wall_text(printed.local) if printed else "",
            "printed_agrees": "" if check is None else ("yes" if check.ok else "no"),
        }
