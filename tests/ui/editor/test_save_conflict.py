"""A readout saved elsewhere while it is being edited is never overwritten unseen: the
editor shows both versions side by side and saves the merge the person chooses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QRadioButton
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.domain.records import Participant, Person, Readout, SummaryPoint
from readout_desk.ui.editor import ReadoutEditor, open_editor
from readout_desk.ui.editor.conflict import ConflictDialog
from tests.archive.conftest import pg_server, pg_url  # noqa: F401  (fixtures)
from tests.ui.editor.conftest import HOME, close_all_editors, save, type_into

TITLE = "Japan-Ruritania Foreign Ministers' Meeting"
POINTS = (SummaryPoint("The two ministers welcomed the new air link."),)
HAYASHI = Participant(Person("Tanabe", "Kaori"), office="Minister for Foreign Affairs",
                      country="JP")
ELBERG = Participant(Person("Elberg", "Tomas"), honorific="H.E. Mr.",
                     office="Minister of Foreign Affairs", country="PE")


def _editing(qtbot: QtBot, archive: Archive) -> tuple[ReadoutEditor, int]:
    saved = archive.add(Readout(title=TITLE, meeting_date=dt.date(2023, 5, 3),
                                participants=(HAYASHI,), points=POINTS))
    assert saved.id is not None
    editor = open_editor(None, archive, readout_id=saved.id, home_zone=HOME)
    assert editor is not None
    qtbot.waitExposed(editor)
    return editor, saved.id


@pytest.fixture(params=["sqlite", "postgresql"])
def shared(request: pytest.FixtureRequest, archive: Archive, archive_path: Path
           ) -> Iterator[tuple[Archive, Path | str]]:
    """An archive the editor saves to, and where another handle opens it: a file, or a
    team archive on a PostgreSQL server (both refuse a save over a newer version alike)."""
    if request.param == "sqlite":
        yield archive, archive_path
        return
    url: str = request.getfixturevalue("pg_url")
    with Archive.open(url) as team:
        yield team, url


def _save_elsewhere(archive_path: Path | str, readout_id: int, **changes: Any) -> Readout:
    """Another process, with its own handle on the same file, saves a change."""
    with Archive.open(archive_path) as other:
        return other.update(replace(other.get(readout_id), **changes))


def _view(qtbot: QtBot, editor: ReadoutEditor, *, after: int = 0) -> ConflictDialog:
    """Press Ctrl+S and wait for the side-by-side view (the ``after``-th one)."""
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow, timeout=2000)
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    def shown() -> ConflictDialog | None:
        views = [v for v in editor.findChildren(ConflictDialog) if v.isVisible()]
        return views[0] if views else None

    qtbot.waitUntil(lambda: shown() is not None and not editor.is_saving(), timeout=5000)
    view = shown()
    assert view is not None
    qtbot.waitUntil(view.isActiveWindow, timeout=2000)
    return view


def _corrected_title(qtbot: QtBot, archive: Archive, archive_path: Path,
                     notes: str = "Saved elsewhere.") -> tuple[ReadoutEditor, int,
                                                               ConflictDialog]:
    """A note saved elsewhere, the title corrected in the form, Ctrl+S: the view."""
    editor, readout_id = _editing(qtbot, archive)
    _save_elsewhere(archive_path, readout_id, notes=notes)
    type_into(qtbot, editor.when.title, "Corrected title")
    return editor, readout_id, _view(qtbot, editor)


def _tab_to(qtbot: QtBot, view: ConflictDialog, key: str) -> QRadioButton:
    """Press Tab until a choice of the field ``key`` has the keyboard."""
    for _ in range(40):
        focused = QApplication.focusWidget()
        if isinstance(focused, QRadioButton) and focused.objectName().endswith(f"_{key}"):
            return focused
        qtbot.keyClick(focused or view, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached the choice for {key}")


def _take(qtbot: QtBot, view: ConflictDialog, key: str, side: str) -> None:
    """Tab to the field ``key`` and take ``side`` with the arrow keys."""
    radio = _tab_to(qtbot, view, key)
    qtbot.keyClick(radio, Qt.Key.Key_Right if side == "mine" else Qt.Key.Key_Left)
    assert view.choices()[key] == side


def test_a_save_over_a_newer_version_shows_both_and_overwrites_nothing(
        qtbot: QtBot, archive: Archive, archive_path: Path) -> None:
    editor, readout_id, view = _corrected_title(qtbot, archive, archive_path)
    theirs = archive.get(readout_id)
    intro = view.findChild(QLabel, "conflictIntro")
    assert intro is not None and "saved elsewhere" in intro.text()
    assert "version 1" in intro.text() and "version 2" in intro.text()
    assert [f.field.key for f in view.comparison.differing] == ["title", "notes"]
    shown = {k: (view.findChild(QLabel, f"conflictTheirs_{k}").text(),  # type: ignore[union-attr]
                 view.findChild(QLabel, f"conflictMine_{k}").text())  # type: ignore[union-attr]
             for k in ("title", "notes")}
    assert shown == {"title": (TITLE, "Corrected title"), "notes": ("Saved elsewhere.",
                                                                    "(empty)")}
    label = view.findChild(QLabel, "conflictLabel_title")
    assert label is not None and "≠" in label.text()
    choices = [view.findChild(QRadioButton, f"conflict{side}Choice_title")
               for side in ("Theirs", "Mine")]
    assert [c.accessibleName() for c in choices if c is not None] == [
        "Title: use theirs", "Title: use mine"]
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not view.isVisible())
    # Nothing was overwritten, and the form still holds the change.
    stored = archive.get(readout_id)
    assert stored == theirs
    assert (stored.title, stored.notes, stored.version) == (TITLE, "Saved elsewhere.", 2)
    assert editor.when.title.text() == "Corrected title"
    assert editor.is_dirty()
    close_all_editors()


def test_keeping_all_mine_keeps_the_other_version_in_the_history(
        qtbot: QtBot, archive: Archive, archive_path: Path) -> None:
    editor, readout_id, view = _corrected_title(qtbot, archive, archive_path)
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        qtbot.keyClick(QApplication.focusWidget() or view, Qt.Key.Key_M,
                       Qt.KeyboardModifier.AltModifier)
        # A mnemonic clicks its button the way a mouse does, after a short flash.
        qtbot.waitUntil(lambda: view.choices() == {"title": "mine", "notes": "mine"})
        qtbot.keyClick(QApplication.focusWidget() or view, Qt.Key.Key_S,
                       Qt.KeyboardModifier.AltModifier)
    stored = archive.get(readout_id)
    assert (stored.title, stored.notes, stored.version) == ("Corrected title", "", 3)
    assert [v.readout.notes for v in archive.history(readout_id)][0] == "Saved elsewhere."
    assert not editor.is_dirty()
    close_all_editors()


def test_the_merge_takes_each_field_from_the_side_chosen(
        qtbot: QtBot, shared: tuple[Archive, Path | str]) -> None:
    archive, archive_path = shared
    editor, readout_id = _editing(qtbot, archive)
    theirs = _save_elsewhere(
        archive_path, readout_id, title=f"{TITLE} in Lima", notes="Checked by the desk.",
        participants=(HAYASHI, ELBERG),
        points=(*POINTS, SummaryPoint("They agreed to meet again.")))
    type_into(qtbot, editor.when.title, "Japan-Ruritania Meeting")
    type_into(qtbot, editor.when.meeting_date, "2023-05-04")
    type_into(qtbot, editor.when.occasion, "G7 ministers' meeting")
    view = _view(qtbot, editor)
    assert [f.field.key for f in view.comparison.differing] == [
        "meeting_date", "title", "occasion", "participants", "points", "notes"]
    # Proposed: what only they changed from theirs, what the form changed from mine.
    assert view.choices() == {"meeting_date": "mine", "title": "mine", "occasion": "mine",
                              "participants": "theirs", "points": "theirs",
                              "notes": "theirs"}
    _take(qtbot, view, "title", "theirs")
    _take(qtbot, view, "occasion", "theirs")
    _take(qtbot, view, "points", "mine")
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        qtbot.keyClick(QApplication.focusWidget() or view, Qt.Key.Key_S,
                       Qt.KeyboardModifier.AltModifier)
    stored = archive.get(readout_id)
    expected = replace(theirs, meeting_date=dt.date(2023, 5, 4), points=POINTS)
    assert stored.version == theirs.version + 1 == 3
    assert replace(stored, updated_at=None, version=0, participants=()) == replace(
        expected, updated_at=None, version=0, participants=())
    assert [p.person.display_name for p in stored.participants] == [
        "Kaori Tanabe", "Tomas Elberg"]
    history = archive.history(readout_id)
    assert [v.version for v in history] == [2, 1]
    assert history[0].readout.title == f"{TITLE} in Lima"  # theirs, kept
    assert history[1].readout.title == TITLE  # the version both started from
    assert editor.when.title.text() == f"{TITLE} in Lima" and not editor.is_dirty()
    close_all_editors()


def test_a_second_conflict_while_merging_is_shown_the_same_way(
        qtbot: QtBot, archive: Archive, archive_path: Path) -> None:
    editor, readout_id, first = _corrected_title(qtbot, archive, archive_path,
                                                 "First elsewhere.")
    # Someone saves again while the first view is open.
    _save_elsewhere(archive_path, readout_id, topics=("air links",))
    qtbot.mouseClick(first.save_button, Qt.MouseButton.LeftButton)

    def second() -> ConflictDialog | None:
        for v in editor.findChildren(ConflictDialog):
            intro = v.findChild(QLabel, "conflictIntro")
            if v.isVisible() and intro is not None and "version 3" in intro.text():
                return v
        return None

    qtbot.waitUntil(lambda: second() is not None, timeout=5000)
    view = second()
    assert view is not None
    intro = view.findChild(QLabel, "conflictIntro")
    assert intro is not None and "started from version 2" in intro.text()
    # Against version 3: the form holds the first merge, they added a topic.
    assert [f.field.key for f in view.comparison.differing] == ["title", "topics"]
    assert view.choices() == {"title": "mine", "topics": "theirs"}
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    stored = archive.get(readout_id)
    assert (stored.title, stored.notes, stored.topics, stored.version) == (
        "Corrected title", "First elsewhere.", ("air links",), 4)
    assert [v.version for v in archive.history(readout_id)] == [3, 2, 1]
    close_all_editors()


def test_saving_after_the_merge_is_an_ordinary_save(
        qtbot: QtBot, archive: Archive, archive_path: Path) -> None:
    editor, readout_id, view = _corrected_title(qtbot, archive, archive_path)
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, editor.when.title, "Corrected again")
    save(qtbot, editor)
    assert (archive.get(readout_id).title, archive.get(readout_id).version) == (
        "Corrected again", 4)
    close_all_editors()
