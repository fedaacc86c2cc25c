"""A readout saved elsewhere while it is being edited is never overwritten unseen."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.domain.records import Readout
from readout_desk.ui.editor import ReadoutEditor, open_editor
from tests.ui.editor.conftest import HOME, Answers, close_all_editors, save, type_into


def _editing(qtbot: QtBot, archive: Archive, archive_path: Path
             ) -> tuple[ReadoutEditor, int]:
    """An editor on a saved readout whose title is then changed by another process."""
    saved = archive.add(Readout(title="Japan-Peru Foreign Ministers' Meeting",
                                meeting_date=dt.date(2023, 5, 3)))
    assert saved.id is not None
    editor = open_editor(None, archive, readout_id=saved.id, home_zone=HOME)
    assert editor is not None
    qtbot.waitExposed(editor)
    with Archive.open(archive_path) as other:
        other.update(replace(other.get(saved.id), notes="Saved elsewhere."))
    type_into(qtbot, editor.when.title, "Corrected title")
    return editor, saved.id


def test_a_save_over_a_newer_version_is_refused_and_the_form_kept(
        qtbot: QtBot, archive: Archive, archive_path: Path, answers: Answers) -> None:
    editor, readout_id = _editing(qtbot, archive, archive_path)
    answers.next("saveConflict", "Cancel")
    assert editor.save()
    qtbot.waitUntil(lambda: bool(answers.asked) and not editor.is_saving(), timeout=5000)
    assert "saved elsewhere" in answers.texts[0] and "version 2" in answers.texts[0]
    # Nothing was overwritten, and the form still holds the change.
    stored = archive.get(readout_id)
    assert (stored.title, stored.notes, stored.version) == (
        "Japan-Peru Foreign Ministers' Meeting", "Saved elsewhere.", 2)
    assert editor.when.title.text() == "Corrected title"
    assert editor.is_dirty()
    close_all_editors()


def test_saving_mine_anyway_keeps_the_other_version_in_the_history(
        qtbot: QtBot, archive: Archive, archive_path: Path, answers: Answers) -> None:
    editor, readout_id = _editing(qtbot, archive, archive_path)
    answers.next("saveConflict", "Save mine as the newest version")
    save(qtbot, editor)
    stored = archive.get(readout_id)
    assert (stored.title, stored.version) == ("Corrected title", 3)
    assert [v.readout.notes for v in archive.history(readout_id)][0] == "Saved elsewhere."
    close_all_editors()
