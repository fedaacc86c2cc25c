"""More classes of published layouts, each on a text written for the test (fictional
people) in a structure real ministries publish."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from readout_desk.domain import geography
from readout_desk.domain.extract import extract, people, places
from readout_desk.domain.extract.japanese import jpeople
from readout_desk.domain.records import Mode

DATED_HEADLINE = """Foreign Minister Holds Telephone Conversation with Greek Counterpart (6.3.)

2025-06-03

1. Minister of Foreign Affairs Moon Ha-neul had a telephone conversation with Minister of \
Foreign Affairs Nikos Vlachos of Greece for about 25 minutes from 4:00 p.m. on June 3.

2. The two Ministers agreed to cooperate on shipping and maritime security.
"""


def test_a_headline_closed_by_its_date_is_the_title_not_the_opening() -> None:
    r = extract(DATED_HEADLINE).readout
    assert r.title.endswith("Greek Counterpart (6.3.)")
    assert [(p.person.family_name, p.country) for p in r.participants] == [
        ("Moon", "KR"), ("Vlachos", "GR")]
    assert r.mode is Mode.TELEPHONE
    assert r.sessions[0].start == dt.datetime(2025, 6, 3, 16, 0)
    assert sum(1 for p in r.points if p.level == 0) == 1


def test_a_headline_verb_is_never_a_name() -> None:
    for headline in ("Foreign Minister Holds Talks with Swedish Counterpart",
                     "Vice Foreign Minister Meets Counterpart", "Foreign Minister Speaks"):
        assert people.find_people(headline, 0, len(headline)) == []


def test_a_named_meeting_keeps_its_kind_as_printed() -> None:
    text = ("Japan-Malta Foreign Ministers' Telephone Talk\n\nJuly 1, 2025\n\nOn July 1, "
            "commencing at 5:00 p.m. for approximately 20 minutes, Ms. ONO Haruka, Minister for "
            "Foreign Affairs, held a Japan-Malta Foreign Ministers' Telephone Talk with H.E. Mr. "
            "Paul Camilleri, Minister for Foreign Affairs of the Republic of Malta.\n")
    r = extract(text).readout
    assert r.sessions[0].kind == "foreign ministers' telephone talk"
    assert r.mode is Mode.TELEPHONE
    meeting = text.replace("Telephone Talk", "Meeting").replace("approximately", "about")
    assert extract(meeting).readout.sessions[0].kind == "foreign ministers' meeting"
    video = text.replace("a Japan-Malta Foreign Ministers' Telephone Talk",
                         "a video conference meeting")
    assert extract(video).readout.sessions[0].kind == "video conference meeting"
    assert extract(video).readout.mode is Mode.VIDEO


def test_the_publisher_s_country_shown_by_the_page_s_layout() -> None:
    gov_uk = ("News story\n\nMinister for Africa meets Ghanaian Foreign Minister\n\nThe minister "
              "discussed trade.\n\nPublished 2 April 2025\n\nMinister for Africa Tom Hadley met "
              "Ghanaian Foreign Minister Kofi Mensah in Accra on 1 April.\n")
    r = extract(gov_uk).readout
    assert [(p.person.family_name, p.country) for p in r.participants] == [
        ("Hadley", "GB"), ("Mensah", "GH")]
    assert set(r.relation) == {"GB", "GH"}
    chinese = ("Qin Hai Holds Talks with Foreign Minister Rui Costa of Angola\n\n2025-04-02\n\n"
               "On April 2, 2025, Member of the Political Bureau of the CPC Central Committee and "
               "Foreign Minister Qin Hai held talks in Beijing with Foreign Minister Rui Costa of "
               "Angola.\n")
    r = extract(chinese).readout
    assert [(p.person.family_name, p.country) for p in r.participants] == [
        ("Qin", "CN"), ("Costa", "AO")]


def test_a_byline_with_the_office_on_the_line_below_signs_a_first_person_release() -> None:
    text = ("Media release\n\n3 March 2026\n\nSenator the Hon Ruth Calder\nMinister for Foreign "
            "Affairs\n\nToday I met Foreign Minister Sione Vea of Tonga in Canberra.\n")
    r = extract(text).readout
    first = r.participants[0]
    assert (first.person.family_name, first.office, first.country) == (
        "Calder", "Minister for Foreign Affairs", "AU")


def test_the_visit_before_a_numbered_meeting_gives_the_place() -> None:
    text = ("Visit to Ghana by Mr. ODA Ken, State Minister for Foreign Affairs\n\nMay 8, 2025\n\n"
            "From May 5 to 7, Mr. ODA Ken, State Minister for Foreign Affairs, visited Accra, the "
            "Republic of Ghana. The overview is as follows.\n\n1. On May 6, commencing at 10:00 "
            "a.m. (local time; 7:00 p.m. JST) for approximately 30 minutes, State Minister Oda "
            "held a meeting with H.E. Mr. Kofi Mensah, Minister for Foreign Affairs of the "
            "Republic of Ghana.\n")
    r = extract(text).readout
    assert r.place is not None and (r.place.city, r.place.zone) == ("Accra", "Africa/Accra")
    assert [(p.person.family_name, p.country) for p in r.participants] == [
        ("ODA", "JP"), ("Mensah", "GH")]


def test_an_office_of_several_portfolios_is_kept_whole() -> None:
    text = ("Brussels, 14/05/2025\n\nThe High Representative met today with Amina Benali, "
            "Minister of Foreign Affairs, African Cooperation and Algerian Community Abroad of "
            "the People's Democratic Republic of Algeria, and with H.E. Mr. Budi Santoso, "
            "Coordinating Minister for Political and Security Affairs of the Republic of "
            "Indonesia.\n")
    found = {p.family_name: p for p in people.find_people(text, 0, len(text))}
    assert found["Benali"].office == ("Minister of Foreign Affairs, African Cooperation and "
                                      "Algerian Community Abroad")
    assert found["Benali"].country == "DZ"
    assert found["Santoso"].office == "Coordinating Minister for Political and Security Affairs"
    assert set(found) == {"Benali", "Santoso"}
    named = "the Minister of Foreign Affairs, Omar Haddad, said"
    assert [p.family_name for p in people.find_people(named, 0, len(named))] == ["Haddad"]


def test_two_spanish_surnames_the_second_with_particles() -> None:
    text = ("Japan-Mexico Foreign Ministers' Meeting\n\nJune 10, 2025\n\nOn June 10, commencing at "
            "10:00 a.m. for approximately 50 minutes, Mr. SAKURAI Kenta, Minister for Foreign "
            "Affairs, held a meeting with H.E. Ms. Inés Robles de la Vega, Secretary of Foreign "
            "Affairs of the United Mexican States, who is visiting Japan.\n")
    mexican = extract(text).readout.participants[1]
    assert (mexican.person.family_name, mexican.person.given_name) == ("Robles de la Vega", "Inés")
    assert jpeople.split_latin_name(["Inés", "Robles", "de", "la", "Vega"], "MX")[:2] == (
        "Robles de la Vega", "Inés")
    assert jpeople.split_latin_name(["Juan", "Ramón", "de", "la", "Fuente", "Ortiz"], "MX")[:2] \
        == ("de la Fuente Ortiz", "Juan Ramón")
    assert jpeople.split_latin_name(["Ana", "de", "Souza"], "BR")[:2] == ("de Souza", "Ana")


def test_a_proposed_title_names_the_level_once() -> None:
    text = ("Japan-Ghana Relations\n\nMay 2, 2025\n\nOn May 2, commencing at 3:00 p.m. for "
            "approximately 30 minutes, Mr. SAKURAI Kenta, Minister for Foreign Affairs, held a "
            "Japan-Ghana Foreign Ministers' Meeting with H.E. Mr. Kofi Mensah, Minister for "
            "Foreign Affairs of the Republic of Ghana, who is visiting Japan.\n")
    draft = extract(text)
    assert draft.proposed == ("title",)
    assert draft.readout.title == "Japan-Ghana Foreign Ministers' Meeting"
    video = text.replace("held a Japan-Ghana Foreign Ministers' Meeting",
                         "held a video conference meeting").replace(", who is visiting Japan", "")
    assert extract(video).readout.title == (
        "Japan-Ghana Foreign Ministers' Video Conference Meeting")


def test_the_day_in_a_printed_second_time_is_not_the_meeting_s() -> None:
    text = ("State Minister Oda Meets Foreign Minister of Georgia\n\nSeptember 4, 2025\n\n1. For "
            "about 40 minutes from 7:15 p.m. (0:15 a.m. on September 4) on September 3, Mr. ODA "
            "Ken, State Minister for Foreign Affairs, who is visiting Tbilisi, Georgia, held a "
            "meeting with H.E. Mr. Levan Beridze, Minister of Foreign Affairs of Georgia.\n")
    draft = extract(text)
    assert draft.readout.meeting_date == dt.date(2025, 9, 3)
    assert draft.readout.sessions[0].start == dt.datetime(2025, 9, 3, 19, 15)
    assert draft.flagged == ()


def test_a_weekday_nested_in_the_bracket_of_a_printed_time() -> None:
    text = ("Japan-Italy Foreign Ministers' Meeting\n\nMay 15, 2025\n\nOn May 15 (Thursday), "
            "commencing at 2:30 p.m. (local time; 9:30 p.m. (Thursday) JST) for approximately 40 "
            "minutes, Mr. SAKURAI Kenta, Minister for Foreign Affairs, who is visiting Rome, the "
            "Italian Republic, held a meeting with H.E. Mr. Marco Bellini, Minister of Foreign "
            "Affairs of the Italian Republic.\n")
    draft = extract(text)
    printed = draft.readout.sessions[0].printed_other
    assert printed is not None and printed.local == dt.datetime(2025, 5, 15, 21, 30)
    assert draft.flagged == ()
    wrong = extract(text.replace("9:30 p.m. (Thursday) JST", "10:30 p.m. (Thursday) JST"))
    assert len(wrong.flagged) == 1


def test_a_city_and_its_state_s_formal_name_are_no_person() -> None:
    text = ("who is visiting Vienna, the Federal Republic of Austria, held a meeting with H.E. "
            "Ms. Eva Gruber, Federal Minister for European and International Affairs")
    assert [p.family_name for p in people.find_people(text, 0, len(text))] == ["Gruber"]


def test_gov_uk_summary_line_is_not_the_opening() -> None:
    text = ("Foreign Secretary meets Peruvian Foreign Minister: 3 June 2025\n\nThe Foreign "
            "Secretary met the Peruvian Foreign Minister in London.\n\nFrom: Foreign, Commonwealth "
            "& Development Office\nPublished 4 June 2025\n\nForeign Secretary Harriet Colville met "
            "Peruvian Foreign Minister Rosa Quispe Mamani at the Foreign, Commonwealth & "
            "Development Office yesterday.\n\nThey discussed critical minerals.\n")
    r = extract(text).readout
    assert [(p.person.family_name, p.country) for p in r.participants] == [
        ("Colville", "GB"), ("Quispe Mamani", "PE")]
    assert r.meeting_date == dt.date(2025, 6, 3)
    assert r.place is not None and r.place.city == "London"


def test_a_later_sentence_gives_a_dotted_24_hour_start_and_the_kind() -> None:
    text = ("Foreign Minister Vogt receives Czech counterpart\n\nPress release\n11.02.2025\n\n"
            "Foreign Minister Annika Vogt received Czech Foreign Minister Jan Dvořák for talks at "
            "the Federal Foreign Office on Monday. The talks, which began shortly after 10.30, "
            "lasted around 90 minutes.\n")
    r = extract(text).readout
    session = r.sessions[0]
    assert (session.kind, session.start, session.time_hedge) == (
        "talks", dt.datetime(2025, 2, 10, 10, 30), "shortly after")
    assert session.zone == "Europe/Berlin" and r.place is not None and r.place.city == "Berlin"


def test_a_japanese_name_in_either_order_without_capitals() -> None:
    text = ("Foreign Minister Holds Talks with Japanese Counterpart (4.2.)\n\n2025-04-02\n\n1. "
            "Minister of Foreign Affairs Seo Jin-ho held talks with Minister for Foreign Affairs "
            "Matsui Haruto of Japan on April 2 in Seoul.\n")
    names = [(p.person.family_name, p.person.given_name)
             for p in extract(text).readout.participants]
    assert names == [("Seo", "Jin-ho"), ("Matsui", "Haruto")]
    given_first = text.replace("Matsui Haruto", "Haruto Matsui")
    names = [(p.person.family_name, p.person.given_name)
             for p in extract(given_first).readout.participants]
    assert names == [("Seo", "Jin-ho"), ("Matsui", "Haruto")]


def test_japanese_names_before_a_formal_country_name_or_none() -> None:
    assert jpeople._split_japanese("イ・ジュノ大韓民国大統領") == (
        "イ・ジュノ", "大韓民国", "大統領")
    assert jpeople._split_japanese("ジョセフ・デイバ・ナウル共和国外務大臣") == (
        "ジョセフ・デイバ", "ナウル", "外務大臣")
    assert jpeople._split_japanese("キア・マーシャル英国首相") == (
        "キア・マーシャル", "英国", "首相")
    assert jpeople._split_japanese("グエン・ヴァン・タイン首相") == (
        "グエン・ヴァン・タイン", "", "首相")
    assert jpeople._split_japanese("ハンナ・ケルナー・ドイツ連邦首相") == (
        "ハンナ・ケルナー", "ドイツ", "連邦首相")


OLD_JAPANESE_LAYOUT = """報道発表

日米外相電話会談

令和元年10月22日

本22日,午後8時55分頃から約20分間,茂田敏夫外務大臣は,マイケル・ポーター米国国務長官\
(The Honorable Michael Porter,Secretary of State of the United States of America)と日米外相\
電話会談を行ったところ,概要以下のとおりです。

1 冒頭,茂田大臣から,本日の式典に際しての祝意に謝意を述べました。

2 両大臣は,中東情勢を中心に意見交換を行いました。

報道発表へ戻る
"""


def test_an_older_japanese_layout_with_half_width_commas() -> None:
    r = extract(OLD_JAPANESE_LAYOUT).readout
    porter = r.participants[1]
    assert (porter.person.family_name, porter.person.given_name, porter.office) == (
        "Porter", "Michael", "Secretary of State")
    assert porter.printed_name == "マイケル・ポーター"
    assert r.published_date == dt.date(2019, 10, 22)
    assert r.sessions[0].start == dt.datetime(2019, 10, 22, 20, 55)
    assert r.sessions[0].time_hedge == "頃"
    assert sum(1 for p in r.points if p.level == 0) == 2


def test_a_visit_to_any_country_by_its_name_gives_its_zone() -> None:
    missed = []
    for code, name in geography.country_names():
        if not geography.zones_for_country(code) or re.search(r"[,(]", name):
            continue  # "Virgin Islands, British", "Saint Martin (French part)"
        text = f"Mr. SATO Ken, Minister for Foreign Affairs, who is visiting {name}, held talks."
        found = places.find_place(text, 0, len(text))
        if found is None or found.country != code or \
                found.zone not in geography.zones_for_country(code):
            missed.append(name)
    assert missed == []
    text = "visited Abidjan, the Republic of Côte d'Ivoire, and"
    found = places.find_place(text, 0, len(text))
    assert found is not None and (found.city, found.zone) == ("Abidjan", "Africa/Abidjan")


@pytest.mark.parametrize(("phrase", "day"), [
    ("on the 13th local time", dt.date(2025, 3, 13)), ("on the 28th", dt.date(2025, 2, 28)),
    ("the previous day", dt.date(2025, 3, 13)), ("on 12-13 March", dt.date(2025, 3, 12)),
    ("on the 3rd of March", dt.date(2025, 3, 3))])
def test_meeting_days_named_by_their_number_or_the_day_before(phrase: str, day: dt.date) -> None:
    text = ("Foreign Minister Meets Portuguese Counterpart\n\nFriday, 14 March 2025\n\nForeign "
            "Minister Lin Qiao met with Foreign Minister Ana Duarte of Portugal in Beijing "
            f"{phrase}.\n")
    assert extract(text).readout.meeting_date == day


def test_a_royal_style_is_an_honorific_and_more_kinds_as_printed() -> None:
    text = ("Japan-Saudi Arabia Foreign Ministers' Meeting\n\nMay 4, 2025\n\nOn May 4, Mr. "
            "SAKURAI Kenta, Minister for Foreign Affairs, held delegation-level talks with H.H. "
            "Prince Faisal bin Khalid Al Saud, Minister of Foreign Affairs of the Kingdom of Saudi "
            "Arabia, in Riyadh.\n")
    r = extract(text).readout
    saudi = r.participants[1]
    assert (saudi.honorific, saudi.person.family_name, saudi.office, saudi.country) == (
        "H.H. Prince", "Al Saud", "Minister of Foreign Affairs", "SA")
    assert r.sessions[0].kind == "delegation-level talks"
    for printed, kind in (("had a pull-aside", "pull-aside"), ("held a standing talk",
                                                              "standing talk"),
                          ("hosted an informal dinner", "informal dinner")):
        changed = text.replace("held delegation-level talks", printed)
        assert extract(changed).readout.sessions[0].kind == kind


@pytest.mark.parametrize("timing", [
    "現地時間7月4日（金曜日）午後5時（日本時間5日（土曜日）午前0時）から約30分間",
    "現地時間7月4日午後5時から（日本時間5日午前0時から）約30分間",
    "現地時間4日午後5時（日本時間翌5日午前0時）から約30分間"])
def test_japanese_printed_times_with_weekdays_or_a_second_kara(timing: str) -> None:
    text = ("フランス共和国\n\n日仏外相会談\n\n令和7年7月5日\n\n　" + timing
            + "，フランスを訪問中の桜井健太外務大臣は，パリにおいて，ジャン＝ルイ・ボーモン・"
            "フランス欧州・外務大臣（H.E. Mr. Jean-Louis Beaumont, Minister for Europe and "
            "Foreign Affairs of the French Republic）と日仏外相会談を行いました。\n")
    draft = extract(text)
    session = draft.readout.sessions[0]
    assert session.start == dt.datetime(2025, 7, 4, 17, 0) and session.duration_minutes == 30
    assert session.printed_other is not None
    assert session.printed_other.local == dt.datetime(2025, 7, 5, 0, 0)
    assert draft.flagged == ()


def test_a_japanese_printed_time_that_cannot_be_read_is_reported() -> None:
    text = ("フランス共和国\n\n日仏外相会談\n\n令和7年7月5日\n\n　"
            "現地時間4日午後5時（日本時間5日午前O時）から約30分間，フランスを訪問中の桜井健太外務大臣は，パリにおいて，ジャン＝ルイ・ボーモン・"
            "フランス欧州・外務大臣（H.E. Mr. Jean-Louis Beaumont, Minister for Europe and Foreign "
            "Affairs of the French Republic）と日仏外相会談を行いました。\n")
    draft = extract(text)
    assert draft.readout.sessions[0].printed_other is None
    assert any("日本時間5日午前O時" in note and "could not be read" in note
               for note in draft.notes)


@pytest.mark.parametrize(("occasion", "city"), [
    ("on the margins of the Munich Security Conference", "Munich"),
    ("on the sidelines of the United Nations General Assembly", "New York"),
    ("on the margins of the Shangri-La Dialogue", "Singapore")])
def test_a_meeting_always_held_in_one_city_places_the_talks(occasion: str, city: str) -> None:
    text = ("Japan-Belgium Foreign Ministers' Meeting\n\nFebruary 15, 2026\n\nOn February 14, Mr. "
            "SAKURAI Kenta, Minister for Foreign Affairs, held a meeting with H.E. Mr. Luc Dumont, "
            f"Minister of Foreign Affairs of the Kingdom of Belgium, {occasion}.\n")
    place = extract(text).readout.place
    assert place is not None and place.city == city
    call = extract(text.replace("held a meeting", "held a telephone talk")).readout
    assert call.place is None


def test_other_governments_layouts_in_the_region() -> None:
    malaysia = ("PRESS STATEMENT\n\nOFFICIAL VISIT OF THE MINISTER OF FOREIGN AFFAIRS OF "
                "MALAYSIA TO JAPAN\n\nThe Minister of Foreign Affairs of Malaysia, Dato' Seri "
                "Haji Rahman Aziz, held a bilateral meeting with the Minister of Foreign Affairs "
                "of the Republic of Korea, H.E. Baek Seo-yeon, in Seoul on 3 March 2026.\n\n"
                "MINISTRY OF FOREIGN AFFAIRS\nPUTRAJAYA\n4 MARCH 2026\n")
    r = extract(malaysia).readout
    assert [(p.honorific, p.person.family_name, p.person.given_name, p.country)
            for p in r.participants] == [("Dato' Seri Haji", "Aziz", "Rahman", "MY"),
                                         ("H.E.", "Baek", "Seo-yeon", "KR")]
    jakarta = ("Foreign Minister Sugiono Receives Visit of Japanese Foreign Minister\n\nJakarta, 5 "
               "February 2026 - Foreign Minister of the Republic of Indonesia, Sugiono, received a "
               "visit from Japanese Foreign Minister Kenta Sakurai at the Pancasila Building, "
               "Jakarta, today.\n")
    r = extract(jakarta).readout
    assert r.published_date == dt.date(2026, 2, 5)
    assert r.place is not None and r.place.city == "Jakarta"
    egypt = ("EAM's meeting with Foreign Minister of Egypt\n\nFebruary 20, 2026\n\nExternal "
             "Affairs Minister Dr. S. Raghavan met Foreign Minister of the Arab Republic of Egypt, "
             "H.E. Dr. Karim Abdel-Fattah, in Johannesburg today. They discussed the "
             "India-Middle East-Europe Economic Corridor.\n")
    r = extract(egypt).readout
    assert [(p.person.family_name, p.office, p.country) for p in r.participants] == [
        ("Raghavan", "External Affairs Minister", "IN"),
        ("Abdel-Fattah", "Foreign Minister", "EG")]


def test_no_name_or_office_reaches_across_a_paragraph_break() -> None:
    text = ("Minister meets Indonesian Foreign Minister\n\nHon Winston Barclay\nMinister of "
            "Foreign Affairs\n\n12 May 2025\n\nForeign Minister Winston Barclay met Indonesian "
            "Foreign Minister Sugiono in Wellington today.\n")
    r = extract(text).readout
    assert [(p.person.family_name, p.country) for p in r.participants] == [
        ("Barclay", "NZ"), ("Sugiono", "ID")]


def test_a_counterpart_named_without_an_office_and_a_style_opening_the_sentence() -> None:
    text = ("Minister meets Greek counterpart\n\n12 March 2026\n\nMinister of Foreign Affairs "
            "Kemal Aydın met with his Greek counterpart, Nikos Vlachos, in Ankara today.\n")
    r = extract(text).readout
    assert [(p.person.family_name, p.country) for p in r.participants] == [
        ("Aydın", "TR"), ("Vlachos", "GR")]
    saudi = ("Call\n\n12 March 2026\n\nHis Highness Prince Faisal bin Khalid Al Saud, Minister of "
             "Foreign Affairs, received a phone call today from Foreign Minister Ana Duarte of "
             "Portugal.\n")
    r = extract(saudi).readout
    assert [p.person.family_name for p in r.participants] == ["Al Saud", "Duarte"]
    assert r.participants[0].honorific == "His Highness Prince"


def test_a_long_title_naming_both_people_is_the_title() -> None:
    title = ("Meeting between Mr. ODA Ken, State Minister for Foreign Affairs, and H.E. Ms. Lina "
             "Haddad, Minister of State for Foreign Affairs of the Hashemite Kingdom of Jordan")
    text = (f"{title}\n\nJuly 1, 2025\n\nOn July 1, from 2:00 p.m. for about 30 minutes, Mr. ODA "
            "Ken, State Minister for Foreign Affairs, held a meeting with H.E. Ms. Lina Haddad, "
            "Minister of State for Foreign Affairs of the Hashemite Kingdom of Jordan, who is "
            "visiting Japan.\n")
    draft = extract(text)
    assert draft.readout.title == title and draft.proposed == ()
