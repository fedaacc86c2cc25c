"""Where the password of a team archive comes from; never from the settings file.

In order: a password typed into the connection form (kept in memory until the program
ends), the system keyring (when the optional ``keyring`` package is installed, under
:data:`KEYRING_SERVICE`), then libpq's own places, which the driver reads by itself:
``PGPASSWORD``, the password file (``~/.pgpass`` or ``PGPASSFILE``) and a service file.
:func:`password_source` says which one a connection uses, so the form can say it.
"""

from __future__ import annotations

import importlib
import os
import threading
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy.engine import make_url

from readout_desk.archive.errors import ArchiveError

#: The keyring service name the passwords are kept under.
KEYRING_SERVICE = "Readout Desk team archive"

_typed: dict[str, str] = {}
_lock = threading.Lock()


def account(location: str) -> str:
    """``user@host:port/database`` of a team archive URL: the key its password is kept
    under (the URL's own password, if someone wrote one there, is left out)."""
    host, port, database, user = team_fields(location)
    return f"{user}@{host}:{port}/{database}"


def remember_for_this_run(location: str, password: str) -> None:
    """Keep a typed password in memory for connections to ``location`` (never on disk)."""
    with _lock:
        _typed[account(location)] = password


def forget(location: str) -> None:
    """Drop a typed password."""
    with _lock:
        _typed.pop(account(location), None)


def _keyring() -> Any | None:
    """The optional ``keyring`` package (its functions are untyped), if installed."""
    try:
        return importlib.import_module("keyring")
    except ImportError:
        return None


def keyring_available() -> bool:
    """Whether the optional ``keyring`` package is installed."""
    return _keyring() is not None


def store_in_keyring(location: str, password: str) -> None:
    """Keep the password in the system keyring (``keyring`` must be installed)."""
    ring = _keyring()
    if ring is None:
        raise ArchiveError("The system keyring needs the keyring package: install Readout "
                           "Desk with its 'keyring' extra.")
    ring.set_password(KEYRING_SERVICE, account(location), password)


def _from_keyring(location: str) -> str | None:
    ring = _keyring()
    if ring is None:
        return None
    try:
        found = ring.get_password(KEYRING_SERVICE, account(location))
    except Exception:  # noqa: BLE001 - a locked or absent keyring backend: libpq's turn
        return None
    return str(found) if found else None


def _pgpass_matches(location: str) -> bool:
    """Whether the password file has a line for this host, port, database and user."""
    path = Path(os.environ.get("PGPASSFILE") or Path.home() / ".pgpass")
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return False
    user_host, _sep, rest = account(location).rpartition(":")
    user, _at, host = user_host.partition("@")
    port, _slash, database = rest.partition("/")
    wanted = (host, port, database, user)
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.replace("\\:", "\0").split(":")[:4]
        if len(fields) == 4 and all(f in ("*", w) for f, w in zip(fields, wanted, strict=True)):
            return True
    return False


def password_for(location: str) -> tuple[str | None, str]:
    """The password to hand the driver (``None``: let libpq find one) and where it comes
    from, in words for the connection form."""
    with _lock:
        typed = _typed.get(account(location))
    if typed is not None:
        return typed, "typed in the form (kept until Readout Desk ends)"
    stored = _from_keyring(location)
    if stored is not None:
        return stored, "the system keyring"
    if os.environ.get("PGPASSWORD"):
        return None, "PGPASSWORD"
    if _pgpass_matches(location):
        return None, "the password file (~/.pgpass)"
    if "service=" in location or os.environ.get("PGSERVICE"):
        return None, "the service file"
    return None, "none (the server asks for none, or refuses the login)"


def password_source(location: str) -> str:
    """Where the password for ``location`` comes from, in words."""
    return password_for(location)[1]


def team_url(host: str, port: int, database: str, user: str) -> str:
    """The URL of a team archive from the connection form's fields (no password): a host
    that is a folder is a Unix socket's."""
    host, database, user = host.strip(), database.strip(), user.strip()
    who = f"{quote(user, safe='')}@" if user else ""
    if host.startswith("/"):
        return f"postgresql://{who}/{quote(database, safe='')}?host={quote(host)}" + (
            f"&port={port}" if port != 5432 else "")
    return f"postgresql://{who}{host or 'localhost'}:{port}/{quote(database, safe='')}"


def team_fields(location: str) -> tuple[str, int, str, str]:
    """The connection form's fields (host, port, database, user) for a team archive URL."""
    url = make_url(location.replace("postgres://", "postgresql://", 1))
    host = url.host or str(url.query.get("host", "")) or "localhost"
    port = url.port or int(str(url.query.get("port", "5432")))
    return host, port, url.database or "", url.username or ""
