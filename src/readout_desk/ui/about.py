"""Help > About Readout Desk: version, the open archive, and where the files are."""

from __future__ import annotations

import platform
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QUrl, Slot
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from readout_desk import __version__, paths

if TYPE_CHECKING:
    from readout_desk.archive import Archive
    from readout_desk.ui.main_window import MainWindow


def app_icon() -> QIcon:
    """The application icon from the packaged resources (every PNG size, and the SVG)."""
    from readout_desk import desktop

    icon = QIcon()
    icons = desktop.resource_dir() / "icons"
    for size in desktop.ICON_SIZES:
        png = icons / "hicolor" / f"{size}x{size}" / "apps" / desktop.ICON_PNG
        if png.is_file():
            icon.addFile(str(png), QSize(size, size))  # with the size: read when drawn
    return icon


def data_folder(archive: Archive) -> Path:
    """The folder holding the archive file (the data folder for other archives)."""
    if archive.path is not None:
        return Path(archive.path).absolute().parent
    return paths.data_dir()


def open_folder(folder: Path) -> bool:
    """Show ``folder`` in the file manager; ``False`` if nothing could open it."""
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))


class AboutDialog(QDialog):
    """What this program is, which archive is open, and buttons to its folders."""

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle("About Readout Desk")
        self.setAccessibleName("About Readout Desk")
        self._archive = archive

        from PySide6 import __version__ as pyside_version
        from PySide6.QtCore import qVersion

        icon = QLabel(self)
        icon.setPixmap(app_icon().pixmap(64, 64))
        title = QLabel(f"<b>Readout Desk</b> {__version__}", self)
        title.setObjectName("aboutVersion")
        title.setAccessibleName(f"Readout Desk version {__version__}")
        blurb = QLabel("A desktop archive of diplomatic meeting readouts, with "
                       "time-zone-aware meeting times.", self)
        blurb.setWordWrap(True)
        header = QHBoxLayout()
        header.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        texts = QVBoxLayout()
        texts.addWidget(title)
        texts.addWidget(blurb)
        header.addLayout(texts, 1)

        location = str(archive.path) if archive.path is not None else archive.location
        if archive.read_only:
            location += " (read-only)"
        self.archive_label = self._selectable(location, "aboutArchive")
        self.data_label = self._selectable(str(data_folder(archive)), "aboutDataFolder")
        self.log_label = self._selectable(str(paths.log_dir()), "aboutLogFolder")
        versions = self._selectable(
            f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {pyside_version}"
            + (" (bundled)" if getattr(sys, "frozen", False) else ""), "aboutPlatform")
        form = QFormLayout()
        form.addRow("Archive:", self.archive_label)
        form.addRow("Data folder:", self.data_label)
        form.addRow("Log files:", self.log_label)
        form.addRow("Runs on:", versions)

        buttons = QDialogButtonBox(self)
        self.open_data = QPushButton("Open &data folder", self)
        self.open_data.setObjectName("aboutOpenDataFolder")
        self.open_data.setToolTip("Show the folder holding the archive in the file manager")
        self.open_data.clicked.connect(self._open_data_folder)
        self.open_logs = QPushButton("Open &log folder", self)
        self.open_logs.setObjectName("aboutOpenLogFolder")
        self.open_logs.clicked.connect(self._open_log_folder)
        self.copy = QPushButton("&Copy details", self)
        self.copy.setObjectName("aboutCopy")
        self.copy.setToolTip("Copy version and paths, for a bug report")
        self.copy.clicked.connect(self._copy_details)
        buttons.addButton(self.open_data, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.open_logs, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("aboutClose")
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        self.status = QLabel(self)
        self.status.setObjectName("aboutStatus")
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def _selectable(self, text: str, name: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setWordWrap(True)
        return label

    def details(self) -> str:
        """Version and paths as plain text."""
        return "\n".join([
            f"Readout Desk {__version__}",
            f"Archive: {self.archive_label.text()}",
            f"Data folder: {self.data_label.text()}",
            f"Log files: {self.log_label.text()}",
            f"Python {platform.python_version()} on {platform.platform()}",
        ])

    @Slot()
    def _open_data_folder(self) -> None:
        self._open(data_folder(self._archive))

    @Slot()
    def _open_log_folder(self) -> None:
        self._open(paths.log_dir())

    def _open(self, folder: Path) -> None:
        if open_folder(folder):
            self.status.setText(f"Opened {folder}.")
        else:
            self.status.setText(f"No file manager could open {folder}; the path can be "
                                "copied from above.")

    @Slot()
    def _copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details())
        self.status.setText("Copied.")


def install(window: MainWindow) -> None:
    """Add Help > About Readout Desk."""
    action = QAction("&About Readout Desk", window)
    action.setObjectName("actionAbout")
    action.setMenuRole(QAction.MenuRole.AboutRole)
    action.setToolTip("Version, the open archive and where its files are")

    def show_about() -> None:
        dialog = AboutDialog(window.archive, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    action.triggered.connect(show_about)
    window.menu("Help").addAction(action)
