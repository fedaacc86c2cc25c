"""PDF through Qt's printing: an HTML document laid out by QTextDocument on A4 pages.

This is the one module outside ``readout_desk.ui`` allowed to import PySide6, and it uses
only QtCore and QtGui (``QTextDocument``, ``QPdfWriter``, ``QGuiApplication``), never
widgets. The command line imports it lazily, inside ``export --format pdf``, so that no
other command loads Qt; the window's export dialog imports it the same way. The HTML comes
from the archive's HTML export (``readout_desk.archive.html_document``), so a PDF shows
exactly what an HTML export shows.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

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
    os.replace(partial, out)


def write_pdf_offscreen(html: str, out: Path, *, title: str = "Readouts") -> None:
    """:func:`write_pdf` from a program without a window (the command line).

    Starts an offscreen QGuiApplication when none is running, so no display is needed;
    an application already running (the window's, or a test's) is used as it is.
    """
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _started_apps.append(QGuiApplication(["readout-desk-cli"]))
    write_pdf(html, out, title=title)
