"""The kinds of session readouts name, kept as printed, from a list users can extend.

The list ships as ``resources/kinds.json``; a user's own file in the same format (kept in
the config folder by the caller, which passes its path) adds kinds or other spellings::

    {"kinds": [{"name": "informal talk"},
               {"name": "telephone talk", "aliases": ["telephone talks"]},
               {"name": "strategic consultations"}]}

A kind is matched regardless of case and kept as its ``name``: "an Informal Talk" is an
"informal talk", "a Telephonic Conversation" a "telephonic conversation". A readout that
names no listed kind gets the generic "meeting" from its verb ("met with").
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any


class KindListError(ValueError):
    """A kind file that cannot be read; the message names the file and the problem."""


@dataclass(frozen=True)
class KindList:
    """Each printed form (lower case, single spaces) with the kind the record keeps."""

    forms: tuple[tuple[str, str], ...]

    @functools.cached_property
    def table(self) -> dict[str, str]:
        return dict(self.forms)

    @functools.cached_property
    def alternation(self) -> str:
        """A regular-expression alternation of every printed form, longest first; spaces
        stand for any run of blanks (bounded)."""
        forms = sorted(self.table, key=len, reverse=True)
        return "|".join(re.escape(f).replace(r"\ ", r"\s{1,3}") for f in forms)

    def canonical(self, printed: str) -> str:
        """The kind as the record keeps it ("Videoconference" -> "video conference")."""
        key = " ".join(printed.lower().replace("’", "'").split())
        return self.table.get(key, key)


def _parse(data: Any, where: str) -> list[tuple[str, str]]:
    items = data.get("kinds") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise KindListError(f"{where} should hold a list of kinds under \"kinds\"")
    forms: list[tuple[str, str]] = []
    for i, item in enumerate(items):
        if isinstance(item, str):
            item = {"name": item}
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) \
                or not item["name"].strip():
            raise KindListError(f"{where}: kind {i + 1} needs a \"name\"")
        aliases = item.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise KindListError(f"{where}: the aliases of {item['name']!r} should be a list "
                                "of text")
        name = " ".join(item["name"].split())
        for form in (name, *aliases):
            key = " ".join(form.lower().replace("’", "'").split())
            if key and len(key) <= 60:
                forms.append((key, name.lower()))
    return forms


@functools.lru_cache(maxsize=8)
def _shipped() -> tuple[tuple[str, str], ...]:
    text = (resources.files("readout_desk.resources") / "kinds.json").read_text("utf-8")
    return tuple(_parse(json.loads(text), "kinds.json"))


def load_kinds(extra: Path | None = None) -> KindList:
    """The shipped kinds, plus those of the user's file ``extra`` when it exists."""
    forms = list(_shipped())
    if extra is not None and extra.exists():
        try:
            data = json.loads(extra.read_text("utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise KindListError(f"{extra.name} cannot be read: {exc}") from exc
        forms += _parse(data, extra.name)
    return _cached(tuple(forms))


@functools.lru_cache(maxsize=8)
def _cached(forms: tuple[tuple[str, str], ...]) -> KindList:
    return KindList(forms)
