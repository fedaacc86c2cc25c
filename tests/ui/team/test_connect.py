"""File ▸ Open Team Archive…: the connection form, typed into as a person would, opens the
same window on the server; the password never reaches the settings file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from readout_desk.archive import Archive
from readout_desk.ui import team
from readout_desk.ui.main_window import MainWindow
from readout_desk.ui.settings import Settings
from readout_desk.ui.team.connect import TeamArchiveDialog, recent_archives


def _dialog(qtbot: QtBot, window: MainWindow) -> TeamArchiveDialog:
    action = next(a for a in window.menu("File").actions()
                  if a.objectName() == "actionOpenTeamArchive")
    action.trigger()
    found: list[TeamArchiveDialog] = []

    def shown() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets()
                    if isinstance(w, TeamArchiveDialog) and w.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown, timeout=5000)
    return found[0]


def _type(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


def test_the_form_opens_the_window_on_the_server(
        qtbot: QtBot, archive: Archive, pg_url: str,
        open_window: Callable[..., MainWindow]) -> None:
    Archive.open(pg_url).close()  # the owner migrated it
    settings = Settings()
    window = open_window(archive, settings)
    dialog = _dialog(qtbot, window)
    server = make_url(pg_url)
    _type(qtbot, dialog.host, str(server.query["host"]))
    _type(qtbot, dialog.database, server.database or "")
    _type(qtbot, dialog.user, server.username or "")
    source = dialog.findChild(QLabel, "teamPasswordSource")
    assert source is not None and source.text().startswith("none")
    _type(qtbot, dialog.password, "not-kept-anywhere")
    assert source.text() == "typed here (kept until Readout Desk ends)"
    location = dialog.location()
    open_button = dialog.buttons.button(QDialogButtonBox.StandardButton.Open)
    qtbot.mouseClick(open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(team._windows) == 1, timeout=10_000)
    opened = team._windows[0]
    try:
        assert opened.archive.backend.name == "postgresql"
        assert opened.archive.location == location and "not-kept" not in location
        assert "password from typed" in opened.statusBar().currentMessage()
        settings.sync()
        stored = Path(settings.path).read_text(encoding="utf-8")
        assert "not-kept-anywhere" not in stored
        assert recent_archives(settings) == [opened.archive.location]
    finally:
        opened.close()
        qtbot.waitUntil(lambda: not team._windows, timeout=5000)


def test_a_recent_archive_fills_the_form_and_a_failure_keeps_it_open(
        qtbot: QtBot, archive: Archive, open_window: Callable[..., MainWindow]) -> None:
    settings = Settings()
    settings.set_text("team/recent",
                      '["postgresql://ana@/readouts?host=/nonexistent/socket"]')
    window = open_window(archive, settings)
    dialog = _dialog(qtbot, window)
    dialog.recent.setCurrentIndex(1)
    assert (dialog.host.text(), dialog.database.text(), dialog.user.text()) == (
        "/nonexistent/socket", "readouts", "ana")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Open).click()
    qtbot.waitUntil(dialog.problem.isVisible, timeout=10_000)
    assert "cannot be reached" in dialog.problem.text()
    assert dialog.isVisible() and not team._windows
    dialog.reject()


@pytest.mark.parametrize("host", ["db.example.org", "/run/postgresql"])
def test_the_url_round_trips_through_the_form(qtbot: QtBot, host: str) -> None:
    dialog = TeamArchiveDialog(Settings(), lambda _archive: None)
    qtbot.addWidget(dialog)
    dialog.host.setText(host)
    dialog.port.setValue(5433)
    dialog.database.setText("readouts")
    dialog.user.setText("ana")
    url = dialog.location()
    assert "ana@" in url and "5433" in url
    from readout_desk.archive import team_fields

    assert team_fields(url) == (host, 5433, "readouts", "ana")
