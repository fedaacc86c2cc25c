"""The main window's contract for feature modules."""

from __future__ import annotations

import importlib

from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.ui import main_window
from readout_desk.ui.main_window import MainWindow


def _window(qtbot: QtBot, archive: Archive) -> MainWindow:
    window = MainWindow(archive)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.status_hits.text() != "", timeout=5000)
    return window


def test_menus_are_get_or_create_by_plain_name(qtbot: QtBot, archive: Archive) -> None:
    window = _window(qtbot, archive)
    tools = window.menu("Tools")
    assert window.menu("Tools") is tools
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles[:6] == ["File", "Edit", "View", "Readout", "Tools", "Help"]
    action = QAction("Do something", window)
    window.add_toolbar_action(action)
    assert action in window.toolbar.actions()


def test_selection_and_query_accessors(qtbot: QtBot, demo_archive: Archive) -> None:
    window = _window(qtbot, demo_archive)
    assert window.current_query() == ""
    qtbot.waitUntil(lambda: window.current_readout_id() is not None, timeout=5000)
    first = window.current_readout_id()
    assert window.selected_readout_ids() == [first]
    assert window.home_zone()


def test_feature_modules_name_the_features_and_each_installs() -> None:
    assert main_window.FEATURE_MODULES == (
        "readout_desk.ui.editor",
        "readout_desk.ui.about",
        "readout_desk.ui.transfer",
        "readout_desk.ui.paste",
        "readout_desk.ui.timing_check",
        "readout_desk.ui.help",
        "readout_desk.ui.source_view",
        "readout_desk.ui.capture",
        "readout_desk.ui.team",
    )
    for name in main_window.FEATURE_MODULES:
        assert callable(getattr(importlib.import_module(name), "install", None)), name


def test_no_two_actions_share_a_shortcut(qtbot: QtBot, archive: Archive) -> None:
    """With every installed feature, each shortcut does one thing (Qt ignores ambiguous ones)."""
    window = _window(qtbot, archive)
    owners: dict[str, list[str]] = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            if not key.isEmpty():
                owners.setdefault(key.toString(), []).append(action.objectName() or action.text())
    shared = {key: names for key, names in owners.items() if len(names) > 1}
    assert shared == {}
    assert owners["Ctrl+F"] == owners["Ctrl+K"] == ["actionFind"]
