"""Reads that lost their connection are tried again: a team archive's server that was
restarted while a window stayed open answers the next query as if nothing happened.

Only reads are repeated. A write that lost its connection was rolled back by the server
(nothing half-written) and is reported, so that the person decides to try again: a
write repeated blindly could land twice.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TypeVar

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
