"""The window on a team archive opened by a reader or a contributor: a banner says what
the user may do, and what they may not is switched off."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.ui.main_window import MainWindow
from tests.archive.helpers import lima_readout
from tests.archive.test_team_rights import _role


def _action(window: MainWindow, name: str) -> QAction:
    found = window.findChild(QAction, name)
    assert found is not None, name
    return found


def test_a_reader_sees_the_archive_read_only(
        qtbot: QtBot, pg_url: str, open_window: Callable[..., MainWindow]) -> None:
    with Archive.open(pg_url) as owner:
        owner.add(lima_readout())
    archive = Archive.open(_role(pg_url, "reader", "rd_reader"))
    try:
        window = open_window(archive)
        assert window.banner.isVisible() and "read-only" in window.banner.text()
        assert not _action(window, "actionNewReadout").isEnabled()
        assert not _action(window, "actionMoveToTrash").isEnabled()
        assert window.model.rowCount() == 1
    finally:
        window.close()
        archive.close()


def test_a_contributor_cannot_move_to_the_trash(
        qtbot: QtBot, pg_url: str, open_window: Callable[..., MainWindow]) -> None:
    Archive.open(pg_url).close()
    archive = Archive.open(_role(pg_url, "contributor", "rd_contributor"))
    try:
        window = open_window(archive)
        assert "not move them to the trash" in window.banner.text()
        assert window.banner.isVisible()
        assert _action(window, "actionNewReadout").isEnabled()
        assert not _action(window, "actionMoveToTrash").isEnabled()
    finally:
        window.close()
        archive.close()
