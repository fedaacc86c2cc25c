"""The detail pane shows archive text as text and never fetches anything by itself."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.domain.records import (
    MeetingSession,
    Mode,
    Photo,
    Place,
    PrintedTime,
    Readout,
    SummaryPoint,
)
from readout_desk.ui.detail_view import DetailView
from readout_desk.ui.main_window import MainWindow
from tests.ui.conftest import WAIT_MS

MARKUP = '<b>bold</b><img src="http://example.invalid/x.png">'


def hostile_readout() -> Readout:
    return Readout(
        title="Talks <script>alert(1)</script>",
        relation=("JP", "PE"),
        meeting_date=dt.date(2023, 5, 3),
        mode=Mode.TELEPHONE,
        lead="A lead with <a href='http://example.invalid/'>a link</a> in it.",
        points=(SummaryPoint(f"The ministers agreed. {MARKUP}"),),
        photos=(Photo('<img src="http://example.invalid/y.png">', "../../etc/passwd"),),
        source_url="javascript:alert(1)",
    )


def _images(document: QTextDocument) -> list[str]:
    names = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                names.append(fmt.toImageFormat().name())
            it += 1
        block = block.next()
    return names


def test_markup_in_a_summary_is_shown_literally_and_nothing_is_fetched(
        qtbot: QtBot, archive: Archive, open_window: Callable[..., MainWindow],
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Stored as an older archive or another program may hold it: the archive now refuses
    # such a photo name on the way in.
    (saved_id,) = archive.add_many([hostile_readout()], validate=False)
    saved = archive.get(saved_id)
    asked: list[str] = []
    original = DetailView.loadResource

    def spy(self: DetailView, kind: int, url: QUrl) -> object:
        asked.append(QUrl(url).toString())
        return original(self, kind, url)

    monkeypatch.setattr(DetailView, "loadResource", spy)
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    window = open_window(archive)
    qtbot.waitUntil(lambda: window.detail.readout is not None
                    and window.detail.readout.id == saved.id, timeout=WAIT_MS)
    text = window.detail.toPlainText()
    assert MARKUP in text
    assert "Talks <script>alert(1)</script>" in text
    assert "<a href='http://example.invalid/'>a link</a>" in text
    assert '[Photo] <img src="http://example.invalid/y.png">' in text
    assert "javascript:alert(1)" in text  # shown as text, not as a link
    document = window.detail.document()
    assert _images(document) == []
    assert not any(u.startswith(("http", "javascript")) for u in asked)
    assert "example.invalid" not in "".join(asked)
    html = window.detail.toHtml()
    assert "<img" not in html and "<script" not in html
    assert 'href="javascript' not in html
    assert opened == []


def test_links_open_only_on_click_and_only_http(
        qtbot: QtBot, archive: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    view = DetailView(archive)
    qtbot.addWidget(view)
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    assert not view.openLinks() and not view.openExternalLinks()
    view.show_readout(Readout(title="T", source_url="https://www.mofa.go.jp/x.html"), "UTC")
    assert 'href="https://www.mofa.go.jp/x.html"' in view.toHtml()
    assert opened == []
    view.anchorClicked.emit(QUrl("https://www.mofa.go.jp/x.html"))
    view.anchorClicked.emit(QUrl("file:///etc/passwd"))
    view.anchorClicked.emit(QUrl("javascript:alert(1)"))
    assert opened == ["https://www.mofa.go.jp/x.html"]


def test_only_photos_inside_the_attachment_folder_are_loaded(
        qtbot: QtBot, archive: Archive, tmp_path: Path) -> None:
    folder = archive.attachments_dir
    assert folder is not None
    folder.mkdir(parents=True, exist_ok=True)
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    image.fill(0xFF3366)
    assert image.save(str(folder / "handshake.png"))
    outside = tmp_path / "outside.png"
    assert image.save(str(outside))
    view = DetailView(archive)
    qtbot.addWidget(view)
    refused: list[str] = []
    view.refusedUrl.connect(lambda url: refused.append(url.toString()))
    view.show_readout(Readout(title="With photo", photos=(
        Photo("Two ministers shake hands", "handshake.png"),
        Photo("Not ours", "../outside.png"))), "UTC")
    names = _images(view.document())
    assert len(names) == 1 and names[0].endswith("handshake.png")
    image_kind = QTextDocument.ResourceType.ImageResource.value
    assert view.loadResource(image_kind, QUrl.fromLocalFile(str(outside))) is None
    assert view.loadResource(image_kind, QUrl("http://example.invalid/x.png")) is None
    assert QUrl("http://example.invalid/x.png").toString() in refused


def test_a_printed_time_that_disagrees_is_flagged(qtbot: QtBot, archive: Archive) -> None:
    wrong = MeetingSession(
        kind="meeting", start=dt.datetime(2023, 5, 3, 9, 10), zone="America/Lima",
        duration_minutes=15,
        printed_other=PrintedTime("10:10 p.m. on May 3 JST", "Asia/Tokyo",
                                  dt.datetime(2023, 5, 3, 22, 10)))
    readout = Readout(title="Mismatch", sessions=(wrong,), place=Place("Lima", "PE"))
    view = DetailView(archive)
    qtbot.addWidget(view)
    view.show_readout(readout, "Asia/Tokyo")
    text = view.toPlainText()
    assert "Printed time disagrees with the time-zone rules" in text
    assert "11:10 p.m. on May 3 JST" in text  # the computed time
    assert "10:10 p.m. on May 3 JST" in text  # what the source printed
    assert "#a01010" in view.toHtml().lower()
