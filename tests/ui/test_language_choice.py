"""The interface's language: how it is chosen, asked on the first start, kept in the
preferences, and said to apply at the next start."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from readout_desk.ui import language
from readout_desk.ui.first_run import HomeZoneDialog
from readout_desk.ui.preferences import PreferencesDialog
from readout_desk.ui.settings import Settings

AT = dt.datetime(2025, 3, 1, 12, 0, tzinfo=dt.timezone.utc)
JAPAN = QLocale(QLocale.Language.Japanese, QLocale.Country.Japan)
US = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


@pytest.mark.parametrize(("choice", "env", "preference", "locale", "expected"), [
    ("", "", "system", JAPAN, "ja"),  # a Japanese system gets Japanese
    ("", "", "system", US, "en"),
    ("", "", "en", JAPAN, "en"),  # the preference wins over the system
    ("", "", "ja", US, "ja"),
    ("", "ja", "en", US, "ja"),  # the environment wins over the preference
    ("", "ja_JP.UTF-8", "system", US, "ja"),
    ("en", "ja", "ja", JAPAN, "en"),  # --lang wins over everything
    ("system", "ja", "ja", US, "en"),  # --lang system: the system's, whatever else says
    ("", "", "klingon", JAPAN, "ja"),  # an unknown value follows the system
])
def test_the_language_is_lang_then_environment_then_preference_then_system(
        choice: str, env: str, preference: str, locale: QLocale, expected: str) -> None:
    environ = {language.LANG_ENV: env} if env else {}
    assert language.resolve(choice, preference=preference, environ=environ,
                            locale=locale) == expected


def test_a_menu_title_is_spoken_without_its_mnemonic() -> None:
    assert language.without_mnemonic("&File") == "File"
    assert language.without_mnemonic("ファイル(&F)") == "ファイル"
    assert language.without_mnemonic("Q&&A") == "Q&A"


def test_the_first_start_asks_the_language_by_keyboard(qtbot: QtBot) -> None:
    dialog = HomeZoneDialog(system_zone="UTC", at=AT, current_language="en")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    assert dialog.chosen_language() == "system"
    assert not dialog.language.note.isVisibleTo(dialog)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.language.combo
    qtbot.keyClick(dialog.language.combo, Qt.Key.Key_End)  # 日本語, the last choice
    assert dialog.chosen_language() == "ja"
    assert dialog.language.note.isVisibleTo(dialog)
    assert "next start" in dialog.language.note.text()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_J, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.chosen() != "", timeout=2000)
    assert (dialog.chosen(), dialog.chosen_language()) == ("Asia/Tokyo", "ja")


def test_preferences_keep_the_language_for_the_next_start(qtbot: QtBot) -> None:
    settings = Settings()
    assert settings.language() == "system" and not settings.has_language()
    dialog = PreferencesDialog(settings, at=AT)
    qtbot.addWidget(dialog)
    combo = dialog.language.combo
    assert [combo.itemData(i) for i in range(combo.count())] == ["system", "en", "ja"]
    assert combo.itemText(2) == "日本語" and combo.itemText(1) == "English"
    combo.setCurrentIndex(combo.findData("ja"))
    assert "next start" in dialog.language.note.text()
    dialog.apply()
    again = Settings()
    assert again.language() == "ja" and again.has_language()
    with pytest.raises(ValueError, match="unknown interface language"):
        again.set_language("fr")


def test_lang_ja_starts_the_window_in_japanese(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtCore import QCoreApplication, QTimer, QTranslator

    from readout_desk.ui import app
    from readout_desk.ui.main_window import MainWindow

    titles: list[list[str]] = []

    def look_and_close() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                titles.append([a.text() for a in widget.menuBar().actions() if a.isVisible()])
                widget.close()
                return
        QTimer.singleShot(50, look_and_close)

    settings = Settings()
    settings.set_home_zone("Asia/Tokyo")
    settings.sync()
    instance = QCoreApplication.instance()
    assert instance is not None
    try:
        QTimer.singleShot(100, look_and_close)
        assert app.main(["--db", str(tmp_path / "a.sqlite3"), "--lang", "ja"]) == 0
    finally:  # the next tests read English again
        language.remove(instance.findChildren(QTranslator), instance)
    assert titles and titles[0][:2] == ["ファイル(&F)", "編集(&E)"]
    assert language.shown() == "en"
