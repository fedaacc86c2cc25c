"""The readout editor: entering and correcting readouts by hand.

:func:`open_editor` opens it on a new readout, on a saved one (by id) or on an unsaved
draft (for example one read from pasted text, shown beside the form).
:func:`install` adds New (Ctrl+N), Edit (Enter or double-click on a result) and History
to the main window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from readout_desk.archive import Archive, ArchiveError
from readout_desk.domain.records import Readout
from readout_desk.ui.editor.form import ReadoutEditor
from readout_desk.ui.editor.host import EditorHost
from readout_desk.ui.language import translate
from readout_desk.ui.messages import error_text

if TYPE_CHECKING:
    from readout_desk.ui.main_window import MainWindow

__all__ = ["EditorHost", "ReadoutEditor", "install", "open_editor", "open_editors"]

# Editors open per archive, so asking to edit a readout again raises its window.
_open: list[ReadoutEditor] = []


def open_editors() -> list[ReadoutEditor]:
    """The editor windows that are open."""
    alive = []
    for editor in _open:
        try:
            editor.objectName()
        except RuntimeError:  # the window was deleted
            continue
        alive.append(editor)
    _open[:] = alive
    return list(alive)


def open_editor(
    host: EditorHost | None,
    archive: Archive,
    readout: Readout | None = None,
    readout_id: int | None = None,
    home_zone: str | None = None,
    source_text: str | None = None,
    on_saved: Callable[[Readout], None] | None = None,
) -> ReadoutEditor | None:
    """Open the editor and return it (``None`` when the readout cannot be read).

    With ``readout_id`` the saved readout is loaded (an open editor on it is raised
    instead); with ``readout`` an unsaved draft is shown (``source_text`` beside it);
    with neither, an empty form. ``on_saved`` is called with each saved readout. The
    ``host`` (the main window) searches again after each save; its home zone is used
    when ``home_zone`` is not given.
    """
    if readout_id is not None:
        for editor in open_editors():
            if editor.archive is archive and editor.readout_id() == readout_id:
                editor.show()
                editor.raise_()
                editor.activateWindow()
                return editor
        try:
            readout = archive.get(readout_id)
        except ArchiveError as exc:
            QMessageBox.warning(host if isinstance(host, QWidget) else None, "Edit readout",
                                error_text(exc))
            return None
    if home_zone is None and host is not None:
        home_zone = host.home_zone()
    editor = ReadoutEditor(archive, readout, home_zone=home_zone, source_text=source_text,
                           host=host)
    editor.on_saved = on_saved
    if archive.read_only:
        editor.save_action.setEnabled(False)
        editor.statusBar().showMessage(
            translate("Editor", "This archive is open read-only: changes cannot be saved."))
    _open.append(editor)
    editor.show()
    editor.raise_()
    editor.activateWindow()
    return editor


class _CloseGuard(QObject):
    """Closing the main window first closes its editors, each asking about unsaved changes."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # QObject.eventFilter
        if event.type() == QEvent.Type.Close:
            for editor in open_editors():
                if editor.parentWidget() is watched and editor.isVisible() \
                        and not editor.close():
                    event.ignore()  # the person chose Cancel, or a save is still running
                    return True
        return False


def install(window: MainWindow) -> None:
    """Add New readout (Ctrl+N), Edit readout (Enter, double-click) and History."""
    guard = _CloseGuard(window)
    guard.setObjectName("editorCloseGuard")
    window.installEventFilter(guard)
    new = QAction(translate("Editor", "&New Readout…"), window)
    new.setObjectName("actionNewReadout")
    new.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
    new.setToolTip(translate("Editor", "Enter a readout by hand (Ctrl+N)"))
    new.triggered.connect(lambda: open_editor(window, window.archive,
                                              home_zone=window.home_zone()))

    edit = QAction(translate("Editor", "&Edit Readout…"), window)
    edit.setObjectName("actionEditReadout")
    edit.setShortcut(QKeySequence("Ctrl+E"))
    edit.setToolTip(
        translate("Editor", "Correct the selected readout (Enter, double-click or Ctrl+E)"))

    def edit_current() -> None:
        readout_id = window.current_readout_id()
        if readout_id is not None:
            open_editor(window, window.archive, readout_id=readout_id,
                        home_zone=window.home_zone())

    edit.triggered.connect(edit_current)

    history = QAction(translate("Editor", "Readout &History…"), window)
    history.setObjectName("actionReadoutHistoryMain")
    history.setToolTip(translate("Editor", "Earlier versions of the selected readout"))

    def history_of_current() -> None:
        readout_id = window.current_readout_id()
        if readout_id is None:
            return
        editor = open_editor(window, window.archive, readout_id=readout_id,
                             home_zone=window.home_zone())
        if editor is not None:
            editor.show_history()

    history.triggered.connect(history_of_current)
    window.readoutActivated.connect(
        lambda readout_id: open_editor(window, window.archive, readout_id=readout_id,
                                       home_zone=window.home_zone()))
    if window.archive.read_only:
        new.setEnabled(False)
    file_menu = window.menu("File")
    first = file_menu.actions()
    if first:
        file_menu.insertAction(first[0], new)
        file_menu.insertSeparator(first[0])
    else:
        file_menu.addAction(new)
    readout_menu = window.menu("Readout")
    readout_menu.addAction(edit)
    readout_menu.addAction(history)
    window.add_toolbar_action(new)
