"""The questions saving may ask: warnings to confirm, a readout that may be a duplicate,
and whether to send a save again after the server of a team archive went away.

Enter never makes a duplicate: the duplicate question's default button is Cancel.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from readout_desk.domain import timing
from readout_desk.domain.draft import Built
from readout_desk.domain.records import Readout
from readout_desk.ui import parts
from readout_desk.ui.language import translate
from readout_desk.ui.messages import bullets


def confirm_warnings(parent: QWidget, built: Built) -> bool:
    """Ask before saving a readout with warnings; whether to save it as printed."""
    warnings = bullets(w.message for w in built.warnings)
    text = translate("EditorQuestions", "Please confirm before saving:\n\n{warnings}\n\nThe "
                     "printed time is kept as printed.").format(warnings=warnings)
    return parts.confirm(parent, QMessageBox.Icon.Warning,
                         translate("EditorQuestions", "Save readout"), text,
                         "confirmWarnings", translate("EditorQuestions", "Save as printed"))


def ask_about_duplicate(parent: QWidget, other: Readout) -> Literal["save", "open", "cancel"]:
    """Say the archive has a readout of the same meeting; save anyway, open it, or cancel."""
    day = timing.format_date(other.meeting_date) if other.meeting_date else ""
    name = other.title or other.section or translate("EditorQuestions", "untitled")
    box = QMessageBox(QMessageBox.Icon.Question,
                      translate("EditorQuestions", "Possible duplicate"),
                      translate("EditorQuestions", "The archive already has a readout of the same "
                                "day with the same people:\n\n{name} ({day})\n\nSave this one "
                                "as well?").format(name=name, day=day),
                      QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("duplicateWarning")
    save = box.addButton(
        translate("EditorQuestions", "Save anyway"), QMessageBox.ButtonRole.AcceptRole)
    open_other = box.addButton(
        translate("EditorQuestions", "Open the other"), QMessageBox.ButtonRole.ActionRole)
    open_other.setObjectName("openOther")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)  # Enter must not make the duplicate
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return "save" if clicked is save else "open" if clicked is open_other else "cancel"


def offer_retry(editor: QMainWindow, problem: str, again: Callable[[], object]) -> None:
    """The server of a team archive went away during a save: the form keeps every field,
    and Retry sends it again (``again``) once the person thinks the server is back."""
    editor.statusBar().showMessage(QCoreApplication.translate(
        "Editor", "Not saved: the server cannot be reached."))
    box = QMessageBox(QMessageBox.Icon.Warning,
                      QCoreApplication.translate("Editor", "Not saved"), problem,
                      QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Cancel,
                      editor)
    box.setObjectName("saveRetry")
    box.setInformativeText(QCoreApplication.translate(
        "Editor", "Your changes are still in the form. Retry when the server is back."))
    box.setDefaultButton(QMessageBox.StandardButton.Retry)
    if box.exec() == QMessageBox.StandardButton.Retry:
        QTimer.singleShot(0, again)


def ask_about_unsaved_changes(parent: QWidget) -> QMessageBox.StandardButton:
    """Save, Discard or Cancel, asked (modally) when an editor with changes closes."""
    box = QMessageBox(QMessageBox.Icon.Question,
                      translate("EditorQuestions", "Unsaved changes"),
                      translate("EditorQuestions", "This readout has changes that are not saved."),
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel, parent)
    box.setObjectName("unsavedChanges")
    box.setInformativeText(translate("EditorQuestions", "Save them before closing?"))
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    return QMessageBox.StandardButton(box.exec())
