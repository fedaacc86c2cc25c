"""The detail pane: one readout laid out as a document, safe to show whatever it holds.

Archive text is escaped by :func:`readout_desk.domain.render.readout_html`; on top of
that the browser never follows or fetches anything by itself: links open on click in
the system browser (http and https only) and the only resources it loads are photo
files inside the archive's attachment folder.

The window lays a readout out off the UI thread: :func:`readout_page` (pure, safe in a
worker) builds the document's HTML and decodes its photos, already at the width shown,
and :meth:`DetailView.show_page` leaves the UI thread only the document's layout.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QPainter, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from readout_desk.domain import render
from readout_desk.domain.records import Photo, Readout
from readout_desk.ui.fonts import with_japanese_fallbacks
from readout_desk.ui.readout_words import label_language, pane_date_format, topic_label
from readout_desk.ui.settings import format_date

if TYPE_CHECKING:
    from readout_desk.archive import Archive

#: The width a photo is shown at in the reading pane, in device-independent pixels.
PHOTO_WIDTH = 320
#: How long after a readout is laid out the pane paints it: long enough that the event
#: loop turns once between the two (keys and timers waiting are handled in between).
PAINT_AFTER_LAYOUT_MS = 1

#: A few letters, figures and signs in Latin and in Japanese script.
_SAMPLE = "Aa Bb 09 .,:;() àé 日本の会談、アイ。（１）"
#: The forms the reading pane shows text in (the tags and styles ``render.readout_html``
#: writes), each once: laid out when the pane is made, so the window's first readout
#: finds the fonts, fallbacks and sizes it needs loaded.
WARM_UP_HTML = (
    f'<p style="color: #606060;"><i>{_SAMPLE}</i></p><h2>{_SAMPLE}</h2><h3>{_SAMPLE}</h3>'
    f'<ul><li><b>{_SAMPLE}</b><br><span style="color: #a01010; font-weight: bold;">'
    f'&#9888; {_SAMPLE}</span></li></ul><table cellspacing="0" cellpadding="2"><tr><td '
    f'valign="top" style="padding-left: 12px;">1.</td><td valign="top">{_SAMPLE} <span '
    f'style="background-color: #fff1a8;">{_SAMPLE}</span></td></tr></table>'
    f'<p><a href="https://example.org/">{_SAMPLE}</a></p>')


@dataclass(frozen=True)
class ReadoutPage:
    """A readout laid out for the reading pane: its document and its photos, decoded."""

    readout: Readout
    html: str
    #: Each photo's image, by the address the document gives it.
    images: dict[str, QImage] = field(default_factory=dict)


def attachment(folder: Path | None, name: str) -> Path | None:
    """The photo file ``name`` if it lies inside the attachment ``folder`` and exists."""
    if not name or folder is None:
        return None
    try:
        path = (folder / name).resolve()
        if not path.is_relative_to(folder.resolve()) or not path.is_file():
            return None
    except (OSError, ValueError):
        return None
    return path


def readout_page(readout: Readout, home_zone: str, highlight: Sequence[str] = (), *,
                 date_format: str = "long", attachments: Path | None = None,
                 pixel_ratio: float = 1.0) -> ReadoutPage:
    """``readout`` laid out as the reading pane shows it, with times also in ``home_zone``
    and ``highlight`` marked. Touches no widget, so it runs in a worker: the photos are
    read and scaled to the width shown there too, not while the pane lays them out."""
    images: dict[str, QImage] = {}

    def photo_url(photo: Photo) -> str | None:
        path = attachment(attachments, photo.file)
        if path is None:
            return None
        url = QUrl.fromLocalFile(str(path)).toString()
        image = QImage(str(path))
        if not image.isNull():
            width = round(PHOTO_WIDTH * pixel_ratio)
            if image.width() > width:
                image = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
            image.setDevicePixelRatio(pixel_ratio)
            images[url] = image
        return url

    own_format = pane_date_format(readout, date_format)
    page = render.readout_html(readout, home_zone, highlight,
                               date_text=lambda day: format_date(day, own_format),
                               photo_url=photo_url, label_language=label_language(),
                               topic_text=topic_label)
    return ReadoutPage(readout, page, images)


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
        self._images: dict[str, QImage] = {}
        # Laying a readout out and painting it take a few milliseconds each: done in one
        # turn of the event loop, a key typed meanwhile waits for both.
        self._paint_later = QTimer(self)
        self._paint_later.setSingleShot(True)
        self._paint_later.setInterval(PAINT_AFTER_LAYOUT_MS)
        self._paint_later.timeout.connect(lambda: self.setUpdatesEnabled(True))
        self.show_nothing("")
        # Once the event loop turns: a window opened and typed into at once lays its
        # first readout out when the typing pauses, with the other answers to the keys.
        QTimer.singleShot(0, self, self.warm_up)

    def warm_up(self) -> None:
        """Lay out and draw :data:`WARM_UP_HTML` in the pane's font, off the screen: the
        fonts, fallbacks and glyphs a first readout needs are loaded now, not when it
        comes (twice the time of a later readout's layout, three times its paint)."""
        document = QTextDocument()
        document.setDefaultFont(self.document().defaultFont())
        document.setDocumentMargin(self.document().documentMargin())
        document.setHtml(WARM_UP_HTML)
        width = max(1, self.viewport().width())
        document.setTextWidth(width)
        image = QImage(width, max(1, round(document.size().height())),
                       QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(0)
        painter = QPainter(image)
        document.drawContents(painter)
        painter.end()

    def page_maker(self, home_zone: str) -> Callable[[Readout, Sequence[str]], ReadoutPage]:
        """What lays a readout out as this pane would, now, in any thread: the date format
        and the screen's pixel ratio are taken here, the attachment folder in the worker."""
        date_format, ratio, archive = self.date_format, self.devicePixelRatioF(), self.archive

        def make(readout: Readout, highlight: Sequence[str]) -> ReadoutPage:
            return readout_page(readout, home_zone, highlight, date_format=date_format,
                                attachments=archive.attachments_dir, pixel_ratio=ratio)

        return make

    def show_readout(self, readout: Readout, home_zone: str,
                     highlight: tuple[str, ...] | list[str] = ()) -> None:
        """Lay out ``readout`` with times also in ``home_zone`` and search words marked."""
        self.show_page(self.page_maker(home_zone)(readout, highlight))

    def show_page(self, page: ReadoutPage) -> None:
        """Show a readout laid out by :func:`readout_page` (in a worker, say)."""
        self.readout = page.readout
        self._images = page.images
        later = self.isVisible()
        if later:  # laid out now, painted once the event loop has turned
            self.setUpdatesEnabled(False)
        self.setHtml(page.html)
        if later:
            self._paint_later.start()
        self.setAccessibleDescription(page.readout.title)
        self.readoutShown.emit(page.readout)

    def show_nothing(self, message: str) -> None:
        """An empty pane with a short note."""
        self.readout = None
        self._images = {}
        self.setHtml(f'<p style="color: #808080;">{html.escape(message)}</p>' if message else "")
        self.readoutShown.emit(None)

    def loadResource(self, kind: int, url: QUrl | str) -> Any:
        """QTextBrowser.loadResource: only photo files from the attachment folder (read
        with the page when it was laid out in a worker)."""
        qurl = QUrl(url) if isinstance(url, str) else url
        self.requested_urls.append(QUrl(qurl))
        image_kind = QTextDocument.ResourceType.ImageResource.value
        ready = self._images.get(qurl.toString())
        if getattr(kind, "value", kind) == image_kind and ready is not None:
            return ready
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
