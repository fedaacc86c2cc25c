"""A kana's voicing marks tell people and topics apart ("ビザ" is not "ピザ" nor "ヒサ"), on
both backends, and migration 0018 moves an archive's keys to that and back."""

from __future__ import annotations

import dataclasses

from sqlalchemy import create_engine, text

from readout_desk.archive import Archive
from readout_desk.archive.postgres import driver_url
from readout_desk.domain.geography import match_key
from readout_desk.domain.records import Person
from tests.archive.full_text import to_revision
from tests.archive.helpers import lima_readout

BOTH_BACKENDS = True


def test_the_key_keeps_a_kanas_voicing() -> None:
    assert len({match_key(k) for k in ("ビザ", "ピザ", "ヒサ")}) == 3
    assert match_key("ﾋﾞｻﾞ") == match_key("ビザ") == "ビザ"  # half width is full width
    assert match_key("ばす") != match_key("はす")
    assert match_key("Perú") == "peru" and match_key("ＣＰＴＰＰ") == "cptpp"


def _fill(archive: Archive) -> None:
    lima = lima_readout()
    minister = lima.participants[0]
    for title, topic, family in (("ビザの会談", "ビザ", "ブリンケン"),
                                 ("ピザの会談", "ピザ", "フリンケン"),
                                 ("ヒサの会談", "ヒサ", "ブリンケン")):
        archive.add(dataclasses.replace(lima, title=title, topics=(topic,), participants=(
            dataclasses.replace(minister, person=Person(family, "アントニー")),)))


def test_voiced_kana_are_other_topics_and_people(archive: Archive) -> None:
    _fill(archive)
    facets = archive.facets("")
    assert {t.label: t.count for t in facets.topics} == {"ビザ": 1, "ピザ": 1, "ヒサ": 1}
    assert {p.label: p.count for p in facets.people} == {
        "アントニー ブリンケン": 2, "アントニー フリンケン": 1}
    assert archive.search('topic="ビザ"').total == 1
    assert archive.search('topic="ﾋﾞｻﾞ"').total == 1
    assert archive.search('person="アントニー ブリンケン"').total == 2


def _rows(location: str, sql: str) -> list[tuple[object, ...]]:
    url = driver_url(location) if "://" in location else f"sqlite:///{location}"
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql))]
    finally:
        engine.dispose()


def test_the_migration_moves_the_keys_and_back(archive: Archive) -> None:
    """Down: the keys without the marks, the three topics and the two people joined as
    the program before kept them. Up again: the people apart (each participant keeps its
    names), the joined topic one topic under its first name, its readouts' fingerprints
    cleared for the next import to compute."""
    _fill(archive)
    location = archive.location
    archive.close()

    to_revision(location, "0017", up=False)
    assert _rows(location, "SELECT name, name_key FROM topics ORDER BY id") == [("ビザ", "ヒサ")]
    assert _rows(location, "SELECT family_name, name_key FROM people ORDER BY id") == [
        ("ブリンケン", "フリンケン|アントニー")]
    assert _rows(location, "SELECT count(DISTINCT topic_id), count(*) FROM readout_topics") \
        == [(1, 3)]

    to_revision(location, "head", up=True)
    assert _rows(location, "SELECT name, name_key FROM topics ORDER BY id") == [("ビザ", "ビザ")]
    assert sorted(_rows(location, "SELECT family_name, name_key FROM people")) == [
        ("フリンケン", "フリンケン|アントニー"), ("ブリンケン", "ブリンケン|アントニー")]
    assert _rows(location, "SELECT count(*) FROM readouts WHERE fingerprint IS NULL") == [(3,)]
    with Archive.open(location) as again:
        people = {p.label: p.count for p in again.facets("").people}
        assert people == {"アントニー ブリンケン": 2, "アントニー フリンケン": 1}
        assert again.search('person="アントニー フリンケン"').total == 1
        assert again.search('topic="ビザ"').total == 3  # one topic, as it was kept
        # An import computes the cleared fingerprints and finds the same readout there.
        copy = again.get(again.search('person="アントニー フリンケン"').hits[0].id)
        present: list[object] = []
        again.add_batches([[copy.with_id(None)]], skip_present=True,
                          report=lambda _readouts, _ids, found: present.extend(found))
        assert len(present) == 1 and again.count() == 3
