"""How responsive the window is: start-up, typing, facet counts, quitting during a check.

``python bench/responsive.py --db ARCHIVE [--db-no-sections ARCHIVE]`` measures, each
beside a baseline taken in the same run (interleaved, so both meet the same load on a
shared machine):

- **start-up**: a bare ``QMainWindow`` shown, against the program started through its own
  ``main()`` until its window has painted the first page of results (``ui_probe.py app``);
- **typing**: the longest gap of a 1 ms heartbeat on the UI thread while a ten-letter word
  is typed into the search field at a quick typist's pace and its results arrive
  (``ui_probe.py typing``), p50 / p95 / max over the runs, on each archive given;
- **facets**: the sidebar's counts for common words as the window asks for them (among the
  newest hits) against the exact counts of every hit (``Archive.facets``);
- **quitting during the integrity check**: how long closing the window takes while the
  background check of a large archive runs, against how long that check takes to the end.

Processes are started with bytecode caching on (``PYTHONPYCACHEPREFIX``), as an installed
program has its modules compiled. Figures are printed and written as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
#: A ten-letter word the benchmark corpus uses often.
WORD = "investment"
#: Common words of the benchmark corpus, for the facet counts.
FACET_WORDS = ("minister", "cooperation", "rule of law", "trade", "")


def _env(src: Path | None = None) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PYTHONPYCACHEPREFIX=str(Path(tempfile.gettempdir()) / "readout-desk-pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if src is not None:  # another checkout of the program, for a before-and-after figure
        env["PYTHONPATH"] = str(src)
    return env


def probe(mode: str, db: Path | None, text: str = "", src: Path | None = None
          ) -> dict[str, Any]:
    """One run of ``ui_probe.py`` (on the program in ``src`` if given): its figures, or an
    ``error``."""
    cmd = [sys.executable, str(HERE / "ui_probe.py"), mode]
    extra = (["--db", str(db)] if db else []) + (["--text", text] if text else [])
    t0 = time.monotonic()
    out = subprocess.run([*cmd, repr(t0), *extra], capture_output=True, text=True,
                         env=_env(src), check=False, timeout=900)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if not lines:
        return {"error": (out.stderr.strip().splitlines() or ["no output"])[-1]}
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def startup(db: Path, runs: int, before: Path | None,
            after: Path | None = None, before_db: Path | None = None) -> dict[str, Any]:
    """Bare window and the program interleaved (and the program as it was in ``before``,
    on ``before_db`` when given: an older program asked to open an archive of a later
    schema would wait on its message about it; the program measured from ``after``, when
    given, else this checkout). Beside the
    first page painted, when the archive had opened and the window's own search shown
    its first page (``*_ready_s``; the same moment unless the page was painted first),
    and each process's processor time at its paint (``*_cpu_s``), which a loaded
    machine's waits for a core do not stretch."""
    got: dict[str, list[float]] = {"bare": [], "app": [], "before": []}
    cpu: dict[str, list[float]] = {"bare": [], "app": [], "before": []}
    ready: dict[str, list[float]] = {"app": [], "before": []}
    # Each round's program runs over that round's bare window: a run that failed leaves
    # its round's ratio out rather than shifting every later pair.
    pairs: dict[str, list[float]] = {"app": [], "before": []}
    cpu_pairs: dict[str, list[float]] = {"app": [], "before": []}
    failed = 0
    for run in range(runs):
        this_round: dict[str, float] = {}
        this_cpu: dict[str, float] = {}
        programs = [("app", "app", after), ("before", "app", before)]
        if run % 2:  # the program and the one before take turns at following the bare one
            programs.reverse()
        for name, mode, src in (("bare", "bare", None), *programs):
            if name == "before" and before is None:
                continue
            archive = before_db if name == "before" and before_db is not None else db
            answer = probe(mode, None if mode == "bare" else archive, src=src)
            if "startup_s" not in answer:
                failed += 1
                continue
            this_round[name] = answer["startup_s"]
            got[name].append(answer["startup_s"])
            if "cpu_s" in answer:
                this_cpu[name] = answer["cpu_s"]
                cpu[name].append(answer["cpu_s"])
            if name in ready:
                ready[name].append(answer.get("ready_s", answer["startup_s"]))
        for name in pairs:
            if name in this_round and "bare" in this_round:
                pairs[name].append(this_round[name] / this_round["bare"])
            if name in this_cpu and "bare" in this_cpu:
                cpu_pairs[name].append(this_cpu[name] / this_cpu["bare"])
    out: dict[str, Any] = {f"{k}_s": v for k, v in got.items()}
    out.update({f"{k}_cpu_s": v for k, v in cpu.items()})
    out.update({f"{k}_ready_s": v for k, v in ready.items()})
    out["failed_runs"] = failed
    for name in ("app", "before"):
        if pairs[name]:
            ratios = pairs[name]
            out[f"{name}_ratio_p50"] = statistics.median(ratios)
            out[f"{name}_p50_s"] = statistics.median(got[name])
            out[f"{name}_ready_p50_s"] = statistics.median(ready[name])
        if cpu_pairs[name]:
            out[f"{name}_cpu_ratio_p50"] = statistics.median(cpu_pairs[name])
    out["bare_p50_s"] = statistics.median(got["bare"])
    return out


class BusyLoad:
    """``count`` processes each spinning on a core, as a user's other programs would (at
    the same priority as the measured ones), for as long as the ``with`` block lasts: a
    loaded machine made the same for every program and every run."""

    def __init__(self, count: int) -> None:
        self.count = count
        self._procs: list[subprocess.Popen[bytes]] = []

    def __enter__(self) -> BusyLoad:
        self._procs = [subprocess.Popen([sys.executable, "-c", "while True: pass"])
                       for _ in range(self.count)]
        if self._procs:
            time.sleep(1.0)  # the load is on before the first run
        return self

    def __exit__(self, *_exc: object) -> None:
        for proc in self._procs:
            proc.kill()
            proc.wait()
        self._procs = []


def typing(db: Path, runs: int, before: Path | None = None, before_db: Path | None = None,
           after: Path | None = None, busy: int = 0) -> dict[str, Any]:
    """Per run, the longest stall in the window and, just before, in a bare window (and in
    the program as it was in ``before``, on ``before_db``, the same corpus at its schema).
    With ``busy``, that many processes spin beside every run (``BusyLoad``). Beside the
    stalls, how long the window took from the last key to its answer (``answer_ms``: the
    search's pause for typing, then the search in its worker)."""
    with BusyLoad(busy):
        return _typing(db, runs, before, before_db, after) | {"busy_processes": busy}


def _typing(db: Path, runs: int, before: Path | None, before_db: Path | None,
            after: Path | None) -> dict[str, Any]:
    stalls: list[float] = []
    bare: list[float] = []
    old: list[float] = []
    tops: list[list[float]] = []
    answers: dict[str, list[float]] = {"after": [], "before": []}
    load = [os.getloadavg()[0]]
    # One round untimed: a program's first start after a change compiles its modules
    # (in whichever thread imports them first), which no installed program does.
    probe("typing-bare", None, WORD)
    for src, archive in ((before, before_db or db), (after, db)) if before else ((after, db),):
        probe("typing", archive, WORD, src=src)
    for run in range(runs):  # interleaved with the baseline
        floor = probe("typing-bare", None, WORD)
        answer: dict[str, dict[str, Any]] = {"before": {}}
        programs = [("after", db, after), ("before", before_db or db, before)]
        if run % 2:  # the two programs take turns at following the bare one
            programs.reverse()
        for name, archive, src in programs:
            if name == "after" or before is not None:
                answer[name] = probe("typing", archive, WORD, src=src)
        got, then = answer["after"], answer["before"]
        load.append(os.getloadavg()[0])
        if "max_stall_ms" in got and "max_stall_ms" in floor:
            stalls.append(got["max_stall_ms"])
            bare.append(floor["max_stall_ms"])
            tops.append(got["top_stalls_ms"])
            if "max_stall_ms" in then:
                old.append(then["max_stall_ms"])
        for name in answers:
            if answer[name].get("answer_ms") is not None:
                answers[name].append(answer[name]["answer_ms"])
    out = {"max_stall_ms": stalls, "p50_ms": percentile(stalls, 0.5),
           "p95_ms": percentile(stalls, 0.95), "max_ms": max(stalls), "top_stalls_ms": tops,
           "bare_max_stall_ms": bare, "bare_p50_ms": percentile(bare, 0.5),
           "bare_p95_ms": percentile(bare, 0.95), "bare_max_ms": max(bare),
           "load_average": load, "answer_ms": answers["after"]}
    if answers["after"]:
        out["answer_p50_ms"] = statistics.median(answers["after"])
    if answers["before"]:
        out.update(before_answer_ms=answers["before"],
                   before_answer_p50_ms=statistics.median(answers["before"]))
    if old:
        out.update(before_max_stall_ms=old, before_p50_ms=percentile(old, 0.5),
                   before_p95_ms=percentile(old, 0.95), before_max_ms=max(old))
    return out


def facets(db: Path, rounds: int) -> dict[str, Any]:
    sys.path.insert(0, str(HERE.parent / "src"))
    from readout_desk.archive import Archive
    from readout_desk.ui.search_controller import FACET_SAMPLE

    out: dict[str, Any] = {"sample": FACET_SAMPLE, "words": {}}
    with Archive.open(db, read_only=True) as archive:
        for word in FACET_WORDS:
            exact: list[float] = []
            sampled: list[float] = []
            for _ in range(rounds):  # interleaved
                started = time.perf_counter()
                archive.facets(word)
                exact.append((time.perf_counter() - started) * 1000)
                started = time.perf_counter()
                answer = archive.facets(word, sample=FACET_SAMPLE)
                sampled.append((time.perf_counter() - started) * 1000)
            out["words"][word] = {"exact_ms": statistics.median(exact),
                                  "window_ms": statistics.median(sampled),
                                  "sampled": answer.sampled}
    return out


def quitting(db: Path, runs: int) -> dict[str, Any]:
    closes = []
    for _ in range(runs):
        got = probe("quit", db)
        if "close_ms" in got:
            closes.append(got)
    sys.path.insert(0, str(HERE.parent / "src"))
    from readout_desk.archive import Archive

    with Archive.open(db) as archive:  # the whole check, as it ran on the search pool
        started = time.perf_counter()
        archive.integrity_problems()
        whole = (time.perf_counter() - started) * 1000
    return {"close_ms": [c["close_ms"] for c in closes],
            "check_was_running": [c["check_was_running"] for c in closes],
            "whole_check_ms": whole}


def report(result: dict[str, Any]) -> str:
    lines = ["Readout Desk: how responsive the window is"]
    s = result.get("startup")
    if s:
        lines.append(f"  start-up to the first page: {s['app_p50_s']:.2f} s against a bare "
                     f"window's {s['bare_p50_s']:.2f} s: {s['app_ratio_p50']:.2f}x (p50 of "
                     f"{len(s['app_s'])} interleaved runs); the archive open and its own "
                     f"search shown: {s['app_ready_p50_s']:.2f} s")
        if "app_cpu_ratio_p50" in s:
            lines.append(f"    processor time at that moment: "
                         f"{s['app_cpu_ratio_p50']:.2f}x the bare window's (p50 of pairs)")
        if "before_p50_s" in s:
            lines.append(f"    the program before (--before): {s['before_p50_s']:.2f} s, "
                         f"{s['before_ratio_p50']:.2f}x; archive open and searched: "
                         f"{s['before_ready_p50_s']:.2f} s"
                         + (f"; processor time {s['before_cpu_ratio_p50']:.2f}x"
                            if "before_cpu_ratio_p50" in s else ""))
    for name in ("typing", "typing_no_sections"):
        t = result.get(name)
        if t:
            lines.append(f"  longest UI stall typing '{WORD}' ({name.replace('_', ' ')}): "
                         f"p50 {t['p50_ms']:.1f} ms, p95 {t['p95_ms']:.1f} ms, "
                         f"max {t['max_ms']:.1f} ms over {len(t['max_stall_ms'])} runs; "
                         f"a bare window the same runs: p50 {t['bare_p50_ms']:.1f}, "
                         f"p95 {t['bare_p95_ms']:.1f}, max {t['bare_max_ms']:.1f} ms"
                         + (" (load average {:.1f} to {:.1f})".format(
                             min(t["load_average"]), max(t["load_average"]))
                            if "load_average" in t else "")
                         + (f", {t['busy_processes']} busy processes beside"
                            if t.get("busy_processes") else ""))
            if "answer_p50_ms" in t:
                lines.append(f"    from the last key to the answer: p50 {t['answer_p50_ms']:.0f} ms"
                             + (f" (the program before: {t['before_answer_p50_ms']:.0f} ms)"
                                if "before_answer_p50_ms" in t else ""))
            if "before_p50_ms" in t:
                lines.append(f"    the program before (--before): p50 {t['before_p50_ms']:.1f}, "
                             f"p95 {t['before_p95_ms']:.1f}, max {t['before_max_ms']:.1f} ms "
                             f"over {len(t['before_max_stall_ms'])} runs")
    f = result.get("facets")
    if f:
        lines.append(f"  facets (window: newest {f['sample']:,} hits; exact: every hit):")
        for word, w in f["words"].items():
            lines.append(f"    {word or '(everything)':<14} window {w['window_ms']:7.1f} ms  "
                         f"exact {w['exact_ms']:7.1f} ms  "
                         f"{w['exact_ms'] / w['window_ms']:5.1f}x"
                         f"{'  (sampled)' if w['sampled'] else ''}")
    q = result.get("quit")
    if q:
        lines.append(f"  closing during the integrity check: {max(q['close_ms']):.0f} ms at "
                     f"most over {len(q['close_ms'])} runs (check running each time: "
                     f"{all(q['check_was_running'])}); the whole check takes "
                     f"{q['whole_check_ms']:.0f} ms")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--db-no-sections", type=Path)
    parser.add_argument("--runs", type=int, default=10, help="typing runs per archive")
    parser.add_argument("--startup-runs", type=int, default=5)
    parser.add_argument("--busy", type=int, default=0, metavar="N",
                        help="N processes spinning beside every typing run (a loaded "
                             "machine, the same for every program)")
    parser.add_argument("--before", type=Path, metavar="SRC",
                        help="the src/ folder of an older checkout, started the same way "
                             "and interleaved, for before-and-after start-up and typing "
                             "figures")
    parser.add_argument("--before-db", type=Path, metavar="ARCHIVE",
                        help="the --db corpus at the schema of --before (default: --db)")
    parser.add_argument("--before-db-no-sections", type=Path, metavar="ARCHIVE",
                        help="the --db-no-sections corpus at the schema of --before")
    parser.add_argument("--after", type=Path, metavar="SRC",
                        help="the src/ folder of the checkout to measure (default: this one)")
    parser.add_argument("--skip", action="append", default=[],
                        choices=("startup", "typing", "facets", "quit"))
    parser.add_argument("--out", type=Path, default=HERE / "out" / "responsive.json")
    args = parser.parse_args(argv)
    result: dict[str, Any] = {"db": str(args.db), "when": time.strftime("%Y-%m-%dT%H:%M:%S")}
    if "startup" not in args.skip:
        result["startup"] = startup(args.db, args.startup_runs, args.before, args.after,
                                    args.before_db)
    if "typing" not in args.skip:
        result["typing"] = typing(args.db, args.runs, args.before, args.before_db, args.after,
                                  args.busy)
        if args.db_no_sections:
            result["typing_no_sections"] = typing(
                args.db_no_sections, args.runs, args.before,
                args.before_db_no_sections or args.db_no_sections, args.after, args.busy)
    if "facets" not in args.skip:
        result["facets"] = facets(args.db, 3)
    if "quit" not in args.skip:
        result["quit"] = quitting(args.db, 3)
    print(report(result))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
