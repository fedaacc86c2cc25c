"""A Japanese readout reads as the ministry prints it: dates, clock times, timing lines,
names as printed with the Latin form."""

from __future__ import annotations

import datetime as dt

import pytest

from readout_desk.domain import jsonformat, render, render_ja
from readout_desk.domain.records import (
    MeetingSession,
    NameOrder,
    Participant,
    Person,
    Place,
    Readout,
    SummaryPoint,
)

LIMA_SMALL = MeetingSession("少人数会合", dt.datetime(2023, 5, 3, 9, 10), "America/Lima",
                            zone_label="local time", duration_minutes=15,
                            duration_hedge="approximately")
LIMA_PLENARY = MeetingSession("全体会合", dt.datetime(2023, 5, 3, 9, 40), "America/Lima",
                              duration_minutes=90, duration_hedge="約")


def lima(lead: str = "現地時間5月3日午前9時10分（日本時間同日午後11時10分）から約15分間、"
                     "林芳正外務大臣は、ジャンカルロ・ヘルバシ・ペルー共和国外務大臣と少人数会合を行い、"
                     "続いて約90分間、全体会合を行いました。") -> Readout:
    return Readout(
        title="日・ペルー外相会談", section="ペルー", language="ja",
        meeting_date=dt.date(2023, 5, 3), published_date=dt.date(2023, 5, 4),
        place=Place("リマ", "PE", "", "America/Lima"), lead=lead,
        participants=(
            Participant(Person("Hayashi", "Yoshimasa", NameOrder.FAMILY_FIRST), office="外務大臣",
                        country="JP", printed_name="林芳正"),
            Participant(Person("Gervasi", "Giancarlo"), "H.E. Mr.", "ペルー共和国外務大臣", "PE",
                        printed_name="ジャンカルロ・ヘルバシ"),
            Participant(Person("Ando", "Mio", NameOrder.FAMILY_FIRST), office="外務副大臣"),
        ),
        sessions=(LIMA_SMALL, LIMA_PLENARY),
        points=(SummaryPoint("両者は、ＣＰＴＰＰについて意見交換を行いました。", label="1"),),
    )


@pytest.mark.parametrize(("day", "era", "text"), [
    (dt.date(2023, 5, 3), False, "2023年5月3日"),
    (dt.date(2023, 5, 3), True, "令和5年5月3日"),
    (dt.date(2019, 5, 1), True, "令和元年5月1日"),
    (dt.date(2019, 4, 30), True, "平成31年4月30日"),
    (dt.date(1989, 1, 7), True, "昭和64年1月7日"),
])
def test_dates(day: dt.date, era: bool, text: str) -> None:
    assert render_ja.japanese_date(day, era=era) == text


@pytest.mark.parametrize(("hour", "minute", "text"), [
    (9, 10, "午前9時10分"), (23, 10, "午後11時10分"), (15, 0, "午後3時"),
    (12, 0, "午後0時"), (0, 30, "午前0時30分"),
])
def test_clock_times(hour: int, minute: int, text: str) -> None:
    assert render_ja.japanese_clock(dt.datetime(2023, 5, 3, hour, minute)) == text


@pytest.mark.parametrize(("minutes", "hedge", "text"), [
    (15, "approximately", "約15分間"), (60, "about", "約1時間"), (90, "約", "約1時間30分"),
    (30, "just under", "30分弱"), (45, "", "45分間"),
])
def test_durations(minutes: int, hedge: str, text: str) -> None:
    assert render_ja.japanese_duration(minutes, hedge) == text


def test_timing_lines_in_the_ministry_form() -> None:
    assert render_ja.japanese_timing(LIMA_SMALL) == (
        "現地時間5月3日午前9時10分（日本時間同日午後11時10分）から約15分間")
    new_york = MeetingSession("外相会談", dt.datetime(2023, 9, 23, 11, 20), "America/New_York",
                              duration_minutes=30, duration_hedge="about")
    assert render_ja.japanese_timing(new_york) == (
        "現地時間9月23日午前11時20分（日本時間翌24日午前0時20分）から約30分間")
    tokyo = MeetingSession("表敬", dt.datetime(2024, 3, 14, 15, 0), "Asia/Tokyo",
                           time_hedge="around", duration_minutes=20)
    assert render_ja.japanese_timing(tokyo) == "3月14日午後3時頃から20分間"


def test_a_japanese_readout_is_laid_out_in_japanese_forms() -> None:
    text = render.readout_text(lima(), "Asia/Tokyo")
    assert "2023年5月3日\n日・ペルー外相会談" in text
    assert "現地時間5月3日午前9時10分（日本時間同日午後11時10分）から約15分間" in text
    assert "現地時間5月3日午前9時40分（日本時間同日午後11時40分）から約1時間30分" in text
    assert "林芳正（Hayashi Yoshimasa）外務大臣" in text.replace("HAYASHI", "Hayashi")
    assert "ジャンカルロ・ヘルバシ（H.E. Mr. Giancarlo Gervasi）ペルー共和国外務大臣" in text
    assert "ANDO Mio外務副大臣" in text or "Ando Mio外務副大臣" in text
    assert "発表日：2023年5月4日" in text and "Published" not in text
    page = render.readout_html(lima(), "Asia/Tokyo", ["外相", "ＣＰＴＰＰ"])
    assert "<p>2023年5月3日</p>" in page
    assert "（日本時間同日午後11時10分）" in page
    assert '<span style="background-color: #fff1a8;">外相</span>会談' in page


def test_the_era_form_is_used_where_the_source_used_it() -> None:
    era = lima(lead="令和5年5月3日、林芳正外務大臣は会談を行いました。")
    assert "令和5年5月3日\n日・ペルー外相会談" in render.readout_text(era, None)
    assert "<p>令和5年5月3日</p>" in render.readout_html(era, None)


def test_an_english_readout_is_unchanged() -> None:
    english = Readout(title="Meeting", meeting_date=dt.date(2023, 5, 3), sessions=(
        MeetingSession("meeting", dt.datetime(2023, 5, 3, 9, 10), "America/Lima",
                       duration_minutes=15, duration_hedge="approximately"),))
    text = render.readout_text(english, "Asia/Tokyo")
    assert "May 3, 2023" in text and "commencing at 9:10 a.m." in text


def test_the_printed_name_travels_through_the_format_and_is_searched() -> None:
    from readout_desk.archive import Archive

    data = jsonformat.readout_to_dict(lima(lead="林外務大臣は会談を行いました。"))
    assert data["participants"][1]["printed_name"] == "ジャンカルロ・ヘルバシ"
    again = jsonformat.readout_from_dict(data)
    assert again.participants[1].printed_name == "ジャンカルロ・ヘルバシ"
    with Archive.open(None) as archive:
        saved = archive.add(again)
        assert saved.participants[0].printed_name == "林芳正"
        assert archive.search_ids("ヘルバシ") == [saved.id]
        assert archive.search_ids("Gervasi") == [saved.id]


def test_the_editor_keeps_a_japanese_readouts_language_and_printed_names() -> None:
    from readout_desk.domain import draft

    edited = draft.build(draft.draft_of(lima())).readout
    assert edited.language == "ja"
    assert [p.printed_name for p in edited.participants] == ["林芳正", "ジャンカルロ・ヘルバシ", ""]
    new = draft.build(draft.ReadoutDraft(title="日・ペルー外相会談", meeting_date="2023-05-03",
                                         lead="林外務大臣は会談を行いました。")).readout
    assert new.language == ""  # decided by its text when saved (tests/domain/test_scripts.py)


def test_the_japanese_labels_name_every_field_the_english_ones_do() -> None:
    # The window labels any readout in the interface's language, a sample one too.
    assert render_ja.LABELS.keys() == render.LABELS.keys()
