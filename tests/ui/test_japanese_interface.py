"""The interface in Japanese: menus, the main window, the editor and the preferences read
Japanese once the translation is installed, and nothing visible is left in English but
what stays English on purpose (the program's name, formats, zones, keys)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QLineEdit, QMenu
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.ui.editor import open_editor
from readout_desk.ui.first_run import HomeZoneDialog
from readout_desk.ui.main_window import MainWindow
from readout_desk.ui.preferences import PreferencesDialog
from readout_desk.ui.settings import Settings, format_date
from tests.ui.editor.conftest import close_all_editors
from tests.ui.translation import english_left, english_texts, japanese

__all__ = ["japanese"]  # the fixture, used by name

OpenWindow = Callable[..., MainWindow]
AT = dt.datetime(2023, 5, 3, 14, 10, tzinfo=dt.timezone.utc)


def test_the_menus_read_japanese_with_their_mnemonics(
        qtbot: QtBot, japanese: None, open_window: OpenWindow, archive: Archive) -> None:
    window = open_window(archive, Settings(), home_zone="Asia/Tokyo")
    titles = [a.text() for a in window.menuBar().actions() if a.isVisible()]
    assert titles == ["ファイル(&F)", "編集(&E)", "表示(&V)", "会談記録(&R)", "ツール(&T)",
                      "ヘルプ(&H)"]
    assert window.menu("File").accessibleName() == "ファイル"
    edit = window.menu("Edit")
    assert [a.text() for a in edit.actions() if a.objectName() == "actionFind"] == ["検索(&F)"]


def test_the_main_window_leaves_nothing_in_english(
        qtbot: QtBot, japanese: None, open_window: OpenWindow, demo_archive: Archive) -> None:
    window = open_window(demo_archive, Settings(), home_zone="Asia/Tokyo")
    qtbot.waitUntil(lambda: window.current_readout_id() is not None)
    left = english_texts(window)
    assert left == [], "\n".join(left)
    assert "件" in window.status_hits.text()
    day = window.model.index(0, 0).data()  # dates as Japanese write them, until one is chosen
    assert isinstance(day, str) and "年" in day and day.endswith("日")


def test_the_empty_archives_page_leaves_nothing_in_english(
        qtbot: QtBot, japanese: None, open_window: OpenWindow, archive: Archive) -> None:
    window = open_window(archive, Settings(), home_zone="Asia/Tokyo")
    assert window.empty_state.isVisible()
    left = english_texts(window)
    assert left == [], "\n".join(left)


def test_the_editor_leaves_nothing_in_english(
        qtbot: QtBot, japanese: None, open_window: OpenWindow, demo_archive: Archive) -> None:
    window = open_window(demo_archive, Settings(), home_zone="Asia/Tokyo")
    qtbot.waitUntil(lambda: window.current_readout_id() is not None)
    editor = open_editor(window, demo_archive, readout_id=window.current_readout_id())
    assert editor is not None
    try:
        qtbot.waitExposed(editor)
        left = english_texts(editor, data=frozenset({"timingPreview"}))
        assert left == [], "\n".join(left)
        menus = [m.title() for m in editor.findChildren(QMenu) if m.title()]
        assert "編集(&E)" in menus
        title = editor.findChild(QLineEdit, "titleField")
        assert isinstance(title, QLineEdit)
        qtbot.keyClicks(title, "X")
        assert editor.undo_action.text() == "元に戻す(&U) 「表題」の編集"
    finally:
        close_all_editors()


def test_the_preferences_and_the_first_start_leave_nothing_in_english(
        qtbot: QtBot, japanese: None) -> None:
    settings = Settings()
    for dialog in (PreferencesDialog(settings, at=AT),
                   HomeZoneDialog(system_zone="Europe/Berlin", at=AT)):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        left = english_texts(dialog)
        assert left == [], "\n".join(left)


def test_a_chosen_date_format_is_kept_in_a_japanese_interface(japanese: None) -> None:
    settings = Settings()
    assert settings.date_format() == "japanese"
    assert format_date(dt.date(2023, 5, 3), "japanese") == "2023年5月3日"
    settings.set_date_format("iso")
    assert Settings().date_format() == "iso"


def test_the_english_check_finds_english_and_passes_what_stays() -> None:
    assert english_left("Save the readout (Ctrl+S)")
    assert english_left("&Quit")
    assert not english_left("会談記録を保存します (Ctrl+S)")
    assert not english_left("Asia/Tokyo (UTC+9, JST)")
    assert not english_left("CPTPP")
    assert not english_left("")
    assert not english_left("Readout Desk — /tmp/archive.sqlite3")
    assert english_left("Edit readout — /tmp/archive.sqlite3")


def test_the_interface_stays_english_without_the_translator(
        qtbot: QtBot, open_window: OpenWindow, archive: Archive) -> None:
    window = open_window(archive, Settings(), home_zone="Asia/Tokyo")
    titles = [a.text() for a in window.menuBar().actions() if a.isVisible()]
    assert titles[:2] == ["&File", "&Edit"]
    assert Settings().date_format() == "long"
