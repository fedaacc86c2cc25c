"""Tab walks the editor's form in the order it is laid out, section by section."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from readout_desk.ui.editor import ReadoutEditor
from tests.ui.editor.conftest import type_into, wait
from tests.ui.keyboard import field_of, reading_order, tab_order_problems, tab_stops, tab_walk


def insert(qtbot: QtBot, rows: QWidget) -> None:
    """Press Insert in a list: a new row."""
    rows.setFocus()
    qtbot.keyClick(rows, Qt.Key.Key_Insert)


def _with_rows(qtbot: QtBot, editor: ReadoutEditor) -> None:
    """A participant, a session and a point, so the fields under each list take the focus."""
    for rows in (editor.participants.rows.table, editor.sessions.rows.table,
                 editor.summary.list):
        insert(qtbot, rows)
    editor.resize(900, 900)
    QApplication.processEvents()


def test_tab_follows_the_layout_in_every_section(qtbot: QtBot,
                                                  new_editor: ReadoutEditor) -> None:
    _with_rows(qtbot, new_editor)
    problems = []
    for section in new_editor.sections:
        problems += tab_order_problems(section)
    assert problems == []


def test_in_the_place_line_countries_involved_come_after_the_zone(
        qtbot: QtBot, new_editor: ReadoutEditor) -> None:
    when = new_editor.when
    visited = tab_walk(when.mode, 8)
    assert visited == [when.mode, when.occasion, when.city, when.city_ja, when.country,
                       when.venue, when.zone, when.relation]


def test_a_skipped_time_puts_its_buttons_between_the_zone_and_the_duration(
        qtbot: QtBot, new_editor: ReadoutEditor) -> None:
    when, sessions = new_editor.when, new_editor.sessions
    type_into(qtbot, when.meeting_date, "2025-03-30")
    type_into(qtbot, when.city, "Berlin")
    type_into(qtbot, when.country, "Germany")
    wait(qtbot, lambda: new_editor.draft().place_zone == "Europe/Berlin")
    insert(qtbot, sessions.rows.table)
    type_into(qtbot, sessions.time, "2:30")
    wait(qtbot, sessions.nearest.isVisible)
    assert tab_order_problems(sessions) == []
    order = reading_order(sessions, tab_stops(sessions))
    assert order.index(sessions.use_after) < order.index(sessions.duration_hedge)
    assert order.index(sessions.duration_hedge) < order.index(sessions.hours)


def test_tab_goes_from_one_section_to_the_next(qtbot: QtBot,
                                               new_editor: ReadoutEditor) -> None:
    _with_rows(qtbot, new_editor)
    stops = [w for s in new_editor.sections for w in reading_order(s, tab_stops(s))]
    visited = tab_walk(stops[0], len(stops))
    assert [field_of(w) for w in visited] == stops
