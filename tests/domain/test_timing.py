"""Session timing against the IANA rules and the facts of the shared examples."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from readout_desk.domain import timing
from readout_desk.domain.records import MeetingSession, PrintedTime

UTC = dt.timezone.utc


def wall(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def lima(start: str, minutes: int, printed: tuple[str, str] | None = None) -> MeetingSession:
    return MeetingSession(
        kind="small group meeting",
        start=wall(start),
        zone="America/Lima",
        duration_minutes=minutes,
        duration_hedge="approximately",
        printed_other=PrintedTime(printed[0], "Asia/Tokyo", wall(printed[1])) if printed else None,
    )


def test_lima_timing_lines_read_as_published() -> None:
    small = lima("2023-05-03T09:10", 15, ("11:10 p.m. on May 3 JST", "2023-05-03T23:10"))
    plenary = lima("2023-05-03T09:40", 90, ("11:40 p.m. on May 3 JST", "2023-05-03T23:40"))
    assert timing.render_timing(small, "Asia/Tokyo") == (
        "commencing at 9:10 a.m. (local time; 11:10 p.m. on May 3 JST) for approximately "
        "15 minutes"
    )
    assert timing.render_timing(plenary, "Asia/Tokyo") == (
        "commencing at 9:40 a.m. (local time; 11:40 p.m. on May 3 JST) for approximately "
        "90 minutes"
    )
    assert timing.session_start_utc(small) == dt.datetime(2023, 5, 3, 14, 10, tzinfo=UTC)
    check = timing.check_printed(small)
    assert check is not None and check.ok


def test_home_part_names_the_date_only_when_it_differs() -> None:
    berlin = MeetingSession(start=wall("2025-03-30T08:30"), zone="Europe/Berlin",
                            duration_minutes=45, duration_hedge="approximately")
    assert timing.render_timing(berlin, "Asia/Tokyo") == (
        "commencing at 8:30 a.m. (local time; 3:30 p.m. JST) for approximately 45 minutes"
    )
    late = MeetingSession(start=wall("2025-09-25T13:20"), zone="America/New_York")
    assert "2:20 a.m. on September 26 JST" in timing.render_timing(late, "Asia/Tokyo")
    # The previous day, seen from Washington.
    video = MeetingSession(start=wall("2026-01-20T07:00"), zone="Asia/Tokyo",
                           zone_label="Japan time", duration_minutes=60,
                           duration_hedge="approximately")
    assert timing.render_timing(video, "America/New_York") == (
        "commencing at 7:00 a.m. (Japan time; 5:00 p.m. on January 19 EST) for approximately "
        "1 hour"
    )


def test_same_zone_and_unknown_home_zone_show_local_time_only() -> None:
    s = MeetingSession(start=wall("2025-02-14T22:05"), zone="Asia/Tokyo", zone_label="Japan time",
                       duration_minutes=20, duration_hedge="approximately")
    assert timing.render_timing(s, "Asia/Tokyo") == (
        "commencing at 10:05 p.m. (Japan time) for approximately 20 minutes"
    )
    assert timing.render_timing(s, None).startswith("commencing at 10:05 p.m. (Japan time)")


def test_hedges_read_naturally() -> None:
    s = MeetingSession(start=wall("2025-10-09T12:10"), zone="Australia/Sydney",
                       time_hedge="around", duration_minutes=30, duration_hedge="just under")
    assert timing.render_timing(s, "Asia/Tokyo") == (
        "commencing at around 12:10 p.m. (local time; 10:10 a.m. JST) for just under 30 minutes"
    )
    after = MeetingSession(start=wall("2025-10-09T12:10"), zone="Australia/Sydney",
                           time_hedge="just after")
    assert timing.render_timing(after, None) == "commencing just after 12:10 p.m. (local time)"


def test_half_hour_zone_and_home_abbreviation_for_numeric_zones() -> None:
    delhi = MeetingSession(start=wall("2025-08-21T18:15"), zone="Asia/Kolkata",
                           duration_minutes=100, duration_hedge="approximately")
    assert timing.session_start_utc(delhi) == dt.datetime(2025, 8, 21, 12, 45, tzinfo=UTC)
    assert timing.render_timing(delhi, "Asia/Tokyo") == (
        "commencing at 6:15 p.m. (local time; 9:45 p.m. JST) for approximately "
        "1 hour and 40 minutes"
    )
    # Lima's abbreviation in the database is "-05": shown as an offset.
    s = lima("2023-05-03T09:10", 15)
    assert "UTC-5" in timing.render_timing(
        MeetingSession(start=wall("2023-05-03T23:10"), zone="Asia/Tokyo"), "America/Lima")
    assert timing.render_timing(s, "Asia/Kolkata").startswith(
        "commencing at 9:10 a.m. (local time; 7:40 p.m. IST)")


def test_skipped_time_is_refused_with_the_nearest_valid_times() -> None:
    with pytest.raises(timing.NonexistentTimeError) as caught:
        timing.resolve(wall("2025-03-30T02:30"), "Europe/Berlin")
    err = caught.value
    assert err.before == wall("2025-03-30T01:59")
    assert err.after == wall("2025-03-30T03:00")
    assert "does not exist" in str(err)
    assert "1:59 a.m." in str(err) and "3:00 a.m." in str(err)
    problems = timing.validate_session(
        MeetingSession(start=wall("2025-03-30T02:30"), zone="Europe/Berlin"))
    assert problems and "clocks went forward" in problems[0]


def test_repeated_time_needs_a_choice() -> None:
    with pytest.raises(timing.AmbiguousTimeError) as caught:
        timing.resolve(wall("2025-11-02T01:30"), "America/New_York")
    err = caught.value
    assert err.earlier.astimezone(UTC) == dt.datetime(2025, 11, 2, 5, 30, tzinfo=UTC)
    assert err.later.astimezone(UTC) == dt.datetime(2025, 11, 2, 6, 30, tzinfo=UTC)
    assert "occurs twice" in str(err) and "EDT" in str(err) and "EST" in str(err)
    first = timing.resolve(wall("2025-11-02T01:30"), "America/New_York", fold=0)
    second = timing.resolve(wall("2025-11-02T01:30"), "America/New_York", fold=1)
    assert second - first == dt.timedelta(0)  # same wall time...
    # ...an hour apart.
    assert second.astimezone(UTC) - first.astimezone(UTC) == dt.timedelta(hours=1)
    chosen = MeetingSession(start=wall("2025-11-02T01:30"), zone="America/New_York", fold=1)
    assert timing.validate_session(chosen) == []
    assert timing.is_ambiguous(wall("2025-11-02T01:30"), "America/New_York")


def test_durations_and_zones_are_checked() -> None:
    with pytest.raises(timing.DurationError):
        timing.check_duration(-5)
    with pytest.raises(timing.DurationError):
        timing.check_duration(0)
    with pytest.raises(timing.DurationError):
        timing.check_duration(24 * 60 + 1)
    assert timing.check_duration(90) == 90
    assert timing.validate_session(MeetingSession(start=wall("2025-01-01T10:00"),
                                                  zone="Mars/Olympus"))
    assert timing.validate_session(MeetingSession(start=wall("2025-01-01T10:00")))
    assert not timing.is_valid_zone("../../etc/passwd")
    assert timing.is_valid_zone("America/Lima")


def test_formatting() -> None:
    assert timing.format_clock(dt.time(0, 22)) == "12:22 a.m."
    assert timing.format_clock(dt.time(12, 0)) == "12:00 p.m."
    assert timing.format_duration(15) == "15 minutes"
    assert timing.format_duration(60) == "1 hour"
    assert timing.format_duration(150) == "2 hours and 30 minutes"
    assert timing.format_date(dt.date(2023, 5, 3)) == "May 3, 2023"
    assert timing.zone_offset_label("Asia/Tokyo", dt.datetime(2025, 1, 1, tzinfo=UTC)) == (
        "Asia/Tokyo (UTC+9, JST)")
    assert "Asia/Tokyo" in timing.all_zones() and "US/Eastern" not in timing.all_zones()


# ----- the shared examples ---------------------------------------------------------------


def _expected(examples_dir: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((examples_dir / "expected.json").read_text("utf-8"))
    return data


def _timed_sessions(examples_dir: Path) -> list[tuple[str, dict[str, Any]]]:
    out = []
    for name, facts in _expected(examples_dir).items():
        if name.startswith("_"):
            continue
        for s in facts.get("sessions", []):
            if s.get("local") and s.get("zone"):
                out.append((name, s))
    return out


def test_every_timed_example_session_gives_its_utc_instant(examples_dir: Path) -> None:
    sessions = _timed_sessions(examples_dir)
    assert len(sessions) >= 8
    for name, s in sessions:
        session = MeetingSession(start=wall(s["local"]), zone=s["zone"])
        got = timing.session_start_utc(session)
        want = dt.datetime.fromisoformat(s["utc"].replace("Z", "+00:00"))
        assert got == want, name
        if "utc_offset" in s:
            start = timing.session_start(session)
            assert start is not None
            assert start.isoformat().endswith(s["utc_offset"]), name
        if "computed_jst" in s:
            start = timing.session_start(session)
            assert start is not None
            jst = start.astimezone(timing.get_zone("Asia/Tokyo")).replace(tzinfo=None)
            assert jst == wall(s["computed_jst"]), name


def test_printed_times_in_the_examples_are_checked(examples_dir: Path) -> None:
    checked = 0
    for name, s in _timed_sessions(examples_dir):
        other = s.get("stated_other")
        if not other:
            continue
        session = MeetingSession(
            start=wall(s["local"]), zone=s["zone"],
            printed_other=PrintedTime(other["text"], other["zone"], wall(other["local"])),
        )
        check = timing.check_printed(session)
        assert check is not None
        assert check.ok is s["stated_other_ok"], name
        if not check.ok:
            computed, zone = s["computed_other"].split(" ")
            assert check.computed is not None
            assert check.computed.replace(tzinfo=None) == wall(computed)
            assert check.computed.tzinfo == timing.get_zone(zone)
            assert check.message == (
                "printed 1:20 a.m. on September 26 JST; the time-zone rules give "
                "2:20 a.m. on September 26 JST"
            )
        checked += 1
    assert checked >= 4


def test_counterpart_times_in_the_examples(examples_dir: Path) -> None:
    facts = _expected(examples_dir)
    norway = facts["variant-telephone-japan-time.txt"]["sessions"][0]
    start = timing.resolve(wall(norway["local"]), norway["zone"])
    local, zone = norway["counterpart_local_if_oslo"].split(" ")
    assert start.astimezone(timing.get_zone(zone)).replace(tzinfo=None) == wall(local)
    video = facts["variant-video-previous-day.txt"]["sessions"][0]
    start = timing.resolve(wall(video["local"]), video["zone"])
    local, zone = video["counterpart_local_if_washington"].split(" ")
    assert start.astimezone(timing.get_zone(zone)).replace(tzinfo=None) == wall(local)


def test_instants_are_shown_in_the_readers_zone() -> None:
    instant = dt.datetime(2026, 11, 28, 9, 20, tzinfo=UTC)
    assert timing.format_instant(instant, "Asia/Tokyo") == "2026-11-28 18:20 JST"
    assert timing.format_instant(instant, None) == "2026-11-28 09:20 UTC"
    assert timing.format_instant(instant, "America/Lima") == "2026-11-28 04:20 UTC-5"
    with pytest.raises(timing.TimingError):
        timing.format_instant(dt.datetime(2026, 1, 1), "Asia/Tokyo")
