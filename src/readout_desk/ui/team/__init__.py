"""Team archives in the window: File ▸ Open Team Archive… (:mod:`.connect`), and what
happens when the server cannot be reached at start (:mod:`.startup`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction

if TYPE_CHECKING:
    from readout_desk.archive import Archive
    from readout_desk.ui.main_window import MainWindow

#: The windows opened on team archives, kept alive until closed.
_windows: list[MainWindow] = []


def open_window(window: MainWindow, archive: Archive) -> MainWindow:
    """The same window on ``archive``; closing it closes the archive."""
    from readout_desk.archive import password_source
    from readout_desk.ui.main_window import MainWindow

    team = MainWindow(archive, window.settings)
    team.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    _windows.append(team)

    def closed() -> None:
        archive.close()
        _windows.remove(team)

    team.destroyed.connect(closed)
    team.show()
    team.statusBar().showMessage(QCoreApplication.translate(
        "TeamArchive", "Connected to {location}; password from {source}.").format(
            location=archive.location, source=password_source(archive.location)), 8000)
    return team


def install(window: MainWindow) -> None:
    """Add File ▸ Open Team Archive…."""
    from readout_desk.ui.team.connect import TeamArchiveDialog

    action = QAction(QCoreApplication.translate("TeamArchive", "Open &Team Archive…"), window)
    action.setObjectName("actionOpenTeamArchive")
    action.setToolTip(QCoreApplication.translate(
        "TeamArchive", "Open an archive kept on a PostgreSQL server for the whole division"))

    def ask() -> None:
        dialog = TeamArchiveDialog(window.settings, lambda a: _open_quietly(window, a), window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.open()

    action.triggered.connect(ask)
    # With the ways of opening things, before the demo.
    window.menu("File").insertAction(window.load_demo_action, action)


def _open_quietly(window: MainWindow, archive: Archive) -> None:
    open_window(window, archive)
