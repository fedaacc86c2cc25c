"""Tab visits every dialog's fields in reading order: top to bottom, left to right."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
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

DIALOGS: dict[str, Callable[[MainWindow], QDialog]] = {
    "preferences": lambda w: PreferencesDialog(w.settings, w, at=AT),
    "export": ExportDialog,
    "import": ImportDialog,
    "trash": TrashDialog,
    "backup settings": BackupSettingsDialog,
    "relations": RelationsDialog,
    "home zone": lambda w: HomeZoneDialog(w, system_zone="Europe/Berlin", at=AT),
    "help": lambda w: HelpDialog("Keyboard Shortcuts", "shortcutsDialog", "# Keys", w),
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
