"""The Japanese forms of a participant's office and of the city (``外務大臣``, ``リマ``): fields of
their own beside the Latin ones, reached by Tab where a person expects them, typed through an
input method, kept when the readout is saved and shown again when it is opened."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.ui.editor import ReadoutEditor, open_editor
from tests.ui.editor.conftest import HOME, close_all_editors, save, type_into, wait
from tests.ui.editor.test_japanese_input import compose


def _tab(qtbot: QtBot) -> QWidget | None:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_Tab)
    return QApplication.focusWidget()


def test_the_japanese_forms_are_typed_by_keys_and_kept(
        qtbot: QtBot, new_editor: ReadoutEditor, archive: Archive) -> None:
    editor, when, people = new_editor, new_editor.when, new_editor.participants
    type_into(qtbot, when.title, "Japan-Peru Foreign Ministers' Meeting")
    type_into(qtbot, when.meeting_date, "2023-05-03")
    type_into(qtbot, when.city, "Lima")
    # Tab from the city goes to its Japanese form, then on to the country.
    assert _tab(qtbot) is when.city_ja
    compose(qtbot, when.city_ja, "リマ")
    assert _tab(qtbot) is when.country
    qtbot.keyClicks(when.country, "Peru")
    wait(qtbot, lambda: editor.draft().place_zone == "America/Lima")

    people.rows.table.setFocus()
    qtbot.keyClick(people.rows.table, Qt.Key.Key_Insert)
    type_into(qtbot, people.family, "Gervasi")
    type_into(qtbot, people.office, "Minister of Foreign Affairs")
    # Tab from the office goes to its Japanese form, then on to the country.
    assert _tab(qtbot) is people.office_ja
    compose(qtbot, people.office_ja, "ペルー共和国外務大臣")
    assert _tab(qtbot) is people.country
    assert editor.draft().city_ja == "リマ"
    assert editor.draft().participants[0].office_ja == "ペルー共和国外務大臣"

    save(qtbot, editor)
    (stored,) = archive.get_many(archive.all_ids())
    assert stored.place is not None and stored.place.city_ja == "リマ"
    assert stored.participants[0].office_ja == "ペルー共和国外務大臣"
    assert stored.id is not None and archive.search("リマ").total == 1

    close_all_editors()
    again = open_editor(None, archive, readout_id=stored.id, home_zone=HOME)
    assert again is not None
    qtbot.waitExposed(again)
    assert again.when.city_ja.text() == "リマ"
    assert again.participants.office_ja.text() == "ペルー共和国外務大臣"
    close_all_editors()


def test_an_edit_of_a_japanese_form_alone_is_saved(
        qtbot: QtBot, new_editor: ReadoutEditor, archive: Archive) -> None:
    editor = new_editor
    type_into(qtbot, editor.when.title, "Talks")
    type_into(qtbot, editor.when.meeting_date, "2023-05-03")
    save(qtbot, editor)
    compose(qtbot, editor.when.city_ja, "東京")
    assert editor.is_dirty()
    save(qtbot, editor)
    (stored,) = archive.get_many(archive.all_ids())
    assert stored.place is not None and stored.place.city_ja == "東京"
