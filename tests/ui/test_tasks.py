"""Background work: answers on the UI thread, progress as it goes, Cancel honoured."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QCoreApplication, QRunnable
from pytestqt.qtbot import QtBot

from readout_desk.ui.tasks import CancelFn, ProgressFn, TaskRunner

WAIT_MS = 10_000


def test_progress_arrives_in_order_on_the_ui_thread_before_the_answer(qtbot: QtBot) -> None:
    runner = TaskRunner(max_threads=1)
    ui_thread = threading.current_thread()
    seen: list[tuple[int, int, str]] = []
    threads: list[threading.Thread] = []
    answers: list[int] = []

    def work(progress: ProgressFn, _cancelled: CancelFn) -> int:
        for i in range(3):
            progress(i, 3, f"file {i}")
        return 3

    def on_progress(done: int, total: int, label: str) -> None:
        threads.append(threading.current_thread())
        seen.append((done, total, label))

    runner.run_with_progress(work, on_progress, answers.append)
    qtbot.waitUntil(lambda: answers == [3], timeout=WAIT_MS)
    assert seen == [(0, 3, "file 0"), (1, 3, "file 1"), (2, 3, "file 2")]
    assert threads == [ui_thread] * 3
    runner.shutdown()


def test_cancel_is_seen_by_the_work_and_its_answer_still_arrives(qtbot: QtBot) -> None:
    runner = TaskRunner(max_threads=1)
    started = threading.Event()
    answers: list[str] = []

    def work(_progress: ProgressFn, cancelled: CancelFn) -> str:
        started.set()
        while not cancelled():
            threading.Event().wait(0.005)
        return "stopped"

    handle = runner.run_with_progress(work, lambda *_args: None, answers.append)
    assert started.wait(WAIT_MS / 1000)
    assert not handle.cancelled()
    handle.cancel()
    qtbot.waitUntil(lambda: answers == ["stopped"], timeout=WAIT_MS)
    assert handle.cancelled() and not runner.busy()
    runner.shutdown()


def test_nothing_is_delivered_after_shutdown(qtbot: QtBot) -> None:
    runner = TaskRunner(max_threads=1)
    started, gate, finished = threading.Event(), threading.Event(), threading.Event()
    delivered: list[object] = []

    def work(progress: ProgressFn, _cancelled: CancelFn) -> str:
        started.set()
        assert gate.wait(WAIT_MS / 1000)
        progress(1, 1, "late")
        finished.set()
        return "late"

    runner.run_with_progress(work, lambda *args: delivered.append(args), delivered.append,
                             delivered.append)
    assert started.wait(WAIT_MS / 1000)
    threading.Timer(0.05, gate.set).start()
    runner.shutdown()  # returns once the work has ended
    assert finished.is_set()
    QCoreApplication.processEvents()  # what the work sent arrives now or never
    assert delivered == []


def test_a_runner_gives_the_ui_thread_the_interpreter_back_within_a_millisecond() -> None:
    import sys

    from readout_desk.ui.tasks import UI_SWITCH_INTERVAL_S

    before = sys.getswitchinterval()
    try:
        sys.setswitchinterval(0.005)  # Python's default
        runner = TaskRunner(max_threads=1)
        assert sys.getswitchinterval() <= UI_SWITCH_INTERVAL_S <= 0.001
        runner.shutdown()
    finally:
        sys.setswitchinterval(before)


def test_a_job_starts_once_the_thread_that_started_it_is_back(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The pool hands the job a thread while the UI thread is still inside ``start()``,
    without the interpreter: the job must not take the interpreter then and keep the UI
    thread waiting for it when ``start()`` returns."""
    runner = TaskRunner(max_threads=1)
    inside_start = threading.Event()
    start = runner._pool.start

    def slow_start(job: QRunnable) -> None:
        inside_start.set()
        start(job)
        time.sleep(0.05)  # still inside start(), the interpreter free for the job
        inside_start.clear()

    monkeypatch.setattr(runner._pool, "start", slow_start)
    seen: list[bool] = []
    done = threading.Event()

    def work() -> None:
        seen.append(inside_start.is_set())
        done.set()

    runner.run(work)
    assert done.wait(WAIT_MS / 1000)
    assert seen == [False]
    runner.shutdown()
