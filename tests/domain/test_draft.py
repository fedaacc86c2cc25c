"""The rules that turn the form's text into a readout, without a window."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest

from readout_desk.domain.draft import (
    ParticipantDraft,
    ReadoutDraft,
    SessionDraft,
    build,
    draft_of,
)
from readout_desk.domain.formtext import parse_date, parse_printed
from readout_desk.domain.records import (
    MeetingSession,
    NameOrder,
    Participant,
    Person,
    PrintedTime,
    Readout,
)
from readout_desk.domain.timing import parse_clock


@pytest.mark.parametrize("text,expected", [
    ("2023-05-03", dt.date(2023, 5, 3)),
    ("May 3, 2023", dt.date(2023, 5, 3)),
    ("3 May 2023", dt.date(2023, 5, 3)),
    ("sept 30 2025", dt.date(2025, 9, 30)),
    ("  ", None),
])
def test_dates_are_read_in_common_forms(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["2023-02-30", "yesterday", "5/3"])
def test_bad_dates_say_what_is_expected(text: str) -> None:
    with pytest.raises(ValueError, match="date"):
        parse_date(text)


@pytest.mark.parametrize("text,expected", [
    ("9:10", dt.time(9, 10)), ("21:40", dt.time(21, 40)), ("9:10 a.m.", dt.time(9, 10)),
    ("11:10 p.m.", dt.time(23, 10)), ("12:00 p.m.", dt.time(12, 0)), ("12 am", dt.time(0, 0)),
    ("9.45 pm", dt.time(21, 45)),
])
def test_clock_times(text: str, expected: dt.time) -> None:
    assert parse_clock(text) == expected


@pytest.mark.parametrize("text", ["25:00", "13:10 p.m.", "9", "noonish"])
def test_bad_clock_times(text: str) -> None:
    with pytest.raises(ValueError):
        parse_clock(text)


def test_printed_time_with_a_day_takes_the_nearest_year() -> None:
    assert parse_printed("11:10 p.m. on May 3 JST", dt.date(2023, 5, 3)) == (
        dt.time(23, 10), dt.date(2023, 5, 3))
    assert parse_printed("0:30 a.m. January 1 JST", dt.date(2023, 12, 31)) is not None
    assert parse_printed("12:30 a.m. on January 1 JST", dt.date(2023, 12, 31)) == (
        dt.time(0, 30), dt.date(2024, 1, 1))
    assert parse_printed("no time here", None) is None
    # Without a meeting date a printed day cannot be given its year: the clock time alone.
    assert parse_printed("11:10 p.m. on May 3 JST", None) == (dt.time(23, 10), None)


def _lima_session(**changes: Any) -> SessionDraft:
    base = SessionDraft(kind="small group meeting", time="9:10", zone="America/Lima",
                        minutes="15", duration_hedge="approximately",
                        printed_text="11:10 p.m. on May 3 JST", printed_zone="Asia/Tokyo")
    return replace(base, **changes)


def _draft(*sessions: SessionDraft, date: str = "2023-05-03") -> ReadoutDraft:
    return ReadoutDraft(section="Japan-Peru Relations", meeting_date=date,
                        sessions=tuple(sessions))


def test_the_lima_session_builds_with_its_printed_time() -> None:
    built = build(_draft(_lima_session()), "Asia/Tokyo")
    assert built.issues == ()
    s = built.readout.sessions[0]
    assert s.start == dt.datetime(2023, 5, 3, 9, 10)
    assert s.duration_minutes == 15
    assert s.printed_other == PrintedTime("11:10 p.m. on May 3 JST", "Asia/Tokyo",
                                          dt.datetime(2023, 5, 3, 23, 10))


def test_a_printed_time_without_a_day_takes_the_day_nearest_the_start() -> None:
    built = build(_draft(_lima_session(time="10:30", printed_text="0:30 a.m. JST"),
                         date="2023-05-03"), "Asia/Tokyo")
    printed = built.readout.sessions[0].printed_other
    assert printed is not None and printed.local == dt.datetime(2023, 5, 4, 0, 30)
    assert built.issues == ()


def test_skipped_time_is_an_error_naming_the_nearest_valid_times() -> None:
    built = build(_draft(SessionDraft(time="2:30", zone="Europe/Berlin"), date="2025-03-30"))
    (issue,) = built.errors
    assert issue.key == "sessions.0.time" and issue.kind == "nonexistent"
    assert "does not exist" in issue.message
    assert "1:59 a.m." in issue.message and "3:00 a.m." in issue.message
    assert [c.time() for c in issue.choices] == [dt.time(1, 59), dt.time(3, 0)]


def test_repeated_time_asks_until_a_fold_is_chosen() -> None:
    session = SessionDraft(time="1:30", zone="America/New_York")
    built = build(_draft(session, date="2025-11-02"))
    (issue,) = built.errors
    assert issue.kind == "ambiguous" and "occurs twice" in issue.message
    chosen = build(_draft(replace(session, fold=1), date="2025-11-02"))
    assert chosen.errors == ()
    assert chosen.readout.sessions[0].fold == 1


def test_fold_is_dropped_for_a_time_that_occurs_once() -> None:
    built = build(_draft(_lima_session(fold=1)))
    assert built.readout.sessions[0].fold is None


@pytest.mark.parametrize("hours,minutes,words", [
    ("", "-15", "more than zero"), ("30", "", "longer than a day"), ("", "0", "more than zero"),
    ("1.5", "", "whole number"),
])
def test_negative_or_absurd_durations_are_refused(hours: str, minutes: str, words: str) -> None:
    built = build(_draft(_lima_session(hours=hours, minutes=minutes)))
    assert [i.key for i in built.errors] == ["sessions.0.duration"]
    assert words in built.errors[0].message


def test_hours_and_minutes_add_up() -> None:
    built = build(_draft(_lima_session(hours="1", minutes="30")))
    assert built.readout.sessions[0].duration_minutes == 90


def test_printed_mismatch_is_a_warning_not_an_error() -> None:
    built = build(_draft(_lima_session(printed_text="10:10 p.m. on May 3 JST")))
    assert built.errors == ()
    (warning,) = built.warnings
    assert warning.kind == "printed_mismatch" and "11:10 p.m." in warning.message
    assert built.readout.sessions[0].printed_other is not None
    assert built.readout.sessions[0].printed_other.local.hour == 22  # kept as printed


def test_required_fields() -> None:
    built = build(ReadoutDraft(participants=(ParticipantDraft(given_name="Ana"),)))
    keys = {i.key for i in built.errors}
    assert keys == {"title", "meeting_date", "participants.0.family_name"}
    assert all(i.kind == "required" for i in built.errors)


def test_a_start_time_needs_a_zone_and_unknown_zones_are_refused() -> None:
    assert [i.key for i in build(_draft(SessionDraft(time="9:00"))).errors] == \
        ["sessions.0.zone"]
    assert "not a known IANA" in build(_draft(SessionDraft(time="9:00", zone="Mars/Base"))
                                       ).errors[0].message


def test_countries_are_read_from_names_or_codes() -> None:
    built = build(replace(_draft(), relation="Japan, PE", country="Peru"))
    assert built.readout.relation == ("JP", "PE")
    assert built.readout.place is not None and built.readout.place.country == "PE"
    bad = build(replace(_draft(), relation="Japan, Atlantis"))
    assert [i.key for i in bad.errors] == ["relation"]


def test_a_saved_readout_round_trips_through_the_form() -> None:
    readout = Readout(
        title="Japan-Peru Foreign Ministers' Meeting", section="Japan-Peru Relations",
        meeting_date=dt.date(2023, 5, 3),
        participants=(Participant(Person("HAYASHI", "Yoshimasa", NameOrder.FAMILY_FIRST, 4),
                                  "Mr.", "Minister for Foreign Affairs", "JP"),),
        sessions=(MeetingSession("plenary meeting", dt.datetime(2023, 5, 3, 9, 40),
                                 "America/Lima", None, "", "", 90, "approximately", None,
                                 PrintedTime("11:40 p.m. on May 3 JST", "Asia/Tokyo",
                                             dt.datetime(2023, 5, 3, 23, 40))),),
        id=7, version=2)
    draft = draft_of(readout)
    assert draft.sessions[0].minutes == "90" and draft.sessions[0].hours == ""
    assert draft.participants[0].family_first
    assert build(draft).readout == readout

