"""The detail pane: one readout laid out as a document, safe to show whatever it holds.

Archive text is escaped by :func:`readout_desk.domain.render.readout_html`; on top of
that the browser never follows or fetches anything by itself: links open on click in
the system browser (http and https only) and the only resources it loads are photo
files inside the archive's attachment folder.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from readout_desk.archive import Archive
from readout_desk.domain import render
from readout_desk.domain.records import Photo, Readout
from readout_desk.ui.fonts import with_japanese_fallbacks
from readout_desk.ui.readout_words import label_language, pane_date_format
from readout_desk.ui.settings import format_date


class DetailView(QTextBrowser):
    """Shows the current readout. ``refusedUrl`` reports every resource it would not load."""

    refusedUrl = Signal(QUrl)  # noqa: N815
    #: The readout now shown (``None`` when the pane is empty), for the panes beside it.
    readoutShown = Signal(object)  # noqa: N815

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.setObjectName("detailView")
        self.setAccessibleName(self.tr("Readout"))
        self.setToolTip(self.tr("The selected readout"))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.setFont(with_japanese_fallbacks(self.font()))
        self.anchorClicked.connect(self._open_link)
        self.date_format = "long"
        self.readout: Readout | None = None
        self.requested_urls: list[QUrl] = []
        self.show_nothing("")

    def show_readout(self, readout: Readout, home_zone: str,
                     highlight: tuple[str, ...] | list[str] = ()) -> None:
        """Lay out ``readout`` with times also in ``home_zone`` and search words marked."""
        self.readout = readout
        own_format = pane_date_format(readout, self.date_format)
        self.setHtml(render.readout_html(
            readout, home_zone, highlight,
            date_text=lambda day: format_date(day, own_format),
            photo_url=self._photo_url, label_language=label_language()))
        self.setAccessibleDescription(readout.title)
        self.readoutShown.emit(readout)

    def show_nothing(self, message: str) -> None:
        """An empty pane with a short note."""
        self.readout = None
        self.setHtml(f'<p style="color: #808080;">{html.escape(message)}</p>' if message else "")
        self.readoutShown.emit(None)

    def _photo_url(self, photo: Photo) -> str | None:
        path = self._attachment(photo.file)
        return QUrl.fromLocalFile(str(path)).toString() if path else None

    def _attachment(self, name: str) -> Path | None:
        """The photo file ``name`` if it lies inside the attachment folder and exists."""
        folder = self.archive.attachments_dir
        if not name or folder is None:
            return None
        try:
            path = (folder / name).resolve()
            if not path.is_relative_to(folder.resolve()) or not path.is_file():
                return None
        except (OSError, ValueError):
            return None
        return path

    def loadResource(self, kind: int, url: QUrl | str) -> Any:
        """QTextBrowser.loadResource: only photo files from the attachment folder."""
        qurl = QUrl(url) if isinstance(url, str) else url
        self.requested_urls.append(QUrl(qurl))
        image_kind = QTextDocument.ResourceType.ImageResource.value
        if getattr(kind, "value", kind) == image_kind and qurl.isLocalFile():
            folder = self.archive.attachments_dir
            local = Path(qurl.toLocalFile())
            if folder is not None:
                try:
                    inside = local.resolve().is_relative_to(folder.resolve())
                except (OSError, ValueError):
                    inside = False
                if inside and local.is_file():
                    image = QImage(str(local))
                    if not image.isNull():
                        return image
        self.refusedUrl.emit(QUrl(qurl))
        return None

    def _open_link(self, url: QUrl) -> None:
        """Open a clicked http(s) link in the system browser; ignore anything else."""
        if url.scheme().lower() in ("http", "https"):
            QDesktopServices.openUrl(url)
