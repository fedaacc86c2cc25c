"""Reads that lost their connection are tried again: a team archive's server that was
restarted while a window stayed open answers the next query as if nothing happened.

A pooled connection is checked before it is lent (a ping) only when it has been idle
for a while: a restart leaves dead connections behind, but a search right after another
need not pay the round trip, and one that finds its server gone all the same fails as a
lost connection and is read again.

Only reads are repeated. A write that lost its connection was rolled back by the server
(nothing half-written) and is reported, so that the person decides to try again: a
write repeated blindly could land twice.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import Engine, event
from sqlalchemy.exc import DisconnectionError

from readout_desk.archive.errors import ArchiveUnreachableError

log = logging.getLogger(__name__)
T = TypeVar("T")

#: Seconds to wait before each further attempt (a restart takes a second or two).
RETRY_DELAYS = (0.2, 1.0, 2.0)


def retried(read: Callable[[], T], delays: tuple[float, ...] = RETRY_DELAYS,
            sleep: Callable[[float], None] = time.sleep) -> T:
    """``read()``, tried again after each of ``delays`` while the server cannot be
    reached; the last attempt's error is the one raised."""
    for delay in delays:
        try:
            return read()
        except ArchiveUnreachableError as exc:
            log.info("reading again in %.1f s: %s", delay, exc)
            sleep(delay)
    return read()


#: A pooled connection handed back less than this many seconds ago is lent without a ping.
PING_AFTER = 1.0
#: Where a pooled connection keeps when it was last handed back (``record.info``).
_RETURNED_AT = "readout_desk.returned_at"


def ping_when_idle(engine: Engine) -> None:
    """The pool's check that a connection still reaches its server (SQLAlchemy's
    ``pool_pre_ping``), made only for a connection idle :data:`PING_AFTER` or longer; a
    dead one is replaced by a new connection before it is lent."""

    @event.listens_for(engine, "connect")
    def connected(_dbapi_connection: Any, record: Any) -> None:
        record.info[_RETURNED_AT] = time.monotonic()

    @event.listens_for(engine, "checkin")
    def returned(_dbapi_connection: Any, record: Any) -> None:
        if record is not None:
            record.info[_RETURNED_AT] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def lent(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        if time.monotonic() - record.info.get(_RETURNED_AT, 0.0) < PING_AFTER:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except engine.dialect.loaded_dbapi.Error as exc:
            if engine.dialect.is_disconnect(exc, dbapi_connection, None):
                raise DisconnectionError(str(exc)) from exc  # the pool connects anew
            raise
