"""Moving readouts in and out of an archive: import, export and their formats.

Nothing here imports Qt; the dialogs in ``readout_desk.ui.transfer`` and the command
line both call these functions, passing a progress callback and a cancel check.

- :mod:`.importing`: JSON (full fidelity) and CSV (with a column mapping), one
  transaction per file, duplicates skipped, a summary at the end.
- :mod:`.exporting`: JSON, CSV (readouts and sessions), Markdown, HTML and iCalendar.
"""

from readout_desk.archive.transfer.common import Cancelled, ProgressFn
from readout_desk.archive.transfer.exporting import (
    EXPORT_FORMATS,
    ExportResult,
    export_readouts,
)
from readout_desk.archive.transfer.importing import (
    FileOutcome,
    ImportSummary,
    import_files,
)

__all__ = [
    "EXPORT_FORMATS",
    "Cancelled",
    "ExportResult",
    "FileOutcome",
    "ImportSummary",
    "ProgressFn",
    "export_readouts",
    "import_files",
]
