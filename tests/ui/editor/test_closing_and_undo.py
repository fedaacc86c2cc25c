"""Unsaved changes are never lost silently; undo and redo work across the whole form."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.domain.records import Readout, SummaryPoint
from readout_desk.ui.editor import ReadoutEditor, open_editor, open_editors
from tests.ui.editor.conftest import HOME, Answers, click, close_all_editors, save, type_into


def _saved_readout(archive: Archive) -> Readout:
    return archive.add(Readout(title="Japan-Peru Foreign Ministers' Meeting",
                               meeting_date=dt.date(2023, 5, 3),
                               points=(SummaryPoint("First point."),)))


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_form(
        qtbot: QtBot, new_editor: ReadoutEditor, answers: Answers) -> None:
    editor = new_editor
    type_into(qtbot, editor.when.title, "Half-typed title")
    answers.next("unsavedChanges", "Cancel")
    editor.close()
    assert answers.asked == ["unsavedChanges"]
    assert editor.isVisible()
    assert editor.when.title.text() == "Half-typed title"

    answers.next("unsavedChanges", "Discard")
    editor.close()
    qtbot.waitUntil(lambda: editor not in open_editors() or not _alive(editor))
    assert answers.asked == ["unsavedChanges", "unsavedChanges"]


def _alive(editor: ReadoutEditor) -> bool:
    try:
        return editor.isVisible()
    except RuntimeError:
        return False


def test_closing_can_save_first(qtbot: QtBot, archive: Archive, answers: Answers) -> None:
    editor = open_editor(None, archive, readout_id=_saved_readout(archive).id, home_zone=HOME)
    assert editor is not None
    readout_id = editor.readout_id()
    assert readout_id is not None
    type_into(qtbot, editor.when.title, "Corrected title")
    answers.next("unsavedChanges", "Save")
    with qtbot.waitSignal(editor.saved, timeout=5000):
        editor.close()
    qtbot.waitUntil(lambda: not _alive(editor))
    assert archive.get(readout_id).title == "Corrected title"


def test_closing_without_changes_does_not_ask(qtbot: QtBot, archive: Archive,
                                              answers: Answers) -> None:
    editor = open_editor(None, archive, readout_id=_saved_readout(archive).id, home_zone=HOME)
    assert editor is not None
    editor.close()
    qtbot.waitUntil(lambda: not _alive(editor))
    assert answers.asked == []


def test_a_crash_between_two_saves_loses_at_most_the_unsaved_form(
        qtbot: QtBot, archive_path: Path) -> None:
    archive = Archive.open(archive_path)
    try:
        editor = open_editor(None, archive, readout_id=_saved_readout(archive).id,
                             home_zone=HOME)
        assert editor is not None
        readout_id = editor.readout_id()
        assert readout_id is not None
        editor.summary.list.setCurrentRow(0)
        type_into(qtbot, editor.summary.text, "Second version of the point.")
        save(qtbot, editor)
        type_into(qtbot, editor.summary.text, "Third version, never saved.")
        type_into(qtbot, editor.when.title, "Never saved either")
        assert editor.is_dirty()
        # The program dies: the window goes away without closing, the file is left as is.
        editor.runner.shutdown()
        editor._saved = editor.draft()
        editor.deleteLater()
    finally:
        archive.close()
    reopened = Archive.open(archive_path)
    try:
        assert reopened.integrity_problems() == []
        stored = reopened.get(readout_id)
        assert stored.points[0].text == "Second version of the point."
        assert stored.title == "Japan-Peru Foreign Ministers' Meeting"
        assert stored.version == 2
        assert [v.readout.points[0].text for v in reopened.history(readout_id)] == \
            ["First point."]
    finally:
        reopened.close()
        close_all_editors()


def test_undo_and_redo_work_across_fields(qtbot: QtBot, new_editor: ReadoutEditor) -> None:
    editor = new_editor
    type_into(qtbot, editor.when.title, "Title typed")
    type_into(qtbot, editor.when.city, "Lima")
    click(qtbot, editor.participants.rows.add_button)
    type_into(qtbot, editor.participants.family, "Gervasi")

    focus = editor.participants.family  # undo pressed while typing in a field
    undo = (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    redo = (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(focus, *undo)
    assert editor.participants.family.text() == ""
    assert editor.draft().participants[0].family_name == ""
    qtbot.keyClick(focus, *undo)  # the added participant goes away
    assert editor.draft().participants == ()
    assert editor.participants.rows.table.rowCount() == 0
    qtbot.keyClick(editor.when.city, *undo)
    assert editor.when.city.text() == ""
    assert editor.when.title.text() == "Title typed"
    qtbot.keyClick(editor.when.title, *redo)
    assert editor.when.city.text() == "Lima"
    qtbot.keyClick(editor.when.title, *redo)
    qtbot.keyClick(editor.when.title, *redo)
    assert editor.participants.family.text() == "Gervasi"
    assert editor.draft().participants[0].family_name == "Gervasi"


def test_undo_in_a_multi_line_field(qtbot: QtBot, new_editor: ReadoutEditor) -> None:
    editor = new_editor
    type_into(qtbot, editor.summary.lead, "The lead paragraph.")
    assert editor.draft().lead == "The lead paragraph."
    # Undo takes back the last word typed, not the whole text.
    qtbot.keyClick(editor.summary.lead, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.summary.lead.toPlainText() == "The lead"
    assert editor.draft().lead == "The lead"
    for _ in range(2):
        qtbot.keyClick(editor.summary.lead, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.summary.lead.toPlainText() == ""
    assert editor.draft().lead == ""
    assert not editor.is_dirty()
    qtbot.keyClick(editor.summary.lead, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert editor.draft().lead == "The"


def test_closing_the_main_window_asks_about_an_editor_with_changes(
        qtbot: QtBot, archive: Archive, answers: Answers) -> None:
    from readout_desk.ui.main_window import MainWindow

    window = MainWindow(archive)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(open_editors()), timeout=3000)
    editor = open_editors()[-1]
    type_into(qtbot, editor.when.title, "Not saved yet")
    answers.next("unsavedChanges", "Cancel")
    window.close()
    assert answers.asked == ["unsavedChanges"]
    assert window.isVisible() and editor.isVisible()
    answers.next("unsavedChanges", "Discard")
    window.close()
    assert not window.isVisible()
    qtbot.waitUntil(lambda: not _alive(editor), timeout=3000)
