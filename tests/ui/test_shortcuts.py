"""No key is taken twice in one window: every window and dialog, walked one by one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.ui.about import AboutDialog
from readout_desk.ui.editor import open_editor
from readout_desk.ui.editor.history import HistoryDialog
from readout_desk.ui.first_run import HomeZoneDialog
from readout_desk.ui.help import HelpDialog, shortcuts_text
from readout_desk.ui.main_window import MainWindow
from readout_desk.ui.paste import Extraction, PasteDialog
from readout_desk.ui.preferences import PreferencesDialog
from readout_desk.ui.relations import RelationsDialog
from readout_desk.ui.settings import Settings
from readout_desk.ui.timing_check import TimingCheckDialog
from readout_desk.ui.transfer.backups import BackupsDialog, BackupSettingsDialog
from readout_desk.ui.transfer.drafts import DraftsDialog
from readout_desk.ui.transfer.exporting import ExportDialog
from readout_desk.ui.transfer.importing import ImportDialog
from readout_desk.ui.transfer.trash import TrashDialog
from tests.ui.editor.conftest import close_all_editors
from tests.ui.keyboard import clashes, mnemonic
from tests.ui.test_tab_order_dialogs import conflict_view
from tests.ui.translation import japanese

__all__ = ["japanese"]  # the fixture, used by name

OpenWindow = Callable[..., MainWindow]
AT = dt.datetime(2023, 5, 3, 14, 10, tzinfo=dt.timezone.utc)


def _dialogs(window: MainWindow, archive: Archive) -> list[QWidget]:
    readout_id = window.current_readout_id()
    assert readout_id is not None
    editor = open_editor(window, archive, readout_id=readout_id)
    assert editor is not None
    return [
        window,
        editor,
        HistoryDialog(archive, readout_id, editor),
        PreferencesDialog(window.settings, window, at=AT),
        RelationsDialog(window),
        TimingCheckDialog(window),
        AboutDialog(archive, window),
        ExportDialog(window),
        ImportDialog(window),
        TrashDialog(window),
        DraftsDialog(window),
        BackupsDialog(window),
        BackupSettingsDialog(window),
        HomeZoneDialog(window, at=AT),
        HelpDialog("Keyboard Shortcuts", "shortcutsDialog", shortcuts_text(), window),
        PasteDialog(window, Extraction(window)),
        conflict_view(window),
    ]


def test_no_window_or_dialog_answers_one_key_twice(
        qtbot: QtBot, open_window: OpenWindow, demo_archive: Archive) -> None:
    _no_key_taken_twice(qtbot, open_window, demo_archive)


def test_no_key_is_taken_twice_in_the_japanese_interface_either(
        qtbot: QtBot, japanese: None, open_window: OpenWindow, demo_archive: Archive) -> None:
    """Japanese menus and buttons keep their letters as "(&F)" suffixes: still one each."""
    _no_key_taken_twice(qtbot, open_window, demo_archive)


def _no_key_taken_twice(qtbot: QtBot, open_window: OpenWindow, demo_archive: Archive) -> None:
    window = open_window(demo_archive, Settings(), home_zone="Asia/Tokyo")
    qtbot.waitUntil(lambda: window.current_readout_id() is not None)
    walked = _dialogs(window, demo_archive)
    try:
        problems = [p for w in walked for p in clashes(w)]
        assert problems == [], "\n".join(problems)
    finally:
        close_all_editors()
        for w in walked[2:]:
            w.deleteLater()


def test_the_editor_mnemonics_named_in_the_task_each_do_one_thing(
        qtbot: QtBot, archive: Archive) -> None:
    editor = open_editor(None, archive, home_zone="Asia/Tokyo")
    assert editor is not None
    try:
        buttons = {mnemonic(b.text()): b.objectName()
                   for b in editor.findChildren(QPushButton) if mnemonic(b.text())}
        labels = {mnemonic(label.text()): label.text() for label in editor.findChildren(QLabel)
                  if label.buddy() is not None and mnemonic(label.text())}
        assert buttons["P"] == "participantsAdd"
        assert buttons["A"] == "sessionsAdd"
        assert buttons["D"] == "pointsAdd"
        assert labels["N"] == "Pri&nted second time:"
        assert labels["H"] == "Publis&her:"
        assert clashes(editor) == []
    finally:
        close_all_editors()


@pytest.mark.parametrize(("texts", "expected"), [
    (["&Add participant", "&Add session"], "Alt+A"),
    (["Add &point", "&Printed second time"], "Alt+P"),
])
def test_the_clash_check_finds_a_letter_taken_twice(
        qtbot: QtBot, texts: list[str], expected: str) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    for text in texts:
        QPushButton(text, window)
    found = clashes(window)
    assert len(found) == 1 and expected in found[0]
