"""Help ▸ Search Syntax, Keyboard Shortcuts (F1) and Documentation.

The shortcut list is read from the installed resources (``help/shortcuts.md``), the one
source of ``docs/SHORTCUTS.md``: the packaged program has no ``docs/`` folder.
"""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from readout_desk.ui import parts
from readout_desk.ui.search_field import search_help

if TYPE_CHECKING:
    from readout_desk.ui.main_window import MainWindow

DOCUMENTATION_URL = "https://readoutdesk.org/docs/"

SEARCH_SYNTAX = """# Search syntax

| Type | Finds |
| --- | --- |
| `peru cptpp` | readouts with every word (accents and case do not matter) |
| `"foreign ministers"` | the exact phrase |
| `hayash*` | words starting with *hayash* |
| `peru OR chile` | either word |
| `-telephone` | readouts without the word |
| `country:PE`, `country:peru` | readouts involving a country (ISO code or name) |
| `person:hayashi` | readouts with a participant of that name |
| `topic:cptpp`, `place:lima` | readouts with a topic, held in a place |
| `mode:telephone` | in person, telephone, video or other |
| `year:2023`, `from:2023-01 to:2023-06` | readouts of a year, or between two dates |

Esc clears the search. ↑ and ↓ move through the results while you type; Enter opens the
readout in the editor.
"""


def shortcuts_text() -> str:
    """The keyboard shortcut map, as shipped with the program (Markdown)."""
    return (resources.files("readout_desk.resources") / "help" / "shortcuts.md").read_text(
        encoding="utf-8")


class HelpDialog(QDialog):
    """A page of help text, scrollable from the keyboard, with Print."""

    def __init__(self, title: str, name: str, markdown: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.resize(760, 640)
        self.view = QTextBrowser(self)
        self.view.setObjectName(f"{name}Text")
        self.view.setAccessibleName(title)
        self.view.setOpenExternalLinks(True)
        self.view.setMarkdown(markdown)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.print_button = buttons.addButton(
            self.tr("&Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setObjectName(f"{name}Print")
        self.print_button.clicked.connect(self.print_text)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)  # arrows and Page Down scroll

    def print_text(self) -> None:
        """Print the page (the system's print dialog chooses the printer or a PDF)."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.view.document().print_(printer)


def show_help(window: QWidget, which: str) -> HelpDialog:
    """Open the shortcuts (``"shortcuts"``) or the search syntax (``"search"``)."""
    if which == "shortcuts":
        dialog = HelpDialog(QCoreApplication.translate("Help", "Keyboard Shortcuts"),
                            "shortcutsDialog", shortcuts_text(), window)
    else:
        dialog = HelpDialog(QCoreApplication.translate("Help", "Search Syntax"),
                            "searchSyntaxDialog", SEARCH_SYNTAX, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()  # the keys go to it at once: arrows scroll, Esc closes
    return dialog


def install(window: MainWindow) -> None:
    """Add the help pages and the documentation link to the Help menu."""
    help_menu = window.menu("Help")
    first = help_menu.actions()[0] if help_menu.actions() else None
    entries = []
    for text, name, keys, slot in (
            (QCoreApplication.translate("Help", "&Keyboard Shortcuts"), "actionShortcuts", "F1",
             lambda: show_help(window, "shortcuts")),
            (QCoreApplication.translate("Help", "&Search Syntax"), "actionSearchSyntax", "",
             lambda: show_help(window, "search")),
            (QCoreApplication.translate("Help", "&Documentation"), "actionDocumentation", "",
             lambda: QDesktopServices.openUrl(QUrl(DOCUMENTATION_URL)))):
        action = QAction(text, window)
        action.setObjectName(name)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        window.addAction(action)
        entries.append(action)
    entries[1].setToolTip(search_help())
    entries[2].setToolTip(DOCUMENTATION_URL)
    parts.insert_group(help_menu, entries, first)
