"""Storage and search: the SQLite archive behind one façade, :class:`Archive`.

Nothing here imports Qt.
"""

from readout_desk.archive.errors import (
    ArchiveDamagedError,
    ArchiveError,
    ArchiveFullError,
    ArchiveLockedError,
    ArchiveReadOnlyError,
    NotFoundError,
)
from readout_desk.archive.store import Archive, FacetCount, Facets, TimingFlag, VersionInfo

__all__ = [
    "Archive",
    "ArchiveDamagedError",
    "ArchiveError",
    "ArchiveFullError",
    "ArchiveLockedError",
    "ArchiveReadOnlyError",
    "FacetCount",
    "Facets",
    "NotFoundError",
    "TimingFlag",
    "VersionInfo",
]
