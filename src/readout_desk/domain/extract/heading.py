"""What the page says about itself, and the day of the meeting.

:func:`read_heading` reads the header above the opening (section, title, the page's date,
photo captions, a dateline city) and the tail below the text (a section link such as
"Back to Japan-Peru Relations", a signature date). :func:`read_meeting_date` then finds the
meeting's day in the opening paragraph, counting "yesterday" or "on Monday" from the page's
date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from readout_desk.domain import geography
from readout_desk.domain.extract import dates, places, structure
from readout_desk.domain.extract.layout import Layout, Opening
from readout_desk.domain.messages import Message
from readout_desk.domain.records import MeetingSession, Mode, Participant, Photo

Span = tuple[int, int]
#: A city named in a dateline or signature: (city, country code, zone).
Dateline = tuple[str, str | None, str | None]


#: A dateline opening the first paragraph: "Jakarta, 5 February 2026 - ", "SEOUL, March 3
#: (Yonhap) -- ".
_LEAD_DATELINE_RE = re.compile(
    r"(?P<place>[A-Z][A-Za-z.' ]{1,30}),\s{1,3}(?P<date>[^-\u2013\u2014()]{5,30}?)\s{0,3}"
    r"(?:\([^()]{1,20}\)\s{0,3})?[-\u2013\u2014]{1,2}\s")
_TITLE_DATELINE_RE = re.compile(r"\((?P<place>[^(),]{2,40}),\s*(?P<date>[^(),]{6,30})\)\s*$")


@dataclass(frozen=True)
class Heading:
    """The page's section, title, date and captions, with the span of each."""

    section: str = ""
    title: str = ""
    published: dt.date | None = None
    photos: tuple[Photo, ...] = ()
    photo_spans: tuple[Span, ...] = ()
    dateline_place: Dateline | None = None
    spans: dict[str, Span] = field(default_factory=dict)


@dataclass(frozen=True)
class MeetingDate:
    """The meeting's day, where the text gave it, and a note when it had to be guessed."""

    day: dt.date | None
    spans: dict[str, Span] = field(default_factory=dict)
    notes: tuple[str, ...] = ()


class _HeadingReader:
    """Collects the heading line by line; the first of each field wins."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.section = ""
        self.title = ""
        self.published: dt.date | None = None
        self.photos: list[Photo] = []
        self.photo_spans: list[Span] = []
        self.dateline_place: Dateline | None = None
        self.spans: dict[str, Span] = {}

    def header_line(self, line: structure.Line) -> None:
        sec = structure.section_of_line(line.text)
        if sec and not self.section:
            self.section = sec
            self.spans["section"] = (line.start, line.end)
        elif structure.is_date_line(line.text):
            if self.published is None:
                found = self.page_date(line)
                self.dateline_place = places.find_place_in_line(
                    self.text[line.start:found[0].start] + " " + self.text[found[0].end:line.end]
                    if found else line.text)
        elif structure.is_boilerplate(line.text):
            pass
        elif structure.is_caption(line.text):
            self.caption(structure.caption_text(line.text), line)
        elif not self.title and structure.looks_like_title(line.text):
            self.title = line.text
            self.spans["title"] = (line.start, line.end)
            self.title_dateline(line)
        elif (self.published is not None or self.title) and len(line.text.split()) >= 4 \
                and not line.text.endswith((":", ".")) and len(line.text) < 200:
            self.caption(line.text, line)

    def title_dateline(self, line: structure.Line) -> None:
        """"Meeting between X and his Spanish counterpart (Paris, 12 March 2026)": the
        title ends with the page's place and date."""
        m = _TITLE_DATELINE_RE.search(line.text)
        if self.published is not None or not m:
            return
        found = dates.find_dates(self.text, line.start + m.start("date"),
                                 line.start + m.end("date"))
        day = dates.full_date(m.group("date"))
        if day is None or not found:
            return
        self.published = day
        self.spans["published_date"] = (found[0].start, found[0].end)
        self.dateline_place = places.find_place_in_line(m.group("place"))

    def lead_dateline(self, line: structure.Line) -> None:
        """"Jakarta, 5 February 2026 - Foreign Minister ...": the opening paragraph starts
        with the page's place and date."""
        m = _LEAD_DATELINE_RE.match(line.text)
        if self.published is not None or not m:
            return
        day = dates.full_date(m.group("date"))
        found = dates.find_dates(self.text, line.start + m.start("date"),
                                 line.start + m.end("date"))
        if day is None or not found:
            return
        self.published = day
        self.spans["published_date"] = (found[0].start, found[0].end)
        self.dateline_place = places.find_place_in_line(m.group("place"))

    def caption(self, caption: str, line: structure.Line) -> None:
        self.photos.append(Photo(caption=caption))
        self.photo_spans.append((line.start, line.end))

    def page_date(self, line: structure.Line) -> list[dates.FoundDate]:
        """Take the page's date from ``line``; the dates found on it."""
        self.published = dates.full_date(line.text)
        found = dates.find_dates(self.text, line.start, line.end)
        if found:
            self.spans["published_date"] = (found[0].start, found[0].end)
        return found

    def tail(self, tail: tuple[structure.Line, ...]) -> None:
        for line in tail:
            sec = structure.section_of_line(line.text)
            if sec and not self.section:
                self.section = sec
                at = line.start + line.text.index(sec)
                self.spans["section"] = (at, at + len(sec))
        if self.published is not None:
            return
        for k, line in enumerate(tail):
            if structure.is_date_line(line.text):
                self.page_date(line)
                if k > 0:
                    self.dateline_place = places.find_place_in_line(tail[k - 1].text)
                break

    def heading(self) -> Heading:
        return Heading(self.section, self.title, self.published, tuple(self.photos),
                       tuple(self.photo_spans), self.dateline_place, self.spans)


def read_heading(text: str, layout: Layout) -> Heading:
    """Section, title, the page's date and the captions, from the header and the tail."""
    reader = _HeadingReader(text)
    for line in layout.header:
        if not line.blank:
            reader.header_line(line)
    # "Back to Japan-Peru Relations" at the end, and a signature date ("New Delhi / May 3, 2023").
    reader.tail(layout.tail)
    if layout.lead_index is not None:
        reader.lead_dateline(layout.lines[layout.lead_index])
    return reader.heading()


def read_meeting_date(text: str, opening: Opening, heading: Heading,
                      today: dt.date | None) -> MeetingDate:
    """The meeting's day: a date in the opening, else a relative day counted from the
    page's date (or ``today``), else the page's date itself."""
    found_days = dates.find_dates(text, opening.lead_start, opening.lead_end)
    # "from 6:30 p.m. (0:30 a.m. on July 23) on July 22": the bracket's day is the other
    # side's, not the meeting's.
    found_days = [d for d in found_days if not _in_time_bracket(text, d.start, d.end)] \
        or found_days
    if len(found_days) > 1 and _RANGE_AFTER_RE.match(text, found_days[0].end):
        # "From January 12 to 14, ... visited Nairobi. On January 13, ... held a meeting".
        found_days = [d for d in found_days[1:]
                      if not _RANGE_AFTER_RE.match(text, d.end)] or found_days
    relative = dates.find_relative(text, opening.lead_start, opening.lead_end)
    reference = heading.published or today
    if found_days and (not relative or found_days[0].start < relative[0].start):
        notes: tuple[str, ...] = ()
        if heading.published is None and found_days[0].year is not None:
            notes = (Message("The page's own date was not found; the meeting date comes "
                             "from the text."),)
        day = found_days[0].resolve(reference)
        return _dated(day, (found_days[0].start, found_days[0].end), notes)
    if relative and reference is not None:
        return _dated(relative[0].resolve(reference), (relative[0].start, relative[0].end))
    if heading.published is not None:
        return _dated(heading.published, heading.spans.get("published_date"))
    return _dated(None, None)


_TIME_IN_BRACKET_RE = re.compile(r"\d{1,2}[:.]\d{2}|\b(?:a\.m\.|p\.m\.|JST|time)\b", re.IGNORECASE)


def _in_time_bracket(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands in parentheses that print a clock time."""
    opened = text.rfind("(", max(0, start - 60), start)
    if opened < 0 or ")" in text[opened:start]:
        return False
    closed = text.find(")", end, end + 60)
    return closed >= 0 and "(" not in text[end:closed] and bool(
        _TIME_IN_BRACKET_RE.search(text, opened, closed))


_RANGE_AFTER_RE = re.compile(r"\s{0,2}(?:to|until|till|through|-|\u2013)\s{0,2}"
                             r"(?:[A-Z][a-z]{2,8}\.?\s)?\d{1,2}\b")


def _dated(day: dt.date | None, span: Span | None, notes: tuple[str, ...] = ()) -> MeetingDate:
    if day is None:
        notes = (*notes, Message("No meeting date was found; enter it by hand."))
    return MeetingDate(day, {"meeting_date": span} if span else {}, notes)


_PAIR_IN_SECTION_RE = re.compile(r"^(?P<pair>\S+-\S+)\s+Relations\b")
_FOREIGN_OFFICE_RE = re.compile(r"\bForeign\b|\bExternal Affairs\b|\bSecretary of State\b|"
                                r"^Secretary$|\bEAM\b", re.IGNORECASE)
_LEADER_RE = re.compile(r"^(?:Prime Minister|President)\b")
#: Parts of a meeting that the title calls by the whole: "... Foreign Ministers' Meeting".
_PARTS = ("small group meeting", "plenary meeting", "tête-à-tête meeting", "expanded meeting",
          "restricted meeting", "one-on-one meeting", "plenary session", "meeting", "talks",
          "bilateral meeting")


def propose_title(section: str, relation: tuple[str, ...],
                  participants: tuple[Participant, ...],
                  sessions: tuple[MeetingSession, ...], mode: Mode) -> str:
    """A title for a text that prints none, in the way ministries title readouts: the
    pair of countries (from the section, else the countries involved), the level (from
    the offices) and the kind: "Japan-Peru Foreign Ministers' Meeting". Empty when the
    text does not show two sides."""
    m = _PAIR_IN_SECTION_RE.match(section)
    if m:
        pair = m.group("pair")
    elif len(relation) == 2:
        pair = "-".join(geography.country_name(c) for c in relation)
    else:
        return ""
    offices = [p.office for p in participants if p.office]
    if len(offices) >= 2 and all(_LEADER_RE.match(o) for o in offices):
        level = "Summit"
    elif len(offices) >= 2 and all(_FOREIGN_OFFICE_RE.search(o) for o in offices):
        level = "Foreign Ministers'"
    else:
        level = ""
    kinds = {s.kind for s in sessions}
    only = next(iter(kinds)) if len(kinds) == 1 else ""
    printed = only.title().replace("'S", "'s")
    if mode is Mode.TELEPHONE:
        kind = printed if "telephone" in only else "Telephone Talk"
    elif mode is Mode.VIDEO:
        kind = printed if "video" in only else "Video Conference"
    elif only and only not in _PARTS:
        kind = printed
    else:
        kind = "Meeting"
    if level and kind.lower().startswith(level.lower()):
        level = ""  # the kind as printed names the level: "Foreign Ministers' Meeting"
    return " ".join(part for part in (pair, level, kind) if part)
