"""Times, durations, hedges, zone labels and dates in the notations readouts use."""

from __future__ import annotations

import datetime as dt

import pytest

from readout_desk.domain.extract import clock, dates, places


@pytest.mark.parametrize("text,expected", [
    ("commencing at 9:10 a.m. (local time)", dt.time(9, 10)),
    ("from 6.15 p.m.", dt.time(18, 15)),
    ("at 6:10 P.M. (France time)", dt.time(18, 10)),
    ("from 20:20 (Japan time)", dt.time(20, 20)),
    ("at 0:22 a.m.", dt.time(0, 22)),
    ("at 12 a.m.", dt.time(0, 0)),
    ("at 12 p.m.", dt.time(12, 0)),
    ("at 9.30 am AEDT", dt.time(9, 30)),
    ("at 1600 hrs IST", dt.time(16, 0)),
    ("at 14h30", dt.time(14, 30)),
    ("at noon", dt.time(12, 0)),
    ("at 11 pm", dt.time(23, 0)),
])
def test_clock_notations(text: str, expected: dt.time) -> None:
    found = clock.find_clocks(text)
    assert [c.time for c in found] == [expected]


@pytest.mark.parametrize("text", [
    "the 150th anniversary", "1.5 billion dollars", "for 2 hours", "in 2025", "G20",
    "Article 9.1", "page 3",
])
def test_numbers_that_are_not_clock_times(text: str) -> None:
    assert clock.find_clocks(text) == []


@pytest.mark.parametrize("text,minutes,hedge", [
    ("for approximately 2 hours and 30 minutes", 150, "approximately"),
    ("the 20-minute meeting", 20, ""),
    ("for one hour", 60, ""),
    ("The meeting lasted about 10 minutes", 10, "about"),
    ("for just under 30 minutes", 30, "just under"),
    ("for approximately 1 hour and 40 minutes", 100, "approximately"),
    ("for about half an hour", 30, "about"),
    ("for an hour and a half", 90, ""),
    ("for 1.5 hours", 90, ""),
    ("for some forty-five minutes", 45, "some"),
    ("a two-hour working dinner", 120, ""),
    ("for slightly over an hour", 60, "slightly over"),
])
def test_duration_notations(text: str, minutes: int, hedge: str) -> None:
    found = clock.find_durations(text)
    assert [(d.minutes, d.hedge) for d in found] == [(minutes, hedge)]


@pytest.mark.parametrize("text,hedge", [
    ("commencing at around 12:10 p.m.", "around"),
    ("commencing slightly after 11:00 a.m.", "slightly after"),
    ("from just before 3 p.m.", "just before"),
    ("commencing at 9:10 a.m.", ""),
    ("at about 4 p.m.", "about"),
])
def test_time_hedges(text: str, hedge: str) -> None:
    found = clock.find_clocks(text)[0]
    assert clock.hedge_before(text, found.start) == hedge


@pytest.mark.parametrize("label,zone", [
    ("local time", "America/Lima"),
    ("JST", "Asia/Tokyo"),
    ("Japan time", "Asia/Tokyo"),
    ("France time", "Europe/Paris"),
    ("Paris time", "Europe/Paris"),
    ("UK time", "Europe/London"),
    ("KST", "Asia/Seoul"),
    ("Japan Standard Time", "Asia/Tokyo"),
    ("IST", "Asia/Kolkata"),
])
def test_zone_labels(label: str, zone: str) -> None:
    assert places.zone_for_label(label, "America/Lima", dt.date(2025, 6, 1)) == zone


def test_abbreviation_prefers_the_place_zone_that_uses_it() -> None:
    # CEST in Berlin is Berlin's own zone, not the table's default.
    assert places.zone_for_label("CEST", "Europe/Berlin", dt.date(2025, 6, 1)) == "Europe/Berlin"
    assert places.zone_for_label("CET", None, dt.date(2025, 1, 1)) == "Europe/Brussels"


@pytest.mark.parametrize("text,reference,expected", [
    ("On May 3, the two", dt.date(2023, 5, 3), dt.date(2023, 5, 3)),
    ("May 3, 2023", None, dt.date(2023, 5, 3)),
    ("3 May 2023", None, dt.date(2023, 5, 3)),
    ("2025-04-02", None, dt.date(2025, 4, 2)),
    ("Thursday, 20 March 2025", None, dt.date(2025, 3, 20)),
    ("On December 29, the", dt.date(2026, 1, 6), dt.date(2025, 12, 29)),
    ("on 14 October 2025.", None, dt.date(2025, 10, 14)),
    ("Sept. 4", dt.date(2025, 9, 10), dt.date(2025, 9, 4)),
    ("03.02.2025 Press release", None, dt.date(2025, 2, 3)),
])
def test_dates(text: str, reference: dt.date | None, expected: dt.date) -> None:
    found = dates.find_dates(text)
    assert found and found[0].resolve(reference) == expected


@pytest.mark.parametrize("word,expected", [
    ("today", dt.date(2025, 3, 20)),
    ("yesterday evening", dt.date(2025, 3, 19)),
    ("this morning", dt.date(2025, 3, 20)),
    ("on Tuesday", dt.date(2025, 3, 18)),
    ("last night", dt.date(2025, 3, 19)),
])
def test_relative_days(word: str, expected: dt.date) -> None:
    found = dates.find_relative(f"The minister spoke {word} with")
    assert found and found[0].resolve(dt.date(2025, 3, 20)) == expected  # a Thursday


def test_may_in_prose_is_not_a_month() -> None:
    assert dates.find_dates("they may 3 times") == []
