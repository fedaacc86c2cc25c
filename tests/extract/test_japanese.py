"""The reader of Japanese readouts, on texts written for these tests (fictional people)."""
# ruff: noqa: E501  (a Japanese opening paragraph is one line, as published)

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from readout_desk import cli
from readout_desk.domain.extract import Draft, extract
from readout_desk.domain.records import Mode, NameOrder

PERU = """ペルー共和国

日・ペルー外相会談

令和8年3月9日

　現地時間3月8日午後6時（日本時間9日午前8時）から約15分間、ペルーを訪問中の森下浩二外務大臣は、リマにおいて、カミラ・ロサレス・ペルー外務大臣（H.E. Ms. Camila Rosales, Minister of Foreign Affairs of the Republic of Peru）と日・ペルー外相会談を行ったところ、概要は以下のとおりです。

1　冒頭、森下大臣から、ロサレス大臣の就任に祝意を伝えました。

2　両大臣は、重要鉱物分野での協力を進めることで一致しました。
（1）森下大臣から、インフラ整備への協力を続ける旨述べました。
（2）両大臣は、北朝鮮への対応で連携していくことを確認しました。
"""


def _draft(text: str) -> Draft:
    return extract(text)


def test_a_japanese_text_is_read_as_japanese() -> None:
    d = _draft(PERU)
    r = d.readout
    assert r.language == "ja"
    assert r.title == "日・ペルー外相会談"
    assert r.section == "ペルー共和国"
    assert r.published_date == dt.date(2026, 3, 9)  # 令和8年 = 2026
    assert r.meeting_date == dt.date(2026, 3, 8)
    assert r.mode is Mode.IN_PERSON
    assert r.place is not None and (r.place.city, r.place.country, r.place.zone) == (
        "Lima", "PE", "America/Lima")
    assert r.relation == ("JP", "PE")


def test_people_keep_the_printed_name_and_take_the_latin_form() -> None:
    japan, peru = _draft(PERU).readout.participants
    assert (japan.person.family_name, japan.person.given_name) == ("森下", "浩二")
    assert japan.person.name_order is NameOrder.FAMILY_FIRST
    assert (japan.office, japan.country, japan.printed_name) == ("外務大臣", "JP", "森下浩二")
    assert (peru.person.family_name, peru.person.given_name) == ("Rosales", "Camila")
    assert (peru.honorific, peru.office, peru.country) == (
        "H.E. Ms.", "Minister of Foreign Affairs", "PE")
    assert peru.printed_name == "カミラ・ロサレス"


def test_local_time_with_japan_time_on_the_next_day() -> None:
    d = _draft(PERU)
    (s,) = d.readout.sessions
    assert (s.kind, s.start, s.zone) == ("外相会談", dt.datetime(2026, 3, 8, 18, 0),
                                         "America/Lima")
    assert (s.duration_minutes, s.duration_hedge) == (15, "約")
    assert s.printed_other is not None
    assert s.printed_other.text == "日本時間9日午前8時"
    assert s.printed_other.local == dt.datetime(2026, 3, 9, 8, 0)
    assert [c.ok for c in d.checks] == [True]


def test_a_wrong_japan_time_is_flagged() -> None:
    d = _draft(PERU.replace("日本時間9日午前8時", "日本時間9日午前9時"))
    assert [c.ok for c in d.checks] == [False]
    assert "8:00 a.m." in d.checks[0].message


def test_points_sub_points_and_spans() -> None:
    d = _draft(PERU)
    points = d.readout.points
    assert [(p.label, p.level) for p in points] == [("1", 0), ("2", 0), ("(1)", 1), ("(2)", 1)]
    assert points[0].text.startswith("冒頭、森下大臣から")
    assert d.as_printed("title") == "日・ペルー外相会談"
    assert d.as_printed("published_date") == "令和8年3月9日"
    assert d.as_printed("sessions[0].duration") == "約15分間"
    assert d.as_printed("sessions[0].kind") == "外相会談"
    assert d.as_printed("sessions[0].printed_other") == "日本時間9日午前8時"
    assert d.as_printed("place") == "リマ"
    assert d.as_printed("participants[1]").startswith("カミラ・ロサレス・ペルー外務大臣（H.E.")
    assert set(d.readout.topics) >= {"Critical minerals", "Infrastructure", "North Korea"}


def _lead(opening: str, title: str = "日・ケニア外相会談",
          date_line: str = "2026年2月14日") -> str:
    return f"{title}\n\n{date_line}\n\n　{opening}概要は以下のとおりです。\n\n1　両大臣は協力で一致しました。\n"


KENYA = "ジョセフ・ムワンギ・ケニア外務大臣（H.E. Mr. Joseph Mwangi, Cabinet Secretary for Foreign Affairs of the Republic of Kenya）"


@pytest.mark.parametrize(("opening", "start", "minutes"), [
    ("本14日午後3時48分（現地時間）から約35分間、ケニアを訪問中の森下浩二外務大臣は、"
     f"ナイロビにおいて、{KENYA}と外相会談を行ったところ、", dt.datetime(2026, 2, 14, 15, 48), 35),
    (f"14日0時30分から約25分間、森下浩二外務大臣は、{KENYA}と電話会談を行ったところ、",
     dt.datetime(2026, 2, 14, 0, 30), 25),
    (f"本14日10時30分から約1時間、森下浩二外務大臣は、訪日中の{KENYA}と外相会談を行ったところ、",
     dt.datetime(2026, 2, 14, 10, 30), 60),
    (f"本14日午前12時から約2時間30分、森下浩二外務大臣は、訪日中の{KENYA}と外相会談を行ったところ、",
     dt.datetime(2026, 2, 14, 12, 0), 150),
    (f"本14日午後0時から30分弱、森下浩二外務大臣は、訪日中の{KENYA}と外相会談を行ったところ、",
     dt.datetime(2026, 2, 14, 12, 0), 30),
])
def test_clock_forms_and_durations(opening: str, start: dt.datetime, minutes: int) -> None:
    (s,) = _draft(_lead(opening)).readout.sessions
    assert (s.start, s.duration_minutes) == (start, minutes)


def test_a_telephone_meeting_is_in_japan_time_without_a_place() -> None:
    r = _draft(_lead(f"14日0時30分から約25分間、森下浩二外務大臣は、{KENYA}と電話会談を行ったところ、",
                     title="日・ケニア外相電話会談")).readout
    assert r.mode is Mode.TELEPHONE and r.place is None
    assert (r.sessions[0].zone, r.sessions[0].kind) == ("Asia/Tokyo", "電話会談")


def test_a_meeting_at_home_is_in_tokyo() -> None:
    r = _draft(_lead(f"本14日10時30分から約1時間、森下浩二外務大臣は、訪日中の{KENYA}と"
                     "外相会談を行ったところ、")).readout
    assert r.place is not None and (r.place.city, r.place.zone) == ("Tokyo", "Asia/Tokyo")


def test_hedges_as_printed() -> None:
    (s,) = _draft(_lead(f"本14日午後10時過ぎから約20分間、森下浩二外務大臣は、{KENYA}と"
                        "テレビ会議を行ったところ、", title="日・ケニア外相テレビ会議")).readout.sessions
    assert (s.time_hedge, s.kind) == ("過ぎ", "テレビ会議")


def test_several_sessions_in_one_sentence() -> None:
    text = _lead("現地時間2月14日午前9時10分（日本時間同日午後3時10分）から約20分間、ケニアを訪問中の"
                 f"森下浩二外務大臣は、ナイロビにおいて、{KENYA}と少人数会合を行い、続いて午前9時40分"
                 "から約90分間、全体会合を行い、その後約1時間、ワーキング・ランチを行ったところ、")
    d = _draft(text)
    got = [(s.kind, s.start, s.duration_minutes) for s in d.readout.sessions]
    assert got == [("少人数会合", dt.datetime(2026, 2, 14, 9, 10), 20),
                   ("全体会合", dt.datetime(2026, 2, 14, 9, 40), 90),
                   ("ワーキング・ランチ", None, 60)]
    assert all(s.zone == "Africa/Nairobi" for s in d.readout.sessions)
    assert [c.ok for c in d.checks] == [True]


def test_same_day_and_next_day_words() -> None:
    text = _lead("現地時間2月13日午後11時（日本時間翌14日午前5時）から約30分間、ケニアを訪問中の"
                 f"森下浩二外務大臣は、ナイロビにおいて、{KENYA}と外相会談を行ったところ、")
    (s,) = _draft(text).readout.sessions
    assert s.printed_other is not None
    assert s.printed_other.local == dt.datetime(2026, 2, 14, 5, 0)
    assert s.start == dt.datetime(2026, 2, 13, 23, 0)


@pytest.mark.parametrize("kind", ["首脳会談", "表敬", "ワーキング・ディナー", "立ち話", "外相会談"])
def test_kinds_as_printed(kind: str) -> None:
    (s,) = _draft(_lead(f"本14日午後7時から約1時間、森下浩二外務大臣は、訪日中の{KENYA}と{kind}を"
                        "行ったところ、")).readout.sessions
    assert s.kind == kind


def test_an_untitled_text_gets_a_proposed_title() -> None:
    text = ("ケニア共和国\n\n令和8年2月14日\n\n　本14日午後7時から約1時間、森下浩二外務大臣は、"
            f"訪日中の{KENYA}と外相会談を行ったところ、概要は以下のとおりです。\n")
    d = _draft(text)
    assert (d.readout.title, d.readout.section, d.proposed) == (
        "日・ケニア外相会談", "ケニア共和国", ("title",))


def test_older_pages_with_commas_and_half_width_parentheses() -> None:
    text = ("日・ケニア外相会談\n\n平成30年5月2日\n\n 5月2日午前8時40分から約5分間,森下浩二外務大臣は,"
            "訪日中のジョセフ・ムワンギ・ケニア外務大臣(H.E. Mr. Joseph Mwangi, Cabinet Secretary "
            "for Foreign Affairs of the Republic of Kenya)と外相会談を行ったところ,概要は以下のとおり。\n")
    r = _draft(text).readout
    assert r.published_date == dt.date(2018, 5, 2)
    assert [p.printed_name for p in r.participants] == ["森下浩二", "ジョセフ・ムワンギ"]
    assert r.sessions[0].duration_minutes == 5


def test_an_adversarial_megabyte_of_japanese_finishes() -> None:
    piece = "現地時間（日本時間（翌日午前12時から約、ア・イ・ウ・米国務（H.E. Mr. 、において"
    text = "日・ケニア外相会談\n令和8年2月14日\n" + piece * (1_000_000 // len(piece.encode()))
    d = extract(text)
    assert d.readout.language == "ja"
    many_lines = "\n".join(["1　点"] * 60_000 + ["（1）点"] * 60_000)
    d = extract("日・ケニア外相会談\n令和8年2月14日\n" + many_lines)
    assert 1000 < len(d.readout.points) <= 120_000
    assert {p.level for p in d.readout.points} == {0}  # only what was read: the first lines


def test_cli_parse_prints_a_japanese_draft(tmp_path: Path) -> None:
    f = tmp_path / "peru.txt"
    f.write_text(PERU, "utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["--home-zone", "Asia/Tokyo", "parse", str(f)], out=out, err=err)
    assert code == 0, err.getvalue()
    assert "日・ペルー外相会談" in out.getvalue()
    assert "Lima" in out.getvalue()


def test_a_session_on_the_next_day_in_a_paragraph_of_its_own() -> None:
    text = ("日・ケニア首脳会談\n\n令和8年2月14日\n\n　現地時間2月13日午後4時（日本時間13日午後10時）から約1時間、"
            f"ケニアを訪問中の森下浩二内閣総理大臣は、ナイロビにおいて、{KENYA}と首脳会談を行いました。\n\n"
            "　翌14日午前8時から約45分間、両首脳はワーキング・ブレックファストを行いました。概要は以下のとおりです。\n\n"
            "1　両首脳は協力で一致しました。\n")
    got = [(s.kind, s.start) for s in _draft(text).readout.sessions]
    assert got == [("首脳会談", dt.datetime(2026, 2, 13, 16, 0)),
                   ("ワーキング・ブレックファスト", dt.datetime(2026, 2, 14, 8, 0))]


def test_a_day_without_a_clock_time_is_the_meeting_date() -> None:
    text = _lead(f"現地時間2月12日、ケニアを訪問中の森下浩二外務大臣は、ナイロビにおいて、{KENYA}と立ち話を"
                 "行ったところ、", title="日・ケニア外相立ち話")
    r = _draft(text).readout
    assert r.meeting_date == dt.date(2026, 2, 12)
    assert [(s.kind, s.start, s.duration_minutes) for s in r.sessions] == [("立ち話", None, None)]


def test_a_visit_to_a_country_without_a_known_city_takes_the_country_zone() -> None:
    text = _lead(f"現地時間2月14日午後2時から約40分間、ケニアを訪問中の森下浩二外務大臣は、{KENYA}と"
                 "外相会談を行ったところ、")
    r = _draft(text).readout
    assert r.place is not None and (r.place.city, r.place.country, r.place.zone) == (
        "", "KE", "Africa/Nairobi")
    assert r.sessions[0].zone == "Africa/Nairobi"


def test_the_occasion_as_printed_and_a_proposed_title_in_the_ministrys_naming() -> None:
    text = ("ケニア共和国\n\n令和8年2月14日\n\n　現地時間2月14日午後2時から約40分間、Ｇ２０外相会合に出席するため"
            f"ナイロビを訪問中の森下浩二外務大臣は、{KENYA}と会談を行ったところ、概要は以下のとおりです。\n")
    d = _draft(text)
    assert d.readout.occasion == "Ｇ２０外相会合"
    assert d.readout.title == "日・ケニア外相会談"


def test_a_paragraph_without_a_number_continues_the_point_above_it() -> None:
    text = _lead(f"本14日午後3時から約1時間、森下浩二外務大臣は、{KENYA}と外相会談及び"
                 "ワーキング・ランチを行いました。").replace(
        "1　両大臣は協力で一致しました。\n",
        "1　外相会談\n（1）森下大臣から、両国関係の発展を歓迎する旨述べました。\n"
        "　ムワンギ長官からは、人材育成への協力に謝意が表明されました。\n"
        "2　ワーキング・ランチ\n"
        "　両大臣は、地域情勢について意見交換を行い、法の支配に基づく国際秩序の\n"
        "維持に向けて連携していくことで一致しました。\n\n関連リンク\n日・ケニア関係\n")
    points = _draft(text).readout.points
    assert [(p.label, p.level) for p in points] == [("1", 0), ("(1)", 1), ("2", 0)]
    assert points[0].text == "外相会談"
    assert points[1].text == ("森下大臣から、両国関係の発展を歓迎する旨述べました。\n"
                              "ムワンギ長官からは、人材育成への協力に謝意が表明されました。")
    # Under a heading its paragraph, and a sentence broken over two lines joined again;
    # the page's links after the points are not a point.
    assert points[2].text == ("ワーキング・ランチ\n両大臣は、地域情勢について意見交換を行い、"
                              "法の支配に基づく国際秩序の維持に向けて連携していくことで一致しました。")
