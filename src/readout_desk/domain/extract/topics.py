"""Topics from a curated list with aliases, which users can extend.

The list ships as ``resources/topics.json``; a user's own file (the same format, kept in
the config folder by the caller, which passes its path) adds topics or aliases::

    {"topics": [{"name": "CPTPP", "aliases": ["TPP", "TPP11"]},
                {"name": "Osaka-Kansai Expo", "aliases": ["Expo 2025"]}]}

An alias written in capitals ("TPP", "APEC") matches only in capitals; any other alias
matches regardless of case. A topic may set ``"year": true`` to keep a year printed
next to it ("APEC 2025" files under APEC, and the year is kept in ``years``).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any


class TopicListError(ValueError):
    """A topic file that cannot be read; the message names the file and the problem."""


@dataclass(frozen=True)
class Topic:
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class FoundTopic:
    name: str
    start: int
    end: int


def _parse(data: Any, where: str) -> list[Topic]:
    items = data.get("topics") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise TopicListError(f"{where} should hold a list of topics under \"topics\"")
    topics = []
    for i, item in enumerate(items):
        if isinstance(item, str):
            topics.append(Topic(item, ()))
            continue
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise TopicListError(f"{where}: topic {i + 1} needs a \"name\"")
        aliases = item.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise TopicListError(f"{where}: the aliases of {item['name']!r} should be a list "
                                 "of text")
        topics.append(Topic(item["name"].strip(), tuple(a.strip() for a in aliases if a.strip())))
    return topics


@functools.lru_cache(maxsize=1)
def builtin_topics() -> tuple[Topic, ...]:
    """The curated list that ships with the program."""
    text = (resources.files("readout_desk.resources") / "topics.json").read_text("utf-8")
    return tuple(_parse(json.loads(text), "topics.json"))


def load_topics(extra: Path | None = None) -> tuple[Topic, ...]:
    """The curated list merged with the user's file at ``extra`` (if it exists)."""
    merged: dict[str, list[str]] = {}
    for topic in builtin_topics():
        merged.setdefault(topic.name, []).extend(topic.aliases)
    if extra is not None and extra.exists():
        try:
            data = json.loads(extra.read_text("utf-8-sig"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise TopicListError(f"{extra} cannot be read as JSON: {exc}") from None
        for topic in _parse(data, str(extra)):
            names = {n.casefold(): n for n in merged}
            key = names.get(topic.name.casefold(), topic.name)
            merged.setdefault(key, []).extend(a for a in topic.aliases if a not in merged.get(
                key, []))
    return tuple(Topic(name, tuple(aliases)) for name, aliases in merged.items())


def _pattern(phrase: str) -> str:
    words = [re.escape(w) for w in phrase.split()]
    return r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)"


@functools.lru_cache(maxsize=8)
def _matchers(topics: tuple[Topic, ...]) -> tuple[tuple[re.Pattern[str], str], ...]:
    out = []
    for topic in topics:
        for phrase in (topic.name, *topic.aliases):
            upper = phrase == phrase.upper() and any(c.isalpha() for c in phrase)
            flags = 0 if upper else re.IGNORECASE
            out.append((re.compile(_pattern(phrase), flags), topic.name))
    return tuple(out)


def find_topics(text: str, topics: Iterable[Topic], start: int = 0,
                end: int | None = None) -> list[FoundTopic]:
    """Each topic mentioned in ``text[start:end]``, first mention only, in text order."""
    stop = len(text) if end is None else end
    first: dict[str, FoundTopic] = {}
    for pattern, name in _matchers(tuple(topics)):
        m = pattern.search(text, start, stop)
        if m and (name not in first or m.start() < first[name].start):
            first[name] = FoundTopic(name, m.start(), m.end())
    return sorted(first.values(), key=lambda t: t.start)
