"""The detail pane names Japanese-capable fonts after its own, and keeps them when the
font size changes; where one is installed, it has the glyphs of Japanese text."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QRawFont
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.ui.detail_view import DetailView
from readout_desk.ui.fonts import JAPANESE_FALLBACKS, with_japanese_fallbacks

SAMPLE = "日・ブラジル外相会談　現地時間午前10時30分（日本時間同日）ロドリゴ・タバレス"


def test_the_fallbacks_follow_the_widgets_own_family(qtbot: QtBot) -> None:
    font = QFont("DejaVu Sans", 11)
    widened = with_japanese_fallbacks(font)
    assert widened.families() == ["DejaVu Sans", *JAPANESE_FALLBACKS]
    assert widened.pointSize() == 11
    assert with_japanese_fallbacks(widened).families() == widened.families()


def test_the_detail_pane_lists_them_and_keeps_them_at_another_size(
        qtbot: QtBot, archive: Archive) -> None:
    view = DetailView(archive)
    qtbot.addWidget(view)
    assert view.font().families()[1:] == list(JAPANESE_FALLBACKS)
    resized = QFont(view.font())
    resized.setPointSize(18)  # what the preferences do with it
    view.setFont(resized)
    assert view.font().families()[1:] == list(JAPANESE_FALLBACKS)


def test_an_installed_fallback_has_every_glyph_of_japanese_text(qtbot: QtBot) -> None:
    installed = [f for f in JAPANESE_FALLBACKS if f in QFontDatabase.families()]
    if not installed:
        pytest.skip("no Japanese font installed (Debian: fonts-noto-cjk)")
    raw = QRawFont.fromFont(QFont(installed[0]), QFontDatabase.WritingSystem.Japanese)
    # By code point: PySide's one-character overload misreads some characters.
    missing = [c for c in SAMPLE if not c.isspace() and not raw.supportsCharacter(ord(c))]
    assert missing == []
    latin_only = QRawFont.fromFont(QFont("DejaVu Sans"))
    if latin_only.familyName() == "DejaVu Sans":  # the check can tell a font without them
        assert not latin_only.supportsCharacter(ord("日"))
