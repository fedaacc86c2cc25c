"""PDF export through Qt's printing: the HTML export laid out by QTextDocument on A4 pages.

The command line reaches this through :func:`export_pdf_offscreen`, which starts an
offscreen QGuiApplication when none is running, so no display is needed.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from readout_desk.archive.store import Archive
from readout_desk.archive.transfer.common import (
    CancelFn,
    ProgressFn,
    never_cancelled,
    no_progress,
)
from readout_desk.archive.transfer.exporting import html_document, iter_readouts


def write_pdf(html: str, out: Path, *, title: str = "Readouts") -> None:
    """Lay ``html`` out on A4 pages and write it to ``out`` (through a temporary file)."""
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
    document.setHtml(html)
    document.print_(writer)
    del writer  # the file is finished when the writer goes
    if not partial.exists() or partial.stat().st_size == 0:
        partial.unlink(missing_ok=True)
        raise OSError(f"Qt wrote no PDF to {out}")
    os.replace(partial, out)


def export_pdf(archive: Archive, ids: Sequence[int], out: Path, *, home_zone: str,
               title: str = "Readouts", progress: ProgressFn = no_progress,
               cancelled: CancelFn = never_cancelled) -> int:
    """Write the readouts ``ids`` to a PDF file; returns how many were written.

    Must run on the thread that owns the QGuiApplication (Qt's text layout needs it).
    """
    readouts = list(iter_readouts(archive, ids, progress, cancelled))
    write_pdf(html_document(readouts, home_zone, title), Path(out), title=title)
    return len(readouts)


# Keeps the application object made for the command line alive for the process's life.
_offscreen_apps: list[QGuiApplication] = []


def export_pdf_offscreen(archive: Archive, ids: Sequence[int], out: Path, *, home_zone: str,
                         title: str = "Readouts") -> int:
    """:func:`export_pdf` from a program without a GUI (the command line)."""
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        # A QApplication (not just a QGuiApplication), so that widgets can still be made
        # in the same process afterwards (Qt allows one application object per process).
        from PySide6.QtWidgets import QApplication

        _offscreen_apps.append(QApplication(["readout-desk-cli"]))
    return export_pdf(archive, ids, out, home_zone=home_zone, title=title)
