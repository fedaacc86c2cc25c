"""The import, export, trash and backup dialogs, driven as a person would."""

from __future__ import annotations

import dataclasses
import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive, BackupInfo, create_backup
from readout_desk.domain import jsonformat, timing
from readout_desk.ui import transfer
from readout_desk.ui.main_window import MainWindow
from readout_desk.ui.settings import Settings
from tests.archive.helpers import lima_readout
from tests.ui.translation import japanese

__all__ = ["japanese"]  # the fixture, used by name

WAIT_MS = 15_000
_Found = TypeVar("_Found", bound=QObject)


def _settled(window: MainWindow) -> bool:
    return (window.search_controller.idle()
            and window.model.query == window.current_query()
            and window.last_page is not None and not window.runner.busy())


@pytest.fixture
def window_on(qtbot: QtBot) -> Iterator[Callable[[Archive], MainWindow]]:
    opened: list[MainWindow] = []

    def make(archive: Archive) -> MainWindow:
        settings = Settings()
        settings.set_home_zone("Asia/Tokyo")
        window = MainWindow(archive, settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: _settled(window), timeout=WAIT_MS)
        opened.append(window)
        return window

    yield make
    for window in opened:
        window.close()


def _action(window: MainWindow, name: str) -> QAction:
    action = window.findChild(QAction, name)
    assert action is not None, name
    return action


def _dialog(window: MainWindow, cls: type[_Found], name: str) -> _Found:
    found = window.findChild(cls, name)
    assert found is not None, name
    return found


def _click_in_message_box(name: str, button: str) -> None:
    """Answer the next modal message box named ``name`` by clicking ``button``."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.objectName() == name:
            found = box.findChild(QPushButton, button)
            assert found is not None
            found.click()
        else:
            QTimer.singleShot(20, answer)

    QTimer.singleShot(20, answer)


def _row_of(window: MainWindow, title: str) -> int:
    model = window.model
    for row in range(model.rowCount()):
        for col in range(model.columnCount()):
            if model.index(row, col).data() == title:
                return row
    raise AssertionError(f"{title!r} is not listed")


def test_delete_find_in_trash_and_restore(qtbot: QtBot, demo_archive: Archive,
                                          window_on: Callable[[Archive], MainWindow]) -> None:
    window = window_on(demo_archive)
    title = "Japan-Peru Foreign Ministers' Meeting"
    readout_id = demo_archive.search_ids(f'"{title}"')[0]
    before = window.model.rowCount()
    row = _row_of(window, title)
    window.show_readout(readout_id)
    qtbot.waitUntil(lambda: window.current_readout_id() == readout_id, timeout=WAIT_MS)
    window.results.setFocus()
    qtbot.keyClick(window.results, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: demo_archive.is_deleted(readout_id), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: _settled(window) and window.model.rowCount() == before - 1,
                    timeout=WAIT_MS)
    with pytest.raises(AssertionError):
        _row_of(window, title)
    assert "trash" in window.statusBar().currentMessage()

    _action(window, "actionTrash").trigger()
    dialog = _dialog(window, transfer.TrashDialog, "trashDialog")
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=WAIT_MS)
    assert dialog.titles() == [title]
    moved = demo_archive.deletion_times([readout_id])[readout_id]
    moved_cell = dialog.table.item(0, 2)
    assert moved_cell is not None
    assert moved_cell.text() == timing.format_instant(moved, window.home_zone())
    table = dialog.table
    rect = table.visualRect(table.model().index(0, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.restore_button.isEnabled()
    with qtbot.waitSignal(dialog.reloaded, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert not demo_archive.is_deleted(readout_id)
    assert dialog.titles() == []
    assert "empty" in dialog.info.text()
    qtbot.waitUntil(lambda: _settled(window) and window.model.rowCount() == before,
                    timeout=WAIT_MS)
    assert _row_of(window, title) == row  # back where it was


def test_delete_in_the_search_field_edits_text(qtbot: QtBot, demo_archive: Archive,
                                               window_on: Callable[[Archive], MainWindow]
                                               ) -> None:
    window = window_on(demo_archive)
    window.show_readout(demo_archive.all_ids()[0])
    window.search_field.setFocus()
    qtbot.keyClicks(window.search_field, "peru")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Home)
    qtbot.keyClick(window.search_field, Qt.Key.Key_Delete)
    assert window.search_field.text() == "eru"
    assert demo_archive.trash() == []


def test_empty_trash_asks_first(qtbot: QtBot, demo_archive: Archive,
                                window_on: Callable[[Archive], MainWindow]) -> None:
    window = window_on(demo_archive)
    demo_archive.delete_many(demo_archive.all_ids()[:2])
    _action(window, "actionTrash").trigger()
    dialog = _dialog(window, transfer.TrashDialog, "trashDialog")
    qtbot.waitUntil(dialog.empty_button.isEnabled, timeout=WAIT_MS)
    _click_in_message_box("confirmEmptyTrash", "confirmEmptyTrashYes")
    with qtbot.waitSignal(dialog.reloaded, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert dialog.titles() == []
    assert demo_archive.trash() == []
    assert demo_archive.count(include_trash=True) == demo_archive.count()


def _folder_of_files(folder: Path, files: int, per_file: int) -> list[list[str]]:
    folder.mkdir()
    titles = []
    for f in range(files):
        batch = [dataclasses.replace(lima_readout(), title=f"File {f:02d} talk {i}",
                                     lead="Words of the lead. " * 200)
                 for i in range(per_file)]
        (folder / f"batch-{f:02d}.json").write_text(
            json.dumps(jsonformat.document(batch)), "utf-8")
        titles.append([r.title for r in batch])
    return titles


def test_import_a_folder_with_progress_and_cancel_halfway(
        qtbot: QtBot, archive: Archive, tmp_path: Path,
        window_on: Callable[[Archive], MainWindow]) -> None:
    titles = _folder_of_files(tmp_path / "incoming", files=40, per_file=15)
    window = window_on(archive)
    _action(window, "actionImport").trigger()
    dialog = _dialog(window, transfer.ImportDialog, "importDialog")
    qtbot.waitExposed(dialog)
    dialog.set_paths([tmp_path / "incoming"])
    assert dialog.file_list.count() == 40
    bar = dialog.progress.bar
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    parts = dialog.progress.PARTS
    qtbot.waitUntil(lambda: bar.maximum() == 40 * parts and bar.value() >= 3 * parts,
                    timeout=WAIT_MS)
    assert dialog.progress.isVisible()
    with qtbot.waitSignal(dialog.finishedImport, timeout=WAIT_MS) as finished:
        qtbot.mouseClick(dialog.progress.cancel_button, Qt.MouseButton.LeftButton)
    summary = finished.args[0]
    assert summary.cancelled
    assert 0 < len(summary.not_started) < 40
    # Every file is in the archive completely or not at all.
    present = {h.title for h in archive.search("", limit=10_000).hits}
    for batch in titles:
        assert set(batch) <= present or not (set(batch) & present)
    assert archive.count() == 15 * (40 - len(summary.not_started))
    assert "Cancelled" in dialog.summary_view.toPlainText()
    dialog.close()


@pytest.mark.parametrize("language", ["en", "ja"])
def test_one_large_file_moves_the_bar_as_it_is_read(
        qtbot: QtBot, archive: Archive, tmp_path: Path, request: pytest.FixtureRequest,
        window_on: Callable[[Archive], MainWindow], language: str) -> None:
    if language == "ja":
        request.getfixturevalue("japanese")
    readouts = [dataclasses.replace(lima_readout(), title=f"Talk {i}") for i in range(5_000)]
    path = tmp_path / "large.json"
    path.write_text(json.dumps(jsonformat.document(readouts)), "utf-8")
    window = window_on(archive)
    _action(window, "actionImport").trigger()
    dialog = _dialog(window, transfer.ImportDialog, "importDialog")
    qtbot.waitExposed(dialog)
    dialog.set_paths([path])
    seen: list[tuple[int, int, str]] = []
    bar = dialog.progress.bar
    bar.valueChanged.connect(
        lambda value: seen.append((value, bar.maximum(), dialog.progress.label.text())))
    with qtbot.waitSignal(dialog.finishedImport, timeout=60_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    within = [(v, label) for v, top, label in seen if 0 < v < top]
    assert within, seen  # the bar moved while the one file was read (batches of 2,000)
    so_far = "これまでに 2,000 件（" if language == "ja" else "large.json: 2,000 readouts so far ("
    assert any(so_far in label for _v, label in within), within
    assert bar.value() == bar.maximum()
    summary = dialog.summary_view.toPlainText()
    assert ("会談記録を 5,000 件インポート" if language == "ja" else "Imported 5,000 readouts"
            ) in summary
    assert dialog.progress.label.text() == ("完了しました。" if language == "ja" else "Finished.")
    dialog.close()


def test_export_dialog_writes_the_current_search(qtbot: QtBot, demo_archive: Archive,
                                                 tmp_path: Path,
                                                 window_on: Callable[[Archive], MainWindow]
                                                 ) -> None:
    window = window_on(demo_archive)
    window.search_bar.set_query("peru")
    qtbot.waitUntil(lambda: _settled(window) and window.current_query() == "peru",
                    timeout=WAIT_MS)
    _action(window, "actionExport").trigger()
    dialog = _dialog(window, transfer.ExportDialog, "exportDialog")
    assert dialog.scope_search.isChecked()
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("ics"))
    out = tmp_path / "peru.ics"
    dialog.path_edit.clear()
    qtbot.keyClicks(dialog.path_edit, str(out))
    with qtbot.waitSignal(dialog.finishedExport, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert out.exists() and "DTSTART;TZID=America/Lima:20230503T091000" in out.read_text()
    assert "Exported" in dialog.result_label.text()
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("pdf"))
    assert dialog.path_edit.text().endswith(".pdf")
    with qtbot.waitSignal(dialog.finishedExport, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "peru.pdf").read_bytes()[:5] == b"%PDF-"
    dialog.close()


def _backups_dialog(qtbot: QtBot, window: MainWindow) -> transfer.BackupsDialog:
    _action(window, "actionBackups").trigger()
    dialog = _dialog(window, transfer.BackupsDialog, "backupsDialog")
    qtbot.waitExposed(dialog)
    return dialog


def _restore_chosen(qtbot: QtBot, dialog: transfer.BackupsDialog, holds: str) -> BackupInfo:
    """Restore the backup chosen in the list once its preview says it ``holds`` that;
    returns the backup of the state before the restore."""
    qtbot.waitUntil(lambda: holds in dialog.preview.toPlainText(), timeout=WAIT_MS)
    qtbot.waitUntil(dialog.restore_button.isEnabled, timeout=WAIT_MS)
    _click_in_message_box("confirmRestore", "confirmRestoreYes")
    with qtbot.waitSignal(dialog.restored, timeout=WAIT_MS) as restored:
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    safety: BackupInfo = restored.args[0]
    return safety


def test_backups_dialog_previews_and_restores(qtbot: QtBot, archive: Archive,
                                              window_on: Callable[[Archive], MainWindow]
                                              ) -> None:
    archive.add_many([dataclasses.replace(lima_readout(), title=f"Talk {i}") for i in range(3)])
    create_backup(archive)
    archive.add(dataclasses.replace(lima_readout(), title="Added after the backup"))
    window = window_on(archive)
    dialog = _backups_dialog(qtbot, window)
    assert dialog.list.count() == 1
    dialog.list.setCurrentRow(0)
    safety = _restore_chosen(qtbot, dialog, "3 readouts")
    assert archive.count() == 3
    assert safety.readouts == 4  # the state before the restore was kept
    qtbot.waitUntil(lambda: dialog.list.count() == 2, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: _settled(window) and window.model.rowCount() == 3,
                    timeout=WAIT_MS)
    dialog.close()


def test_backups_dialog_restores_a_backup_at_an_older_schema(
        qtbot: QtBot, archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        window_on: Callable[[Archive], MainWindow]) -> None:
    from readout_desk.archive import default_backup_dir
    from tests.transfer.test_backup_older_schema import _older_backup

    older = _older_backup(tmp_path, "0005")
    assert archive.path is not None
    shutil.copytree(older.path, default_backup_dir(archive.path) / older.path.name)
    archive.add(dataclasses.replace(lima_readout(), title="Added after the backup"))
    window = window_on(archive)
    dialog = _backups_dialog(qtbot, window)
    assert dialog.list.count() == 1
    shown: list[str] = []
    set_text = dialog.status.setText

    def show(text: str) -> None:
        shown.append(text)
        set_text(text)

    monkeypatch.setattr(dialog.status, "setText", show)
    dialog.list.setCurrentRow(0)
    _restore_chosen(qtbot, dialog, "2 readouts")
    assert (archive.count(), archive.count(include_trash=True)) == (2, 3)
    # The update of the backup's format went through its readouts, and said so.
    assert any(text.startswith("Bringing the backup to the current format: 1 of 1 readout")
               for text in shown), shown
    assert "Restored the backup" in dialog.status.text()
    qtbot.waitUntil(lambda: _settled(window) and window.model.rowCount() == 2,
                    timeout=WAIT_MS)
    dialog.close()


def test_a_damaged_archive_at_start_up_offers_the_latest_good_backup(
        qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite3"
    with Archive.open(path) as live:
        live.add_many([dataclasses.replace(lima_readout(), title=f"Talk {i}")
                       for i in range(40)])
        create_backup(live)
    data = bytearray(path.read_bytes())
    data[len(data) // 2:len(data) // 2 + 4000] = b"\xff" * 4000
    path.write_bytes(bytes(data))

    _click_in_message_box("damagedArchiveDialog", "damagedRestore")
    opened = transfer.open_archive_with_recovery(str(path))
    with opened.archive as restored:
        assert restored.count() == 40
    assert opened.damaged_copy is not None and opened.damaged_copy.exists()
    message = transfer.startup_message(opened)
    assert "restored from the backup" in message and str(opened.damaged_copy) in message


def test_the_app_recovers_a_damaged_archive_and_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    from readout_desk.ui import app

    path = tmp_path / "archive.sqlite3"
    with Archive.open(path) as live:
        live.add_many([dataclasses.replace(lima_readout(), title=f"Talk {i}")
                       for i in range(40)])
        create_backup(live)
    data = bytearray(path.read_bytes())
    data[len(data) // 2:len(data) // 2 + 4000] = b"\xff" * 4000
    path.write_bytes(bytes(data))
    seen: list[tuple[int, str]] = []

    def look_and_close() -> None:
        for widget in QApplication.topLevelWidgets():
            # The window may show the file's first page before the archive has opened.
            if isinstance(widget, MainWindow) and widget.isVisible() and widget.has_archive():
                seen.append((widget.archive.count(), widget.banner.text()))
                widget.close()
                return
        QTimer.singleShot(50, look_and_close)

    _click_in_message_box("damagedArchiveDialog", "damagedRestore")
    QTimer.singleShot(100, look_and_close)
    assert app.main(["--db", str(path)]) == 0
    ((count, banner),) = seen
    assert count == 40
    assert "damaged" in banner and "kept as" in banner
    assert list(tmp_path.glob("archive.sqlite3.damaged-*"))


def test_text_readouts_become_drafts_to_review_and_save(
        qtbot: QtBot, archive: Archive, tmp_path: Path, examples_dir: Path,
        window_on: Callable[[Archive], MainWindow]) -> None:
    from readout_desk.ui.editor import open_editors

    folder = tmp_path / "texts"
    folder.mkdir()
    for name in ("japan-peru-foreign-ministers-2023-05-03.txt", "variant-dst-start-berlin.txt"):
        (folder / name).write_bytes((examples_dir / name).read_bytes())
    window = window_on(archive)
    _action(window, "actionImport").trigger()
    dialog = _dialog(window, transfer.ImportDialog, "importDialog")
    dialog.set_paths([folder])
    with qtbot.waitSignal(dialog.finishedImport, timeout=WAIT_MS) as finished:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert len(finished.args[0].drafts) == 2
    assert archive.count() == 0  # drafts are not saved until reviewed
    dialog.close()
    assert "(2)" in _action(window, "actionReviewDrafts").text()

    _action(window, "actionReviewDrafts").trigger()
    drafts = _dialog(window, transfer.DraftsDialog, "draftsDialog")
    assert drafts.list.count() == 2
    drafts.list.setCurrentRow(0)
    assert "Lima" in drafts.preview.toPlainText()
    qtbot.mouseClick(drafts.review_button, Qt.MouseButton.LeftButton)
    editor = open_editors()[-1]
    qtbot.waitExposed(editor)
    editor.save_action.trigger()
    qtbot.waitUntil(lambda: archive.count() == 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: drafts.list.count() == 1, timeout=WAIT_MS)
    saved = archive.get(archive.all_ids()[0])
    assert [s.start.strftime("%H:%M") for s in saved.sessions if s.start] == ["09:10", "09:40"]
    editor.close()

    drafts.list.setCurrentRow(0)

    def answer_yes() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.button(QMessageBox.StandardButton.Yes).click()
        else:
            QTimer.singleShot(20, answer_yes)

    QTimer.singleShot(20, answer_yes)
    qtbot.mouseClick(drafts.discard_button, Qt.MouseButton.LeftButton)
    assert drafts.list.count() == 0
    assert archive.count() == 1
