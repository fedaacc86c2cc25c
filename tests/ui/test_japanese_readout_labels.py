"""The detail pane shows a Japanese readout's printed-time hint and labels in Japanese in the
Japanese interface, and an English readout's in English in the English interface (labels
follow the interface: ``tests/ui/test_readout_language.py``)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.ui.detail_view import DetailView
from tests.transfer.test_japanese_export_labels import _english, _japanese
from tests.ui.translation import japanese

__all__ = ["japanese"]  # the fixture, used by name


def test_the_printed_time_hint_of_a_japanese_readout_is_in_japanese(
        qtbot: QtBot, japanese: None, archive: Archive) -> None:
    view = DetailView(archive)
    qtbot.addWidget(view)
    view.show_readout(_japanese(), "Asia/Tokyo")
    shown = view.toPlainText()
    assert "原文の記載：日本時間4日午前0時10分" in shown
    assert ("記載の時刻（5月4日午前0時10分）は時差の規則と合いません。"
            "規則では5月3日午後11時10分（JST）です。") in shown
    assert "発表日：2023年5月4日" in shown and "出席者" in shown
    for english in ("The source printed", "Printed time disagrees", "Participants",
                    "Published", "Sessions"):
        assert english not in shown


def test_the_printed_time_hint_of_an_english_readout_is_in_english(
        qtbot: QtBot, archive: Archive) -> None:
    view = DetailView(archive)
    qtbot.addWidget(view)
    view.show_readout(_english(), "Asia/Tokyo")
    shown = view.toPlainText()
    assert "The source printed: 日本時間4日午前0時10分" in shown
    assert "Printed time disagrees with the time-zone rules: printed 12:10 a.m. on May 4 JST" \
        in shown
    assert "記載の時刻" not in shown
