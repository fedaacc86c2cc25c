"""The parts of the form: people, points, topics, photos, duplicates, the source pane."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QStringListModel, Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.domain.records import NameOrder, Participant, Person, Readout
from readout_desk.ui.editor import ReadoutEditor, open_editor, open_editors
from readout_desk.ui.editor import saving as saving_module
from tests.ui.editor.conftest import HOME, Answers, click, close_all_editors, save, type_into


def _hayashi() -> Participant:
    return Participant(Person("HAYASHI", "Yoshimasa", NameOrder.FAMILY_FIRST), "Mr.",
                       "Minister for Foreign Affairs", "JP")


def test_choosing_a_known_person_reuses_them_and_offers_their_offices(
        qtbot: QtBot, archive: Archive) -> None:
    archive.add(Readout(title="Earlier meeting", meeting_date=dt.date(2022, 1, 5),
                        participants=(_hayashi(),)))
    (known,) = archive.people("hayashi")
    editor = open_editor(None, archive, home_zone=HOME)
    assert editor is not None
    people = editor.participants
    click(qtbot, people.rows.add_button)
    type_into(qtbot, people.family, "Hay")
    popup = people.person_completer.popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    assert popup.model().data(popup.model().index(0, 0)) == "HAYASHI Yoshimasa"
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    item = editor.draft().participants[0]
    assert (item.family_name, item.given_name, item.family_first, item.person_id) == \
        ("HAYASHI", "Yoshimasa", True, known.id)
    qtbot.waitUntil(lambda: bool(people.offered_offices()), timeout=3000)  # read off the UI thread
    assert people.offered_offices() == ["Minister for Foreign Affairs"]
    close_all_editors()


def test_points_are_added_reordered_by_keyboard_and_drag_and_removed(
        qtbot: QtBot, new_editor: ReadoutEditor) -> None:
    summary = new_editor.summary
    for text in ("One.", "Two.", "Three."):
        click(qtbot, summary.add_button)
        type_into(qtbot, summary.text, text)
    type_into(qtbot, summary.speaker, "Minister Gervasi")

    def texts() -> list[str]:
        return [p.text for p in new_editor.draft().points]

    assert texts() == ["One.", "Two.", "Three."]
    summary.list.setFocus()
    qtbot.keyClick(summary.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert texts() == ["One.", "Three.", "Two."]
    assert summary.list.item(1).text() == "2. [Minister Gervasi] Three."
    # Dragging a row moves it in the list model.
    model = summary.list.model()
    assert model.moveRows(QModelIndex(), 2, 1, QModelIndex(), 0)
    qtbot.waitUntil(lambda: texts() == ["Two.", "One.", "Three."], timeout=2000)
    summary.list.setCurrentRow(0)
    qtbot.keyClick(summary.list, Qt.Key.Key_Delete)
    assert texts() == ["One.", "Three."]
    qtbot.keyClick(summary.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert texts() == ["Two.", "One.", "Three."]


def test_topics_complete_from_the_archive(qtbot: QtBot, demo_archive: Archive) -> None:
    editor = open_editor(None, demo_archive, home_zone=HOME)
    assert editor is not None
    topics = editor.topics
    type_into(qtbot, topics.entry, "CP")
    popup = topics.completer.popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    model = topics.completer.model()
    assert isinstance(model, QStringListModel)
    assert "CPTPP" in model.stringList()
    type_into(qtbot, topics.entry, "CPTPP")
    qtbot.keyClick(topics.entry, Qt.Key.Key_Return)
    qtbot.keyClicks(topics.entry, "APEC, Ukraine,")
    assert editor.draft().topics == ("CPTPP", "APEC", "Ukraine")
    type_into(qtbot, topics.entry, "cptpp")  # the same topic is not added twice
    qtbot.keyClick(topics.entry, Qt.Key.Key_Return)
    assert editor.draft().topics == ("CPTPP", "APEC", "Ukraine")
    topics.tags.setCurrentRow(1)
    topics.tags.setFocus()
    qtbot.keyClick(topics.tags, Qt.Key.Key_Delete)
    assert editor.draft().topics == ("CPTPP", "Ukraine")
    close_all_editors()


def _image(path: Path) -> Path:
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("steelblue"))
    assert image.save(str(path))
    return path


def _minimal(qtbot: QtBot, editor: ReadoutEditor) -> None:
    type_into(qtbot, editor.when.title, "Photo call")
    type_into(qtbot, editor.when.meeting_date, "2023-05-03")


def test_photos_are_copied_into_the_archive_with_captions(
        qtbot: QtBot, new_editor: ReadoutEditor, archive: Archive, tmp_path: Path) -> None:
    editor = new_editor
    _minimal(qtbot, editor)
    source = _image(tmp_path / "handshake.PNG")
    editor.photos.add_files([source])
    qtbot.waitUntil(lambda: editor.photos.has_thumbnail(0), timeout=3000)
    type_into(qtbot, editor.photos.caption, "Two Ministers who shake hands")
    save(qtbot, editor)
    (stored,) = archive.get_many(archive.all_ids())
    (photo,) = stored.photos
    assert photo.caption == "Two Ministers who shake hands"
    assert photo.file.endswith(".png") and "/" not in photo.file
    folder = archive.attachments_dir
    assert folder is not None and (folder / photo.file).read_bytes() == source.read_bytes()
    assert [p.name for p in folder.iterdir()] == [photo.file]  # no temporary leftovers
    assert editor.draft().photos[0].source == ""
    qtbot.waitUntil(lambda: editor.photos.has_thumbnail(0), timeout=3000)
    source.unlink()  # the archive keeps its own copy
    assert (folder / photo.file).is_file()


def test_a_failed_save_leaves_neither_record_nor_files(
        qtbot: QtBot, new_editor: ReadoutEditor, archive: Archive, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    editor = new_editor
    _minimal(qtbot, editor)
    editor.photos.add_files([_image(tmp_path / "a.png"), _image(tmp_path / "b.png")])

    def broken(readout: Readout) -> Readout:
        raise OSError("disk is full")

    monkeypatch.setattr(archive, "add", broken)
    errors: list[str] = []
    monkeypatch.setattr("readout_desk.ui.editor.form.QMessageBox.warning",
                        lambda _parent, _title, text: errors.append(text))
    assert editor.save()
    qtbot.waitUntil(lambda: not editor.is_saving(), timeout=5000)
    assert errors and "disk is full" in errors[0]
    assert editor.is_dirty() and editor.isEnabled()
    monkeypatch.undo()
    assert archive.count() == 0
    folder = archive.attachments_dir
    assert folder is not None and (not folder.exists() or list(folder.iterdir()) == [])


def test_copying_writes_a_temporary_name_first(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    real = os.replace  # as copy_into looks it up

    def spy(src: str, dst: str) -> None:
        seen.append(Path(src).name)
        real(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    name = saving_module.copy_into(tmp_path / "att", _image(tmp_path / "x.png"))
    assert seen == [f".{name}.part"]
    assert (tmp_path / "att" / name).is_file()


def test_a_likely_duplicate_warns_and_offers_to_open_the_other(
        qtbot: QtBot, archive: Archive, answers: Answers) -> None:
    other = archive.add(Readout(title="Japan-Peru Foreign Ministers' Meeting",
                                meeting_date=dt.date(2023, 5, 3), participants=(_hayashi(),)))
    archive.add(Readout(title="Unrelated", meeting_date=dt.date(2023, 5, 4),
                        participants=(_hayashi(),)))
    editor = open_editor(None, archive, home_zone=HOME)
    assert editor is not None
    type_into(qtbot, editor.when.title, "Foreign Ministers' Meeting (again)")
    type_into(qtbot, editor.when.meeting_date, "May 3, 2023")
    click(qtbot, editor.participants.rows.add_button)
    type_into(qtbot, editor.participants.family, "Hayashi")
    type_into(qtbot, editor.participants.given, "Yoshimasa")

    answers.next("duplicateWarning", "Open the other")
    assert editor.save()  # the check for duplicates runs off the UI thread
    qtbot.waitUntil(lambda: bool(answers.texts) and not editor.is_saving(), timeout=5000)
    assert "Japan-Peru Foreign Ministers' Meeting (May 3, 2023)" in answers.texts[0]
    assert any(e.readout_id() == other.id for e in open_editors())
    assert archive.count() == 2

    answers.next("duplicateWarning", "Save anyway")
    save(qtbot, editor)
    assert archive.count() == 3
    close_all_editors()


def test_a_draft_from_pasted_text_shows_the_source_and_counts_as_unsaved(
        qtbot: QtBot, archive: Archive) -> None:
    saved: list[Readout] = []
    draft = Readout(title="Japan-Peru Foreign Ministers' Meeting",
                    meeting_date=dt.date(2023, 5, 3), participants=(_hayashi(),))
    editor = open_editor(None, archive, readout=draft, source_text="Japan-Peru Relations\n…",
                         home_zone=HOME, on_saved=saved.append)
    assert editor is not None
    assert editor.source_text is not None
    assert editor.source_text.toPlainText().startswith("Japan-Peru Relations")
    assert editor.when.title.text() == "Japan-Peru Foreign Ministers' Meeting"
    first = editor.participants.rows.table.item(0, 0)
    assert first is not None and first.text() == "Mr. HAYASHI Yoshimasa"
    assert editor.is_dirty()
    save(qtbot, editor)
    assert [r.id for r in saved] == [editor.readout_id()]
    close_all_editors()


def test_labels_take_the_keyboard_to_their_fields(qtbot: QtBot,
                                                  new_editor: ReadoutEditor) -> None:
    editor = new_editor
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow, timeout=2000)
    qtbot.keyClick(editor, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)
    assert editor.focusWidget() is editor.when.meeting_date
    qtbot.keyClicks(editor.when.meeting_date, "2023-05-03")
    assert editor.draft().meeting_date == "2023-05-03"
    qtbot.keyClick(editor.focusWidget(), Qt.Key.Key_Tab)  # Tab goes on to the next field
    assert editor.focusWidget() is editor.when.published_date
    editor.title_note = "draft from text"
    type_into(qtbot, editor.when.title, "Talk")
    assert editor.windowTitle().startswith("New readout — Talk — draft from text")


def test_opening_a_readout_without_a_zone_suggests_but_changes_nothing(
        qtbot: QtBot, archive: Archive) -> None:
    from readout_desk.domain.records import Place

    saved = archive.add(Readout(title="In Lima", meeting_date=dt.date(2023, 5, 3),
                                place=Place("Lima", "PE")))
    editor = open_editor(None, archive, readout_id=saved.id, home_zone=HOME)
    assert editor is not None
    qtbot.waitUntil(lambda: editor.zone_suggestions() == ["America/Lima"], timeout=5000)
    assert editor.draft().place_zone == "" and not editor.is_dirty()
    close_all_editors()
