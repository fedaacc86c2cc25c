"""Help > About: version, archive path, and a button that opens the data folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from readout_desk import __version__, paths
from readout_desk.archive import Archive
from readout_desk.ui import about
from readout_desk.ui.about import AboutDialog
from readout_desk.ui.main_window import MainWindow


class UrlRecorder(QObject):
    """Stands in for the file manager: records the folders it is asked to show."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def show(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def file_manager() -> Iterator[UrlRecorder]:
    recorder = UrlRecorder()
    # PySide6's stub asks for bytes, but the binding takes the slot's name only as str.
    QDesktopServices.setUrlHandler("file", recorder, cast(bytes, "show"))
    yield recorder
    QDesktopServices.unsetUrlHandler("file")


def _window(qtbot: QtBot, archive: Archive) -> MainWindow:
    window = MainWindow(archive)
    qtbot.addWidget(window)
    window.show()
    return window


def _open_about(qtbot: QtBot, window: MainWindow) -> AboutDialog:
    help_menu = window.menu("Help")
    actions = [a for a in help_menu.actions() if a.objectName() == "actionAbout"]
    assert len(actions) == 1
    assert actions[0].text().replace("&", "") == "About Readout Desk"
    actions[0].trigger()
    found: list[AboutDialog] = []

    def shown() -> bool:
        found[:] = [d for d in window.findChildren(AboutDialog) if d.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown, timeout=5000)
    return found[0]


def test_about_shows_version_and_archive_and_opens_the_data_folder(
        qtbot: QtBot, archive: Archive, archive_path: Path, file_manager: UrlRecorder) -> None:
    window = _window(qtbot, archive)
    dialog = _open_about(qtbot, window)
    version = dialog.findChild(type(dialog.archive_label), "aboutVersion")
    assert version is not None
    assert __version__ in version.text()
    assert dialog.archive_label.text() == str(archive_path)
    assert dialog.data_label.text() == str(archive_path.parent)

    button = dialog.findChild(QPushButton, "aboutOpenDataFolder")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert [u.toLocalFile() for u in file_manager.urls] == [str(archive_path.parent)]
    assert dialog.status.text() == f"Opened {archive_path.parent}."

    qtbot.mouseClick(dialog.open_logs, Qt.MouseButton.LeftButton)
    assert file_manager.urls[-1].toLocalFile() == str(paths.log_dir())

    qtbot.mouseClick(dialog.copy, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(f"Readout Desk {__version__}")
    assert f"Archive: {archive_path}" in copied


def test_about_marks_a_read_only_archive(qtbot: QtBot, archive_path: Path,
                                         file_manager: UrlRecorder) -> None:
    Archive.open(archive_path).close()
    read_only = Archive.open(archive_path, read_only=True)
    try:
        window = _window(qtbot, read_only)
        dialog = _open_about(qtbot, window)
        assert dialog.archive_label.text() == f"{archive_path} (read-only)"
        window.close()
    finally:
        read_only.close()


def test_app_icon_has_every_size() -> None:
    icon = about.app_icon()
    sizes = {(s.width(), s.height()) for s in icon.availableSizes()}
    assert {(16, 16), (32, 32), (256, 256), (512, 512)} <= sizes
