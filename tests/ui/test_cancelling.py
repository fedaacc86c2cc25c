"""Superseded reads are stopped in the middle of their statement, and dropped quietly.

A query is made endless on purpose: the archive's search (or facet count) for "slow"
runs a statement whose every row calls a counting function, and that never ends by
itself (the counter fails the statement after a bound of steps, which would make the
test fail). A newer search must interrupt it on its connection within that bound; the
interrupted read shows no error and the newer answer arrives.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive, ArchiveInterruptedError, Facets
from readout_desk.domain.records import SearchPage
from readout_desk.ui.results_model import ResultsModel
from readout_desk.ui.search_controller import SearchController
from readout_desk.ui.tasks import TaskRunner
from tests.ui.endless import STEP_BOUND, Steps, endless_read

WAIT_MS = 10_000


@pytest.fixture
def steps(monkeypatch: pytest.MonkeyPatch) -> Steps:
    counted = Steps()
    search, facets = Archive.search, Archive.facets

    def slow_search(self: Archive, query: Any, **kwargs: Any) -> SearchPage:
        if query == "slow":
            endless_read(self, counted)
        return search(self, query, **kwargs)

    def slow_facets(self: Archive, query: Any, **kwargs: Any) -> Facets:
        if query == "many":
            endless_read(self, counted)
        return facets(self, query, **kwargs)

    monkeypatch.setattr(Archive, "search", slow_search)
    monkeypatch.setattr(Archive, "facets", slow_facets)
    return counted


class Window:
    def __init__(self, archive: Archive) -> None:
        self.query = ""
        self.model = ResultsModel(archive)
        self.runner = TaskRunner(max_threads=2)
        self.controller = SearchController(archive, self.model, lambda: self.query,
                                           self.runner)
        self.pages: list[str] = []
        self.problems: list[object] = []
        self.controller.pageReady.connect(self._shown)
        self.controller.failed.connect(self.problems.append)

    def _shown(self, query: str, page: SearchPage) -> None:
        self.pages.append(query)
        self.model.reset_to(query, page)

    def search(self, query: str) -> None:
        self.query = query
        self.controller.search_now()


@pytest.fixture
def window(demo_archive: Archive) -> Iterator[Window]:
    made = Window(demo_archive)
    yield made
    made.runner.shutdown()
    made.controller.close()


def test_a_replaced_search_is_interrupted_and_dropped_quietly(
        qtbot: QtBot, window: Window, steps: Steps) -> None:
    window.search("slow")
    assert steps.started.wait(WAIT_MS / 1000)
    window.search("Lima")
    qtbot.waitUntil(lambda: window.pages == ["Lima"], timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=WAIT_MS)
    assert 0 < steps.count <= STEP_BOUND
    assert window.problems == []


def test_the_counts_of_replaced_results_stop_when_a_new_search_starts(
        qtbot: QtBot, window: Window, steps: Steps) -> None:
    window.search("many")  # a quick search whose counts never end
    qtbot.waitUntil(lambda: window.pages == ["many"], timeout=WAIT_MS)
    qtbot.waitUntil(steps.started.is_set, timeout=WAIT_MS)  # the counts are reading now
    window.search("Lima")
    qtbot.waitUntil(lambda: window.pages == ["many", "Lima"], timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not window.controller.facet_runner.busy(), timeout=WAIT_MS)
    assert 0 < steps.count <= STEP_BOUND
    assert window.problems == []


def test_closing_stops_a_read_at_once(qtbot: QtBot, window: Window, steps: Steps) -> None:
    window.search("slow")
    assert steps.started.wait(WAIT_MS / 1000)
    window.runner.shutdown()  # what the window does on closing
    assert window.runner.wait_for_done(0)  # the read has ended, not just been left
    assert 0 < steps.count <= STEP_BOUND


def test_a_read_interrupted_for_another_task_runs_again(qtbot: QtBot) -> None:
    runner = TaskRunner(max_threads=1)
    tries: list[int] = []
    answers: list[object] = []

    def work() -> str:
        tries.append(1)
        if len(tries) == 1:
            raise ArchiveInterruptedError("meant for the read before it")
        return "read"

    handle = runner.run(work, answers.append, answers.append, interrupt=lambda: None)
    qtbot.waitUntil(lambda: answers == ["read"], timeout=WAIT_MS)
    assert len(tries) == 2 and not handle.cancelled()
    runner.shutdown()


def test_a_cancelled_read_calls_its_interrupt_and_answers_nothing(qtbot: QtBot) -> None:
    runner = TaskRunner(max_threads=1)
    started, interrupted = threading.Event(), threading.Event()
    answers: list[object] = []

    def work() -> str:
        started.set()
        assert interrupted.wait(WAIT_MS / 1000)
        raise ArchiveInterruptedError("stopped")

    handle = runner.run(work, answers.append, answers.append, interrupt=interrupted.set)
    assert started.wait(WAIT_MS / 1000)
    handle.cancel()
    qtbot.waitUntil(lambda: not runner.busy(), timeout=WAIT_MS)
    assert answers == []
    runner.shutdown()


def test_sqlite_interrupt_is_what_stops_the_statement(archive: Archive) -> None:
    steps = Steps()
    failures: list[BaseException] = []

    def read() -> None:
        try:
            endless_read(archive, steps)
        except BaseException as exc:  # noqa: BLE001 - looked at below
            failures.append(exc)

    reader = threading.Thread(target=read)
    reader.start()
    assert steps.started.wait(WAIT_MS / 1000)
    archive.interrupt()
    reader.join(WAIT_MS / 1000)
    assert not reader.is_alive()
    assert len(failures) == 1 and isinstance(failures[0], ArchiveInterruptedError)
    assert steps.count <= STEP_BOUND


def test_the_sidebar_counts_of_very_many_hits_say_at_least(
        qtbot: QtBot, window: Window, monkeypatch: pytest.MonkeyPatch) -> None:
    from readout_desk.ui import search_controller
    from readout_desk.ui.facets import FacetsModel

    monkeypatch.setattr(search_controller, "FACET_SAMPLE", 3)
    counted: list[Facets] = []
    window.controller.facetsReady.connect(counted.append)
    window.search("")
    qtbot.waitUntil(lambda: len(counted) == 1, timeout=WAIT_MS)
    assert counted[0].sampled == 3
    model = FacetsModel()
    model.set_facets(counted[0])
    first = model.group(1).child(0)
    assert first is not None and first.text().endswith("+)")
    assert "At least" in first.toolTip()
