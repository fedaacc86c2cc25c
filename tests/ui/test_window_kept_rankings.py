"""The window's searches keep their rankings.

The window searches on read-only connections of its own, beside its writable one: those
searches write a common word's kept list (from a connection of their own), so its next
search, in this window or after a restart, reads the list instead of ranking every hit.
A window on an archive opened read-only writes nothing, not even the lists.
"""

from __future__ import annotations

import sqlite3
import sys
from contextlib import closing
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.archive import sqlite_kept as kept
from readout_desk.ui import search_controller
from tests.archive.test_kept_ranking import small_lists  # noqa: F401 - a fixture
from tests.ui.test_main_window import OpenWindow, type_query

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import corpus  # noqa: E402


@pytest.fixture(autouse=True)
def pages_a_list_holds(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages of 20 rows, so that the small lists of these tests hold a page and its
    margin (a window's page of 100 and the 500 rows ranked ahead, in lists of 2,000)."""
    monkeypatch.setattr(search_controller, "PAGE_SIZE", 20)


def _stored(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as db:
        return {str(m) for (m,) in db.execute(f"SELECT match FROM {kept.RANKINGS}")}


def _made(path: Path) -> None:
    with Archive.open(path) as archive:
        archive.add_many([corpus.readout(i) for i in range(120)])


def test_the_window_s_searches_keep_their_rankings(
        qtbot: QtBot, open_window: OpenWindow, archive_path: Path,
        small_lists: dict[str, int]) -> None:  # noqa: F811 - the fixture
    _made(archive_path)
    archive = Archive.open(archive_path)
    try:
        window = open_window(archive)
        type_query(qtbot, window, "minister")
        assert window.model.total == archive.search("minister").total > 45
        assert small_lists["filled"] == 1
        assert '"minister"' in _stored(archive_path)
        window.close()
    finally:
        archive.close()


def test_a_window_on_a_read_only_archive_keeps_nothing(
        qtbot: QtBot, open_window: OpenWindow, archive_path: Path,
        small_lists: dict[str, int]) -> None:  # noqa: F811 - the fixture
    _made(archive_path)
    before = archive_path.read_bytes()
    archive = Archive.open(archive_path, read_only=True)
    try:
        window = open_window(archive)
        type_query(qtbot, window, "minister")
        assert window.model.total == archive.search("minister").total > 45
        assert small_lists["filled"] == 0
        window.close()
    finally:
        archive.close()
    assert archive_path.read_bytes() == before
    assert _stored(archive_path) == set()
