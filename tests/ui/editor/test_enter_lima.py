"""Entering the Lima readout by hand, finding it, correcting it, restoring its history."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.domain.records import NameOrder
from readout_desk.ui.editor import ReadoutEditor, open_editors
from readout_desk.ui.editor.history import HistoryDialog
from readout_desk.ui.main_window import MainWindow
from tests.ui.editor.conftest import HOME, Answers, choose, click, save, type_into, wait

LIMA_LINE_1 = ("commencing at 9:10 a.m. (local time; 11:10 p.m. on May 3 JST) "
               "for approximately 15 minutes")
LIMA_LINE_2 = ("commencing at 9:40 a.m. (local time; 11:40 p.m. on May 3 JST) "
               "for approximately 90 minutes")
POINT_1 = ("At the outset, Minister Hayashi stated that Japan and Peru are important "
           "strategic partners.")
POINT_2 = "Minister Hayashi expressed his hope that the CPTPP would be utilized."


def _main_window(qtbot: QtBot, archive: Archive) -> MainWindow:
    window = MainWindow(archive)
    window.settings.set_home_zone(HOME)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.status_hits.text() != "", timeout=5000)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    return window


def enter_lima(qtbot: QtBot, editor: ReadoutEditor) -> None:
    """Type the Lima readout into an empty editor, field by field."""
    when = editor.when
    type_into(qtbot, when.section, "Japan-Peru Relations")
    type_into(qtbot, when.meeting_date, "2023-05-03")
    type_into(qtbot, when.published_date, "May 3, 2023")
    type_into(qtbot, when.title, "Japan-Peru Foreign Ministers' Meeting")
    type_into(qtbot, when.city, "Lima")
    type_into(qtbot, when.country, "Peru")
    # The place suggests its zone: Lima keeps America/Lima time.
    wait(qtbot, lambda: editor.draft().place_zone == "America/Lima")
    assert editor.zone_suggestions()[0] == "America/Lima"
    type_into(qtbot, when.relation, "Japan, Peru")

    people = editor.participants
    click(qtbot, people.rows.add_button)
    type_into(qtbot, people.honorific, "Mr.")
    type_into(qtbot, people.family, "HAYASHI")
    type_into(qtbot, people.given, "Yoshimasa")
    people.family_first.setFocus()
    qtbot.keyClick(people.family_first, Qt.Key.Key_Space)
    type_into(qtbot, people.office, "Minister for Foreign Affairs")
    type_into(qtbot, people.country, "Japan")
    click(qtbot, people.rows.add_button)
    type_into(qtbot, people.honorific, "H.E. Ms.")
    type_into(qtbot, people.family, "Gervasi")
    type_into(qtbot, people.given, "Ana")
    type_into(qtbot, people.office, "Minister of Foreign Affairs")
    type_into(qtbot, people.country, "Peru")
    table = people.rows.table
    names = []
    for row in range(table.rowCount()):
        item = table.item(row, 0)
        assert item is not None
        names.append(item.text())
    assert names == ["Mr. HAYASHI Yoshimasa", "H.E. Ms. Ana Gervasi"]

    sessions = editor.sessions
    for kind, time, minutes, printed in (
            ("small group meeting", "9:10", "15", "11:10 p.m. on May 3 JST"),
            ("plenary meeting", "9:40 a.m.", "90", "11:40 p.m. on May 3 JST")):
        click(qtbot, sessions.rows.add_button)
        assert sessions.zone.zone() == "America/Lima"  # suggested from the place
        type_into(qtbot, sessions.kind, kind)
        type_into(qtbot, sessions.time, time)
        choose(qtbot, sessions.duration_hedge, "approximately")
        type_into(qtbot, sessions.minutes, minutes)
        type_into(qtbot, sessions.printed_text, printed)
        assert sessions.printed_zone.zone() == HOME

    summary = editor.summary
    type_into(qtbot, summary.lead, "On May 3, Mr. HAYASHI Yoshimasa held a meeting with "
                                   "H.E. Ms. Ana Gervasi.")
    for text in (POINT_1, POINT_2):
        click(qtbot, summary.add_button)
        type_into(qtbot, summary.text, text)
    type_into(qtbot, summary.speaker, "Minister Hayashi")

    for topic in ("CPTPP", "APEC"):
        type_into(qtbot, editor.topics.entry, topic)
        qtbot.keyClick(editor.topics.entry, Qt.Key.Key_Return)
    type_into(qtbot, editor.source.publisher, "Ministry of Foreign Affairs of Japan")


def test_enter_save_find_edit_and_restore_the_lima_readout(
        qtbot: QtBot, archive: Archive, answers: Answers) -> None:
    window = _main_window(qtbot, archive)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    wait(qtbot, lambda: open_editors())
    editor = open_editors()[-1]
    assert editor.objectName() == "readoutEditor"
    assert editor.parentWidget() is window  # closed with the main window
    enter_lima(qtbot, editor)

    preview = editor.sessions.preview.text()
    assert LIMA_LINE_1 in preview and LIMA_LINE_2 in preview
    assert editor.built().issues == ()
    assert editor.isWindowModified()
    save(qtbot, editor)
    assert not editor.is_dirty()
    readout_id = editor.readout_id()
    assert readout_id is not None

    stored = archive.get(readout_id)
    assert [p.display_name for p in stored.participants] == \
        ["Mr. HAYASHI Yoshimasa", "H.E. Ms. Ana Gervasi"]
    assert stored.participants[0].person.name_order is NameOrder.FAMILY_FIRST
    assert [s.zone for s in stored.sessions] == ["America/Lima", "America/Lima"]
    assert [s.duration_minutes for s in stored.sessions] == [15, 90]
    assert stored.topics == ("CPTPP", "APEC")
    assert stored.points[1].speaker == "Minister Hayashi"

    # The list sees it at once; searching finds it and the detail shows Tokyo time.
    type_into(qtbot, window.search_field, "Gervasi")
    wait(qtbot, lambda: window.current_readout_id() == readout_id)
    wait(qtbot, lambda: "11:10 p.m. on May 3 JST" in window.detail.toPlainText())
    assert LIMA_LINE_1 in " ".join(window.detail.toPlainText().split())

    # Correct a summary point and save again.
    summary = editor.summary
    summary.list.setCurrentRow(0)
    type_into(qtbot, summary.text, "At the outset, Minister Hayashi welcomed the 150th "
                                   "anniversary.")
    save(qtbot, editor)
    assert archive.get(readout_id).version == 2
    assert archive.get(readout_id).points[0].text.endswith("150th anniversary.")

    # The history shows what changed and brings the earlier version back.
    qtbot.keyClick(editor, Qt.Key.Key_H,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    wait(qtbot, lambda: editor.findChild(HistoryDialog, "historyDialog") is not None)
    dialog = editor.findChild(HistoryDialog, "historyDialog")
    assert dialog is not None
    wait(qtbot, dialog.version_labels)  # read off the UI thread
    assert dialog.version_labels()[0].startswith("Current (version 2)")
    assert dialog.version_labels()[1].startswith("Version 1")
    rows = {field: (before, after) for field, before, after in dialog.change_rows()}
    assert rows["Point 1."] == (POINT_1, "At the outset, Minister Hayashi welcomed the 150th "
                                         "anniversary.")
    answers.next("confirmRestore", "Restore")
    with qtbot.waitSignal(editor.saved, timeout=5000):
        click(qtbot, dialog.restore_button)
    assert answers.asked == ["confirmRestore"]
    restored = archive.get(readout_id)
    assert restored.points[0].text == POINT_1 and restored.version == 3
    assert editor.summary.text.toPlainText() == POINT_1
    assert not editor.is_dirty()
    assert [v.version for v in archive.history(readout_id)] == [2, 1]


def test_enter_or_double_click_on_a_result_opens_the_editor(
        qtbot: QtBot, demo_archive: Archive) -> None:
    window = _main_window(qtbot, demo_archive)
    wait(qtbot, lambda: window.current_readout_id() is not None)
    current = window.current_readout_id()
    assert current is not None
    window.results.setFocus()
    qtbot.keyClick(window.results, Qt.Key.Key_Return)
    wait(qtbot, lambda: open_editors())
    editor = open_editors()[-1]
    assert editor.readout_id() == current
    assert editor.draft().title == demo_archive.get(current).title
    assert not editor.is_dirty()
    # Asking again raises the same window instead of opening a second one.
    window.readoutActivated.emit(current)
    assert len([e for e in open_editors() if e.readout_id() == current]) == 1


def test_the_main_window_offers_new_edit_and_history(qtbot: QtBot, demo_archive: Archive) -> None:
    window = _main_window(qtbot, demo_archive)
    names = {a.objectName() for a in window.menu("File").actions()}
    assert "actionNewReadout" in names
    readout_names = {a.objectName() for a in window.menu("Readout").actions()}
    assert {"actionEditReadout", "actionReadoutHistoryMain"} <= readout_names
    wait(qtbot, lambda: window.current_readout_id() is not None)
    current = window.current_readout_id()
    assert current is not None
    demo_archive.update(demo_archive.get(current))  # a second version
    history = next(a for a in window.menu("Readout").actions()
                   if a.objectName() == "actionReadoutHistoryMain")
    history.trigger()
    editor = next(e for e in open_editors() if e.readout_id() == current)
    dialog = editor.findChild(HistoryDialog, "historyDialog")
    assert dialog is not None
    wait(qtbot, dialog.version_labels)  # read off the UI thread
    assert len(dialog.version_labels()) == 2
