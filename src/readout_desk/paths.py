"""Where Readout Desk keeps its files. The only module that asks appdirs.

Tests and portable installs point everything elsewhere with :func:`set_base_dir`
or the ``READOUT_DESK_HOME`` environment variable.
"""

from __future__ import annotations

import os
from pathlib import Path

import appdirs

APP_NAME = "ReadoutDesk"
APP_AUTHOR = "ReadoutDesk"
DB_ENV = "READOUT_DESK_DB"
HOME_ENV = "READOUT_DESK_HOME"
#: The folder every client of a team archive reaches (a network share) for its photos.
ATTACHMENTS_ENV = "READOUT_DESK_ATTACHMENTS"

_base_override: Path | None = None


def set_base_dir(path: Path | None) -> None:
    """Keep data, config, logs and cache under ``path`` (``None`` restores the default)."""
    global _base_override
    _base_override = Path(path) if path is not None else None


def _base() -> Path | None:
    if _base_override is not None:
        return _base_override
    env = os.environ.get(HOME_ENV)
    return Path(env) if env else None


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def team_attachments_dir() -> Path | None:
    """Where the photos of a team archive are kept: the shared folder
    ``READOUT_DESK_ATTACHMENTS`` names, or ``None`` (the archive then keeps none)."""
    env = os.environ.get(ATTACHMENTS_ENV)
    return Path(env).expanduser() if env else None


def data_dir() -> Path:
    """The folder holding the default archive and its attachments."""
    base = _base()
    return _ensure(base / "data" if base else Path(appdirs.user_data_dir(APP_NAME, APP_AUTHOR)))


def config_dir() -> Path:
    """The folder holding settings."""
    base = _base()
    return _ensure(
        base / "config" if base else Path(appdirs.user_config_dir(APP_NAME, APP_AUTHOR))
    )


def topic_file() -> Path:
    """The user's own topics and aliases, read besides the shipped list (need not exist)."""
    return config_dir() / "topics.json"


def kind_file() -> Path:
    """The user's own kinds of meeting, read besides the shipped list (need not exist)."""
    return config_dir() / "kinds.json"


def log_dir() -> Path:
    """The folder holding log files."""
    base = _base()
    return _ensure(base / "logs" if base else Path(appdirs.user_log_dir(APP_NAME, APP_AUTHOR)))


def cache_dir() -> Path:
    """The folder for things that can be rebuilt."""
    base = _base()
    return _ensure(base / "cache" if base else Path(appdirs.user_cache_dir(APP_NAME, APP_AUTHOR)))


def default_archive_path() -> Path:
    """The embedded default archive: a SQLite file in the data folder."""
    return data_dir() / "archive.sqlite3"


def archive_location(cli_value: str | None = None) -> str:
    """The archive to open: ``--db``, else ``READOUT_DESK_DB``, else the default file."""
    if cli_value:
        return cli_value
    env = os.environ.get(DB_ENV)
    if env:
        return env
    return str(default_archive_path())
