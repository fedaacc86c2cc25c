"""Japanese typed through an input method into the editor's fields, as a person does.

Text arrives in a field as an input method sends it: the reading composed as pre-edit
text, then the converted text committed. No shortcut may fire while that happens, and
what is committed is what the field holds. The form reads the Japanese forms of dates,
times and durations, and keeps a participant's name in its own script beside the Latin
one, so that search finds the readout by either.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QInputMethodEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.ui.editor import ReadoutEditor
from tests.ui.conftest import wait_for_search
from tests.ui.editor.conftest import click, save, type_into, wait
from tests.ui.test_japanese_search_field import OpenWindow, type_like_a_person


@contextmanager
def nothing_fires(top: QWidget) -> Iterator[list[str]]:
    """Record every action and shortcut of ``top`` that fires; assert none did."""
    fired: list[str] = []
    for action in top.findChildren(QAction):
        action.triggered.connect(lambda _c=False, a=action: fired.append(a.text()))
    for shortcut in top.findChildren(QShortcut):
        key = shortcut.key().toString()
        shortcut.activated.connect(lambda k=key: fired.append(k))
        shortcut.activatedAmbiguously.connect(lambda k=key: fired.append(k))
    yield fired
    assert fired == []


def _text(widget: QWidget) -> str:
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    assert isinstance(widget, QLineEdit)
    return widget.text()


def compose(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` through an input method, checking each step: the
    pre-edit text is not yet the field's, the commit is, and no shortcut fired."""
    widget.setFocus()
    top = widget.window()
    before = _text(widget)
    with nothing_fires(top):
        for end in range(1, len(text) + 1):
            QApplication.sendEvent(widget, QInputMethodEvent(text[:end], []))
            assert _text(widget) == before, "pre-edit text counted as typed"
        commit = QInputMethodEvent()
        commit.setCommitString(text)
        QApplication.sendEvent(widget, commit)
    assert _text(widget) == before + text


def test_a_japanese_readout_typed_through_an_input_method(
        qtbot: QtBot, new_editor: ReadoutEditor, archive: Archive) -> None:
    editor, when = new_editor, new_editor.when
    compose(qtbot, when.section, "ペルー")
    compose(qtbot, when.meeting_date, "令和５年５月３日")
    compose(qtbot, when.title, "日・ペルー外相会談")
    type_into(qtbot, when.city, "Lima")
    type_into(qtbot, when.country, "Peru")
    wait(qtbot, lambda: editor.draft().place_zone == "America/Lima")

    people = editor.participants
    click(qtbot, people.rows.add_button)
    type_into(qtbot, people.family, "HAYASHI")
    type_into(qtbot, people.given, "Yoshimasa")
    compose(qtbot, people.script_name, "林芳正")
    office = people.office.lineEdit()
    assert office is not None
    compose(qtbot, office, "外務大臣")
    assert people.rows.table.model().index(0, 0).data() == "林芳正 (Yoshimasa HAYASHI)"

    sessions = editor.sessions
    click(qtbot, sessions.rows.add_button)
    compose(qtbot, sessions.time, "午前9時10分頃")
    qtbot.keyClick(sessions.time, Qt.Key.Key_Tab)  # the hedge moves to its field
    assert (sessions.time.text(), sessions.time_hedge.value()) == ("午前9時10分", "around")
    compose(qtbot, sessions.hours, "約1時間30分")
    qtbot.keyClick(sessions.hours, Qt.Key.Key_Tab)  # leaving the field spreads it out
    assert (sessions.hours.text(), sessions.minutes.text()) == ("1", "30")
    assert sessions.duration_hedge.value() == "approximately"
    compose(qtbot, sessions.printed_text, "日本時間同日午後11時10分")

    compose(qtbot, editor.summary.lead, "林芳正外務大臣は、ペルー外務大臣と会談を行いました。")
    assert editor.built().issues == ()
    # The sessions table shows the timing as a Japanese readout prints it.
    wait(qtbot, lambda: sessions.rows.table.model().index(0, 4).data() == (
        "現地時間5月3日午前9時10分頃（日本時間同日午後11時10分）から約1時間30分"))
    save(qtbot, editor)
    readout_id = editor.readout_id()
    assert readout_id is not None
    saved = archive.get(readout_id)
    assert (saved.title, saved.section, saved.meeting_date) == (
        "日・ペルー外相会談", "ペルー", dt.date(2023, 5, 3))
    (hayashi,) = saved.participants
    assert (hayashi.printed_name, hayashi.person.family_name, hayashi.office) == (
        "林芳正", "HAYASHI", "外務大臣")
    (session,) = saved.sessions
    assert (session.start, session.time_hedge) == (dt.datetime(2023, 5, 3, 9, 10), "around")
    assert (session.duration_minutes, session.duration_hedge) == (90, "approximately")
    assert session.printed_other is not None
    assert session.printed_other.local == dt.datetime(2023, 5, 3, 23, 10)
    # A person is found by the name in either script.
    assert archive.search_ids("林芳正") == [saved.id]
    assert archive.search_ids("Hayashi") == [saved.id]


def test_an_impossible_era_date_is_explained_under_the_field(
        qtbot: QtBot, new_editor: ReadoutEditor) -> None:
    compose(qtbot, new_editor.when.meeting_date, "平成31年5月1日")
    wait(qtbot, lambda: any("Heisei" in i.message for i in new_editor.built().issues))
    (issue,) = [i for i in new_editor.built().issues if "Heisei" in i.message]
    assert "令和元年5月1日" in issue.message


def test_composing_in_the_search_field_fires_no_shortcut(
        qtbot: QtBot, open_window: OpenWindow, archive: Archive) -> None:
    window = open_window(archive)
    compose(qtbot, window.search_field, "外相会談")
    with nothing_fires(window):
        type_like_a_person(qtbot, window.search_field, " ペルー")
    wait_for_search(qtbot, window)
    assert window.search_field.text() == "外相会談 ペルー"


_KEYS_WITHOUT_TEXT = {
    Qt.Key.Key_Delete, Qt.Key.Key_Insert, Qt.Key.Key_Escape, Qt.Key.Key_Return,
    Qt.Key.Key_Enter, Qt.Key.Key_Backspace, Qt.Key.Key_Tab, Qt.Key.Key_Up, Qt.Key.Key_Down,
    Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown, Qt.Key.Key_Close,
    *(Qt.Key(Qt.Key.Key_F1.value + i) for i in range(12)),
}
_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
              | Qt.KeyboardModifier.MetaModifier)


def _bad_shortcuts(top: QWidget) -> list[str]:
    """Shortcuts an input method's typing could set off: a bare key that types a character,
    or a key no Japanese keyboard layout has in the Latin position (anything beyond ASCII)."""
    sequences = [(a.text(), s) for a in top.findChildren(QAction) for s in a.shortcuts()]
    sequences += [("shortcut", s.key()) for s in top.findChildren(QShortcut)]
    bad = []
    for name, sequence in sequences:
        for i in range(sequence.count()):
            combo = sequence[i]  # type: ignore[index]  # QKeySequence.operator[]
            key, modifiers = combo.key(), combo.keyboardModifiers()
            if key in _KEYS_WITHOUT_TEXT:
                continue
            if not modifiers & _MODIFIERS:
                bad.append(f"{name}: {sequence.toString()} is a bare key")
            elif key.value > 0x7E:
                bad.append(f"{name}: {sequence.toString()} is no ASCII key")
    return bad


def test_every_shortcut_is_ctrl_or_alt_with_a_latin_key_or_a_key_that_types_nothing(
        qtbot: QtBot, new_editor: ReadoutEditor, open_window: OpenWindow,
        archive: Archive) -> None:
    window = open_window(archive)
    assert _bad_shortcuts(new_editor) == []
    assert _bad_shortcuts(window) == []
    assert any(QKeySequence("Ctrl+S") in a.shortcuts() for a in new_editor.findChildren(QAction))
