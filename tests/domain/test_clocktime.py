"""The one reader of clock times, the month table, and a printed time's nearest day."""

from __future__ import annotations

import datetime as dt

import pytest

from readout_desk.domain import timing


@pytest.mark.parametrize("text,expected", [
    ("9:10", dt.time(9, 10)), ("21:40", dt.time(21, 40)), ("9.45", dt.time(9, 45)),
    ("9:10 a.m.", dt.time(9, 10)), ("11:10 P.M.", dt.time(23, 10)), ("9 pm", dt.time(21, 0)),
    ("9:10 p", dt.time(21, 10)), ("0:22 a.m.", dt.time(0, 22)), ("12 a.m.", dt.time(0, 0)),
    ("12:00 p.m.", dt.time(12, 0)), ("14h30", dt.time(14, 30)), ("14:30 hrs", dt.time(14, 30)),
    ("1430 hrs", dt.time(14, 30)), ("0930HRS", dt.time(9, 30)), ("20 hrs", dt.time(20, 0)),
    ("24:00", dt.time(0, 0)), ("noon", dt.time(12, 0)), ("Midnight", dt.time(0, 0)),
    ("  7:05  ", dt.time(7, 5)), ("9:10.", dt.time(9, 10)), ("", None), ("   ", None),
])
def test_clock_times_in_every_notation(text: str, expected: dt.time | None) -> None:
    assert timing.parse_clock(text) == expected


@pytest.mark.parametrize("text", ["9", "2 hours", "14 h", "1430", "noonish", "9 m", "9;10"])
def test_text_that_is_no_clock_time(text: str) -> None:
    with pytest.raises(timing.ClockError, match="write it like 9:10") as caught:
        timing.parse_clock(text)
    assert not isinstance(caught.value, timing.ClockRangeError)


@pytest.mark.parametrize("text", ["25:00", "9:60", "13:10 p.m.", "24 pm"])
def test_clock_shapes_that_name_no_time_of_day(text: str) -> None:
    with pytest.raises(timing.ClockRangeError):
        timing.parse_clock(text)


def test_one_month_table_with_its_abbreviations() -> None:
    assert timing.MONTHS["may"] == 5 and timing.MONTHS["sept"] == timing.MONTHS["sep"] == 9
    assert len(set(timing.MONTHS.values())) == 12
    assert timing.MONTH_PATTERN.startswith("september|")  # longest names are tried first


def test_a_printed_time_without_its_date_takes_the_nearest_day() -> None:
    # 10:30 a.m. in Lima is 0:30 a.m. the next day in Tokyo.
    start = dt.datetime(2023, 5, 3, 10, 30)
    assert timing.printed_wall(dt.time(0, 30), start, "America/Lima", "Asia/Tokyo") == \
        dt.datetime(2023, 5, 4, 0, 30)
    # 1 a.m. in Tokyo is still the afternoon before in Lima.
    early = dt.datetime(2023, 5, 3, 1, 0)
    assert timing.printed_wall(dt.time(11, 0), early, "Asia/Tokyo", "America/Lima") == \
        dt.datetime(2023, 5, 2, 11, 0)
    assert timing.printed_wall(dt.time(23, 10), dt.datetime(2023, 5, 3, 9, 10),
                               "America/Lima", "Asia/Tokyo") == dt.datetime(2023, 5, 3, 23, 10)


def test_a_printed_time_whose_start_cannot_be_placed_keeps_the_start_date() -> None:
    skipped = dt.datetime(2025, 3, 30, 2, 30)  # clocks went forward in Berlin
    assert timing.printed_wall(dt.time(23, 0), skipped, "Europe/Berlin", "Asia/Tokyo") == \
        dt.datetime(2025, 3, 30, 23, 0)
    assert timing.printed_wall(dt.time(1, 0), dt.datetime(2025, 6, 1, 23, 0), "Mars/Base",
                               "Asia/Tokyo") == dt.datetime(2025, 6, 1, 1, 0)


def test_a_repeated_start_uses_the_fold_chosen() -> None:
    # 1:30 a.m. in New York is 2:30 p.m. JST (daylight time) or 3:30 p.m. (standard time):
    # a printed "3 a.m." lies nearer the same day for one, the next day for the other.
    repeated = dt.datetime(2025, 11, 2, 1, 30)
    by_fold = [timing.printed_wall(dt.time(3, 0), repeated, "America/New_York", "Asia/Tokyo",
                                   fold) for fold in (0, 1)]
    assert by_fold == [dt.datetime(2025, 11, 2, 3, 0), dt.datetime(2025, 11, 3, 3, 0)]


def test_the_abbreviation_a_zone_uses_on_a_day() -> None:
    assert timing.abbreviation_on("Europe/Berlin", dt.date(2025, 6, 1)) == "CEST"
    assert timing.abbreviation_on("Europe/Berlin", dt.date(2025, 1, 1)) == "CET"
    assert timing.abbreviation_on("Asia/Dubai", dt.date(2025, 1, 1)) == "UTC+4"
    assert timing.abbreviation_on("Mars/Base", dt.date(2025, 1, 1)) is None
