"""Tab visits every dialog's fields in reading order: top to bottom, left to right."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.domain.draft import draft_of
from readout_desk.domain.records import Readout, SummaryPoint
from readout_desk.ui.editor.conflict import ConflictDialog
from readout_desk.ui.editor.merging import compare
from readout_desk.ui.first_run import HomeZoneDialog
from readout_desk.ui.help import HelpDialog
from readout_desk.ui.main_window import MainWindow
from readout_desk.ui.preferences import PreferencesDialog
from readout_desk.ui.relations import RelationsDialog
from readout_desk.ui.transfer.backups import BackupSettingsDialog
from readout_desk.ui.transfer.exporting import ExportDialog
from readout_desk.ui.transfer.importing import ImportDialog
from readout_desk.ui.transfer.trash import TrashDialog
from tests.ui.keyboard import tab_order_problems

OpenWindow = Callable[..., MainWindow]
AT = dt.datetime(2023, 5, 3, 14, 10, tzinfo=dt.timezone.utc)



def conflict_view(window: MainWindow) -> ConflictDialog:
    """The side-by-side view of a readout saved elsewhere with two fields changed while
    the form changed two (one of them the same)."""
    original = Readout(title="Japan-Ruritania Meeting", meeting_date=dt.date(2023, 5, 3),
                       lead="The ministers met.", id=1, version=1)
    theirs = replace(original, title="Their title", notes="Their note.", version=2)
    mine = replace(original, title="My title", points=(SummaryPoint("My point."),))
    return ConflictDialog(compare(original, theirs, mine, draft_of(mine)), original.version,
                          "Asia/Tokyo", window)


DIALOGS: dict[str, Callable[[MainWindow], QDialog]] = {
    "preferences": lambda w: PreferencesDialog(w.settings, w, at=AT),
    "export": ExportDialog,
    "import": ImportDialog,
    "trash": TrashDialog,
    "backup settings": BackupSettingsDialog,
    "relations": RelationsDialog,
    "home zone": lambda w: HomeZoneDialog(w, system_zone="Europe/Berlin", at=AT),
    "help": lambda w: HelpDialog("Keyboard Shortcuts", "shortcutsDialog", "# Keys", w),
    "compare and merge": conflict_view,
}


@pytest.mark.parametrize("name", list(DIALOGS))
def test_tab_follows_the_layout(qtbot: QtBot, open_window: OpenWindow, demo_archive: Archive,
                                name: str) -> None:
    window = open_window(demo_archive)
    dialog = DIALOGS[name](window)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    QApplication.processEvents()
    try:
        assert tab_order_problems(dialog) == []
    finally:
        dialog.close()
        dialog.deleteLater()
