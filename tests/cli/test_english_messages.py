"""The command line says what is wrong with a readout in English, word for word as before
the interface learnt to translate the same sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import run


def _session(**fields: object) -> dict[str, object]:
    return {"kind": "meeting", **fields}


#: A readout with one fault each, and what ``add`` prints for it (after the file's name).
CASES = [
    ({"relation": ["JP", "XQ"]},
     "nothing was added. 'XQ' in the relation is not an ISO 3166 country code.\n"),
    ({"place": {"city": "Berlin", "country": "QQ"}},
     "nothing was added. The place's country 'QQ' is not an ISO 3166 code.\n"),
    ({"place": {"city": "Berlin", "zone": "Mars/Olympus"}},
     "nothing was added. The place's time zone 'Mars/Olympus' is not a known IANA zone.\n"),
    ({"participants": [{"family_name": "Tanaka", "country": "ZZ"}]},
     "nothing was added. Participant 1's country 'ZZ' is not an ISO 3166 code.\n"),
    ({"sessions": [_session(start="2025-03-30T02:30", zone="Europe/Berlin")]},
     'nothing was added. Session 1 (meeting): 2:30 a.m. on March 30 does not exist in '
     'Europe/Berlin: the clocks went forward from 2:00 a.m. to 3:00 a.m.; the nearest valid '
     'times are 1:59 a.m. and 3:00 a.m.\n'),
    ({"sessions": [_session(start="2025-11-02T01:30", zone="America/New_York")]},
     'nothing was added. Session 1 (meeting): 1:30 a.m. on November 2 occurs twice in '
     'America/New_York: first at EDT (UTC-4), then at EST (UTC-5). Choose which one is meant.\n'),
    ({"sessions": [_session(start="2025-03-30T09:00", zone="Asia/Tokyo", duration_minutes=2000)]},
     "nothing was added. Session 1 (meeting): a duration of 33 hours and 20 minutes is longer "
     "than a day; enter each day's session separately\n"),
    ({"sessions": [_session(start="2025-03-30T09:00", zone="Asia/Tokyo", end="2025-03-30T08:00")]},
     'nothing was added. Session 1 (meeting): the session ends before it starts\n'),
    ({"sessions": [_session(start="2025-03-30T09:00")]},
     'nothing was added. Session 1 (meeting): a start time needs the time zone it was stated in\n'),
    ({"points": [{"text": "  "}]},
     'nothing was added. Summary point 1 is empty.\n'),
    ({"photos": [{"caption": "x", "file": "../etc/passwd"}]},
     "nothing was added. Photo 1: The photo file name '../etc/passwd' is not a plain name "
     "inside the archive's photo folder.\n"),
    ({"title": "", "section": ""},
     'nothing was added. A readout needs a title (or at least a section such as "Japan-Peru '
     'Relations").\n'),
]


@pytest.mark.parametrize(("fault", "said"), CASES)
def test_add_says_what_is_wrong_in_english_exactly(
        tmp_path: Path, fault: dict[str, object], said: str) -> None:
    path = tmp_path / "readout.json"
    readout = {"title": "Talks", "meeting_date": "2025-03-30", **fault}
    path.write_text(json.dumps({"readouts": [readout]}), encoding="utf-8")
    code, out, err = run("--db", str(tmp_path / "cli.sqlite3"), "add", str(path))
    assert (code, out) == (2, "")
    assert err == f"readout-desk-cli: {path}: {said}"


def test_check_timings_explains_a_flag_in_english_exactly(tmp_path: Path) -> None:
    from readout_desk.domain import jsonformat
    from tests.archive.helpers import brazil_readout

    path = tmp_path / "brazil.json"
    path.write_text(json.dumps(jsonformat.readout_to_dict(brazil_readout())), encoding="utf-8")
    db = str(tmp_path / "cli.sqlite3")
    assert run("--db", db, "add", str(path))[0] == 0
    assert run("--db", db, "check-timings") == (0, (
        "1 session with a printed time that disagrees with the time-zone rules:\n"
        "      1  2025-09-25  Japan-Brazil Summit Meeting — session 1 (summit meeting): "
        "printed 1:20 a.m. on September 26 JST; the time-zone rules give 2:20 a.m. on "
        "September 26 JST\n"), "")
