"""The participants table names each person once, with the Latin form beside a name in
its own script only when the two are written differently."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from readout_desk.ui.editor import ReadoutEditor
from tests.ui.editor.conftest import click, type_into
from tests.ui.editor.test_japanese_input import compose


def _clear(qtbot: QtBot, field: QWidget) -> None:
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_Backspace)


def _shown(editor: ReadoutEditor, row: int = 0) -> str:
    return str(editor.participants.rows.table.model().index(row, 0).data())


def _enter(qtbot: QtBot, editor: ReadoutEditor, honorific: str, family: str, given: str,
           printed: str) -> None:
    """Add a participant and type the name, family name first, as a person does (Latin
    letters typed, Japanese through an input method)."""
    people = editor.participants
    click(qtbot, people.rows.add_button)
    for field, value in ((people.honorific, honorific), (people.family, family),
                         (people.given, given)):
        if value.isascii():
            type_into(qtbot, field, value)
        else:
            compose(qtbot, field, value)
    people.family_first.setFocus()
    qtbot.keyClick(people.family_first, Qt.Key.Key_Space)
    assert people.family_first.isChecked()
    compose(qtbot, people.script_name, printed)


def test_a_kanji_name_entered_in_both_fields_shows_once(
        qtbot: QtBot, new_editor: ReadoutEditor) -> None:
    _enter(qtbot, new_editor, "", "桜井", "健太", "桜井健太")
    assert _shown(new_editor) == "桜井健太"


def test_a_latin_name_beside_the_printed_one_shows_both(
        qtbot: QtBot, new_editor: ReadoutEditor) -> None:
    _enter(qtbot, new_editor, "Mr.", "SAKURAI", "Kenta", "桜井健太")
    assert _shown(new_editor) == "桜井健太 (Mr. SAKURAI Kenta)"
    # Spaces aside, the same name: shown once, the honorific kept.
    people = new_editor.participants
    _clear(qtbot, people.family)
    compose(qtbot, people.family, "桜井")
    _clear(qtbot, people.given)
    compose(qtbot, people.given, "健 太")
    assert _shown(new_editor) == "Mr. 桜井健太"
