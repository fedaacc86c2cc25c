"""Whole texts to drafts: styles, notations, and what each field's span points at."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from readout_desk.domain import timing
from readout_desk.domain.extract import extract, load_topics
from readout_desk.domain.extract.scoring import score
from readout_desk.domain.records import Mode

CORPUS = Path(__file__).parent / "corpus"


def _corpus() -> list[Path]:
    return sorted([*CORPUS.glob("*.txt"), *CORPUS.glob("*.html")])


def test_corpus_is_large_and_varied() -> None:
    names = [p.stem for p in _corpus()]
    assert len(names) >= 30
    styles = {n.split("-")[0] for n in names}
    assert {"mofa", "us", "uk", "mea", "dfat", "de", "fr", "kr", "ca"} <= styles
    for path in _corpus():
        assert path.with_suffix(".json").exists(), path.name


@pytest.mark.parametrize("path", _corpus(), ids=lambda p: p.stem)
def test_corpus_sidecar_times_follow_the_zone_rules(path: Path) -> None:
    """The expected facts themselves are checked against zoneinfo."""
    from zoneinfo import ZoneInfo

    facts = json.loads(path.with_suffix(".json").read_text("utf-8"))
    for s in facts.get("sessions", []):
        if s.get("local") and s.get("zone"):
            wall = dt.datetime.fromisoformat(s["local"]).replace(tzinfo=ZoneInfo(s["zone"]))
            utc = wall.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%MZ")
            assert utc == s["utc"]
            other = s.get("stated_other")
            if other:
                there = wall.astimezone(ZoneInfo(other["zone"])).strftime("%Y-%m-%dT%H:%M")
                assert (there == other["local"]) is s["stated_other_ok"]


def test_corpus_accuracy_is_at_least_95_percent_on_every_field() -> None:
    from readout_desk.domain.extract.scoring import Score

    total = Score()
    for path in _corpus():
        facts = json.loads(path.with_suffix(".json").read_text("utf-8"))
        draft = extract(path.read_bytes())
        total.add(score(draft.readout, facts, {c.index: c.ok for c in draft.checks},
                        where=f"{path.name}: ", proposed=draft.proposed))
    low = {name: (t.precision, t.recall) for name, t in total.fields.items()
           if (t.precision is not None and t.precision < 0.95)
           or (t.recall is not None and t.recall < 0.95)}
    assert low == {}, total.misses


LIMA_LIKE = """\
Japan-Chile Relations

May 5, 2024

On May 3, Mr. KIMURA Daisuke, Minister for Foreign Affairs, who is visiting Santiago, Chile,
held a meeting with H.E. Mr. Tomás Ibarra, Minister of Foreign Affairs of the Republic of
Chile, commencing at 6:10 P.M. (local time; 7:10 a.m. on May 4 JST) for approximately 40
minutes. The overview is as follows.

  1. The two ministers welcomed progress on the CPTPP.
"""


def test_page_date_differs_from_meeting_date_and_printed_next_day() -> None:
    draft = extract(LIMA_LIKE)
    r = draft.readout
    assert r.published_date == dt.date(2024, 5, 5)
    assert r.meeting_date == dt.date(2024, 5, 3)
    s = r.sessions[0]
    assert s.start == dt.datetime(2024, 5, 3, 18, 10)
    assert s.zone == "America/Santiago"
    assert s.printed_other is not None
    assert s.printed_other.local == dt.datetime(2024, 5, 4, 7, 10)
    # Santiago is UTC-4 in early May 2024: 18:10 there is 7:10 JST the next morning.
    assert draft.flagged == ()
    assert r.topics == ("CPTPP",)


def test_duration_before_start_and_label_after_duration() -> None:
    text = ("Press release\n\nJune 30, 2025\n\nOn June 29, Minister Jean-Luc Moreau held a "
            "telephone conversation for approximately 25 minutes from 6.40 p.m. (France "
            "time) with Mr. Karim Benali, Minister of Foreign Affairs of the Kingdom of "
            "Morocco.\n")
    s = extract(text).readout.sessions[0]
    assert (s.kind, s.duration_minutes, s.duration_hedge) == (
        "telephone conversation", 25, "approximately")
    assert (s.start, s.zone, s.zone_label) == (dt.datetime(2025, 6, 29, 18, 40),
                                               "Europe/Paris", "France time")


def test_telephone_talk_in_japan_time_keeps_tokyo_zone() -> None:
    text = ("Japan-Norway Foreign Ministers' Telephone Talk\n\nFebruary 14, 2025\n\n"
            "On February 14, commencing at 10:05 p.m. for approximately 20 minutes "
            "(Japan time), Ms. ONO Haruka, Minister for Foreign Affairs of Japan, held a "
            "telephone talk with H.E. Mr. Lars Eriksen, Minister of Foreign Affairs of the "
            "Kingdom of Norway.\n")
    r = extract(text).readout
    assert r.mode is Mode.TELEPHONE
    assert r.place is None
    assert r.sessions[0].zone == "Asia/Tokyo"
    assert r.relation == ("JP", "NO")


def test_spokesperson_is_not_a_participant() -> None:
    text = ("Secretary Grant's Meeting with Chilean Foreign Minister Rojas\n\n"
            "November 18, 2024\n\nThe following is attributable to Spokesperson Dana "
            "Whitfield:\n\nSecretary of State Michael Grant met today with Chilean Foreign "
            "Minister Ana Rojas in Santiago.\n")
    r = extract(text).readout
    assert [p.person.family_name for p in r.participants] == ["Grant", "Rojas"]
    assert r.place is not None and r.place.city == "Santiago"


def test_summary_points_nested_and_numbered_in_parentheses() -> None:
    text = ("Japan-Australia Summit Meeting\n\nOctober 9, 2025\n\nOn October 9, Mr. MORI "
            "Takeshi, Prime Minister of Japan, who is visiting Canberra, Australia, held a "
            "summit meeting with the Hon. Mr. James Walker MP, Prime Minister of Australia.\n\n"
            "1. Summit meeting\n(1) The leaders affirmed the partnership.\n(2) They "
            "discussed hydrogen.\n2. Working lunch\nThe two leaders exchanged views on the "
            "regional situation.\n")
    points = extract(text).readout.points
    assert [(p.label, p.level) for p in points] == [("1.", 0), ("(1)", 1), ("(2)", 1),
                                                    ("2.", 0)]
    assert points[3].text.endswith("regional situation.")


def test_user_topic_file_adds_topics_and_aliases(tmp_path: Path) -> None:
    extra = tmp_path / "topics.json"
    extra.write_text(json.dumps({"topics": [
        {"name": "Whaling", "aliases": ["International Whaling Commission"]},
        {"name": "CPTPP", "aliases": ["Pacific trade pact"]},
    ]}), "utf-8")
    topics = {t.name: t for t in load_topics(extra)}
    assert "International Whaling Commission" in topics["Whaling"].aliases
    assert "Pacific trade pact" in topics["CPTPP"].aliases and "TPP" in topics["CPTPP"].aliases
    text = ("Japan-Norway Foreign Ministers' Meeting\n\nMay 1, 2025\n\nOn May 1, Ms. ONO Haruka, "
            "Minister for Foreign Affairs, held a meeting with H.E. Mr. Lars Eriksen, Minister "
            "of Foreign Affairs of the Kingdom of Norway. They discussed the International "
            "Whaling Commission and the Pacific trade pact.\n")
    assert set(extract(text, topic_file=extra).readout.topics) >= {"Whaling", "CPTPP"}
    assert "Whaling" not in extract(text).readout.topics


def test_a_bad_user_topic_file_is_reported(tmp_path: Path) -> None:
    from readout_desk.domain.extract import TopicListError

    extra = tmp_path / "topics.json"
    extra.write_text("{not json", "utf-8")
    with pytest.raises(TopicListError):
        load_topics(extra)


def test_nonexistent_wall_time_is_kept_and_reported_not_crashed() -> None:
    # 2:30 a.m. on 30 March 2025 does not exist in Berlin (clocks went 2:00 -> 3:00).
    text = ("Japan-Germany Foreign Ministers' Telephone Talk\n\nMarch 30, 2025\n\nOn March 30, "
            "commencing at 2:30 a.m. (Berlin time) for approximately 10 minutes, Ms. ONO "
            "Haruka, Minister for Foreign Affairs, held a telephone talk with H.E. Dr. Klara "
            "Hoffmann, Federal Minister for Foreign Affairs of the Federal Republic of "
            "Germany.\n")
    s = extract(text).readout.sessions[0]
    assert s.zone == "Europe/Berlin"
    assert any("does not exist" in p for p in timing.validate_session(s))


def test_no_readout_in_text_gives_a_draft_with_notes() -> None:
    draft = extract("Just a shopping list: eggs, milk, bread.")
    assert draft.readout.participants == ()
    assert draft.notes


def test_organisation_office_and_title_that_names_the_whole_name() -> None:
    text = ("Courtesy Call on Foreign Minister Kimura by Mr. John Smith, Secretary-General of "
            "NATO\n\nApril 2, 2025\n\nOn April 2, commencing at 4:00 p.m. for about 20 "
            "minutes, Mr. KIMURA Daisuke, Minister for Foreign Affairs, received a courtesy "
            "call from Mr. John Smith, Secretary General of the North Atlantic Treaty "
            "Organization (NATO), who is visiting Japan.\n")
    r = extract(text).readout
    smith = r.participants[1]
    assert (smith.person.family_name, smith.person.given_name) == ("Smith", "John")
    assert (smith.office, smith.organisation, smith.country) == (
        "Secretary General", "North Atlantic Treaty Organization", None)
    s = r.sessions[0]
    assert (s.kind, s.zone, s.zone_label) == ("courtesy call", "Asia/Tokyo", "")
    assert r.place is not None and (r.place.city, r.place.country) == ("", "JP")


def test_page_furniture_in_capitals_and_points_without_dots() -> None:
    text = ("Japan-Kazakhstan Relations\n\nExchange of Views between Foreign Minister Ono and "
            "Foreign Minister of Kazakhstan\n\nFEBRUARY 18, 2025\n\nJapanese\nOn February 18, "
            "from 6:00 p.m. for approximately 70 minutes, Ms. ONO Haruka, Minister for "
            "Foreign Affairs, held an exchange of views over dinner with H.E. Mr. Arman "
            "Seitkali, Minister of Foreign Affairs of the Republic of Kazakhstan, who is "
            "visiting Japan.\n1 Minister Ono welcomed Minister Seitkali's visit.\n2 The two "
            "ministers discussed connectivity in Central Asia.\nRelated Links\n"
            "Back to Japan-Kazakhstan Relations\n")
    r = extract(text).readout
    assert r.title.startswith("Exchange of Views between")
    assert r.published_date == dt.date(2025, 2, 18)
    assert [p.label for p in r.points] == ["1", "2"]
    assert r.points[1].text == "The two ministers discussed connectivity in Central Asia."
    s = r.sessions[0]
    assert (s.kind, s.start, s.zone, s.duration_minutes) == (
        "exchange of views", dt.datetime(2025, 2, 18, 18, 0), "Asia/Tokyo", 70)


def test_hard_wrapped_lead_that_breaks_between_capitalised_words() -> None:
    text = ("Japan-Peru Relations\n\nMay 3, 2023\n\nOn May 3, Mr. HAYASHI Yoshimasa, Minister "
            "for Foreign Affairs, who is visiting Lima\nPeru, held a small group meeting with "
            "H.E. Ms. Ana Gervasi, Minister of Foreign Affairs\nRepublic of Peru commencing at "
            "9:10 a.m. (local time; 11:10 p.m. on May 3 JST) for\napproximately 15 minutes.\n\n"
            "  1. At the outset, Minister Hayashi stated his hope.\n")
    r = extract(text).readout
    assert [p.person.family_name for p in r.participants] == ["HAYASHI", "Gervasi"]
    assert r.place is not None and r.place.zone == "America/Lima"
    assert r.sessions[0].duration_minutes == 15
