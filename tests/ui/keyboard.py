"""Checks of a window's keyboard use: where Tab goes, and which keys are taken twice.

Both read the real widgets: the tab walk presses Tab and follows the focus; the clash
finder reads every mnemonic (``&`` in a label with a buddy, a button, a group box, a
tab, a menu title) and every shortcut that can fire in the window.
"""

from __future__ import annotations

import re
from collections import defaultdict

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QButtonGroup,
    QComboBox,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenu,
    QRadioButton,
    QTabBar,
    QToolButton,
    QWidget,
)

_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


# ----- tab order ---------------------------------------------------------------------

def field_of(widget: QWidget | None) -> QWidget | None:
    """The field a focused widget belongs to (an editable list's line edit is its list)."""
    while widget is not None and isinstance(widget.parentWidget(), QComboBox):
        widget = widget.parentWidget()
    return widget


def tab_stops(container: QWidget) -> list[QWidget]:
    """The widgets inside ``container`` that Tab can reach now (shown, enabled)."""
    stops = []
    for w in container.findChildren(QWidget):
        if not (w.isVisibleTo(container) and w.isEnabled()
                and w.focusPolicy() & Qt.FocusPolicy.TabFocus
                and w.focusProxy() is None and w.window() is container.window()):
            continue
        if isinstance(w.parentWidget(), QComboBox) or not w.isVisible():
            continue
        if isinstance(w, QRadioButton) and not w.isChecked() and _group_has_checked(w):
            continue  # Tab enters a group of choices at the one chosen; arrows move in it
        stops.append(w)
    return stops


def _group_has_checked(radio: QRadioButton) -> bool:
    group: QButtonGroup | None = radio.group()  # None when in no group, whatever the stubs say
    if group is not None:
        return group.exclusive() and group.checkedButton() is not None
    parent = radio.parentWidget()
    siblings = parent.findChildren(QRadioButton) if parent is not None else []
    return radio.autoExclusive() and any(s.isChecked() for s in siblings)


def rect_in(container: QWidget, w: QWidget) -> QRect:
    return QRect(w.mapTo(container, QPoint(0, 0)), w.size())


def reading_order(container: QWidget, widgets: list[QWidget]) -> list[QWidget]:
    """``widgets`` top to bottom, and left to right within a line.

    Widgets are on one line when the middle of one lies within the height of the first
    widget of the line.
    """
    rects = {id(w): rect_in(container, w) for w in widgets}
    by_middle = sorted(widgets, key=lambda w: (rects[id(w)].center().y(), rects[id(w)].x()))
    lines: list[list[QWidget]] = []
    for w in by_middle:
        if lines:
            first = rects[id(lines[-1][0])]
            if first.top() <= rects[id(w)].center().y() <= first.bottom():
                lines[-1].append(w)
                continue
        lines.append([w])
    return [w for line in lines for w in sorted(line, key=lambda w: rects[id(w)].x())]


def tab_walk(first: QWidget, count: int) -> list[QWidget]:
    """Focus ``first`` and press Tab ``count - 1`` times: the fields visited, in order."""
    first.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    visited = [field_of(QApplication.focusWidget())]
    for _ in range(count - 1):
        focused = QApplication.focusWidget()
        assert focused is not None, "Tab left the window"
        QTest.keyClick(focused, Qt.Key.Key_Tab)
        visited.append(field_of(QApplication.focusWidget()))
    return [w for w in visited if w is not None]


def tab_order_problems(container: QWidget) -> list[str]:
    """How Tab strays from reading order inside ``container`` (empty: it does not)."""
    expected = reading_order(container, tab_stops(container))
    if not expected:
        return [f"nothing in {container.objectName()} takes the focus"]
    visited = tab_walk(expected[0], len(expected))
    if visited == expected:
        return []
    names = [_name(w) for w in visited]
    return [f"{container.objectName()}: Tab visits {names}, "
            f"the layout reads {[_name(w) for w in expected]}"]


def _name(w: QWidget) -> str:
    while not w.objectName() and not w.accessibleName() and w.parentWidget() is not None:
        inner = w.children()[0] if w.children() else None
        if not isinstance(inner, QWidget):
            break
        w = inner  # a section is named by the group box it holds
    return w.objectName() or w.accessibleName() or type(w).__name__


# ----- clashes -----------------------------------------------------------------------

def mnemonic(text: str) -> str | None:
    """The key of the mnemonic in ``text`` ("Add &point" → "P"), if it has one."""
    found = _MNEMONIC.search(text)
    return found.group(1).upper() if found else None


def _window_mnemonics(window: QWidget) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []

    def add(text: str, where: str) -> None:
        key = mnemonic(text)
        if key:
            found.append((f"Alt+{key}", f"{where} {text!r}"))

    for w in window.findChildren(QWidget):
        if w.window() is not window:
            continue
        if isinstance(w, QLabel) and w.buddy() is not None:
            add(w.text(), "label")
        elif isinstance(w, QAbstractButton) and not (
                isinstance(w, QToolButton) and w.defaultAction() is not None):
            add(w.text(), "button")
        elif isinstance(w, QGroupBox):
            add(w.title(), "group")
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                add(w.tabText(i), "tab")
    menu_bar = window.menuBar() if isinstance(window, QMainWindow) else None
    if menu_bar is not None:
        for action in menu_bar.actions():
            if action.isVisible():
                add(action.text(), "menu")
    return found


def _window_shortcuts(window: QWidget) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    seen: set[int] = set()

    def add_action(action: QAction) -> None:
        if id(action) in seen or action.isSeparator():
            return
        seen.add(id(action))
        if action.shortcutContext() == Qt.ShortcutContext.WidgetShortcut:
            return
        for keys in action.shortcuts():
            if not keys.isEmpty():
                found.append((keys.toString(), f"action {action.text()!r}"))
        menu = action.menu()
        if isinstance(menu, QMenu):
            for sub in menu.actions():
                add_action(sub)

    for w in [window, *window.findChildren(QWidget)]:
        if w.window() is not window:
            continue
        for action in w.actions():
            add_action(action)
    for shortcut in window.findChildren(QShortcut):
        parent = shortcut.parent()
        if isinstance(parent, QWidget) and parent.window() is not window:
            continue
        if shortcut.context() == Qt.ShortcutContext.WidgetShortcut:
            continue
        for keys in shortcut.keys():  # noqa: SIM118 - a QShortcut, not a dict
            found.append((keys.toString(), f"shortcut {shortcut.objectName() or keys.toString()}"))
    return found


def _widget_shortcuts(window: QWidget) -> list[str]:
    """Keys bound twice to one widget (shortcuts that only fire while it has the focus)."""
    by_widget: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for shortcut in window.findChildren(QShortcut):
        parent = shortcut.parent()
        if shortcut.context() != Qt.ShortcutContext.WidgetShortcut or not isinstance(
                parent, QWidget) or parent.window() is not window:
            continue
        for keys in shortcut.keys():  # noqa: SIM118 - a QShortcut, not a dict
            by_widget[id(parent)][keys.toString()].append(_name(parent))
    return [f"{key} twice on {names[0]}" for keys in by_widget.values()
            for key, names in keys.items() if len(names) > 1]


def _menu_clashes(window: QWidget) -> list[str]:
    problems = []
    for menu in window.findChildren(QMenu):
        keys: dict[str, list[str]] = defaultdict(list)
        for action in menu.actions():
            if action.isSeparator() or not action.isVisible():
                continue
            key = mnemonic(action.text())
            if key:
                keys[key].append(action.text())
        problems += [f"menu {menu.title()!r}: &{key} on {texts}"
                     for key, texts in keys.items() if len(texts) > 1]
    return problems


def clashes(window: QWidget) -> list[str]:
    """Every key that two things in ``window`` answer to: mnemonics, shortcuts, menu items."""
    taken: dict[str, list[str]] = defaultdict(list)
    for keys, what in _window_mnemonics(window) + _window_shortcuts(window):
        taken[QKeySequence(keys).toString()].append(what)
    problems = [f"{_name(window)}: {keys} is {' and '.join(whats)}"
                for keys, whats in taken.items() if len(whats) > 1]
    return problems + _menu_clashes(window) + _widget_shortcuts(window)
