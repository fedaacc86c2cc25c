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


def test_a_kanji_name_entered_in_both_fields_shows_once(
        qtbot: QtBot, new_editor: ReadoutEditor) -> None:
    people = new_editor.participants
    click(qtbot, people.rows.add_button)
    compose(qtbot, people.family, "桜井")
    compose(qtbot, people.given, "健太")
    people.family_first.setFocus()
    qtbot.keyClick(people.family_first, Qt.Key.Key_Space)
    assert people.family_first.isChecked()
    compose(qtbot, people.script_name, "桜井健太")
    assert _shown(new_editor) == "桜井健太"


def test_a_latin_name_beside_the_printed_one_shows_both(
        qtbot: QtBot, new_editor: ReadoutEditor) -> None:
    people = new_editor.participants
    click(qtbot, people.rows.add_button)
    type_into(qtbot, people.honorific, "Mr.")
    type_into(qtbot, people.family, "SAKURAI")
    type_into(qtbot, people.given, "Kenta")
    people.family_first.setFocus()
    qtbot.keyClick(people.family_first, Qt.Key.Key_Space)
    compose(qtbot, people.script_name, "桜井健太")
    assert _shown(new_editor) == "桜井健太 (Mr. SAKURAI Kenta)"
    # Spaces aside, the same name: shown once, the honorific kept.
    _clear(qtbot, people.family)
    compose(qtbot, people.family, "桜井")
    _clear(qtbot, people.given)
    compose(qtbot, people.given, "健 太")
    assert _shown(new_editor) == "Mr. 桜井健太"
