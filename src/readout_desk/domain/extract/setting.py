"""How and where the meeting took place: its sessions' kinds, its mode, its place and zones.

The place-and-zone phase of extraction. :func:`read_setting` lists the sessions the opening
introduces ("held a small group meeting, followed by a working lunch"), tells the mode (in
person, by telephone, by video), keeps the place for a meeting in person, and names the
zones a printed time may be in: the place's, and the first participant's country's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from readout_desk.domain.extract import countries, places, sessions
from readout_desk.domain.extract.heading import Dateline
from readout_desk.domain.extract.kinds import KindList
from readout_desk.domain.extract.layout import Opening
from readout_desk.domain.records import Mode, Participant, Place

Span = tuple[int, int]


@dataclass(frozen=True)
class SessionIntro:
    """A session as the text introduces it: its kind, where its segment starts, and where
    the kind is written."""

    kind: str
    start: int
    kind_at: int


@dataclass(frozen=True)
class Setting:
    """The sessions introduced, the mode, the place, and the zones times may be in."""

    intros: tuple[SessionIntro, ...]
    mode: Mode
    place: Place | None
    home_zone: str | None  # the first participant's country's zone
    spans: dict[str, Span] = field(default_factory=dict)

    @property
    def place_zone(self) -> str | None:
        """The zone of the place, which "local time" means."""
        return self.place.zone if self.place else None


def read_setting(text: str, opening: Opening, title: str, place: places.FoundPlace | None,
                 occasion: places.FoundOccasion | None, dateline: Dateline | None,
                 participants: tuple[Participant, ...],
                 kinds: KindList = sessions.KINDS) -> Setting:
    """Sessions, mode, place and zones told by the opening paragraph."""
    intros = find_session_intros(text, opening, title, bool(place or occasion), kinds)
    lead_lower = text[opening.lead_start:opening.lead_end].lower()
    first_kind = intros[0].kind if intros else ""
    mode = read_mode(first_kind, lead_lower)
    spans: dict[str, Span] = {}
    if intros:
        spans["mode"] = (intros[0].kind_at, intros[0].kind_at + len(first_kind))
    kept: Place | None = None
    if place and mode is Mode.IN_PERSON:
        kept = Place(city=place.city, country=place.country, zone=place.zone)
        spans["place"] = (place.start, place.end)
    elif mode is Mode.IN_PERSON and dateline and "today" in lead_lower:
        kept = Place(city=dateline[0], country=dateline[1], zone=dateline[2])
    home_zone: str | None = None
    if participants and participants[0].country:
        home_zone = countries.main_zone(participants[0].country)
    return Setting(tuple(intros), mode, kept, home_zone, spans)


def find_session_intros(text: str, opening: Opening, title: str,
                        placed: bool, kinds: KindList = sessions.KINDS) -> list[SessionIntro]:
    """Each session the opening introduces; a meeting told only by its verb ("met with",
    "spoke by telephone with") is one session. ``placed``: a place or an occasion is
    named, so people who "spoke" were together."""
    found = sessions.find_intros(text, opening.lead_start, opening.region_end, kinds)
    if found:
        return [SessionIntro(i.kind, i.start, i.kind_start) for i in found]
    met = sessions.find_met(text, opening.lead_start, opening.lead_end)
    if not met:
        return []
    kind = met[0]
    if kind == "meeting":
        kind = sessions.find_named_kind(text, opening.lead_start, opening.region_end,
                                        kinds) or kind
    verb = text[met[1]:met[2]].lower()
    # "spoke with" without saying how: a call, unless they were together.
    spoke = kind == "meeting" and verb.startswith(("spoke", "speaks", "talked"))
    if spoke and (re.search(r"\b(?:call|phone|telephone)\b", title, re.IGNORECASE)
                  or not placed):
        kind = "telephone call"
    return [SessionIntro(kind, met[1], met[1])]


def read_mode(first_kind: str, lead_lower: str) -> Mode:
    """In person, by telephone or by video: from the first session's kind, else the
    opening's words ("by telephone", "virtually")."""
    if any(w in first_kind for w in ("telephon", "phone", "call")) and first_kind != \
            "courtesy call":
        return Mode.TELEPHONE
    if any(w in first_kind for w in ("video", "virtual", "online")):
        return Mode.VIDEO
    if re.search(r"\b(?:by|over the|on the)\s+(?:tele)?phone\b", lead_lower):
        return Mode.TELEPHONE
    if re.search(r"\b(?:videoconference|video conference|virtually|video link)\b", lead_lower):
        return Mode.VIDEO
    return Mode.IN_PERSON
