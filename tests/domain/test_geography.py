"""Countries, cities and their zones."""

from __future__ import annotations

from readout_desk.domain import geography


def test_countries_by_any_name() -> None:
    assert geography.find_country("Peru") == "PE"
    assert geography.find_country("the Republic of Peru") == "PE"
    assert geography.find_country("Perú") == "PE"
    assert geography.find_country("PER") == "PE"
    assert geography.find_country("United States of America") == "US"
    assert geography.find_country("U.S.") == "US"
    assert geography.find_country("Republic of Korea") == "KR"
    assert geography.find_country("Federative Republic of Brazil") == "BR"
    assert geography.find_country("Atlantis") is None
    assert geography.country_name("KR") == "South Korea"
    assert geography.country_name("PE") == "Peru"
    assert geography.country_name("ZZ") == "ZZ"


def test_short_names_are_pycountrys_without_importing_it() -> None:
    import subprocess
    import sys

    import pycountry

    for entry in pycountry.countries:
        expected = getattr(entry, "common_name", None) or entry.name
        assert geography.country_name(entry.alpha_2) == expected
        assert geography.country_name(entry.alpha_2.lower()) == expected
    assert geography.country_name("") == ""
    # The window's first page names countries before pycountry (and the package
    # metadata its import reads) has loaded.
    probe = ("import sys; from readout_desk.domain import geography; "
             "print(geography.country_name('PE'), 'pycountry' in sys.modules, "
             "'importlib.metadata' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True)
    assert out.stdout.split() == ["Peru", "False", "False"]


def test_relation_label() -> None:
    assert geography.relation_label(("JP", "PE")) == "Japan-Peru Relations"
    assert geography.relation_label(("US",)) == "United States Relations"
    assert geography.relation_label(()) == ""


def test_zones_of_places() -> None:
    assert geography.zones_for_country("PE") == ("America/Lima",)
    assert "Australia/Sydney" in geography.zones_for_country("AU")
    assert geography.suggest_zones("Lima", "PE")[0] == "America/Lima"
    assert geography.suggest_zones("Canberra", "AU")[0] == "Australia/Sydney"
    assert geography.suggest_zones("New Delhi", "IN") == ["Asia/Kolkata"]
    assert geography.suggest_zones("Rio de Janeiro", "BR")[0] == "America/Sao_Paulo"
    # A country with several zones offers all of them.
    assert len(geography.suggest_zones("", "US")) > 5
    assert geography.find_city("Lima") == ("Lima", "PE", "America/Lima")
    assert geography.find_city("Lima", "US") == ("Lima", "US", "America/New_York")
    assert geography.country_of_zone("Asia/Tokyo") == "JP"


def _match_key_in_full(text: str) -> str:
    """``match_key`` as it decomposes every text (the way it reads non-ASCII text)."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def test_a_plain_ascii_name_is_matched_as_when_decomposed() -> None:
    every_ascii = "".join(chr(i) for i in range(128))
    samples = [every_ascii, every_ascii[::-1], "  Bui-Gupta ", "O'NEILL\t", "\x1f\x00",
               "MÜLLER", "Perú", "Ｔｏｋｙｏ", "ǅemal", "İstanbul", "ﬁnance"]
    for text in samples + [every_ascii[i:i + 7] for i in range(0, 128, 3)]:
        assert geography.match_key(text) == _match_key_in_full(text), repr(text)
    assert geography.match_key("  Perú ") == "peru"
