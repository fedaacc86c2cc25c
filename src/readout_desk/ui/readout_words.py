"""A readout in the window: written in its own language, labelled in the interface's.

A readout's dates and timing lines read as it was published (an English readout "May 3,
2023" and "11:10 p.m. on May 3 JST" in a Japanese interface too; a Japanese one
``令和5年5月3日`` in an English interface too); the field names around them, a meeting's
mode and the sidebar's values (countries, topics) follow the interface where the program
knows the Japanese form. The stored values, and what a search or a filter matches, stay as
they are.
"""

from __future__ import annotations

import functools
import re

from readout_desk.domain import geography, render
from readout_desk.domain.records import Readout
from readout_desk.ui import language


def label_language() -> str:
    """The language of the labels around a readout's text: the interface's."""
    return language.shown()


def pane_date_format(readout: Readout, chosen: str) -> str:
    """The date format a readout's own dates are written in: the one chosen in Preferences,
    except that the Japanese form (a Japanese interface's default) is a Japanese readout's
    own, so an English readout keeps the English form it was published with."""
    if chosen == "japanese" and not render.is_japanese(readout):
        return "long"
    return chosen


def country_label(code: str, fallback: str) -> str:
    """A country as the interface names it: ``ペルー`` in Japanese, else ``fallback``."""
    if language.shown() == language.JAPANESE and code:
        return geography.country_name_ja(code)
    return fallback


#: Kana or kanji: a word written in Japanese (full-width Latin "Ｇ７" is not).
_JAPANESE_WORD = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


@functools.lru_cache(maxsize=1)
def _japanese_topics() -> dict[str, str]:
    """Each topic's Japanese name: the first word of its entry in the word tables written
    in kana or kanji (``Climate change``: ``気候変動``). An acronym ("CPTPP", "G7") is
    written so in Japanese too, and topics with no Japanese word are left out."""
    from readout_desk.domain.extract import wordtables

    named = {}
    for topic, words in wordtables.word_lists("japanese_topics").items():
        japanese = [w for w in words if _JAPANESE_WORD.search(w)]
        if japanese and not re.fullmatch(r"[A-Z0-9]+", topic):
            named[topic] = japanese[0]
    return named


def topic_label(topic: str) -> str:
    """A topic as the interface names it: its Japanese name in Japanese where the program
    knows one, else as stored ("CPTPP" stays "CPTPP")."""
    if language.shown() == language.JAPANESE:
        return _japanese_topics().get(topic, topic)
    return topic
