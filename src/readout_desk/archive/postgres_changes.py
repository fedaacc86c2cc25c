"""Other people's saves on a team archive, heard within a second (``LISTEN``/``NOTIFY``).

Every committed write announces itself on :data:`CHANNEL`: the ids of the readouts it
wrote or purged, or ``*`` when it cannot say (a move to the trash, a migration). The
notification is sent inside the transaction, so the server delivers it only if the
transaction commits. A :class:`ChangeListener` keeps one connection of its own listening
in a thread and calls back with the ids (``None`` for "anything may have changed"); it
reconnects by itself when the server restarts.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import Connection, Engine, event

log = logging.getLogger(__name__)

CHANNEL = "readout_desk_changes"
#: ``Connection.info`` key of the readout ids the transaction under way wrote.
_TOUCHED = "readout_desk_touched"
#: A notification's payload must stay under 8000 bytes; more ids are sent as ``*``.
_PAYLOAD_LIMIT = 7000

#: ``callback(ids)``: the readouts changed elsewhere, ``None`` when any may have.
ChangeCallback = Callable[[frozenset[int] | None], None]


def touched(conn: Connection, ids: Iterable[int]) -> None:
    """Note readouts the transaction under way writes (announced when it commits)."""
    conn.info.setdefault(_TOUCHED, set()).update(int(i) for i in ids)


def written(conn: Connection) -> frozenset[int]:
    """The readouts the transaction under way has written so far (none noted: empty)."""
    return frozenset(conn.info.get(_TOUCHED, ()))


def announce_commits(engine: Engine) -> None:
    """Make every commit on ``engine`` send its notification first."""

    def commit(conn: Connection) -> None:
        ids = conn.info.pop(_TOUCHED, None)
        payload = ",".join(str(i) for i in sorted(ids)) if ids else "*"
        if len(payload) > _PAYLOAD_LIMIT:
            payload = "*"
        driver = conn.connection.dbapi_connection
        if driver is not None:
            driver.execute("SELECT pg_notify(%s, %s)", (CHANNEL, payload))

    def rollback(conn: Connection) -> None:
        if not conn.invalidated:  # a lost connection's notes went with it
            conn.info.pop(_TOUCHED, None)

    event.listen(engine, "commit", commit)
    event.listen(engine, "rollback", rollback)


def parse(payload: str) -> frozenset[int] | None:
    """The ids of a notification, ``None`` for ``*`` (or anything unreadable)."""
    try:
        return frozenset(int(p) for p in payload.split(",")) if payload != "*" else None
    except ValueError:
        return None


class ChangeListener:
    """A thread listening on :data:`CHANNEL`; :meth:`stop` ends it."""

    def __init__(self, connect: Callable[[], Any], callback: ChangeCallback) -> None:
        self._connect = connect
        self._callback = callback
        self._stopped = threading.Event()
        self.listening = threading.Event()
        self._thread = threading.Thread(target=self._run, name="team-archive-changes",
                                        daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop listening (the thread ends within a second)."""
        self._stopped.set()
        self._thread.join(timeout=3)

    def _run(self) -> None:
        while not self._stopped.is_set():
            try:
                with self._connect() as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self.listening.set()
                    while not self._stopped.is_set():
                        for note in conn.notifies(timeout=0.5):
                            self._callback(parse(note.payload))
            except Exception as exc:  # noqa: BLE001 - the server went away: try again
                self.listening.clear()
                log.info("listening for changes again after: %s", exc)
                if self._stopped.wait(1.0):
                    return
                self._callback(None)  # changes may have been missed meanwhile
