"""Where a meeting took place, on what occasion, and which zone a label names."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from readout_desk.domain import geography, timing
from readout_desk.domain.extract import clock, countries, wordtables

_NAME = r"(?:[A-Z\u00c0-\u00d6\u00d8-\u00de]|d')[\w'-]*(?:\.[A-Z]\.?)*"
#: A capitalised place of up to six words, with the small words places carry ("Rio de
#: Janeiro", "Bosnia and Herzegovina", "Saint Vincent and the Grenadines", "Côte d'Ivoire").
CAP = _NAME + r"(?:\s+(?:(?:de|da|do|del|di|la|el|of|upon|am|an|sur|al|and|and\s+the)\s+)?" + \
    _NAME + r"){0,5}"

_VISIT_RE = re.compile(
    r"\b(?:visiting|visited|visit\s+to|visiting\s+to|arrived\s+in|travell?ing\s+to|"
    r"trip\s+to|stay\s+in|staying\s+in|tour\s+of)\s+(?:the\s+)?(?P<place>" + CAP + r")"
    r"(?:,\s+(?:the\s+)?(?P<country>" + CAP + r"))?"
)
_IN_RE = re.compile(
    r"\b(?:in|at)\s+(?P<the>the\s+)?(?P<place>" + CAP + r")(?:,\s+(?P<country>" + CAP + r"))?"
)
#: A building named before its city: "at the Ministry of Foreign Affairs, Bangkok".
_BUILDING_RE = re.compile(r"\b(?:Ministry|Building|Palace|House|Hall|Centre|Center|Hotel|"
                          r"Headquarters|Secretariat|Chancellery|Residence|Villa)\b")
# City-states and cities that share their country's name.
_CITY_STATES = frozenset({"SG", "LU", "MC", "VA", "KW", "DJ", "PA", "GT", "SM", "BH", "QA"})


#: Places the city list does not name, as readouts write them: a venue, a district, a
#: resort, a region with a zone of its own -> (city as kept, country, zone).
VENUES = wordtables.places("venues")
_VENUE_RE = re.compile(
    r"(?i:\b(?:" + "|".join(re.escape(v).replace(r"\ ", r"\s{1,3}") for v in
                           sorted(VENUES, key=len, reverse=True)) + r")\b)")


def venue(name: str) -> tuple[str, str, str] | None:
    """(city, country, zone) of a venue, district or resort the city list does not know."""
    return VENUES.get(" ".join(name.lower().replace("’", "'").split()).removeprefix("the "))


@dataclass(frozen=True)
class FoundPlace:
    city: str
    country: str | None
    zone: str | None
    start: int
    end: int


def _country_zone(zone: str, code: str) -> str:
    """The city list's zone, or the country's own when the rules list it under another
    (the city list files Hanoi under Asia/Bangkok; Viet Nam's zone is Asia/Ho_Chi_Minh)."""
    zones = geography.zones_for_country(code)
    return zones[0] if len(zones) == 1 and zone not in zones else zone


def _city_candidates(words: list[str]) -> list[str]:
    return [" ".join(words[:n]) for n in range(len(words), 0, -1)]


def _resolve(place: str, country_text: str | None, visiting: bool) -> tuple[str, str | None,
                                                                          str | None] | None:
    """(city, country, zone) for a place phrase, or ``None`` when it is no place."""
    country = countries.country_code(country_text) if country_text else None
    words = [w.rstrip(".,") if not re.fullmatch(r"(?:[A-Z]\.)+", w) else w
             for w in place.split()]
    place = " ".join(words)
    for candidate in _city_candidates(words):
        known = venue(candidate)
        if known and (country is None or known[1] == country):
            return known
    # "Washington, D.C." and "New York City" keep the name as printed.
    for candidate in _city_candidates(words):
        code = countries.country_code(candidate)
        if code:
            if code in _CITY_STATES:
                found = geography.find_city(candidate, code)
                if found:
                    return candidate, code, found[2]
            if visiting and candidate == place:
                return "", code, countries.main_zone(code)
            continue
        found = geography.find_city(candidate, country)
        if found is None:
            continue
        if country and found[1] != country:
            continue
        return candidate, found[1], _country_zone(found[2], found[1])
    if country and 1 <= len(words) <= 3 and not countries.country_code(place):
        # A town the city list does not know ("Davos, Switzerland"): the country's zone.
        return place, country, countries.main_zone(country)
    return None


def find_place(text: str, start: int, end: int) -> FoundPlace | None:
    """The meeting's place named in ``text[start:end]``: "visiting Lima, Peru", "in London"."""
    for m in _VISIT_RE.finditer(text, start, end):
        got = _resolve(m.group("place"), m.group("country"), True)
        if got and not got[0]:
            # "visiting Japan": a city or venue of that country named later refines it
            # ("at the Iikura Guest House in Minato-ku").
            within = _find_city(text, start, end)
            if within and within.country == got[1]:
                return within
        if got:
            return FoundPlace(got[0], got[1], got[2], m.start("place"), m.end())
    return _find_city(text, start, end)


def find_visit_before(text: str, start: int, end: int) -> FoundPlace | None:
    """The place of a visit told just before the opening ("From March 3 to 5, Ms. X
    visited Nairobi, the Republic of Kenya." then "1. On March 4, ... held a meeting"):
    the last visit named in ``text[start:end]``, refined by a city the same sentence names."""
    found = None
    for m in _VISIT_RE.finditer(text, start, end):
        got = _resolve(m.group("place"), m.group("country"), True)
        if got:
            found = FoundPlace(got[0], got[1], got[2], m.start("place"), m.end())
    return found


def _find_city(text: str, start: int, end: int) -> FoundPlace | None:
    """A city, venue, district or resort named with "in" or "at" (or alone)."""
    best: FoundPlace | None = None
    for m in _IN_RE.finditer(text, start, end):
        country_text = m.group("country")
        if country_text and not countries.country_code(country_text):
            # "at the Ministry of Foreign Affairs, Bangkok": the city after the building.
            city = _resolve(country_text, None, False) if m.group("the") and \
                _BUILDING_RE.search(m.group("place")) else None
            if city and city[0] and not _resolve(m.group("place"), None, False):
                return FoundPlace(city[0], city[1], city[2], m.start("country"),
                                  m.end("country"))
            country_text = None
        got = _resolve(m.group("place"), country_text, False)
        if got and m.group("the") and len(got[0].split()) < 2 and \
                not _VENUE_RE.match(m.group("place")):
            continue  # "at the Federal Foreign Office" is no town called Federal
        if got and got[0]:
            stop = m.end() if m.group("country") and country_text else m.end("place")
            found = FoundPlace(got[0], got[1], got[2], m.start("place"), stop)
            if country_text:
                return found
            best = best or found
    if best is None:
        # "held a meeting at the United Nations Headquarters": a venue names the city.
        at = _VENUE_RE.search(text, start, end)
        known = venue(at.group(0)) if at else None
        if at and known:
            return FoundPlace(known[0], known[1], known[2], at.start(), at.end())
    return best


def find_place_in_line(text: str) -> tuple[str, str | None, str | None] | None:
    """A city named in a dateline or signature line ("Ottawa, Ontario", "(Paris, ...)")."""
    for part in re.split(r"[,()\-|/\u2014]+", text):
        part = part.strip()
        if not part or not part[0].isupper() or len(part.split()) > 4:
            continue
        if countries.country_code(part):
            continue
        found = geography.find_city(part)
        if found:
            return part, found[1], _country_zone(found[2], found[1])
    return None


_EVENT_WORDS = re.compile(
    r"\b(?:Summit|Assembly|Meeting|Meetings|Conference|Forum|Ministerial|Dialogue|Week|"
    r"Session|Council|Expo|Games|Olympics|Congress|COP\d*|G7|G20|APEC|ASEAN|Talks|"
    r"Festival|Ceremony|Funeral|Inauguration|Coronation|Symposium|Gathering|Retreat)\b")
_OCCASION_RE = re.compile(
    r"\b(?P<lead>to\s+attend|attending|on\s+the\s+(?:margins|sidelines)\s+of|"
    r"in\s+the\s+margins\s+of|at\s+the\s+margins\s+of|on\s+the\s+occasion\s+of|"
    r"while\s+attending|for\s+the|during|at)\s+(?:the\s+)?"
    r"(?P<event>(?:\d{1,3}(?:st|nd|rd|th)\s+)?[A-Z0-9][\w'.-]*"
    r"(?:\s+(?:(?:of|the|and|for|on|de|to)\s+){0,2}[A-Z0-9][\w'.-]*){0,10})"
)


@dataclass(frozen=True)
class FoundOccasion:
    text: str
    start: int
    end: int


def find_occasion(text: str, start: int, end: int) -> FoundOccasion | None:
    """The occasion of the meeting ("to attend the United Nations General Assembly")."""
    for m in _OCCASION_RE.finditer(text, start, end):
        event = re.split(r"\.\s", m.group("event"), maxsplit=1)[0].rstrip(".,")
        lead = " ".join(m.group("lead").split()).lower()
        strong = lead not in ("during", "at", "for the")
        if not _EVENT_WORDS.search(event) and not (strong and len(event.split()) >= 2):
            continue
        if lead in ("at", "for the") and not _EVENT_WORDS.search(event.split()[-1]):
            continue
        return FoundOccasion(event, m.start("event"), m.start("event") + len(event))
    return None


_LONG_NAMES = wordtables.lookup("zone_names")  # "Japan Standard Time", in lower case


_CENTRAL_EUROPE = ("CET", "CEST")


def same_offset(zone: str, other: str, day: dt.date) -> bool:
    """Whether two zones keep the same offset from UTC at noon on ``day`` ("ICT" names
    Asia/Bangkok; in Hanoi, on Asia/Ho_Chi_Minh, it is the same time); ``False`` when
    either zone is unknown."""
    wall = dt.datetime.combine(day, dt.time(12))
    try:
        return timing.resolve(wall, zone, 0).utcoffset() == \
            timing.resolve(wall, other, 0).utcoffset()
    except timing.TimingError:
        return False



def zone_for_label(label: str, place_zone: str | None, when: dt.date | None) -> str | None:
    """The IANA zone a printed label names: "local time" -> the place's zone, "Japan time"
    -> Asia/Tokyo, "France time" -> Europe/Paris, "JST", "Paris time", "CEST"."""
    text = " ".join(label.split())
    lowered = text.lower()
    if not text or lowered == "local time":
        return place_zone
    if lowered in _LONG_NAMES:
        return _LONG_NAMES[lowered]
    if text in clock.ABBREVIATIONS:
        used = timing.abbreviation_on(place_zone, when) if place_zone and when else None
        if used == text or (text in _CENTRAL_EUROPE and used in _CENTRAL_EUROPE):
            return place_zone
        named = clock.ABBREVIATIONS[text]
        if place_zone and when and same_offset(named, place_zone, when):
            return place_zone  # "ICT" in Hanoi: the rules print "+07" there, the same time
        return named
    name = re.sub(r"\s+(?:standard\s+)?time$", "", text, flags=re.IGNORECASE).strip()
    if not name:
        return None
    code = countries.country_code(name) or countries.demonym_code(name)
    if code:
        return countries.main_zone(code)
    found = geography.find_city(name)
    return found[2] if found else None
