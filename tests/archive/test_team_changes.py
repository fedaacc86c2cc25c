"""Two people on one team archive: a save by one is heard by the other within two
seconds, and saving over a newer version is refused as on SQLite."""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Iterator

import pytest

from readout_desk.archive import Archive, ConflictError
from readout_desk.archive.changes import watch
from tests.archive.helpers import lima_readout


class Heard:
    """What a listener was told, in order."""

    def __init__(self) -> None:
        self.changes: list[frozenset[int] | None] = []
        self.event = threading.Event()

    def __call__(self, ids: frozenset[int] | None) -> None:
        self.changes.append(ids)
        self.event.set()

    def next(self, within: float = 2.0) -> frozenset[int] | None:
        assert self.event.wait(within), "nothing was heard within two seconds"
        self.event.clear()
        return self.changes.pop(0)


@pytest.fixture
def two(pg_url: str) -> Iterator[tuple[Archive, Archive]]:
    first = Archive.open(pg_url)
    second = Archive.open(pg_url)
    yield first, second
    second.close()
    first.close()


def test_a_save_by_one_is_heard_by_the_other(two: tuple[Archive, Archive]) -> None:
    mine, theirs = two
    heard = Heard()
    listener = watch(mine, heard)
    assert listener is not None
    try:
        assert listener.listening.wait(5)  # type: ignore[attr-defined]
        started = time.monotonic()
        saved = theirs.add(lima_readout())
        assert heard.next() == frozenset({saved.id})
        theirs.update(dataclasses.replace(saved, title="Japan-Peru Talks"))
        assert heard.next() == frozenset({saved.id})
        # A save that fails announces nothing.
        with pytest.raises(ConflictError):
            theirs.update(dataclasses.replace(saved, title="Too late"))
        assert not heard.event.wait(1.0)
        theirs.delete(saved.id or 0)  # the trash: "anything may have changed"
        assert heard.next() is None
        theirs.purge([saved.id or 0])
        assert heard.next() == frozenset({saved.id})
        assert time.monotonic() - started < 10
    finally:
        listener.stop()


def test_saving_over_a_newer_version_is_refused_as_on_sqlite(
        two: tuple[Archive, Archive]) -> None:
    mine, theirs = two
    saved = mine.add(lima_readout())
    theirs.update(dataclasses.replace(theirs.get(saved.id or 0), notes="Checked."))
    with pytest.raises(ConflictError) as caught:
        mine.update(dataclasses.replace(saved, title="Japan-Peru Talks"))
    assert (caught.value.read_version, caught.value.current_version) == (1, 2)
    assert "saved elsewhere while it was being edited" in str(caught.value)
    assert mine.get(saved.id or 0).notes == "Checked."


def test_sqlite_has_no_channel(archive_path: object) -> None:
    with Archive.open(str(archive_path)) as archive:
        assert watch(archive, lambda _ids: None) is None


def test_two_saves_at_once_from_one_version_never_both_land(
        two: tuple[Archive, Archive], monkeypatch: pytest.MonkeyPatch) -> None:
    mine, theirs = two
    saved = mine.add(lima_readout())
    inside, release = threading.Event(), threading.Event()
    index = mine.backend.index_readouts

    def slow_index(conn: object, entries: object) -> None:
        inside.set()  # my save is written but not committed yet
        assert release.wait(10)
        index(conn, entries)  # type: ignore[arg-type]

    monkeypatch.setattr(mine.backend, "index_readouts", slow_index)
    outcome: dict[str, object] = {}

    def save_theirs() -> None:
        try:
            outcome["theirs"] = theirs.update(dataclasses.replace(saved, notes="Theirs."))
        except Exception as exc:  # noqa: BLE001 - looked at below
            outcome["theirs"] = exc

    mine_thread = threading.Thread(
        target=lambda: outcome.update(mine=mine.update(
            dataclasses.replace(saved, notes="Mine."))))
    mine_thread.start()
    assert inside.wait(10)
    their_thread = threading.Thread(target=save_theirs)
    their_thread.start()
    their_thread.join(0.5)  # their save has begun and waits for mine
    release.set()
    mine_thread.join(10)
    their_thread.join(10)
    assert getattr(outcome["mine"], "version", None) == 2
    assert isinstance(outcome["theirs"], ConflictError), outcome["theirs"]
    stored = mine.get(saved.id or 0)
    assert (stored.notes, stored.version) == ("Mine.", 2)
