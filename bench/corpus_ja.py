"""Japanese-language readouts for the benchmark corpus, generated (never copied).

The words and sentence frames are the search study's (``bench/cjk_search_study.py``,
:func:`cjk_search_study.japanese_fields`): made-up people (kanji names, katakana names,
a few printed in half-width katakana as a careless form would), offices, kinds of
meeting, topics (some in full-width letters: ``ＣＰＴＰＰ``) and a rare word planted at a
known rate. This module puts them into the exchange format (the shape
:func:`corpus.readout` has), keeping the English readout's dates, zone and sessions of
the same index so that the rest of the archive (sorting, facets) sees the same spread.

``mixed(index, share)`` is the corpus of ``bench/run.py --japanese-share``: readout
``index`` is Japanese for a ``share`` of the indexes, spread evenly.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import cjk_search_study as study
import corpus
from readout_desk.domain import jsonformat

RARE = study.JA_RARE
ABSENT = study.JA_ABSENT


def is_japanese(index: int, share: float) -> bool:
    """Whether readout ``index`` is Japanese when a ``share`` of them are (evenly spread)."""
    return share > 0 and int((index + 1) * share) > int(index * share)


def japanese_readout(index: int, seed: int = corpus.SEED) -> dict[str, Any]:
    """Readout ``index`` in Japanese, in the exchange format."""
    fields = study.japanese_fields(index, seed)
    english = jsonformat.readout_to_dict(corpus.readout(index, seed))
    rng = random.Random(seed * 1_000_003 + index)
    ours, our_office, theirs, their_office = fields["people"].split("\n")
    kinds = fields["kinds"].split("\n")
    sessions = english["sessions"][:len(kinds)]
    for session, kind in zip(sessions, kinds, strict=False):
        session["kind"] = kind
        session["printed_other"] = None
    place = english["place"]
    if place and fields["place"]:
        place["city"] = fields["place"]
        place["venue"] = ""
    lead, *points = fields["body"].split("\n")
    return {
        **english,
        "title": fields["title"] or f"日・{fields['section']}{kinds[0]}",
        "section": fields["section"],
        "publisher": fields["publisher"],
        "language": "ja",
        "place": place if fields["place"] else None,
        "mode": english["mode"] if fields["place"] else "telephone",
        "occasion": fields["occasion"],
        "lead": lead,
        "participants": [
            {"family_name": ours, "given_name": "", "name_order": "family-first",
             "honorific": "", "office": our_office, "country": "JP", "organisation": "",
             "side": "日本"},
            {"family_name": theirs, "given_name": "", "name_order": "given-first",
             "honorific": "", "office": their_office,
             "country": english["relation"][-1] if english["relation"] else None,
             "organisation": "", "side": fields["section"]},
        ],
        "sessions": sessions,
        "points": [{"text": p, "speaker": "", "label": str(i), "level": 0}
                   for i, p in enumerate(points, start=1)],
        "topics": fields["topics"].split("\n"),
        "photos": [] if rng.random() < 0.8 else [{"caption": f"{ours}{our_office}と{theirs}"
                                                             f"{their_office}", "file": ""}],
    }


def mixed(index: int, share: float, seed: int = corpus.SEED) -> dict[str, Any]:
    """Readout ``index`` of a corpus with a ``share`` of Japanese readouts."""
    if is_japanese(index, share):
        return japanese_readout(index, seed)
    return jsonformat.readout_to_dict(corpus.readout(index, seed))


def iter_batches(size: int, batch: int, share: float, seed: int = corpus.SEED, start: int = 0
                 ) -> Iterator[tuple[int, list[dict[str, Any]]]]:
    """Like :func:`corpus.iter_batches`, with a ``share`` of Japanese readouts."""
    for first in range(start, size, batch):
        yield first, [mixed(i, share, seed) for i in range(first, min(first + batch, size))]
