"""Team archives in the window: File ▸ Open Team Archive… (:mod:`.connect`), what happens
when the server cannot be reached at start (:mod:`.startup`), and other people's saves
shown within a second or two (:func:`follow_changes`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction

from readout_desk.ui import parts

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

    action = parts.action(
        QCoreApplication.translate("TeamArchive", "&Open Team Archive…"),
        "actionOpenTeamArchive", window, QCoreApplication.translate(
            "TeamArchive", "Open an archive kept on a PostgreSQL server for the whole division"))

    def ask() -> None:
        parts.opened(TeamArchiveDialog(window.settings, lambda a: _open_quietly(window, a),
                                       window))

    action.triggered.connect(ask)
    # With the ways of opening things, before the demo.
    window.menu("File").insertAction(window.load_demo_action, action)
    follow_changes(window)
    if not window.archive.can_delete and not window.archive.read_only:
        _no_deleting(window)


def _no_deleting(window: MainWindow) -> None:
    """A contributor of a team archive: moving to the trash is off, and the banner says so."""
    for name in ("actionMoveToTrash", "actionEmptyTrash"):
        for found in window.findChildren(QAction, name):
            found.setEnabled(False)
    window.show_problem(QCoreApplication.translate(
        "TeamArchive", "Your database user may add and change readouts in this team "
        "archive, but not move them to the trash or delete them."))


def _open_quietly(window: MainWindow, archive: Archive) -> None:
    open_window(window, archive)


def follow_changes(window: MainWindow) -> None:
    """Refresh the results and the readout shown when others save to the same team
    archive, and tell an open editor that its readout changed on the server."""
    from readout_desk.archive import watch_changes
    from readout_desk.ui.tasks import on_ui_thread

    def changed(ids: frozenset[int] | None) -> None:
        if not window.isVisible():
            return
        window.refresh()
        shown = window.current_readout_id()
        if shown is not None and (ids is None or shown in ids):
            window.show_readout(shown)
        from readout_desk.ui.editor import open_editors

        for editor in open_editors():
            rid = editor.readout_id()
            if editor.archive is window.archive and rid is not None and (
                    ids is None or rid in ids) and not editor.is_saving():
                editor.statusBar().showMessage(QCoreApplication.translate(
                    "TeamArchive", "This readout was changed on the server; saving will "
                    "show both versions if they differ."))

    subscription = watch_changes(window.archive, on_ui_thread(window, changed))
    if subscription is not None:
        window.destroyed.connect(subscription.stop)
