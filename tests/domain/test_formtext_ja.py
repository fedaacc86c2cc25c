"""Japanese forms typed into the editor: era and Western dates, clock times, durations and
printed times, read by the same readers as the English forms."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readout_desk.domain import timing
from readout_desk.domain.draft import ReadoutDraft, SessionDraft, build
from readout_desk.domain.formtext import (
    ERAS,
    Duration,
    era_date,
    from_era,
    parse_date,
    parse_duration,
    parse_printed,
    split_clock_hedge,
)


@pytest.mark.parametrize("text,expected", [
    ("令和5年5月3日", dt.date(2023, 5, 3)),
    ("2023年5月3日", dt.date(2023, 5, 3)),
    ("R5.5.3", dt.date(2023, 5, 3)),
    ("r5/5/3", dt.date(2023, 5, 3)),
    ("R05.05.03", dt.date(2023, 5, 3)),
    ("H31.4.30", dt.date(2019, 4, 30)),
    ("令和元年5月1日", dt.date(2019, 5, 1)),
    ("平成元年1月8日", dt.date(1989, 1, 8)),
    ("S64.1.7", dt.date(1989, 1, 7)),
    ("昭和元年12月25日", dt.date(1926, 12, 25)),
    ("大正元年7月30日", dt.date(1912, 7, 30)),
    ("M45.7.29", dt.date(1912, 7, 29)),
    ("明治元年10月23日", dt.date(1868, 10, 23)),
    ("２０２３年５月３日", dt.date(2023, 5, 3)),  # full-width digits
    ("令和５年５月３日（水）", dt.date(2023, 5, 3)),  # with the weekday printed after it
    ("㋿5年5月3日", dt.date(2023, 5, 3)),  # the one-character era sign
    ("令和 5 年 5 月 3 日", dt.date(2023, 5, 3)),
])
def test_japanese_dates_in_era_and_western_years(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text,message", [
    ("平成31年5月1日", "after Heisei (平成) ended on 2019-04-30; from 2019-05-01 the era is "
                      "Reiwa (令和): 2019-05-01 is 令和元年5月1日"),
    ("H31.5.1", "after Heisei"),
    ("令和元年4月30日", "before Reiwa (令和) began on 2019-05-01"),
    ("昭和64年1月8日", "after Shōwa (昭和) ended on 1989-01-07"),
    ("大正15年12月25日", "after Taishō (大正) ended on 1926-12-24"),
    ("明治元年1月1日", "before Meiji (明治) began on 1868-10-23"),
    ("令和0年1月1日", "begin at 1"),
    ("令和5年2月30日", "not a date of the calendar"),
    ("2023年2月30日", "not a date of the calendar"),
])
def test_impossible_era_dates_name_the_era_change(text: str, message: str) -> None:
    with pytest.raises(ValueError, match="^" + ".*" + message.replace("(", r"\(")
                       .replace(")", r"\)")):
        parse_date(text)


@pytest.mark.parametrize("text", ["5月3日", "令和年5月3日", "X5.5.3"])
def test_incomplete_japanese_dates_say_what_is_expected(text: str) -> None:
    with pytest.raises(ValueError, match="2023年5月3日"):
        parse_date(text)


@given(st.dates(min_value=dt.date(1868, 10, 23), max_value=dt.date(2200, 12, 31)))
def test_every_day_round_trips_through_its_era(day: dt.date) -> None:
    found = era_date(day)
    assert found is not None
    era, year = found
    assert era.first <= day and (era.last is None or day <= era.last)
    assert from_era(era.name, year, day.month, day.day) == day
    assert parse_date(f"{era.letter}{year}.{day.month}.{day.day}") == day
    written = f"{era.name}{'元' if year == 1 else year}年{day.month}月{day.day}日"
    assert parse_date(written) == day


def test_eras_follow_each_other_day_by_day() -> None:
    for before, after in zip(ERAS[:-1], ERAS[1:], strict=True):
        assert before.last is not None and after.first - before.last == dt.timedelta(days=1)
    assert era_date(dt.date(1868, 10, 22)) is None


@pytest.mark.parametrize("text,expected", [
    ("午前9時10分", dt.time(9, 10)), ("午後11時10分", dt.time(23, 10)),
    ("9時10分", dt.time(9, 10)), ("21時", dt.time(21, 0)), ("9時5分", dt.time(9, 5)),
    ("正午", dt.time(12, 0)), ("午前0時", dt.time(0, 0)), ("午前12時", dt.time(0, 0)),
    ("午後0時", dt.time(12, 0)), ("午後3時", dt.time(15, 0)), ("9時半", dt.time(9, 30)),
    ("９時１０分", dt.time(9, 10)), ("午後１１時", dt.time(23, 0)), ("24時", dt.time(0, 0)),
    ("２１：４０", dt.time(21, 40)),
])
def test_japanese_clock_times(text: str, expected: dt.time) -> None:
    assert timing.parse_clock(text) == expected


@pytest.mark.parametrize("text", ["25時", "午後13時", "9時60分"])
def test_japanese_clock_times_off_the_day(text: str) -> None:
    with pytest.raises(timing.ClockRangeError):
        timing.parse_clock(text)


@pytest.mark.parametrize("text", ["9時頃10分", "午前", "時10分"])
def test_japanese_text_that_is_no_clock_time(text: str) -> None:
    with pytest.raises(timing.ClockError):
        timing.parse_clock(text)


@pytest.mark.parametrize("text,expected", [
    ("約1時間30分", Duration(90, "approximately")),
    ("約15分間", Duration(15, "approximately")),
    ("約1時間", Duration(60, "approximately")),
    ("約2時間30分", Duration(150, "approximately")),
    ("1時間半", Duration(90)),
    ("90分", Duration(90)),
    ("30分弱", Duration(30, "just under")),
    ("約１時間３０分", Duration(90, "approximately")),
])
def test_japanese_durations_with_their_hedge(text: str, expected: Duration) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", ["", "15", "約", "1時間半30分", "15 minutes"])
def test_text_that_is_no_japanese_duration(text: str) -> None:
    assert parse_duration(text) is None


def test_japanese_printed_times_with_and_without_a_day() -> None:
    near = dt.date(2023, 5, 3)
    assert parse_printed("日本時間同日午後11時10分", near) == (dt.time(23, 10), None)
    assert parse_printed("日本時間5月4日午前0時10分", near) == (
        dt.time(0, 10), dt.date(2023, 5, 4))
    assert parse_printed("日本時間１月１日午前０時３０分", dt.date(2023, 12, 31)) == (
        dt.time(0, 30), dt.date(2024, 1, 1))


def test_a_session_typed_in_japanese_builds_like_its_english_twin() -> None:
    japanese = SessionDraft(kind="少人数会合", date="令和5年5月3日", time="午前9時10分",
                            zone="America/Lima", hours="約1時間30分",
                            printed_text="日本時間同日午後11時10分", printed_zone="Asia/Tokyo")
    english = SessionDraft(kind="少人数会合", date="2023-05-03", time="9:10",
                           zone="America/Lima", hours="1", minutes="30",
                           duration_hedge="approximately",
                           printed_text="日本時間同日午後11時10分", printed_zone="Asia/Tokyo")
    built_ja = build(ReadoutDraft(section="日・ペルー関係", meeting_date="R5.5.3",
                                  sessions=(japanese,)), "Asia/Tokyo")
    built_en = build(ReadoutDraft(section="日・ペルー関係", meeting_date="2023-05-03",
                                  sessions=(english,)), "Asia/Tokyo")
    assert built_ja.issues == built_en.issues == ()
    session = built_ja.readout.sessions[0]
    assert session == built_en.readout.sessions[0]
    assert session.start == dt.datetime(2023, 5, 3, 9, 10)
    assert (session.duration_minutes, session.duration_hedge) == (90, "approximately")
    assert session.printed_other is not None
    assert session.printed_other.local == dt.datetime(2023, 5, 3, 23, 10)


def test_a_hedge_chosen_in_its_field_wins_over_the_mark_typed() -> None:
    session = SessionDraft(time="9:10", zone="America/Lima", hours="約15分間",
                           duration_hedge="just over")
    built = build(ReadoutDraft(section="s", meeting_date="2023-05-03", sessions=(session,)),
                  "Asia/Tokyo")
    assert built.readout.sessions[0].duration_hedge == "just over"
    assert built.readout.sessions[0].duration_minutes == 15


def test_an_impossible_era_date_is_the_editor_s_message() -> None:
    built = build(ReadoutDraft(section="s", meeting_date="平成31年5月1日"), "Asia/Tokyo")
    assert any("Heisei" in issue.message and "令和元年5月1日" in issue.message
               for issue in built.issues)


@pytest.mark.parametrize("text,expected", [
    ("午前9時10分頃", ("午前9時10分", "around")), ("9時ごろ", ("9時", "around")),
    ("午後3時過ぎ", ("午後3時", "just after")), ("約9時", ("9時", "around")),
    ("午前９時１０分頃", ("午前9時10分", "around")),
    ("9:10", ("9:10", "")), ("午前9時10分", ("午前9時10分", "")), ("頃", ("頃", "")),
])
def test_a_hedge_typed_after_a_japanese_clock_time(text: str,
                                                   expected: tuple[str, str]) -> None:
    assert split_clock_hedge(text) == expected


def test_a_hedged_japanese_time_builds_with_its_hedge() -> None:
    session = SessionDraft(time="午前9時10分頃", zone="America/Lima")
    built = build(ReadoutDraft(section="s", meeting_date="2023-05-03", sessions=(session,)),
                  "Asia/Tokyo")
    assert built.issues == ()
    (built_session,) = built.readout.sessions
    assert (built_session.start, built_session.time_hedge) == (
        dt.datetime(2023, 5, 3, 9, 10), "around")
