"""PDF through Qt's printing: an HTML document laid out by QTextDocument on A4 pages.

This is the one module outside ``readout_desk.ui`` allowed to import PySide6, and it uses
only QtCore and QtGui (``QTextDocument``, ``QPdfWriter``, ``QGuiApplication``), never
widgets. The command line imports it lazily, inside ``export --format pdf``, so that no
other command loads Qt; the window's export dialog imports it the same way. The HTML comes
from the archive's HTML export (``readout_desk.archive.html_document``), so a PDF shows
exactly what an HTML export shows.

Copying text out of the PDF gives the characters that were laid out: Qt writes each
embedded font's ToUnicode map by reversing the font's character map, and where several
characters share one glyph it names the lowest of them. A CJK font draws 日 and the
Kangxi radical ⽇ (U+2F47), 民 and ⺠, ・ and ‧ (U+2027) with one glyph each, so Qt's map
turns 日 into ⽇. :func:`text_maps_corrected` names, for such a glyph, the character the
document holds instead (same length in the file, so nothing else in it moves).
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections import Counter
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QRawFont,
    QTextDocument,
)

# Keeps the application object made for a program without a window alive for the
# process's life (Qt allows one per process).
_started_apps: list[QGuiApplication] = []


#: How the HTML export opens each readout (``archive.transfer.exporting.readout_html``).
READOUT_START = '<article class="readout"'  # attributes may follow (lang="ja")


def readout_per_page(html: str) -> str:
    """``html`` with each readout after the first starting on a new page, so no heading is
    left at the foot of a page with its readout overleaf."""
    first, *rest = html.split(READOUT_START)
    if not rest:
        return html
    pages = [first, READOUT_START, rest[0]]
    for part in rest[1:]:
        # Qt lays out no <article>; the break goes on a block of its own.
        pages += ['<div style="page-break-before: always"></div>', READOUT_START, part]
    return "".join(pages)


def write_pdf(html: str, out: Path, *, title: str = "Readouts") -> None:
    """Lay ``html`` out on A4 pages and write it to ``out`` (through a temporary file).

    Must run on the thread that owns the QGuiApplication (Qt's text layout needs it).
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.part")
    writer = QPdfWriter(str(partial))
    writer.setTitle(title)
    writer.setCreator("Readout Desk")
    writer.setResolution(300)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter))
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setHtml(readout_per_page(html))
    document.print_(writer)
    del writer  # the file is finished when the writer goes
    if not partial.exists() or partial.stat().st_size == 0:
        partial.unlink(missing_ok=True)
        raise OSError(f"Qt wrote no PDF to {out}")
    written = partial.read_bytes()
    corrected = text_maps_corrected(written, document.toPlainText())
    if corrected != written:
        partial.write_bytes(corrected)
    os.replace(partial, out)


# ----- the text a PDF gives back ------------------------------------------------------

_FONT_MAP = re.compile(rb"/BaseFont /([^\s/<>\[\]()]+)[^>]*?/ToUnicode (\d+) 0 R")
_HEX = re.compile(rb"<([0-9A-Fa-f]{4})>")
_SECTION = re.compile(rb"begin(bfrange|bfchar)(.*?)end\1", re.S)
_RANGE_LINE = re.compile(rb"^\s*<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*(.*?)\s*$", re.M)


def text_maps_corrected(pdf: bytes, text: str) -> bytes:
    """``pdf`` with each embedded font's ToUnicode map naming the characters of ``text``
    (the characters laid out) where Qt named another character drawn with the same glyph.

    A character of the map that ``text`` does not hold is replaced by one it holds that
    the font draws with the same glyph (or, when the font is not found, that is the same
    character under compatibility normalisation: ⽇ is 日). Codes beyond the Basic Multilingual
    Plane, and ranges mapped by their first character alone, are left as they are."""
    used = Counter(text)
    out = bytearray(pdf)
    for font in _FONT_MAP.finditer(pdf):
        name, number = font.group(1).decode("latin-1"), int(font.group(2))
        start = pdf.find(b"\n%d 0 obj" % number)
        end = pdf.find(b"endstream", start)
        if start < 0 or end < 0:
            continue
        for position in _destinations(pdf, start, end):
            code = int(pdf[position:position + 4], 16)
            better = _laid_out(chr(code), used, name)
            if better is not None:
                out[position:position + 4] = b"%04X" % ord(better)
    return bytes(out)


def _destinations(pdf: bytes, start: int, end: int) -> list[int]:
    """Where each character the map names starts (its four hex digits): each entry of a
    bfrange's array, the one character of a one-glyph bfrange, the second code of each
    bfchar pair. Never a glyph's own code."""
    found: list[int] = []
    for section in _SECTION.finditer(pdf, start, end):
        a, b = section.span(2)
        if section.group(1) == b"bfchar":
            found += [m.start(1) for m in list(_HEX.finditer(pdf, a, b))[1::2]]
            continue
        for line in _RANGE_LINE.finditer(pdf, a, b):
            codes = [m.group(1) for m in _HEX.finditer(line.group(0))]
            targets = list(_HEX.finditer(pdf, line.start(1), line.end(1)))
            if line.group(1).startswith(b"["):
                found += [m.start(1) for m in targets]
            elif len(codes) == 3 and codes[0] == codes[1]:
                found.append(targets[0].start(1))
    return found


def _laid_out(char: str, used: Counter[str], font_name: str) -> str | None:
    """The character of the document that ``char`` stands for, if ``char`` is not itself
    in it; ``None`` when it is, or when none is drawn the same."""
    if char in used:
        return None
    raw = _raw_font(font_name)
    if raw is not None:
        glyph = raw.glyphIndexesForString(char)
        same = [c for c in used if len(c.encode("utf-16-le")) == 2
                and raw.glyphIndexesForString(c) == glyph] if glyph and glyph[0] else []
    else:
        normal = unicodedata.normalize("NFKC", char)
        same = [normal] if len(normal) == 1 and normal in used else []
    return max(same, key=lambda c: used[c]) if same else None


@functools.lru_cache(maxsize=16)
def _raw_font(postscript: str) -> QRawFont | None:
    """The installed font an embedded one was made from ("NotoSansCJKjp-Bold" is Noto
    Sans CJK JP, bold), found by its name without spaces; ``None`` when none is."""
    base = postscript.split("+")[-1]
    family_key, _, style = base.partition("-")
    for family in QFontDatabase.families():
        if family.replace(" ", "").lower() == family_key.lower():
            font = QFont(family)
            font.setBold("bold" in style.lower())
            raw = QRawFont.fromFont(font)
            return raw if raw.isValid() else None
    return None


def write_pdf_offscreen(html: str, out: Path, *, title: str = "Readouts") -> None:
    """:func:`write_pdf` from a program without a window (the command line).

    Starts an offscreen QGuiApplication when none is running, so no display is needed;
    an application already running (the window's, or a test's) is used as it is.
    """
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _started_apps.append(QGuiApplication(["readout-desk-cli"]))
    write_pdf(html, out, title=title)
