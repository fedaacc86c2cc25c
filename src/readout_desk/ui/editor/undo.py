"""Undo for the editor's form: each edit kept as the form's contents before and after.

Typing in one field merges into one step per word (a space or a line break starts the
next); adding, removing or moving a row is a step of its own. :class:`FormShortcuts`
lets the form's undo and redo win over the text fields' own, so Ctrl+Z and Ctrl+Shift+Z
work the same in every field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoCommand

from readout_desk.ui.field_labels import field_label

if TYPE_CHECKING:
    from readout_desk.domain.draft import ReadoutDraft
    from readout_desk.ui.editor.form import ReadoutEditor

# Edits that are single steps of their own rather than typing that merges.
_SINGLE_STEPS = (".add", ".remove", ".move", ".fold", ".nearest", ".person", "suggested",
                 "topics")


class FormEdit(QUndoCommand):
    """One edit of the form, kept as the form's contents before and after."""

    def __init__(self, editor: ReadoutEditor, before: ReadoutDraft, after: ReadoutDraft,
                 key: str) -> None:
        head = key.split(".")[0]
        named = field_label(head)  # in the interface's language, where it has a name
        field = named if named != head else head.replace("_", " ")
        super().__init__(QCoreApplication.translate("FormEdit", "Edit {field}").format(
            field=field))
        self.editor = editor
        self.before = before
        self.after = after
        self.key = key
        self.word = editor.words_typed  # typing merges within one word only
        self._done = True  # the form already shows ``after`` when the command is pushed

    def id(self) -> int:  # QUndoCommand.id
        return -1 if self.key.endswith(_SINGLE_STEPS) else 1

    def mergeWith(self, other: QUndoCommand) -> bool:  # QUndoCommand.mergeWith
        if not isinstance(other, FormEdit) or other.key != self.key or other.word != self.word:
            return False
        self.after = other.after
        self.setObsolete(self.after == self.before)
        return True

    def redo(self) -> None:  # QUndoCommand.redo
        if self._done:
            self._done = False
            return
        self.editor.show_draft(self.after)

    def undo(self) -> None:  # QUndoCommand.undo
        self.editor.show_draft(self.before)


class FormShortcuts(QObject):
    """Lets the form's undo and redo win over the text fields' own."""

    def __init__(self, editor: ReadoutEditor) -> None:
        super().__init__(editor)
        self.editor = editor

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # QObject.eventFilter
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.text()[:1].isspace():
            self.editor.words_typed += 1  # the next edit is an undo step of its own
            return False
        # Consumed but not accepted: the window's undo/redo shortcut runs instead.
        return (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and (event.matches(QKeySequence.StandardKey.Undo)
                     or event.matches(QKeySequence.StandardKey.Redo)
                     or event.keyCombination().toCombined() in self.editor.redo_keys))
