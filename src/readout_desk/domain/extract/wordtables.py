"""The word tables extraction reads: countries, venues, zone names and the Japanese words.

They ship as one data file, ``resources/words.json`` (each table with a line saying what it
holds), read once on first use; the modules that use a table keep it as a module constant.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any


@functools.cache
def _tables() -> dict[str, Any]:
    text = (resources.files("readout_desk.resources") / "words.json").read_text("utf-8")
    tables: dict[str, Any] = json.loads(text)
    return tables


def _entries(table: str) -> dict[str, Any]:
    entries: dict[str, Any] = _tables()[table]["entries"]
    return entries


def lookup(table: str) -> dict[str, str]:
    """A table of words -> one word: an ISO country code ("" for a word that names no
    country), or a zone."""
    return {word: str(value) for word, value in _entries(table).items()}


def places(table: str) -> dict[str, tuple[str, str, str]]:
    """A table of place names -> (city as kept, country, zone)."""
    return {name: (str(city), str(country), str(zone))
            for name, (city, country, zone) in _entries(table).items()}


def word_lists(table: str) -> dict[str, tuple[str, ...]]:
    """A table of names -> the words that mean them."""
    return {name: tuple(str(w) for w in words) for name, words in _entries(table).items()}
