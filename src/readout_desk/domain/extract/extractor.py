"""Assemble a draft :class:`~readout_desk.domain.records.Readout` from a readout's text."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from readout_desk.domain import geography, timing
from readout_desk.domain.extract import (
    countries,
    dates,
    people,
    places,
    sessions,
    structure,
)
from readout_desk.domain.extract import (
    text as textmod,
)
from readout_desk.domain.extract import (
    topics as topicmod,
)
from readout_desk.domain.records import (
    MeetingSession,
    Mode,
    Participant,
    Person,
    Photo,
    Place,
    PrintedTime,
    Readout,
    SummaryPoint,
)

Span = tuple[int, int]

_MEETING_VERB_RE = re.compile(
    r"\b(?:held|holds|hold|met|meets|meet|spoke|speaks|talked|had\s+an?|has\s+an?|"
    r"received|receives|hosted|hosts|called\s+on|calls\s+on|paid\s+a|pays\s+a|"
    r"telephone|video\s?conference|conversation)\b",
    re.IGNORECASE,
)
_PAIR_RE = re.compile(r"\b(?P<a>[A-Z][\w.]*)-(?P<b>[A-Z][\w.]*)(?P<b2>\s[A-Z][a-z]+)?")
_HOME_OFFICES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^Secretary$|(?:^|Deputy |Under |Assistant )Secretary of State$"), "US"),
    (re.compile(r"External Affairs|^EAM$"), "IN"),
    (re.compile(r"^Federal (?:Foreign )?Minister"), "DE"),
    (re.compile(r"^Foreign Secretary$"), "GB"),
    (re.compile(r"Europe and Foreign Affairs"), "FR"),
)


@dataclass(frozen=True)
class SessionCheck:
    """The timing cross-check of one session: the printed second time against the rules."""

    index: int
    kind: str
    printed: str
    computed: str
    ok: bool
    message: str


@dataclass(frozen=True)
class Draft:
    """What the extractor made of a text: the readout, where each field came from, checks.

    ``spans`` maps a field path ("title", "meeting_date", "participants[0]",
    "sessions[1].start", "points[2]", "topics[0]") to the ``(start, end)`` offsets in
    ``source``, the cleaned text the user sees alongside the draft.
    """

    readout: Readout
    source: str
    spans: dict[str, Span] = field(default_factory=dict)
    checks: tuple[SessionCheck, ...] = ()
    notes: tuple[str, ...] = ()
    encoding: str = "text"
    was_html: bool = False

    @property
    def flagged(self) -> tuple[SessionCheck, ...]:
        """The sessions whose printed time disagrees with the time-zone rules."""
        return tuple(c for c in self.checks if not c.ok)


def _paragraph_end(lines: list[structure.Line], index: int) -> int:
    """Index of the last line of the paragraph starting at ``index``."""
    last = index
    for j in range(index + 1, len(lines)):
        if lines[j].blank or structure._POINT_RE.match(lines[j].text):
            break
        # Text pasted without blank lines: every long line is its own paragraph.
        if len(lines[last].text) > 120:
            break
        last = j
    return last


def _find_lead(text: str, lines: list[structure.Line]) -> int | None:
    """The line that opens the account: a sentence saying who met whom (moved back to
    the start of its paragraph when the text is hard-wrapped)."""
    found = _lead_line(text, lines)
    if found is None:
        return None
    while found > 0:
        previous = lines[found - 1]
        if previous.blank or len(previous.text) < 60 or previous.text.endswith((".", ":")) \
                or structure._POINT_RE.match(previous.text) or structure.is_caption(
                    previous.text):
            break
        found -= 1
    return found


def _lead_line(text: str, lines: list[structure.Line]) -> int | None:
    candidates = []
    for i, line in enumerate(lines):
        if len(line.text) < 50 or structure._POINT_RE.match(line.text):
            continue
        goes_on = i + 1 < len(lines) and not lines[i + 1].blank and len(line.text) >= 60 \
            and not structure._POINT_RE.match(lines[i + 1].text)
        if not line.text.endswith((".", ":", '"', ")")) and len(line.text) < 160 and \
                not goes_on:
            continue  # a title, not a sentence
        if _MEETING_VERB_RE.search(line.text) and not structure.is_caption(line.text):
            candidates.append(i)
    for i in candidates[:6]:
        line = lines[i]
        if any(not p.spokesperson for p in people.find_people(text, line.start, line.end)):
            return i
        if re.search(r"^(?:Today |This (?:morning|afternoon|evening) )?(?:I|We) ", line.text):
            return i
    if candidates:
        return candidates[0]
    for i, line in enumerate(lines):
        if structure._POINT_RE.match(line.text) and _MEETING_VERB_RE.search(line.text):
            return i
    for i, line in enumerate(lines):
        if len(line.text) >= 80 and line.text.endswith((".", ":")):
            return i
    return None


def _relation_pairs(texts: Iterable[str]) -> list[str]:
    for value in texts:
        for m in _PAIR_RE.finditer(value):
            a = countries.country_code(m.group("a"))
            b = countries.country_code(m.group("b") + (m.group("b2") or "")) or \
                countries.country_code(m.group("b"))
            if a and b and a != b:
                return [a, b]
    return []


def _home_country(office: str, honorific: str = "") -> str | None:
    """The country an office without a country usually belongs to ("Secretary of State")."""
    for pattern, code in _HOME_OFFICES:
        if pattern.search(office):
            return code
    if honorific.lower().startswith("senator the hon"):
        return "AU"
    return None


_PUBLISHERS: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(r"Ministry of Foreign Affairs of Japan|\bMOFA Japan\b"),
     "Ministry of Foreign Affairs of Japan", "JP"),
    (re.compile(r"Office of the Spokesperson|U\.S\. Department of State|"
                r"attributable to (?:State Department )?Spokesperson"),
     "U.S. Department of State", "US"),
    (re.compile(r"Foreign, Commonwealth (?:&|and) Development Office|\bFCDO\b"),
     "Foreign, Commonwealth & Development Office", "GB"),
    (re.compile(r"Ministry of External Affairs"), "Ministry of External Affairs, India", "IN"),
    (re.compile(r"Global Affairs Canada"), "Global Affairs Canada", "CA"),
    (re.compile(r"Federal Foreign Office|Auswärtiges Amt"), "Federal Foreign Office", "DE"),
    (re.compile(r"Ministry for Europe and Foreign Affairs|France Diplomacy"),
     "Ministry for Europe and Foreign Affairs", "FR"),
    (re.compile(r"Department of Foreign Affairs and Trade|\bDFAT\b"),
     "Department of Foreign Affairs and Trade", "AU"),
    (re.compile(r"Ministry of Foreign Affairs of the Republic of Korea|MOFA Korea"),
     "Ministry of Foreign Affairs of the Republic of Korea", "KR"),
)


def _publisher(text: str) -> tuple[str, str | None]:
    """Who published the readout, when the page says so, and its country."""
    head = text[:3000]
    tail = text[-1500:]
    for pattern, name, code in _PUBLISHERS:
        if pattern.search(head) or pattern.search(tail):
            return name, code
    return "", None


def _family_from_title(person: people.FoundPerson, title: str) -> people.FoundPerson:
    """Use the title to tell the family name: "... Deputy Foreign Minister Tran" shows
    that "Tran Minh Duc" is printed family name first."""
    if not title or person.name_order.value == "family-first" or not person.given_name:
        return person
    words = person.given_name.split()
    if re.search(r"(?<!\w)" + re.escape(person.family_name) + r"(?!\w)", title):
        return person
    for n, word in enumerate(words):
        if re.search(r"(?<!\w)" + re.escape(word) + r"(?:'s)?(?!\w)", title) and len(word) > 1:
            rest = [w for j, w in enumerate(words) if j != n] + [person.family_name]
            from readout_desk.domain.records import NameOrder

            return replace(person, family_name=word, given_name=" ".join(rest),
                           name_order=NameOrder.FAMILY_FIRST if n == 0 else
                           NameOrder.GIVEN_FIRST)
    return person


def extract(source: str | bytes, *, topic_file: Path | None = None,
            today: dt.date | None = None) -> Draft:
    """A draft readout from ``source`` (text, HTML, or the bytes of a file).

    ``topic_file`` is the user's own topic list (see :mod:`.topics`); ``today`` stands in
    for the publication date when the text names none ("today" in a pasted text without
    a header). Raises :class:`~.text.ExtractionError` for input that is not a readout's
    text (binary, empty, far too large).
    """
    prepared = textmod.prepare(source)
    text = prepared.text
    notes = list(prepared.notes)
    spans: dict[str, Span] = {}
    lines = structure.lines_of(text)
    lead_index = _find_lead(text, lines)
    header = lines[:lead_index] if lead_index is not None else lines[:8]

    # ---- section, title, published date, captions
    section = ""
    title = ""
    published: dt.date | None = None
    photos: list[Photo] = []
    photo_spans: list[Span] = []
    dateline_place: tuple[str, str | None, str | None] | None = None
    for line in header:
        if line.blank:
            continue
        sec = structure.section_of_line(line.text)
        if sec and not section:
            section = sec
            spans["section"] = (line.start, line.end)
            continue
        if structure.is_date_line(line.text):
            if published is None:
                published = dates.full_date(line.text)
                found = dates.find_dates(text, line.start, line.end)
                if found:
                    spans["published_date"] = (found[0].start, found[0].end)
                dateline_place = places.find_place_in_line(
                    text[line.start:found[0].start] + " " + text[found[0].end:line.end]
                    if found else line.text)
            continue
        if structure.is_boilerplate(line.text):
            continue
        if structure.is_caption(line.text):
            photos.append(Photo(caption=structure.caption_text(line.text)))
            photo_spans.append((line.start, line.end))
            continue
        if not title and structure.looks_like_title(line.text):
            title = line.text
            spans["title"] = (line.start, line.end)
            continue
        if (published is not None or title) and len(line.text.split()) >= 4 and not \
                line.text.endswith((":", ".")) and len(line.text) < 200:
            photos.append(Photo(caption=line.text))
            photo_spans.append((line.start, line.end))
    # "Back to Japan-Peru Relations" at the end, and a signature date ("New Delhi / May 3, 2023").
    tail = [ln for ln in lines[-8:] if not ln.blank]
    for line in tail:
        sec = structure.section_of_line(line.text)
        if sec and not section:
            section = sec
            spans["section"] = (line.start + line.text.index(sec), line.start
                                + line.text.index(sec) + len(sec))
    if published is None:
        for k, line in enumerate(tail):
            if structure.is_date_line(line.text):
                published = dates.full_date(line.text)
                found = dates.find_dates(text, line.start, line.end)
                if found:
                    spans["published_date"] = (found[0].start, found[0].end)
                if k > 0:
                    dateline_place = places.find_place_in_line(tail[k - 1].text)
                break

    # ---- the opening paragraph and the session region
    if lead_index is None:
        lead_start = lead_end = len(text)
        region_end = len(text)
        notes.append("No opening paragraph saying who met whom was found; fill in the "
                     "participants and sessions by hand.")
    else:
        last = _paragraph_end(lines, lead_index)
        lead_start, lead_end = lines[lead_index].start, lines[last].end
    points, first_point = structure.find_points(text, lines, (lead_index or 0) + 1
                                                if lead_index is not None else 0)
    if lead_index is not None:
        region_end = lines[first_point].start if first_point is not None else lead_end
        if first_point is None:
            # Prose readouts: the paragraphs after the opening may add a working lunch.
            region_end = min(len(text), lead_end + 1500)
    lead_paragraphs = text[lead_start:region_end if first_point is not None else lead_end]
    lead_text = lead_paragraphs.strip()
    if first_point is None and lead_index is not None:
        body_end = len(text)
        for line in tail:
            if structure.section_of_line(line.text) or structure.is_boilerplate(line.text):
                body_end = min(body_end, line.start)
        lead_text = text[lead_start:body_end].strip()
        lead_text = re.sub(r"\n{2,}", "\n\n", lead_text)
        tail_lines = [ln for ln in lead_text.split("\n")]
        while tail_lines and (structure.is_date_line(tail_lines[-1].strip()) or (
                len(tail_lines[-1].split()) <= 3 and not tail_lines[-1].strip().endswith("."))):
            tail_lines.pop()
        lead_text = "\n".join(tail_lines).strip()

    # ---- meeting date
    meeting: dt.date | None = None
    found_days = dates.find_dates(text, lead_start, lead_end)
    relative = dates.find_relative(text, lead_start, lead_end)
    reference = published or today
    if found_days and (not relative or found_days[0].start < relative[0].start):
        meeting = found_days[0].resolve(reference)
        spans["meeting_date"] = (found_days[0].start, found_days[0].end)
        if published is None and found_days[0].year is not None:
            notes.append("The page's own date was not found; the meeting date comes from "
                         "the text.")
    elif relative and reference is not None:
        meeting = relative[0].resolve(reference)
        spans["meeting_date"] = (relative[0].start, relative[0].end)
    elif published is not None:
        meeting = published
        if "published_date" in spans:
            spans["meeting_date"] = spans["published_date"]
    if meeting is None:
        notes.append("No meeting date was found; enter it by hand.")

    # ---- place, occasion, people
    place_found = places.find_place(text, lead_start, lead_end)
    occasion = places.find_occasion(text, lead_start, lead_end)
    found_people = [p for p in people.find_people(text, lead_start, lead_end)
                    if not p.spokesperson]
    publisher, publisher_code = _publisher(text)
    if re.search(r"(?:^|[.!?]\s)(?:Today,? |This (?:morning|afternoon|evening),? )?(?:I|We) "
                 r"(?:met|spoke|held|had|hosted|welcomed|received|called)",
                 text[lead_start:lead_end]):
        # "Today I met ...": the minister who signs the release took part.
        for line in header:
            byline = [p for p in people.find_people(text, line.start, line.end)
                      if not p.spokesperson and p.office]
            if byline:
                found_people.insert(0, byline[0])
                break
    found_people = [_family_from_title(p, title) for p in found_people]
    merged: list[people.FoundPerson] = []
    for person in found_people:
        key = geography.fold(person.family_name.removesuffix("'s"))
        same = [k for k, p in enumerate(merged)
                if geography.fold(p.family_name.removesuffix("'s")) == key]
        if same:
            k = same[0]
            old = merged[k]
            merged[k] = replace(
                old,
                honorific=old.honorific or person.honorific,
                given_name=old.given_name or person.given_name,
                office=old.office if len(old.office.split()) >= len(person.office.split())
                else person.office,
                country=old.country or person.country,
            )
            continue
        merged.append(person)
    # Someone named only by an office, once ("Minister Hayashi") without a given name, in
    # the opening of a readout that names others in full, is a later reference.
    title_pair = _relation_pairs([section, title, text[lead_start:lead_end]])
    codes: list[str | None] = [person.country for person in merged]
    unassigned = [c for c in title_pair if c not in codes]
    for k, person in enumerate(merged):
        if codes[k] is not None:
            continue
        home = _home_country(person.office, person.honorific) or publisher_code
        if people._is_all_caps(person.family_name) and (not unassigned or "JP" in unassigned):
            codes[k] = "JP"
        elif (person.name_order.value == "family-first" and re.fullmatch(
                r"[A-Z][a-z]+-[a-z]+", person.given_name) and not unassigned):
            codes[k] = "KR"  # "Park Ji-hoon": Korean names are printed this way
        elif unassigned:
            codes[k] = home if home in unassigned else unassigned[0]
        elif home and home not in codes:
            codes[k] = home
        if codes[k] in unassigned:
            unassigned.remove(codes[k])  # type: ignore[arg-type]
    # A host named without a country meets a visitor at home: the place is their country.
    missing = [k for k, c in enumerate(codes) if c is None]
    if len(missing) == 1 and place_found and place_found.country and \
            place_found.country not in codes and len(merged) > 1:
        codes[missing[0]] = place_found.country
    participants: list[Participant] = []
    for k, person in enumerate(merged):
        code = codes[k]
        participants.append(Participant(
            person=Person(family_name=person.family_name.removesuffix("'s"),
                          given_name=person.given_name, name_order=person.name_order),
            honorific=person.honorific,
            office=person.office,
            country=code,
            organisation=person.organisation,
            side=geography.country_name(code) if code else person.organisation,
        ))
        spans[f"participants[{k}]"] = (person.start, person.end)
        if person.office_span:
            spans[f"participants[{k}].office"] = person.office_span
    relation: list[str] = []
    for code in [p.country for p in participants] + title_pair:
        if code and code not in relation:
            relation.append(code)

    # ---- sessions
    intros = sessions.find_intros(text, lead_start, region_end)
    session_kinds: list[tuple[str, int, int]] = [(i.kind, i.start, i.kind_start) for i in intros]
    if not session_kinds:
        met = sessions.find_met(text, lead_start, lead_end)
        if met:
            kind = met[0]
            verb = text[met[1]:met[2]].lower()
            # "spoke with" without saying how: a call, unless they were together.
            spoke = kind == "meeting" and verb.startswith(("spoke", "speaks", "talked"))
            if spoke and (re.search(r"\b(?:call|phone|telephone)\b", title, re.IGNORECASE)
                          or not (place_found or occasion)):
                kind = "telephone call"
            session_kinds = [(kind, met[1], met[1])]
    lead_lower = text[lead_start:lead_end].lower()
    mode = Mode.IN_PERSON
    first_kind = session_kinds[0][0] if session_kinds else ""
    if any(w in first_kind for w in ("telephone", "phone", "call")) and first_kind != \
            "courtesy call":
        mode = Mode.TELEPHONE
    elif any(w in first_kind for w in ("video", "virtual", "online")):
        mode = Mode.VIDEO
    elif re.search(r"\b(?:by|over the|on the)\s+(?:tele)?phone\b", lead_lower):
        mode = Mode.TELEPHONE
    elif re.search(r"\b(?:videoconference|video conference|virtually|video link)\b", lead_lower):
        mode = Mode.VIDEO
    if session_kinds:
        spans["mode"] = (session_kinds[0][2], session_kinds[0][2] + len(first_kind))

    place: Place | None = None
    if place_found and mode is Mode.IN_PERSON:
        place = Place(city=place_found.city, country=place_found.country,
                      zone=place_found.zone)
        spans["place"] = (place_found.start, place_found.end)
    elif mode is Mode.IN_PERSON and dateline_place and "today" in lead_lower:
        place = Place(city=dateline_place[0], country=dateline_place[1],
                      zone=dateline_place[2])
    place_zone = place.zone if place else None
    home_zone: str | None = None
    if participants and participants[0].country:
        home_zone = countries.main_zone(participants[0].country)

    built: list[MeetingSession] = []
    checks: list[SessionCheck] = []
    if not session_kinds and lead_index is not None:
        session_kinds = [("meeting", lead_start, lead_start)]
    for n, (kind, seg_start, _kind_at) in enumerate(session_kinds):
        seg_end = session_kinds[n + 1][1] if n + 1 < len(session_kinds) else region_end
        begin = lead_start if n == 0 else seg_start
        tm = sessions.read_timing(text, begin, seg_end, prefer_after=seg_start)
        if n == 0 and tm.start is None and tm.duration is None:
            tm = sessions.read_timing(text, lead_start, seg_end)
        day = meeting
        if tm.day is not None and tm.start is not None:
            if isinstance(tm.day, dates.FoundDate):
                day = tm.day.resolve(published or today or meeting) or meeting
            elif reference is not None:
                day = tm.day.resolve(reference)
        zone = places.zone_for_label(tm.label, place_zone, day) if tm.label else place_zone
        if zone is None and tm.start is not None and home_zone:
            zone = home_zone
        start: dt.datetime | None = None
        end: dt.datetime | None = None
        if tm.start is not None and day is not None:
            start = dt.datetime.combine(day, tm.start)
            if tm.end is not None:
                end = dt.datetime.combine(day, tm.end)
                if end <= start:
                    end += dt.timedelta(days=1)
        printed: PrintedTime | None = None
        if tm.other_time is not None and day is not None:
            other_zone = (places.zone_for_label(tm.other_label, place_zone, day)
                          if tm.other_label else None)
            if other_zone and zone and other_zone == zone and tm.label.lower() != "local time" \
                    and tm.other_label.lower() == "local time":
                other_zone = None
            if other_zone:
                printed = PrintedTime(tm.other_text, other_zone,
                                      _printed_wall(tm, day, start, zone, other_zone,
                                                    published or meeting))
                if tm.label and tm.label.lower() != "local time" and \
                        tm.other_label.lower() == "local time" and start is not None:
                    # "3:30 p.m. JST (8:30 a.m. local time)": keep the local one as the start.
                    printed, start, zone = (
                        PrintedTime(text[tm.start_span[0]:tm.start_span[1]] + " " + tm.label,
                                    zone or "", start) if tm.start_span else printed,
                        printed.local, other_zone)
        session = MeetingSession(
            kind=kind, start=start, zone=zone,
            time_hedge=tm.hedge, zone_label=tm.label,
            duration_minutes=tm.duration, duration_hedge=tm.duration_hedge, end=end,
            printed_other=printed,
        )
        if session.start is not None and session.zone and timing.is_ambiguous(
                session.start, session.zone):
            notes.append(f"Session {n + 1} ({kind}): {session.start:%H:%M} occurs twice in "
                         f"{session.zone} that day; choose which one is meant.")
        built.append(session)
        spans[f"sessions[{n}]"] = (_kind_at, _kind_at + len(kind))
        if tm.start_span:
            spans[f"sessions[{n}].start"] = tm.start_span
        if tm.duration_span:
            spans[f"sessions[{n}].duration"] = tm.duration_span
        if tm.other_span:
            spans[f"sessions[{n}].printed_other"] = tm.other_span
    # "The meeting lasted about 10 minutes."
    for word, duration in sessions.find_lasted(text, lead_start, len(text)):
        targets = [k for k, s in enumerate(built) if s.duration_minutes is None]
        matching = [k for k in targets if word.rstrip("s") in built[k].kind]
        chosen = matching or targets
        if chosen:
            k_target = chosen[0]
            built[k_target] = replace(built[k_target], duration_minutes=duration.minutes,
                                      duration_hedge=duration.hedge)
            spans[f"sessions[{k_target}].duration"] = (duration.start, duration.end)
    for n, session in enumerate(built):
        check = timing.check_printed(session)
        if check is None or session.printed_other is None:
            continue
        computed = ""
        if check.computed is not None:
            computed = (f"{timing.format_clock(check.computed)} on "
                        f"{timing.format_day(check.computed.date())} "
                        f"{timing.zone_abbreviation(check.computed)}")
        checks.append(SessionCheck(n, session.kind, session.printed_other.text, computed,
                                   check.ok, check.message))
        if not check.ok:
            notes.append(f"Session {n + 1} ({session.kind}): {check.message}.")

    # ---- points and topics
    summary: list[SummaryPoint] = []
    for k, point in enumerate(points):
        summary.append(SummaryPoint(text=point.text, label=point.label, level=point.level))
        spans[f"points[{k}]"] = (point.start, point.end)
    for k, span in enumerate(photo_spans):
        spans[f"photos[{k}]"] = span
    topic_list = topicmod.load_topics(topic_file)
    body_start = lead_start if lead_index is not None else 0
    found_topics = topicmod.find_topics(text, topic_list, body_start, len(text))
    for k, topic in enumerate(found_topics):
        spans[f"topics[{k}]"] = (topic.start, topic.end)
    if occasion:
        spans["occasion"] = (occasion.start, occasion.end)

    readout = Readout(
        title=title,
        section=section,
        publisher=publisher,
        relation=tuple(relation),
        published_date=published,
        meeting_date=meeting,
        mode=mode,
        place=place,
        occasion=occasion.text if occasion else "",
        lead=lead_text,
        participants=tuple(participants),
        sessions=tuple(built),
        points=tuple(summary),
        topics=tuple(t.name for t in found_topics),
        photos=tuple(photos),
    )
    return Draft(readout=readout, source=text, spans=spans, checks=tuple(checks),
                 notes=tuple(notes), encoding=prepared.encoding, was_html=prepared.was_html)


def _printed_wall(tm: sessions.Timing, day: dt.date, start: dt.datetime | None,
                  zone: str | None, other_zone: str, reference: dt.date | None
                  ) -> dt.datetime:
    """The printed second time as a wall time in its zone, with the date it names or,
    when it names none, the date nearest the instant the rules give."""
    assert tm.other_time is not None
    if tm.other_day is not None:
        other_date = tm.other_day.resolve(day) or day
        return dt.datetime.combine(other_date, tm.other_time)
    if tm.other_offset is not None:
        return dt.datetime.combine(day + dt.timedelta(days=tm.other_offset), tm.other_time)
    if start is not None and zone:
        return timing.printed_wall(tm.other_time, start, zone, other_zone)
    return dt.datetime.combine(day, tm.other_time)
