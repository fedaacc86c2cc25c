"""A save on a team archive whose server went away: the form keeps what was typed, the
person is offered Retry, and the retry saves it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.domain.records import Readout
from readout_desk.ui.editor import ReadoutEditor, open_editor
from tests.ui.editor.conftest import HOME, Answers, close_all_editors, save, type_into

TITLE = "Japan-Ruritania Foreign Ministers' Meeting"


@pytest.fixture
def team(pg_url: str) -> Iterator[Archive]:
    archive = Archive.open(pg_url)
    yield archive
    close_all_editors()
    archive.close()


def _editing(qtbot: QtBot, team: Archive) -> tuple[Readout, ReadoutEditor]:
    """A saved readout open in the editor, its title corrected but not saved yet."""
    saved = team.add(Readout(title=TITLE, meeting_date=dt.date(2023, 5, 3)))
    editor = open_editor(None, team, readout_id=saved.id, home_zone=HOME)
    assert editor is not None
    qtbot.waitExposed(editor)
    type_into(qtbot, editor.when.title, "Corrected title")
    return saved, editor


def test_retry_saves_what_the_form_kept(qtbot: QtBot, team: Archive,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    saved, editor = _editing(qtbot, team)
    index = team.backend.index_readouts
    cut: list[int] = []

    def index_after_a_cut(conn: Any, entries: Any) -> None:
        if not cut:  # the server goes away in the middle of the first save
            cut.append(1)
            conn.exec_driver_sql("SELECT pg_terminate_backend(pg_backend_pid())")
        index(conn, entries)

    monkeypatch.setattr(team.backend, "index_readouts", index_after_a_cut)
    answers = Answers(qtbot)
    answers.next("saveRetry", "Retry")
    save(qtbot, editor)
    assert answers.asked == ["saveRetry"] and "nothing was changed" in answers.texts[0]
    assert "still in the form" in answers.texts[0]
    stored = team.get(saved.id or 0)
    assert (stored.title, stored.version) == ("Corrected title", 2)
    assert editor.when.title.text() == "Corrected title" and not editor.is_dirty()


def test_cancel_keeps_the_text_unsaved(qtbot: QtBot, team: Archive,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    saved, editor = _editing(qtbot, team)

    def cut(conn: Any, entries: Any) -> None:
        conn.exec_driver_sql("SELECT pg_terminate_backend(pg_backend_pid())")

    monkeypatch.setattr(team.backend, "index_readouts", cut)
    answers = Answers(qtbot)
    answers.next("saveRetry", "Cancel")
    editor.save()
    qtbot.waitUntil(lambda: answers.asked == ["saveRetry"] and not editor.is_saving(),
                    timeout=10_000)
    assert editor.when.title.text() == "Corrected title" and editor.is_dirty()
    assert "cannot be reached" in editor.statusBar().currentMessage()
    assert team.get(saved.id or 0).version == 1
