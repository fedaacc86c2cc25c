"""Every shared example parses to the facts in its expected.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from readout_desk.domain import timing
from readout_desk.domain.extract import extract
from readout_desk.domain.extract.scoring import score

#: Facts of the shared examples written before a session kept its kind as printed: "held a
#: Japan-Germany Foreign Ministers' Meeting" is a "foreign ministers' meeting" now, not a
#: generic "meeting" (docs/EXTRACTION.md, "Kinds of session").
_KIND_AS_PRINTED = {"variant-dst-start-berlin.txt": {0: "foreign ministers' meeting"}}


def _expected(examples_dir: Path) -> dict[str, dict[str, object]]:
    data = json.loads((examples_dir / "expected.json").read_text("utf-8"))
    expected = {k: v for k, v in data.items() if not k.startswith("_")}
    for name, kinds in _KIND_AS_PRINTED.items():
        sessions = expected[name]["sessions"]
        assert isinstance(sessions, list)
        for index, kind in kinds.items():
            assert sessions[index]["kind"] == "meeting"  # the file's own, generic kind
            sessions[index] = {**sessions[index], "kind": kind}
    return expected


def test_every_example_matches_its_expected_facts(examples_dir: Path) -> None:
    expected = _expected(examples_dir)
    assert len(expected) >= 8
    misses: list[str] = []
    for name, facts in expected.items():
        draft = extract((examples_dir / name).read_bytes())
        checks = {c.index: c.ok for c in draft.checks}
        result = score(draft.readout, facts, checks, where=f"{name}: ",
                       proposed=draft.proposed)
        misses += result.misses
    assert misses == []


def test_only_the_inconsistent_example_is_flagged(examples_dir: Path) -> None:
    flagged = []
    for name in _expected(examples_dir):
        draft = extract((examples_dir / name).read_bytes())
        if draft.flagged:
            flagged.append(name)
    assert flagged == ["variant-inconsistent-stated-time.txt"]
    draft = extract((examples_dir / "variant-inconsistent-stated-time.txt").read_bytes())
    check = draft.flagged[0]
    assert "printed 1:20 a.m. on September 26 JST" in check.message
    assert "the time-zone rules give 2:20 a.m." in check.message
    # The printed time stays on the record as the source gave it.
    printed = draft.readout.sessions[0].printed_other
    assert printed is not None and printed.local.hour == 1
    assert timing.check_printed(draft.readout.sessions[0]) is not None


def test_lima_spans_point_at_the_source(examples_dir: Path) -> None:
    draft = extract((examples_dir / "japan-peru-foreign-ministers-2023-05-03.txt").read_bytes())
    src = draft.source
    s, e = draft.spans["sessions[0].start"]
    assert src[s:e] == "9:10 a.m."
    s, e = draft.spans["sessions[1].printed_other"]
    assert src[s:e] == "11:40 p.m. on May 3 JST"
    s, e = draft.spans["participants[0]"]
    assert src[s:e].startswith("Mr. HAYASHI Yoshimasa")
    s, e = draft.spans["place"]
    assert src[s:e] == "Lima, Peru"
    assert src[slice(*draft.spans["section"])] == "Japan-Peru Relations"
    assert len(draft.readout.points) == 4
    assert draft.readout.points[0].text.startswith("At the outset")


@pytest.mark.parametrize("name,zone,counterpart", [
    ("variant-telephone-japan-time.txt", "Asia/Tokyo", ("Europe/Oslo", "2025-02-14T14:05")),
    ("variant-video-previous-day.txt", "Asia/Tokyo", ("America/New_York", "2026-01-19T17:00")),
])
def test_sessions_stated_in_japan_time(examples_dir: Path, name: str, zone: str,
                                       counterpart: tuple[str, str]) -> None:
    session = extract((examples_dir / name).read_bytes()).readout.sessions[0]
    assert session.zone == zone
    start = timing.session_start(session)
    assert start is not None
    there = start.astimezone(timing.get_zone(counterpart[0]))
    assert there.strftime("%Y-%m-%dT%H:%M") == counterpart[1]
