"""The results table: a match column beside the title, and no empty strip on a wide screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.ui.main_window import MainWindow
from readout_desk.ui.results_model import (
    COL_DATE,
    COL_MODE,
    COL_PLACE,
    COL_PUBLISHER,
    COL_RELATION,
    COL_SESSIONS,
    COL_SNIPPET,
    COL_TITLE,
)
from tests.ui.conftest import wait_for_search

OpenWindow = Callable[..., MainWindow]


def _visible_columns(window: MainWindow) -> list[int]:
    view = window.results
    header = view.horizontalHeader()
    width = view.viewport().width()
    return [c for c in range(header.count())
            if header.sectionViewportPosition(c) + header.sectionSize(c) <= width + 1]


def test_the_match_column_shows_where_the_words_were_found(
        qtbot: QtBot, open_window: OpenWindow, demo_archive: Archive) -> None:
    window = open_window(demo_archive)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(QApplication.focusWidget(), "copper")
    wait_for_search(qtbot, window)
    text = str(window.model.index(0, COL_SNIPPET).data())
    assert "copper" in text.lower() and "\x02" not in text


def test_columns_fit_at_1280_and_fill_1600(qtbot: QtBot, open_window: OpenWindow,
                                           demo_archive: Archive) -> None:
    window = open_window(demo_archive)
    window.resize(1280, 800)
    QApplication.processEvents()
    assert {COL_DATE, COL_TITLE, COL_SNIPPET, COL_RELATION} <= set(_visible_columns(window))
    window.resize(1600, 900)
    for column in (COL_PLACE, COL_MODE, COL_SESSIONS, COL_PUBLISHER):
        window.set_column_visible(column, False)
    QApplication.processEvents()
    view = window.results
    assert view.viewport().width() > 700
    assert view.horizontalHeader().length() >= view.viewport().width()  # no empty strip


def test_rows_are_one_height_and_drawn_without_shaping_at_any_font_size(
        qtbot: QtBot, open_window: OpenWindow, demo_archive: Archive) -> None:
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QHeaderView

    window = open_window(demo_archive)
    window.settings.set_font_size(window.settings.font_size() + 4)
    window.apply_preferences(announce=False)
    view = window.results
    assert view.font().pointSize() == window.settings.font_size()
    assert view.font().styleStrategy() & QFont.StyleStrategy.PreferNoShaping
    rows = view.verticalHeader()
    assert rows.sectionResizeMode(0) == QHeaderView.ResizeMode.Fixed
    assert {view.rowHeight(r) for r in range(window.model.rowCount())} \
        == {view.fontMetrics().height() + 8}
