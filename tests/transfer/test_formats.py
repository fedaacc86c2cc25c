"""Export formats: iCalendar read back by an independent library, CSV, Markdown, HTML."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from readout_desk.archive import Archive
from readout_desk.archive.transfer import Cancelled, export_readouts, import_files
from readout_desk.archive.transfer.csvio import guess_mapping, person_from_name
from readout_desk.domain import jsonformat
from readout_desk.domain.records import MeetingSession, NameOrder
from tests.archive.helpers import lima_readout

UTC = dt.timezone.utc
ROOT = Path(__file__).resolve().parents[2]


def _calendar(path: Path) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(path.read_bytes())


def _start(event: icalendar.Component) -> dt.datetime:
    """An event's DTSTART, which the export always writes as a date with a time of day."""
    start = event.decoded("DTSTART")
    assert isinstance(start, dt.datetime)
    return start


def test_ics_gives_the_lima_sessions_at_the_right_instants(tmp_path: Path,
                                                            archive: Archive) -> None:
    saved = archive.add(lima_readout())
    assert saved.id is not None
    out = tmp_path / "lima.ics"
    export_readouts(archive, [saved.id], "ics", out, home_zone="Asia/Tokyo")
    cal = _calendar(out)
    events = cal.walk("VEVENT")
    assert len(events) == 2
    starts = [_start(e) for e in events]
    assert [s.astimezone(UTC) for s in starts] == [
        dt.datetime(2023, 5, 3, 14, 10, tzinfo=UTC), dt.datetime(2023, 5, 3, 14, 40, tzinfo=UTC)]
    assert [str(e["DTSTART"].params["TZID"]) for e in events] == ["America/Lima"] * 2
    assert [s.replace(tzinfo=None) for s in starts] == [
        dt.datetime(2023, 5, 3, 9, 10), dt.datetime(2023, 5, 3, 9, 40)]
    assert [e.decoded("DURATION") for e in events] == [dt.timedelta(minutes=15),
                                                 dt.timedelta(minutes=90)]
    assert "Small group meeting" in str(events[0]["SUMMARY"])
    # The calendar's own VTIMEZONE (not the reader's zone database) gives the same instant.
    (vtz,) = cal.timezones
    assert str(vtz["TZID"]) == "America/Lima"
    own_zone = vtz.to_tz()
    assert dt.datetime(2023, 5, 3, 9, 10, tzinfo=own_zone).astimezone(UTC) == \
        dt.datetime(2023, 5, 3, 14, 10, tzinfo=UTC)


def test_ics_vtimezone_follows_summer_time(tmp_path: Path, archive: Archive) -> None:
    berlin = dataclasses.replace(
        lima_readout(), title="Berlin talks", meeting_date=dt.date(2025, 3, 30),
        sessions=(MeetingSession("meeting", dt.datetime(2025, 3, 30, 8, 30), "Europe/Berlin",
                                 duration_minutes=45),
                  MeetingSession("dinner", dt.datetime(2025, 3, 29, 20, 0), "Europe/Berlin"),
                  MeetingSession("no time given")))
    saved = archive.add(berlin)
    assert saved.id is not None
    out = tmp_path / "berlin.ics"
    result = export_readouts(archive, [saved.id], "ics", out)
    assert any("1 session" in n for n in result.notes)  # the one without a time is left out
    cal = _calendar(out)
    own_zone = cal.timezones[0].to_tz()
    # 08:30 on the day clocks go forward is CEST (UTC+2); the evening before is CET.
    assert dt.datetime(2025, 3, 30, 8, 30, tzinfo=own_zone).astimezone(UTC) == \
        dt.datetime(2025, 3, 30, 6, 30, tzinfo=UTC)
    assert dt.datetime(2025, 3, 29, 20, 0, tzinfo=own_zone).astimezone(UTC) == \
        dt.datetime(2025, 3, 29, 19, 0, tzinfo=UTC)
    starts = sorted(_start(e).astimezone(UTC) for e in cal.walk("VEVENT"))
    assert starts == [dt.datetime(2025, 3, 29, 19, 0, tzinfo=UTC),
                      dt.datetime(2025, 3, 30, 6, 30, tzinfo=UTC)]


def test_ics_lines_are_wrapped_and_escaped(tmp_path: Path, archive: Archive) -> None:
    tricky = dataclasses.replace(lima_readout(), title="Talks; with, commas\\ and ünïcödé " * 4)
    saved = archive.add(tricky)
    assert saved.id is not None
    out = tmp_path / "t.ics"
    export_readouts(archive, [saved.id], "ics", out)
    raw = out.read_bytes()
    lines = raw.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    assert b"\r\n " in raw  # the long summary is wrapped onto continuation lines
    for line in lines:
        line.decode("utf-8")  # never wrapped inside a character
    assert b"Talks\\; with\\, commas\\\\ and" in raw.replace(b"\r\n ", b"")
    summary = str(_calendar(out).walk("VEVENT")[0]["SUMMARY"])
    assert summary.endswith(tricky.title)


@pytest.mark.parametrize(("zone", "year", "changes"), [
    ("Europe/Berlin", 2025, [("DAYLIGHT", dt.datetime(2025, 3, 30, 1, 0, tzinfo=UTC)),
                             ("STANDARD", dt.datetime(2025, 10, 26, 1, 0, tzinfo=UTC))]),
    ("Australia/Lord_Howe", 2025, [("STANDARD", dt.datetime(2025, 4, 5, 15, 0, tzinfo=UTC)),
                                   ("DAYLIGHT", dt.datetime(2025, 10, 4, 15, 30, tzinfo=UTC))]),
    ("Asia/Tokyo", 2024, []),
])
def test_ics_vtimezone_comes_from_the_zone_rules(tmp_path: Path, archive: Archive, zone: str,
                                                 year: int, changes: list[tuple[str, dt.datetime]]
                                                 ) -> None:
    """Every wall time of the year reads back, through the calendar's own VTIMEZONE, as the
    instant the zone database gives, and the VTIMEZONE has one part per change of clocks."""
    talk = dataclasses.replace(
        lima_readout(), title=f"Talks in {zone}", meeting_date=dt.date(year, 6, 1), place=None,
        sessions=(MeetingSession("meeting", dt.datetime(year, 6, 1, 10, 0), zone),))
    saved = archive.add(talk)
    assert saved.id is not None
    out = tmp_path / "zone.ics"
    export_readouts(archive, [saved.id], "ics", out)
    (vtz,) = _calendar(out).timezones
    assert str(vtz["TZID"]) == zone
    parts = vtz.subcomponents[1:]  # the first gives the offset in force on January 1
    assert [p.name for p in parts] == [kind for kind, _ in changes]
    own_zone, rules = vtz.to_tz(), ZoneInfo(zone)
    for _, instant in changes:
        before, after = instant - dt.timedelta(minutes=1), instant
        assert before.astimezone(rules).utcoffset() != after.astimezone(rules).utcoffset()
    wall = dt.datetime(year, 1, 1)
    while wall.year == year:
        for fold in (0, 1):
            assert wall.replace(tzinfo=own_zone, fold=fold).astimezone(UTC) == \
                wall.replace(tzinfo=rules, fold=fold).astimezone(UTC), (wall, fold)
        wall += dt.timedelta(minutes=15)


def test_the_calendar_library_loads_only_when_a_calendar_is_written(tmp_path: Path) -> None:
    """The window imports the export code at start; icalendar is left for the first .ics."""
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from readout_desk.archive import Archive\n"
        "from readout_desk.archive.transfer import export_readouts\n"
        "from tests.archive.helpers import lima_readout\n"
        "print('icalendar' in sys.modules)\n"
        f"with Archive.open(None) as archive:\n"
        f"    saved = archive.add(lima_readout())\n"
        f"    export_readouts(archive, [saved.id], 'ics', Path({str(tmp_path / 'x.ics')!r}))\n"
        "print('icalendar' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=ROOT, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True"]


def test_csv_export_has_a_row_per_readout_and_per_session(tmp_path: Path,
                                                           demo_archive: Archive) -> None:
    out = tmp_path / "all.csv"
    result = export_readouts(demo_archive, demo_archive.all_ids(), "csv", out)
    assert result.paths == (out, tmp_path / "all-sessions.csv")
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    with result.paths[1].open(encoding="utf-8-sig", newline="") as handle:
        sessions = list(csv.DictReader(handle))
    readouts = demo_archive.get_many(demo_archive.all_ids())
    assert len(rows) == len(readouts)
    assert len(sessions) == sum(len(r.sessions) for r in readouts)
    lima = [s for s in sessions if "Peru" in s["title"]]
    assert [(s["start_local"], s["zone"], s["start_utc"]) for s in lima] == [
        ("2023-05-03 09:10", "America/Lima", "2023-05-03T14:10:00Z"),
        ("2023-05-03 09:40", "America/Lima", "2023-05-03T14:40:00Z")]
    assert {s["printed_agrees"] for s in lima} == {"yes"}


def test_csv_exported_readouts_import_back(tmp_path: Path, demo_archive: Archive) -> None:
    out = tmp_path / "all.csv"
    export_readouts(demo_archive, demo_archive.all_ids(), "csv", out)
    with Archive.open(tmp_path / "other.sqlite3") as other:
        summary = import_files(other, [out])
        assert not summary.failed, summary.lines()
        assert other.count() == demo_archive.count()
        lima = other.get(other.search_ids('"Japan-Peru Foreign Ministers"')[0])
        assert [p.person.family_name for p in lima.participants] == ["HAYASHI", "Gervasi"]
        assert lima.place is not None and lima.place.zone == "America/Lima"


def test_csv_import_through_a_mapping(tmp_path: Path, archive: Archive) -> None:
    source = tmp_path / "sheet.csv"
    source.write_text(
        "Headline;Day;Where;Country;Zone;Start;Minutes;People\n"
        "Talks in Lima;2023-05-03;Lima;Peru;America/Lima;9:10 a.m.;15;HAYASHI Yoshimasa; \n"
        "Talks in Tokyo;2024-01-10;Tokyo;JP;Asia/Tokyo;2024-01-10 14:00;;Ana Gervasi\n",
        encoding="utf-8")
    mapping = {"title": "Headline", "meeting_date": "Day", "place_city": "Where",
               "place_country": "Country", "session_zone": "Zone", "session_start": "Start",
               "duration_minutes": "Minutes", "participants": "People"}
    summary = import_files(archive, [source], csv_mapping=mapping)
    assert not summary.failed, summary.lines()
    lima, tokyo = archive.get_many(summary.imported_ids)
    assert lima.sessions[0].start == dt.datetime(2023, 5, 3, 9, 10)
    assert lima.sessions[0].zone == "America/Lima"
    assert lima.sessions[0].duration_minutes == 15
    assert lima.place is not None and lima.place.country == "PE"
    assert tokyo.participants[0].person.family_name == "Gervasi"


def test_csv_problem_names_the_row_and_imports_nothing(tmp_path: Path, archive: Archive) -> None:
    source = tmp_path / "bad.csv"
    source.write_text("title,meeting_date\nFine,2023-01-01\nBroken,3rd of May\n",
                      encoding="utf-8")
    summary = import_files(archive, [source])
    assert archive.count() == 0
    assert "row 3" in summary.failed[0].error and "3rd of May" in summary.failed[0].error


def test_guess_mapping_reads_common_headers() -> None:
    mapping = guess_mapping(["Title", "Date", "City", "Time zone", "Participants"])
    assert mapping == {"title": "Title", "meeting_date": "Date", "place_city": "City",
                       "session_zone": "Time zone", "participants": "Participants"}


@pytest.mark.parametrize(("name", "family", "given", "order"), [
    ("HAYASHI Yoshimasa", "HAYASHI", "Yoshimasa", NameOrder.FAMILY_FIRST),
    ("H.E. Ms. Ana Gervasi", "Gervasi", "Ana", NameOrder.GIVEN_FIRST),
    ("Gervasi, Ana", "Gervasi", "Ana", NameOrder.GIVEN_FIRST),
])
def test_names_from_csv(name: str, family: str, given: str, order: NameOrder) -> None:
    person = person_from_name(name).person
    assert (person.family_name, person.given_name, person.name_order) == (family, given, order)


def test_html_export_escapes_archive_text(tmp_path: Path, archive: Archive) -> None:
    hostile = dataclasses.replace(lima_readout(), title="<script>alert(1)</script> & co",
                                  notes="<img src=x onerror=alert(2)>")
    saved = archive.add(hostile)
    assert saved.id is not None
    out = tmp_path / "x.html"
    export_readouts(archive, [saved.id], "html", out, home_zone="Asia/Tokyo")
    page = out.read_text("utf-8")
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in page
    assert "11:10 p.m. on May 3 JST" in page  # the session line as the detail pane shows it


def test_markdown_export_lays_out_sessions_and_points(tmp_path: Path, archive: Archive) -> None:
    saved = archive.add(lima_readout())
    assert saved.id is not None
    out = tmp_path / "x.md"
    export_readouts(archive, [saved.id], "md", out, home_zone="Asia/Tokyo")
    text = out.read_text("utf-8")
    assert "## Japan-Peru Foreign Ministers' Meeting" in text
    assert ("- **Small group meeting**: commencing at 9:10 a.m. (local time; 11:10 p.m. "
            "on May 3 JST) for approximately 15 minutes") in text
    assert "1\\. **Hayashi:** Minister Hayashi hoped" in text


def test_cancelled_export_leaves_no_file(tmp_path: Path, archive: Archive) -> None:
    ids = archive.add_many([dataclasses.replace(lima_readout(), title=f"Talk {i}")
                            for i in range(3)])
    folder = tmp_path / "out"
    with pytest.raises(Cancelled):
        export_readouts(archive, ids, "json", folder / "x.json", cancelled=lambda: True)
    assert list(folder.iterdir()) == []


def test_search_result_export(tmp_path: Path, demo_archive: Archive) -> None:
    ids = demo_archive.search_ids("peru", sort="date")
    out = tmp_path / "peru.json"
    result = export_readouts(demo_archive, ids, "json", out)
    assert result.readouts == len(ids) >= 2  # Lima, and meetings elsewhere in Peru
    written = json.loads(out.read_text("utf-8"))["readouts"]
    assert written == [jsonformat.readout_to_dict(r) for r in demo_archive.get_many(ids)]


def test_exported_readout_fragment_escapes_and_links_only_http() -> None:
    from readout_desk.archive.transfer.exporting import readout_html

    hostile = dataclasses.replace(lima_readout(), title="<b>bold</b>",
                                  source_url="javascript:alert(1)")
    fragment = readout_html(hostile, "Asia/Tokyo")
    assert fragment.startswith("<article") and "<body" not in fragment
    assert "<b>bold</b>" not in fragment and "&lt;b&gt;bold&lt;/b&gt;" in fragment
    assert "href" not in fragment  # only http(s) addresses become links
    assert "11:10 p.m. on May 3 JST" in fragment


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
@pytest.mark.parametrize("fmt", ["json", "csv", "md", "html", "ics"])
def test_an_export_gets_the_permissions_of_any_new_file(tmp_path: Path, archive: Archive,
                                                        fmt: str) -> None:
    saved = archive.add(lima_readout())
    assert saved.id is not None
    probe = tmp_path / "made-the-ordinary-way"
    probe.write_text("x")  # what the user's umask gives any new file (0644 under 022)
    out = tmp_path / f"lima.{fmt}"
    export_readouts(archive, [saved.id], fmt, out)
    assert out.stat().st_mode & 0o777 == probe.stat().st_mode & 0o777
    assert out.stat().st_mode & 0o044  # readable by others under the usual umask
