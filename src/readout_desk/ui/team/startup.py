"""A team archive whose server cannot be reached at start-up: the person is told why in
one sentence and chooses to try again, to open the local archive instead, or to quit."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget

from readout_desk import paths
from readout_desk.archive import ArchiveUnreachableError
from readout_desk.ui.language import translate

T = TypeVar("T")
Choice = Literal["retry", "local", "quit"]


def ask_when_unreachable(problem: str, parent: QWidget | None = None) -> Choice:
    """Retry, Open Local Archive or Quit, under the sentence saying what went wrong."""
    box = QMessageBox(QMessageBox.Icon.Warning,
                      translate("TeamStartup", "Team archive unreachable"), problem,
                      QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("teamUnreachable")
    box.setInformativeText(translate("TeamStartup", "Try again once the server is back, or "
                                     "work in the archive on this computer for now."))
    retry = box.addButton(translate("TeamStartup", "&Retry"), QMessageBox.ButtonRole.AcceptRole)
    retry.setObjectName("teamRetry")
    local = box.addButton(translate("TeamStartup", "Open &Local Archive"),
                          QMessageBox.ButtonRole.ActionRole)
    local.setObjectName("teamOpenLocal")
    quit_button = box.addButton(translate("TeamStartup", "&Quit"),
                                QMessageBox.ButtonRole.RejectRole)
    quit_button.setObjectName("teamQuit")
    box.setDefaultButton(retry)
    box.exec()
    clicked = box.clickedButton()
    return "retry" if clicked is retry else "local" if clicked is local else "quit"


def open_at_start(location: str, open_archive: Callable[[str], T],
                  ask: Callable[[str], Choice] = ask_when_unreachable) -> T:
    """``open_archive(location)``; while its server cannot be reached, ``ask`` whether to
    try again or open the local archive (the default file) instead. Quitting raises the
    :class:`~readout_desk.archive.ArchiveUnreachableError`."""
    while True:
        try:
            return open_archive(location)
        except ArchiveUnreachableError as exc:
            choice = ask(str(exc))
            if choice == "quit":
                raise
            if choice == "local":
                location = str(paths.default_archive_path())
