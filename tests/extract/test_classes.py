"""The classes of published readouts the extractor reads, each on a text written for the
test (fictional people) in a structure real ministries publish."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from readout_desk.domain.extract import KindListError, extract, load_kinds
from readout_desk.domain.records import Mode

NUMBERED_OPENING = """Foreign Minister Holds Talks with Omani Counterpart

2025-02-11

1. Minister of Foreign Affairs Han Do-yun held talks with Minister of Foreign Affairs of the \
Sultanate of Oman Salim Al-Harthy at 3:00 p.m. on February 11 in Seoul.

2. The two foreign ministers agreed to expand cooperation in energy and infrastructure.

3. Minister Han explained the ROK's efforts for peace on the Korean Peninsula.
"""


def test_an_opening_sentence_inside_a_numbered_item_is_the_lead() -> None:
    r = extract(NUMBERED_OPENING).readout
    assert [(p.person.family_name, p.person.given_name, p.country) for p in r.participants] \
        == [("Han", "Do-yun", "KR"), ("Al-Harthy", "Salim", "OM")]
    assert r.sessions[0].kind == "talks"
    assert r.sessions[0].start == dt.datetime(2025, 2, 11, 15, 0)
    assert r.sessions[0].zone == "Asia/Seoul"
    assert sum(1 for p in r.points if p.level == 0) == 2


def test_abbreviated_countries_and_combined_offices() -> None:
    text = ("Office of the Spokesperson\nMay 2, 2025\n\nDeputy Secretary of State Paul Irving "
            "met today with People's Republic of China (PRC) State Councilor and Foreign "
            "Minister Tang Shulan in Washington. They discussed the DPRK.\n")
    r = extract(text).readout
    qian = r.participants[1]
    assert (qian.person.family_name, qian.office, qian.country) == (
        "Tang", "State Councilor and Foreign Minister", "CN")
    assert r.relation == ("US", "CN")


def test_a_later_mention_does_not_join_another_persons_office() -> None:
    text = ("Foreign Secretary meets ROK Foreign Minister\n\nPublished 2 June 2025\n\n"
            "Foreign Secretary Tom Avery met ROK Foreign Minister Nam Ji-woo in London today. "
            "The Foreign Secretary and Foreign Minister Nam discussed trade.\n")
    r = extract(text).readout
    assert [(p.person.family_name, p.office, p.country) for p in r.participants] == [
        ("Avery", "Foreign Secretary", "GB"), ("Nam", "Foreign Minister", "KR")]


@pytest.mark.parametrize(("name", "family", "given"), [
    ("H.E. Mr. Diego Alonso Paredes Vega, Minister of Foreign Affairs of Peru",
     "Paredes Vega", "Diego Alonso"),
    ("H.E. Ms. Luisa Fernanda Ortiz, Minister of Foreign Affairs of Colombia",
     "Ortiz", "Luisa Fernanda"),
    ("H.E. Mr. Rui Costa Pinto, Minister of Foreign Affairs of Portugal. Minister Costa "
     "Pinto thanked Japan", "Costa Pinto", "Rui"),
    ("H.E. Mr. Rui Costa Pinto, Minister of Foreign Affairs of Portugal", "Pinto",
     "Rui Costa"),
])
def test_two_family_names_where_the_country_or_the_text_shows_them(
        name: str, family: str, given: str) -> None:
    text = (f"March 3, 2025\n\nOn March 3, Mr. SUZUKI Jiro, Minister for Foreign Affairs, "
            f"held a meeting with {name}.\n")
    people = extract(text).readout.participants
    assert (people[1].person.family_name, people[1].person.given_name) == (family, given)


@pytest.mark.parametrize(("phrase", "kind", "mode"), [
    ("had a telephonic conversation with", "telephonic conversation", Mode.TELEPHONE),
    ("held an informal talk with", "informal talk", Mode.IN_PERSON),
    ("held phone talks at request with", "phone talks", Mode.TELEPHONE),
    ("held a working dinner with", "working dinner", Mode.IN_PERSON),
    ("held a virtual meeting with", "virtual meeting", Mode.VIDEO),
])
def test_the_kind_is_kept_as_printed(phrase: str, kind: str, mode: Mode) -> None:
    text = (f"May 5, 2025\n\nOn May 5, Mr. SUZUKI Jiro, Minister for Foreign Affairs, {phrase} "
            "H.E. Ms. Ana Lopes, Minister of Foreign Affairs of Brazil.\n")
    r = extract(text).readout
    assert (r.sessions[0].kind, r.mode) == (kind, mode)


def test_users_add_kinds_of_their_own(tmp_path: Path) -> None:
    mine = tmp_path / "kinds.json"
    mine.write_text(json.dumps({"kinds": [{"name": "strategic consultation",
                                           "aliases": ["strategic consultations"]}]}), "utf-8")
    text = ("May 5, 2025\n\nOn May 5, Mr. SUZUKI Jiro, Minister for Foreign Affairs, held a "
            "Strategic Consultations with H.E. Ms. Ana Lopes, Minister of Foreign Affairs of "
            "Brazil.\n")
    assert extract(text).readout.sessions[0].kind != "strategic consultation"
    assert extract(text, kind_file=mine).readout.sessions[0].kind == "strategic consultation"
    (tmp_path / "bad.json").write_text('{"kinds": [{"aliases": []}]}', "utf-8")
    with pytest.raises(KindListError, match="needs a"):
        load_kinds(tmp_path / "bad.json")


@pytest.mark.parametrize("timing", [
    "commencing at 7:15 p.m. local time (2:15 a.m. on May 6, Japan time)",
    "commencing at 7.15p.m. local time(2.15a.m. on May 6, Japan time)",
    "commencing at 7:15 P.M. (local time; 2:15 A.M. on May 6 JST)",
    "commencing at 7:15 p.m. (local time) (2:15 a.m. on May 6, Japan time)",
    "commencing at 7:15 p.m. (local time) [2:15 a.m. on May 6, Japan time]",
    "at 19:15 local time (02:15 on May 6, Japan time)",
])
def test_a_printed_second_time_is_read_in_every_layout(timing: str) -> None:
    text = (f"May 6, 2025\n\nOn May 5, {timing} for about 30 minutes, Mr. SUZUKI Jiro, "
            "Minister for Foreign Affairs, who is visiting Rome, Italy, held a meeting with "
            "H.E. Mr. Marco Bellini, Minister of Foreign Affairs of Italy.\n")
    draft = extract(text)
    session = draft.readout.sessions[0]
    assert session.start == dt.datetime(2025, 5, 5, 19, 15) and session.zone == "Europe/Rome"
    assert session.printed_other is not None
    assert session.printed_other.local == dt.datetime(2025, 5, 6, 2, 15)
    assert [c.ok for c in draft.checks] == [True]


@pytest.mark.parametrize(("where", "city", "zone"), [
    ("at the United Nations Headquarters", "New York", "America/New_York"),
    ("in Nusa Dua, Bali, Indonesia", "Nusa Dua", "Asia/Makassar"),
    ("at the Iikura Guest House", "Tokyo", "Asia/Tokyo"),
])
def test_a_venue_district_or_resort_names_the_city(where: str, city: str, zone: str) -> None:
    text = (f"May 6, 2025\n\nOn May 6, commencing at 10:00 a.m., Mr. SUZUKI Jiro, Minister for "
            f"Foreign Affairs, held a meeting {where} with H.E. Mr. Marco Bellini, Minister of "
            "Foreign Affairs of Italy.\n")
    place = extract(text).readout.place
    assert place is not None and (place.city, place.zone) == (city, zone)


@pytest.mark.parametrize(("line", "day"), [
    ("Brussels, 14/05/2025", dt.date(2025, 5, 14)), ("14-05-2025", dt.date(2025, 5, 14)),
    ("05/14/2025", dt.date(2025, 5, 14)), ("05.03.2026 - Press release", dt.date(2026, 3, 5)),
    ("2026-02-04 10:15", dt.date(2026, 2, 4)), ("Jun. 2, 2025", dt.date(2025, 6, 2)),
])
def test_date_lines_in_several_formats(line: str, day: dt.date) -> None:
    text = (f"{line}\n\nThe Foreign Minister of Norway, Eva Lund, met the Foreign Minister of "
            "Chile, Pablo Ruiz, in Brussels.\n")
    assert extract(text).readout.published_date == day


def test_a_day_first_slash_date_line_and_a_weekday() -> None:
    text = ("Brussels, 14/05/2025\n\nThe Foreign Minister of Norway, Eva Lund, met the "
            "Foreign Minister of Chile, Pablo Ruiz, in Brussels on Monday.\n")
    r = extract(text).readout
    assert r.published_date == dt.date(2025, 5, 14)
    assert r.meeting_date == dt.date(2025, 5, 12)


def test_a_text_without_a_title_gets_one_proposed_and_marked() -> None:
    text = ("Japan-Ghana Relations\n\nJune 2, 2025\n\nOn June 2, commencing at 4:00 p.m. for "
            "approximately 30 minutes, Mr. SUZUKI Jiro, Minister for Foreign Affairs, held a "
            "telephone talk with H.E. Mr. Kofi Mensah, Minister for Foreign Affairs of the "
            "Republic of Ghana.\n")
    draft = extract(text)
    assert draft.readout.title == "Japan-Ghana Foreign Ministers' Telephone Talk"
    assert draft.proposed == ("title",)
    assert any("proposed" in note for note in draft.notes)
    titled = extract("Japan-Ghana Foreign Ministers' Talk\n\n" + text)
    assert titled.proposed == () and titled.readout.title == "Japan-Ghana Foreign Ministers' Talk"


def test_an_unlabelled_second_time_is_in_the_publishing_sides_zone() -> None:
    text = ("Japan-Jordan Foreign Ministers' Meeting\n\nJune 3, 2025\n\nOn June 3, commencing "
            "at 10:00 a.m. (4:00 p.m.) for approximately 40 minutes, Mr. SUZUKI Jiro, Minister "
            "for Foreign Affairs, who is visiting Amman, Jordan, held a meeting with H.E. Mr. "
            "Faris Haddad, Minister of Foreign Affairs of Jordan.\n")
    draft = extract(text)
    printed = draft.readout.sessions[0].printed_other
    assert printed is not None and printed.zone == "Asia/Tokyo"
    assert printed.local == dt.datetime(2025, 6, 3, 16, 0) and draft.flagged == ()


def test_a_second_time_named_by_its_city_is_cross_checked() -> None:
    text = ("November 3, 2025 - Ottawa, Ontario - Global Affairs Canada\n\nToday, the "
            "Honourable Marie Roy, Minister of Foreign Affairs, held a virtual meeting with "
            "Japan's Minister for Foreign Affairs, SUZUKI Jiro, at 8:00 a.m. (Ottawa time; "
            "11:00 p.m. in Tokyo).\n")
    draft = extract(text)
    printed = draft.readout.sessions[0].printed_other
    assert printed is not None and printed.zone == "Asia/Tokyo"
    assert [c.ok for c in draft.checks] == [False]  # Tokyo was 10 p.m. after Ottawa's change


def test_a_printed_time_that_cannot_be_read_is_reported() -> None:
    text = ("May 6, 2025\n\nOn May 5, commencing at 7:15 p.m. (local time; 2:l5 a.m. on May 6 "
            "JST) for about 30 minutes, Mr. SUZUKI Jiro, Minister for Foreign Affairs, who is "
            "visiting Rome, Italy, held a meeting with H.E. Mr. Marco Bellini, Minister of "
            "Foreign Affairs of Italy.\n")
    draft = extract(text)
    assert draft.readout.sessions[0].start == dt.datetime(2025, 5, 5, 19, 15)
    assert any("2:l5 a.m." in note and "could not be read" in note for note in draft.notes)


def test_names_offices_and_countries_written_around_the_name() -> None:
    text = ("Meeting between Claire Dubois and her Japanese counterpart (Paris, 12 March 2026)"
            "\n\nClaire Dubois, Minister for Europe and Foreign Affairs, met her Japanese "
            "counterpart, Foreign Minister Kenji Mori, today at 15.30, after meeting the "
            "Honorable John A. Reed, Jr., Secretary of Energy of the United States.\n")
    r = extract(text).readout
    assert r.published_date == dt.date(2026, 3, 12)
    people = {p.person.family_name: p for p in r.participants}
    assert people["Mori"].country == "JP" and people["Mori"].person.given_name == "Kenji"
    assert people["Reed"].office == "Secretary of Energy"
    assert r.sessions[0].start == dt.datetime(2026, 3, 12, 15, 30)


def test_a_country_of_three_words_before_an_office() -> None:
    text = ("Media release\n14 August 2025\n\nSenator the Hon Jane Field, Minister for Foreign "
            "Affairs\n\nTonight I hosted a working dinner in Port Moresby with Papua New "
            "Guinea's Minister for Foreign Affairs, the Hon. Peter Kama MP.\n")
    r = extract(text).readout
    assert [(p.person.family_name, p.country) for p in r.participants] == [
        ("Field", "AU"), ("Kama", "PG")]
    assert r.sessions[0].kind == "working dinner"


def test_a_person_named_briefly_is_completed_from_an_earlier_sentence() -> None:
    text = ("Visit of the Foreign Minister of Ghana\n\nFebruary 11, 2026\n\nThe Minister for "
            "Foreign Affairs of the Republic of Ghana, H.E. Mr. Kwame Boateng, is on an "
            "official visit to India.\n\n2. External Affairs Minister Dr. R. Anand held "
            "bilateral talks with Foreign Minister Boateng in New Delhi at 1100 hrs today.\n")
    r = extract(text).readout
    boateng = next(p for p in r.participants if p.person.family_name == "Boateng")
    assert (boateng.person.given_name, boateng.honorific, boateng.office, boateng.country) == (
        "Kwame", "H.E. Mr.", "Minister for Foreign Affairs", "GH")
    assert r.sessions[0].kind == "bilateral talks"
    assert r.sessions[0].start == dt.datetime(2026, 2, 11, 11, 0)


def test_a_visit_over_several_days_dates_the_meeting_itself() -> None:
    text = ("Japan-Kenya Foreign Ministers' Meeting\n\nJanuary 14, 2026\n\nFrom January 12 to "
            "14, Mr. SUZUKI Jiro, Minister for Foreign Affairs, visited Nairobi, the Republic "
            "of Kenya. On January 13, commencing at 11:00 a.m. (local time; 5:00 p.m. JST), "
            "Minister Suzuki held a meeting with H.E. Dr. Jane Otieno, Cabinet Secretary for "
            "Foreign and Diaspora Affairs of the Republic of Kenya.\n")
    draft = extract(text)
    assert draft.readout.meeting_date == dt.date(2026, 1, 13)
    place = draft.readout.place
    assert place is not None and place.zone == "Africa/Nairobi"
    assert [c.ok for c in draft.checks] == [True]


def test_a_long_party_office_and_a_country_named_only_in_the_heading() -> None:
    text = ("Secretary Lane's Meeting with PRC Director Tang\n\nOffice of the Spokesperson\n"
            "July 11, 2025\n\nSecretary of State Amy Lane met today with Member of the "
            "Political Bureau of the Communist Party of China (CPC) Central Committee and "
            "Director of the Office of the Central Foreign Affairs Commission Tang Wei in "
            "Vientiane. The Secretary and Director Tang discussed trade.\n")
    tang = extract(text).readout.participants[1]
    assert (tang.person.family_name, tang.person.given_name, tang.country) == ("Tang", "Wei", "CN")
    assert tang.office.startswith("Member of the Political Bureau") and \
        tang.office.endswith("Director of the Office of the Central Foreign Affairs Commission")


def test_the_publishers_own_official_and_a_country_after_the_name() -> None:
    text = ("Prime Minister's call with President Ruiz of Chile\n\nA Downing Street "
            "spokesperson said:\n\nThe Prime Minister spoke to President Ana Lucia Ruiz Vera "
            "of Chile this afternoon.\n\nPublished 4 May 2025\n")
    r = extract(text).readout
    assert [(p.person.family_name, p.person.given_name, p.country) for p in r.participants] \
        == [("Ruiz Vera", "Ana Lucia", "CL")]
    assert r.relation == ("GB", "CL")


@pytest.mark.parametrize(("later", "family"), [
    ("Minister Sato stated that", "Sato"), ("Minister Kenji stated that", "Kenji")])
def test_names_printed_in_either_order_follow_the_later_reference(later: str,
                                                                  family: str) -> None:
    text = ("Japan-Chile Foreign Ministers' Meeting\n\nMay 4, 2025\n\nOn May 4, commencing at "
            "3:00 p.m., Foreign Minister Sato Kenji of Japan held a meeting with Foreign "
            f"Minister Pablo Ruiz of Chile.\n\n1. {later} Japan values Chile.\n")
    sato = extract(text).readout.participants[0]
    assert sato.person.family_name == family and sato.country == "JP"


def test_particles_inside_two_family_names_and_a_capital_filed_under_another_zone() -> None:
    text = ("Japan-Viet Nam Foreign Ministers' Meeting\n\nApril 10, 2025\n\nOn April 10, "
            "commencing at 10:00 a.m. (local time; 12:00 noon JST), Ms. ONO Haruka, Minister "
            "for Foreign Affairs, who is visiting Hanoi, Viet Nam, held a meeting with H.E. "
            "Mr. Juan Carlos de la Cruz Ortega, Secretary of Foreign Affairs of Mexico, and "
            "H.E. Mr. Pham Van Hung, Minister of Foreign Affairs of Viet Nam.\n")
    draft = extract(text)
    r = draft.readout
    assert r.place is not None and r.place.zone == "Asia/Ho_Chi_Minh"
    names = [(p.person.family_name, p.person.given_name, p.country) for p in r.participants]
    assert ("de la Cruz Ortega", "Juan Carlos", "MX") in names
    assert ("Pham", "Van Hung", "VN") in names
    assert [c.ok for c in draft.checks] == [True]


def test_a_kind_after_an_ordinal_and_a_long_pair_and_an_eu_office() -> None:
    text = ("Vice Foreign Minister Holds ROK-Peru Strategic Dialogue\n\n2025-06-02\n\n1. Vice "
            "Foreign Minister Kim Dong-hyun, together with Vice Minister of Foreign Affairs "
            "Carla Benavides Rojas of Peru, held the seventh Republic of Korea-Peru strategic "
            "dialogue on June 2.\n\n2. The two sides agreed to expand cooperation.\n")
    r = extract(text).readout
    assert r.sessions[0].kind == "strategic dialogue"
    assert [(p.person.family_name, p.country) for p in r.participants] == [
        ("Kim", "KR"), ("Benavides Rojas", "PE")]
    eu = extract("Brussels, 27/10/2025\n\nThe High Representative for Foreign Affairs and "
                 "Security Policy and Vice-President of the Commission, Liisa Korhonen, met "
                 "today with Japan's Minister for Foreign Affairs, Kenji Sato.\n").readout
    korhonen = eu.participants[0]
    assert (korhonen.person.family_name, korhonen.country, korhonen.organisation) == (
        "Korhonen", None, "European Union")
    assert eu.relation == ("JP",)


def test_durations_and_times_stay_as_printed() -> None:
    text = ("May 6, 2025\n\nOn May 6, commencing at 10:00 a.m. for approximately 60 minutes, "
            "Mr. SUZUKI Jiro, Minister for Foreign Affairs, held a meeting with H.E. Mr. Marco "
            "Bellini, Minister of Foreign Affairs of Italy, followed by a working lunch for "
            "an hour and a half.\n")
    draft = extract(text)
    assert draft.readout.sessions[0].duration_minutes == 60
    assert draft.as_printed("sessions[0].duration") == "approximately 60 minutes"
    assert draft.as_printed("sessions[1].duration") == "an hour and a half"
    assert draft.as_printed("sessions[0].start") == "10:00 a.m."
    assert draft.as_printed("sessions[5].duration") == ""


def test_a_zone_abbreviation_that_means_the_places_own_time() -> None:
    from readout_desk.domain.extract.places import same_offset

    assert same_offset("Asia/Bangkok", "Asia/Ho_Chi_Minh", dt.date(2025, 1, 1))
    assert not same_offset("Europe/London", "Europe/Paris", dt.date(2025, 7, 1))
    assert not same_offset("Nowhere/Town", "UTC", dt.date(2025, 1, 1))
    text = ("Japan-Viet Nam Foreign Ministers' Meeting\n\nMarch 3, 2025\n\nOn March 3, "
            "commencing at 10:00 a.m. (ICT; 12:00 noon JST) for about 40 minutes, Mr. SUZUKI "
            "Jiro, Minister for Foreign Affairs, who is visiting Hanoi, Viet Nam, held a "
            "meeting with H.E. Mr. Pham Van Hung, Minister of Foreign Affairs of Viet Nam.\n")
    draft = extract(text)
    assert draft.readout.sessions[0].zone == "Asia/Ho_Chi_Minh"
    assert [c.ok for c in draft.checks] == [True]
    wita = extract(text.replace("(ICT; 12:00 noon JST)", "(WITA; 11:00 a.m. JST)")
                   .replace("Hanoi, Viet Nam", "Makassar, Indonesia"))
    assert wita.readout.sessions[0].zone == "Asia/Makassar" and wita.flagged == ()


def test_a_counterpart_named_by_office_alone_is_found_in_the_caption() -> None:
    text = ("Japan-Peru Foreign Ministers' Meeting\n\nMay 3, 2025\nMinister Suzuki and H.E. Ms. "
            "Ana Quispe, Minister of Foreign Affairs of the Republic of Peru, shaking hands\n\n"
            "On May 3, commencing at 9:10 a.m. (local time; 11:10 p.m. JST), Mr. SUZUKI Jiro, "
            "Minister for Foreign Affairs, who is visiting Lima, Peru, held a meeting with the "
            "Minister of Foreign Affairs of the Republic of Peru.\n")
    r = extract(text).readout
    assert [(p.person.family_name, p.honorific, p.country) for p in r.participants] == [
        ("SUZUKI", "Mr.", "JP"), ("Quispe", "H.E. Ms.", "PE")]
    named = extract(text.replace("Republic of Peru.\n", "Republic of Peru, Ms. Rosa Vega.\n"))
    assert [p.person.family_name for p in named.readout.participants] == ["SUZUKI", "Vega"]
