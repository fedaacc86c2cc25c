"""File > New from Web Page… and a dropped link, driven as a person does: the page is
fetched off the UI thread, the draft opens beside the page's text, Cancel stops a slow
fetch, and a page that cannot be read says why in the dialog."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.ui.capture import CaptureDialog
from readout_desk.ui.editor import open_editors
from readout_desk.ui.main_window import MainWindow
from readout_desk.ui.paste import ExtractedPane
from tests.ui.drafts import release, shown_window, wait_until


def _dialog(qtbot: QtBot, window: MainWindow) -> CaptureDialog:
    action = window.findChild(QAction, "actionNewFromWebPage")
    assert action is not None and action in window.menu("File").actions()
    action.trigger()
    wait_until(qtbot, lambda: window.findChild(CaptureDialog, "captureDialog"))
    dialog = window.findChild(CaptureDialog, "captureDialog")
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_a_page_captured_from_the_menu_opens_beside_its_source(
        qtbot: QtBot, archive: Archive, server: str) -> None:
    window = shown_window(qtbot, archive)
    dialog = _dialog(qtbot, window)
    qtbot.keyClicks(dialog.address, f"{server}/readout")
    qtbot.keyClick(dialog.address, Qt.Key.Key_Return)
    wait_until(qtbot, lambda: open_editors())
    editor = open_editors()[-1]
    try:
        assert editor.draft().title == "Japan-Chile Foreign Ministers' Meeting"
        pane = editor.findChild(ExtractedPane, "extractedPane")
        assert pane is not None and "Press room" not in pane.draft.source
        intro = pane.findChild(QLabel, "extractedIntro")
        assert intro is not None and intro.text().startswith(
            f"Read from the web page {server}/readout:")
        assert archive.count() == 0  # nothing saved until the person saves
        with qtbot.waitSignal(editor.saved, timeout=10_000):
            qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        readout_id = editor.readout_id()
        assert readout_id is not None
        stored = archive.get(readout_id)
        assert stored.source is not None and stored.source.kind == "page"
        assert stored.source.url == f"{server}/readout" == stored.source_url
        assert "<div class='global-nav'>" in stored.source.original
    finally:
        release()


def test_cancel_stops_a_slow_page_and_a_missing_page_says_so(
        qtbot: QtBot, archive: Archive, server: str) -> None:
    window = shown_window(qtbot, archive)
    dialog = _dialog(qtbot, window)
    qtbot.keyClicks(dialog.address, f"{server}/gone")
    qtbot.mouseClick(dialog.fetch_button, Qt.MouseButton.LeftButton)
    wait_until(qtbot, lambda: "answered 404" in dialog.status.text())
    assert dialog.fetch_button.isEnabled() and not open_editors()
    qtbot.keyClick(dialog.address, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.address, f"{server}/slow")
    qtbot.mouseClick(dialog.fetch_button, Qt.MouseButton.LeftButton)
    assert dialog.handle is not None
    handle = dialog.handle
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert handle.cancelled()
    qtbot.wait(2500)  # the slow page has answered by now: no draft opens
    assert not open_editors()


def test_a_dropped_link_is_captured(qtbot: QtBot, archive: Archive, server: str) -> None:
    window = shown_window(qtbot, archive)
    mime = QMimeData()
    mime.setUrls([QUrl(f"{server}/hop1")])
    centre = window.rect().center()
    enter = QDragEnterEvent(centre, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(QPointF(centre), Qt.DropAction.CopyAction, mime,
                                              Qt.MouseButton.LeftButton,
                                              Qt.KeyboardModifier.NoModifier))
    wait_until(qtbot, lambda: open_editors())
    try:
        assert open_editors()[-1].draft().title == "Japan-Chile Foreign Ministers' Meeting"
    finally:
        release()
