"""The written-first evaluation sets stay whole and their expected facts follow the zone rules.

These tests do not score the extractor (the sets are measured with
``bench/extraction_accuracy.py``); they keep the sets themselves honest.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

HELDOUT = Path(__file__).parent
CORPUS_JA = HELDOUT.parent / "corpus_ja"
HELDOUT2 = HELDOUT.parent / "heldout2"

# folder -> (file-name prefix -> number of texts, number of wrong printed times)
SETS = {
    HELDOUT: ({"mofa-": 25, "": 15}, 4),
    CORPUS_JA: ({"dev-": 20, "heldout-": 15}, 3),
    HELDOUT2: ({"ja-": 13, "mofa-": 9, "": 20}, 5),
}


def _sidecars(folder: Path) -> dict[str, dict[str, Any]]:
    texts = sorted(folder.glob("*.txt"))
    return {t.stem: json.loads(t.with_suffix(".json").read_text("utf-8")) for t in texts}


def _printed_time_is_right(session: dict[str, Any]) -> bool | None:
    """What the zone rules say of the session's printed second time (None: none printed)."""
    wall = dt.datetime.fromisoformat(session["local"]).replace(tzinfo=ZoneInfo(session["zone"]))
    utc = wall.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%MZ")
    assert utc == session["utc"]
    other = session.get("stated_other")
    if not other:
        return None
    there = wall.astimezone(ZoneInfo(other["zone"])).strftime("%Y-%m-%dT%H:%M")
    return there == str(other["local"])


@pytest.mark.parametrize("folder", list(SETS), ids=lambda f: f.name)
def test_every_text_has_its_sidecar_and_the_split_holds(folder: Path) -> None:
    prefixes, _wrong = SETS[folder]
    texts = sorted(folder.glob("*.txt"))
    assert all(t.with_suffix(".json").exists() for t in texts)
    for prefix, count in prefixes.items():
        others = [p for p in prefixes if p and p != prefix]
        named = [t for t in texts if t.name.startswith(prefix)
                 and not any(t.name.startswith(p) for p in others)]
        assert len(named) == count, prefix


@pytest.mark.parametrize("folder", list(SETS), ids=lambda f: f.name)
def test_expected_times_follow_the_zone_rules(folder: Path) -> None:
    wrong = []
    for name, facts in _sidecars(folder).items():
        for session in facts["sessions"]:
            if not (session.get("local") and session.get("zone")):
                continue
            right = _printed_time_is_right(session)
            if right is not None:
                assert session["stated_other_ok"] is right, name
            if right is False:
                wrong.append(name)
    assert len(wrong) == SETS[folder][1]


@pytest.mark.parametrize("folder", list(SETS), ids=lambda f: f.name)
def test_the_readme_table_lists_every_text(folder: Path) -> None:
    readme = (folder / "README.md").read_text("utf-8")
    listed = set(re.findall(r"^\| `([^`]+)` \|", readme, flags=re.MULTILINE))
    assert listed == set(_sidecars(folder))


def test_every_class_of_miss_has_at_least_two_english_texts() -> None:
    seen: dict[int, int] = {}
    for facts in _sidecars(HELDOUT).values():
        for cls in facts["classes"]:
            seen[cls] = seen.get(cls, 0) + 1
    assert sorted(seen) == list(range(1, 9))
    assert min(seen.values()) >= 2


def test_japanese_sidecars_say_their_language() -> None:
    assert {f["language"] for f in _sidecars(CORPUS_JA).values()} == {"ja"}
    second = _sidecars(HELDOUT2)
    assert {f.get("language") for n, f in second.items() if n.startswith("ja-")} == {"ja"}
    assert {f.get("language") for n, f in second.items() if not n.startswith("ja-")} == {None}
