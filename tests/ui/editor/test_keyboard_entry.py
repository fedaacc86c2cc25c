"""The Japan–Peru readout entered from the main window with the keyboard alone.

Every key goes to the widget that has the focus, as it would for a person: no clicks,
no ``setFocus``, no ``setText``. The presses are counted (a chord such as Ctrl+S counts
once) and the saved readout is compared field by field with the shared examples'
``expected.json``. The two counts are the ones ``docs/EDITOR.md`` reports.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.domain import geography
from readout_desk.domain.extract.scoring import score
from readout_desk.ui.editor import ReadoutEditor, open_editors
from tests.ui.editor.conftest import close_all_editors, wait
from tests.ui.editor.test_enter_lima import _main_window as main_window

EXAMPLES = Path("/work/shared/examples")
SEED = "japan-peru-foreign-ministers-2023-05-03.txt"

#: Key presses for the whole readout: typed in full, and with the form's suggestions.
TYPED_IN_FULL = 2874
WITH_SUGGESTIONS = 2791

Mod = Qt.KeyboardModifier


class Keyboard:
    """Presses keys in whatever widget has the focus, and counts them."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.presses = 0

    def focus(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(self.focus(), text)
        self.presses += len(text)

    def press(self, key: Qt.Key, modifier: Mod = Mod.NoModifier, times: int = 1) -> None:
        for _ in range(times):
            self.qtbot.keyClick(self.focus(), key, modifier)
            self.presses += 1

    def button(self, letter: Qt.Key) -> None:
        """Alt+letter on a button, which clicks it a moment later (it flashes first)."""
        self.press(letter, Mod.AltModifier)
        self.qtbot.wait(250)

    def tab(self, times: int = 1) -> None:
        self.press(Qt.Key.Key_Tab, times=times)

    def field(self, text: str) -> None:
        """Type ``text`` (if any) and Tab on to the next field."""
        if text:
            self.type(text)
        self.tab()

    def tab_to(self, widget: QWidget, limit: int = 10) -> None:
        """Press Tab until ``widget`` has the focus."""
        for _ in range(limit):
            if self.focus() is widget or self.focus().parentWidget() is widget:
                return
            self.tab()
        raise AssertionError(f"Tab does not reach {widget.objectName()}")


def seed_text() -> tuple[list[str], list[str]]:
    """The seed readout's four points and three photo captions, as printed."""
    lines = (EXAMPLES / SEED).read_text(encoding="utf-8").splitlines()
    points = [re.sub(r"^\s*\d+\.\s*", "", line) for line in lines if re.match(r"\s+\d+\. ", line)]
    return points, lines[3:6]


def enter_seed(keys: Keyboard, editor: ReadoutEditor, qtbot: QtBot, *, helped: bool) -> None:
    """Type the whole seed readout into the new editor that has the focus."""
    points, captions = seed_text()
    assert keys.focus() is editor.when.section
    keys.field("Japan-Peru Relations")
    keys.field("2023-05-03")
    if helped:
        keys.press(Qt.Key.Key_Return)  # published the day of the meeting
        keys.tab()
    else:
        keys.field("2023-05-03")
    for text in ("", "", "", "Lima", "", "Peru", ""):
        keys.field(text)  # (title), (mode), (occasion), city, (in Japanese), country, (venue)
    wait(qtbot, lambda: editor.draft().place_zone == "America/Lima")  # from the city
    keys.tab()  # the zone, as suggested
    keys.type("Japan, Peru")
    keys.tab()
    assert keys.focus() is editor.participants.rows.table
    for first, (honorific, family, given, office, country) in enumerate((
            ("Mr.", "HAYASHI", "Yoshimasa", "Minister for Foreign Affairs", "Japan"),
            ("H.E. Ms.", "Gervasi", "Ana", "Minister of Foreign Affairs", "Peru"))):
        keys.button(Qt.Key.Key_P)  # Add &participant: the cursor is in it
        for text in (honorific, family, given):
            keys.field(text)
        if first == 0:
            keys.press(Qt.Key.Key_Space)  # family name first
        keys.tab()
        keys.field("")  # (name in its own script)
        keys.field(office)
        keys.field("")  # (office in Japanese)
        keys.type(country)
    for kind, time, minutes, printed in (
            ("small group meeting", "9:10", "15", "11:10 p.m. on May 3 JST"),
            ("plenary meeting", "9:40", "90", "11:40 p.m. on May 3 JST")):
        keys.button(Qt.Key.Key_A)  # &Add session: the cursor is in its kind
        keys.type(kind[:2] if helped else kind)  # the list completes "sm", "pl"
        keys.tab(2)  # the date is the meeting's
        keys.field(time)
        keys.tab(3)  # hedge, zone (the place's), zone as printed
        qtbot.wait(450)  # a list takes letters typed together as one word to look for
        keys.press(Qt.Key.Key_A)  # "approximately"
        keys.tab(2)
        keys.field(minutes)
        if helped:
            keys.press(Qt.Key.Key_Return)  # the second time the rules give, in JST
        else:
            keys.type(printed)
    for text in points:
        keys.button(Qt.Key.Key_D)  # A&dd point: the cursor is in its text
        keys.type(text)
    keys.tab(3)  # speaker, level, topics
    assert keys.focus() is editor.topics.entry
    keys.type("CPTPP, APEC, Osaka-Kansai Expo, COVID-19, Ukraine")
    keys.press(Qt.Key.Key_Return)
    keys.tab_to(editor.photos.caption_button)
    for caption in captions:
        keys.press(Qt.Key.Key_Space)  # a photo described but not at hand
        assert keys.focus() is editor.photos.caption
        keys.type(caption)
        keys.press(Qt.Key.Key_Tab, Mod.ShiftModifier, times=2)
    keys.press(Qt.Key.Key_S, Mod.ControlModifier)


def compare_with_expected(archive: Archive, readout_id: int) -> None:
    facts: dict[str, Any] = json.loads((EXAMPLES / "expected.json").read_text("utf-8"))[SEED]
    stored = archive.get(readout_id)
    result = score(stored, facts, {0: True, 1: True})
    assert result.misses == []
    assert stored.section == facts["section"] and stored.title == ""
    assert [geography.country_name(c) for c in stored.relation] == facts["relation"]
    for got, want in zip(stored.participants, facts["participants"], strict=True):
        assert (got.honorific, got.person.family_name, got.person.given_name, got.office) == (
            want["honorific"], want["family_name"], want["given_name"], want["office"])
    for got_s, want_s in zip(stored.sessions, facts["sessions"], strict=True):
        assert got_s.printed_other is not None
        assert got_s.printed_other.text == want_s["stated_other"]["text"]
        assert got_s.printed_other.zone == want_s["stated_other"]["zone"]
    assert len(stored.points) == facts["summary_points"]
    assert [p.caption for p in stored.photos] == seed_text()[1]


@pytest.mark.parametrize(("helped", "expected_presses"), [
    (False, TYPED_IN_FULL), (True, WITH_SUGGESTIONS)], ids=["typed-in-full", "suggestions"])
def test_the_seed_readout_entered_with_the_keyboard_alone(
        qtbot: QtBot, archive: Archive, helped: bool, expected_presses: int) -> None:
    window = main_window(qtbot, archive)  # home zone Asia/Tokyo, active
    keys = Keyboard(qtbot)
    try:
        keys.press(Qt.Key.Key_N, Mod.ControlModifier)
        wait(qtbot, open_editors)
        editor = open_editors()[-1]
        qtbot.waitUntil(editor.isActiveWindow, timeout=3000)
        with qtbot.waitSignal(editor.saved, timeout=10_000):
            enter_seed(keys, editor, qtbot, helped=helped)
        readout_id = editor.readout_id()
        assert readout_id is not None
        keys.press(Qt.Key.Key_W, Mod.ControlModifier)  # close the editor
        wait(qtbot, lambda: not open_editors())
        window.activateWindow()  # as the window manager does when a window closes
        qtbot.waitUntil(window.isActiveWindow, timeout=3000)
        keys.press(Qt.Key.Key_F, Mod.ControlModifier)
        keys.type("Gervasi")
        wait(qtbot, lambda: window.model.query == "Gervasi"
             and window.current_readout_id() == readout_id)
        wait(qtbot, lambda: "11:10 p.m. on May 3 JST" in window.detail.toPlainText())
        compare_with_expected(archive, readout_id)
        print(f"key presses ({'with suggestions' if helped else 'typed in full'}): "
              f"{keys.presses}")
        assert keys.presses == expected_presses
    finally:
        close_all_editors()
