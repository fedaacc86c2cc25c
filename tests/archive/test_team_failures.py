"""A team archive when its server fails: unreachable at the start, restarted while an
archive is open, a connection lost in the middle of a read or of a save."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from readout_desk.archive import Archive, ArchiveUnreachableError, reconnect
from tests.archive.helpers import lima_readout
from tests.archive.team_server import OwnServer, own_server  # noqa: F401 - a fixture


def _kill_own_connection_once(original: Callable[..., Any]) -> Callable[..., Any]:
    """``original``, except that its first call first ends its own connection on the server
    (as a restart or a network failure would)."""
    calls: list[int] = []

    def wrapper(conn: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 1:
            conn.exec_driver_sql("SELECT pg_terminate_backend(pg_backend_pid())")
        return original(conn, *args, **kwargs)

    return wrapper


@pytest.fixture
def team(pg_url: str) -> Iterator[Archive]:
    archive = Archive.open(pg_url)
    yield archive
    archive.close()


def test_an_unreachable_server_is_one_sentence() -> None:
    url = "postgresql://nobody@/readout_test?host=/nonexistent/readout-desk-socket"
    with pytest.raises(ArchiveUnreachableError) as caught:
        Archive.open(url)
    message = str(caught.value)
    assert "cannot be reached" in message and "open a local archive" in message
    assert "Traceback" not in message


def test_a_restarted_server_answers_the_next_query(own_server: OwnServer) -> None:  # noqa: F811
    with Archive.open(own_server.url) as archive:
        saved = archive.add(lima_readout())
        assert archive.search("Gervasi").total == 1
        own_server.restart()
        # Every pooled connection died with the server; the next queries reconnect.
        assert archive.search("Gervasi").total == 1
        assert archive.get(saved.id or 0).title == saved.title
        changed = archive.update(dataclasses.replace(saved, title="Japan-Peru Talks"))
        assert changed.version == 2


def test_a_restart_between_two_quick_searches_is_read_again(
        own_server: OwnServer, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    monkeypatch.setattr(reconnect, "PING_AFTER", 1e9)  # never pinged: the search finds out
    with Archive.open(own_server.url) as archive:
        archive.add(lima_readout())
        before = archive.search("Gervasi").total
        assert before >= 1
        own_server.restart()
        assert archive.search("Gervasi").total == before
        assert archive.search("Lima").total == before


def test_a_read_that_loses_its_connection_is_read_again(
        team: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    team.add(lima_readout())
    backend = team.backend
    # A first page, read in one statement on the search's own connection:
    monkeypatch.setattr(backend, "page_at_once",
                        _kill_own_connection_once(backend.page_at_once))  # type: ignore[attr-defined]
    assert team.search("Gervasi").total == 1
    # A page read in a transaction (as the next pages are):
    monkeypatch.setattr(team._search, "at_once", lambda *_a, **_k: None)  # noqa: SLF001
    monkeypatch.setattr(backend, "has_trash", _kill_own_connection_once(backend.has_trash))
    assert team.search("Gervasi").total == 1


def test_a_save_that_loses_its_connection_writes_nothing(
        team: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    saved = team.add(lima_readout())
    backend = team.backend
    monkeypatch.setattr(backend, "index_readouts",
                        _kill_own_connection_once(backend.index_readouts))
    edited = dataclasses.replace(saved, title="Japan-Peru Talks in Lima")
    with pytest.raises(ArchiveUnreachableError) as caught:
        team.update(edited)
    assert "nothing was changed" in str(caught.value)
    # Nothing half-written: the record, its version and its history are as they were.
    stored = team.get(saved.id or 0)
    assert (stored.title, stored.version) == (saved.title, 1)
    assert team.history(saved.id or 0) == []
    assert team.search("Talks").total == 0
    # The same change, sent again, lands on the version it was made from.
    assert team.update(edited).version == 2
    assert team.search("Talks").total == 1


def test_an_add_that_loses_its_connection_adds_nothing(
        team: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    backend = team.backend
    monkeypatch.setattr(backend, "index_readouts",
                        _kill_own_connection_once(backend.index_readouts))
    with pytest.raises(ArchiveUnreachableError):
        team.add(lima_readout())
    assert team.count(include_trash=True) == 0
    assert team.people() == []
