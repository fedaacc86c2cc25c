"""More classes of published layouts, each on a text written for the test (fictional
people) in a structure real ministries publish."""

from __future__ import annotations

import datetime as dt

from readout_desk.domain.extract import extract, people
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
