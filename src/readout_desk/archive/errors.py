"""Errors the archive raises; each message is one plain sentence for the user."""

from __future__ import annotations


class ArchiveError(Exception):
    """Something the user should be told about the archive, in one sentence."""


class ArchiveLockedError(ArchiveError):
    """Another process holds the archive and did not let go in time."""


class ArchiveDamagedError(ArchiveError):
    """The file is not a readable Readout Desk archive."""


class ArchiveReadOnlyError(ArchiveError):
    """A change was asked of an archive opened read-only."""


class ArchiveFullError(ArchiveError):
    """The disk is full; the change was not made."""


class NotFoundError(ArchiveError):
    """No readout has that id."""
