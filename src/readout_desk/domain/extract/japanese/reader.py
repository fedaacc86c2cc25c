"""Read a Japanese readout: heading, opening sentence, people, place, sessions, points.

The ministry's Japanese pages print, line by line: the section (a country's official
name, sometimes absent; a press release's ``報道発表`` says what the page is, not where it
is filed, and is skipped), the title, the date line (``令和7年6月5日`` or ``2025年6月5日``),
then the opening paragraph that states the meeting, then numbered points (``1　…``, with
sub-points ``（1）…``). The printed times are checked against the zone rules by the same
cross-check as the English reader's.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from readout_desk.domain import scripts
from readout_desk.domain.extract import countries
from readout_desk.domain.extract import topics as topicmod
from readout_desk.domain.extract.extractor import Draft
from readout_desk.domain.extract.japanese import jclock, jpeople, jsessions, lexicon
from readout_desk.domain.extract.schedule import cross_check
from readout_desk.domain.extract.text import PreparedText
from readout_desk.domain.messages import Message
from readout_desk.domain.records import Mode, Place, Readout, SummaryPoint

Span = tuple[int, int]
#: How far into the text the heading and the opening paragraph are looked for.
HEAD_LINES = 12
MAX_LEAD = 3000
_POINT_RE = re.compile(r"[ 　]*(\d{1,2})[ 　]+(\S.*)")
_SUB_POINT_RE = re.compile(r"[ 　]*[（(](\d{1,2})[）)][ 　]*(\S.*)")
_AT_RE = re.compile("([^、。\\s（）]{1,30}?)(?:において|にて)")
_VISIT_RE = re.compile("([^、。\\s（）]{1,40}?)(?:を訪問中|に出張中|出張中|に滞在中|滞在中)")
_CJK_COMMA_RE = re.compile(f"(?<=[{scripts.CJK}0-9])[,，]|，")
_HALF_PARENS = str.maketrans({"(": "（", ")": "）"})
_OCCASION_RE = re.compile("([^、。\\s（）]{2,30}?)に?(?:出席|参加)(?:のため|するため|中の)"
                          "|([^、。\\s（）]{2,30}?)の機会に")


@dataclass
class Lines:
    """The heading's lines and the opening paragraph, with offsets."""

    section: Span | None = None
    title: Span | None = None
    date: Span | None = None
    published: dt.date | None = None
    lead: Span = (0, 0)
    spans: dict[str, Span] = field(default_factory=dict)


def _lines(text: str) -> list[Span]:
    spans: list[Span] = []
    at = 0
    for line in text.split("\n"):
        stripped = line.strip(" 　\t\r")
        if stripped:
            begin = at + line.index(stripped)
            spans.append((begin, begin + len(stripped)))
        at += len(line) + 1
    return spans


def read_heading(text: str, lines: list[Span]) -> Lines:
    """Section, title, date line and opening paragraph among the first lines."""
    found = Lines()
    head = lines[:HEAD_LINES]
    date_at = -1
    for k, (a, b) in enumerate(head):
        m = jclock.DATE_LINE_RE.fullmatch(jclock.digits(text[a:b]))
        if m:
            date_at, found.date, found.published = k, (a, b), jclock.date_line(m)
            break
    lead_at = next((k for k, (a, b) in enumerate(head) if k > date_at and
                    ("から" in text[a:b] or "概要" in text[a:b] or "は、" in text[a:b])),
                   date_at + 1)
    before = head[:date_at] if date_at >= 0 else head[:max(lead_at, 0)]
    # A page's kind (報道発表) heads it where a country's page prints the country.
    kept = [(a, b) for a, b in before if text[a:b] not in lexicon.PAGE_HEADINGS]
    after_page_heading, before = len(kept) < len(before), kept
    if len(before) >= 2:
        found.section, found.title = before[-2], before[-1]
    elif len(before) == 1:
        a, b = before[0]
        if after_page_heading or lexicon.KIND_RE.search(text, a, b):
            found.title = before[0]
        else:
            found.section = before[0]
    if lead_at < len(lines):
        a, b = lines[lead_at]
        found.lead = (a, min(b, a + MAX_LEAD))
    for key, span in (("section", found.section), ("title", found.title),
                      ("published_date", found.date)):
        if span:
            found.spans[key] = span
    return found


def read_points(text: str, lines: list[Span], after: int) -> tuple[list[SummaryPoint],
                                                                      dict[str, Span]]:
    """The numbered points after the opening paragraph: ``1　…`` and ``（1）…``.

    A paragraph without a number continues the point before it: the text under a heading
    (``2　ワーキング・ランチ`` and its paragraph) or a point's next paragraph, each on a
    line of its own, and the rest of a sentence broken over two lines, joined as it was
    written. What follows the points without a number and without a sentence's end
    (``関連リンク``, a country's page name) ends them."""
    points: list[SummaryPoint] = []
    spans: dict[str, Span] = {}
    for a, b in lines:
        if a < after:
            continue
        line = jclock.digits(text[a:b])
        top = _POINT_RE.fullmatch(line)
        sub = None if top else _SUB_POINT_RE.fullmatch(line)
        m = top or sub
        if m is None:
            if not points:
                continue
            more = line.strip(" \u3000")
            if len(more) < _SHORTEST_PARAGRAPH and not more.endswith(_SENTENCE_ENDS):
                break
            key = f"points[{len(points) - 1}]"
            before = points[-1].text
            heading = len(before) < _SHORTEST_PARAGRAPH and not before.endswith(_SENTENCE_ENDS)
            joiner = "\n" if heading or before.endswith(_SENTENCE_ENDS) else ""
            points[-1] = replace(points[-1], text=before + joiner + more)
            spans[key] = (spans[key][0], b)
            continue
        label = m.group(1) if top else f"({m.group(1)})"
        spans[f"points[{len(points)}]"] = (a, b)
        points.append(SummaryPoint(text=m.group(2).strip(), label=label,
                                   level=0 if top else 1))
    return points, spans


#: A line this short without a sentence's end is a heading, or the page after the points.
_SHORTEST_PARAGRAPH = 25
_SENTENCE_ENDS = ("。", "」", "）", ".")


def find_place(text: str, a: int, b: int, remote: bool) -> tuple[Place | None, str, Span | None]:
    """The place of an in-person meeting, the city as printed, and its span."""
    if remote:
        return None, "", None
    for pattern in (_AT_RE, _VISIT_RE):
        for m in pattern.finditer(text, a, b):
            city = lexicon.CITY_RE.search(m.group(1))
            if city:
                english, code, zone = lexicon.CITIES[city.group()]
                start = m.start(1) + city.start()
                return (Place(city=english, country=code, zone=zone), city.group(),
                        (start, start + len(city.group())))
    for m in _VISIT_RE.finditer(text, a, b):
        visited = next((c for name, c in lexicon.COUNTRIES.items()
                        if m.group(1).endswith(name)), None)
        if visited and visited != "JP":
            return Place(country=visited, zone=countries.main_zone(visited)), "", m.span(1)
    english, code, zone = lexicon.CITIES["東京"]
    return Place(city=english, country=code, zone=zone), "東京", None


def find_topics(text: str, a: int, topic_file: Path | None) -> tuple[list[str], dict[str, Span]]:
    """Topics named from the opening paragraph on, by their Japanese words (and the
    user's own list, by its words), first mention first."""
    first: dict[str, Span] = {}
    for name, words in lexicon.TOPICS.items():
        for word in words:
            at = text.find(word, a)
            if at >= 0 and (name not in first or at < first[name][0]):
                first[name] = (at, at + len(word))
    if topic_file is not None:
        for topic in topicmod.find_topics(text, topicmod.load_topics(topic_file), a):
            first.setdefault(topic.name, (topic.start, topic.end))
    ordered = sorted(first.items(), key=lambda item: item[1][0])
    names = [name for name, _ in ordered]
    return names, {f"topics[{k}]": span for k, (_, span) in enumerate(ordered)}


def _sessions_end(text: str, lines: list[Span], lead_end: int) -> int:
    """Where the sentences that state sessions end: the opening paragraph, and a paragraph
    right after it that states one more (``翌20日午前8時から約45分間、…を行いました``)."""
    end = lead_end
    for a, b in lines:
        if a <= lead_end:
            continue
        words = jclock.digits(text[a:b])
        if (_POINT_RE.fullmatch(words) or _SUB_POINT_RE.fullmatch(words)
                or "から" not in words or not lexicon.KIND_RE.search(words)):
            break
        end = min(b, a + MAX_LEAD)
    return end


def _mode(kinds: list[str]) -> Mode:
    if any(k.endswith(lexicon.TELEPHONE_KINDS) for k in kinds):
        return Mode.TELEPHONE
    if any(k.endswith(lexicon.VIDEO_KINDS) for k in kinds):
        return Mode.VIDEO
    return Mode.IN_PERSON


def working_text(text: str) -> str:
    """``text`` with the commas of older pages (``,`` ``，`` after kanji or kana) as ``、``
    and half-width parentheses as full-width: one character for one, so offsets hold."""
    return _CJK_COMMA_RE.sub("、", text).translate(_HALF_PARENS)


def read(prepared: PreparedText, topic_file: Path | None = None,
         today: dt.date | None = None) -> Draft:
    """The draft of a Japanese readout."""
    printed = prepared.text
    text = working_text(printed)
    lines = _lines(text)
    head = read_heading(text, lines)
    lead_a, lead_b = head.lead
    base = head.published or today or dt.date.today()
    people = [*jpeople.japan_officials(text, lead_a, lead_b),
              *jpeople.foreign_people(text, lead_a, lead_b)]
    people += jpeople.unlatined_people(text, lead_a, lead_b, people)
    kinds_seen = [m.group() for m in lexicon.KIND_RE.finditer(text, lead_a, lead_b)]
    mode = _mode(kinds_seen)
    place, city_ja, place_span = find_place(text, lead_a, lead_b, mode != Mode.IN_PERSON)
    if place is not None and city_ja:
        place = replace(place, city_ja=city_ja)
    found = jsessions.read_sessions(text, lead_a, _sessions_end(text, lines, lead_b),
                                    jsessions.Zones(place.zone if place else None, base))
    points, point_spans = read_points(text, lines, lead_b)
    topics, topic_spans = find_topics(text, lead_a, topic_file)
    occasion = _OCCASION_RE.search(text, lead_a, lead_b)
    relation = ["JP", *(p.participant.country for p in people
                        if p.participant.country and p.participant.country != "JP")]
    first_start = next((s.start for s in found.sessions if s.start), None)
    meeting_day = first_start.date() if first_start else found.first_day or head.published
    spans = {**head.spans, **found.spans, **point_spans, **topic_spans}
    for k, person in enumerate(people):
        spans[f"participants[{k}]"] = (person.start, person.end)
    if place_span:
        spans["place"] = place_span
    if occasion:
        spans["occasion"] = occasion.span(1) if occasion.group(1) else occasion.span(2)
    if first_start and "sessions[0].start" in spans:
        spans["meeting_date"] = spans["sessions[0].start"]
    title = printed[slice(*head.title)] if head.title else ""
    proposed: tuple[str, ...] = ()
    notes: list[str] = [*prepared.notes, *found.notes]
    if not title and lead_b > lead_a:
        country_ja = next((p.country_ja for p in people if p.country_ja), "")
        kind = found.sessions[0].kind if found.sessions else "会談"
        offices = {p.participant.office for p in people}
        if kind == "会談":
            kind = "首脳会談" if "内閣総理大臣" in offices else "外相会談" \
                if "外務大臣" in offices else kind
        title = f"日・{country_ja}{kind}" if country_ja else kind
        proposed = ("title",)
        notes.append(Message("The text prints no title; \"{title}\" is proposed from the "
                             "country and the kind of meeting.", title=title))
    if head.published is None:
        notes.append(Message("No date line (令和7年6月5日 or 2025年6月5日) was found."))
    readout = Readout(
        title=title,
        section=printed[slice(*head.section)] if head.section else "",
        relation=tuple(dict.fromkeys(c for c in relation if c)),
        language="ja",
        published_date=head.published,
        meeting_date=meeting_day,
        mode=mode,
        place=place,
        occasion=(occasion.group(1) or occasion.group(2)) if occasion else "",
        lead=printed[lead_a:lead_b],
        participants=tuple(p.participant for p in people),
        sessions=tuple(found.sessions),
        points=tuple(points),
        topics=tuple(topics),
    )
    checks = tuple(cross_check(list(found.sessions)))
    return Draft(readout=readout, source=printed, spans=spans, checks=checks, notes=tuple(notes),
                 proposed=proposed, encoding=prepared.encoding, was_html=prepared.was_html)
