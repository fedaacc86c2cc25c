"""Inline validation: daylight-saving gaps and repeats, durations, printed times, required."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.ui.editor import ReadoutEditor
from tests.ui.editor.conftest import Answers, click, save, type_into


def _start(qtbot: QtBot, editor: ReadoutEditor, day: str, time: str, zone: str) -> None:
    type_into(qtbot, editor.when.title, "Meeting")
    type_into(qtbot, editor.when.meeting_date, day)
    click(qtbot, editor.sessions.rows.add_button)
    type_into(qtbot, editor.sessions.zone, zone)
    type_into(qtbot, editor.sessions.time, time)


def test_a_time_skipped_by_summer_time_is_refused_with_the_reason(
        qtbot: QtBot, new_editor: ReadoutEditor, archive: Archive) -> None:
    editor = new_editor
    _start(qtbot, editor, "2025-03-30", "2:30 a.m.", "Europe/Berlin")
    issue = editor.sessions.time_issue
    assert issue.isVisible()
    assert "2:30 a.m. on March 30 does not exist in Europe/Berlin" in issue.text()
    assert "the clocks went forward" in issue.text()
    assert "1:59 a.m." in issue.text() and "3:00 a.m." in issue.text()
    assert editor.sessions.nearest.isVisible()
    assert editor.sessions.use_after.text() == "Use 3:00 a.m."

    # Ctrl+S does not save while the error stands, and says why.
    assert editor.save() is False
    assert archive.count() == 0
    assert editor.problems.isVisible() and "does not exist" in editor.problems.text()
    assert editor.is_dirty()

    click(qtbot, editor.sessions.use_after)
    assert editor.sessions.time.text() == "03:00"
    assert not editor.sessions.time_issue.isVisible()
    save(qtbot, editor)
    (stored,) = archive.get_many(archive.all_ids())
    assert stored.sessions[0].start == dt.datetime(2025, 3, 30, 3, 0)


def test_a_time_that_occurs_twice_asks_which_one(
        qtbot: QtBot, new_editor: ReadoutEditor, archive: Archive) -> None:
    editor = new_editor
    _start(qtbot, editor, "2025-11-02", "1:30", "America/New_York")
    sessions = editor.sessions
    assert sessions.ambiguity.isVisible()
    assert "occurs twice" in sessions.time_issue.text()
    assert sessions.fold_first.text() == "The first: 1:30 a.m. EDT (UTC-4)"
    assert sessions.fold_second.text() == "The second: 1:30 a.m. EST (UTC-5)"
    assert not sessions.fold_first.isChecked() and not sessions.fold_second.isChecked()
    assert editor.save() is False and archive.count() == 0

    click(qtbot, sessions.fold_second)
    assert sessions.fold_second.isChecked()
    assert not sessions.time_issue.isVisible()
    assert "1:30 a.m." in sessions.preview.text()
    save(qtbot, editor)
    (stored,) = archive.get_many(archive.all_ids())
    assert stored.sessions[0].fold == 1
    # Choosing is undoable like any edit.
    assert editor.undo_stack.count() > 0


def test_changing_the_time_asks_again(qtbot: QtBot, new_editor: ReadoutEditor) -> None:
    editor = new_editor
    _start(qtbot, editor, "2025-11-02", "1:30", "America/New_York")
    click(qtbot, editor.sessions.fold_first)
    first = editor.sessions.current_session()
    assert first is not None and first.fold == 0
    type_into(qtbot, editor.sessions.time, "1:45")
    again = editor.sessions.current_session()
    assert again is not None and again.fold is None
    assert editor.sessions.ambiguity.isVisible()


def test_negative_and_absurd_durations_are_refused(
        qtbot: QtBot, new_editor: ReadoutEditor) -> None:
    editor = new_editor
    _start(qtbot, editor, "2023-05-03", "9:10", "America/Lima")
    type_into(qtbot, editor.sessions.minutes, "-15")
    assert "more than zero minutes" in editor.sessions.duration_issue.text()
    assert editor.sessions.minutes.property("issue") == "error"
    type_into(qtbot, editor.sessions.minutes, "")
    type_into(qtbot, editor.sessions.hours, "30")
    assert "longer than a day" in editor.sessions.duration_issue.text()
    assert editor.save() is False
    type_into(qtbot, editor.sessions.hours, "1")
    assert not editor.sessions.duration_issue.isVisible()


def test_a_printed_time_that_disagrees_is_a_warning_to_confirm(
        qtbot: QtBot, new_editor: ReadoutEditor, archive: Archive, answers: Answers) -> None:
    editor = new_editor
    _start(qtbot, editor, "2023-05-03", "9:10", "America/Lima")
    type_into(qtbot, editor.sessions.printed_text, "10:10 p.m. on May 3 JST")
    label = editor.sessions.printed_issue
    assert label.isVisible() and "disagrees" in label.text() and "11:10 p.m." in label.text()
    assert editor.built().errors == ()

    answers.next("confirmWarnings", "Cancel")
    assert editor.save() is False
    assert archive.count() == 0

    answers.next("confirmWarnings", "Save as printed")
    save(qtbot, editor)
    assert answers.asked == ["confirmWarnings", "confirmWarnings"]
    (stored,) = archive.get_many(archive.all_ids())
    printed = stored.sessions[0].printed_other
    assert printed is not None and printed.local == dt.datetime(2023, 5, 3, 22, 10)
    assert [f.session_index for f in archive.timing_flags()] == [0]


def test_required_fields_are_pointed_out_when_saving(
        qtbot: QtBot, new_editor: ReadoutEditor, archive: Archive) -> None:
    editor = new_editor
    # An empty new form is not shouted at...
    assert not editor.when.issue_labels["title"].isVisible()
    # ...but saving says what is missing, next to the fields.
    assert editor.save() is False
    assert editor.when.issue_labels["title"].isVisible()
    assert "needs a title" in editor.when.issue_labels["title"].text()
    assert "date of the meeting" in editor.when.issue_labels["meeting_date"].text()
    assert editor.problems.text().startswith("2 problems stop saving")
    type_into(qtbot, editor.when.meeting_date, "May 32, 2023")
    assert "not a date of the calendar" in editor.when.issue_labels["meeting_date"].text()
    assert archive.count() == 0
