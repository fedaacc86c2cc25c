"""Who took part, and for which country.

The people phase of extraction. :func:`read_cast` finds the people named in the opening
paragraph (and the minister who signs a "Today I met ..." release), merges the mentions of
one person, tells each one's country (from the office, the pair in the title such as
"Japan-Peru", the publisher, the place) and lists the countries involved.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from readout_desk.domain import geography
from readout_desk.domain.extract import countries, people, places
from readout_desk.domain.extract.layout import Layout, Opening
from readout_desk.domain.records import NameOrder, Participant, Person

Span = tuple[int, int]

_PAIR_RE = re.compile(r"\b(?P<a>[A-Z][\w.]*)-(?P<b>[A-Z][\w.]*)(?P<b2>\s[A-Z][a-z]+)?")
_HOME_OFFICES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^Secretary$|(?:^|Deputy |Under |Assistant )Secretary of State$"), "US"),
    (re.compile(r"External Affairs|^EAM$"), "IN"),
    (re.compile(r"^Federal (?:Foreign )?Minister"), "DE"),
    (re.compile(r"^Foreign Secretary$"), "GB"),
    (re.compile(r"Europe and Foreign Affairs"), "FR"),
)
_PUBLISHERS: tuple[tuple[re.Pattern[str], str, str | None], ...] = (
    (re.compile(r"Ministry of Foreign Affairs of Japan|\bMOFA Japan\b"),
     "Ministry of Foreign Affairs of Japan", "JP"),
    (re.compile(r"Office of the Spokesperson|U\.S\. Department of State|"
                r"attributable to (?:State Department )?Spokesperson"),
     "U.S. Department of State", "US"),
    (re.compile(r"Foreign, Commonwealth (?:&|and) Development Office|\bFCDO\b"),
     "Foreign, Commonwealth & Development Office", "GB"),
    (re.compile(r"10 Downing Street|A Downing Street spokesperson"),
     "Prime Minister's Office, 10 Downing Street", "GB"),
    (re.compile(r"Ministry of External Affairs"), "Ministry of External Affairs, India", "IN"),
    (re.compile(r"Global Affairs Canada"), "Global Affairs Canada", "CA"),
    (re.compile(r"Federal Foreign Office|Auswärtiges Amt"), "Federal Foreign Office", "DE"),
    (re.compile(r"Ministry for Europe and Foreign Affairs|France Diplomacy"),
     "Ministry for Europe and Foreign Affairs", "FR"),
    (re.compile(r"Department of Foreign Affairs and Trade|\bDFAT\b"),
     "Department of Foreign Affairs and Trade", "AU"),
    (re.compile(r"Ministry of Foreign Affairs of the Republic of Korea|MOFA Korea"),
     "Ministry of Foreign Affairs of the Republic of Korea", "KR"),
    (re.compile(r"Ministry of Foreign Affairs of the People's Republic of China|\bfmprc\b"),
     "Ministry of Foreign Affairs of the People's Republic of China", "CN"),
    (re.compile(r"European External Action Service|\bEEAS\b"),
     "European External Action Service", None),
)
#: The publishing government's own official, named by office alone: "The Prime Minister
#: spoke to ...", "The Secretary met ...".
_OWN_OFFICIAL_RE = re.compile(
    r"(?:^|[.!?]\s{1,3})The (?:Prime Minister|Secretary|Foreign Secretary|President|"
    r"Foreign Minister|Chancellor|Deputy Secretary)\s(?:spoke|met|held|had|received|hosted|"
    r"called|welcomed|talked)\b")
_FIRST_PERSON_RE = re.compile(
    r"(?:^|[.!?]\s)(?:Today,? |Tonight,? |Yesterday,? |Earlier today,? |"
    r"This (?:morning|afternoon|evening),? )?(?:I|We) "
    r"(?:met|spoke|held|had|hosted|welcomed|received|called)")


@dataclass(frozen=True)
class Cast:
    """The participants, the countries involved, the publisher, and where each name stands."""

    participants: tuple[Participant, ...]
    relation: tuple[str, ...]
    publisher: str = ""
    spans: dict[str, Span] = field(default_factory=dict)


def read_cast(text: str, layout: Layout, opening: Opening, title: str, section: str,
              place: places.FoundPlace | None) -> Cast:
    """The participants named in the opening paragraph, each with a country."""
    publisher, publisher_code = find_publisher(text)
    lead = text[opening.lead_start:opening.lead_end]
    found = [p for p in people.find_people(text, opening.lead_start, opening.lead_end)
             if not p.spokesperson]
    if _FIRST_PERSON_RE.search(lead):
        # "Today I met ...": the minister who signs the release took part.
        byline = _byline(text, layout)
        if byline is not None:
            found.insert(0, byline)
    merged = [_home_organisation(_counterpart(text, _country_after(text, p)))
              for p in fill_from_earlier(merge_mentions(
                  [family_from_title(p, title) for p in found]),
                  text, opening.lead_start)]
    title_pair = relation_pair([section, title, lead])
    codes = assign_countries(merged, title_pair, publisher_code, place)
    for elsewhere, its_code in named_elsewhere(text, layout, lead, codes):
        merged.append(elsewhere)
        codes.append(its_code)
    merged = [two_surnames(japanese_order(family_from_mentions(person, code, text), code, text),
                           code, text)
              for person, code in zip(merged, codes, strict=True)]
    participants: list[Participant] = []
    spans: dict[str, Span] = {}
    for k, (person, code) in enumerate(zip(merged, codes, strict=True)):
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
    own = [publisher_code] if publisher_code and _OWN_OFFICIAL_RE.search(lead) else []
    relation = dict.fromkeys(c for c in [*own, *codes, *title_pair] if c)
    return Cast(tuple(participants), tuple(relation), publisher, spans)


def _byline(text: str, layout: Layout) -> people.FoundPerson | None:
    """The minister who signs a release: a header line naming a person with an office, or
    a name whose office is the line under it ("Senator the Hon Claire Ashford" /
    "Minister for Foreign Affairs")."""
    header = [ln for ln in layout.header if not ln.blank]
    for k, line in enumerate(header):
        for p in people.find_people(text, line.start, line.end):
            if p.spokesperson:
                continue
            if p.office:
                return p
            below = header[k + 1].text.strip() if k + 1 < len(header) else ""
            if below and _is_office_line(below):
                return replace(p, office=below)
    return None


def _is_office_line(line: str) -> bool:
    """Whether a line is an office alone ("Minister for Foreign Affairs"), as a byline
    prints it under the name."""
    words = [w.strip(",") for w in line.split()]
    known = people._OFFICE_WORDS | people._CONNECTORS
    return 1 < len(words) <= 12 and words[0].lower() in people._OFFICE_WORDS and all(
        w.lower() in known or countries.is_country_word(w) for w in words)


_OFFICE_ONLY_RE = re.compile(
    r"\b(?:Foreign Minister|Minister (?:of|for) Foreign Affairs|Prime Minister|President|"
    r"Foreign Secretary|Secretary of State)\s+of\s+(?:the\s+)?(?P<country>[A-Z][\w'-]*"
    r"(?:\s(?:of\s)?[A-Z][\w'-]*){0,4})(?![\w,]*\s*,\s*(?:H\.E\.|Mr\.|Ms\.|Dr\.|the\s+Hon))")


def named_elsewhere(text: str, layout: Layout, lead: str, codes: list[str | None]
                    ) -> list[tuple[people.FoundPerson, str]]:
    """A counterpart the opening names by office alone ("held a meeting with the Foreign
    Minister of Peru") and a heading, caption or closing line names in full."""
    wanted: list[str] = []
    for m in _OFFICE_ONLY_RE.finditer(lead):
        words = m.group("country").split()
        code = next((c for n in range(len(words), 0, -1)
                     if (c := countries.country_code(" ".join(words[:n])))), None)
        if code and code not in codes and code not in wanted:
            wanted.append(code)
    found: list[tuple[people.FoundPerson, str]] = []
    for line in (*layout.header, *layout.tail):
        for person in people.find_people(text, line.start, line.end):
            if person.country in wanted and not person.spokesperson:
                wanted.remove(person.country)
                found.append((person, person.country))
    return found


def merge_mentions(found: list[people.FoundPerson]) -> list[people.FoundPerson]:
    """One entry a person: later mentions of a family name fill what the first left out."""
    merged: list[people.FoundPerson] = []
    for person in found:
        key = geography.match_key(person.family_name.removesuffix("'s"))
        same = [k for k, p in enumerate(merged)
                if geography.match_key(p.family_name.removesuffix("'s")) == key]
        if not same:
            merged.append(person)
            continue
        k = same[0]
        old = merged[k]
        merged[k] = replace(
            old,
            honorific=old.honorific or person.honorific,
            given_name=old.given_name or person.given_name,
            office=_fuller_office(old.office, person.office),
            country=old.country or person.country,
        )
    return merged


def _fuller_office(first: str, later: str) -> str:
    """The office a later mention fills in ("Minister" -> "Minister for Foreign Affairs"),
    but not another person's office joined to it: in "The Foreign Secretary and Foreign
    Minister Yoon discussed", Yoon is still the Foreign Minister."""
    if not first or len(later.split()) <= len(first.split()):
        return first or later
    if " and " in later and first not in later:
        return first  # "The Secretary and Director Wang discussed": not Wang's office
    if first in later and " and " in f" {later.replace(first, ' ')} ":
        return first
    return later


def assign_countries(merged: list[people.FoundPerson], title_pair: list[str],
                     publisher_code: str | None, place: places.FoundPlace | None
                     ) -> list[str | None]:
    """Each person's country: as found, else from the title's pair, the office, the
    publisher or the way the name is printed; a lone host gets the place's country."""
    codes: list[str | None] = [person.country for person in merged]
    unassigned = [c for c in title_pair if c not in codes]
    for k, person in enumerate(merged):
        if codes[k] is not None or person.organisation:
            continue
        home = home_country(person.office, person.honorific) or publisher_code
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
    missing = [k for k, c in enumerate(codes) if c is None and not merged[k].organisation]
    if len(missing) == 1 and place and place.country and \
            place.country not in codes and len(merged) > 1:
        codes[missing[0]] = place.country
    return codes


_COUNTERPART_RE = re.compile(
    r"\b(?P<adj>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+counterparts?,?\s{0,3}$")


_OF_COUNTRY_RE = re.compile(r"\s{1,3}of\s{1,3}(?:the\s{1,3})?(?P<country>[A-Z][\w'.-]*"
                            r"(?:\s{1,3}(?:of\s{1,3})?[A-Z][\w'.-]*){0,4})")


def _country_after(text: str, person: people.FoundPerson) -> people.FoundPerson:
    """"President Gabriel Soto Vidal of Chile": the country after the name."""
    if person.country:
        return person
    m = _OF_COUNTRY_RE.match(text, person.end, min(len(text), person.end + 80))
    if not m:
        return person
    words = m.group("country").split()
    for n in range(len(words), 0, -1):
        code = countries.country_code(" ".join(words[:n]))
        if code:
            return replace(person, country=code)
    return person


_REFERENCE = (r"(?:Minister|Secretary|Mr\.|Ms\.|Mrs\.|Dr\.|President|Director|Councilor|"
              r"Ambassador|Chancellor|Premier)\s")


#: Countries whose people's names are printed in either order in English.
_EITHER_ORDER = frozenset({"JP", "CN", "KR", "KP", "TW", "HK", "MO", "VN"})


def family_from_mentions(person: people.FoundPerson, code: str | None, text: str
                         ) -> people.FoundPerson:
    """"Foreign Minister Sato Kenji ... Minister Sato stated": for names printed in either
    order, a later reference by the first word shows the family name comes first. (A Thai
    minister is referred to by the given name: "Minister Somchai".)"""
    words = person.given_name.split()
    if person.name_order is not NameOrder.GIVEN_FIRST or len(words) != 1 or \
            code not in _EITHER_ORDER:
        return person
    first = re.compile(_REFERENCE + re.escape(words[0]) + r"\b")
    last = re.compile(_REFERENCE + re.escape(person.family_name) + r"\b")
    if first.search(text, person.end) and not last.search(text, person.end):
        return replace(person, family_name=words[0], given_name=person.family_name,
                       name_order=NameOrder.FAMILY_FIRST)
    return person


def japanese_order(person: people.FoundPerson, code: str | None, text: str
                   ) -> people.FoundPerson:
    """"Minister for Foreign Affairs Sakurai Kenta of Japan": a Japanese name printed
    family name first without capitals, told by a common family name in first place
    (unless the text refers to the person later by the other word)."""
    if code != "JP" or person.name_order is not NameOrder.GIVEN_FIRST or \
            " " in person.given_name or not person.given_name:
        return person
    if re.search(_REFERENCE + re.escape(person.family_name) + r"\b", text[person.end:]):
        return person
    if person.given_name in people.JAPANESE_SURNAMES and \
            person.family_name not in people.JAPANESE_SURNAMES:
        return replace(person, family_name=person.given_name, given_name=person.family_name,
                       name_order=NameOrder.FAMILY_FIRST)
    return person


def _counterpart(text: str, person: people.FoundPerson) -> people.FoundPerson:
    """"her Japanese counterpart, Foreign Minister Kenji Sato": the adjective before
    "counterpart" names the country of the person named after it."""
    if person.country:
        return person
    m = _COUNTERPART_RE.search(text, max(0, person.start - 60), person.start)
    code = (countries.demonym_code(m.group("adj")) or countries.country_code(m.group("adj"))
            ) if m else None
    return replace(person, country=code) if code else person


def fill_from_earlier(merged: list[people.FoundPerson], text: str, lead_start: int
                      ) -> list[people.FoundPerson]:
    """A person the opening names briefly ("Foreign Minister Asante") in full from a
    sentence before it ("The Minister for Foreign Affairs of the Republic of Ghana, H.E. Mr.
    Kwame Asante, is on an official visit"): the earlier mention fills what is missing, and
    adds no one."""
    if lead_start <= 0:
        return merged
    earlier: dict[str, people.FoundPerson] = {}
    for p in people.find_people(text, 0, lead_start):
        key = geography.match_key(p.family_name.removesuffix("'s"))
        if not p.spokesperson and (key not in earlier or p.given_name):
            earlier[key] = p
    by_given = {geography.match_key(p.given_name.split()[0]): p for p in earlier.values()
                if p.given_name and p.country}
    filled = []
    for person in merged:
        e = earlier.get(geography.match_key(person.family_name.removesuffix("'s")))
        if e is None and not person.given_name:
            # "Prince Faisal" after "His Highness Prince Faisal bin Khalid Al Saud, Minister
            # of Foreign Affairs of the Kingdom of Saudi Arabia": named by the given name.
            known = by_given.get(geography.match_key(person.family_name))
            if known is not None:
                person = replace(known, start=person.start, end=person.end,
                                 office_span=person.office_span)
                e = known
        if e is not None and e.country and not person.country:
            person = replace(person, country=e.country)  # "PRC Director Wang" in the title
        if e is not None and people._is_all_caps(e.family_name) and \
                not people._is_all_caps(person.family_name):
            # "Ms. MIYAZAKI Eri" before "Parliamentary Vice-Minister Miyazaki": the
            # capitals show the family name as the page first printed it.
            person = replace(person, family_name=e.family_name)
        if e is not None and e.given_name and not person.given_name:
            person = replace(person, honorific=person.honorific or e.honorific,
                             given_name=person.given_name or e.given_name,
                             office=_fuller_office(person.office, e.office),
                             country=person.country or e.country)
        filled.append(person)
    return filled


def _home_organisation(person: people.FoundPerson) -> people.FoundPerson:
    """The organisation an office without one belongs to: the High Representative is the
    European Union's, and serves no country."""
    if person.country or person.organisation == "European Union":
        return person
    if re.search(r"\bHigh Representative\b|^HR/VP$", person.office):
        return replace(person, organisation="European Union")
    return person


def relation_pair(texts: Iterable[str]) -> list[str]:
    """The two countries of the first "Japan-Peru" pair in ``texts``, or none."""
    for value in texts:
        for m in _PAIR_RE.finditer(value):
            a = countries.country_code(m.group("a"))
            b = countries.country_code(m.group("b") + (m.group("b2") or "")) or \
                countries.country_code(m.group("b"))
            if a and b and a != b:
                return [a, b]
    return []


def home_country(office: str, honorific: str = "") -> str | None:
    """The country an office without a country usually belongs to ("Secretary of State")."""
    for pattern, code in _HOME_OFFICES:
        if pattern.search(office):
            return code
    if honorific.lower().startswith("senator the hon"):
        return "AU"
    return None


#: gov.uk's page labels: "News story" above the title, "Published 5 February 2025".
_GOV_UK_RE = re.compile(r"(?m)^(?:News story|Press release|Readout)\s*$(?:\n.{0,200}){1,8}?"
                        r"\n(?:Published|Updated) \d{1,2} [A-Z][a-z]+ \d{4}\s*$")
#: A Chinese foreign ministry headline opens with its own minister's name: "Liang Wenbo
#: Holds Phone Talks with ...", "Zhao Ming Meets with ...".
_NAME_HEADLINE_RE = re.compile(
    r"^\s*(?P<family>[A-Z][a-z]+) [A-Z][a-z]+(?: [A-Z][a-z]+)? (?:Holds|Meets|Has|Attends|"
    r"Speaks|Talks|Calls|Sends|Receives|Co-chairs|Chairs)\b")


def find_publisher(text: str) -> tuple[str, str | None]:
    """Who published the readout, when the page says so (or its layout shows it), and its
    country."""
    head = text[:3000]
    tail = text[-1500:]
    for pattern, name, code in _PUBLISHERS:
        if pattern.search(head) or pattern.search(tail):
            return name, code
    if _GOV_UK_RE.search(head):
        return "GOV.UK", "GB"
    m = _NAME_HEADLINE_RE.match(head)
    if m and m.group("family") in people.CHINESE_SURNAMES:
        return "Ministry of Foreign Affairs of the People's Republic of China", "CN"
    return "", None


#: Countries whose people carry two family names, the father's then the mother's.
_TWO_SURNAME_COUNTRIES = frozenset({
    "ES", "MX", "AR", "CL", "CO", "PE", "VE", "EC", "BO", "PY", "UY", "CR", "PA", "GT",
    "HN", "SV", "NI", "CU", "DO", "PR",
})
#: Given names that often come second ("Luis Alberto", "María José"): not a surname.
_SECOND_GIVEN = frozenset({
    "alberto", "antonio", "carlos", "eduardo", "enrique", "fernando", "francisco", "ignacio",
    "javier", "jose", "josé", "juan", "luis", "manuel", "maria", "maría", "miguel", "pablo",
    "andres", "andrés", "isabel", "elena", "fernanda", "alejandro", "alejandra", "paula",
    "esteban", "felipe", "gabriel", "gabriela", "ramon", "ramón", "rafael", "teresa",
})


#: Particles inside Spanish and Portuguese family names ("de la Fuente", "dos Santos").
_PARTICLES = frozenset({"de", "del", "la", "las", "los", "y", "da", "dos", "das", "do"})


def two_surnames(person: people.FoundPerson, code: str | None, text: str
                 ) -> people.FoundPerson:
    """"Luis Alberto García Herrera": a Spanish-speaking country's people carry two
    family names. Elsewhere ("Tiago Mendes Correia") the text must show it, by naming the
    person again by both ("Minister Mendes Correia")."""
    words = person.given_name.split()
    family_words = person.family_name.split()
    if len(words) < 2 or person.name_order is not NameOrder.GIVEN_FIRST or (
            len(family_words) > 1 and family_words[0] not in _PARTICLES):
        return person  # "de la Garza" may follow a first surname: "Fernández de la Garza"
    last_given = words[-1]
    if not re.fullmatch(r"[A-ZÁÉÍÓÚÑ][\w'-]+", last_given):
        return person
    both = f"{last_given} {person.family_name}"
    shown = text.count(both) >= 2
    typical = code in _TWO_SURNAME_COUNTRIES and last_given.lower() not in _SECOND_GIVEN
    if not (shown or typical):
        return person
    cut = len(words) - 1
    while cut > 1 and words[cut - 1] in _PARTICLES:
        cut -= 1  # "Juan Ramón de la Fuente Ortiz"
    return replace(person, family_name=" ".join([*words[cut:], person.family_name]),
                   given_name=" ".join(words[:cut]))


def family_from_title(person: people.FoundPerson, title: str) -> people.FoundPerson:
    """Use the title to tell the family name: "... Deputy Foreign Minister Tran" shows
    that "Tran Minh Duc" is printed family name first."""
    if not title or person.name_order.value == "family-first" or not person.given_name:
        return person
    words = person.given_name.split()
    if re.search(r"(?<!\w)" + re.escape(person.family_name) + r"(?!\w)", title):
        return person
    for n, word in enumerate(words):
        if re.search(r"(?<!\w)" + re.escape(word) + r"(?:'s)?(?!\w)", title) and len(word) > 1:
            if n == 0:
                rest = [*words[1:], person.family_name]
                return replace(person, family_name=word, given_name=" ".join(rest),
                               name_order=NameOrder.FAMILY_FIRST)
            # "President Ruiz" for "Ana Lucia Ruiz Vera": the family name starts there.
            return replace(person, family_name=" ".join([*words[n:], person.family_name]),
                           given_name=" ".join(words[:n]), name_order=NameOrder.GIVEN_FIRST)
    return person
