"""The zone picker: searchable, with offsets, suggested zones first."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.ui.editor import open_editor
from readout_desk.ui.zone_picker import ZonePicker, zone_of_text
from tests.archive.helpers import brazil_readout
from tests.ui.editor.conftest import close_all_editors

JANUARY = dt.datetime(2025, 1, 15, 12, 0, tzinfo=dt.timezone.utc)
JULY = dt.datetime(2025, 7, 15, 12, 0, tzinfo=dt.timezone.utc)


def test_every_zone_is_listed_with_its_offset(qtbot: QtBot) -> None:
    picker = ZonePicker(at=JANUARY)
    qtbot.addWidget(picker)
    labels = [picker.itemText(i) for i in range(picker.count())]
    assert "Asia/Tokyo (UTC+9, JST)" in labels
    assert "America/Lima (UTC-5)" in labels
    assert "Asia/Kolkata (UTC+5:30, IST)" in labels
    assert not any(label.startswith("US/") for label in labels)


def test_offsets_follow_the_reference_time(qtbot: QtBot) -> None:
    picker = ZonePicker(at=JANUARY)
    qtbot.addWidget(picker)
    picker.set_reference_time(JULY)
    labels = [picker.itemText(i) for i in range(picker.count())]
    assert "Europe/Berlin (UTC+2, CEST)" in labels


def test_suggested_zones_come_first(qtbot: QtBot) -> None:
    picker = ZonePicker(at=JANUARY)
    qtbot.addWidget(picker)
    zones = picker.suggest_for_place("", "US")  # a country with several zones
    assert zones[0] == "America/New_York" and len(zones) > 5
    assert picker.itemData(0) == "America/New_York"
    assert picker.suggest_for_place("Lima", "PE") == ["America/Lima"]
    assert picker.itemText(0) == "America/Lima (UTC-5)"


def test_typing_searches_and_reads_back_the_plain_name(qtbot: QtBot) -> None:
    picker = ZonePicker(at=JANUARY)
    qtbot.addWidget(picker)
    picker.show()
    edited: list[str] = []
    picker.zoneEdited.connect(edited.append)
    line = picker.lineEdit()
    assert line is not None
    line.setFocus()
    qtbot.keyClicks(line, "lima")
    completer = picker.completer()
    assert completer is not None
    assert completer.completionCount() >= 1
    assert completer.currentCompletion() == "America/Lima (UTC-5)"
    popup = completer.popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert picker.zone() == "America/Lima"
    assert edited[-1] == "America/Lima"


def test_set_zone_is_silent_and_keeps_unknown_text(qtbot: QtBot) -> None:
    picker = ZonePicker(at=JANUARY)
    qtbot.addWidget(picker)
    edited: list[str] = []
    picker.zoneEdited.connect(edited.append)
    picker.set_zone("Asia/Tokyo")
    assert picker.currentText() == "Asia/Tokyo (UTC+9, JST)" and picker.zone() == "Asia/Tokyo"
    picker.set_zone("Mars/Base")
    assert picker.zone() == "Mars/Base"
    picker.set_zone("")
    assert picker.zone() == ""
    assert edited == []
    assert zone_of_text("America/Lima (UTC-5)") == "America/Lima"


def test_the_editor_shows_offsets_of_the_meeting_day(qtbot: QtBot, archive: Archive) -> None:

    saved = archive.add(brazil_readout())  # New York, September 25: summer time (EDT)
    editor = open_editor(None, archive, readout_id=saved.id, home_zone="Asia/Tokyo")
    assert editor is not None
    try:
        assert "EDT" in editor.when.zone.currentText()
        assert "UTC-4" in editor.when.zone.currentText()
        assert "EDT" in editor.sessions.zone.currentText()
    finally:
        close_all_editors()
