"""Every control of the main window and its dialogs can be named by assistive tools."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.ui.main_window import MainWindow
from readout_desk.ui.preferences import PreferencesDialog
from readout_desk.ui.relations import RelationsDialog

CONTROLS = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit)


def unnamed_controls(root: QWidget) -> list[str]:
    """Controls with no accessible name (or text) or no tooltip."""
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLineEdit) and isinstance(widget.parent(), (QComboBox,
                                                                           QAbstractSpinBox)):
            continue  # the editor inside a combo box or spin box is named by its owner
        name = widget.accessibleName() or (
            widget.text() if isinstance(widget, QAbstractButton) else "")
        tip = widget.toolTip()
        if isinstance(widget, QToolButton) and widget.defaultAction() is not None:
            tip = tip or widget.defaultAction().toolTip()  # a toolbar button shows its action
        if not name.strip() or not tip.strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} "
                           f"name={name!r} tip={tip!r}")
    return missing


def test_the_main_window_names_every_control(qtbot: QtBot, demo_archive: Archive,
                                             open_window: Callable[..., MainWindow]) -> None:
    window = open_window(demo_archive)
    for name in ("searchField", "resultsView", "detailView", "facetsView", "statusHits"):
        found = window.findChild(QWidget, name)
        assert found is not None and found.accessibleName(), name
    window.search_bar.add_filter("country:PE", "Peru")
    assert unnamed_controls(window) == []


def test_the_empty_state_names_every_control(qtbot: QtBot, archive: Archive,
                                             open_window: Callable[..., MainWindow]) -> None:
    window = open_window(archive)
    assert window.empty_state.isVisible()
    assert unnamed_controls(window) == []


def test_the_dialogs_name_every_control(qtbot: QtBot, demo_archive: Archive,
                                        open_window: Callable[..., MainWindow]) -> None:
    window = open_window(demo_archive)
    preferences = PreferencesDialog(window.settings, window)
    qtbot.addWidget(preferences)
    preferences.show()
    assert unnamed_controls(preferences) == []
    relations = RelationsDialog(window)
    qtbot.addWidget(relations)
    relations.show()
    assert unnamed_controls(relations) == []
    relations.tabs.setCurrentIndex(1)
    assert unnamed_controls(relations) == []
