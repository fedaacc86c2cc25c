"""People in a Japanese readout's opening sentence.

Japan's own officials are printed in kanji, family name first with no space, before their
office (``桜井健太外務大臣は``); the family name is the part the text later uses alone
(``桜井大臣から``). Others are printed ``カタカナ名・国名＋官職（H.E. Mr. Latin Name, Office of
Country）``, or with a name in kanji (``梁文博中国…外交部長（Mr. Liang Wenbo, …）``): the
honorific, the name's parts and the office come from the Latin form, so that one person has
one record in either language, and the name as printed stays as ``printed_name``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from readout_desk.domain.extract import countries
from readout_desk.domain.extract.japanese import lexicon
from readout_desk.domain.records import NameOrder, Participant, Person

_KANJI = "\u3005\u4e00-\u9fff"
_JAPAN_OFFICIAL_RE = re.compile(
    f"([{_KANJI}]{{2,8}}?)({'|'.join(lexicon.JAPAN_OFFICES)})(?=は|、|と|に|が)")
_SHORT_TITLES = ("大臣", "総理", "副大臣", "政務官", "長官", "外相")
_LATIN_PAREN_RE = re.compile(r"（((?:[A-Z]|the |the$)[^（）]{2,400})）")
_READING_RE = re.compile("（[\u30a0-\u30ff・＝]+）")
_LEAD_INS = ("訪日中の", "来日中の", "訪問中の", "において、", "において")
_HONORIFIC_WORDS = frozenset({
    "h.e.", "mr.", "ms.", "mrs.", "dr.", "prof.", "the", "honorable", "honourable", "hon",
    "hon.", "rt", "rt.", "right", "senator", "sir", "dame", "excellency", "his", "her",
})
_OFFICE_STARTS = frozenset("国外首大副")
_SUFFIXES = frozenset({"MP", "Jr.", "Sr.", "II", "III", "QC", "KC"})
_PARTICLES = frozenset({"von", "van", "de", "da", "der", "del", "la", "le", "di", "dos", "du",
                        "bin", "al", "ten", "ter"})
#: The comma between the Latin name and the office; older pages print no space after it
#: ("The Honorable Michael Porter,Secretary of State").
_NAME_OFFICE_SPLIT = re.compile(r",\s*(?!\s|(?:Jr|Sr)\.?(?:,|$)|MP\b|I{2,3}\b)")


@dataclass(frozen=True)
class FoundPerson:
    """A participant and the span of the words it was read from."""

    participant: Participant
    start: int
    end: int
    country_ja: str = ""


def japan_officials(text: str, start: int, end: int) -> list[FoundPerson]:
    """Japan's officials named in ``text[start:end]`` (``林芳正外務大臣は``)."""
    found: list[FoundPerson] = []
    seen: set[str] = set()
    for m in _JAPAN_OFFICIAL_RE.finditer(text, start, end):
        full, office = m.group(1), m.group(2)
        if full in seen:
            continue
        seen.add(full)
        family = _family_name(text, full)
        person = Person(family_name=family, given_name=full[len(family):],
                        name_order=NameOrder.FAMILY_FIRST)
        found.append(FoundPerson(Participant(person=person, office=office, country="JP",
                                             side="Japan", printed_name=full),
                                 m.start(), m.end()))
    return found


def _family_name(text: str, full: str) -> str:
    """The part of ``full`` that the text uses alone before a short title; the first two
    characters when it never does."""
    for cut in range(1, len(full)):
        prefix = full[:cut]
        if any(prefix + title in text for title in _SHORT_TITLES):
            return prefix
    return full[:2] if len(full) > 2 else full[:1]


def foreign_people(text: str, start: int, end: int) -> list[FoundPerson]:
    """People printed with a Latin form in parentheses in ``text[start:end]``."""
    found: list[FoundPerson] = []
    for m in _LATIN_PAREN_RE.finditer(text, start, end):
        japanese, at = _japanese_part(text, start, m.start())
        name_ja, country_ja, office_ja = _split_japanese(japanese)
        latin = _read_latin(m.group(1), lexicon.COUNTRIES.get(country_ja)
                            or lexicon.ONE_CHARACTER_COUNTRIES.get(country_ja))
        if latin is None:
            continue
        honorific, family, given, order, office, code = latin
        person = Person(family_name=family, given_name=given, name_order=order)
        found.append(FoundPerson(
            Participant(person=person, honorific=honorific, office=office or office_ja,
                        country=code, printed_name=name_ja,
                        office_ja=office_ja if office else ""),
            at, m.end(), country_ja))
    return found


_KATAKANA_NAME_RE = re.compile(
    "((?:[\u30a1-\u30fa\u30fc]+[・＝])*[\u30a1-\u30fa\u30fc]{2,})・?"
    "([^、。（）・\\s]{1,30}?)(?=との|と|による|から|（)")


def unlatined_people(text: str, start: int, end: int,
                     taken: list[FoundPerson]) -> list[FoundPerson]:
    """People printed in katakana with their country and office but no Latin form
    (``レックス・ティラソン米国務長官と``): the family name is the last part of the name."""
    found: list[FoundPerson] = []
    for m in _KATAKANA_NAME_RE.finditer(text, start, end):
        if any(p.start <= m.start() < p.end or m.start() <= p.start < m.end() for p in taken):
            continue
        country = _country_prefix(m.group(2))
        code = lexicon.COUNTRIES.get(country) or lexicon.ONE_CHARACTER_COUNTRIES.get(country)
        office = _office_after_country(m.group(2), len(country))
        if not code or not office:
            continue
        parts = re.split("[・＝]", m.group(1))
        person = Person(family_name=parts[-1], given_name=" ".join(parts[:-1]))
        found.append(FoundPerson(
            Participant(person=person, office=office, country=code, printed_name=m.group(1)),
            m.start(), m.end(), country))
    return found


def _japanese_part(text: str, floor: int, paren: int) -> tuple[str, int]:
    """The words before a Latin parenthesis that name the same person, and where they
    start: back to the last comma, without a lead-in such as ``訪日中の``."""
    begin = max(text.rfind("、", floor, paren) + 1, floor, paren - 120)
    for mark in ("は", "と"):
        cut = text.rfind(mark, begin, paren)
        if cut >= 0 and not _in_katakana(text, cut):
            begin = max(begin, cut + 1) if mark == "は" and text[cut + 1:cut + 2] == "、" \
                else begin
    words = text[begin:paren]
    for lead in _LEAD_INS:
        cut = words.rfind(lead)
        if cut >= 0:
            begin += cut + len(lead)
            words = words[cut + len(lead):]
    return words, begin


def _in_katakana(text: str, at: int) -> bool:
    return at > 0 and "\u30a0" <= text[at - 1] <= "\u30ff"


def _split_japanese(words: str) -> tuple[str, str, str]:
    """``(name, country, office)`` of ``ロドリゴ・タバレス・ブラジル外務大臣`` or
    ``梁文博中国共産党…外交部長``; a reading in parentheses is dropped."""
    words = _READING_RE.sub("", words)
    starts = [at for at in range(1, len(words)) if _country_prefix(words[at:])
              and not _inside_katakana_word(words, at, len(_country_prefix(words[at:])))]
    after_dot = [at for at in starts if words[at - 1] == "・"]
    if not starts:
        # No country: a katakana name, then its office (``グエン・ヴァン・タイン首相``).
        bare = _NAME_THEN_OFFICE_RE.fullmatch(words)
        return (bare.group(1), "", bare.group(2)) if bare else (words, "", "")
    at = after_dot[0] if after_dot else starts[0]
    country = _country_prefix(words[at:])
    return words[:at].rstrip("・"), country, _office_after_country(words, at + len(country))


_NAME_THEN_OFFICE_RE = re.compile("([\u30a1-\u30fa\u30fc・＝]{2,40})([^\u30a1-\u30fa\u30fc・＝]"
                                  "[^・＝]{0,40})")


def _inside_katakana_word(words: str, at: int, length: int) -> bool:
    """Whether a country's name in katakana at ``words[at:at + length]`` is part of a longer
    katakana word: ``タイ`` in ``グエン・ヴァン・タイン首相`` names no country."""
    def katakana(ch: str) -> bool:
        return "\u30a1" <= ch <= "\u30fa" or ch == "\u30fc"
    end = at + length
    return katakana(words[at]) and (katakana(words[at - 1]) or (
        end < len(words) and katakana(words[end])))


def _office_after_country(words: str, at: int) -> str:
    """The office after a country's short name, without the formal rest of the name:
    ``ナウル共和国外務大臣`` is Nauru's ``外務大臣``."""
    formal = _FORMAL_RE.match(words, at) if words[at - 1:at] != "国" else None
    if formal and not words.startswith("国務", formal.end() - 1) and formal.end() < len(words):
        return words[formal.end():]
    return words[at:]


#: The formal part of a country's name after its short name: ``ナウル共和国``,
#: ``ベトナム社会主義共和国``, ``イラン・イスラム共和国``.
_FORMAL_RE = re.compile("(?:・(?:イスラム|アラブ))?(?:社会主義共和国|人民民主共和国|民主共和国|"
                        "人民共和国|連邦民主共和国|連邦共和国|イスラム共和国|アラブ共和国|共和国|"
                        "首長国連邦|合衆国|連合王国|大公国|王国|公国)")


def _country_prefix(words: str) -> str:
    best = ""
    for name in lexicon.COUNTRIES:
        if words.startswith(name) and len(name) > len(best):
            best = name

    if best.endswith("国") and words[len(best):len(best) + 1] == "務":
        best = ""  # "米国務長官" is 米 + 国務長官
    if not best and words[:1] in lexicon.ONE_CHARACTER_COUNTRIES \
            and words[1:2] in _OFFICE_STARTS:
        best = words[:1]  # "米国務長官", "英外相"
    return best


LatinName = tuple[str, str, str, NameOrder, str, str | None]


def _read_latin(latin: str, code_ja: str | None) -> LatinName | None:
    """Honorific, family name, given name, order, office and country of
    ``H.E. Mr. Rodrigo Tavares, Minister of Foreign Affairs of the Federative Republic of
    Brazil``."""
    parts = _NAME_OFFICE_SPLIT.split(latin, maxsplit=1)
    name_part = re.sub(r",\s*(?:Jr|Sr)\.?$", "", parts[0].strip())
    office, code = _office_country(parts[1].strip()) if len(parts) > 1 else ("", None)
    code = code or code_ja
    words = name_part.split()
    cut = 0
    while cut < len(words) - 1 and words[cut].lower() in _HONORIFIC_WORDS:
        cut += 1
    honorific = " ".join(words[:cut])
    names = [w for w in words[cut:] if w not in _SUFFIXES]
    if not names:
        return None
    family, given, order = split_latin_name(names, code)
    return honorific, family, given, order, office, code


def split_latin_name(names: list[str], code: str | None) -> tuple[str, str, NameOrder]:
    """Family name, given name and order of a Latin name, by the country's custom."""
    if len(names) == 1:
        return names[0], "", NameOrder.GIVEN_FIRST
    if code in lexicon.FAMILY_FIRST:
        return names[0], " ".join(names[1:]), NameOrder.FAMILY_FIRST
    cut = len(names) - 1
    while cut > 1 and names[cut - 1].lower() in _PARTICLES:
        cut -= 1  # "de la Garza"
    if code in lexicon.TWO_SURNAMES and cut >= 2 and not names[cut - 1].endswith("."):
        cut -= 1  # the father's surname before the mother's: "Fernández de la Garza"
        while cut > 1 and names[cut - 1].lower() in _PARTICLES:
            cut -= 1  # "de la Fuente Ortiz"
    return " ".join(names[cut:]), " ".join(names[:cut]), NameOrder.GIVEN_FIRST


def _office_country(office: str) -> tuple[str, str | None]:
    """The office without ``of <country>``, and the country's code."""
    for m in re.finditer(r"\s+of\s+", office):
        rest = office[m.end():]
        rest = rest[4:] if rest.lower().startswith("the ") else rest
        code = countries.country_code(rest)
        if code:
            return office[:m.start()].strip(), code
    return office, None
