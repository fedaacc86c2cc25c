"""Whole topics and people (``topic=``, ``person=``) on both backends, and the SQLite
page that walks the date index when they link many readouts: the same readouts, in the
same order, as reading every linked readout and sorting."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event

from readout_desk.archive import Archive
from readout_desk.archive import sqlite as sqlite_sql
from readout_desk.domain.records import Person
from tests.archive.helpers import lima_readout

BOTH_BACKENDS = True


@pytest.fixture
def filed(archive: Archive) -> Archive:
    return _filed(archive)


@pytest.fixture
def filed_file(archive_path: Path) -> Iterator[Archive]:
    """:func:`_filed` in an archive file (SQLite alone: the walk is its plan; the server's
    planner picks its own)."""
    with Archive.open(archive_path) as opened:
        yield _filed(opened)


def _filed(archive: Archive) -> Archive:
    """Sixty readouts over sixty days: every third filed under "Trade" and with Ana
    Gervasi (named twice, as minister and as chair), every fifth under "Trade policy";
    a few in the trash."""
    lima = lima_readout()
    gervasi = lima.participants[0]
    readouts = []
    for i in range(60):
        topics = tuple(t for t, every in (("Trade", 3), ("Trade policy", 5)) if i % every == 0)
        ana = dataclasses.replace(gervasi, person=Person("Gervasi", "Ana"))
        soto = dataclasses.replace(gervasi, person=Person("Soto", "Ines"))
        people = (ana, dataclasses.replace(ana, office="Chair")) if i % 3 == 0 else (soto,)
        readouts.append(dataclasses.replace(
            lima, title=f"Meeting {i:02d} on the economy", topics=topics or ("Energy",),
            participants=people, meeting_date=dt.date(2024, 1, 1) + dt.timedelta(days=i % 45)))
    ids = archive.add_many(readouts)
    archive.delete_many([ids[3], ids[10], ids[30]])
    return archive


def _pages(archive: Archive, query: str) -> list[list[int]]:
    return [[h.id for h in archive.search(query, limit=7, offset=o, sort=sort).hits]
            for o in (0, 7, 14) for sort in ("relevance", "date")]


@pytest.mark.parametrize("query, total", [
    ('topic="Trade"', 18), ('topic="trade policy"', 10), ('person="Ana Gervasi"', 18),
    ('person="GERVASI Ana" topic="Trade policy"', 3), ('topic="Trade" -topic="Trade policy"', 15),
    ('topic="Trade" from:2024-01-10 to:2024-01-31', 9), ('topic="Trade" OR topic="Energy"', 50),
    ('economy topic="Trade"', 18), ('economy person="GERVASI Ana"', 18),
    ('economy person="Ana Gervasi" -topic="Trade policy"', 15),
    ('topic="Trade" in:trash', 2), ('topic="Trade" in:all', 20),
    ('person="Ana Gervasi" in:all', 20),
])
def test_whole_values_find_the_readouts_they_link(filed: Archive, query: str,
                                                   total: int) -> None:
    assert filed.search(query).total == total
    assert filed.search(query, limit=2).total == total  # counted, not the page's rows
    assert filed.search(query, limit=2, count_cap=5).total == min(total, 5)
    assert len(filed.search_ids(query)) == total
    # Another topic holding the words ("Trade policy") is not "Trade"; topic: finds both.
    assert filed.search('topic:"Trade"').total == 18 + 10 - 3


@pytest.fixture
def statements(filed_file: Archive) -> Iterator[list[str]]:
    said: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        said.append(statement)

    engine = filed_file._engine  # noqa: SLF001 - the statements the search runs
    event.listen(engine, "before_cursor_execute", note)
    yield said
    event.remove(engine, "before_cursor_execute", note)


@pytest.mark.parametrize("query", [
    'topic="Trade"', 'person="Ana Gervasi"', 'topic="Trade" from:2024-01-10 to:2024-01-31',
    'person="Ana Gervasi" topic="Trade policy"', 'topic="Trade" -topic="Trade policy"',
])
def test_a_walked_page_is_the_page_read_and_sorted(
        filed_file: Archive, statements: list[str], monkeypatch: pytest.MonkeyPatch,
        query: str) -> None:
    filed = filed_file
    assert isinstance(filed.backend, sqlite_sql.SqliteBackend)
    monkeypatch.setattr(sqlite_sql, "WALK_COST", 1e9)  # never walks
    read = _pages(filed, query)
    assert not any("EXISTS" in s for s in statements)
    monkeypatch.setattr(sqlite_sql, "WALK_COST", 1e-9)  # always walks
    walked = _pages(filed, query)
    assert any("EXISTS" in s for s in statements)
    assert walked == read and any(read)


def test_a_japanese_topic_is_found_whole(archive: Archive) -> None:
    """水素 is not 水素社会, with words beside it or alone; the words are asked of the index
    too (kanji and kana fold alike in both: "ｶﾞｽ" is the topic "ガス")."""
    from readout_desk.archive.exact_filters import _folds_alike

    lima = lima_readout()
    for title, topics in (("日ペルー外相会談", ("水素",)), ("日チリ外相会談", ("水素社会",)),
                          ("日ブラジル外相会談", ("水素", "水素社会")),
                          ("日本・ペルー首脳電話会談", ("ガス",)),
                          ("日本・チリ首脳電話会談", ("ｶﾞｽ",))):
        archive.add(dataclasses.replace(lima, title=title, topics=topics))
    assert archive.search('会談 topic="水素"').total == 2
    assert archive.search('topic="水素"').total == 2
    assert archive.search('topic:"水素"').total == 3
    assert archive.search('会談 topic="水素社会" -topic="水素"').total == 1
    assert archive.search('電話 topic="ガス"').total == 2
    assert archive.search('電話 topic="ｶﾞｽ"').total == 2
    assert {t.label: t.count for t in archive.facets("会談").topics}["水素"] == 2
    assert _folds_alike("水素") and _folds_alike("Indo-Pacific") and _folds_alike("G7・G20")
    assert _folds_alike("Perú") and _folds_alike("Łukasz")
    assert _folds_alike("ガス") and _folds_alike("ﾋﾞｻﾞ") and _folds_alike("ユリア・ザントス")
    assert not _folds_alike("Strasse") and not _folds_alike("Straße") and not _folds_alike("①")


def test_the_index_narrows_first_where_it_folds_as_the_key() -> None:
    """Beside other words, a whole value's words are asked of the index column too (its
    intersection narrows before the exact condition is tested); not a value the index
    reads otherwise than the key ("Straße"), and not with no other words."""
    from readout_desk.archive.sqlite_search import build_search
    from readout_desk.domain.query import parse_query

    def match(query: str) -> object:
        return build_search(parse_query(query), trash_present=False).params.get("match")

    assert match('economy topic="Trade"') == '"economy" AND topics : "Trade"'
    assert match('economy person="Ana Gervasi"') == (
        '"economy" AND (people : "Ana Gervasi" OR people : "Gervasi Ana")')
    assert match('economy topic="Straße"') == '"economy"'
    assert match('topic="Trade"') is None
