"""Opening a file with the app: a .json export is offered for import, a readout's text
opens its draft for review, anything else is explained."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.domain import jsonformat
from readout_desk.ui import file_open
from readout_desk.ui.editor import open_editors
from readout_desk.ui.main_window import MainWindow
from tests.desktop.conftest import XServer, app_env, launch, launcher_command
from tests.ui.editor.conftest import close_all_editors


def _window(qtbot: QtBot, archive: Archive) -> MainWindow:
    window = MainWindow(archive)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.status_hits.text() != "", timeout=10_000)
    return window


def _export(demo_archive: Archive, target: Path) -> Path:
    readouts = demo_archive.get_many(demo_archive.search_ids(""))
    assert readouts
    target.write_text(json.dumps(jsonformat.document(readouts)), encoding="utf-8")
    return target


def _dialog(qtbot: QtBot, window: MainWindow, name: str) -> QMessageBox:
    found: list[QMessageBox] = []

    def visible() -> bool:
        found[:] = [b for b in window.findChildren(QMessageBox, name) if b.isVisible()]
        return bool(found)

    qtbot.waitUntil(visible, timeout=10_000)
    return found[0]


def _click(qtbot: QtBot, box: QMessageBox, name: str) -> None:
    button = box.findChild(QAbstractButton, name)
    assert button is not None, name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_accepting_the_offer_imports_the_export(
        qtbot: QtBot, archive: Archive, demo_archive_copy: Archive, tmp_path: Path) -> None:
    export = _export(demo_archive_copy, tmp_path / "from a colleague.json")
    window = _window(qtbot, archive)
    assert archive.count() == 0

    file_open.open_files(window, [str(export)])
    offer = _dialog(qtbot, window, "importOfferDialog")
    assert "from a colleague.json" in offer.text()
    opener = file_open.opener(window)
    with qtbot.waitSignal(opener.importFinished, timeout=20_000) as blocker:
        _click(qtbot, offer, "importOfferAccept")
    expected = demo_archive_copy.count()
    assert archive.count() == expected
    assert blocker.args[0][0].startswith(f"Imported {expected} readout")
    result = _dialog(qtbot, window, "importResultDialog")
    assert result.text().startswith(f"Imported {expected} readout")
    qtbot.waitUntil(lambda: window.model.rowCount() == expected, timeout=10_000)


def test_declining_the_offer_imports_nothing(
        qtbot: QtBot, archive: Archive, demo_archive_copy: Archive, tmp_path: Path) -> None:
    export = _export(demo_archive_copy, tmp_path / "export.json")
    window = _window(qtbot, archive)
    file_open.open_files(window, [export])
    offer = _dialog(qtbot, window, "importOfferDialog")
    with qtbot.assertNotEmitted(file_open.opener(window).importFinished):
        _click(qtbot, offer, "importOfferCancel")
        qtbot.waitUntil(lambda: not offer.isVisible(), timeout=5000)
        # An import the answer had started would have ended in the pool by now, and its
        # answer would be delivered by the events processed here.
        assert window.runner.wait_for_done(20_000)
        QCoreApplication.processEvents()
    assert archive.count() == 0


def test_other_files_are_explained_not_imported(
        qtbot: QtBot, archive: Archive, tmp_path: Path) -> None:
    notes = tmp_path / "notes.odt"
    notes.write_bytes(b"PK\x03\x04")
    other_archive = tmp_path / "other.sqlite3"
    Archive.open(other_archive).close()
    window = _window(qtbot, archive)
    file_open.open_files(window, [notes, other_archive, tmp_path / "missing.json"])
    box = _dialog(qtbot, window, "fileOpenRefused")
    text = box.text()
    assert "notes.odt is not a Readout Desk export" in text
    assert f'readout-desk --db "{other_archive}"' in text
    assert f"There is no file {tmp_path / 'missing.json'}." in text
    assert not window.findChildren(QMessageBox, "importOfferDialog")


def test_a_broken_export_is_reported_and_nothing_is_added(
        qtbot: QtBot, archive: Archive, tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "nonsense"', encoding="utf-8")
    window = _window(qtbot, archive)
    file_open.open_files(window, [broken])
    offer = _dialog(qtbot, window, "importOfferDialog")
    with qtbot.waitSignal(file_open.opener(window).importFinished, timeout=20_000) as blocker:
        _click(qtbot, offer, "importOfferAccept")
    assert any("Nothing imported from broken.json" in line for line in blocker.args[0])
    assert archive.count() == 0


def test_fallback_without_the_import_engine_adds_each_file_in_one_go(
        archive: Archive, demo_archive_copy: Archive, tmp_path: Path) -> None:
    export = _export(demo_archive_copy, tmp_path / "export.json")
    outcome = file_open._add_json_files(archive, [export])
    assert len(outcome.imported_ids) == demo_archive_copy.count()
    assert archive.get(outcome.imported_ids[0]).title


#: A readout's text as a file manager hands it over; made-up people.
README_TEXT = """Japan-Norway Foreign Ministers' Telephone Talk

March 4, 2025

On March 4, commencing at 6:00 p.m. (JST) for approximately 20 minutes, Mr. SAKURAI Kenta,
Minister for Foreign Affairs of Japan, held a telephone talk with H.E. Ms. Ingrid Solberg,
Minister of Foreign Affairs of the Kingdom of Norway.

1. The two ministers agreed to work together on maritime issues.
"""
TITLE = "Japan-Norway Foreign Ministers' Telephone Talk"


def test_a_text_file_opens_its_draft_for_review(
        qtbot: QtBot, archive: Archive, tmp_path: Path) -> None:
    path = tmp_path / "talk.txt"
    path.write_text(README_TEXT, "utf-16")  # as a Windows editor may save it
    window = _window(qtbot, archive)
    try:
        file_open.open_files(window, [str(path)])
        qtbot.waitUntil(lambda: bool(open_editors()), timeout=20_000)
        editor = open_editors()[-1]
        assert editor.draft().title == TITLE
        assert editor.source_text is not None
        assert "maritime issues" in editor.source_text.toPlainText()
        assert not window.findChildren(QMessageBox, "fileOpenRefused")
        assert archive.count() == 0  # nothing is saved until the person saves
    finally:
        close_all_editors()


def test_binary_empty_and_unreadable_files_are_explained(
        qtbot: QtBot, archive: Archive, tmp_path: Path) -> None:
    picture = tmp_path / "photo.txt"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    window = _window(qtbot, archive)
    # /proc/self/mem is a file that refuses to be read from its start, even by root.
    file_open.open_files(window, [picture, empty, "/proc/self/mem"])
    text = _dialog(qtbot, window, "fileOpenRefused").text()
    assert ("photo.txt is not a Readout Desk export (.json). This is a PNG image, not the "
            "text of a readout.") in text
    assert "empty.txt is empty" in text
    assert "mem cannot be read: Input/output error." in text
    assert "Traceback" not in text
    assert not open_editors()


def test_a_text_file_for_a_read_only_archive_is_refused(
        qtbot: QtBot, tmp_path: Path) -> None:
    Archive.open(tmp_path / "kept.sqlite3").close()
    path = tmp_path / "talk.txt"
    path.write_text(README_TEXT, "utf-8")
    read_only = Archive.open(tmp_path / "kept.sqlite3", read_only=True)
    try:
        window = _window(qtbot, read_only)
        file_open.open_files(window, [path])
        text = _dialog(qtbot, window, "fileOpenRefused").text()
        assert "open read-only, so no readout can be added from talk.txt" in text
        assert not open_editors()
    finally:
        read_only.close()


def test_opening_a_text_file_with_the_app_shows_its_draft(
        tmp_path: Path, xserver: XServer) -> None:
    path = tmp_path / "talk.txt"
    path.write_text(README_TEXT, "utf-8")
    archive = tmp_path / "archive.sqlite3"
    env = app_env(xserver.display, tmp_path / "home")
    command = [*launcher_command(), "--db", str(archive), "--home-zone", "Asia/Tokyo"]
    first = launch([*command, str(path)], env)  # what "Open with" runs
    try:
        assert xserver.wait_for_window(f"New readout — {TITLE}", proc=first)
        # A later "Open with" hands its file to the window already open.
        other = tmp_path / "other.txt"
        other.write_text(README_TEXT.replace("Norway", "Iceland"), "utf-8")
        second = launch([*command, str(other)], env)
        assert second.wait(timeout=60) == 0
        assert xserver.wait_for_window(f"New readout — {TITLE.replace('Norway', 'Iceland')}",
                                       proc=first)
    finally:
        # Two drafts wait unsaved, and quitting would ask about them: end the program.
        first.kill()
        first.wait()
