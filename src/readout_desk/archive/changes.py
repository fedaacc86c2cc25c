"""Hearing about saves made elsewhere to the same archive, for windows that show it.

A team archive on PostgreSQL tells its listeners within a second of each commit
(:mod:`.postgres_changes`); a SQLite file has no such channel, so :func:`watch` returns
``None`` for it and the window refreshes after its own saves only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from readout_desk.archive.store import Archive

#: ``callback(ids)``: the readouts changed elsewhere, ``None`` when any may have.
ChangeCallback = Callable[[frozenset[int] | None], None]


class Watch(Protocol):
    """A subscription to an archive's changes."""

    def stop(self) -> None:
        """Stop hearing about changes."""


def watch(archive: Archive, callback: ChangeCallback) -> Watch | None:
    """Call ``callback`` from a background thread whenever readouts of ``archive`` are
    saved, trashed or purged by any connection (its own included); ``None`` when the
    archive's database cannot tell."""
    listen = getattr(archive.backend, "listen_for_changes", None)
    if listen is None:
        return None
    found: Watch = listen(callback)
    return found
