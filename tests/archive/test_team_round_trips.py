"""A search on a team archive asks the server as few times as it can: in a transaction (the
next pages of a search), the trash, the change token and the index-first setting in one
statement, and no ping for a connection that was handed back a moment ago; the token
stays that of the transaction that read it."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event

from readout_desk.archive import Archive, reconnect
from tests.archive.helpers import lima_readout


@pytest.fixture
def team(pg_url: str) -> Iterator[Archive]:
    archive = Archive.open(pg_url)
    archive.add(lima_readout())
    yield archive
    archive.close()


def _statements(archive: Archive) -> list[str]:
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        seen.append(" ".join(statement.split()))

    event.listen(archive._engine, "before_cursor_execute", record)  # noqa: SLF001
    return seen


def test_a_search_of_words_asks_its_first_questions_in_one_statement(
        team: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    # In a transaction, as the next pages of a search are read (a first page is one
    # statement: test_team_page_at_once.py).
    monkeypatch.setattr(team._search, "at_once", lambda *_a, **_k: None)  # noqa: SLF001
    seen = _statements(team)
    page = team.search("Gervasi")
    assert page.total == 1
    assert not any(s.startswith(("SET", "SELECT pg_current_snapshot")) for s in seen)
    first = seen[0]
    assert "deleted_at IS NOT NULL" in first and "pg_current_snapshot()" in first
    assert "set_config('enable_seqscan', 'off', true)" in first
    assert len(seen) == 3  # that statement, the ranking, the page's rows


def test_the_index_first_setting_holds_for_the_rest_of_the_search_only(
        team: Archive) -> None:
    backend = team.backend
    with team._engine.connect() as conn:  # noqa: SLF001
        backend.has_trash(conn, words=True)
        assert conn.exec_driver_sql("SHOW enable_seqscan").scalar() == "off"
        conn.rollback()
        backend.has_trash(conn, words=False)
        assert conn.exec_driver_sql("SHOW enable_seqscan").scalar() == "on"


def test_a_token_read_with_the_trash_is_not_used_by_a_later_transaction(
        team: Archive) -> None:
    backend = team.backend
    with team._engine.connect() as conn:  # noqa: SLF001
        backend.has_trash(conn)
        token = backend.change_token(conn)
        assert token == backend.change_token(conn)
        conn.rollback()
        team.add(dataclasses.replace(lima_readout(), title="Japan-Peru Talks"))
        assert backend.change_token(conn) != token


def test_a_connection_handed_back_a_moment_ago_is_lent_without_a_ping(
        team: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    dialect = team._engine.dialect  # noqa: SLF001
    pings: list[int] = []
    original = dialect.do_ping

    def counted(dbapi_connection: Any) -> bool:
        pings.append(1)
        return bool(original(dbapi_connection))

    monkeypatch.setattr(dialect, "do_ping", counted)
    team.search("Gervasi")
    team.search("Lima")
    assert pings == []
    monkeypatch.setattr(reconnect, "PING_AFTER", 0.0)  # every connection counts as idle
    team.search("Gervasi")
    assert pings == [1]
