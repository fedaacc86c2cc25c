"""The shape of a readout's page: its header, its opening paragraph, its points, its tail.

The first phases of extraction, after the text is decoded. :func:`find_layout` splits the
text into lines and finds the opening: the sentence saying who met whom. What comes before
it is the header (title, date, captions), the last lines are the tail (a section link, a
signature date). :func:`find_opening` then marks the opening paragraph, the region whose
sessions it describes, and the numbered points that follow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from readout_desk.domain.extract import people, structure

_MEETING_VERB_RE = re.compile(
    r"\b(?:held|holds|hold|met|meets|meet|spoke|speaks|talked|had\s+an?|has\s+an?|"
    r"received|receives|hosted|hosts|called\s+on|calls\s+on|paid\s+a|pays\s+a|"
    r"telephone|video\s?conference|conversation)\b",
    re.IGNORECASE,
)
_NO_OPENING = ("No opening paragraph saying who met whom was found; fill in the "
               "participants and sessions by hand.")


@dataclass(frozen=True)
class Layout:
    """The lines of the text, the line that opens the account, and the lines around it."""

    lines: tuple[structure.Line, ...]
    lead_index: int | None  # the opening line, ``None`` when none says who met whom
    header: tuple[structure.Line, ...]  # before the opening (the first eight without one)
    tail: tuple[structure.Line, ...]  # the last non-blank lines among the last eight


@dataclass(frozen=True)
class Opening:
    """The opening paragraph and what follows it, as offsets in the text.

    ``lead_start:lead_end`` is the opening paragraph; ``lead_start:region_end`` is where
    its sessions are told (up to the first point, or some paragraphs on in prose);
    ``lead_text`` is the lead as the record keeps it.
    """

    lead_start: int
    lead_end: int
    region_end: int
    body_start: int  # where topics are looked for
    lead_text: str
    points: tuple[structure.Point, ...]
    notes: tuple[str, ...] = ()


def find_layout(text: str) -> Layout:
    """The lines of ``text``, its opening line, header and tail."""
    lines = structure.lines_of(text)
    lead_index = find_lead(text, lines)
    header = lines[:lead_index] if lead_index is not None else lines[:8]
    tail = [ln for ln in lines[-8:] if not ln.blank]
    return Layout(tuple(lines), lead_index, tuple(header), tuple(tail))


def find_opening(text: str, layout: Layout) -> Opening:
    """The opening paragraph, the session region after it, the points and the lead."""
    lines = list(layout.lines)
    if layout.lead_index is None:
        points, _first = structure.find_points(text, lines, 0)
        return Opening(len(text), len(text), len(text), 0, "", tuple(points), (_NO_OPENING,))
    lead_start = lines[layout.lead_index].start
    lead_end = lines[paragraph_end(lines, layout.lead_index)].end
    points, first_point = structure.find_points(text, lines, layout.lead_index + 1)
    if first_point is not None:
        region_end = lines[first_point].start
        lead_text = text[lead_start:region_end].strip()
    else:
        # Prose readouts: the paragraphs after the opening may add a working lunch.
        region_end = min(len(text), lead_end + 1500)
        lead_text = _prose_lead(text, lead_start, layout.tail)
    return Opening(lead_start, lead_end, region_end, lead_start, lead_text, tuple(points))


def _prose_lead(text: str, lead_start: int, tail: tuple[structure.Line, ...]) -> str:
    """The lead of a readout without points: the body up to the closing lines."""
    body_end = len(text)
    for line in tail:
        if line.start <= lead_start:
            continue  # a short text: the tail reaches back into the header
        if structure.section_of_line(line.text) or structure.is_boilerplate(line.text):
            body_end = min(body_end, line.start)
    lead_text = re.sub(r"\n{2,}", "\n\n", text[lead_start:body_end].strip())
    kept = lead_text.split("\n")
    while kept and (structure.is_date_line(kept[-1].strip()) or (
            len(kept[-1].split()) <= 3 and not kept[-1].strip().endswith("."))):
        kept.pop()
    return "\n".join(kept).strip()


def paragraph_end(lines: list[structure.Line], index: int) -> int:
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


def find_lead(text: str, lines: list[structure.Line]) -> int | None:
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


#: A headline closed by its date in parentheses: "... Japanese Counterpart (5.20.)".
_DATED_HEADLINE_RE = re.compile(r"\(\s?\d{1,2}\.\d{1,2}\.?\s?\)$")


def _is_sentence(lines: list[structure.Line], i: int) -> bool:
    """Whether line ``i`` reads as a sentence rather than a title."""
    line = lines[i]
    goes_on = i + 1 < len(lines) and not lines[i + 1].blank and len(line.text) >= 60 \
        and not structure._POINT_RE.match(lines[i + 1].text)
    if _DATED_HEADLINE_RE.search(line.text) and len(line.text) < 160:
        return False
    return line.text.endswith((".", ":", '"', ")")) or len(line.text) >= 160 or goes_on


#: gov.uk's page metadata, which follows the page's summary line: "From: Foreign,
#: Commonwealth & Development Office", "Published 14 January 2026".
_METADATA_RE = re.compile(r"^(?:From:\s|(?:Published|Updated|Last updated) \d{1,2} [A-Z][a-z]+ "
                          r"\d{4}\s*$)")


def _lead_line(text: str, lines: list[structure.Line]) -> int | None:
    candidates = []
    for i, line in enumerate(lines):
        if len(line.text) < 50 or structure._POINT_RE.match(line.text):
            continue
        if not _is_sentence(lines, i):
            continue  # a title, not a sentence
        if _MEETING_VERB_RE.search(line.text) and not structure.is_caption(line.text):
            candidates.append(i)
    metadata = [i for i, line in enumerate(lines[:16]) if _METADATA_RE.match(line.text)]
    if metadata and any(i > metadata[-1] for i in candidates):
        # The line above the metadata is the page's summary, not its opening.
        candidates = [i for i in candidates if i > metadata[-1]]
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
