"""Small pieces the window and its dialogs share: naming a widget, a filter field, a column
of widgets, a form, a note, a button that does something, a dialog's frame and opening it,
a question with one answer and Cancel, a named action and a group of actions put into a
menu, a problems panel."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

W = TypeVar("W", bound=QWidget)
D = TypeVar("D", bound=QDialog)


def named(widget: W, name: str, accessible: str = "", tip: str = "") -> W:
    """``widget`` with its object name and, when given, its accessible name and tooltip."""
    widget.setObjectName(name)
    if accessible:
        widget.setAccessibleName(accessible)
    if tip:
        widget.setToolTip(tip)
    return widget


def filter_field(name: str, accessible: str, placeholder: str, tip: str,
                 parent: QWidget) -> QLineEdit:
    """A line to type into to narrow a list, with a button that clears it."""
    field = named(QLineEdit(parent), name, accessible, tip)
    field.setPlaceholderText(placeholder)
    field.setClearButtonEnabled(True)
    return field


def column(parent: QWidget, *widgets: QWidget, stretch: tuple[int, ...] = (),
           margins: tuple[int, int, int, int] = (0, 0, 0, 0)) -> QWidget:
    """``widgets`` one above the other in a widget of their own (``stretch`` by position)."""
    holder = QWidget(parent)
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(*margins)
    for i, w in enumerate(widgets):
        layout.addWidget(w, stretch[i] if i < len(stretch) else 0)
    return holder


def form(*rows: tuple[str, QWidget]) -> QFormLayout:
    """A form of ``(label, field)`` rows, in order."""
    layout = QFormLayout()
    for label, field in rows:
        layout.addRow(label, field)
    return layout


def note(text: str, parent: QWidget) -> QLabel:
    """A word-wrapped label: a few words about what follows it."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label


def push_button(text: str, name: str, parent: QWidget, clicked: Callable[[], object],
                tip: str = "") -> QPushButton:
    """A push button named ``name`` that calls ``clicked()`` when pressed."""
    button = named(QPushButton(text, parent), name, tip=tip)
    button.clicked.connect(clicked)
    return button


def frame_dialog(dialog: QDialog, name: str, title: str, accessible: str = "",
                 size: tuple[int, int] | None = None) -> None:
    """Give ``dialog`` its object name, title, accessible name and first size."""
    named(dialog, name, accessible)
    dialog.setWindowTitle(title)
    if size is not None:
        dialog.resize(*size)


def opened(dialog: D) -> D:
    """``dialog`` opened (window-modal), to be deleted when it closes."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.open()
    return dialog


_ACCEPT = QMessageBox.ButtonRole.AcceptRole


def close_buttons(dialog: QDialog, name: str, *actions: QPushButton) -> QDialogButtonBox:
    """``actions`` and a default Close button (named ``<name>Close``) that rejects ``dialog``."""
    buttons = QDialogButtonBox(dialog)
    for action in actions:
        buttons.addButton(action, QDialogButtonBox.ButtonRole.ActionRole)
    close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
    close.setObjectName(f"{name}Close")
    close.setDefault(True)
    buttons.rejected.connect(dialog.reject)
    return buttons


def question(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str, name: str,
             answer: str, *, answer_name: str = "", role: QMessageBox.ButtonRole = _ACCEPT,
             ) -> tuple[QMessageBox, QPushButton]:
    """A message box named ``name`` that offers ``answer`` and Cancel; the box and its
    answer button (named ``answer_name``, else ``<name>Yes``)."""
    box = named(QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent),
                name)
    yes = named(box.addButton(answer, role), answer_name or f"{name}Yes")
    box.addButton(QMessageBox.StandardButton.Cancel)
    return box, yes


def confirm(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str, name: str,
            answer: str, *, role: QMessageBox.ButtonRole = _ACCEPT,
            cancel_default: bool = False) -> bool:
    """Ask (modally) with ``answer`` and Cancel; whether ``answer`` was chosen."""
    box, yes = question(parent, icon, title, text, name, answer, role=role)
    if cancel_default:
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is yes


def action(text: str, name: str, parent: QWidget, tip: str = "") -> QAction:
    """An action named ``name``, with ``tip`` as its tooltip when given."""
    made = QAction(text, parent)
    made.setObjectName(name)
    if tip:
        made.setToolTip(tip)
    return made


def insert_group(menu: QMenu, actions: Iterable[QAction], before: QAction | None) -> None:
    """Put ``actions`` into ``menu`` above ``before`` with a separator under them, or at the
    end when ``before`` is None."""
    for action in actions:
        if before is not None:
            menu.insertAction(before, action)
        else:
            menu.addAction(action)
    if before is not None:
        menu.insertSeparator(before)


def problems_panel(name: str, accessible: str, parent: QWidget, *, padding: int = 4,
                   extra_style: str = "") -> QLabel:
    """A word-wrapped plain-text label on pale red, for problems that stop the user."""
    panel = named(QLabel(parent), name, accessible)
    panel.setWordWrap(True)
    panel.setTextFormat(Qt.TextFormat.PlainText)
    panel.setStyleSheet("background: #fdecea; border: 1px solid #e6a1a1; "
                        f"padding: {padding}px;" + extra_style)
    return panel
