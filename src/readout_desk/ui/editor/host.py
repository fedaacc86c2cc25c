"""What an editor window asks of the window it was opened from.

The main window satisfies :class:`EditorHost` structurally (mypy checks it where the
main window opens an editor); an editor opened without a host (tests, tools) still
works, with nothing to refresh and the system's zone as home.
"""

from __future__ import annotations

from typing import Protocol


class EditorHost(Protocol):
    """The window an editor reports back to."""

    def refresh(self, select_id: int | None = None) -> None:
        """Search again after a save, selecting ``select_id``."""

    def home_zone(self) -> str:
        """The reader's home time zone (IANA name), for times shown beside the form."""
