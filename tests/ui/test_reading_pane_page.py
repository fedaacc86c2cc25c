"""The reading pane's page is read and laid out in a worker, and is the page it always was.

The window used to read the readout through the ORM and build its HTML on the UI thread;
now the worker reads it in plain statements and builds the HTML (:func:`readout_page`),
leaving the UI thread only the document's layout. The HTML must be the same, for the
demo readouts, the shared examples and Japanese readouts alike; photos arrive decoded and
at the width shown.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.domain.extract import extract
from readout_desk.domain.records import Photo, Readout
from readout_desk.ui.detail_view import PHOTO_WIDTH, DetailView, ReadoutPage, readout_page
from readout_desk.ui.main_window import MainWindow
from tests.archive.helpers import read_through_the_orm

WAIT_MS = 10_000
JAPANESE = Path(__file__).resolve().parents[1] / "extract" / "corpus_ja"


def _saved(archive: Archive, texts: list[bytes]) -> None:
    readouts = []
    for i, text in enumerate(texts):
        readout = extract(text).readout
        readouts.append(readout if readout.title else
                        dataclasses.replace(readout, title=f"Untitled example {i}"))
    archive.add_many(readouts, validate=False)


def _a_photo(archive: Archive, name: str, width: int) -> Path:
    folder = archive.attachments_dir
    assert folder is not None
    folder.mkdir(parents=True, exist_ok=True)
    image = QImage(width, width // 2, QImage.Format.Format_RGB32)
    image.fill(0x3366FF)
    assert image.save(str(folder / name))
    return folder / name


@pytest.mark.parametrize("date_format", ["long", "iso"])
def test_the_page_read_and_built_in_a_worker_is_the_page_built_before(
        qtbot: QtBot, demo_archive: Archive, examples_dir: Path,
        open_window: Callable[..., MainWindow], date_format: str) -> None:
    _saved(demo_archive, [p.read_bytes() for p in sorted(examples_dir.glob("*.txt"))])
    _saved(demo_archive, [p.read_bytes() for p in sorted(JAPANESE.glob("*.txt"))[:6]])
    _a_photo(demo_archive, "handshake.png", 40)
    (with_photo,) = demo_archive.add_many([Readout(
        title="With a photo", meeting_date=dt.date(2024, 5, 6),
        photos=(Photo("Two ministers shake hands", "handshake.png"),
                Photo("Not ours", "../outside.png")))], validate=False)
    window = open_window(demo_archive)
    window.detail.date_format = date_format
    controller, zone = window.search_controller, window.home_zone()
    languages = set()
    for readout_id in demo_archive.all_ids():
        before = read_through_the_orm(demo_archive, readout_id)
        languages.add(before.language)
        for words in ((), ("Minister", "会談")):
            on_the_ui_thread = readout_page(before, zone, words, date_format=date_format,
                                            attachments=demo_archive.attachments_dir)
            with qtbot.waitSignal(controller.readoutReady, timeout=WAIT_MS) as ready:
                controller.request_readout(readout_id, words, window.detail.page_maker(zone))
            readout, _words, page = ready.args
            assert isinstance(page, ReadoutPage) and page.readout is readout
            assert readout == before
            assert page.html == on_the_ui_thread.html
            assert len(page.images) == (1 if readout_id == with_photo else 0)
    assert {"en", "ja"} <= languages


def test_a_photo_is_decoded_with_the_page_at_the_width_shown(
        qtbot: QtBot, archive: Archive) -> None:
    photo = _a_photo(archive, "wide.png", 1200)
    readout = Readout(title="Wide photo", photos=(Photo("A wide view", "wide.png"),))
    page = readout_page(readout, "UTC", attachments=archive.attachments_dir, pixel_ratio=2.0)
    (image,) = page.images.values()
    assert image.width() == 2 * PHOTO_WIDTH and image.deviceIndependentSize().width() == 320
    photo.unlink()  # laying the page out reads no file any more
    view = DetailView(archive)
    qtbot.addWidget(view)
    view.show_page(page)
    kind = QTextDocument.ResourceType.ImageResource.value
    (url,) = page.images
    shown = view.document().resource(kind, QUrl(url))
    assert isinstance(shown, QImage) and shown.width() == 2 * PHOTO_WIDTH
    assert view.readout is readout and "A wide view" in view.toPlainText()


def test_the_window_shows_the_page_its_worker_built(
        qtbot: QtBot, demo_archive: Archive, open_window: Callable[..., MainWindow]) -> None:
    window = open_window(demo_archive)
    qtbot.waitUntil(lambda: window.detail.readout is not None, timeout=WAIT_MS)
    shown = window.detail.readout
    assert shown is not None and shown.id == window.current_readout_id()
    before = DetailView(demo_archive)
    qtbot.addWidget(before)
    before.setFont(window.detail.font())
    before.show_readout(read_through_the_orm(demo_archive, shown.id or 0), window.home_zone())
    assert shown.title in window.detail.toPlainText()
    assert window.detail.toHtml() == before.toHtml()
