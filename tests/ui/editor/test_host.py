"""An editor reports to the window it was opened from through ``EditorHost`` alone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.domain.records import Readout, SummaryPoint
from readout_desk.ui.editor import EditorHost, open_editor
from tests.ui.editor.conftest import close_all_editors, save, type_into


class RecordingHost(QWidget):
    """A window that only keeps what the editor told it."""

    def __init__(self) -> None:
        super().__init__()
        self.refreshed: list[int | None] = []

    def refresh(self, select_id: int | None = None) -> None:
        self.refreshed.append(select_id)

    def home_zone(self) -> str:
        return "Europe/Berlin"


@pytest.fixture
def host(qtbot: QtBot) -> Iterator[RecordingHost]:
    made = RecordingHost()
    qtbot.addWidget(made)
    yield made
    close_all_editors()


def _saved_readout(archive: Archive) -> Readout:
    return archive.add(Readout(title="Japan-Peru Foreign Ministers' Meeting",
                               meeting_date=dt.date(2023, 5, 3),
                               points=(SummaryPoint("First point."),)))


def test_saving_tells_the_host_which_readout_to_select(qtbot: QtBot, archive: Archive,
                                                        host: RecordingHost) -> None:
    saved = _saved_readout(archive)
    as_host: EditorHost = host
    editor = open_editor(as_host, archive, readout_id=saved.id)
    assert editor is not None
    qtbot.waitExposed(editor)
    assert editor.parentWidget() is host
    assert editor.home_zone == "Europe/Berlin"  # the host's, as none was given
    type_into(qtbot, editor.when.title, "Corrected title")
    save(qtbot, editor)
    assert host.refreshed == [saved.id]


def test_an_editor_without_a_host_saves_all_the_same(qtbot: QtBot, archive: Archive) -> None:
    saved = _saved_readout(archive)
    assert saved.id is not None
    editor = open_editor(None, archive, readout_id=saved.id, home_zone="Asia/Tokyo")
    assert editor is not None and editor.parentWidget() is None
    qtbot.waitExposed(editor)
    type_into(qtbot, editor.when.title, "Corrected title")
    save(qtbot, editor)
    assert archive.get(saved.id).title == "Corrected title"
    close_all_editors()
