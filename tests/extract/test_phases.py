"""Each phase of extraction on its own, with small texts about made-up people."""

from __future__ import annotations

import datetime as dt

import pytest

from readout_desk.domain.extract import places, sessions
from readout_desk.domain.extract.cast import (
    assign_countries,
    family_from_title,
    find_publisher,
    home_country,
    merge_mentions,
    read_cast,
    relation_pair,
)
from readout_desk.domain.extract.extractor import assemble, read_body
from readout_desk.domain.extract.heading import Heading, read_heading, read_meeting_date
from readout_desk.domain.extract.layout import find_layout, find_opening
from readout_desk.domain.extract.people import FoundPerson
from readout_desk.domain.extract.schedule import Days, Schedule, read_schedule
from readout_desk.domain.extract.setting import (
    SessionIntro,
    Setting,
    find_session_intros,
    read_mode,
    read_setting,
)
from readout_desk.domain.extract.text import prepare
from readout_desk.domain.records import Mode, NameOrder, Participant, Person, Place

SANTIAGO = """Japan-Chile Relations
Japan-Chile Foreign Ministers' Meeting
June 12, 2025
Photo: The two ministers shake hands

On June 11, commencing at 6:30 p.m. (local time; 7:30 a.m. on June 12 JST) for \
approximately 40 minutes, Mr. TAKANO Ryo, Minister for Foreign Affairs of Japan, who is \
visiting Santiago, Chile, held a meeting with H.E. Ms. Elena Marquez, Minister of Foreign \
Affairs of the Republic of Chile. The overview is as follows.

1. Minister Takano said that Japan values its partnership with Chile.
2. The two ministers discussed CPTPP and critical minerals.

Back to Japan-Chile Relations
"""

OTTAWA = """Minister Dubois speaks with Norwegian counterpart

Yesterday evening, Minister of Foreign Affairs Claire Dubois spoke by telephone with \
Norway's Minister of Foreign Affairs, Lars Haugen.
The ministers discussed Arctic cooperation. The call lasted about 25 minutes.

Ottawa, Ontario
June 12, 2025
"""


def _span(text: str, span: tuple[int, int] | None) -> str:
    assert span is not None
    return text[span[0]:span[1]]


def _person(family: str, given: str = "", office: str = "", country: str | None = None,
            order: NameOrder = NameOrder.GIVEN_FIRST, honorific: str = "") -> FoundPerson:
    return FoundPerson(honorific, family, given, order, office, country, 0, 0, None, False)


# ---- find the structure


def test_layout_splits_header_opening_and_tail() -> None:
    layout = find_layout(SANTIAGO)
    assert layout.lead_index is not None
    assert layout.lines[layout.lead_index].text.startswith("On June 11, commencing")
    assert [ln.text for ln in layout.header if not ln.blank] == [
        "Japan-Chile Relations", "Japan-Chile Foreign Ministers' Meeting", "June 12, 2025",
        "Photo: The two ministers shake hands"]
    assert layout.tail[-1].text == "Back to Japan-Chile Relations"
    assert all(not ln.blank for ln in layout.tail)


def test_opening_ends_where_the_points_begin() -> None:
    opening = find_opening(SANTIAGO, find_layout(SANTIAGO))
    assert SANTIAGO[opening.lead_start:].startswith("On June 11")
    assert SANTIAGO[:opening.lead_end].endswith("The overview is as follows.")
    assert SANTIAGO[opening.region_end:].startswith("1. Minister Takano")
    assert opening.lead_text.endswith("as follows.") and opening.body_start == opening.lead_start
    assert [(p.label, p.text[:12]) for p in opening.points] == [
        ("1.", "Minister Tak"), ("2.", "The two mini")]
    assert opening.notes == ()


def test_prose_opening_runs_on_and_leaves_the_signature_out() -> None:
    opening = find_opening(OTTAWA, find_layout(OTTAWA))
    assert opening.points == ()
    assert opening.region_end > opening.lead_end  # later paragraphs may add a session
    assert opening.lead_text.startswith("Yesterday evening")
    assert opening.lead_text.endswith("lasted about 25 minutes.")


def test_text_without_an_opening_says_so() -> None:
    text = "Weather report\nRain all day.\nWind from the west.\n"
    layout = find_layout(text)
    assert layout.lead_index is None and len(layout.header) == 4
    opening = find_opening(text, layout)
    assert (opening.lead_start, opening.region_end, opening.body_start) == (len(text),
                                                                            len(text), 0)
    assert opening.lead_text == "" and "No opening paragraph" in opening.notes[0]


# ---- title, section and dates


def test_heading_reads_section_title_date_and_caption() -> None:
    heading = read_heading(SANTIAGO, find_layout(SANTIAGO))
    assert heading.section == "Japan-Chile Relations"
    assert heading.title == "Japan-Chile Foreign Ministers' Meeting"
    assert heading.published == dt.date(2025, 6, 12)
    assert [p.caption for p in heading.photos] == ["The two ministers shake hands"]
    assert _span(SANTIAGO, heading.spans["published_date"]) == "June 12, 2025"
    assert _span(SANTIAGO, heading.spans["title"]) == heading.title
    assert _span(SANTIAGO, heading.photo_spans[0]).startswith("Photo:")


def test_heading_takes_the_signature_date_and_city_from_the_tail() -> None:
    heading = read_heading(OTTAWA, find_layout(OTTAWA))
    assert heading.title == "Minister Dubois speaks with Norwegian counterpart"
    assert heading.published == dt.date(2025, 6, 12)
    assert heading.dateline_place == ("Ottawa", "CA", "America/Toronto")
    assert heading.section == ""


def test_heading_takes_a_section_link_from_the_tail() -> None:
    text = SANTIAGO.replace("Japan-Chile Relations\nJapan-Chile", "Japan-Chile", 1)
    heading = read_heading(text, find_layout(text))
    assert heading.section == "Japan-Chile Relations"
    assert _span(text, heading.spans["section"]) == "Japan-Chile Relations"
    assert text[heading.spans["section"][0] - 8:].startswith("Back to ")


def test_meeting_date_from_the_opening() -> None:
    layout = find_layout(SANTIAGO)
    opening = find_opening(SANTIAGO, layout)
    meeting = read_meeting_date(SANTIAGO, opening, read_heading(SANTIAGO, layout), None)
    assert meeting.day == dt.date(2025, 6, 11) and meeting.notes == ()
    assert _span(SANTIAGO, meeting.spans["meeting_date"]) == "June 11"


def test_meeting_date_counted_back_from_the_page() -> None:
    layout = find_layout(OTTAWA)
    opening = find_opening(OTTAWA, layout)
    meeting = read_meeting_date(OTTAWA, opening, read_heading(OTTAWA, layout), None)
    assert meeting.day == dt.date(2025, 6, 11)
    assert _span(OTTAWA, meeting.spans["meeting_date"]) == "Yesterday evening"
    undated = read_meeting_date(OTTAWA, opening, Heading(), dt.date(2025, 1, 1))
    assert undated.day == dt.date(2024, 12, 31)  # "yesterday" from the day given as today


def test_meeting_date_falls_back_to_the_page_or_asks() -> None:
    text = SANTIAGO.replace("On June 11, commencing at 6:30 p.m. (local time; 7:30 a.m. on "
                            "June 12 JST)", "Commencing at 6:30 p.m. (local time)")
    layout = find_layout(text)
    opening = find_opening(text, layout)
    heading = read_heading(text, layout)
    meeting = read_meeting_date(text, opening, heading, None)
    assert meeting.day == dt.date(2025, 6, 12)
    assert meeting.spans["meeting_date"] == heading.spans["published_date"]
    unknown = read_meeting_date(text, opening, Heading(), None)
    assert unknown.day is None and unknown.spans == {}
    assert unknown.notes == ("No meeting date was found; enter it by hand.",)
    pasted = read_meeting_date(SANTIAGO.replace("June 11,", "June 11, 2025,"),
                               opening, Heading(), None)
    assert "page's own date was not found" in pasted.notes[0]


# ---- people


def test_cast_gives_each_participant_a_country() -> None:
    layout = find_layout(SANTIAGO)
    opening = find_opening(SANTIAGO, layout)
    heading = read_heading(SANTIAGO, layout)
    cast = read_cast(SANTIAGO, layout, opening, heading.title, heading.section, None)
    assert [(p.person.family_name, p.person.given_name, p.country, p.side)
            for p in cast.participants] == [("TAKANO", "Ryo", "JP", "Japan"),
                                            ("Marquez", "Elena", "CL", "Chile")]
    assert cast.participants[0].person.name_order is NameOrder.FAMILY_FIRST
    assert cast.relation == ("JP", "CL") and cast.publisher == ""
    assert _span(SANTIAGO, cast.spans["participants[1].office"]).startswith("Minister of")


def test_later_mentions_fill_in_the_first() -> None:
    merged = merge_mentions([_person("Takano", office="Minister"),
                             _person("Takano", "Ryo", "Minister for Foreign Affairs", "JP"),
                             _person("Marquez", "Elena")])
    assert [(p.family_name, p.given_name, p.office, p.country) for p in merged] == [
        ("Takano", "Ryo", "Minister for Foreign Affairs", "JP"), ("Marquez", "Elena", "", None)]


def test_countries_from_the_title_pair_the_office_and_the_place() -> None:
    pair = relation_pair(["", "Japan-Chile Foreign Ministers' Meeting"])
    assert pair == ["JP", "CL"]
    codes = assign_countries([_person("Lindqvist", "Eva", "Secretary of State"),
                              _person("Marquez", "Elena", "Foreign Minister")],
                             ["US", "CL"], None, None)
    assert codes == ["US", "CL"]
    host = places.FoundPlace("Santiago", "CL", "America/Santiago", 0, 0)
    alone = assign_countries([_person("Takano", "Ryo", country="JP"),
                              _person("Marquez", "Elena")], [], None, host)
    assert alone == ["JP", "CL"]
    assert home_country("Secretary of State") == "US"
    assert home_country("Minister", "Senator the Hon") == "AU"
    assert home_country("Minister") is None


def test_publisher_and_family_name_from_the_title() -> None:
    assert find_publisher("Press release\nGlobal Affairs Canada\n...") == (
        "Global Affairs Canada", "CA")
    assert find_publisher("no one says") == ("", None)
    person = _person("Binh", "Tran Van", "Deputy Foreign Minister")
    turned = family_from_title(person, "Meeting with Deputy Foreign Minister Tran")
    assert (turned.family_name, turned.given_name, turned.name_order) == (
        "Tran", "Van Binh", NameOrder.FAMILY_FIRST)
    assert family_from_title(person, "Meeting with the Deputy Minister") == person


# ---- place and zone


@pytest.mark.parametrize("kind,lead,mode", [
    ("telephone talk", "", Mode.TELEPHONE),
    ("courtesy call", "", Mode.IN_PERSON),
    ("video conference", "", Mode.VIDEO),
    ("meeting", "the ministers met by telephone", Mode.TELEPHONE),
    ("", "they met virtually", Mode.VIDEO),
    ("meeting", "they met in the capital", Mode.IN_PERSON),
])
def test_mode(kind: str, lead: str, mode: Mode) -> None:
    assert read_mode(kind, lead) is mode


def test_speaking_without_a_place_is_a_call() -> None:
    opening = find_opening(OTTAWA, find_layout(OTTAWA))
    (intro,) = find_session_intros(OTTAWA, opening, "", placed=False)
    assert intro.kind == "telephone call"
    text = "Today the Minister spoke with her counterpart from Chile about trade in detail."
    flat = find_opening(text, find_layout(text))
    assert [i.kind for i in find_session_intros(text, flat, "", placed=True)] == ["meeting"]
    assert [i.kind for i in find_session_intros(text, flat, "", placed=False)] == [
        "telephone call"]


def test_setting_keeps_the_place_of_a_meeting_in_person_only() -> None:
    layout = find_layout(SANTIAGO)
    opening = find_opening(SANTIAGO, layout)
    place = places.find_place(SANTIAGO, opening.lead_start, opening.lead_end)
    chilean = (Participant(Person("Marquez", "Elena"), country="CL"),)
    setting = read_setting(SANTIAGO, opening, "", place, None, None, chilean)
    assert setting.mode is Mode.IN_PERSON and setting.place_zone == "America/Santiago"
    assert setting.home_zone == "America/Santiago"
    assert [i.kind for i in setting.intros] == ["meeting"]
    assert _span(SANTIAGO, setting.spans["mode"]) == "meeting"
    by_phone = SANTIAGO.replace("held a meeting", "held a telephone talk")
    opening = find_opening(by_phone, find_layout(by_phone))
    setting = read_setting(by_phone, opening, "", place, None, None, ())
    assert setting.mode is Mode.TELEPHONE and setting.place is None
    assert setting.home_zone is None


def test_a_dateline_city_is_the_place_of_a_meeting_today() -> None:
    text = "Today the Minister met her counterpart from Chile, and they discussed trade."
    opening = find_opening(text, find_layout(text))
    setting = read_setting(text, opening, "", None, None, ("Ottawa", "CA", "America/Toronto"),
                           ())
    assert setting.place == Place("Ottawa", "CA", zone="America/Toronto")


# ---- sessions and the cross-check


def _schedule_of(text: str, zone: str = "America/Santiago") -> Schedule:
    layout = find_layout(text)
    opening = find_opening(text, layout)
    intros = tuple(SessionIntro(i.kind, i.start, i.kind_start)
                   for i in sessions.find_intros(text, opening.lead_start, opening.region_end))
    setting = Setting(intros, Mode.IN_PERSON, Place("Santiago", "CL", zone=zone), None)
    days = Days(dt.date(2025, 6, 11), dt.date(2025, 6, 12), None)
    return read_schedule(text, opening, setting, days, layout.lead_index is not None)


def test_sessions_take_their_start_zone_duration_and_printed_time() -> None:
    schedule = _schedule_of(SANTIAGO)
    (session,) = schedule.sessions
    assert (session.kind, session.start, session.zone) == (
        "meeting", dt.datetime(2025, 6, 11, 18, 30), "America/Santiago")
    assert (session.duration_minutes, session.duration_hedge) == (40, "approximately")
    assert session.printed_other is not None
    assert session.printed_other.local == dt.datetime(2025, 6, 12, 7, 30)
    assert [c.ok for c in schedule.checks] == [True] and schedule.notes == ()
    assert schedule.checks[0].computed == "7:30 a.m. on June 12 JST"
    assert _span(SANTIAGO, schedule.spans["sessions[0].start"]) == "6:30 p.m."
    assert _span(SANTIAGO, schedule.spans["sessions[0].printed_other"]) == \
        "7:30 a.m. on June 12 JST"


def test_a_printed_time_against_the_rules_is_kept_and_flagged() -> None:
    schedule = _schedule_of(SANTIAGO.replace("7:30 a.m. on June 12", "6:30 a.m. on June 12"))
    (check,) = schedule.checks
    assert not check.ok and "7:30 a.m. on June 12 JST" in check.computed
    assert schedule.sessions[0].printed_other is not None
    assert schedule.sessions[0].printed_other.local.hour == 6  # as printed
    assert schedule.notes == (f"Session 1 (meeting): {check.message}.",)


def test_a_printed_time_without_its_day_takes_the_nearest() -> None:
    schedule = _schedule_of(SANTIAGO.replace("7:30 a.m. on June 12 JST", "7:30 a.m. JST"))
    printed = schedule.sessions[0].printed_other
    assert printed is not None and printed.local == dt.datetime(2025, 6, 12, 7, 30)


def test_local_time_second_becomes_the_start() -> None:
    text = SANTIAGO.replace("On June 11, commencing at 6:30 p.m. (local time; 7:30 a.m. on "
                            "June 12 JST)", "On June 12, commencing at 7:30 a.m. (JST; 6:30 "
                            "p.m. local time)")
    session = _schedule_of(text).sessions[0]
    assert (session.start, session.zone) == (dt.datetime(2025, 6, 11, 18, 30),
                                             "America/Santiago")
    assert session.printed_other is not None and session.printed_other.zone == "Asia/Tokyo"
    assert session.printed_other.text == "7:30 a.m. JST"


def test_lasted_fills_a_missing_duration_and_repeated_times_are_noted() -> None:
    text = SANTIAGO.replace(" for approximately 40 minutes", "").replace(
        "critical minerals.", "critical minerals.\n3. The meeting lasted about 10 minutes.")
    schedule = _schedule_of(text)
    assert schedule.sessions[0].duration_minutes == 10
    assert _span(text, schedule.spans["sessions[0].duration"]) == "about 10 minutes"
    repeated = _schedule_of(SANTIAGO.replace("June 11, commencing at 6:30 p.m.",
                                             "April 5, commencing at 11:30 p.m."))
    assert any("occurs twice in America/Santiago" in n for n in repeated.notes)


def test_days_count_from_the_page_or_from_today() -> None:
    assert Days(None, dt.date(2025, 6, 12), dt.date(2025, 1, 1)).reference == \
        dt.date(2025, 6, 12)
    assert Days(None, None, dt.date(2025, 1, 1)).reference == dt.date(2025, 1, 1)


# ---- points, captions, topics; the draft


def test_body_and_assembled_draft() -> None:
    prepared = prepare(SANTIAGO)
    text = prepared.text
    layout = find_layout(text)
    opening = find_opening(text, layout)
    heading = read_heading(text, layout)
    body = read_body(text, opening, heading, None, None)
    assert [p.label for p in body.points] == ["1.", "2."]
    assert body.topics == ("CPTPP", "Critical minerals")
    assert _span(text, body.spans["topics[0]"]) == "CPTPP"
    assert _span(text, body.spans["photos[0]"]).startswith("Photo:")
    meeting = read_meeting_date(text, opening, heading, None)
    cast = read_cast(text, layout, opening, heading.title, heading.section, None)
    setting = Setting((), Mode.VIDEO, None, None, {"mode": (0, 1)})
    schedule = read_schedule(text, opening, setting, Days(meeting.day, None, None), True)
    draft = assemble(prepared, opening, heading, meeting, cast, setting, schedule, body, None)
    assert draft.readout.mode is Mode.VIDEO and draft.readout.title == heading.title
    assert draft.readout.meeting_date == dt.date(2025, 6, 11)
    assert list(draft.spans)[:3] == ["section", "title", "published_date"]
    assert draft.spans["mode"] == (0, 1) and draft.source == text
