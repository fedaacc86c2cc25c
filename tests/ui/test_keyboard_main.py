"""The main window and its dialogs worked from the keyboard, as a person does."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.ui.editor import open_editors
from readout_desk.ui.help import HelpDialog, shortcuts_text
from readout_desk.ui.main_window import MainWindow
from readout_desk.ui.paste import PasteDialog
from readout_desk.ui.transfer.exporting import ExportDialog
from tests.ui.conftest import wait_for_search
from tests.ui.editor.conftest import close_all_editors

OpenWindow = Callable[..., MainWindow]
Ctrl = Qt.KeyboardModifier.ControlModifier
DOCS = Path(__file__).resolve().parents[2] / "docs"


def _typed(qtbot: QtBot, window: MainWindow, text: str) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_F, Ctrl)
    assert QApplication.focusWidget() is window.search_field
    qtbot.keyClicks(window.search_field, text)
    wait_for_search(qtbot, window)


def test_arrows_enter_and_ctrl_e_work_from_the_search_field(
        qtbot: QtBot, open_window: OpenWindow, demo_archive: Archive) -> None:
    window = open_window(demo_archive, home_zone="Asia/Tokyo")
    _typed(qtbot, window, "minister")
    assert window.model.rowCount() > 2
    first = window.current_readout_id()
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    assert window.results.currentIndex().row() == 2
    assert QApplication.focusWidget() is window.search_field  # typing can go on
    qtbot.keyClick(window.search_field, Qt.Key.Key_Up)
    second = window.current_readout_id()
    assert second not in (None, first)
    try:
        qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: bool(open_editors()), timeout=3000)
        assert open_editors()[-1].readout_id() == second
        close_all_editors()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=3000)
        qtbot.keyClick(window, Qt.Key.Key_F, Ctrl)
        qtbot.keyClick(window.search_field, Qt.Key.Key_E, Ctrl)  # Edit Readout, not End
        qtbot.waitUntil(lambda: bool(open_editors()), timeout=3000)
        assert open_editors()[-1].readout_id() == second
    finally:
        close_all_editors()


def test_tab_leaves_the_results_for_the_reading_pane(
        qtbot: QtBot, open_window: OpenWindow, demo_archive: Archive) -> None:
    window = open_window(demo_archive)
    _typed(qtbot, window, "minister")
    shown = window.current_readout_id()
    qtbot.keyClick(window.search_field, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.results
    qtbot.keyClick(window.results, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.detail
    assert window.current_readout_id() == shown  # Tab did not move through the rows


def test_a_new_search_shows_its_best_hit(
        qtbot: QtBot, open_window: OpenWindow, demo_archive: Archive) -> None:
    window = open_window(demo_archive)
    _typed(qtbot, window, "minister")
    for _ in range(3):
        qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    assert window.results.currentIndex().row() == 3
    qtbot.keyClicks(window.search_field, "s")
    wait_for_search(qtbot, window)
    assert window.results.currentIndex().row() == 0


def test_help_shows_the_shipped_shortcut_list(
        qtbot: QtBot, open_window: OpenWindow, archive: Archive) -> None:
    assert shortcuts_text() == (DOCS / "SHORTCUTS.md").read_text(encoding="utf-8")
    window = open_window(archive)
    names = [a.objectName() for a in window.menu("Help").actions()]
    assert {"actionShortcuts", "actionSearchSyntax", "actionDocumentation"} <= set(names)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.findChild(HelpDialog, "shortcutsDialog")
    assert dialog is not None
    assert "Ctrl+E" in dialog.view.toPlainText()
    dialog.close()


def test_pasted_text_is_kept_by_enter_and_read_with_ctrl_enter(
        qtbot: QtBot, open_window: OpenWindow, archive: Archive) -> None:
    window = open_window(archive)
    QGuiApplication.clipboard().setText("Japan-Peru Relations\n\nMay 3, 2023\nText.")
    dialog = PasteDialog(window, _NoExtraction())  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return)
    assert dialog.text.toPlainText() == "Japan-Peru Relations\n\nMay 3, 2023\nText.\n"
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Ctrl)
    assert dialog.status.text() == "Reading…"


class _NoExtraction:
    def start(self, *_args: object, **_kwargs: object) -> None:
        """Reading is not what is tested here."""


def test_export_takes_the_format_from_the_name_typed(
        qtbot: QtBot, open_window: OpenWindow, demo_archive: Archive, tmp_path: Path) -> None:
    window = open_window(demo_archive)
    dialog = ExportDialog(window)
    qtbot.addWidget(dialog)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("pdf"))
    dialog.path_edit.selectAll()
    qtbot.keyClicks(dialog.path_edit, str(tmp_path / "cptpp.ics"))
    assert dialog.fmt() == "ics"
    assert dialog.path_edit.text().endswith("cptpp.ics")
    with qtbot.waitSignal(dialog.finishedExport, timeout=10_000):
        qtbot.keyClick(dialog.export_button, Qt.Key.Key_Space)
    assert (tmp_path / "cptpp.ics").read_text().startswith("BEGIN:VCALENDAR")
    assert not dialog.progress.isVisible()  # "Exporting…" goes when it is done
    assert dialog.result_label.text().startswith("Exported")


def _highlighted(window: MainWindow) -> list[str]:
    html = window.detail.toHtml()
    return re.findall(r"background-color:#fff1a8;\">([^<]+)<", html.replace(" ", ""))


def test_highlighting_ignores_accents_and_reads_country_codes(
        qtbot: QtBot, open_window: OpenWindow, demo_archive: Archive) -> None:
    window = open_window(demo_archive)
    _typed(qtbot, window, "echeverria")
    qtbot.waitUntil(lambda: "Echeverría" in window.detail.toPlainText(), timeout=5000)
    assert "Echeverría" in _highlighted(window)
    qtbot.keyClick(window.search_field, Qt.Key.Key_A, Ctrl)
    qtbot.keyClicks(window.search_field, "country:PE")
    wait_for_search(qtbot, window)
    qtbot.waitUntil(lambda: "Peru" in _highlighted(window), timeout=5000)
    assert all(word == "Peru" for word in _highlighted(window))  # not "Pe" in "People"


def test_a_whole_person_is_highlighted_in_either_order(
        qtbot: QtBot, open_window: OpenWindow, demo_archive: Archive) -> None:
    """``person="Haruka ONO"`` finds ONO Haruka's readouts and marks her name as each
    prints it."""
    window = open_window(demo_archive)
    _typed(qtbot, window, 'person="Haruka ONO"')
    assert window.model.total == demo_archive.search("person:ono").total > 0
    qtbot.waitUntil(lambda: any(word.casefold() in ("onoharuka", "harukaono")
                                for word in _highlighted(window)), timeout=5000)
