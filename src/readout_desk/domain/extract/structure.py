"""The shape of a readout: header lines, the opening paragraph, numbered points, captions.

A published readout has a header (section, title, date, photo captions, boilerplate
such as "Press release"), an opening paragraph that says who met whom, where and when,
and then a summary, often as numbered points "1.", "(1)", nested. The page may end with
a "Back to ..." link, a signature ("New Delhi / March 12, 2025") or a share bar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from readout_desk.domain.extract import dates


@dataclass(frozen=True)
class Line:
    text: str  # stripped
    start: int  # offset of the stripped text in the source
    end: int

    @property
    def blank(self) -> bool:
        return not self.text


def lines_of(text: str) -> list[Line]:
    """Every line of ``text`` with the offsets of its stripped content."""
    out = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        out.append(Line(stripped, pos + lead, pos + lead + len(stripped)))
        pos += len(raw) + 1
    return out


# Page furniture and boilerplate that is neither title nor caption.
_BOILERPLATE_RE = re.compile(
    r"^(?:readout|press release|media release|news release|statement|press statement|"
    r"joint statement|news|press|home|top|menu|search|share|print|tweet|back|english|"
    r"japanese|français|deutsch|한국어|日本語|skip to (?:main )?content|main content|"
    r"office of the spokesperson|from:.*|published(?: on)?\s*:?|updated.*|last updated.*|"
    r"speeches and statements|press releases|media releases|news releases|"
    r"foreign ministers? meetings?|diplomatic bluebook|page top|related links?|"
    r"ministry of foreign affairs(?: of \w+)?|government of \w+|gov\.uk|"
    r"global affairs canada|federal foreign office|[\w\s,&-]*\bcopyright\b.*|©.*|"
    r"(?:facebook|twitter|x|linkedin|whatsapp|email|e-mail)(?:\s*[|/]\s*\w+)*)\.?$",
    re.IGNORECASE,
)
_TITLE_WORDS_RE = re.compile(
    r"\b(?:Meeting|Meetings|Talk|Talks|Call|Calls|Conference|Visit|Dialogue|Summit|"
    r"Consultations?|Lunch|Dinner|Breakfast|Luncheon|Conversation|Readout|Telephone|"
    r"Exchange|Ceremony|Signing|Reception|Audience|"
    r"Videoconference|Discussion|Discussions|Courtesy|Audience|meets|met|meet|holds|held|"
    r"speaks|spoke|calls|hosts|hosted|talks|visits|visiting|receives|received)\b",
    re.IGNORECASE,
)
_CAPTION_RE = re.compile(
    r"^(?:\(?photo(?:graph)?s?\)?\s*[:.)-]|\[photo\]|image\s*:|picture\s*:)|"
    r"\b(?:shak(?:e|es|ing)\s+hands|handshake|pos(?:e|es|ing)\s+for|photo\s+session|"
    r"standing|seated|having a seat|who (?:shake|have|attend|pose|stand|sit|walk|greet)|"
    r"photo opportunity|family photo|facing (?:straight )?at a camera|behind the lectern)\b",
    re.IGNORECASE,
)
_CAPTION_PREFIX_RE = re.compile(r"^(?:\(?photo(?:graph)?s?\)?\s*[:.)-]\s*|\[photo\]\s*|"
                                r"image\s*:\s*|picture\s*:\s*)", re.IGNORECASE)
_SECTION_RE = re.compile(r"^(?:[A-Z][\w.'-]*(?:[ -][A-Z][\w.'-]*){0,6})\s+Relations$")
_BACK_TO_RE = re.compile(r"^(?:<<\s*)?Back to (?:the )?(?P<section>.+?)\s*(?:>>)?$")
_DATELINE_DATE_RE = re.compile(r"^(?:\(|published:?\s*|date:?\s*|dated:?\s*)?", re.IGNORECASE)

_POINT_RE = re.compile(
    r"^(?P<label>(?P<num>\d{1,2})[.)](?!\d)|\((?P<paren>\d{1,2})\)|\((?P<letter>[a-z])\)|"
    r"(?P<roman>\((?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\))|(?P<alpha>[a-z])[.)]|"
    r"(?P<sub>\d{1,2}\.\d{1,2})\.?|(?P<bullet>[•●▪◦*-])|(?P<bare>\d{1,2})(?=\s+[A-Z]))"
    r"\s+(?P<text>\S.*)$"
)


def is_date_line(text: str) -> bool:
    """Whether a header line is essentially a date ("May 3, 2023", "Published 3 May 2023")."""
    found = dates.find_dates(text)
    if not found:
        return False
    rest = text[:found[0].start] + text[found[0].end:]
    rest = re.sub(r"(?i)\b(?:published|updated|date|dated|press release|news release|"
                  r"media release|statement|release|readout|no\.|number)\b", " ", rest)
    rest = re.sub(r"[\s,.:;()|/\u2013\u2014-]+", " ", rest).strip()
    if _HEADLINE_VERB_RE.search(rest):
        return False  # "Foreign Secretary meets Peruvian Foreign Minister: 3 June 2025"
    return len(rest.split()) <= 6 and found[0].year is not None


_HEADLINE_VERB_RE = re.compile(r"\b(?:meets?|met|holds?|held|calls?|talks?|visits?|speaks?|"
                               r"spoke|receives?|hosts?|welcomes?)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Point:
    text: str
    label: str
    level: int
    start: int
    end: int


def _level(m: re.Match[str], indent: bool, seen_paren: bool) -> int:
    if m.group("num") or m.group("bullet") or m.group("bare"):
        return 1 if (m.group("bullet") and indent) else 0
    if m.group("paren"):
        return 1
    if m.group("sub"):
        return 1
    return 2 if seen_paren else 1


def find_points(text: str, lines: list[Line], first: int) -> tuple[list[Point], int | None]:
    """Numbered points from line index ``first`` on, and the index of the first one.

    Unnumbered lines between points continue the point before them; a point whose
    text is a short heading ("1. Summit meeting") keeps the paragraph after it.
    """
    points: list[Point] = []
    first_index: int | None = None
    seen_paren = False
    for index in range(first, len(lines)):
        line = lines[index]
        if line.blank:
            continue
        m = _POINT_RE.match(line.text)
        if m and m.group("bullet") and not points and len(line.text) < 40:
            m = None
        if m and (m.group("num") or m.group("bare")) and int(
                m.group("num") or m.group("bare")) > 30:
            m = None
        if m and m.group("bare") and is_date_line(line.text):
            m = None  # "3 May 2023" is a date, not point 3
        if m:
            level = _level(m, text[line.start - 1: line.start] == " ", seen_paren)
            if m.group("paren"):
                seen_paren = True
            elif m.group("num") or m.group("bare"):
                seen_paren = False
            label = m.group("label")
            points.append(Point(m.group("text").strip(), label, level,
                                line.start + m.start("text"), line.end))
            if first_index is None:
                first_index = index
            continue
        if not points:
            continue
        if _BACK_TO_RE.match(line.text) or _BOILERPLATE_RE.match(line.text) or is_date_line(
                line.text) or len(line.text) < 25 and not line.text.endswith("."):
            break
        previous = points[-1]
        joiner = "\n" if not previous.text.endswith((".", ":")) or len(previous.text) < 60 else " "
        points[-1] = Point(previous.text + joiner + line.text, previous.label, previous.level,
                           previous.start, line.end)
    return points, first_index


def is_boilerplate(text: str) -> bool:
    """Whether a line is page furniture (menus, "Press release", share links)."""
    return bool(_BOILERPLATE_RE.match(text)) or len(text) <= 2


def is_caption(text: str) -> bool:
    """Whether a header line describes a photo."""
    return bool(_CAPTION_RE.search(text)) and not text.endswith(":")


def caption_text(text: str) -> str:
    """A caption without its "Photo:" prefix."""
    return _CAPTION_PREFIX_RE.sub("", text).strip()


def looks_like_title(text: str) -> bool:
    """Whether a header line reads as a readout's title."""
    words = text.split()
    if not 2 <= len(words) <= 40 or text.endswith((":", ";", ",")):
        return False
    if text.endswith(".") and len(words) > 14:
        return False
    return bool(_TITLE_WORDS_RE.search(text))


def section_of_line(text: str) -> str | None:
    """The section a line names ("Japan-Peru Relations", "Back to Japan-Peru Relations")."""
    m = _BACK_TO_RE.match(text)
    if m and _SECTION_RE.match(m.group("section")):
        return m.group("section")
    if _SECTION_RE.match(text):
        return text
    return None
