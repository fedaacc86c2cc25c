"""What the editor asks when its readout was saved elsewhere while it was being edited.

The archive refuses to save over a version the editor did not read (``ConflictError``),
so nothing is overwritten unseen. The person then chooses: save the form as the newest
version (the other one stays in the history, where it can be compared and restored),
look at the history first, or go on editing. Enter goes on editing.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtWidgets import QMessageBox, QWidget

from readout_desk.archive import ConflictError

ConflictChoice = Literal["mine", "history", "cancel"]


def ask_about_conflict(parent: QWidget, exc: ConflictError) -> ConflictChoice:
    """Say that the readout was saved elsewhere, and ask what to do with this form."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, "Saved elsewhere",
        f"Readout {exc.readout_id} was saved elsewhere while you were editing it: you "
        f"started from version {exc.read_version}, and the archive now holds version "
        f"{exc.current_version}.\n\nNothing was overwritten, and your changes are still "
        "in this form.",
        QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("saveConflict")
    box.setInformativeText("Saving yours as the newest version keeps the other one in the "
                           "history, where it can be compared and restored.")
    mine = box.addButton("Save mine as the newest version", QMessageBox.ButtonRole.AcceptRole)
    history = box.addButton("Show the history", QMessageBox.ButtonRole.ActionRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is mine:
        return "mine"
    return "history" if clicked is history else "cancel"
