"""The main window's own search path, timed beside ``Archive.search`` and raw FTS5.

``bench/run.py`` (``--gui-path``, the default) runs the real search controller of the
main window (:class:`readout_desk.ui.search_controller.SearchController`, with the real
results model and task runner) on the benchmark archive, offscreen. For each query of
the mix, interleaved in one run, it times:

- *window*: ``search_now()`` until ``pageReady`` arrives on the UI thread: the read on
  the controller's own read-only connection, in a pool thread, handed back as the
  window gets it;
- *call*: the window's search call on that same connection, run here directly
  (:func:`readout_desk.ui.results_model.search_page`, a page of ``PAGE_SIZE`` rows);
- *façade*: ``Archive.search`` for the same page on the same connection;
- *raw*: the leanest hand-written SQL for the same page (the rows a results row shows,
  with snippets) and count, on a plain ``sqlite3`` connection.

Every timed search starts without the rankings the connection holds in memory, as a
first search does. The rankings kept in the archive are let go first, as an import lets
them go, so that the window's own first search of each query makes them, on its own
read-only connection (timed apart: *first*), as it does for a person after an import.
Facet counts (which the window computes once results have stayed a while) are held off,
so that no count of one query runs under the timing of the next.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import time
from collections.abc import Callable, Sequence
from contextlib import closing
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from readout_desk.archive import Archive  # noqa: E402
from readout_desk.archive.sqlite_index import register_functions  # noqa: E402
from readout_desk.domain.records import SearchPage  # noqa: E402

#: (label, text typed, raw baseline: connection -> (ids, total)).
Query = tuple[str, str, Callable[[sqlite3.Connection], tuple[list[int], int]]]
PATHS = ("window", "call", "facade", "raw")


def _pct(values: Sequence[float], q: float) -> float:
    """The ``q`` quantile (0.5, 0.95) by linear interpolation between the samples."""
    if len(values) < 2:
        return float(values[0])
    return statistics.quantiles(values, n=100, method="inclusive")[round(q * 100) - 1]


class WindowPath:
    """A main window's search controller and results model on one archive, no widgets."""

    def __init__(self, db: Path) -> None:
        from PySide6.QtCore import QEventLoop
        from PySide6.QtWidgets import QApplication

        from readout_desk.ui import results_model, search_controller
        from readout_desk.ui.tasks import TaskRunner

        self.app = QApplication.instance() or QApplication([])
        self.page_size = results_model.PAGE_SIZE
        self.search_page = results_model.search_page
        self.archive = Archive.open(db)
        self.model = results_model.ResultsModel(self.archive)
        self.runner = TaskRunner()
        self.query = ""
        self.controller = search_controller.SearchController(
            self.archive, self.model, lambda: self.query, self.runner)
        # Held off, on this controller only: the counts of one query must not run under
        # the timing of the next (the module's delay stays as the window has it).
        self.controller._facets_timer.setInterval(10**9)  # noqa: SLF001
        self.side = self.controller.background_archive("search")
        self._loop = QEventLoop()
        self._page: SearchPage | None = None
        self.controller.pageReady.connect(self._ready)

    def _ready(self, _query: str, page: SearchPage) -> None:
        self._page = page
        self._loop.quit()

    def _fresh(self) -> Archive:
        self.side._rankings.clear()  # noqa: SLF001 - a first search, not a kept ranking
        return self.side

    def window(self, text: str) -> SearchPage:
        """``search_now`` until ``pageReady``, as the window searches."""
        self._fresh()
        self.query, self._page = text, None
        self.controller.search_now()
        return self._answer()

    def _answer(self) -> SearchPage:
        while self._page is None:
            self._loop.exec()
        return self._page

    def call(self, text: str) -> SearchPage:
        """The window's search call, on the controller's connection."""
        return self.search_page(self._fresh(), text, limit=self.page_size)

    def facade(self, text: str) -> SearchPage:
        """``Archive.search`` for the same page on the same connection."""
        return self._fresh().search(text, limit=self.page_size)

    def close(self) -> None:
        self.runner.shutdown()
        self.controller.close()
        self.archive.close()


def round_order(steps: Sequence[Any], round_index: int) -> list[Any]:
    """The paths of round ``round_index``: the compared ones (all but the last) rotated,
    the last (the raw statement) at the end."""
    compared = list(steps[:-1])
    turn = round_index % len(compared)
    return [*compared[turn:], *compared[:turn], steps[-1]]


def measure(db: Path, queries: Sequence[Query], rounds: int,
            log: Callable[[str], None]) -> dict[str, Any]:
    """Each query's four paths, interleaved: the window, its call and the façade take
    turns at coming first in a round, and the raw statement comes last. A path timed
    right after the raw statement of a frequent word (which walks every match) runs a
    millisecond or more slower (at 1M, `energ*`: 15.7 against 14.7 ms for the window,
    15.0 against 13.4 for the façade); rotating all four put the window after it in four
    rounds of five and the façade in none."""
    with closing(sqlite3.connect(db)) as kept, kept:  # let them go, as an import does
        for table in ("kept_ranking_rows", "kept_rankings"):
            kept.execute(f"DELETE FROM {table}")
    path = WindowPath(db)
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    register_functions(conn)  # snippets read the index's text through it
    per_query: dict[str, dict[str, Any]] = {}
    try:
        steps: list[tuple[str, Callable[[Query], Any]]] = [
            ("window", lambda q: path.window(q[1])), ("call", lambda q: path.call(q[1])),
            ("facade", lambda q: path.facade(q[1])), ("raw", lambda q: q[2](conn))]
        first: dict[str, float] = {}
        for q in queries:  # warm every path once, the window first: its first search
            for name, fn in steps:
                started = time.perf_counter()
                fn(q)
                if name == "window":
                    first[q[1]] = (time.perf_counter() - started) * 1000
        for q in queries:
            label, text, _raw = q
            times: dict[str, list[float]] = {name: [] for name in PATHS}
            values: dict[str, Any] = {}
            for i in range(rounds):
                for name, fn in round_order(steps, i):
                    started = time.perf_counter()
                    values[name] = fn(q)
                    times[name].append((time.perf_counter() - started) * 1000)
            raw_ids, raw_total = values["raw"]
            page = values["call"]
            per_query[text] = {
                "class": label, "hits": page.total, "first_ms": first[text],
                **{f"{n}_ms": statistics.median(times[n]) for n in PATHS},
                **{f"{n}_p95_ms": _pct(times[n], 0.95) for n in PATHS},
                **{f"{n}_all": times[n] for n in PATHS},
                "same_page": (list(page.ids) == list(values["facade"].ids)
                              == list(values["window"].ids)
                              and page.total == values["facade"].total
                              == values["window"].total),
                "raw_same_hits": raw_total == page.total and len(raw_ids) == len(page.ids),
            }
            e = per_query[text]
            log(f"  {label:<22} {text[:18]:<18} window {e['window_ms']:7.1f}  "
                f"call {e['call_ms']:7.1f}  façade {e['facade_ms']:7.1f}  "
                f"raw {e['raw_ms']:7.1f} ms  hits {page.total:,}"
                f"{'' if e['same_page'] else '  PAGES DIFFER'}")
    finally:
        conn.close()
        path.close()
    summary = {}
    for name in PATHS:
        series = [t for v in per_query.values() for t in v[f"{name}_all"]]
        summary[name] = {"p50_ms": _pct(series, 0.5), "p95_ms": _pct(series, 0.95)}
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as kept:
        lists = int(kept.execute("SELECT count(*) FROM kept_rankings").fetchone()[0])
    return {"rounds": rounds, "page": path.page_size, "summary": summary,
            "queries": per_query, "lists_made": lists}


def _x(a: float, b: float) -> str:
    return f"{a / b:.2f}x" if b > 0 else "n/a"


#: Queries answered faster than this are left out of the highest per-query ratio (and
#: named apart): a tenth of a millisecond's hand-over is most of a search with no hits.
SUB_MS = 1.0


def per_query_line(result: dict[str, Any]) -> str:
    """Window ÷ façade query by query (each the same page, as the target is put): the
    median and highest of the medians' ratios. Over the pooled samples of the whole mix
    (the "mix" lines) a median falls between two queries' clusters, so a millisecond on
    one query can move it by a fifth."""
    ratios = [(q["window_ms"] / q["facade_ms"], text, q["facade_ms"])
              for text, q in result["queries"].items() if q["facade_ms"] > 0]
    if not ratios:
        return "  window ÷ façade per query: n/a"
    timed = [r for r in ratios if r[2] >= SUB_MS]
    top = max(timed or ratios)
    line = (f"  window ÷ façade per query: median {statistics.median(r[0] for r in ratios):.2f}x,"
            f" highest {top[0]:.2f}x ({top[1][:30]})")
    quick = [f"{text[:20]} {ratio:.2f}x ({ms:.1f} ms)" for ratio, text, ms in ratios
             if ms < SUB_MS]
    return line + (f"; under {SUB_MS:g} ms: " + ", ".join(quick) if quick else "")


def report(result: dict[str, Any], title: str) -> list[str]:
    """The window's figures beside ``Archive.search`` and raw FTS5, as report lines."""
    lines = ["", f"{title}: the window's own path (first page of {result['page']} + total; "
             f"warm; {result['rounds']} rounds, interleaved; medians, then p95)",
             f"  {'query':<26}{'window':>9}{'call':>9}{'façade':>9}{'raw':>9}"
             f"{'call/façade':>13}{'window/façade':>15}{'call/raw':>10}{'hits':>9}  same"]
    rows = [(f"{q['class']}: {text}"[:25], q, "_ms") for text, q in result["queries"].items()]
    for name, row, suffix in rows:
        w, c, f, r = (row[f"{n}{suffix}"] for n in PATHS)
        lines.append(f"  {name:<26}{w:>7.1f}ms{c:>7.1f}ms{f:>7.1f}ms{r:>7.1f}ms"
                     f"{_x(c, f):>13}{_x(w, f):>15}{_x(c, r):>10}{row['hits']:>9,}  "
                     f"{'yes' if row['same_page'] else 'NO'}")
    s = result["summary"]
    for p in ("p50", "p95"):
        w, c, f, r = (s[n][f"{p}_ms"] for n in PATHS)
        lines.append(f"  {'mix ' + p:<26}{w:>7.1f}ms{c:>7.1f}ms{f:>7.1f}ms{r:>7.1f}ms"
                     f"{_x(c, f):>13}{_x(w, f):>15}{_x(c, r):>10}")
    lines.append(per_query_line(result))
    firsts = [(q["first_ms"], text) for text, q in result["queries"].items()]
    slowest = max(firsts)
    lines.append(f"  the window's first search of each query, no list kept before (as after "
                 f"an import): median {statistics.median(f for f, _t in firsts):.1f} ms, "
                 f"slowest {slowest[0]:.1f} ms ({slowest[1][:30]}); "
                 f"{result['lists_made']} kept lists made by the window's own searches")
    lines.append("  window: search_now() to pageReady; call: the window's search call "
                 "(results_model.search_page); façade: Archive.search; raw: plain sqlite3.")
    return lines
