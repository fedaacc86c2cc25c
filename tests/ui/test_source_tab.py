"""The source kept with a readout: paste, review, save; the Source tab shows the pasted
text with its fields marked; reading it again after an upgrade shows what changed, field
by field, and takes only the fields chosen."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit, QTabWidget
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.domain import sources
from readout_desk.domain.extract import Draft, extract
from readout_desk.ui.editor import open_editors
from readout_desk.ui.main_window import MainWindow
from readout_desk.ui.paste import ExtractedPane, PasteDialog
from readout_desk.ui.reextract import ReextractDialog
from readout_desk.ui.source_view import SourcePane
from tests.ui.drafts import release, shown_window, wait_until

LIMA = "japan-peru-foreign-ministers-2023-05-03.txt"


def _paste_and_save(qtbot: QtBot, window: MainWindow, text: str) -> int:
    QGuiApplication.clipboard().setText(text)
    qtbot.keyClick(window, Qt.Key.Key_V,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    wait_until(qtbot, lambda: window.findChild(PasteDialog, "pasteDialog") is not None)
    dialog = window.findChild(PasteDialog, "pasteDialog")
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.read_button, Qt.MouseButton.LeftButton)
    wait_until(qtbot, lambda: open_editors())
    editor = open_editors()[-1]
    pane = editor.findChild(ExtractedPane, "extractedPane")
    assert pane is not None
    # The text prints no title: the one proposed is marked as proposed, not as read.
    assert pane.labels()[0] == ("Title (proposed; the text prints none): "
                                "Japan-Peru Foreign Ministers' Meeting")
    title = editor.findChild(QLineEdit, "titleField")
    assert title is not None and title.property("proposed") is True
    assert not title.property("extracted")
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    readout_id = editor.readout_id()
    assert readout_id is not None
    return readout_id


def _source_tab(qtbot: QtBot, window: MainWindow) -> SourcePane:
    tabs = window.findChild(QTabWidget, "detailTabs")
    assert tabs is not None
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    pane = tabs.currentWidget()
    assert isinstance(pane, SourcePane)
    return pane


def test_paste_save_show_the_source_and_read_it_again(
        qtbot: QtBot, archive: Archive, examples_dir: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    text = (examples_dir / LIMA).read_text("utf-8")
    window = shown_window(qtbot, archive)
    try:
        readout_id = _paste_and_save(qtbot, window, text)
        stored = archive.get(readout_id)
        assert stored.source is not None and stored.source.kind == "text"
        assert "HAYASHI Yoshimasa" in stored.source.text
        assert stored.source.as_printed("section") == "Japan-Peru Relations"

        window.search_field.setFocus()
        qtbot.keyClicks(window.search_field, "Gervasi")
        wait_until(qtbot, lambda: window.current_readout_id() == readout_id)
        pane = _source_tab(qtbot, window)
        wait_until(qtbot, lambda: "HAYASHI Yoshimasa" in pane.plain_text())
        assert " ".join(pane.plain_text().split()) == " ".join(stored.source.text.split())
        assert pane.about.text() == "Pasted text"
        assert pane.text.requested_urls == []

        # An upgrade reads one field differently.
        real = extract

        def upgraded(*args: Any, **kwargs: Any) -> Draft:
            draft = real(*args, **kwargs)
            return replace(draft, readout=replace(draft.readout, occasion="APEC week"))

        monkeypatch.setattr(sources, "extract", upgraded)
        qtbot.mouseClick(pane.reread_button, Qt.MouseButton.LeftButton)
        wait_until(qtbot, lambda: window.findChild(ReextractDialog, "reextractDialog"))
        dialog = window.findChild(ReextractDialog, "reextractDialog")
        assert dialog is not None
        assert dialog.rows() == [("Occasion", "(empty)", "APEC week")]
        dialog.table.setFocus()
        qtbot.keyClick(dialog.table, Qt.Key.Key_Right)
        qtbot.keyClick(dialog.table, Qt.Key.Key_Right)
        qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
        assert dialog.chosen() == {"occasion"}
        qtbot.mouseClick(dialog.take_button, Qt.MouseButton.LeftButton)
        wait_until(qtbot, lambda: archive.get(readout_id).occasion == "APEC week")
        again = archive.get(readout_id)
        assert replace(again, occasion="", version=0, updated_at=None, source=None) == \
            replace(stored, version=0, updated_at=None, source=None)
        assert again.source is not None and again.source.text == stored.source.text
    finally:
        release()
