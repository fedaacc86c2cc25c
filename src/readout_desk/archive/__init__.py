"""Storage and search behind one façade, :class:`Archive`, and the package's public names.

The user interface and the command line import only from here (``from readout_desk.archive
import ...``), never from a module inside the package; ``tests/test_layers.py`` holds them to
it. Names are loaded on first use, so importing the package costs nothing until an archive
is opened (start-up paints the window before SQLAlchemy loads). Nothing here imports Qt.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# public name -> (module inside the package, name in that module)
_EXPORTS: dict[str, tuple[str, str]] = {
    # errors
    "ArchiveError": ("errors", "ArchiveError"),
    "ArchiveDamagedError": ("errors", "ArchiveDamagedError"),
    "ArchiveFullError": ("errors", "ArchiveFullError"),
    "ArchiveInterruptedError": ("errors", "ArchiveInterruptedError"),
    "ArchiveLockedError": ("errors", "ArchiveLockedError"),
    "ArchiveReadOnlyError": ("errors", "ArchiveReadOnlyError"),
    "ArchiveUnreachableError": ("errors", "ArchiveUnreachableError"),
    "ConflictError": ("errors", "ConflictError"),
    "NotFoundError": ("errors", "NotFoundError"),
    # the façade and what it returns
    "Archive": ("store", "Archive"),
    "FacetCount": ("search", "FacetCount"),
    "Facets": ("search", "Facets"),
    "TimingFlag": ("mapping", "TimingFlag"),
    "VersionInfo": ("mapping", "VersionInfo"),
    "name_key": ("mapping", "name_key"),
    # the database behind an archive
    "keyring_available": ("credentials", "keyring_available"),
    "password_source": ("credentials", "password_source"),
    "remember_password": ("credentials", "remember_for_this_run"),
    "store_in_keyring": ("credentials", "store_in_keyring"),
    "team_fields": ("credentials", "team_fields"),
    "team_url": ("credentials", "team_url"),
    "team_role_sql": ("postgres", "role_statements"),
    "watch_changes": ("changes", "watch"),
    "CopyResult": ("copying", "CopyResult"),
    "copy_archive": ("copying", "copy_archive"),
    "store_folder_photos": ("copying", "store_folder_photos"),
    "Backend": ("backend", "Backend"),
    "backend_for": ("backend", "backend_for"),
    # where an archive lives
    "is_sqlite_url": ("sqlite", "is_sqlite_url"),
    "location_file": ("sqlite", "file_path"),
    "read_first_page": ("sqlite_first_page", "read_first_page"),
    # marks around the matched words of a snippet
    "HIGHLIGHT_START": ("snippets", "HIGHLIGHT_START"),
    "HIGHLIGHT_END": ("snippets", "HIGHLIGHT_END"),
    # the demo
    "load_demo": ("demo", "load_demo"),
    # backups and recovery
    "BackupInfo": ("backup", "BackupInfo"),
    "BackupPreview": ("backup", "BackupPreview"),
    "BackupChoice": ("recovery", "Choice"),
    "Damage": ("recovery", "Damage"),
    "Opened": ("recovery", "Opened"),
    "RecoveryDeclined": ("recovery", "RecoveryDeclined"),
    "BACKUP_MANUAL": ("backup", "MANUAL"),
    "BACKUP_SCHEDULED": ("backup", "SCHEDULED"),
    "BACKUP_ON_EXIT": ("backup", "ON_EXIT"),
    "BACKUP_DEFAULT_KEEP": ("backup", "DEFAULT_KEEP"),
    "CHECK_ON_OPEN_MAX_BYTES": ("recovery", "CHECK_ON_OPEN_MAX_BYTES"),
    "backup_due": ("backup", "backup_due"),
    "changed_since_backup": ("backup", "changed_since_backup"),
    "create_backup": ("backup", "create_backup"),
    "default_backup_dir": ("backup", "default_backup_dir"),
    "describe_backups": ("backup", "describe_backups"),
    "file_problems": ("backup", "file_problems"),
    "examine_file": ("backup", "examine_file"),
    "latest_good_backup": ("backup", "latest_good_backup"),
    "list_backups": ("backup", "list_backups"),
    "open_with_recovery": ("recovery", "open_with_recovery"),
    "preview_backup": ("backup", "preview_backup"),
    "restore_backup": ("backup", "restore_backup"),
    # import and export
    "Cancelled": ("transfer.common", "Cancelled"),
    "CancelFn": ("transfer.common", "CancelFn"),
    "ProgressFn": ("transfer.common", "ProgressFn"),
    "EXPORT_FORMATS": ("transfer.exporting", "EXPORT_FORMATS"),
    "ExportResult": ("transfer.exporting", "ExportResult"),
    "export_readouts": ("transfer.exporting", "export_readouts"),
    "html_document": ("transfer.exporting", "html_document"),
    "iter_readouts": ("transfer.exporting", "iter_readouts"),
    "CSV_SUFFIXES": ("transfer.importing", "CSV_SUFFIXES"),
    "FileOutcome": ("transfer.importing", "FileOutcome"),
    "ImportSummary": ("transfer.importing", "ImportSummary"),
    "fingerprint": ("fingerprints", "fingerprint"),
    "expand_paths": ("transfer.importing", "expand_paths"),
    "import_files": ("transfer.importing", "import_files"),
    "CSV_FIELDS": ("transfer.csvio", "CSV_FIELDS"),
    "CSV_FIELD_NAMES": ("transfer.csvio", "FIELD_NAMES"),
    "CsvFormatError": ("transfer.csvio", "CsvFormatError"),
    "guess_csv_mapping": ("transfer.csvio", "guess_mapping"),
    "read_csv_table": ("transfer.csvio", "read_table"),
    # the review queue of drafts made from text files
    "DraftQueue": ("transfer.drafts", "DraftQueue"),
    "QueuedDraft": ("transfer.drafts", "QueuedDraft"),
    "queue_folder": ("transfer.drafts", "queue_folder"),
}

__all__ = [
    "Archive",
    "ArchiveDamagedError",
    "ArchiveError",
    "ArchiveFullError",
    "ArchiveInterruptedError",
    "ArchiveLockedError",
    "ArchiveReadOnlyError",
    "ArchiveUnreachableError",
    "BACKUP_DEFAULT_KEEP",
    "BACKUP_MANUAL",
    "BACKUP_ON_EXIT",
    "BACKUP_SCHEDULED",
    "Backend",
    "BackupChoice",
    "BackupInfo",
    "BackupPreview",
    "CHECK_ON_OPEN_MAX_BYTES",
    "CSV_FIELDS",
    "CSV_FIELD_NAMES",
    "CSV_SUFFIXES",
    "CancelFn",
    "Cancelled",
    "ConflictError",
    "CopyResult",
    "CsvFormatError",
    "Damage",
    "DraftQueue",
    "EXPORT_FORMATS",
    "ExportResult",
    "FacetCount",
    "Facets",
    "FileOutcome",
    "HIGHLIGHT_END",
    "HIGHLIGHT_START",
    "ImportSummary",
    "NotFoundError",
    "Opened",
    "ProgressFn",
    "QueuedDraft",
    "RecoveryDeclined",
    "TimingFlag",
    "VersionInfo",
    "backend_for",
    "backup_due",
    "changed_since_backup",
    "copy_archive",
    "create_backup",
    "default_backup_dir",
    "describe_backups",
    "examine_file",
    "expand_paths",
    "export_readouts",
    "file_problems",
    "fingerprint",
    "guess_csv_mapping",
    "html_document",
    "import_files",
    "is_sqlite_url",
    "iter_readouts",
    "keyring_available",
    "latest_good_backup",
    "list_backups",
    "load_demo",
    "location_file",
    "name_key",
    "open_with_recovery",
    "password_source",
    "preview_backup",
    "queue_folder",
    "read_csv_table",
    "read_first_page",
    "remember_password",
    "restore_backup",
    "store_folder_photos",
    "store_in_keyring",
    "team_fields",
    "team_role_sql",
    "team_url",
    "watch_changes",
]


def __getattr__(name: str) -> Any:
    try:
        module_name, attribute = _EXPORTS[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(f"{__name__}.{module_name}"), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))


if TYPE_CHECKING:
    from readout_desk.archive.backend import Backend, backend_for
    from readout_desk.archive.backup import DEFAULT_KEEP as BACKUP_DEFAULT_KEEP
    from readout_desk.archive.backup import MANUAL as BACKUP_MANUAL
    from readout_desk.archive.backup import ON_EXIT as BACKUP_ON_EXIT
    from readout_desk.archive.backup import SCHEDULED as BACKUP_SCHEDULED
    from readout_desk.archive.backup import (
        BackupInfo,
        BackupPreview,
        backup_due,
        changed_since_backup,
        create_backup,
        default_backup_dir,
        describe_backups,
        examine_file,
        file_problems,
        latest_good_backup,
        list_backups,
        preview_backup,
        restore_backup,
    )
    from readout_desk.archive.changes import watch as watch_changes
    from readout_desk.archive.copying import CopyResult, copy_archive, store_folder_photos
    from readout_desk.archive.credentials import (
        keyring_available,
        password_source,
        store_in_keyring,
        team_fields,
        team_url,
    )
    from readout_desk.archive.credentials import remember_for_this_run as remember_password
    from readout_desk.archive.demo import load_demo
    from readout_desk.archive.errors import (
        ArchiveDamagedError,
        ArchiveError,
        ArchiveFullError,
        ArchiveInterruptedError,
        ArchiveLockedError,
        ArchiveReadOnlyError,
        ArchiveUnreachableError,
        ConflictError,
        NotFoundError,
    )
    from readout_desk.archive.fingerprints import fingerprint
    from readout_desk.archive.mapping import TimingFlag, VersionInfo, name_key
    from readout_desk.archive.postgres import role_statements as team_role_sql
    from readout_desk.archive.recovery import (
        CHECK_ON_OPEN_MAX_BYTES,
        Damage,
        Opened,
        RecoveryDeclined,
        open_with_recovery,
    )
    from readout_desk.archive.recovery import Choice as BackupChoice
    from readout_desk.archive.search import FacetCount, Facets
    from readout_desk.archive.snippets import HIGHLIGHT_END, HIGHLIGHT_START
    from readout_desk.archive.sqlite import file_path as location_file
    from readout_desk.archive.sqlite import is_sqlite_url
    from readout_desk.archive.sqlite_first_page import read_first_page
    from readout_desk.archive.store import Archive
    from readout_desk.archive.transfer.common import CancelFn, Cancelled, ProgressFn
    from readout_desk.archive.transfer.csvio import CSV_FIELDS, CsvFormatError
    from readout_desk.archive.transfer.csvio import FIELD_NAMES as CSV_FIELD_NAMES
    from readout_desk.archive.transfer.csvio import guess_mapping as guess_csv_mapping
    from readout_desk.archive.transfer.csvio import read_table as read_csv_table
    from readout_desk.archive.transfer.drafts import DraftQueue, QueuedDraft, queue_folder
    from readout_desk.archive.transfer.exporting import (
        EXPORT_FORMATS,
        ExportResult,
        export_readouts,
        html_document,
        iter_readouts,
    )
    from readout_desk.archive.transfer.importing import (
        CSV_SUFFIXES,
        FileOutcome,
        ImportSummary,
        expand_paths,
        import_files,
    )
