"""People in a readout's opening: honorifics, names, offices and the country each serves.

Readouts name people in a few ways, all handled by one token scan:

* MOFA style: "Mr. HAYASHI Yoshimasa, Minister for Foreign Affairs, ..." (family name in
  capitals, office after a comma, "of the Republic of Peru" naming the country);
* office first: "Secretary of State Michael Grant", "Chilean Foreign Minister Ana Rojas",
  "Minister for Foreign Affairs Senator the Hon Penny Wong", "Peru's Foreign Minister";
* office, comma, name: "the Foreign Minister of Peru, H.E. Mr. Juan Ruiz".

A run of name words counts as a person only with an honorific or an office next to it,
which keeps cities, events and organisations out. The spokesperson who issued the
statement is left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from readout_desk.domain.extract import countries, wordtables
from readout_desk.domain.records import NameOrder

#: Office words, words never a name, family names printed first (resources/words.json).
_PERSON_WORDS = wordtables.word_lists("person_words")

#: Words, numbers, punctuation, and a paragraph break, which no name or office crosses.
_TOKEN_RE = re.compile(r"[^\W\d_][\w'.-]*|\d[\w.-]*|[,;:()\"]|\n[ \t]{0,8}\n")

_HONORIFICS = frozenset(_PERSON_WORDS["honorifics"])
_OFFICE_WORDS = frozenset(w.lower() for w in _PERSON_WORDS["office_words"])
_CONNECTORS = frozenset({"of", "for", "and", "the", "on", "&"})
#: The words that name a post; an office needs one ("Foreign Affairs" alone is none).
_HEAD_WORDS = frozenset(_PERSON_WORDS["post_words"])
# Capitalised words that start sentences or name things, never people.
_NOT_NAMES = frozenset(w.lower() for w in _PERSON_WORDS["not_names"])


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def word(self) -> str:
        return self.text


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Words and punctuation of ``text[start:end]``; a sentence's final dot is split off."""
    tokens: list[Token] = []
    for m in _TOKEN_RE.finditer(text, start, end):
        word = m.group(0)
        if (word.endswith(".") and len(word) > 2 and word.lower() not in _HONORIFICS
                and word.count(".") == 1 and not re.fullmatch(r"[A-Z]\.", word)):
            tokens.append(Token(word[:-1], m.start(), m.end() - 1))
            tokens.append(Token(".", m.end() - 1, m.end()))
        else:
            tokens.append(Token(word, m.start(), m.end()))
    return tokens


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def _is_all_caps(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _is_initial(word: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]\.(?:[A-Z]\.)*", word))


def _is_honorific(tokens: list[Token], i: int) -> bool:
    word = tokens[i].text.lower()
    if word in ("his", "her"):
        return i + 1 < len(tokens) and tokens[i + 1].text.lower() in ("excellency",
                                                                      "majesty", "highness")
    if word in ("majesty", "highness"):
        return i > 0 and tokens[i - 1].text.lower() in ("his", "her")
    if word == "right":
        return i + 1 < len(tokens) and tokens[i + 1].text.lower().startswith(("hon", "rev"))
    if word == "the" and tokens[i].text:
        return i + 1 < len(tokens) and tokens[i + 1].text.lower().rstrip(".") in (
            "hon", "rt", "right", "honourable", "honorable")
    if word == "m.":
        return False
    if word in ("prince", "princess", "sheikh", "sheikha"):
        # "H.H. Prince Faisal bin Khalid Al Saud": a royal style before the name, not an
        # office ("the Crown Prince" stays an office).
        return i > 0 and tokens[i - 1].text.lower() in ("h.h.", "h.r.h.", "h.e.", "highness")
    return word in _HONORIFICS


#: The most words of honorifics kept before one name.
_MAX_HONORIFIC_WORDS = 6

_PARTICLES = frozenset({"de", "da", "do", "dos", "das", "del", "della", "di", "van", "von",
                        "der", "den", "ter", "bin", "binti", "al", "el", "la", "le", "du",
                        "ibn", "y"})
_POSTNOMINALS = frozenset({"MP", "QC", "KC", "MEP", "MLA", "AO", "AC", "OBE", "CBE", "KBE",
                           "MBE", "PhD", "Jr.", "Sr.", "Jr", "Sr", "III", "II"})


def _is_name_word(tokens: list[Token], i: int) -> bool:
    word = tokens[i].text
    if not word or not (word[0].isalpha()):
        return False
    if _is_initial(word):
        return word.lower() not in _HONORIFICS  # "H.E. Baek Seo-yeon": no initials
    if not _is_capitalised(word):
        # "von der Leyen", "de la Fuente": particles before a capitalised name word.
        k = i + 1
        while k < len(tokens) and k - i < 3 and tokens[k].text in _PARTICLES:
            k += 1
        return word in _PARTICLES and k < len(tokens) and _is_capitalised(tokens[k].text)
    bare = word.rstrip(".")
    lowered = bare.lower()
    if lowered in _OFFICE_WORDS or lowered in _NOT_NAMES or lowered in _HONORIFICS:
        return False
    if bare in _POSTNOMINALS:
        return False
    if "-" in bare and all(countries.country_code(p) for p in bare.split("-") if p):
        return False  # "Japan-Peru"
    if countries.is_country_word(bare) or countries.is_country_word(bare.removesuffix("'s")):
        return False
    if _in_country_pair(tokens, i):
        return False
    return not any(c.isdigit() for c in bare)


def _in_country_pair(tokens: list[Token], i: int) -> bool:
    """Whether token ``i`` is half of a two-word country ("Viet Nam", "Sri Lanka")."""
    word = tokens[i].text.removesuffix("'s").rsplit("-", 1)[-1]
    if i + 1 < len(tokens) and tokens[i + 1].text[:1].isupper() and countries.country_code(
            word + " " + tokens[i + 1].text.removesuffix("'s")):
        return True
    return i > 0 and tokens[i - 1].text[:1].isupper() and bool(countries.country_code(
        tokens[i - 1].text + " " + word))


@dataclass(frozen=True)
class FoundPerson:
    """A person found in the text, with the offsets of the whole mention."""

    honorific: str
    family_name: str
    given_name: str
    name_order: NameOrder
    office: str
    country: str | None
    start: int
    end: int
    office_span: tuple[int, int] | None
    spokesperson: bool
    organisation: str = ""


#: Chinese surnames; a Chinese foreign ministry headline opens with its minister's name.
CHINESE_SURNAMES = frozenset(_PERSON_WORDS["chinese_surnames"])
#: Surnames of Chinese, Vietnamese, Korean and Singaporean names, which readouts print
#: family name first without capitals: "Lim Wei Jie", "Tran Minh Duc", "Wang Yi".
#: Common Japanese family names: "Sakurai Kenta" and "Kenta Sakurai" are the same person.
JAPANESE_SURNAMES = frozenset(_PERSON_WORDS["japanese_surnames"])
FAMILY_FIRST_SURNAMES = CHINESE_SURNAMES | frozenset(_PERSON_WORDS["other_family_first_surnames"])




def _split_name(words: list[str]) -> tuple[str, str, NameOrder]:
    caps = [i for i, w in enumerate(words) if _is_all_caps(w.rstrip(".")) and not _is_initial(w)]
    if caps and len(words) > 1:
        family_at = caps[0]
        family = words[family_at]
        given = " ".join(w for j, w in enumerate(words) if j != family_at)
        order = NameOrder.FAMILY_FIRST if family_at == 0 else NameOrder.GIVEN_FIRST
        return family, given, order
    if len(words) == 2 and re.fullmatch(r"[A-Z][a-z]+-[a-z]+", words[1]):
        return words[0], words[1], NameOrder.FAMILY_FIRST  # Korean: "Cho Tae-yul"
    if 2 <= len(words) <= 3 and words[0] in FAMILY_FIRST_SURNAMES:
        return words[0], " ".join(words[1:]), NameOrder.FAMILY_FIRST  # "Lim Wei Jie"
    # Particles before the last word belong to the family name: "von der Leyen".
    cut = len(words) - 1
    while cut > 1 and words[cut - 1].lower() in _PARTICLES:
        cut -= 1
    return " ".join(words[cut:]), " ".join(words[:cut]), NameOrder.GIVEN_FIRST


_ORGANISATION_RE = re.compile(
    r"\b(?:Organization|Organisation|Union|Nations|Bank|Fund|Agency|Commission|Council|"
    r"Forum|Association|Secretariat|Treaty|Alliance|Committee|Court|Community|Institute|"
    r"Programme|Program|Parliament)\b")


def _office_country_tail(office_words: list[Token]) -> tuple[int, str | None]:
    """Where a trailing "of <country>" starts in an office, and the country."""
    for k in range(1, len(office_words)):
        if office_words[k].text.lower() == "of":
            rest = " ".join(t.text for t in office_words[k + 1:])
            code = countries.country_code(rest)
            if code:
                return k, code
    return len(office_words), None


def _organisation_tail(office_words: list[Token]) -> int | None:
    """Where a trailing "of the <organisation>" starts ("Secretary General of NATO")."""
    for k in range(1, len(office_words) - 1):
        if office_words[k].text.lower() == "of":
            if office_words[k + 1].text.lower() in _OFFICE_WORDS:
                continue  # "Minister of Foreign Affairs, European Union and Cooperation"
            rest = " ".join(t.text for t in office_words[k + 1:])
            if _ORGANISATION_RE.search(rest) or rest.strip("()").isupper():
                return k
    return None


def _office_after(tokens: list[Token], j: int) -> tuple[list[Token], int]:
    """Office tokens starting at ``j`` (after a comma), and the index after them."""
    k = j
    office: list[Token] = []
    while k < len(tokens):
        word = tokens[k].text
        lowered = word.lower()
        if lowered in _CONNECTORS:
            if not office:
                if lowered == "the":
                    k += 1
                    continue
                break
            office.append(tokens[k])
        elif word == "," and office and _portfolio_follows(tokens, k + 1):
            office.append(tokens[k])  # "Minister of Economy, Trade and Industry"
        elif _is_capitalised(word) and (office or lowered in _OFFICE_WORDS
                                        or countries.demonym_code(word)):
            if _is_honorific(tokens, k) and lowered not in _OFFICE_WORDS:
                break
            office.append(tokens[k])
        else:
            break
        k += 1
    while office and office[-1].text.lower() in _CONNECTORS:
        office.pop()
        k -= 1
    if not any(t.text.lower() in _OFFICE_WORDS for t in office) or _only_a_state(office):
        return [], j
    return office, k


#: Words of a state's formal name: "visiting Berlin, the Federal Republic of Germany" names
#: a city and its country, not a person "Berlin" and an office.
_STATE_FORMS = frozenset(_PERSON_WORDS["state_forms"])
_STATE_WORDS = _STATE_FORMS | _CONNECTORS | frozenset(_PERSON_WORDS["state_adjectives"])
#: Adjectives of regions that open a portfolio ("African Cooperation").
_REGION_ADJECTIVES = frozenset(_PERSON_WORDS["region_adjectives"])


def _only_a_state(office: list[Token]) -> bool:
    """Whether words after a comma are a state's formal name, not an office."""
    words = [t.text.lower() for t in office]
    return any(w in _STATE_FORMS for w in words) and all(
        w in _STATE_WORDS or countries.country_code(t.text) or countries.demonym_code(t.text)
        for w, t in zip(words, office, strict=True))


def _portfolio_follows(tokens: list[Token], k: int) -> bool:
    """Whether an office goes on after a comma with another portfolio ("Minister of Economy,
    Trade and Industry"), not with a name ("Minister of Foreign Affairs, Youssef Idrissi")."""
    if k >= len(tokens) or not tokens[k].text[:1].isupper() or _is_honorific(tokens, k):
        return False
    word = tokens[k].text.lower()
    if word in _OFFICE_WORDS:
        return True
    return k + 1 < len(tokens) and tokens[k + 1].text.lower() in _OFFICE_WORDS and \
        tokens[k + 1].text[:1].isupper() and bool(countries.demonym_code(tokens[k].text)
                                                  or word in _REGION_ADJECTIVES)



def _office_token(tokens: list[Token], k: int) -> bool:
    word = tokens[k].text
    lowered = word.lower()
    if lowered in _CONNECTORS:
        return True
    if lowered in _OFFICE_WORDS:
        return word[:1].isupper() or lowered in ("of", "for")
    if not word[:1].isupper() or _is_honorific(tokens, k):
        return False
    return bool(lowered in _NOT_NAMES or countries.demonym_code(word)
                or countries.country_code(word) or (
                    word.endswith("'s") and countries.country_code(word[:-2])))


def _office_before(tokens: list[Token], i: int) -> list[Token]:
    """Office tokens ending right before index ``i`` ("Secretary of State", "Chilean
    Foreign Minister", "Peru's Foreign Minister", "Minister of Foreign Affairs of the
    Netherlands", "Minister for the Indo-Pacific")."""
    k = i - 1
    window: list[Token] = []
    while k >= 0 and len(window) < 30:
        if k >= 2 and tokens[k].text == ")" and tokens[k - 2].text == "(" and \
                _is_all_caps(tokens[k - 1].text) and window:
            # "People's Republic of China (PRC) State Councilor": the short form stands in;
            # "the Communist Party of China (CPC) Central Committee": it is passed over.
            if countries.country_code(tokens[k - 1].text):
                window.insert(0, tokens[k - 1])
            k -= 3
            continue
        if _office_token(tokens, k) or (k >= 1 and tokens[k].text[:1].isupper()
                                        and tokens[k - 1].text[:1].isupper()
                                        and countries.country_code(
                                            f"{tokens[k - 1].text} {tokens[k].text}")):
            window.insert(0, tokens[k])
            k -= 1
            continue
        if tokens[k].text == "," and window and k >= 1 and \
                tokens[k - 1].text.lower() in _OFFICE_WORDS and tokens[k - 1].text[:1].isupper() \
                and window[0].text[:1].isupper() and not _is_honorific(tokens, k + 1):
            # "Minister of Foreign Affairs, European Union and Cooperation Elena Navarro"
            window.insert(0, tokens[k])
            k -= 1
            continue
        if k >= 1 and window and tokens[k].text[:1].isupper() and countries.country_code(
                f"{tokens[k].text} {window[0].text}"):
            window.insert(0, tokens[k])
            k -= 1
            continue
        if k >= 1 and window and tokens[k].text[:1].isupper() and \
                tokens[k - 1].text[:1].isupper() and countries.country_code(
                f"{tokens[k - 1].text} {tokens[k].text} " + window[0].text.removesuffix("'s")):
            window[:0] = tokens[k - 1:k + 1]  # "Papua New Guinea's Minister for ..."
            k -= 2
            continue
        break
    # The office starts at its first office word, or at the country just before it.
    office: list[Token] = []
    for n, tok in enumerate(window):
        word = tok.text
        nxt = window[n + 1].text.lower() if n + 1 < len(window) else ""
        if n + 3 < len(window) and window[n + 3].text.lower() in _OFFICE_WORDS and \
                countries.country_code(" ".join(t.text for t in window[n:n + 3])
                                       .removesuffix("'s")):
            office = window[n:]  # "Papua New Guinea's Minister for Foreign Affairs"
            break
        if word.lower() in _OFFICE_WORDS and (word.lower() not in ("state", "affairs") or (
                word.lower() == "state" and nxt in ("councilor", "councillor"))):
            office = window[n:]
            break
        if nxt in _OFFICE_WORDS and (countries.demonym_code(word) or countries.country_code(
                word) or (word.endswith("'s") and countries.country_code(word[:-2]))):
            office = window[n:]
            break
        if n + 2 < len(window) and window[n + 2].text.lower() in _OFFICE_WORDS and \
                countries.country_code(f"{word} {window[n + 1].text}"):
            office = window[n:]  # "New Zealand Foreign Minister"
            break
    while office and office[-1].text.lower() in _CONNECTORS:
        office.pop()
    if not any(t.text.lower() in _OFFICE_WORDS for t in office):
        return []
    return office


def _split_organisation(office: list[Token], text: str) -> tuple[list[Token], str]:
    cut = _organisation_tail(office)
    if cut is None or _office_country_tail(office)[1] or any(
            t.text == "and" and n + 1 < len(office) and office[n + 1].text.lower() in
            _OFFICE_WORDS for n, t in enumerate(office[cut:], cut)):
        return office, ""  # "Member of the Political Bureau ... and Director of ..."
    rest = office[cut + 1:]
    if rest and rest[0].text.lower() == "the":
        rest = rest[1:]
    if not rest:
        return office, ""
    return office[:cut], " ".join(text[rest[0].start:rest[-1].end].split()) if text else \
        " ".join(t.text for t in rest)


def _office_text(office: list[Token], text: str = "") -> tuple[str, str | None]:
    """The office without the country it names, and that country."""
    if not office:
        return "", None
    code: str | None = None
    first = office[0].text
    if countries.demonym_code(first):
        code = countries.demonym_code(first)
        office = office[1:]
    elif first.endswith("'s") and countries.country_code(first[:-2]):
        code = countries.country_code(first[:-2])
        office = office[1:]
    elif countries.country_code(first) and len(office) > 1:
        code = countries.country_code(first)
        office = office[1:]
    elif len(office) > 2 and countries.country_code(f"{first} {office[1].text}"):
        code = countries.country_code(f"{first} {office[1].text}")
        office = office[2:]
    elif len(office) > 3 and countries.country_code(
            " ".join(t.text for t in office[:3]).removesuffix("'s")):
        code = countries.country_code(" ".join(t.text for t in office[:3]).removesuffix("'s"))
        office = office[3:]
    cut, tail = _office_country_tail(office)
    if tail:
        code = code or tail
        office = office[:cut]
    if text and office:
        return " ".join(text[office[0].start:office[-1].end].split()), code
    return " ".join(t.text for t in office), code


def find_people(text: str, start: int, end: int) -> list[FoundPerson]:
    """Every person named with an honorific or an office in ``text[start:end]``."""
    tokens = tokenize(text, start, end)
    found: list[FoundPerson] = []
    i = 0
    while i < len(tokens):
        if not _is_name_word(tokens, i) or (tokens[i].text.lower() in _PARTICLES
                                             and tokens[i].text not in FAMILY_FIRST_SURNAMES):
            i += 1
            continue
        j = i
        while j < len(tokens) and j - i < 7 and _is_name_word(tokens, j):
            j += 1
        name_tokens = tokens[i:j]
        # Honorifics right before the name ("H.E. Ms.", "Senator the Hon").
        # At most a few words ("His Excellency the Right Honourable"): a run of
        # honorifics is not walked back to its start for each name in it.
        h = i
        while h > 0 and i - h < _MAX_HONORIFIC_WORDS and _is_honorific(tokens, h - 1):
            h -= 1
        honorific_tokens = tokens[h:i]
        post = j
        while post < len(tokens) and tokens[post].text in _POSTNOMINALS:
            post += 1
        if post + 1 < len(tokens) and tokens[post].text == "," and \
                tokens[post + 1].text.rstrip(".") in ("Jr", "Sr", "II", "III"):
            post += 2  # "Robert L. Whitfield, Jr., Secretary of Commerce"
            if post < len(tokens) and tokens[post].text == ".":
                post += 1
        office_tokens = _office_before(tokens, h)
        office_start = office_tokens[0].start if office_tokens else None
        if not office_tokens and h >= 2 and tokens[h - 1].text == ",":
            office_tokens = _office_before(tokens, h - 1)
            office_start = office_tokens[0].start if office_tokens else None
        after_end = post
        if post + 1 < len(tokens) and tokens[post].text == ",":
            after, after_end = _office_after(tokens, post + 1)
            if after and not office_tokens:
                office_tokens = after
                office_start = after[0].start
            elif not after:
                after_end = post
        # "Minister Hayashi" refers to someone already introduced; keep it so duplicates
        # merge. "his Greek counterpart(,) Nikos Vlachos" names a person too.
        named_as_counterpart = h > 0 and "counterpart" in (
            tokens[h - 1].text.lower(), tokens[h - 2].text.lower() if h > 1 else "")
        if not honorific_tokens and not office_tokens and not named_as_counterpart:
            i = j
            continue
        words = [t.text for t in name_tokens]
        # A name must have a word that is not an initial, and not be one of the place names
        # that happen to follow offices ("the Foreign Minister Lima" does not occur).
        if all(_is_initial(w) for w in words):
            i = j
            continue
        family, given, order = _split_name(words)
        office_tokens, organisation = _split_organisation(office_tokens, text)
        office, code = _office_text(office_tokens, text)
        if not honorific_tokens and not named_as_counterpart and \
                not _HEAD_WORDS & set(re.split(r"[\s,/]+", office.lower())):
            # "the Ministry of Foreign Affairs, Bangkok", "Economic Corridor": no office
            # without a word for a post in it.
            i = max(j, after_end)
            continue
        honorific = " ".join(t.text for t in honorific_tokens)
        honorific = re.sub(r"^The\b", "the", honorific)
        lookback = text[max(start, (office_start or name_tokens[0].start) - 60):
                        office_start or name_tokens[0].start].lower().rsplit("\n", 1)[-1]
        spokesperson = bool(re.search(r"spokes(?:person|man|woman)|press secretary", office,
                                      re.IGNORECASE)) or "attributable to" in lookback
        mention_start = min(x for x in (office_start, honorific_tokens[0].start
                                        if honorific_tokens else None,
                                        name_tokens[0].start) if x is not None)
        mention_end = tokens[after_end - 1].end if after_end > j else tokens[post - 1].end
        office_span = ((office_tokens[0].start, office_tokens[-1].end) if office_tokens
                       else None)
        found.append(FoundPerson(honorific, family, given, order, office, code,
                                 mention_start, mention_end, office_span, spokesperson,
                                 organisation))
        i = max(j, after_end)
    return found
