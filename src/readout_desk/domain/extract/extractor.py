"""Assemble a draft :class:`~readout_desk.domain.records.Readout` from a readout's text.

:func:`extract` runs the phases in order, each a function of its own module with a typed
result:

1. decode (:func:`.text.prepare`): bytes or HTML to clean text; a text written in
   Japanese goes to the Japanese reader (:mod:`.japanese`) instead of the phases below;
2. find the structure (:mod:`.layout`): lines, the opening paragraph, header, tail, points;
3. title, section and dates (:mod:`.heading`): the page's own and the meeting's;
4. people (:mod:`.cast`): participants with their countries, the countries involved;
5. place and zone (:mod:`.setting`): the sessions introduced, the mode, the place, zones;
6. sessions (:mod:`.schedule`): each session's timing and the printed-time cross-check;
7. points, captions and topics (:func:`read_body`);
8. the draft, with the span in the text each field came from (:func:`assemble`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from readout_desk.domain import scripts
from readout_desk.domain.extract import kinds, places
from readout_desk.domain.extract import text as textmod
from readout_desk.domain.extract import topics as topicmod
from readout_desk.domain.extract.cast import Cast, read_cast
from readout_desk.domain.extract.heading import (
    Heading,
    MeetingDate,
    propose_title,
    read_heading,
    read_meeting_date,
)
from readout_desk.domain.extract.layout import Layout, Opening, find_layout, find_opening
from readout_desk.domain.extract.schedule import Days, Schedule, SessionCheck, read_schedule
from readout_desk.domain.extract.setting import Setting, read_setting
from readout_desk.domain.messages import Message
from readout_desk.domain.records import Readout, SummaryPoint

__all__ = ["Draft", "SessionCheck", "extract"]

Span = tuple[int, int]
#: How much of a text's beginning decides which language's reader reads it.
_SCRIPT_SAMPLE = 4000


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
    proposed: tuple[str, ...] = ()  # fields the text does not print, proposed ("title")
    encoding: str = "text"
    was_html: bool = False

    def as_printed(self, path: str) -> str:
        """The words a field was read from, exactly as the source prints them: a duration
        stays "approximately 60 minutes", never "1 hour"; "" for a field not read."""
        span = self.spans.get(path)
        return self.source[span[0]:span[1]] if span else ""

    @property
    def flagged(self) -> tuple[SessionCheck, ...]:
        """The sessions whose printed time disagrees with the time-zone rules."""
        return tuple(c for c in self.checks if not c.ok)


@dataclass(frozen=True)
class Body:
    """The summary points and the topics, with their spans (and the captions')."""

    points: tuple[SummaryPoint, ...]
    topics: tuple[str, ...]
    spans: dict[str, Span] = field(default_factory=dict)


def extract(source: str | bytes, *, topic_file: Path | None = None,
            today: dt.date | None = None, kind_file: Path | None = None) -> Draft:
    """A draft readout from ``source`` (text, HTML, or the bytes of a file).

    ``topic_file`` is the user's own topic list (see :mod:`.topics`); ``today`` stands in
    for the publication date when the text names none ("today" in a pasted text without
    a header); ``kind_file`` the user's own kinds of session (see :mod:`.kinds`). Raises
    :class:`~.text.ExtractionError` for input that is not a readout's text (binary, empty,
    far too large).
    """
    prepared = textmod.prepare(source)
    text = prepared.text
    if scripts.language_of([text[:_SCRIPT_SAMPLE]]) == "ja":
        from readout_desk.domain.extract import japanese  # the reader builds a Draft

        return japanese.read(prepared, topic_file, today)
    layout = find_layout(text)
    opening = find_opening(text, layout)
    heading = read_heading(text, layout)
    meeting = read_meeting_date(text, opening, heading, today)
    place = places.find_place(text, opening.lead_start, opening.lead_end) or \
        _visit_before(text, layout, opening)
    occasion = places.find_occasion(text, opening.lead_start, opening.lead_end)
    cast = read_cast(text, layout, opening, heading.title, heading.section, place)
    setting = read_setting(text, opening, heading.title, place, occasion,
                           heading.dateline_place, cast.participants,
                           kinds.load_kinds(kind_file))
    schedule = read_schedule(text, opening, setting,
                             Days(meeting.day, heading.published, today),
                             layout.lead_index is not None)
    body = read_body(text, opening, heading, occasion, topic_file)
    return assemble(prepared, opening, heading, meeting, cast, setting, schedule, body,
                    occasion)


def _visit_before(text: str, layout: Layout, opening: Opening) -> places.FoundPlace | None:
    """The place of the visit the paragraph before the opening tells (a numbered release
    whose meeting is item 1), not counting the header."""
    if layout.lead_index is None or not layout.header:
        return None
    body = [ln for ln in layout.header if not ln.blank and ln.text.endswith(".")
            and len(ln.text) >= 60]
    return places.find_visit_before(text, body[-1].start, body[-1].end) if body else None


def read_body(text: str, opening: Opening, heading: Heading,
              occasion: places.FoundOccasion | None, topic_file: Path | None) -> Body:
    """The summary points, the topics named from the opening on, and the spans of both,
    of the captions and of the occasion."""
    spans: dict[str, Span] = {}
    for k, point in enumerate(opening.points):
        spans[f"points[{k}]"] = (point.start, point.end)
    for k, span in enumerate(heading.photo_spans):
        spans[f"photos[{k}]"] = span
    found = topicmod.find_topics(text, topicmod.load_topics(topic_file), opening.body_start,
                                 len(text))
    for k, topic in enumerate(found):
        spans[f"topics[{k}]"] = (topic.start, topic.end)
    if occasion:
        spans["occasion"] = (occasion.start, occasion.end)
    points = tuple(SummaryPoint(text=p.text, label=p.label, level=p.level)
                   for p in opening.points)
    return Body(points, tuple(t.name for t in found), spans)


def assemble(prepared: textmod.PreparedText, opening: Opening, heading: Heading,
             meeting: MeetingDate, cast: Cast, setting: Setting, schedule: Schedule,
             body: Body, occasion: places.FoundOccasion | None) -> Draft:
    """The readout the phases found, with every field's span, the checks and the notes.
    A text that prints no title gets one proposed, marked in ``Draft.proposed``."""
    title = heading.title
    proposed: tuple[str, ...] = ()
    proposal_notes: tuple[str, ...] = ()
    if not title and opening.lead_text:
        title = propose_title(heading.section, cast.relation, cast.participants,
                              schedule.sessions, setting.mode)
        if title:
            proposed = ("title",)
            proposal_notes = (Message("The text prints no title; \"{title}\" is proposed from "
                                      "the section, the kind of meeting and the offices.",
                                      title=title),)
    readout = Readout(  # what each phase found
        title=title, section=heading.section, published_date=heading.published,
        photos=heading.photos, meeting_date=meeting.day,
        publisher=cast.publisher, relation=cast.relation, participants=cast.participants,
        mode=setting.mode, place=setting.place, sessions=schedule.sessions,
        lead=opening.lead_text, occasion=occasion.text if occasion else "",
        points=body.points, topics=body.topics,
    )
    spans = {**heading.spans, **meeting.spans, **cast.spans, **setting.spans,
             **schedule.spans, **body.spans}
    notes = (*prepared.notes, *opening.notes, *meeting.notes, *schedule.notes, *proposal_notes)
    return Draft(readout=readout, source=prepared.text, spans=spans, checks=schedule.checks,
                 notes=notes, proposed=proposed, encoding=prepared.encoding,
                 was_html=prepared.was_html)
