"""Help > Licences, Help > About Qt, and the licence and home page in the About box."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.ui import about
from readout_desk.ui.about import AboutDialog, LicencesDialog
from readout_desk.ui.main_window import MainWindow
from tests.desktop.test_about import _window

ROOT = Path(__file__).resolve().parents[2]


def _help_action(window: MainWindow, name: str) -> QAction:
    actions = [a for a in window.menu("Help").actions() if a.objectName() == name]
    assert len(actions) == 1, f"Help has {len(actions)} actions named {name}"
    return actions[0]


def _shown_licences(qtbot: QtBot) -> LicencesDialog:
    found: list[LicencesDialog] = []

    def shown() -> bool:
        found[:] = [d for d in QApplication.topLevelWidgets()
                    if isinstance(d, LicencesDialog) and d.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown, timeout=5000)
    return found[0]


def test_help_licences_shows_the_mit_licence_and_the_installed_components(
        qtbot: QtBot, archive: Archive) -> None:
    window = _window(qtbot, archive)
    action = _help_action(window, "actionLicences")
    assert action.text().replace("&", "") == "Licences"
    action.trigger()
    dialog = _shown_licences(qtbot)
    text = dialog.text.toPlainText()
    assert text.startswith("Readout Desk ")
    assert "MIT License" in text
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").strip() in text
    assert "PySide6_Essentials" in text or "PySide6-Essentials" in text
    assert "SQLAlchemy" in text
    dialog.close()


def test_a_bundle_shows_its_third_party_notices(qtbot: QtBot, archive: Archive,
                                                tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "LICENSE").write_text("MIT License\n\nCopyright (c) the bundle\n", "utf-8")
    (tmp_path / about.NOTICES_NAME).write_text(
        "Readout Desk: third-party notices\n\nQt: Qt 6\nGNU LESSER GENERAL PUBLIC LICENSE\n",
        "utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "readout-desk"))
    window = _window(qtbot, archive)
    _help_action(window, "actionLicences").trigger()
    dialog = _shown_licences(qtbot)
    text = dialog.text.toPlainText()
    dialog.close()
    assert "Copyright (c) the bundle" in text
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text
    assert "dist-info" not in text  # the bundle's notices, not the installed metadata


def test_help_about_qt_shows_qts_own_about_box(qtbot: QtBot, archive: Archive) -> None:
    window = _window(qtbot, archive)
    action = _help_action(window, "actionAboutQt")
    assert action.menuRole() == QAction.MenuRole.AboutQtRole
    seen: list[str] = []

    def close_it() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, close_it)
            return
        seen.append(box.windowTitle())
        seen.append(box.text())
        box.close()

    QTimer.singleShot(50, close_it)
    action.trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert "About Qt" in seen[0]
    assert "Qt" in seen[1]


def test_about_box_names_the_licence_and_the_home_page(qtbot: QtBot, archive: Archive) -> None:
    window = _window(qtbot, archive)
    _help_action(window, "actionAbout").trigger()
    qtbot.waitUntil(lambda: bool(window.findChildren(AboutDialog)))
    dialog = window.findChildren(AboutDialog)[0]
    licence = dialog.findChild(QLabel, "aboutLicence")
    home = dialog.findChild(QLabel, "aboutHomePage")
    assert licence is not None and home is not None
    assert "MIT licence" in licence.text()
    assert f'href="{about.HOME_PAGE}"' in home.text()
    assert home.openExternalLinks()
    assert about.HOME_PAGE in dialog.details()
    licence.linkActivated.emit("licences")
    licences = _shown_licences(qtbot)
    assert "MIT License" in licences.text.toPlainText()
    licences.close()
