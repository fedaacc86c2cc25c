"""Helpers for driving the readout editor the way a person does."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.ui.editor import ReadoutEditor, open_editor, open_editors

HOME = "Asia/Tokyo"


class Answers:
    """Answers modal message boxes as they appear: (object name, button text) in order."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.asked: list[str] = []
        self.texts: list[str] = []

    def next(self, name: str, button: str) -> None:
        """Click ``button`` on the next message box called ``name``."""
        tries = [0]

        def handle() -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox) or box.objectName() != name:
                tries[0] += 1
                if tries[0] < 250:
                    QTimer.singleShot(20, handle)
                return
            self.asked.append(name)
            self.texts.append(box.text() + "\n" + box.informativeText())
            for b in box.buttons():
                if b.text().replace("&", "") == button:
                    self.qtbot.mouseClick(b, Qt.MouseButton.LeftButton)
                    return
            raise AssertionError(f"no button {button!r} on {name}: "
                                 f"{[b.text() for b in box.buttons()]}")

        QTimer.singleShot(0, handle)


@pytest.fixture
def answers(qtbot: QtBot) -> Answers:
    return Answers(qtbot)


@pytest.fixture
def new_editor(qtbot: QtBot, archive: Archive) -> Iterator[ReadoutEditor]:
    editor = open_editor(None, archive, home_zone=HOME)
    assert editor is not None
    qtbot.waitExposed(editor)
    yield editor
    close_all_editors()


def close_all_editors() -> None:
    """Close every editor without questions (a test's unsaved edits are not wanted)."""
    for other in open_editors():
        other.runner.shutdown()
        other._saved = other.draft()
        other.close()


def type_into(qtbot: QtBot, widget: QWidget, text: str, *, replace: bool = True) -> None:
    """Click into a field, select what is there (if ``replace``) and type ``text``."""
    target = widget
    line_edit = getattr(widget, "lineEdit", None)
    if callable(line_edit) and line_edit() is not None:
        target = line_edit()
    target.setFocus()
    if replace:
        qtbot.keyClick(target, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(target, Qt.Key.Key_Delete)
    if text:
        qtbot.keyClicks(target, text)


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    """Click a button with the mouse."""
    assert button.isEnabled(), f"{button.objectName()} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Pick an item of a (non-editable) list with the arrow keys."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    raise AssertionError(f"{text!r} is not among the choices of {combo.objectName()}")


def save(qtbot: QtBot, editor: ReadoutEditor) -> None:
    """Press Ctrl+S and wait until the save is done."""
    editor.activateWindow()  # a dialog that just closed may have taken the focus away
    qtbot.waitUntil(editor.isActiveWindow, timeout=2000)
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def wait(qtbot: QtBot, condition: Callable[[], object], timeout: int = 5000) -> None:
    qtbot.waitUntil(lambda: bool(condition()), timeout=timeout)
