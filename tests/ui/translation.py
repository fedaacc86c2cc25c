"""The Japanese interface for a test: its translators installed for the test's length.

The tests run in English (``tests/conftest.py`` sets ``READOUT_DESK_LANG=en``); a test that
wants the Japanese interface asks for the ``japanese`` fixture, which installs the
program's translation and Qt's own before the test builds its windows and removes them
after.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTableView,
    QTextEdit,
    QTreeView,
    QWidget,
)

from readout_desk.ui import language


@pytest.fixture
def japanese(qapp: QApplication) -> Iterator[None]:
    """The interface in Japanese for one test."""
    installed = language.install(language.JAPANESE, qapp)
    assert len(installed) >= 1 and language.shown() == language.JAPANESE
    yield
    language.remove(installed, qapp)


_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]")
_WORD = re.compile(r"[A-Za-z]{3,}")
_PATH = re.compile(r"\S*[/\\]\S*")
#: Words that stay as they are in a Japanese interface: the program's name, formats, keys,
#: units, zones and the like.
KEPT_WORDS = frozenset({
    "Readout", "Desk", "CPTPP", "JSON", "CSV", "HTML", "PDF", "UTC", "JST", "Ctrl", "Shift",
    "Alt", "Enter", "Insert", "Delete", "Esc", "Tab", "PostgreSQL", "Python", "PySide",
    "URL", "Asia", "Tokyo", "Europe", "Berlin", "America", "Lima", "Etc", "GMT", "CET",
    "CEST", "PET", "https", "http",
})


def english_left(text: str) -> bool:
    """Whether ``text`` reads as English: it holds no Japanese and at least one English word
    that a Japanese interface would translate."""
    text = _PATH.sub(" ", text.replace("&", ""))  # addresses and file paths are data
    if not text.strip() or _JAPANESE.search(text):
        return False
    return any(word not in KEPT_WORDS for word in _WORD.findall(text))


def _header_texts(view: QAbstractItemView) -> list[str]:
    header = (view.horizontalHeader() if isinstance(view, QTableView)
              else view.header() if isinstance(view, QTreeView) else None)
    model = view.model()
    if header is None or model is None or header.isHidden():
        return []
    return [str(model.headerData(i, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
                or "") for i in range(header.count()) if not header.isSectionHidden(i)]


def _action_texts(action: QAction, where: str) -> list[tuple[str, str]]:
    found = [(f"{where} action {action.objectName()!r}", action.text()),
             (f"{where} action {action.objectName()!r} tooltip", action.toolTip())]
    menu = action.menu()
    if isinstance(menu, QMenu):
        for sub in menu.actions():
            if not sub.isSeparator():
                found += _action_texts(sub, f"{where} {menu.title()!r}")
    return found


def widget_texts(window: QWidget, data: frozenset[str] = frozenset()
                 ) -> list[tuple[str, str]]:
    """Every text a person can see (or hear) in ``window``'s visible widgets: labels,
    buttons, group boxes, tabs, placeholders, headers, actions, tooltips, spoken names.
    The text of a widget named in ``data`` is the archive's, not the interface's."""
    found: list[tuple[str, str]] = [("window title", window.windowTitle())]
    widgets = [window, *window.findChildren(QWidget)]
    for w in widgets:
        if w.window() is not window or not w.isVisibleTo(window) and w is not window:
            continue
        where = f"{type(w).__name__} {w.objectName()!r}"
        found += [(f"{where} tooltip", w.toolTip()), (f"{where} name", w.accessibleName())]
        if isinstance(w, QLabel | QAbstractButton) and w.objectName() not in data:
            found.append((where, w.text()))
        elif isinstance(w, QGroupBox):
            found.append((where, w.title()))
        elif isinstance(w, QLineEdit | QTextEdit | QPlainTextEdit):
            found.append((f"{where} placeholder", w.placeholderText()))
        elif isinstance(w, QTabBar):
            found += [(f"{where} tab", w.tabText(i)) for i in range(w.count())]
        if isinstance(w, QAbstractItemView):
            found += [(f"{where} header", t) for t in _header_texts(w)]
        for action in w.actions():
            found += _action_texts(action, where)
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            found += _action_texts(action, "menu bar")
    return found


def english_texts(window: QWidget, data: frozenset[str] = frozenset()) -> list[str]:
    """What ``window`` still says in English, apart from the text of the widgets named in
    ``data`` (a readout's own text)."""
    return sorted({f"{where}: {text!r}" for where, text in widget_texts(window, data)
                   if english_left(text)})
