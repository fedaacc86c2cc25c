"""Editor questions and messages met from the keyboard: Enter, scrolling, wording."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.domain import timing
from readout_desk.domain.records import Participant, Person, Readout
from readout_desk.ui.editor import ReadoutEditor, open_editor
from tests.ui.editor.conftest import HOME, close_all_editors, type_into


def test_enter_at_the_duplicate_question_does_not_save(qtbot: QtBot, archive: Archive) -> None:
    hayashi = Participant(person=Person(family_name="Hayashi", given_name="Yoshimasa"))
    archive.add(Readout(title="Japan-Peru Foreign Ministers' Meeting",
                        meeting_date=dt.date(2023, 5, 3), participants=(hayashi,)))
    editor = open_editor(None, archive, home_zone=HOME)
    assert editor is not None
    type_into(qtbot, editor.when.title, "Again")
    type_into(qtbot, editor.when.meeting_date, "2023-05-03")
    editor.participants.add()
    type_into(qtbot, editor.participants.family, "Hayashi")
    type_into(qtbot, editor.participants.given, "Yoshimasa")
    asked: list[str] = []

    def press_enter() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press_enter)
            return
        asked.append(box.objectName())
        qtbot.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, press_enter)
    try:
        assert editor.save()
        qtbot.waitUntil(lambda: bool(asked) and not editor.is_saving(), timeout=5000)
        assert asked == ["duplicateWarning"]
        assert archive.count() == 1
        assert editor.is_dirty()
    finally:
        close_all_editors()


def test_a_skipped_time_is_scrolled_into_view_with_its_buttons(
        qtbot: QtBot, new_editor: ReadoutEditor) -> None:
    editor = new_editor
    editor.resize(820, 600)
    type_into(qtbot, editor.when.meeting_date, "2025-03-30")
    editor.sessions.add()
    type_into(qtbot, editor.sessions.zone, "Europe/Berlin")
    type_into(qtbot, editor.sessions.time, "2:30")
    nearest = editor.sessions.use_after
    viewport = editor.form_scroll.viewport()

    def shown() -> bool:
        top = nearest.mapTo(viewport, QPoint(0, 0)).y()
        return top >= 0 and top + nearest.height() <= viewport.height()

    qtbot.waitUntil(shown, timeout=3000)
    assert ".." not in editor.sessions.time_issue.text()


@pytest.mark.parametrize(("wall", "zone", "says"), [
    (dt.datetime(2025, 3, 30, 2, 30), "Europe/Berlin",
     "went forward from 2:00 a.m. to 3:00 a.m.; the nearest valid times are 1:59 a.m. "
     "and 3:00 a.m."),
    (dt.datetime(2011, 12, 30, 10, 0), "Pacific/Apia",
     "went forward from 12:00 a.m. on December 30 to 12:00 a.m. on December 31"),
    (dt.datetime(2025, 4, 6, 1, 45), "Australia/Lord_Howe",
     "first at UTC+11, then at UTC+10:30."),
])
def test_daylight_saving_messages_read_well(wall: dt.datetime, zone: str, says: str) -> None:
    with pytest.raises(timing.TimingError) as raised:
        timing.resolve(wall, zone, None)
    message = str(raised.value)
    assert says in message
    assert ".." not in message and "(UTC+11)" not in message
