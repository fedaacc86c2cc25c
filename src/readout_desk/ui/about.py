"""Help menu: About Readout Desk (version, licence, home page, the open archive and where
the files are), Licences (the program's and every bundled component's) and About Qt."""

from __future__ import annotations

import importlib.metadata
import platform
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt, QUrl, Slot
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QIcon
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from readout_desk import __version__, paths
from readout_desk.ui import parts

if TYPE_CHECKING:
    from readout_desk.archive import Archive
    from readout_desk.ui.main_window import MainWindow


HOME_PAGE = "https://readoutdesk.org"
LICENCE_NAME = "MIT licence"
#: The bundle's file of licences (packaging/notices.py writes it beside the programs).
NOTICES_NAME = "THIRD-PARTY-NOTICES.txt"


def bundle_folder() -> Path | None:
    """The folder of the standalone bundle's programs, or ``None`` when installed by pip."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return None


def licence_text() -> str:
    """Readout Desk's own licence: the LICENSE file of the bundle, the installed
    distribution or the source checkout."""
    candidates: list[Path] = []
    folder = bundle_folder()
    if folder is not None:
        candidates.append(folder / "LICENSE")
    try:
        for item in importlib.metadata.distribution("readout-desk").files or ():
            if item.name in ("LICENSE", "LICENSE.txt"):
                candidates.append(Path(str(item.locate())))
    except importlib.metadata.PackageNotFoundError:
        pass
    candidates.append(Path(__file__).resolve().parents[3] / "LICENSE")  # src/readout_desk/ui
    for candidate in candidates:
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    return f"Readout Desk is released under the {LICENCE_NAME}; see {HOME_PAGE}."


def _declared_licence(dist: importlib.metadata.Distribution) -> str:
    meta = dist.metadata
    for key in ("License-Expression", "License"):
        values = meta.get_all(key) or []
        if values and values[0].strip() and values[0] != "UNKNOWN":
            return str(values[0]).strip().splitlines()[0]
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or []
                   if c.startswith("License ::")]
    return "; ".join(classifiers) or "not stated"


def installed_components() -> str:
    """Without a bundle: the Python distributions installed beside the program, with the
    licence each declares (their texts are in their installed metadata)."""
    lines = [f"  {dist.name} {dist.version}: {_declared_licence(dist)}"
             for dist in sorted(importlib.metadata.distributions(), key=lambda d: d.name.lower())
             if dist.name and dist.name != "readout-desk"]
    return ("Installed with the Python package manager; each component's licence text is "
            "in its installed metadata (the *.dist-info folders):\n\n" + "\n".join(lines))


def licences_text() -> str:
    """Everything Help > Licences shows: the program's licence, then the third parties'."""
    folder = bundle_folder()
    notices = folder / NOTICES_NAME if folder is not None else None
    if notices is not None and notices.is_file():
        others = notices.read_text(encoding="utf-8")
    else:
        others = installed_components()
    rule = "=" * 78
    return (f"Readout Desk {__version__}: {LICENCE_NAME}\n{rule}\n\n{licence_text()}\n\n"
            f"{rule}\n\n{others}")


class LicencesDialog(QDialog):
    """The program's licence and those of the components it carries, to read and copy."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        parts.frame_dialog(self, "licencesDialog", self.tr("Licences"),
                           self.tr("Licences of Readout Desk and its components"))
        self.text = parts.named(QPlainTextEdit(self), "licencesText", self.tr("Licence texts"))
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setPlainText(licences_text())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(760, 560)


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
        self.setWindowTitle(self.tr("About Readout Desk"))
        self.setAccessibleName(self.tr("About Readout Desk"))
        self._archive = archive

        from PySide6 import __version__ as pyside_version
        from PySide6.QtCore import qVersion

        icon = QLabel(self)
        icon.setPixmap(app_icon().pixmap(64, 64))
        title = QLabel(f"<b>Readout Desk</b> {__version__}", self)
        title.setObjectName("aboutVersion")
        title.setAccessibleName(
            self.tr("Readout Desk version {version}").format(version=__version__))
        blurb = QLabel(self.tr("A desktop archive of diplomatic meeting readouts, with "
                               "time-zone-aware meeting times."), self)
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
        self.licence_label = QLabel(
            self.tr('{licence} (<a href="licences">licences of the program and its '
                    'components</a>)').format(licence=LICENCE_NAME), self)
        self.licence_label.setObjectName("aboutLicence")
        self.licence_label.linkActivated.connect(self.show_licences)
        self.home_label = QLabel(f'<a href="{HOME_PAGE}">{HOME_PAGE}</a>', self)
        self.home_label.setObjectName("aboutHomePage")
        self.home_label.setOpenExternalLinks(True)
        form = parts.form((self.tr("Licence:"), self.licence_label),
                          (self.tr("Home page:"), self.home_label),
                          (self.tr("Archive:"), self.archive_label),
                          (self.tr("Data folder:"), self.data_label),
                          (self.tr("Log files:"), self.log_label),
                          (self.tr("Runs on:"), versions))

        self.open_data = parts.named(
            QPushButton(self.tr("Open &data folder"), self), "aboutOpenDataFolder",
            tip=self.tr("Show the folder holding the archive in the file manager"))
        self.open_data.clicked.connect(self._open_data_folder)
        self.open_logs = parts.named(QPushButton(
            self.tr("Open &log folder"), self), "aboutOpenLogFolder")
        self.open_logs.clicked.connect(self._open_log_folder)
        self.copy = parts.named(QPushButton(self.tr("&Copy details"), self), "aboutCopy",
                                tip=self.tr("Copy version and paths, for a bug report"))
        self.copy.clicked.connect(self._copy_details)
        buttons = parts.close_buttons(self, "about", self.open_data, self.open_logs, self.copy)
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
            f"Readout Desk {__version__} ({LICENCE_NAME}, {HOME_PAGE})",
            f"Archive: {self.archive_label.text()}",
            f"Data folder: {self.data_label.text()}",
            f"Log files: {self.log_label.text()}",
            f"Python {platform.python_version()} on {platform.platform()}",
        ])

    @Slot()
    def show_licences(self) -> None:
        """Open the licences dialog over this one."""
        show_licences(self)

    @Slot()
    def _open_data_folder(self) -> None:
        self._open(data_folder(self._archive))

    @Slot()
    def _open_log_folder(self) -> None:
        self._open(paths.log_dir())

    def _open(self, folder: Path) -> None:
        if open_folder(folder):
            self.status.setText(self.tr("Opened {folder}.").format(folder=folder))
        else:
            self.status.setText(self.tr("No file manager could open {folder}; the path can be "
                                        "copied from above.").format(folder=folder))

    @Slot()
    def _copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details())
        self.status.setText("Copied.")


def show_licences(parent: QWidget) -> LicencesDialog:
    """Open the licences dialog (not modal) over ``parent``."""
    dialog = LicencesDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def install(window: MainWindow) -> None:
    """Add Help > About Readout Desk, Help > Licences and Help > About Qt."""
    action = QAction(QCoreApplication.translate("About", "&About Readout Desk"), window)
    action.setObjectName("actionAbout")
    action.setMenuRole(QAction.MenuRole.AboutRole)
    action.setToolTip(
        QCoreApplication.translate("About", "Version, the open archive and where its files are"))

    def show_about() -> None:
        dialog = AboutDialog(window.archive, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    action.triggered.connect(show_about)
    window.menu("Help").addAction(action)

    licences = QAction(QCoreApplication.translate("About", "&Licences"), window)
    licences.setObjectName("actionLicences")
    licences.setToolTip(
        QCoreApplication.translate(
            "About", "The licences of Readout Desk and of the components it carries"))
    licences.triggered.connect(lambda: show_licences(window))
    window.menu("Help").addAction(licences)

    about_qt = QAction(QCoreApplication.translate("About", "About &Qt"), window)
    about_qt.setObjectName("actionAboutQt")
    about_qt.setMenuRole(QAction.MenuRole.AboutQtRole)
    about_qt.triggered.connect(lambda: QApplication.aboutQt())
    window.menu("Help").addAction(about_qt)
