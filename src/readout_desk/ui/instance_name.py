"""The name under which the instance owning an archive listens (no Qt here).

Kept free of Qt so that start-up can ask "is another instance probably running?"
before deciding what to import first (see :func:`probably_running`).
"""

from __future__ import annotations

import getpass
import hashlib
import os
import sys
from pathlib import Path


def archive_key(location: str) -> str:
    """A stable text for the archive: its resolved path, or the URL as given."""
    raw = location
    if location.startswith("sqlite") and ":///" in location:
        raw = location.split(":///", 1)[1].split("?", 1)[0]
        if raw.startswith("file:"):
            raw = raw[len("file:"):]
    elif "://" in location:
        return location
    if raw in ("", ":memory:"):
        return ":memory:"
    path = Path(raw).expanduser()
    try:
        path = path.resolve()
    except OSError:
        path = path.absolute()
    return os.path.normcase(str(path))


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name (containers); the uid will do
        return str(os.getuid()) if hasattr(os, "getuid") else "user"


def server_name(location: str) -> str:
    """The local-socket name for ``location``, private to this user."""
    digest = hashlib.sha256(f"{_user()}\0{archive_key(location)}".encode()).hexdigest()
    return f"readout-desk-{digest[:24]}"


def probably_running(location: str) -> bool:
    """Whether an instance may already own ``location`` (cheap, without Qt).

    On Unix a listening instance has a socket file in the temporary folder (Qt's
    ``QDir.tempPath()``: ``$TMPDIR``, else ``/tmp``); a crash may leave one behind, so
    ``True`` means "check properly". Elsewhere the answer is always ``True``.
    """
    if sys.platform == "win32":
        return True
    temp = os.environ.get("TMPDIR") or "/tmp"
    return (Path(temp) / server_name(location)).exists()
