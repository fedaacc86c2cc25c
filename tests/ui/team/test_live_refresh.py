"""Two people on one team archive: the other's window shows a save within two seconds,
in its results and in the readout it shows, and an open editor is told."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.ui.editor import open_editor
from readout_desk.ui.main_window import MainWindow
from tests.archive.helpers import lima_readout
from tests.ui.editor.conftest import HOME, close_all_editors


@pytest.fixture
def two(pg_url: str) -> Iterator[tuple[Archive, Archive]]:
    mine = Archive.open(pg_url)
    theirs = Archive.open(pg_url)
    yield mine, theirs
    close_all_editors()
    theirs.close()
    mine.close()


def test_the_window_shows_another_persons_save(
        qtbot: QtBot, two: tuple[Archive, Archive],
        open_window: Callable[..., MainWindow]) -> None:
    mine, theirs = two
    window = open_window(mine)
    assert window.model.rowCount() == 0
    # The first save also waits for the window's listener to be connected.
    first = theirs.add(lima_readout())
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10_000)
    window.show_readout(first.id or 0)
    qtbot.waitUntil(lambda: "Japan-Peru" in window.detail.toPlainText(), timeout=5000)
    editor = open_editor(window, mine, readout_id=first.id, home_zone=HOME)
    assert editor is not None

    theirs.update(dataclasses.replace(first, title="Talks in Lima, corrected elsewhere"))
    qtbot.waitUntil(lambda: "corrected elsewhere" in window.detail.toPlainText(),
                    timeout=2000)
    qtbot.waitUntil(lambda: "changed on the server" in editor.statusBar().currentMessage(),
                    timeout=2000)
    second = theirs.add(dataclasses.replace(lima_readout(), title="A second meeting"))
    qtbot.waitUntil(lambda: window.model.row_of(second.id or 0) is not None, timeout=2000)
