"""A team archive reads the page of a search of words in one statement, and it is the page
the transaction's way reads, hit for hit.

The one statement (``archive/postgres_page.py``) is compared with the backend's one full
statement that joins every hit to its readout and sorts by the whole relevance order, and
with the search's own way in a transaction (the next pages, from the kept ranking): the
same hits in the same order, every field the same, the same total under every count cap,
with and without trash and samples, with ties and Japanese readouts.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event, text

from readout_desk.archive import Archive, ArchiveInterruptedError, postgres_page, search
from readout_desk.archive.postgres_search import build_search
from readout_desk.domain.query import parse_query
from readout_desk.domain.records import SearchPage
from tests.archive.conftest import empty_database
from tests.archive.test_light_queries import QUERIES, _readouts, one_statement

PAGES = ((0, 40, None), (40, 40, None), (0, 100, 50), (80, 200, 120), (7, 13, None))


@pytest.fixture(scope="module", params=[False, True], ids=["no samples", "samples"])
def team(request: pytest.FixtureRequest, pg_server: str) -> Iterator[Archive]:
    empty_database(pg_server)
    archive = Archive.open(pg_server)
    archive.add_many(_readouts(request.param))
    yield archive
    archive.close()


def _at_once(archive: Archive, query: str, offset: int, limit: int,
             cap: int | None) -> SearchPage:
    archive._rankings.clear()  # noqa: SLF001 - nothing kept: the page is read at once
    assert archive._search.at_once(  # noqa: SLF001
        parse_query(query), sort="relevance", limit=limit) is not None
    return archive.search(query, offset=offset, limit=limit, count_cap=cap)


def _expected_total(hits: list[Any], total: int, offset: int, limit: int,
                    cap: int | None) -> int:
    if offset == 0 and len(hits) < limit:
        return len(hits)
    return total if cap is None else min(total, cap)


def _check_pages(archive: Archive) -> None:
    for query in QUERIES:
        for offset, limit, cap in PAGES:
            hits, total = one_statement(archive, query, offset, limit)
            page = _at_once(archive, query, offset, limit, cap)
            assert list(page.hits) == hits, (query, offset)
            assert page.total == _expected_total(hits, total, offset, limit, cap), query
            # The next search of the same words is served from what the statement kept.
            again = archive.search(query, offset=offset, limit=limit, count_cap=cap)
            assert list(again.hits) == hits and again.total == page.total, query


def test_each_page_read_at_once_is_the_full_statements_page(team: Archive) -> None:
    _check_pages(team)


def test_pages_of_words_in_more_readouts_than_are_ranked(
        team: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "RANK_AHEAD", 60)  # the count is then read by the statement
    monkeypatch.setattr(search, "TIE_MARGIN", 4)
    _check_pages(team)


def test_the_trash_is_left_out_unless_asked_for(team: Archive) -> None:
    trashed = [*range(3, 600, 11)]
    team.delete_many(trashed)
    try:
        _check_pages(team)
        found = {h.id for h in _at_once(team, "会談", 0, 10_000, None).hits}
        assert found and not found & set(trashed)
        in_trash = {h.id for h in _at_once(team, "in:trash 会談", 0, 10_000, None).hits}
        assert in_trash and in_trash <= set(trashed)
    finally:
        for readout_id in trashed:
            team.restore(readout_id)


def test_ties_past_the_ranking_are_read_the_transactions_way(
        team: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "RANK_AHEAD", 5)
    monkeypatch.setattr(search, "TIE_MARGIN", 2)
    for offset, limit, cap in ((0, 4, None), (4, 4, None), (10, 20, 25)):
        hits, total = one_statement(team, '"Twin readout"', offset, limit)
        page = _at_once(team, '"Twin readout"', offset, limit, cap)
        assert list(page.hits) == hits
        assert page.total == _expected_total(hits, total, offset, limit, cap)


def _statements(engine: Any) -> list[str]:
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        seen.append(" ".join(statement.split()))

    event.listen(engine, "before_cursor_execute", record)
    return seen


def test_a_first_search_is_one_statement_in_autocommit_and_index_first(
        team: Archive) -> None:
    searcher = team.backend.search_engine(team._engine)  # type: ignore[attr-defined]  # noqa: SLF001
    own, searched = _statements(team._engine), _statements(searcher)  # noqa: SLF001
    team._rankings.clear()  # noqa: SLF001
    assert team.search("minister").total > 100
    assert own == [] and len(searched) == 1
    assert searched[0].startswith("WITH state AS MATERIALIZED")
    team.search("minister", offset=100)  # the next page: from the ranking kept
    assert len(searched) == 1 and own[0].startswith("SELECT EXISTS")  # the trash, token
    assert not any("ts_rank" in s for s in own)  # ranked once, by the one statement
    with searcher.connect() as conn:
        assert conn.connection.dbapi_connection.autocommit
        assert conn.exec_driver_sql("SHOW enable_seqscan").scalar() == "off"
    with team._engine.connect() as conn:  # noqa: SLF001 - every other read plans as before
        assert conn.exec_driver_sql("SHOW enable_seqscan").scalar() == "on"


def test_the_statement_finds_its_hits_through_the_index(team: Archive) -> None:
    searcher = team.backend.search_engine(team._engine)  # type: ignore[attr-defined]  # noqa: SLF001
    parsed = parse_query("minister")
    rendered = build_search(parsed, trash_present=False)
    sql = postgres_page.page_statement(rendered, parsed, capped=True)
    params = dict(rendered.params, headline="", top=500, edge=99, limit=100, offset=0,
                  cap=1000)
    with searcher.connect() as conn:
        plan = "\n".join(str(r[0]) for r in conn.execute(
            text("EXPLAIN " + sql), params))
    assert "Bitmap Index Scan on ix_readout_fts_doc" in plan
    assert "Seq Scan on readout_fts" not in plan


def test_a_search_read_at_once_is_stopped_by_interrupt(
        team: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.archive.test_interrupt import ENDLESS, interrupt_until_stopped

    monkeypatch.setattr(postgres_page, "page_statement", lambda *_a, **_k: ENDLESS)
    failures: list[BaseException] = []

    def read() -> None:
        try:
            _at_once(team, "minister", 0, 100, None)
        except BaseException as exc:  # noqa: BLE001 - looked at below
            failures.append(exc)

    reader = threading.Thread(target=read)
    reader.start()
    interrupt_until_stopped(team, reader)
    assert len(failures) == 1 and isinstance(failures[0], ArchiveInterruptedError)
    monkeypatch.undo()
    assert _at_once(team, "minister", 0, 10, None).total > 10  # the connection reads on
