"""Every model of the main window passes Qt's model tester; results load lazily."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.ui import results_model
from readout_desk.ui.facets import FacetsModel
from readout_desk.ui.main_window import MainWindow
from readout_desk.ui.preferences import ZONE_ROLE, ZoneListModel
from readout_desk.ui.results_model import COL_DATE, ID_ROLE, ResultsModel
from tests.ui.conftest import wait_for_search


def test_results_model_passes_the_model_tester(qtmodeltester: ModelTester,
                                               demo_archive: Archive,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(results_model, "PAGE_SIZE", 5)
    model = ResultsModel(demo_archive)
    model.load("")
    assert model.rowCount() == 5
    qtmodeltester.check(model, force_py=True)


def test_sorted_results_model_passes_the_model_tester(qtmodeltester: ModelTester,
                                                      demo_archive: Archive,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(results_model, "PAGE_SIZE", 3)
    model = ResultsModel(demo_archive)
    asked: list[tuple[str, bool]] = []
    model.sortRequested.connect(lambda key, desc: asked.append((key, desc)))
    model.sort(COL_DATE, Qt.SortOrder.AscendingOrder)
    assert asked == [("date", False)]
    model.load("Minister")
    qtmodeltester.check(model, force_py=True)


def test_results_model_fetches_pages_only_when_asked(demo_archive: Archive,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(results_model, "PAGE_SIZE", 5)
    total = demo_archive.search("").total
    assert total > 10
    model = ResultsModel(demo_archive)
    model.set_sort("date", False)
    model.load("")
    assert model.rowCount() == 5 and model.total == total
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 10
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == total
    assert model.loaded_ids() == demo_archive.search_ids("", sort="date", descending=False)
    assert model.index(0, 0).data(ID_ROLE) == model.loaded_ids()[0]


def test_a_page_of_results_reads_no_readout_whole(archive: Archive,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from readout_desk.domain.records import Readout
    from readout_desk.ui.results_model import COL_RELATION, COL_TITLE

    for day in range(1, 6):
        archive.add(Readout(title=f"Pair {day}", relation=("JP", "PE"), lead="copper talks",
                            meeting_date=dt.date(2024, 1, day)))
    archive.add(Readout(title="Filed", section="Economic Diplomacy", relation=("JP",),
                        lead="copper talks", meeting_date=dt.date(2024, 1, 9)))

    def whole(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a results page loaded whole readouts")

    monkeypatch.setattr(archive, "get_many", whole)
    monkeypatch.setattr(archive, "get", whole)
    model = ResultsModel(archive)
    for query in ("", "copper"):
        model.load(query)
        shown = {model.index(r, COL_TITLE).data(): model.index(r, COL_RELATION).data()
                 for r in range(model.rowCount())}
        assert shown == {**{f"Pair {d}": "Japan-Peru Relations" for d in range(1, 6)},
                         "Filed": "Economic Diplomacy"}


def test_scrolling_the_table_loads_more_rows_off_the_ui_thread(
        qtbot: QtBot, demo_archive: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(results_model, "PAGE_SIZE", 3)
    monkeypatch.setattr("readout_desk.ui.search_controller.PAGE_SIZE", 3)
    window = MainWindow(demo_archive)
    qtbot.addWidget(window)
    window.resize(900, 330)  # a short table: only the rows that fit are loaded
    window.show()
    wait_for_search(qtbot, window)
    total = window.model.total
    assert window.model.rowCount() % 3 == 0 and window.model.rowCount() < total
    window.results.setFocus()

    for _ in range(-(-total // 3)):  # a person pressing Ctrl+End, at most once a page
        loaded = window.model.rowCount()
        if loaded == total:
            break
        qtbot.keyClick(window.results, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: window.model.rowCount() > loaded, timeout=10_000)  # noqa: B023 - read at once
    assert window.model.rowCount() == total
    assert window.model.loaded_ids() == demo_archive.search_ids("", sort="date")
    window.close()


def test_facets_model_passes_the_model_tester(qtmodeltester: ModelTester,
                                              demo_archive: Archive) -> None:
    model = FacetsModel()
    qtmodeltester.check(model, force_py=True)
    model.set_facets(demo_archive.facets(""))
    model.set_saved([("Peru", "country:PE")])
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount(model.index(1, 0)) > 0


def test_zone_list_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    at = dt.datetime(2023, 5, 3, 14, 10, tzinfo=dt.timezone.utc)
    model = ZoneListModel(at)
    qtmodeltester.check(model, force_py=True)
    row = model.zones.index("Asia/Tokyo")
    assert model.index(row, 0).data() == "Asia/Tokyo (UTC+9, JST)"
    assert model.index(row, 0).data(ZONE_ROLE) == "Asia/Tokyo"


def test_a_table_taller_than_a_page_loads_pages_until_it_is_full(
        qtbot: QtBot, demo_archive: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    """A page holds fewer rows than a tall window shows: the table asks for the next
    pages by itself until its rows reach the bottom (or every hit is loaded)."""
    monkeypatch.setattr(results_model, "PAGE_SIZE", 3)
    monkeypatch.setattr("readout_desk.ui.search_controller.PAGE_SIZE", 3)
    window = MainWindow(demo_archive)
    qtbot.addWidget(window)
    window.resize(900, 800)
    window.show()
    wait_for_search(qtbot, window)
    view = window.results

    def full() -> bool:
        rows = window.model.rowCount()
        if rows == window.model.total:
            return True
        last = view.visualRect(window.model.index(rows - 1, 0))
        return last.bottom() >= view.viewport().height() - 1

    qtbot.waitUntil(full, timeout=10_000)
    assert window.model.rowCount() > 3
    assert window.model.loaded_ids() == demo_archive.search_ids(
        "", sort="date")[:window.model.rowCount()]
    window.close()
