"""The archive façade: saving, reading, history, trash, search and facets."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from readout_desk.archive import Archive, ArchiveReadOnlyError, NotFoundError
from readout_desk.archive import sqlite as sqlite_sql
from readout_desk.domain import jsonformat
from readout_desk.domain.records import Mode, Person, Readout
from readout_desk.domain.validation import InvalidReadoutError
from tests.archive.helpers import brazil_readout, lima_readout, telephone_readout

#: Each test on an archive runs on SQLite and on PostgreSQL (tests/archive/conftest.py).
BOTH_BACKENDS = True


def _comparable(readout: Readout) -> dict[str, object]:
    data = jsonformat.readout_to_dict(readout)
    for key in ("id", "created_at", "updated_at", "version"):
        data.pop(key)
    for p in data["participants"]:
        p.pop("person_id", None)
    return data


def test_record_round_trip_keeps_every_field(archive: Archive) -> None:
    original = lima_readout()
    saved = archive.add(original)
    assert saved.id is not None and saved.version == 1
    assert saved.created_at is not None and saved.created_at.tzinfo is not None
    again = archive.get(saved.id)
    assert _comparable(again) == _comparable(original)
    assert again.sessions[0].start == dt.datetime(2023, 5, 3, 9, 10)  # wall time, as stated
    assert again.sessions[0].start.tzinfo is None
    assert again.participants[0].person.display_name == "HAYASHI Yoshimasa"
    assert again.participants[1].display_name == "H.E. Ms. Ana Gervasi"
    # And through the JSON format.
    text = jsonformat.document([again])
    (back,) = jsonformat.readouts_from_json(text)
    assert _comparable(back) == _comparable(original)


def test_people_are_reused_across_readouts(archive: Archive) -> None:
    first = archive.add(lima_readout())
    second = lima_readout()
    hayashi = dataclasses.replace(second.participants[0].person, family_name="Hayashi")
    second = dataclasses.replace(
        second, meeting_date=dt.date(2024, 1, 5),
        participants=(dataclasses.replace(second.participants[0], person=hayashi,
                                          office="Chief Cabinet Secretary"),))
    saved = archive.add(second)
    assert saved.participants[0].person.id == first.participants[0].person.id
    assert saved.participants[0].person.family_name == "Hayashi"  # as printed this time
    offices = archive.offices_of(first.participants[0].person.id or 0)
    assert [o for o, _d in offices] == ["Chief Cabinet Secretary", "Minister for Foreign Affairs"]
    assert [p.family_name for p in archive.people("hay")] == ["HAYASHI"]
    assert archive.readouts_of_person(first.participants[0].person.id or 0) == [first.id, saved.id]


def test_invalid_readouts_are_refused_whole(archive: Archive) -> None:
    bad = dataclasses.replace(lima_readout(), title="", section="")
    with pytest.raises(InvalidReadoutError) as caught:
        archive.add(bad)
    assert "title" in str(caught.value)
    skipped = dataclasses.replace(lima_readout().sessions[0],
                                  start=dt.datetime(2025, 3, 30, 2, 30), zone="Europe/Berlin",
                                  printed_other=None)
    with pytest.raises(InvalidReadoutError, match="does not exist"):
        archive.add(dataclasses.replace(lima_readout(), sessions=(skipped,)))
    with pytest.raises(InvalidReadoutError):
        archive.add_many([lima_readout(), bad])
    assert archive.count() == 0  # nothing half-saved


def test_update_keeps_history_and_restores(archive: Archive) -> None:
    saved = archive.add(lima_readout())
    assert saved.id is not None
    edited = dataclasses.replace(saved, title="Edited title")
    after = archive.update(edited)
    assert after.version == 2 and after.title == "Edited title"
    history = archive.history(saved.id)
    assert [v.version for v in history] == [1]
    assert history[0].readout.title == lima_readout().title
    restored = archive.restore_version(saved.id, 1)
    assert restored.title == lima_readout().title and restored.version == 3
    assert [v.version for v in archive.history(saved.id)] == [2, 1]
    assert archive.search('"Edited title"').total == 0
    assert archive.search("title:Japan-Peru").total == 1
    with pytest.raises(NotFoundError):
        archive.restore_version(saved.id, 99)


def test_trash_hides_and_restores(archive: Archive) -> None:
    saved = archive.add(lima_readout())
    assert saved.id is not None
    archive.delete(saved.id)
    assert archive.search("Gervasi").total == 0
    assert archive.search("Gervasi in:trash").total == 1
    assert archive.search("Gervasi in:all").total == 1
    assert [h.id for h in archive.trash()] == [saved.id]
    other = archive.add(brazil_readout())
    assert other.id is not None
    moved = archive.deletion_times([saved.id, other.id])
    assert list(moved) == [saved.id]  # only readouts in the trash have a time
    assert moved[saved.id].utcoffset() == dt.timedelta(0)
    archive.restore(saved.id)
    assert archive.deletion_times([saved.id]) == {}
    assert archive.search("Gervasi").total == 1
    archive.delete(saved.id)
    assert archive.empty_trash() == 1
    with pytest.raises(NotFoundError):
        archive.get(saved.id)
    assert archive.search("Gervasi in:all").total == 0


@pytest.fixture
def three(archive: Archive) -> Archive:
    archive.add_many([lima_readout(), brazil_readout(), telephone_readout()])
    return archive


def titles(archive: Archive, query: str, **kw: Any) -> list[str]:
    return [h.title for h in archive.search(query, **kw).hits]


def test_search_ranks_and_counts(three: Archive) -> None:
    page = three.search("Gervasi CPTPP")
    assert page.total == 1 and page.hits[0].title.startswith("Japan-Peru")
    hit = page.hits[0]
    assert hit.place == "Lima, Peru" and hit.session_count == 2 and hit.total_minutes == 105
    assert sqlite_sql.HIGHLIGHT_START in hit.snippet
    assert three.search("minister").total == 3
    assert three.search("").total == 3
    assert titles(three, "", sort="date", descending=False)[0].startswith("Japan-Peru")


def test_search_is_case_and_diacritics_insensitive(three: Archive) -> None:
    assert titles(three, "Perú") == titles(three, "peru") == titles(three, "PERU")
    assert len(titles(three, "peru")) == 2  # Lima readout, and "Perú" in the Norway point
    assert titles(three, "stale") == titles(three, "Ståle") == titles(three, "STÅLE")
    assert len(titles(three, "stale")) == 1
    assert titles(three, "hayashi") == titles(three, "HAYASHI")


def test_query_syntax_against_the_archive(three: Archive) -> None:
    assert titles(three, '"Security Council"') == ["Japan-Brazil Summit Meeting"]
    assert titles(three, '"Council Security"') == []
    assert titles(three, "Gerv*") == ["Japan-Peru Foreign Ministers' Meeting"]
    assert set(titles(three, "gervasi OR ferreira")) == {
        "Japan-Peru Foreign Ministers' Meeting", "Japan-Brazil Summit Meeting"}
    assert set(titles(three, "minister -peru")) == {"Japan-Brazil Summit Meeting"}
    assert set(titles(three, "-peru")) == {"Japan-Brazil Summit Meeting"}
    assert titles(three, "country:brazil") == ["Japan-Brazil Summit Meeting"]
    assert titles(three, "country:BR") == ["Japan-Brazil Summit Meeting"]
    assert titles(three, "country:peru") == ["Japan-Peru Foreign Ministers' Meeting"]
    assert titles(three, 'country:"united states"') == ["Japan-Brazil Summit Meeting"]
    assert titles(three, "person:mori") == ["Japan-Brazil Summit Meeting"]
    assert titles(three, "topic:cptpp") == ["Japan-Peru Foreign Ministers' Meeting"]
    assert titles(three, "place:lima") == ["Japan-Peru Foreign Ministers' Meeting"]
    assert titles(three, "place:peru") == ["Japan-Peru Foreign Ministers' Meeting"]
    assert titles(three, "kind:plenary") == ["Japan-Peru Foreign Ministers' Meeting"]
    assert titles(three, "mode:telephone") == ["Japan-Norway Foreign Ministers' Telephone Talk"]
    assert titles(three, "mode:phone minister") == [
        "Japan-Norway Foreign Ministers' Telephone Talk"]
    assert titles(three, "year:2023") == ["Japan-Peru Foreign Ministers' Meeting"]
    assert set(titles(three, "from:2025-01-01 to:2025-06-30")) == {
        "Japan-Norway Foreign Ministers' Telephone Talk"}
    assert titles(three, "from:2025 to:2024") == []
    assert titles(three, "Gervasi year:2025") == []


# What each malformed query finds among the three: all of them when nothing in it is a word
# to search for, nothing when its leftovers are words no readout has, Gervasi's readout
# when a stray operator sits beside his name.
@pytest.mark.parametrize("text, total", [
    ('"unbalanced', 0), ("OR", 3), ("NOT", 3), ("-", 3), ("*", 3), ("!!!", 3),
    ("AND OR NOT", 3), ("NEAR(a b)", 0), ('"" ""', 3), ("country:", 0), ("mode:submarine", 3),
    ("a:b", 0), ("(", 3), ("))((", 3), ("%", 3), ("_", 0), ("'", 3), ("\\", 3), ("\x00", 3),
    ("gervasi NOT", 1), ("- - -", 3), ("-*", 3), ("OR gervasi", 1), ("gervasi OR", 1),
    ("NEAR", 0), ("col:title", 0),
])
def test_malformed_queries_never_raise(three: Archive, text: str, total: int) -> None:
    page = three.search(text)
    assert page.total == len(page.hits) == total


def test_counting_can_be_capped(three: Archive) -> None:
    page = three.search("minister", limit=1, count_cap=2)
    assert len(page.hits) == 1 and page.total == 2
    page = three.search("minister", limit=1, offset=1)
    assert len(page.hits) == 1 and page.total == 3 and page.offset == 1


def test_facets_count_the_hits(three: Archive) -> None:
    facets = three.facets("minister")
    assert {f.value: f.count for f in facets.countries}["JP"] == 3
    assert {f.label for f in facets.countries} >= {"Japan", "Peru", "Brazil", "Norway"}
    assert {f.value: f.count for f in facets.years} == {"2023": 1, "2025": 2}
    assert {f.value: f.count for f in facets.modes} == {"in person": 2, "telephone": 1}
    assert "HAYASHI Yoshimasa" in {f.label for f in facets.people}
    assert {f.value for f in three.facets("country:peru").topics} == {"CPTPP", "APEC", "Ukraine"}


def test_a_countrys_facet_counts_what_clicking_it_finds(three: Archive) -> None:
    """``country:`` finds the readouts that involve a country: the relation's, a
    participant's, the place's; its facet counts the same readouts."""
    lima = lima_readout()
    abroad = dataclasses.replace(
        lima, title="Japan-Peru Meeting on the Margins of the Summit in Brasilia",
        place=dataclasses.replace(lima.place, city="Brasilia", country="BR",
                                  zone="America/Sao_Paulo") if lima.place else None,
        participants=(*lima.participants, dataclasses.replace(
            lima.participants[0], person=Person("Soto", "Ines"), country="CL")))
    three.add(abroad)
    counts = {f.value: f.count for f in three.facets("minister").countries}
    for code in ("JP", "PE", "BR", "CL"):
        assert counts[code] == three.search(f"minister country:{code}").total, code
    assert counts["CL"] == 1 and counts["BR"] == 2  # the Brazil summit, and the margins
    # A sample of the newest hits counts them the same way.
    sampled = {f.value: f.count for f in three.facets("minister", sample=2).countries}
    assert sampled["CL"] == 1


def test_a_persons_facet_counts_what_its_filter_finds(three: Archive) -> None:
    """The window's filter for a person (``person=`` and the whole name) finds as many
    readouts as the facet counts, on both backends: Hayashi's name printed family name
    first in one readout and given name first in another, another Hayashi, and a name
    inside a double-barrelled one ("Li Green" in "Li Green-Cerny")."""
    from readout_desk.ui.facets import PEOPLE, facet_token

    lima = lima_readout()
    hayashi = lima.participants[0]
    three.add(dataclasses.replace(lima, title="Call with Yoshimasa Hayashi", participants=(
        dataclasses.replace(hayashi, person=Person("Hayashi", "Yoshimasa")),)))
    three.add(dataclasses.replace(lima, title="Call with Kenji Hayashi", participants=(
        dataclasses.replace(hayashi, person=Person("Hayashi", "Kenji")),)))
    three.add(dataclasses.replace(lima, title="Call with Li Green", participants=(
        dataclasses.replace(hayashi, person=Person("Green", "Li")),)))
    three.add(dataclasses.replace(lima, title="Call with Li Green-Cerny", participants=(
        dataclasses.replace(hayashi, person=Person("Green-Cerny", "Li")),)))
    facets = three.facets("")
    for person in facets.people:
        token = facet_token(PEOPLE, person.value)
        assert three.search(token).total == person.count, (person, token)
    counts = {p.label: p.count for p in facets.people}
    assert counts["HAYASHI Yoshimasa"] == 2 and counts["Kenji Hayashi"] == 1
    assert counts["Li Green"] == 1 and three.search('person:"Li Green"').total == 2
    # Either order, any case, with words beside it and ranked by them; excluded.
    assert titles(three, 'person="yoshimasa hayashi"') == titles(
        three, 'person="HAYASHI Yoshimasa"')
    assert titles(three, 'call person="Li Green"') == ["Call with Li Green"]
    assert three.search('person="Li Green" OR person="Kenji Hayashi"').total == 2
    assert three.search('call -person="Li Green"').total == 3


def test_a_topics_facet_counts_what_clicking_it_finds(three: Archive) -> None:
    """A topic's filter (``topic=``) finds the readouts filed under that topic, as its
    facet counts them, not those of a longer topic holding its words, which ``topic:``
    finds."""
    from readout_desk.ui.facets import TOPICS, facet_token

    lima = lima_readout()
    for title, topics in (("Talks on the Free and Open Indo-Pacific",
                           ("Free and Open Indo-Pacific",)),
                          ("Talks on the region", ("Indo-Pacific", "Free and Open Indo-Pacific")),
                          ("Economic talks", ("Indo-Pacific",))):
        three.add(dataclasses.replace(lima, title=title, topics=topics))
    facets = three.facets("")
    for topic in facets.topics:
        token = facet_token(TOPICS, topic.value)
        assert three.search(token).total == topic.count, (topic, token)
        assert len(three.search_ids(token)) == topic.count
    counts = {t.label: t.count for t in facets.topics}
    assert counts["Indo-Pacific"] == 2 and counts["Free and Open Indo-Pacific"] == 2
    assert three.search('topic:"Indo-Pacific"').total == 3
    assert sorted(titles(three, 'talks topic="indo-pacific"')) == [
        "Economic talks", "Talks on the region"]
    assert titles(three, 'topic="Free and Open Indo-Pacific" -topic="Indo-Pacific"') == [
        "Talks on the Free and Open Indo-Pacific"]
    assert three.search('topic="Indo-Pacific" OR topic="CPTPP"').total == 2 + 1
    assert three.search('topic="Indo"').total == 0
    # The facets of a filtered search count within it.
    within = {t.label: t.count for t in three.facets('topic="Indo-Pacific"').topics}
    assert within == {"Indo-Pacific": 2, "Free and Open Indo-Pacific": 1}


def test_timing_flags_list_the_mismatch(three: Archive) -> None:
    flags = three.timing_flags()
    assert len(flags) == 1
    assert flags[0].title == "Japan-Brazil Summit Meeting"
    assert "the time-zone rules give 2:20 a.m." in flags[0].message
    # The printed time is kept as printed.
    (hit,) = three.search("Ferreira").hits
    stored = three.get(hit.id).sessions[0].printed_other
    assert stored is not None and stored.local == dt.datetime(2025, 9, 26, 1, 20)


def test_saved_searches(archive: Archive) -> None:
    archive.save_search("Peru", "country:peru")
    archive.save_search("Peru", "country:pe")
    archive.save_search("Calls", "mode:telephone")
    assert archive.saved_searches() == [("Calls", "mode:telephone"), ("Peru", "country:pe")]
    archive.delete_saved_search("Calls")
    assert archive.saved_searches() == [("Peru", "country:pe")]


def test_topics_and_modes(three: Archive) -> None:
    assert three.topics("cp") == ["CPTPP"]
    assert three.get(three.search("Eriksen").hits[0].id).mode is Mode.TELEPHONE


def test_read_only_archive(archive_path: Path) -> None:
    with Archive.open(archive_path) as a:
        a.add(lima_readout())
    archive_path.chmod(0o444)
    try:
        with Archive.open(archive_path, read_only=True) as ro:
            assert ro.read_only
            assert ro.search("gervasi").total == 1
            with pytest.raises(ArchiveReadOnlyError):
                ro.add(brazil_readout())
    finally:
        archive_path.chmod(0o644)


def test_in_memory_archive() -> None:
    with Archive.open(None) as a:
        a.add(lima_readout())
        assert a.search("lima").total == 1


def test_integrity_check_and_index_rebuild(three: Archive) -> None:
    assert three.integrity_problems() == []
    three.rebuild_index()
    assert three.search("Gervasi").total == 1


def test_samples_rank_after_the_users_own_readouts(demo_archive: Archive) -> None:
    # The Lima readout is the demo's one published readout; three samples also discuss
    # the CPTPP, in shorter texts that BM25 alone would rank higher.
    page = demo_archive.search("CPTPP")
    assert page.total >= 2
    assert page.hits[0].title == "Japan-Peru Foreign Ministers' Meeting"
    assert not page.hits[0].is_sample and all(h.is_sample for h in page.hits[1:])
    # Among samples, relevance still decides.
    samples = [h for h in demo_archive.search("minister", limit=50).hits if h.is_sample]
    assert len(samples) > 5


def test_bulk_written_times_are_stored_as_the_column_types_store_them(archive: Archive) -> None:
    saved = archive.add(lima_readout())
    with archive._engine.connect() as conn:  # noqa: SLF001 - the stored text itself is the point
        first_start = conn.execute(text(
            "SELECT first_start_utc FROM readouts WHERE id = :id"), {"id": saved.id}).scalar()
        sessions = conn.execute(text(
            "SELECT start_local, printed_local, start_utc, printed_mismatch "
            "FROM meeting_sessions WHERE readout_id = :id ORDER BY position"),
            {"id": saved.id}).all()
    if archive.backend.name == "postgresql":
        # Timestamps without a zone, as the column types hand them over.
        assert first_start == dt.datetime(2023, 5, 3, 14, 10)
        assert tuple(sessions[0]) == (dt.datetime(2023, 5, 3, 9, 10),
                                      dt.datetime(2023, 5, 3, 23, 10), first_start, False)
        assert sessions[1][2] == dt.datetime(2023, 5, 3, 14, 40)
        return
    # readouts.first_start_utc goes through SQLAlchemy's own insert: the session rows,
    # written in bulk, hold the same instant in the same text.
    assert first_start == "2023-05-03 14:10:00.000000"
    assert sessions[0] == ("2023-05-03 09:10:00.000000", "2023-05-03 23:10:00.000000",
                           first_start, 0)
    assert sessions[1][2] == "2023-05-03 14:40:00.000000"
