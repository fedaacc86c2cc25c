"""A team archive's purge and a save on another connection, run interleaved on the real
server: a save that finds an image already stored never ends up naming an image the purge
deleted, whichever of the two goes first. And a machine's cache never shows a purged image
for a new readout that later took the same file name.

Each test holds one transaction at a chosen point (an event it waits for), starts the
other on a second connection, and lets the first go on only once the server says the
second waits for the write lock (or the second has finished: it did not wait at all). Both
orders run also on a server whose transactions are repeatable read by default: the one
that waited must still see what the other committed."""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from readout_desk import paths
from readout_desk.archive import Archive, postgres_photos
from readout_desk.archive.postgres import driver_url
from readout_desk.domain.records import Photo, Readout
from tests.archive.helpers import lima_readout

IMAGE = b"\x89PNG\r\n\x1a\n the image both readouts show"


def _set_default_isolation(url: str, level: str | None) -> None:
    """Make ``level`` the isolation the server gives new transactions in the archive's
    database (``None``: the server's own, read committed)."""
    engine = create_engine(driver_url(url), isolation_level="AUTOCOMMIT")
    database = make_url(url).database
    try:
        with engine.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{database}" ' + (
                "RESET default_transaction_isolation" if level is None
                else f"SET default_transaction_isolation = '{level}'")))
    finally:
        engine.dispose()


@pytest.fixture(params=[None, "repeatable read"])
def two(pg_url: str, request: pytest.FixtureRequest) -> Iterator[tuple[Archive, Archive]]:
    """Two archives on the same server: two engines, two connections; also on a server
    whose transactions are repeatable read unless told otherwise."""
    _set_default_isolation(pg_url, request.param)
    try:
        first, second = Archive.open(pg_url), Archive.open(pg_url)
        yield first, second
        first.close()
        second.close()
    finally:
        _set_default_isolation(pg_url, None)


def _with_image(archive: Archive, title: str, name: str, image: bytes = IMAGE) -> Readout:
    folder = archive.attachments_dir
    assert folder is not None
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(image)
    return dataclasses.replace(lima_readout(), title=title, photos=(Photo(title, name),))


class Hold:
    """Stops the thread named ``thread`` just after ``module.name`` returns, until let go."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, module: Any, name: str,
                 thread: str) -> None:
        self.reached, self.go = threading.Event(), threading.Event()
        original = getattr(module, name)

        def held(*args: Any, **kwargs: Any) -> Any:
            result = original(*args, **kwargs)
            if threading.current_thread().name == thread:
                self.reached.set()
                assert self.go.wait(60), "never let go"
            return result

        monkeypatch.setattr(module, name, held)


class Worker(threading.Thread):
    """Runs ``work`` on a thread of its own, keeping its answer or its exception."""

    def __init__(self, name: str, work: Callable[[], Any]) -> None:
        super().__init__(name=name, daemon=True)
        self.work = work
        self.result: Any = None
        self.error: Exception | None = None

    def run(self) -> None:
        try:
            self.result = self.work()
        except Exception as exc:  # noqa: BLE001 - checked by the test
            self.error = exc


def _waiting_for_the_write_lock(url: str, worker: Worker) -> None:
    """Return once the server has a connection waiting for an advisory lock, or
    ``worker`` has finished (it never waited)."""
    engine = create_engine(driver_url(url))
    try:
        deadline = time.monotonic() + 60
        while worker.is_alive() and time.monotonic() < deadline:
            with engine.connect() as conn:
                if conn.execute(text("SELECT count(*) FROM pg_locks WHERE locktype = "
                                     "'advisory' AND NOT granted")).scalar():
                    return
            time.sleep(0.01)
        assert not worker.is_alive(), "neither waiting for the lock nor finished"
    finally:
        engine.dispose()


def _as_read_elsewhere(url: str, home: Path, readout_id: int) -> bytes | None:
    """The image of a readout's photo as a machine that never saw it reads it."""
    paths.set_base_dir(home)
    with Archive.open(url) as elsewhere:
        folder = elsewhere.attachments_dir
        assert folder is not None
        photo = elsewhere.get(readout_id).photos[0]
        path = folder / photo.file
        return path.read_bytes() if path.exists() else None


#: Where the transaction that goes first is held: the save once it has found the image
#: stored (so it stores nothing), the purge once it has deleted the image (not committed).
HELD_AT = {"save": "store_pending", "purge": "forget"}


@pytest.mark.parametrize("first", ["save", "purge"])
def test_a_save_and_a_purge_at_once_never_leave_a_photo_without_its_image(
        first: str, two: tuple[Archive, Archive], pg_url: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    saver, purger = two
    gone = saver.add(_with_image(saver, "Gone", "shared.png"))
    saver.delete(gone.id or 0)
    workers = {"save": Worker("save", lambda: saver.add(_with_image(saver, "New",
                                                                      "shared.png"))),
               "purge": Worker("purge", lambda: purger.purge([gone.id or 0]))}
    second = workers["purge" if first == "save" else "save"]
    hold = Hold(monkeypatch, postgres_photos, HELD_AT[first], thread=first)
    workers[first].start()
    assert hold.reached.wait(60)
    second.start()
    # The save that went first has committed before the purge looks; a save that comes
    # second waits, then finds the image gone and stores it again from its cache.
    _waiting_for_the_write_lock(pg_url, second)
    hold.go.set()
    for worker in workers.values():
        worker.join(60)
    assert workers["save"].error is None and workers["purge"].error is None
    assert workers["purge"].result == 1
    new: Readout = workers["save"].result
    assert _as_read_elsewhere(pg_url, tmp_path / "elsewhere", new.id or 0) == IMAGE


def test_a_cache_never_shows_a_purged_image_under_a_name_taken_again(
        pg_url: str, tmp_path: Path) -> None:
    paths.set_base_dir(tmp_path / "first-machine")
    with Archive.open(pg_url) as first:
        gone = first.add(_with_image(first, "Gone", "photo-1.jpg", b"the purged image"))
        first.delete(gone.id or 0)
        first.empty_trash()
    paths.set_base_dir(tmp_path / "second-machine")
    with Archive.open(pg_url) as second:  # an import of another file of the same name
        new = second.add(_with_image(second, "New", "photo-1.jpg", b"the new image"))
    assert _as_read_elsewhere(pg_url, tmp_path / "first-machine", new.id or 0) \
        == b"the new image"
