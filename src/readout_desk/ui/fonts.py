"""Fonts that have the glyphs of Japanese text on every platform, named explicitly.

Qt falls back to some font for a character the widget's font lacks, but which one
depends on the platform and what is installed; a Japanese readout could then show kanji
in a Chinese form or as empty boxes. A widget that shows archive text lists these after
its own family: the first one installed is used for what its own font lacks.
"""

from __future__ import annotations

from PySide6.QtGui import QFont

#: Japanese-capable families, most preferred first: Noto/Source Han (Linux, or installed
#: anywhere), Windows (Yu Gothic, Meiryo, MS Gothic), macOS (Hiragino), older Linux.
JAPANESE_FALLBACKS = (
    "Noto Sans CJK JP", "Noto Sans JP", "Source Han Sans JP", "Yu Gothic UI", "Yu Gothic",
    "Meiryo UI", "Meiryo", "MS Gothic", "Hiragino Sans", "Hiragino Kaku Gothic ProN",
    "IPAexGothic", "IPAGothic", "TakaoPGothic", "VL PGothic",
)


def with_japanese_fallbacks(font: QFont) -> QFont:
    """``font`` with its own family first and :data:`JAPANESE_FALLBACKS` after it."""
    widened = QFont(font)
    own = [f for f in font.families() or [font.family()] if f not in JAPANESE_FALLBACKS]
    widened.setFamilies([*own, *JAPANESE_FALLBACKS])
    return widened
