"""Opening an archive written before Japanese search shows the index update's progress."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from readout_desk.ui.transfer import recovery as recovery_module
from tests.archive.test_japanese_index_migration import archive_at_0002


def test_the_update_of_an_old_archive_shows_its_progress_then_closes(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.sqlite3"
    ids = archive_at_0002(path, monkeypatch)
    seen: list[tuple[int, int, int, bool]] = []
    copied: list[tuple[int, int, bool, str]] = []
    shown: list[recovery_module.IndexProgress] = []

    class Watched(recovery_module.IndexProgress):
        def __call__(self, done: int, total: int) -> None:
            super().__call__(done, total)
            assert self.dialog is not None
            seen.append((done, total, self.dialog.value(), self.dialog.isVisible()))
            shown.append(self)

        def copying(self, done: int, total: int) -> None:
            super().copying(done, total)
            assert self.dialog is not None and not seen
            copied.append((done, total, self.dialog.isVisible(), self.dialog.labelText()))

    monkeypatch.setattr(recovery_module, "IndexProgress", Watched)
    opened = recovery_module.open_archive_with_recovery(str(path))
    try:
        # The copy kept from before the update shows first (one step: a small file).
        assert len(copied) == 1 and copied[0][0] == copied[0][1] > 0 and copied[0][2]
        assert copied[0][3] == "Updating the archive's format…"  # copied: the update runs
        assert seen[0][:2] == (0, len(ids)) and seen[-1][:3] == (len(ids), len(ids), len(ids))
        assert all(visible for *_rest, visible in seen)
        dialog = shown[-1].dialog
        assert dialog is not None and not dialog.isVisible()  # closed once opened
        assert f"{len(ids):,} of {len(ids):,} readouts" in dialog.labelText()
        assert opened.archive.search_ids("外務省")
    finally:
        opened.archive.close()


def test_an_archive_already_up_to_date_shows_no_dialog(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from readout_desk.archive import Archive

    path = tmp_path / "new.sqlite3"
    Archive.open(path).close()
    made: list[object] = []
    monkeypatch.setattr(recovery_module, "QProgressDialog",
                        lambda *args: made.append(args))  # would fail if called
    opened = recovery_module.open_archive_with_recovery(str(path))
    opened.archive.close()
    assert made == []


def test_the_copy_shows_its_share_then_the_update_shows_it_is_busy(qtbot: QtBot) -> None:
    progress = recovery_module.IndexProgress()
    try:
        progress.copying(3, 10)
        dialog = progress.dialog
        assert dialog is not None and dialog.isVisible()
        assert (dialog.value(), dialog.maximum()) == (3, 10)
        assert dialog.labelText() == ("Keeping a copy of the archive as it is before its "
                                      "format is updated: 30%…")
        progress.copying(10, 10)
        assert dialog.maximum() == 0 and dialog.labelText() == "Updating the archive's format…"
        progress(0, 500)
        assert (dialog.value(), dialog.maximum()) == (0, 500)
        assert dialog.labelText() == "Updating the archive's search index: 0 of 500 readouts…"
    finally:
        progress.close()
