"""Errors the archive raises; each message is one plain sentence for the user."""

from __future__ import annotations

from readout_desk.domain.messages import Message


class ArchiveError(Exception):
    """Something the user should be told about the archive, in one sentence."""


class ArchiveLockedError(ArchiveError):
    """Another process holds the archive and did not let go in time."""


class ArchiveDamagedError(ArchiveError):
    """The file is not a readable Readout Desk archive."""


class ArchiveReadOnlyError(ArchiveError):
    """A change was asked of an archive opened read-only."""


class ArchiveInterruptedError(ArchiveError):
    """A read was stopped before it finished (:meth:`Archive.interrupt`); nothing changed."""


class ArchiveUnreachableError(ArchiveError):
    """The server of a team archive cannot be reached, or the connection to it was lost
    during the work; nothing was changed, and the same work may be tried again."""


class ArchiveFullError(ArchiveError):
    """The disk is full; the change was not made."""


class NotFoundError(ArchiveError):
    """No readout has that id."""


class ConflictError(ArchiveError):
    """A readout was saved elsewhere after it was read; saving over it was refused."""

    def __init__(self, readout_id: int, read_version: int, current_version: int) -> None:
        super().__init__(Message(
            "Readout {id} was saved elsewhere while it was being edited (version {read} was "
            "read, the archive now holds version {current}), so this change was not saved "
            "over it.", id=readout_id, read=read_version, current=current_version))
        self.readout_id = readout_id
        self.read_version = read_version
        self.current_version = current_version
