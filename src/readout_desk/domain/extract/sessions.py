"""The sessions a readout describes and their timing as printed.

Each session is introduced by a kind ("held a small group meeting", "followed by a
working lunch", "held the Japan-India Foreign Ministers' Strategic Dialogue"). The text
from one introduction to the next is that session's segment; its start time, hedge,
zone label, printed second time and duration are read from the segment, and what comes
before the first introduction ("On March 30, commencing at 8:30 a.m. ... held a ...")
belongs to the first session.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from readout_desk.domain.extract import clock, dates
from readout_desk.domain.extract import kinds as kinds_mod

_MODIFIER = (
    r"(?:(?-i:[A-Z][\w'.-]*)|\d+(?:st|nd|rd|th)|bilateral|trilateral|brief|short|productive|"
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|official|informal|"
    r"separate|joint|extended|further|constructive|(?-i:of)|"
    r"warm|cordial|substantive|annual|introductory|candid|fruitful|friendly|"
    r"(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)-(?:minute|hour)|leaders'|ministers'|foreign)"
)
_HELD_TALKS_RE = re.compile(
    r"\b(?:held|holds|hold|had|has)\s+(?P<mods>(?:(?:bilateral|summit|telephone|phone|"
    r"trilateral|official|informal|restricted|expanded|online|[a-z]{3,12}-(?:level|format))\s+)?)"
    r"(?P<kind>talks|consultations)\b", re.IGNORECASE)
_MET_RE = re.compile(
    r"\b(?P<verb>met|meets|meet|meeting|spoke|speaks|talked|talks|received|receives|"
    r"called\s+on|calls\s+on)\b(?P<how>[^.;]{0,80}?\b(?:by|over\s+the|on\s+the|via|in\s+a)\s+"
    r"(?P<medium>tele)?(?P<phone>phone|telephone)?(?P<video>video(?:\s?conference)?|"
    r"videoconference|virtually|online)?\b)?",
    re.IGNORECASE,
)
_LASTED_RE = re.compile(
    r"\b(?P<kind>meeting|talk|talks|call|conversation|conference|lunch|dinner|dialogue|"
    r"discussion|session|breakfast|luncheon)\s+(?:lasted|went\s+on|ran|continued)\s+"
    r"(?:for\s+)?", re.IGNORECASE)


KINDS = kinds_mod.load_kinds()


@functools.lru_cache(maxsize=8)
def _patterns(kinds: kinds_mod.KindList) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The introduction of a session ("held a small group meeting") and the passive
    ("the consultations were held"), for the kinds of ``kinds``."""
    intro = re.compile(
        r"(?:(?P<verb>\b(?:held|holds|hold|holding|had|has|have|having|hosted|hosts|host|"
        r"attended|attends|attend|joined|joins|followed\s+by|and|then|also|paid)\s+)"
        r"(?P<article>an?|the|their|a\s+further)\s+|(?P<art2>\b(?:an?)\s+))"
        r"(?P<mods>(?:" + _MODIFIER + r"\s+){0,7}?)"
        r"(?P<kind>" + kinds.alternation + r")\b",
        re.IGNORECASE,
    )
    was_held = re.compile(
        r"(?P<kind>\b(?:" + kinds.alternation + r"))\s+(?:was|were)\s+(?:held|conducted)\b",
        re.IGNORECASE)
    return intro, was_held


@dataclass(frozen=True)
class Intro:
    kind: str
    start: int
    end: int
    kind_start: int


def canonical_kind(text: str, kinds: kinds_mod.KindList = KINDS) -> str:
    """The session kind as the record keeps it ("Videoconference" -> "video conference")."""
    return kinds.canonical(text)


def find_intros(text: str, start: int, end: int, kinds: kinds_mod.KindList = KINDS
                ) -> list[Intro]:
    """Each place where a session is introduced in ``text[start:end]``."""
    intros: list[Intro] = []
    intro_re, was_held_re = _patterns(kinds)
    for m in intro_re.finditer(text, start, end):
        article = (m.group("article") or m.group("art2") or "").lower()
        verb = " ".join((m.group("verb") or "").lower().split())
        if article in ("the", "their") and verb in ("and", "then", "also", "", "attend",
                                                     "attended", "attends", "joined", "joins"):
            continue
        before = text[max(start, m.start() - 14):m.start()].lower().split()
        if before and before[-1] in ("including", "over", "during", "at", "of", "after",
                                     "before", "to", "on", "about"):
            continue
        kind_text = m.group("kind")
        # "a summary of the meeting" never matches (no article before the kind); "a call for"
        # and "a meeting of minds" are phrases, not sessions.
        after = text[m.end("kind"):m.end("kind") + 12].lower()
        if kind_text.lower() == "call" and after.startswith((" for", " to ")):
            continue
        if kind_text.lower() in ("dialogue", "discussion", "conversation", "talks") and \
                not verb and not m.group("mods"):
            continue
        mods = m.group("mods") or ""
        kind = kinds.canonical(kind_text)
        lowered_mods = mods.lower()
        if kind == "meeting" and "summit" in lowered_mods.split():
            kind = "summit meeting"
        if kind in ("meeting", "call", "talks") and "telephone" in lowered_mods:
            kind = "telephone " + ("talk" if kind == "talks" else kind)
        if kind == "meeting" and "video" in lowered_mods:
            kind = "video conference"
        intros.append(Intro(kind, m.start(), m.end(), m.start("kind")))
    for m in _HELD_TALKS_RE.finditer(text, start, end):
        if any(i.start <= m.start() < i.end for i in intros):
            continue
        mods = (m.group("mods") or "").strip().lower()
        kind = kinds.canonical(f"{mods} {m.group('kind')}".strip())
        intros.append(Intro(kind, m.start(), m.end(), m.start("kind")))
    for m in was_held_re.finditer(text, start, end):
        if any(i.start <= m.start("kind") < i.end for i in intros):
            continue
        intros.append(Intro(kinds.canonical(m.group("kind")), m.start(), m.end(),
                            m.start("kind")))
    intros.sort(key=lambda i: i.start)
    return intros


def find_named_kind(text: str, start: int, end: int, kinds: kinds_mod.KindList = KINDS
                    ) -> str | None:
    """The kind a later sentence gives a meeting told by its verb: "Their talks began at
    14:30", "The call lasted half an hour", "The talks, which began shortly after 10.30,"."""
    named = _named_pattern(kinds).search(text, start, end)
    return kinds.canonical(named.group("kind")) if named else None


@functools.lru_cache(maxsize=8)
def _named_pattern(kinds: kinds_mod.KindList) -> re.Pattern[str]:
    return re.compile(r"\b(?:[Tt]heir|The|the)\s+(?P<kind>" + kinds.alternation + r")"
                      r"(?:,\s{1,3}which)?\s+"
                      r"(?:began|begun|started|lasted|took\s+place|went\s+on|ran)\b",
                      re.IGNORECASE)


def find_met(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """A meeting told by its verb ("met today with", "spoke by telephone with"): its kind."""
    m = _MET_RE.search(text, start, end)
    if not m:
        return None
    if m.group("phone"):
        return "telephone call", m.start(), m.end()
    if m.group("video"):
        return "video conference", m.start(), m.end()
    return "meeting", m.start(), m.end("verb")


@dataclass(frozen=True)
class Timing:
    """What a segment says about a session's time."""

    start: dt.time | None = None
    start_span: tuple[int, int] | None = None
    hedge: str = ""
    label: str = ""
    day: dates.FoundDate | dates.RelativeDate | None = None
    end: dt.time | None = None
    other_time: dt.time | None = None
    other_label: str = ""
    other_text: str = ""
    other_day: dates.FoundDate | None = None
    other_offset: int | None = None  # "on the following day": +1
    other_span: tuple[int, int] | None = None
    duration: int | None = None
    duration_hedge: str = ""
    duration_span: tuple[int, int] | None = None
    unread: str = ""  # a printed time in brackets that could not be read


#: A bracket after a time; a weekday may nest in it: "(local time; 9:30 p.m. (Thursday) JST)".
_PAREN_RE = re.compile(r"\s*[(\[](?P<inside>(?:[^()\[\]]|\((?:Mon|Tues|Wednes|Thurs|Fri|Satur|"
                       r"Sun)day\)){1,160})[)\]]")
_BARE_LABEL_RE = re.compile(r"\s*,?\s*(?P<label>" + clock.LABEL + r")")
_RANGE_RE = re.compile(r"\s*(?:to|until|till|-|and)\s+", re.IGNORECASE)


def _label_in(text: str) -> str:
    m = clock.LABEL_RE.search(text)
    if m and clock.label_is_plausible(m.group(0)):
        return clock.clean_label(m.group(0))
    return ""


def _read_paren(text: str, pos: int, segment_end: int, timing: dict[str, object]) -> int:
    """Read "(local time; 11:10 p.m. on May 3 JST)" after position ``pos``."""
    m = _PAREN_RE.match(text, pos, segment_end)
    if not m:
        bare = _BARE_LABEL_RE.match(text, pos, segment_end)
        if bare and clock.label_is_plausible(bare.group("label")):
            timing["label"] = clock.clean_label(bare.group("label"))
            # "6:40 p.m. local time (6:40 a.m. on November 18, Japan time)": the label
            # outside, the second time in the brackets after it.
            if _PAREN_RE.match(text, bare.end(), segment_end):
                return _read_paren(text, bare.end(), segment_end, timing)
            return bare.end()
        return pos
    inside = m.group("inside")
    base = m.start("inside")
    clocks = clock.find_clocks(text, base, m.end("inside"))
    if not clocks:
        label = _label_in(inside)
        if label:
            timing["label"] = label
            # "3:10 p.m. (local time) (11:10 p.m., Japan time)": a second bracket follows.
            if _PAREN_RE.match(text, m.end(), segment_end):
                return _read_paren(text, m.end(), segment_end, timing)
        if _LOOKS_LIKE_TIME_RE.search(inside):
            timing["unread"] = inside.strip()  # "(2:6O p.m. JST)": said, not readable
        return m.end() if label or timing.get("unread") else pos
    first_clock = clocks[0]
    before = text[base:first_clock.start]
    label_before = _label_in(before)
    other_label = ""
    other_start = first_clock.start
    if label_before and re.search(re.escape(label_before) + r"\s*[:,]\s*$", before) and \
            ";" not in before:
        # "(Japan time: 11:10 p.m., May 3)": the label belongs to the second time.
        other_label = label_before
        other_start = base + before.index(label_before.split()[0])
    elif label_before:
        timing["label"] = label_before
    after = text[first_clock.end:m.end("inside")]
    other_label = other_label or _label_in(after) or _city_label(after)
    relative = _RELATIVE_DAY_RE.search(after)
    if relative:
        word = relative.group(0).lower()
        timing["other_offset"] = (1 if ("following" in word or "next" in word) else
                                  -1 if ("previous" in word or "before" in word) else 0)
    found_days = dates.find_dates(text, first_clock.start, m.end("inside"))
    timing["other_time"] = first_clock.time
    timing["other_label"] = other_label
    timing["other_text"] = text[other_start:m.end("inside")].strip(" ;,")
    timing["other_day"] = found_days[0] if found_days else None
    timing["other_span"] = (other_start, m.end("inside"))
    return m.end()


_LOOKS_LIKE_TIME_RE = re.compile(
    r"(?<!\d)\d{1,2}\s?(?:[ap]\.?\s?m\b|:\s?\S{2}|\.\s?\S{2}\s?[ap]\.?\s?m\b)",
    re.IGNORECASE)
_IN_CITY_RE = re.compile(r"^\s*,?\s*in\s+(?P<city>[A-Z][\w'-]*(?:\s[A-Z][\w'-]*)?)")


def _city_label(after: str) -> str:
    """"(Ottawa time; 11:00 p.m. in Tokyo)": the city names the second time's zone."""
    m = _IN_CITY_RE.match(after)
    return f"{m.group('city')} time" if m else ""


_ON_DAY_RE = re.compile(r"\s*,?\s*on\s+(?:the\s+)?", re.IGNORECASE)
_RELATIVE_DAY_RE = re.compile(
    r"\b(?:the\s+)?(?:same|following|next|previous)\s+day\b|\bthe\s+day\s+before\b",
    re.IGNORECASE)


def read_timing(text: str, start: int, end: int, prefer_after: int | None = None) -> Timing:
    """The timing stated in ``text[start:end]``; clocks after ``prefer_after`` come first."""
    values: dict[str, object] = {}
    clocks = clock.find_clocks(text, start, end)
    if prefer_after is not None:
        clocks = ([c for c in clocks if c.start >= prefer_after]
                  + [c for c in clocks if c.start < prefer_after])
    consumed: set[int] = set()
    for c in clocks:
        if c.start in consumed:
            continue
        values["start"] = c.time
        values["start_span"] = (c.start, c.end)
        values["hedge"] = clock.hedge_before(text, c.start)
        pos = c.end
        # "9:10 a.m. on May 4 (local time)": the day right after the time.
        on_day = _ON_DAY_RE.match(text, pos, end)
        after_day = dates.find_dates(text, on_day.end(), min(end, on_day.end() + 25)) \
            if on_day else []
        if on_day and after_day and after_day[0].start == on_day.end():
            values["day"] = after_day[0]
            pos = after_day[0].end
        pos = _read_paren(text, pos, end, values)
        for other in clocks:
            if c.end <= other.start < pos:
                consumed.add(other.start)
        # "from 10:00 to 11:30", "10:00-11:30"
        rng = _RANGE_RE.match(text, pos, end)
        if rng:
            follow = [o for o in clocks if o.start == rng.end()]
            if follow:
                values["end"] = follow[0].time
                first_time = c.time
                # "from 3:00 to 4:30 p.m.": the a.m./p.m. of the end covers the start.
                if (not re.search(r"[aApP]\.?\s?[mM]", c.text) and
                        re.search(r"[pP]\.?\s?[mM]", follow[0].text) and
                        first_time.hour < 12 and first_time.hour + 12 <= follow[0].time.hour):
                    values["start"] = first_time.replace(hour=first_time.hour + 12)
                consumed.add(follow[0].start)
                pos = _read_paren(text, follow[0].end, end, values)
        days = dates.find_dates(text, start, c.start)
        if "day" in values:
            pass
        elif days:
            values["day"] = days[-1]
        else:
            rel = dates.find_relative(text, start, c.start)
            if rel:
                values["day"] = rel[-1]
        break
    for d in clock.find_durations(text, start, end):
        span = values.get("start_span")
        if isinstance(span, tuple) and span[0] <= d.start < span[1]:
            continue
        values["duration"] = d.minutes
        values["duration_hedge"] = d.hedge
        values["duration_span"] = (d.start, d.end)
        if values.get("start") is not None:
            # After the duration: "for about 20 minutes (Japan time)", or the second time
            # "for approximately 30 minutes (11:25 p.m. on the same day, Japan time)".
            after: dict[str, object] = {}
            _read_paren(text, d.end, end, after)
            if after.get("label") and not values.get("label"):
                values["label"] = after["label"]
            if after.get("other_time") is not None and values.get("other_time") is None:
                for key in ("other_time", "other_label", "other_text", "other_day",
                            "other_span", "other_offset"):
                    if key in after:
                        values[key] = after[key]
        break
    if "duration" not in values and values.get("start") is not None and values.get("end"):
        s = values["start"]
        e = values["end"]
        assert isinstance(s, dt.time) and isinstance(e, dt.time)
        minutes = (e.hour * 60 + e.minute) - (s.hour * 60 + s.minute)
        if minutes <= 0:
            minutes += 24 * 60
        values["duration"] = minutes
    return Timing(**values)  # type: ignore[arg-type]


def find_lasted(text: str, start: int, end: int) -> list[tuple[str, clock.Duration]]:
    """"The meeting lasted about 10 minutes": (kind word, duration) pairs."""
    out = []
    for m in _LASTED_RE.finditer(text, start, end):
        found = clock.find_durations(text, m.end(), min(end, m.end() + 60))
        if found and found[0].start - m.end() < 3:
            out.append((m.group("kind").lower(), found[0]))
    return out
