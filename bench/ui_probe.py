"""Measurements that need a Qt process of their own; run by ``bench/run.py``.

``python bench/ui_probe.py bare T0`` shows an empty QMainWindow;
``python bench/ui_probe.py window T0 --db FILE`` shows the real main window on an archive
and waits until the first page of results is in its table;
``python bench/ui_probe.py typing T0 --db FILE --text QUERY`` then types ``QUERY`` into the
search field one key at a time, the way a person types, and records how long the UI
thread was ever busy without handling events.

``python bench/ui_probe.py app T0 --db FILE`` starts the program the way a person does,
through ``readout_desk.ui.app.main`` (the archive's checks on opening, the preferences,
the features), and ends once the first page of results is in the window's table.

``python bench/ui_probe.py typing-bare T0 --text QUERY`` types the same way into a line
edit of a bare window: the baseline of the typing figure.

``python bench/ui_probe.py quit T0 --db FILE`` closes the window while the integrity
check of a large archive is running, and says how long closing took.

``T0`` is the parent's ``time.monotonic()`` just before it started this process (the
clock is system-wide), so start-up includes the interpreter and every import. Beside it,
``cpu_s`` is the process's processor time at that moment (from its start, all threads):
what the start cost, less the waits for a core that a loaded machine adds. The
result is one JSON object on standard output; peak RSS is this process's own.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: Interval between keystrokes while typing: a quick typist.
KEY_INTERVAL_MS = 90
#: The heartbeat that notices stalls: an event-loop pass every millisecond when idle.
HEARTBEAT_MS = 1
#: How long after the last key the bare baseline keeps watching (a search's debounce and
#: answer in the real window).
BARE_ANSWER_MS = 300


def _peak_rss_mb() -> float:
    # VmHWM starts afresh at exec; ru_maxrss would still count the parent's pages at fork.
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _emit(result: dict[str, Any]) -> None:
    print(json.dumps(result), flush=True)


def bare(t0: float) -> dict[str, Any]:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1200, 800)
    window.show()
    QTest.qWaitForWindowExposed(window)
    app.processEvents()
    shown = time.monotonic() - t0
    return {"startup_s": shown, "cpu_s": time.process_time(), "peak_rss_mb": _peak_rss_mb()}


def _open_window(db: Path) -> tuple[Any, Any, Any]:
    """The application, the real main window on ``db`` and the archive, after the first page."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from readout_desk import paths
    from readout_desk.archive import Archive

    paths.set_base_dir(Path(tempfile.mkdtemp(prefix="readout-desk-probe-")))
    app = QApplication(sys.argv[:1])
    archive = Archive.open(db)
    from readout_desk.ui.main_window import MainWindow

    window = MainWindow(archive)
    window.resize(1200, 800)
    loop = QEventLoop()
    window.searchFinished.connect(lambda _total: loop.quit())
    QTimer.singleShot(120_000, loop.quit)
    window.show()
    if window.model.rowCount() == 0:
        loop.exec()
    QTest.qWaitForWindowExposed(window)
    app.processEvents()
    return app, window, archive


def window(t0: float, db: Path) -> dict[str, Any]:
    app, win, archive = _open_window(db)
    shown = time.monotonic() - t0
    rows = win.model.rowCount()
    result = {"startup_s": shown, "peak_rss_mb": _peak_rss_mb(), "rows_shown": rows,
              "total": win.model.total}
    win.close()
    archive.close()
    del app
    return result


def app(t0: float, db: Path) -> dict[str, Any]:
    """The program's own start-up, until its window shows the first page of results
    (``startup_s``), and until the archive has opened and the window's own search has
    shown that page (``ready_s``: the same moment when the first page waits for the
    archive).

    Nothing of Qt is imported here before the program's own ``main()`` runs, which
    makes the application: PySide6 reads the source of every module imported after it,
    so what the program imports before Qt must stay before Qt. The watching starts when
    the program imports its main window's module: the results table's paint is wrapped,
    and the time is taken when its first paint with rows in it is done, not when the
    page was handed to the table (a window shown but not yet exposed paints nothing when
    asked to).
    """
    from readout_desk import paths

    paths.set_base_dir(Path(tempfile.mkdtemp(prefix="readout-desk-probe-")))
    seen: dict[str, Any] = {}

    def painted(window: Any) -> None:
        if seen:
            return
        seen.update(startup_s=time.monotonic() - t0, cpu_s=time.process_time(),
                    rows_shown=window.model.rowCount(),
                    modules=len(sys.modules), sqlalchemy="sqlalchemy.orm" in sys.modules)
        if getattr(window, "has_archive", lambda: True)():
            ready(window)
        else:  # painted before the archive opened: the window's own search comes next
            window.searchFinished.connect(lambda _total: ready(window))

    def ready(window: Any) -> None:
        from PySide6.QtCore import QTimer

        if "ready_s" not in seen:
            seen["ready_s"] = time.monotonic() - t0
            QTimer.singleShot(0, window.close)

    def watch(module: Any) -> None:
        # The table's own paint, wrapped in its class before any window is built: asking
        # for the table's viewport (to filter its events) would cost the program the
        # 10-20 ms PySide takes to learn that widget's type, which its paint does not.
        view_class = module.ResultsView
        paint = view_class.paintEvent

        def paint_event(view: Any, event: Any) -> None:
            paint(view, event)
            if not seen and view.model().rowCount() > 0:
                painted(view.window())

        view_class.paintEvent = paint_event

    _when_imported("readout_desk.ui.main_window", watch)
    from readout_desk.ui.app import main as start

    start(["--db", str(db), "--home-zone", "UTC"])
    if not seen:
        raise RuntimeError("the window never showed a page")
    return {**seen, "peak_rss_mb": _peak_rss_mb()}


def _when_imported(name: str, then: Any) -> None:
    """Call ``then(module)`` once the module ``name`` has been imported.

    The hook is a plain object with ``find_spec`` (all ``sys.meta_path`` asks of it), not an
    ``importlib.abc`` class: that module imports ``importlib.resources``, which would be the
    probe's cost counted as the program's."""
    import importlib.util

    class Hook:
        def find_spec(self, fullname: str, path: Any, target: Any = None) -> Any:
            if fullname != name:
                return None
            sys.meta_path.remove(self)
            spec = importlib.util.find_spec(fullname)
            loader = spec.loader if spec else None
            if loader is None:
                return spec
            run = loader.exec_module

            def exec_module(module: Any) -> None:
                run(module)
                then(module)

            loader.exec_module = exec_module  # type: ignore[method-assign]
            return spec

    sys.meta_path.insert(0, Hook())


def quit_during_check(db: Path) -> dict[str, Any]:
    """How long closing the window takes while a large archive's integrity check runs."""
    from PySide6.QtCore import QEventLoop, QTimer

    from readout_desk.ui import archive_check

    archive_check.BACKGROUND_CHECK_DELAY_MS = 0
    _app, win, archive = _open_window(db)
    checker = archive_check.archive_check(win)
    loop = QEventLoop()
    QTimer.singleShot(500, loop.quit)  # well into the check
    loop.exec()
    running = checker.runner.busy()
    started = time.perf_counter()
    win.close()
    closed = (time.perf_counter() - started) * 1000
    archive.close()
    return {"close_ms": closed, "check_was_running": running}


def _watch_typing(field: Any, text: str, answered: Any | None
                  ) -> tuple[list[float], list[int], float | None]:
    """Type ``text`` into ``field`` a key at a time while a 1 ms heartbeat on the UI thread
    records every gap; ends half a second after ``answered(total)`` for the whole text
    (or, with no ``answered``, as long after the last key as a search would take). Also
    gives the milliseconds from the last key to that answer."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest

    clock = QElapsedTimer()
    clock.start()
    gaps: list[float] = []
    last = [clock.nsecsElapsed()]

    def beat() -> None:
        now = clock.nsecsElapsed()
        gaps.append((now - last[0]) / 1e6)
        last[0] = now

    heart = QTimer()
    heart.setTimerType(Qt.TimerType.PreciseTimer)
    heart.setInterval(HEARTBEAT_MS)
    heart.timeout.connect(beat)
    loop = QEventLoop()
    finished: list[int] = []
    keys = list(text)
    last_key: list[int] = []
    answer_ms: list[float] = []

    def type_next() -> None:
        if keys:
            QTest.keyClicks(field, keys.pop(0))
            last_key[:] = [clock.nsecsElapsed()]
            QTimer.singleShot(KEY_INTERVAL_MS, type_next)
        elif answered is None:
            QTimer.singleShot(BARE_ANSWER_MS + 500, loop.quit)

    def search_done(total: int) -> None:
        if not keys and field.text() == text:
            if not finished and last_key:
                answer_ms.append((clock.nsecsElapsed() - last_key[0]) / 1e6)
            finished.append(total)
            QTimer.singleShot(500, loop.quit)  # keep watching while the page is painted

    if answered is not None:
        answered.connect(search_done)
    QTimer.singleShot(60_000, loop.quit)
    heart.start()
    last[0] = clock.nsecsElapsed()
    QTimer.singleShot(0, type_next)
    loop.exec()
    heart.stop()
    return gaps, finished, answer_ms[0] if answer_ms else None


def _stalls(gaps: list[float], text: str) -> dict[str, Any]:
    # A heartbeat interval of 1 ms is the floor: a gap above it is time the loop was busy.
    stalls = sorted(gaps, reverse=True)
    return {"max_stall_ms": stalls[0] if stalls else 0.0, "top_stalls_ms": stalls[:5],
            "beats": len(gaps), "query": text, "peak_rss_mb": _peak_rss_mb()}


def typing(t0: float, db: Path, text: str) -> dict[str, Any]:
    from PySide6.QtWidgets import QLineEdit

    app, win, archive = _open_window(db)
    field = win.findChild(QLineEdit, "searchField")
    if field is None:
        raise RuntimeError("the main window has no searchField")
    field.setFocus()
    app.processEvents()
    gaps, finished, answer_ms = _watch_typing(field, text, win.searchFinished)
    result = {**_stalls(gaps, text), "total": finished[-1] if finished else None,
              "answer_ms": answer_ms}
    win.close()
    archive.close()
    return result


def typing_bare(text: str) -> dict[str, Any]:
    """The baseline: the same typing into a line edit of a bare window (the machine's own
    scheduling and Qt's, with nothing of the program)."""
    from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    field = QLineEdit(window)
    window.setCentralWidget(field)
    window.resize(1200, 800)
    window.show()
    field.setFocus()
    app.processEvents()
    gaps, _finished, _answer = _watch_typing(field, text, None)
    return _stalls(gaps, text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=("bare", "window", "app", "typing", "typing-bare",
                                         "quit"))
    parser.add_argument("t0", type=float)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--text", default="rule of law")
    args = parser.parse_args(argv)
    try:
        if args.mode == "bare":
            result = bare(args.t0)
        elif args.mode == "window":
            result = window(args.t0, args.db)
        elif args.mode == "app":
            result = app(args.t0, args.db)
        elif args.mode == "quit":
            result = quit_during_check(args.db)
        elif args.mode == "typing-bare":
            result = typing_bare(args.text)
        else:
            result = typing(args.t0, args.db, args.text)
    except Exception as exc:  # noqa: BLE001 - reported to the parent as a figure not taken
        _emit({"error": f"{type(exc).__name__}: {exc}"})
        return 1
    _emit(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
