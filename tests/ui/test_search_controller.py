"""The search controller: debounce, one staleness rule, and the follow-ups of a search.

The archive is the demo archive behind a gate: a query or readout named in ``held`` waits
in its worker thread until the test opens the gate, so answers can be made to arrive
late on purpose.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any, cast

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive, ArchiveError
from readout_desk.domain.records import Readout, SearchPage
from readout_desk.ui import results_model
from readout_desk.ui.results_model import ResultsModel
from readout_desk.ui.search_controller import FACETS_DELAY_MS, SearchController
from readout_desk.ui.tasks import TaskRunner

WAIT_MS = 10_000


class GatedArchive:
    """The demo archive, with searches, counts and reads that can be held back (counts
    as ``("counts", query)``), and searches that fail (the queries in ``failing``)."""

    def __init__(self, archive: Archive) -> None:
        self._archive = archive
        self.path = None  # one connection: nothing of its own is opened for searches
        self.held: set[object] = set()
        self.failing: set[str] = set()
        self.reached: list[object] = []  # what was held, in the order it reached the archive
        self.gate = threading.Event()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._archive, name)

    def _wait_if_held(self, key: object) -> None:
        if key in self.held:
            self.reached.append(key)
            assert self.gate.wait(WAIT_MS / 1000)

    def search(self, query: str, **kwargs: Any) -> SearchPage:
        self._wait_if_held(query)
        if query in self.failing:
            raise ArchiveError(f"the search for {query} failed")
        return self._archive.search(query, **kwargs)

    def facets(self, query: str, **kwargs: Any) -> Any:
        self._wait_if_held(("counts", query))
        return self._archive.facets(query, **kwargs)

    def get(self, readout_id: int) -> Readout:
        self._wait_if_held(readout_id)
        return self._archive.get(readout_id)


class Harness:
    def __init__(self, archive: GatedArchive) -> None:
        self.archive = archive
        self.query = ""
        self.model = ResultsModel(cast(Archive, archive))
        self.runner = TaskRunner(max_threads=2)
        self.controller = SearchController(cast(Archive, archive), self.model,
                                           lambda: self.query, self.runner)
        self.pages: list[str] = []
        self.controller.pageReady.connect(lambda query, page: self._shown(query, page))

    def _shown(self, query: str, page: SearchPage) -> None:
        self.pages.append(query)
        self.model.reset_to(query, page)

    def settle(self, qtbot: QtBot) -> None:
        qtbot.waitUntil(self.controller.idle, timeout=WAIT_MS)

    def counts(self) -> list[object]:
        """The counts delivered from now on."""
        delivered: list[object] = []
        self.controller.facetsReady.connect(delivered.append)
        return delivered

    def show(self, qtbot: QtBot, query: str) -> None:
        """Search for ``query`` at once and wait until its results are shown."""
        self.query = query
        with qtbot.waitSignal(self.controller.pageReady, timeout=WAIT_MS):
            self.controller.search_now()


@pytest.fixture
def harness(demo_archive: Archive) -> Iterator[Harness]:
    made = Harness(GatedArchive(demo_archive))
    yield made
    made.archive.gate.set()
    made.runner.shutdown()
    made.controller.close()


def test_typing_searches_once_when_it_pauses(qtbot: QtBot, harness: Harness) -> None:
    for typed in ("L", "Li", "Lim", "Lima"):
        harness.query = typed
        harness.controller.schedule()
    assert harness.controller.debounce.isActive()
    assert not harness.runner.busy()  # nothing asked of the archive while typing goes on
    with qtbot.waitSignal(harness.controller.pageReady, timeout=WAIT_MS) as shown:
        pass
    assert shown.args[0] == "Lima"
    harness.settle(qtbot)
    assert harness.pages == ["Lima"]


def test_a_search_answers_first_then_its_counts(qtbot: QtBot, harness: Harness) -> None:
    harness.query = "Peru"
    controller = harness.controller
    counted: list[object] = []
    controller.facetsReady.connect(counted.append)
    with qtbot.waitSignals([controller.pageReady, controller.facetsReady], order="strict",
                           timeout=WAIT_MS):
        controller.search_now()
    assert harness.pages == ["Peru"] and harness.model.total > 0
    assert counted == [harness.archive.facets("Peru")]


def test_an_older_search_answering_late_is_dropped(qtbot: QtBot, harness: Harness) -> None:
    harness.archive.held.add("slow")
    harness.query = "slow"
    harness.controller.search_now()
    harness.query = "Peru"
    with qtbot.waitSignal(harness.controller.pageReady, timeout=WAIT_MS) as shown:
        harness.controller.search_now()
    assert shown.args[0] == "Peru"
    harness.archive.gate.set()  # the older search now finishes
    harness.settle(qtbot)
    assert harness.pages == ["Peru"]
    assert harness.model.query == "Peru"


def test_counts_of_results_no_longer_shown_are_dropped(qtbot: QtBot, harness: Harness) -> None:
    controller = harness.controller
    counted: list[object] = []
    controller.facetsReady.connect(counted.append)
    harness.query = "Peru"
    with qtbot.waitSignal(controller.pageReady, timeout=WAIT_MS):
        controller.search_now()
    harness.query = ""
    with qtbot.waitSignals([controller.pageReady, controller.facetsReady], order="strict",
                           timeout=WAIT_MS):
        controller.search_now()  # before the counts of "Peru" were due
    harness.settle(qtbot)
    assert harness.archive.facets("") != harness.archive.facets("Peru")
    assert counted == [harness.archive.facets("")]


def test_counts_wait_while_typing_goes_on(qtbot: QtBot, harness: Harness) -> None:
    # Typing starts before the counts of the results shown were due: they are never
    # counted; the results the typing brings are counted once they are shown.
    controller, counted = harness.controller, harness.counts()
    harness.show(qtbot, "Peru")
    harness.archive.held.add("Lima")
    harness.query = "Lima"
    controller.schedule()
    qtbot.waitUntil(lambda: harness.archive.reached == ["Lima"], timeout=WAIT_MS)
    qtbot.wait(FACETS_DELAY_MS + 100)  # the counts of "Peru" would have run by now
    assert counted == []
    with qtbot.waitSignals([controller.pageReady, controller.facetsReady], order="strict",
                           timeout=WAIT_MS):
        harness.archive.gate.set()
    harness.settle(qtbot)
    assert counted == [harness.archive.facets("Lima")]


def test_counts_arriving_while_typing_goes_on_are_not_shown(qtbot: QtBot,
                                                            harness: Harness) -> None:
    controller, counted = harness.controller, harness.counts()
    harness.archive.held.add(("counts", "Peru"))
    harness.show(qtbot, "Peru")
    qtbot.waitUntil(lambda: harness.archive.reached == [("counts", "Peru")], timeout=WAIT_MS)
    controller.debounce.setInterval(WAIT_MS)  # the typing goes on throughout
    harness.query = "Lima"
    controller.schedule()
    harness.archive.gate.set()  # the counts of "Peru" arrive
    qtbot.waitUntil(lambda: not controller.facet_runner.busy(), timeout=WAIT_MS)
    assert counted == []
    with qtbot.waitSignals([controller.pageReady, controller.facetsReady], order="strict",
                           timeout=WAIT_MS):
        controller.search_now()  # the typing pauses
    assert counted == [harness.archive.facets("Lima")]


def test_a_failed_search_leaves_the_counts_of_the_results_shown(qtbot: QtBot,
                                                                 harness: Harness) -> None:
    controller, counted = harness.controller, harness.counts()
    harness.show(qtbot, "Peru")
    harness.archive.failing.add("Peru OR")
    harness.query = "Peru OR"
    with qtbot.waitSignals([controller.failed, controller.facetsReady], order="strict",
                           timeout=WAIT_MS):
        controller.schedule()  # typing: the counts of "Peru" were put off
    assert harness.model.query == "Peru"
    assert counted == [harness.archive.facets("Peru")]


def test_further_pages_come_through_the_controller(qtbot: QtBot, harness: Harness,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("readout_desk.ui.search_controller.PAGE_SIZE", 3)
    monkeypatch.setattr(results_model, "PAGE_SIZE", 3)
    with qtbot.waitSignal(harness.controller.pageReady, timeout=WAIT_MS):
        harness.controller.search_now()
    assert harness.model.rowCount() == 3 < harness.model.total
    with qtbot.waitSignal(harness.controller.moreReady, timeout=WAIT_MS) as more:
        harness.model.fetchMore(QModelIndex())
    assert more.args[0] == 3
    assert harness.model.rowCount() == 6
    assert harness.model.loaded_ids() == harness.archive.search_ids("", sort="date")[:6]


def test_a_page_of_replaced_results_is_dropped(qtbot: QtBot, harness: Harness,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("readout_desk.ui.search_controller.PAGE_SIZE", 3)
    monkeypatch.setattr(results_model, "PAGE_SIZE", 3)
    harness.query = "Minister"
    with qtbot.waitSignal(harness.controller.pageReady, timeout=WAIT_MS):
        harness.controller.search_now()
    more: list[int] = []
    harness.controller.moreReady.connect(lambda offset, _page: more.append(offset))
    harness.archive.held.add("Minister")
    harness.model.fetchMore(QModelIndex())  # held back
    harness.query = "Peru"
    with qtbot.waitSignal(harness.controller.pageReady, timeout=WAIT_MS):
        harness.controller.search_now()
    harness.archive.gate.set()
    harness.settle(qtbot)
    assert more == []
    assert harness.model.query == "Peru"
    assert harness.model.loaded_ids() == harness.archive.search_ids("Peru")[:3]


def test_only_the_readout_asked_for_last_is_shown(qtbot: QtBot, harness: Harness) -> None:
    first, second = harness.archive.all_ids()[:2]
    shown: list[int | None] = []
    harness.controller.readoutReady.connect(lambda readout, _words: shown.append(readout.id))
    harness.archive.held.add(first)
    harness.controller.request_readout(first, ("Lima",))
    with qtbot.waitSignal(harness.controller.readoutReady, timeout=WAIT_MS) as ready:
        harness.controller.request_readout(second, ("Peru",))
    assert ready.args[1] == ("Peru",)
    harness.archive.gate.set()
    harness.settle(qtbot)
    assert shown == [second]


def test_nothing_is_delivered_after_closing(qtbot: QtBot, harness: Harness) -> None:
    delivered: list[str] = []
    harness.controller.pageReady.connect(lambda query, _page: delivered.append(query))
    harness.archive.held.add("Peru")
    harness.query = "Peru"
    harness.controller.search_now()
    qtbot.waitUntil(lambda: harness.archive.reached == ["Peru"], timeout=WAIT_MS)
    harness.controller.close()
    harness.archive.gate.set()
    assert harness.runner.wait_for_done(WAIT_MS)
    QCoreApplication.processEvents()  # the late answer arrives now or never
    assert delivered == []
    harness.controller.schedule()
    assert not harness.controller.debounce.isActive()
