"""The demo archive and the JSON Schema of the format.

Every demo file must validate against ``docs/readout-desk.schema.json``, load through the
JSON reader without problems, check its printed second times as intended, and the demo as a
whole must cover what the demo promises (modes, a +05:30 zone, daylight-saving dates, a
date that rolls over in Japan). The facts are asserted from the data, so removing a readout
that carries one of them fails a test here.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import jsonschema
import pytest

from readout_desk import cli
from readout_desk.archive import Archive
from readout_desk.archive.demo import demo_readouts, load_demo
from readout_desk.domain import jsonformat, timing, validation
from readout_desk.domain.records import MeetingSession, Mode, Readout

REPO = Path(__file__).resolve().parents[2]
SCHEMA_PATH = REPO / "docs" / "readout-desk.schema.json"
FORMAT_DOC = REPO / "docs" / "JSON_FORMAT.md"
DEMO_DIR = Path(str(resources.files("readout_desk.resources") / "demo"))
DEMO_FILES = sorted(DEMO_DIR.glob("*.json"))

#: The printed second times written wrong on purpose, as (title, session index).
INTENDED_MISMATCHES = {
    ("Japan-Brazil Summit Meeting", 0),
    ("Japan-Mexico Foreign Ministers' Meeting and Working Dinner", 0),
    ("Japan-Mexico Foreign Ministers' Meeting and Working Dinner", 1),
}

HOME = "Asia/Tokyo"


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SCHEMA_PATH.read_text("utf-8"))
    return loaded


@pytest.fixture(scope="module")
def validator(schema: dict[str, Any]) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="module")
def demo() -> list[Readout]:
    return demo_readouts()


def schema_errors(validator: jsonschema.Draft202012Validator, data: Any) -> list[str]:
    return [f"{'/'.join(str(p) for p in e.absolute_path)}: {e.message}"
            for e in validator.iter_errors(data)]


def timed_sessions(readouts: list[Readout]) -> Iterator[tuple[Readout, int, MeetingSession]]:
    for r in readouts:
        for i, s in enumerate(r.sessions):
            if s.start is not None and s.zone:
                yield r, i, s


def start_of(s: MeetingSession) -> dt.datetime:
    start = timing.session_start(s)
    assert start is not None
    return start


# --- the schema itself -------------------------------------------------------------------------


def test_schema_is_a_valid_draft_2020_12_schema(schema: dict[str, Any]) -> None:
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_schema_names_every_field_the_program_writes(schema: dict[str, Any]) -> None:
    """A field added to the format without adding it to the schema fails here."""
    defs = schema["$defs"]
    sample = demo_readouts()[0]
    written = jsonformat.readout_to_dict(sample)
    assert set(written) == set(defs["readout"]["properties"])
    assert set(jsonformat.session_to_dict(sample.sessions[0])) == set(
        defs["session"]["properties"])
    assert set(written["participants"][0]) == set(defs["participant"]["properties"])
    assert set(written["place"]) == set(defs["place"]["properties"])
    assert set(written["points"][0]) == set(defs["point"]["oneOf"][1]["properties"])
    assert set(written["photos"][0]) == set(defs["photo"]["properties"])
    assert set(written["sessions"][0]["printed_other"]) == set(
        defs["printedTime"]["properties"])
    # parse --json adds the derived cross_check to the document; the other writers do not.
    assert set(jsonformat.document([])) | {"cross_check"} == set(schema["properties"])


def test_the_reader_knows_exactly_the_fields_of_the_schema(schema: dict[str, Any]) -> None:
    """The reader refuses fields it does not list; the schema must list the same ones."""
    defs = schema["$defs"]
    assert set(schema["properties"]) == jsonformat.DOCUMENT_FIELDS
    assert set(defs["readout"]["properties"]) == jsonformat.READOUT_FIELDS
    assert set(defs["session"]["properties"]) == jsonformat.SESSION_FIELDS
    assert set(defs["participant"]["properties"]) == jsonformat.PARTICIPANT_FIELDS
    assert set(defs["place"]["properties"]) == jsonformat.PLACE_FIELDS
    assert set(defs["point"]["oneOf"][1]["properties"]) == jsonformat.POINT_FIELDS
    assert set(defs["photo"]["properties"]) == jsonformat.PHOTO_FIELDS
    assert set(defs["printedTime"]["properties"]) == jsonformat.PRINTED_FIELDS


@pytest.mark.parametrize(
    ("path", "value", "reason"),
    [
        (("readouts", 0, "mode"), "by carrier pigeon", "an unknown mode"),
        (("readouts", 0, "sessions", 0, "start"), "2023-05-03T09:10-05:00",
         "a wall time with an offset"),
        (("readouts", 0, "sessions", 0, "fold"), 2, "a fold other than 0, 1 or null"),
        (("readouts", 0, "created_at"), "2023-05-03T14:10:00", "an instant without Z"),
        (("readouts", 0, "relation", 0), "Japan", "a country name instead of a code"),
        (("readouts", 0, "participants", 0, "family_name"), " ", "a blank family name"),
        (("readouts", 0, "sessions", 0, "duration_minutes"), 0, "a zero duration"),
        (("readouts", 0, "colour"), "blue", "a field the format does not have"),
        (("version",), 2, "a later format version"),
    ],
)
def test_schema_rejects_what_the_format_does_not_allow(
    validator: jsonschema.Draft202012Validator, demo: list[Readout],
    path: tuple[Any, ...], value: Any, reason: str,
) -> None:
    document = jsonformat.document([demo[0]])
    assert schema_errors(validator, document) == []
    target: Any = document
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    assert schema_errors(validator, document), f"the schema accepted {reason}"


# --- every demo file ---------------------------------------------------------------------------


def test_the_demo_has_the_lima_readout_and_at_least_22_samples(demo: list[Readout]) -> None:
    assert DEMO_FILES[0].name.startswith("00-")
    samples = [r for r in demo if r.is_sample]
    faithful = [r for r in demo if not r.is_sample]
    assert len(samples) >= 22
    assert [r.title for r in faithful] == ["Japan-Peru Foreign Ministers' Meeting"]
    keys = [(r.title, r.meeting_date) for r in demo]
    assert len(keys) == len(set(keys)), "title and date tell demo readouts apart when loading"


@pytest.mark.parametrize("path", DEMO_FILES, ids=lambda p: p.name)
def test_demo_file_validates_against_the_schema(
    path: Path, validator: jsonschema.Draft202012Validator
) -> None:
    assert schema_errors(validator, json.loads(path.read_text("utf-8"))) == []


@pytest.mark.parametrize("path", DEMO_FILES, ids=lambda p: p.name)
def test_demo_file_loads_without_problems(path: Path) -> None:
    readouts = jsonformat.readouts_from_json(json.loads(path.read_text("utf-8")))
    assert readouts
    for r in readouts:
        assert validation.problems(r) == [], r.title
        if path.name.startswith("00-"):
            continue
        assert r.is_sample, f"{r.title} is not marked as a sample"
        assert "sample readout written for readout desk" in r.notes.lower()
        if r.language == "ja":  # written without spaces: its length in characters
            assert 80 <= len(r.lead) <= 400, f"{r.title}: lead of {len(r.lead)} characters"
        else:
            assert 60 <= len(r.lead.split()) <= 150, f"{r.title}: lead of {len(r.lead.split())}"
        top_level = [p for p in r.points if p.level == 0]
        assert 2 <= len(top_level) <= 6 and len(r.points) <= 8, r.title
        for s in r.sessions:
            if s.zone:
                assert timing.is_valid_zone(s.zone)
            if s.printed_other is not None:
                assert s.printed_other.text in r.lead, (
                    f"{r.title}: the printed time {s.printed_other.text!r} is not in the lead")


# --- printed second times ----------------------------------------------------------------------


def test_exactly_the_intended_printed_times_are_flagged(demo: list[Readout]) -> None:
    flagged = set()
    checked = 0
    for r, i, s in timed_sessions(demo):
        check = timing.check_printed(s)
        if check is None:
            continue
        checked += 1
        if not check.ok:
            flagged.add((r.title, i))
    assert flagged == INTENDED_MISMATCHES
    assert checked >= 15


def test_printed_times_agree_with_zoneinfo_directly(demo: list[Readout]) -> None:
    """An independent computation: zoneinfo alone, not the timing module."""
    for r, i, s in timed_sessions(demo):
        printed = s.printed_other
        if printed is None:
            continue
        assert s.start is not None and s.zone
        aware = s.start.replace(tzinfo=ZoneInfo(s.zone), fold=s.fold or 0)
        there = aware.astimezone(ZoneInfo(printed.zone)).replace(tzinfo=None)
        assert (there == printed.local) == ((r.title, i) not in INTENDED_MISMATCHES), (
            f"{r.title} session {i + 1}: printed {printed.local}, zoneinfo gives {there}")


def test_mismatches_are_shown_as_warnings_not_corrected(demo: list[Readout]) -> None:
    from readout_desk.domain import render

    brazil = next(r for r in demo if r.title == "Japan-Brazil Summit Meeting")
    text = render.readout_text(brazil, HOME)
    assert "1:20 a.m. on September 26 JST" in text  # as printed, in the lead
    assert "commencing at 1:20 p.m. (local time; 2:20 a.m. on September 26 JST)" in text
    assert "Printed time disagrees with the time-zone rules" in text


# --- what the demo covers ----------------------------------------------------------------------


def test_demo_covers_every_mode_and_several_publishers(demo: list[Readout]) -> None:
    assert {Mode.IN_PERSON, Mode.TELEPHONE, Mode.VIDEO} <= {r.mode for r in demo}
    assert len({r.publisher for r in demo}) >= 6
    assert {"en", "de", "ja"} <= {r.language for r in demo}
    assert any(not s.start for r in demo for s in r.sessions), "a readout with no times"


def test_demo_covers_sessions_hedges_points_photos_and_occasions(demo: list[Readout]) -> None:
    counts = {len(r.sessions) for r in demo}
    assert {1, 2, 3, 4} <= counts
    kinds = {s.kind for r in demo for s in r.sessions}
    assert {"small group meeting", "working lunch", "official dinner"} <= kinds
    assert any("joint press announcement" in k for k in kinds)
    time_hedges = {s.time_hedge for r in demo for s in r.sessions}
    duration_hedges = {s.duration_hedge for r in demo for s in r.sessions}
    assert {"around", "just after"} <= time_hedges
    assert {"approximately", "just under"} <= duration_hedges
    assert any(p.level == 1 for r in demo for p in r.points), "nested sub-points"
    assert any(p.speaker for r in demo for p in r.points), "points with a speaker"
    assert sum(len(r.photos) for r in demo) >= 15
    assert any("United Nations General Assembly" in r.occasion for r in demo)
    topics = {t for r in demo for t in r.topics}
    assert {"CPTPP", "APEC 2024", "G7", "COVID-19", "Critical minerals", "Ukraine"} <= topics


def test_demo_covers_half_and_three_quarter_hour_zones(demo: list[Readout]) -> None:
    offsets = {start_of(s).utcoffset() for _, _, s in timed_sessions(demo)}
    assert dt.timedelta(hours=5, minutes=30) in offsets
    assert offsets & {dt.timedelta(hours=5, minutes=45), dt.timedelta(hours=9, minutes=30)}
    kolkata = [s for _, _, s in timed_sessions(demo) if s.zone == "Asia/Kolkata"]
    assert kolkata


def _offset_changes_that_day(zone: str, day: dt.date) -> bool:
    tz = ZoneInfo(zone)
    morning = dt.datetime.combine(day, dt.time(0, 0), tzinfo=tz)
    evening = dt.datetime.combine(day, dt.time(23, 59), tzinfo=tz)
    return morning.utcoffset() != evening.utcoffset()


def test_demo_covers_both_daylight_saving_changes(demo: list[Readout]) -> None:
    on_change_days = [(r, s) for r, _, s in timed_sessions(demo)
                      if s.start and s.zone and _offset_changes_that_day(s.zone, s.start.date())]
    spring = [(r, s) for r, s in on_change_days
              if start_of(s).dst() and s.zone == "Europe/Berlin"]
    assert spring, "a Berlin session on the day summer time began"
    assert start_of(spring[0][1]).utcoffset() == dt.timedelta(hours=2)
    repeated = [s for _, s in on_change_days
                if s.start and s.zone and timing.is_ambiguous(s.start, s.zone)]
    assert repeated, "a session in a repeated hour"
    assert all(s.fold in (0, 1) for s in repeated), "a repeated hour needs an explicit fold"
    assert any(s.zone == "America/New_York" and s.fold == 1 for s in repeated)


def test_demo_covers_a_date_that_rolls_over_in_japan(demo: list[Readout]) -> None:
    rolled = [(r, s) for r, _, s in timed_sessions(demo)
              if s.start and start_of(s).astimezone(ZoneInfo(HOME)).date() != s.start.date()]
    assert rolled
    r, s = rolled[0]
    line = timing.render_timing(s, HOME)
    home = start_of(s).astimezone(ZoneInfo(HOME))
    assert f"on {timing.format_day(home.date())} JST" in line


# --- the demo in an archive --------------------------------------------------------------------


def test_loading_the_demo_twice_adds_nothing_the_second_time(archive: Archive) -> None:
    expected = len(demo_readouts())
    assert load_demo(archive) == expected
    assert archive.count() == expected
    assert load_demo(archive) == 0
    assert archive.count() == expected


def test_demo_readouts_come_back_from_the_archive_unchanged(demo_archive: Archive,
                                                            demo: list[Readout]) -> None:
    page = demo_archive.search("", limit=100)
    stored = {(r.title, r.meeting_date): r for r in demo_archive.get_many(list(page.ids))}
    volatile = ("id", "created_at", "updated_at", "version")
    for original in demo:
        back = stored[(original.title, original.meeting_date)]
        want = {k: v for k, v in jsonformat.readout_to_dict(original).items()
                if k not in volatile}
        got = {k: v for k, v in jsonformat.readout_to_dict(back).items() if k not in volatile}
        assert got == want, original.title


def _cli(archive_path: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["--db", str(archive_path), "--home-zone", HOME, *args], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _id_of(archive_path: Path, query: str) -> int:
    code, out, _ = _cli(archive_path, "search", query, "--json")
    assert code == 0
    hits = json.loads(out)["hits"]
    assert hits, query
    return int(hits[0]["id"])


@pytest.mark.parametrize(
    "query",
    [
        "Gervasi CPTPP",  # the faithful Lima readout
        "Villanueva",  # fold 1 in the repeated hour
        '"Chilean Foreign Minister Rojas"',  # no clock times at all
        "Élysée",  # German text
        "mode:video Singapore",  # a printed time in another zone than Japan's
        "Hernández",  # flagged printed times
    ],
)
def test_show_json_of_demo_readouts_validates_and_reads_back(
    demo_archive: Archive, archive_path: Path, validator: jsonschema.Draft202012Validator,
    query: str,
) -> None:
    readout_id = _id_of(archive_path, query)
    code, out, err = _cli(archive_path, "show", str(readout_id), "--json")
    assert code == 0, err
    document = json.loads(out)
    assert schema_errors(validator, document) == []
    (back,) = jsonformat.readouts_from_json(document)
    assert jsonformat.readout_to_dict(back) == jsonformat.readout_to_dict(
        demo_archive.get(readout_id))


def test_show_prints_the_timing_lines_of_a_demo_readout(demo_archive: Archive,
                                                        archive_path: Path) -> None:
    code, out, _ = _cli(archive_path, "show", str(_id_of(archive_path, "Hoffmann Berlin")))
    assert code == 0
    assert "(sample readout written for Readout Desk)" in out
    assert "commencing at 8:30 a.m. (local time; 3:30 p.m. JST) for approximately 45 minutes" in out


# --- the documented example --------------------------------------------------------------------


def test_the_example_in_the_format_document_is_valid(
    validator: jsonschema.Draft202012Validator,
) -> None:
    text = FORMAT_DOC.read_text("utf-8")
    blocks = re.findall(r"```json\n(.*?)```", text, flags=re.S)
    examples = [json.loads(b) for b in blocks if '"readouts": [\n' in b]
    assert len(examples) == 1
    assert schema_errors(validator, examples[0]) == []
    (readout,) = jsonformat.readouts_from_json(examples[0])
    assert validation.problems(readout) == []
    (session,) = readout.sessions
    check = timing.check_printed(session)
    assert check is not None and check.ok
    assert start_of(session).astimezone(dt.timezone.utc).hour == 6
