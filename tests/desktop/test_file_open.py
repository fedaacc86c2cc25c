"""Opening a .json export with the app offers to import it."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.domain import jsonformat
from readout_desk.ui import file_open
from readout_desk.ui.main_window import MainWindow


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
