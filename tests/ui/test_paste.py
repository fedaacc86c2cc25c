"""New from text: paste the Lima readout, review the draft, save it, find it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.ui.editor import open_editors
from readout_desk.ui.main_window import MainWindow
from readout_desk.ui.paste import ExtractedPane, PasteDialog, field_label
from tests.ui.drafts import release, shown_window, wait_until

HOME = "Asia/Tokyo"
LIMA = "japan-peru-foreign-ministers-2023-05-03.txt"


def _window(qtbot: QtBot, archive: Archive) -> MainWindow:
    return shown_window(qtbot, archive, HOME)


_wait = wait_until
_release = release


def _paste_dialog(qtbot: QtBot, window: MainWindow) -> PasteDialog:
    qtbot.keyClick(window, Qt.Key.Key_V,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    _wait(qtbot, lambda: window.findChild(PasteDialog, "pasteDialog") is not None)
    dialog = window.findChild(PasteDialog, "pasteDialog")
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_paste_lima_review_save_and_find_it(qtbot: QtBot, archive: Archive,
                                            examples_dir: Path) -> None:
    text = (examples_dir / LIMA).read_text("utf-8")
    window = _window(qtbot, archive)
    QGuiApplication.clipboard().setText("")
    dialog = _paste_dialog(qtbot, window)
    # Paste the way a person does: copy, click into the box, Ctrl+V, Read Text.
    QGuiApplication.clipboard().setText(text)
    dialog.text.setFocus()
    qtbot.keyClick(dialog.text, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "HAYASHI Yoshimasa" in dialog.text.toPlainText()
    qtbot.mouseClick(dialog.read_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, lambda: open_editors())
    editor = open_editors()[-1]
    try:
        assert archive.count() == 0  # nothing saved yet
        assert "draft from text" in editor.windowTitle()
        pane = editor.findChild(ExtractedPane, "extractedPane")
        assert pane is not None and pane.isVisible()
        labels = pane.labels()
        assert "Session 1 start: 9:10 a.m." in labels
        assert "Session 2 printed time: 11:40 p.m. on May 3 JST" in labels
        assert "Place: Lima, Peru" in labels
        assert "Section: Japan-Peru Relations" in labels
        assert any(label.startswith("Participant 2: H.E. Ms. Ana Gervasi") for label in labels)
        highlighted = pane.highlighted()
        assert "11:10 p.m. on May 3 JST" in highlighted and "Lima, Peru" in highlighted
        warnings = pane.findChild(QLabel, "crossCheckWarnings")
        assert warnings is not None and not warnings.isVisible()
        # Choosing a field selects its source span.
        pane.fields.setFocus()
        row = labels.index("Session 1 start: 9:10 a.m.")
        pane.fields.setCurrentRow(row)
        assert pane.source.textCursor().selectedText() == "9:10 a.m."

        draft = editor.draft()
        assert draft.section == "Japan-Peru Relations"
        # The fields the text filled are tinted, with their source words as the tooltip.
        section = editor.findChild(QLineEdit, "sectionField")
        city = editor.findChild(QLineEdit, "cityField")
        title = editor.findChild(QLineEdit, "titleField")
        assert section is not None and city is not None and title is not None
        assert section.property("extracted") is True
        assert city.toolTip() == "Read from the text: “Lima, Peru”"
        assert not title.property("extracted")
        section.setFocus()
        qtbot.keyClick(section, Qt.Key.Key_End)
        qtbot.keyClicks(section, "!")
        assert section.property("extracted") is False
        qtbot.keyClick(section, Qt.Key.Key_Backspace)
        preview = editor.sessions.preview.text()
        assert "11:10 p.m. on May 3 JST" in preview and "11:40 p.m. on May 3 JST" in preview

        # Accept: the title is the user's to give (the text names none).
        editor.when.title.setFocus()
        qtbot.keyClicks(editor.when.title, "Japan-Peru Foreign Ministers' Meeting")
        with qtbot.waitSignal(editor.saved, timeout=10_000):
            qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        readout_id = editor.readout_id()
        assert readout_id is not None
        stored = archive.get(readout_id)
        assert [s.kind for s in stored.sessions] == ["small group meeting", "plenary meeting"]
        assert [s.zone for s in stored.sessions] == ["America/Lima", "America/Lima"]
        assert [p.person.family_name for p in stored.participants] == ["HAYASHI", "Gervasi"]
        assert len(stored.points) == 4 and len(stored.photos) == 3

        # Search finds it, and the detail shows both sessions with their JST times.
        window.search_field.setFocus()
        qtbot.keyClicks(window.search_field, "Gervasi")
        _wait(qtbot, lambda: window.current_readout_id() == readout_id)
        _wait(qtbot, lambda: "11:40 p.m. on May 3 JST" in window.detail.toPlainText())
        detail = " ".join(window.detail.toPlainText().split())
        assert "commencing at 9:10 a.m. (local time; 11:10 p.m. on May 3 JST)" in detail
        assert "commencing at 9:40 a.m. (local time; 11:40 p.m. on May 3 JST)" in detail
    finally:
        _release(open_editors())


def test_a_wrong_printed_time_is_pointed_out_in_the_draft(qtbot: QtBot, archive: Archive,
                                                          examples_dir: Path) -> None:
    window = _window(qtbot, archive)
    dialog = _paste_dialog(qtbot, window)
    dialog.text.setPlainText(
        (examples_dir / "variant-inconsistent-stated-time.txt").read_text("utf-8"))
    qtbot.mouseClick(dialog.read_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, lambda: open_editors())
    editor = open_editors()[-1]
    try:
        pane = editor.findChild(ExtractedPane, "extractedPane")
        assert pane is not None
        warnings = pane.findChild(QLabel, "crossCheckWarnings")
        assert warnings is not None and warnings.isVisible()
        assert "the time-zone rules give 2:20 a.m." in warnings.text()
        assert "the time-zone rules give 2:20 a.m." in editor.statusBar().currentMessage()
        assert archive.count() == 0
    finally:
        _release(open_editors())


def test_binary_paste_gets_a_message_in_the_box(qtbot: QtBot, archive: Archive) -> None:
    window = _window(qtbot, archive)
    dialog = _paste_dialog(qtbot, window)
    dialog.text.setPlainText("   ")
    qtbot.mouseClick(dialog.read_button, Qt.MouseButton.LeftButton)
    assert "Paste the text" in dialog.status.text()
    dialog.text.setPlainText("<html><script>var x = 1;</script><style>p{}</style></html>")
    qtbot.mouseClick(dialog.read_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, lambda: "no text" in dialog.status.text())
    assert dialog.isVisible() and open_editors() == []


def _drop(window: MainWindow, mime: QMimeData) -> None:
    """Drag ``mime`` over the window and let go, as a file manager does."""
    centre = window.rect().center()
    enter = QDragEnterEvent(centre, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(centre), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)


@pytest.mark.parametrize("suffix", [".txt", ".html"])
def test_dropping_a_file_opens_its_draft(qtbot: QtBot, archive: Archive, tmp_path: Path,
                                         examples_dir: Path, suffix: str) -> None:
    window = _window(qtbot, archive)
    text = (examples_dir / "variant-telephone-japan-time.txt").read_text("utf-8")
    path = tmp_path / f"readout{suffix}"
    if suffix == ".html":
        body = "".join(f"<p>{line}</p>" for line in text.splitlines())
        path.write_text(f"<html><head><script>menu()</script></head><body><nav>Home</nav>"
                        f"{body}</body></html>", "cp1252")
    else:
        path.write_text(text, "utf-16")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    _drop(window, mime)
    _wait(qtbot, lambda: open_editors())
    editor = open_editors()[-1]
    try:
        assert editor.draft().title == "Japan-Norway Foreign Ministers' Telephone Talk"
        assert editor.source_text is not None
        assert "menu()" not in editor.source_text.toPlainText()
        intro = editor.findChild(QLabel, "extractedIntro")
        assert intro is not None and intro.text().startswith(
            f"Read from the file readout{suffix}:")
    finally:
        _release(open_editors())


def test_dropping_a_picture_says_why_it_cannot_be_read(qtbot: QtBot, archive: Archive,
                                                       tmp_path: Path) -> None:
    window = _window(qtbot, archive)
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    _drop(window, mime)
    _wait(qtbot, lambda: window.findChild(QMessageBox, "pasteError") is not None)
    box = window.findChild(QMessageBox, "pasteError")
    assert box is not None and "PNG image" in box.text()
    box.close()
    assert open_editors() == []


def test_field_labels_read_as_words() -> None:
    assert field_label("sessions[1].printed_other") == "Session 2 printed time"
    assert field_label("participants[0].office") == "Participant 1 office"
    assert field_label("meeting_date") == "Meeting date"


def test_dropping_selected_text_opens_its_draft(qtbot: QtBot, archive: Archive,
                                                examples_dir: Path) -> None:
    window = _window(qtbot, archive)
    mime = QMimeData()
    mime.setText((examples_dir / "variant-video-previous-day.txt").read_text("utf-8"))
    _drop(window, mime)
    _wait(qtbot, lambda: open_editors())
    editor = open_editors()[-1]
    try:
        assert editor.draft().title == "Japan-U.S. Foreign Ministers' Video Conference"
        assert archive.count() == 0
        intro = editor.findChild(QLabel, "extractedIntro")
        assert intro is not None and intro.text().startswith("Read from the pasted text:")
    finally:
        _release(open_editors())


def test_check_timings_lists_the_flagged_session_and_shows_it(qtbot: QtBot, archive: Archive,
                                                              examples_dir: Path) -> None:
    from readout_desk.domain.extract import extract
    from readout_desk.ui.timing_check import TimingCheckDialog

    for name in ("variant-inconsistent-stated-time.txt", LIMA):
        draft = extract((examples_dir / name).read_bytes())
        readout = draft.readout
        if not readout.title:
            from dataclasses import replace

            readout = replace(readout, title="Japan-Peru Foreign Ministers' Meeting")
        archive.add(readout)
    window = _window(qtbot, archive)
    window.menu("Tools").setFocus()
    action = window.findChild(QAction, "actionCheckTimings")
    assert action is not None
    action.trigger()
    _wait(qtbot, lambda: window.findChild(TimingCheckDialog, "timingCheckDialog") is not None)
    dialog = window.findChild(TimingCheckDialog, "timingCheckDialog")
    assert dialog is not None
    _wait(qtbot, lambda: dialog.flags is not None)
    assert dialog.table.topLevelItemCount() == 1
    item = dialog.table.topLevelItem(0)
    assert item is not None
    assert item.text(1) == "Japan-Brazil Summit Meeting"
    assert "the time-zone rules give 2:20 a.m." in item.text(3)
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    _wait(qtbot, lambda: "Japan-Brazil Summit Meeting" in window.detail.toPlainText())
