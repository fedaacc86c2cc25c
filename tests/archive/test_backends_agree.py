"""SQLite and PostgreSQL find the same readouts for the same query.

The same readouts (the demo, a generated English corpus and a generated half-Japanese
corpus with the Japanese-search example) go into an archive on each backend, in the same
order, so they get the same ids; every query then must give the same hit set and the same
total on both. Ranking may differ (bm25 against ts_rank), so only sets are compared. The
queries are written by hand for each part of the syntax, and drawn at random (with a
fixed seed) from the words, phrases and Japanese runs the corpus holds.
"""

from __future__ import annotations

import dataclasses
import random
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from readout_desk.archive import Archive
from readout_desk.archive.demo import demo_readouts
from readout_desk.domain import jsonformat, scripts
from readout_desk.domain.records import Readout
from tests.archive.conftest import empty_database
from tests.archive.helpers import brazil_readout
from tests.archive.test_japanese_search import LIMA_JA

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import corpus  # noqa: E402
import corpus_ja  # noqa: E402

SIZE = 300
SEED = 17

WRITTEN = (
    "muller", "Müller", "acucar", "ELYSEE", '"sao paulo"', "title:sao", "são*",
    '"paulo com"', '"muller brasil"', "title:brasil", "trade", "Trade", "tra*", "mi*",
    '"prime minister"', '"foreign minister" -trade',
    "title:trade", "title:meeting", "person:hayashi", "country:peru", "topic:cptpp",
    "place:lima", "kind:plenary", "-trade", "-minister", "minister -trade", "trade OR investment",
    "trade | energy -japan", "NOT minister", "café", "cafe", "Sao Paulo", "são", "A/B",
    "U.S.", "co2", "2023", "mode:telephone", "mode:in-person trade", "year:2023",
    "from:2023-05-01 to:2023-06-30", "from:2024 minister", "to:2022", "in:trash",
    "外相会談", "ペルー", "外務大臣", "林芳正", "5月3日", "林", "銅", "会", "談", "ー", "外相",
    "相会", "会談", "ます", "の", "ペル", "外務省", "首脳会", "経済安全保障", "意見交換を行",
    "令和5年5月", "午前9時10分", "ＣＰＴＰＰ", "ｶﾀｶﾅ", "ﾊﾔｼ", "林 CPTPP", "会談 -外相",
    "外相 OR 首脳", "外相 OR minister", "-外相 minister", "title:外相",
    '"外相会談" title:ペルー', "CPTPP協定", "title:会*", "person:林*",
    corpus_ja.RARE, corpus_ja.ABSENT, "", "*", '"', "-", "title:", "()",
)


def _accented() -> Readout:
    """Diacritics, and words that meet across the end of one index column."""
    return dataclasses.replace(
        brazil_readout(), title="Encontro em São Paulo com a Sra. Müller",
        section="Brasil", lead="Reunião no Café Élysée sobre o açúcar e a cooperação.")


def _records() -> list[Readout]:
    english = [corpus.readout(i) for i in range(SIZE)]
    japanese = [jsonformat.readout_from_dict(corpus_ja.mixed(i, 0.5)) for i in range(SIZE)]
    return [*demo_readouts(), *english, *japanese, LIMA_JA, _accented()]


@pytest.fixture(scope="module")
def pair(tmp_path_factory: pytest.TempPathFactory,
         pg_server: str) -> Iterator[tuple[Archive, Archive]]:
    empty_database(pg_server)
    records = _records()
    lite = Archive.open(tmp_path_factory.mktemp("agree") / "archive.sqlite3")
    team = Archive.open(pg_server)
    for archive in (lite, team):
        archive.add_many(records)
        # Some readouts in the trash, so that the trash filters are exercised.
        for readout_id in range(5, 200, 37):
            archive.delete(readout_id)
    yield lite, team
    lite.close()
    team.close()


def _drawn() -> list[str]:
    """Words, prefixes, phrases, field filters and runs drawn from the corpus."""
    rng = random.Random(SEED)
    texts = [" ".join([r.title, r.lead, *(p.text for p in r.points)]) for r in _records()]
    words = sorted({w for t in texts for w in t.split() if w.isalpha() and w.isascii()})
    runs = sorted({run for t in texts for run in scripts.runs(scripts.index_text(t))})
    drawn: list[str] = []
    for _i in range(40):
        a, b = rng.choice(words), rng.choice(words)
        drawn += [a, a[:rng.randint(1, 4)] + "*", f"{a} {b}", f"{a} OR {b}", f"{a} -{b}",
                  f"title:{a}"]
        text = rng.choice(texts).split()
        at = rng.randrange(max(1, len(text) - 3))
        drawn.append('"' + " ".join(text[at:at + rng.randint(2, 3)]) + '"')
        run = rng.choice(runs)
        start = rng.randrange(len(run))
        drawn.append(run[start:start + rng.randint(1, 6)])
    return drawn


@pytest.mark.parametrize("query", [*WRITTEN, *_drawn()])
def test_both_backends_find_the_same_readouts(pair: tuple[Archive, Archive],
                                              query: str) -> None:
    lite, team = pair
    expected = set(lite.search_ids(query))
    assert set(team.search_ids(query)) == expected
    assert team.search(query).total == lite.search(query).total == len(expected)


def test_the_hand_written_queries_find_something(pair: tuple[Archive, Archive]) -> None:
    """The comparison above is not between two empty sets."""
    lite, _team = pair
    assert sum(1 for q in WRITTEN if lite.search_ids(q)) > len(WRITTEN) // 2
    for query in ("muller", "acucar", "ELYSEE", '"sao paulo"', '"paulo com"'):
        assert lite.search_ids(query), query
    assert not lite.search_ids('"muller brasil"')  # no phrase across two columns
