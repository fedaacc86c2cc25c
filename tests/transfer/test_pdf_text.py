"""Text copied out of a PDF export is the text that was laid out: a Japanese readout's
kanji come back as the ideographs, not as the radicals a CJK font draws with one glyph."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from readout_desk import printing
from readout_desk.archive import html_document
from readout_desk.domain import render
from readout_desk.domain.records import Readout, SummaryPoint
from tests.domain.test_render_ja import lima

#: Kanji whose glyph a CJK font shares with a radical (日 ⽇, 大 ⼤, 民 ⺠, 西 ⻄, 長 ⻑, 青 ⻘,
#: 見 ⾒, 行 ⾏, 人 ⼈) and the katakana middle dot, which shares one with U+2027.
SHARED = "両者は、民間の西側の長期的な青写真を見て、日本の大きな行動と人の往来を歓迎しました。"
#: Radicals (Kangxi and the supplement) and the hyphenation point.
LOOK_ALIKES = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf\u2027]")


def _readout() -> Readout:
    r = lima()
    return replace(r, points=(*r.points, SummaryPoint(SHARED, label="2")))


def _text_of(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.skipif(shutil.which("pdftotext") is None,
                    reason="pdftotext (poppler-utils) is not installed")
def test_pdftotext_gives_back_the_exact_japanese_text(qtbot: QtBot, tmp_path: Path) -> None:
    readout = _readout()
    out = tmp_path / "ja.pdf"
    printing.write_pdf(html_document([readout], "Asia/Tokyo", "日本語の記録"), out,
                       title="日本語の記録")
    copied = _text_of(out)
    assert LOOK_ALIKES.findall(copied) == []
    flat = _squeezed(copied)  # pdftotext breaks lines where the page does
    assert readout.title in flat and _squeezed(readout.lead) in flat
    assert SHARED in flat
    for line in render.participant_lines(readout):
        assert _squeezed(line) in flat
    assert "発表日：2023年5月4日" in flat


def _cmap(entries: str) -> bytes:
    """A made-up PDF fragment: a font of an unknown family with its ToUnicode map."""
    return (b"5 0 obj\n<< /Type /Font\n/Subtype /Type0\n/BaseFont /NoSuchFamily-Regular\n"
            b"/Encoding /Identity-H\n/ToUnicode 9 0 R>>\nendobj\n9 0 obj\n<< /Length 99 >>\n"
            b"stream\n" + entries.encode("ascii") + b"\nendstream\nendobj\n")


def test_the_map_names_the_characters_laid_out_and_moves_nothing() -> None:
    pdf = _cmap("2 beginbfrange\n<0000> <0000> <0000>\n<0001> <0003> [<2F47> <672C> <2F24>]\n"
                "endbfrange\n1 beginbfchar\n<2F47> <2F08>\nendbfchar\n"
                "1 beginbfrange\n<0005> <0005> <2EA0>\nendbfrange")
    fixed = printing.text_maps_corrected(pdf, "日本大人")
    assert len(fixed) == len(pdf)
    # Ideographs for the radicals the text does not hold; a glyph's own code (<2F47> on
    # the left of the bfchar pair) untouched; ⺠ has no folding to 民, so it stays.
    assert b"[<65E5> <672C> <5927>]" in fixed and b"<2F47> <4EBA>" in fixed
    assert b"<0005> <0005> <2EA0>" in fixed


def test_a_radical_the_text_holds_is_kept() -> None:
    pdf = _cmap("1 beginbfrange\n<0001> <0001> [<2F47>]\nendbfrange")
    assert printing.text_maps_corrected(pdf, "部首⽇") == pdf
