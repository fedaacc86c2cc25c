"""The archive's size on disk, and its searches, beside the program before a change.

``python bench/disk.py --db ARCHIVE --work FOLDER --before SRC`` (``SRC``: the ``src``
folder of an earlier checkout, e.g. ``git archive COMMIT src | tar -x -C /tmp/before``)
copies ARCHIVE into FOLDER twice: ``before.sqlite3`` is opened by the program in SRC
(migrated to its newest revision where older), ``after.sqlite3`` is a copy of that one
opened by this program (migrated, its freed pages given back: the time is printed). Then,
each beside the other:

- bytes per readout of each file, and where they go (``dbstat``, the largest tables and
  indexes);
- the search mix (the queries of ``bench/run.py``'s mix, the Japanese ones of
  ``bench/japanese_mix.py``, two- and three-letter prefixes, one Japanese character, a
  negative alone, no query), each through ``Archive.search``: the first page of 100 with
  its snippets and the total, the same sorted by date and by title, and the second page.
  Each round runs each program in a process of its own, alternating which goes first;
  the medians and 95th percentiles of the first page's time, after ÷ before, and whether
  every page (ids, totals, snippets) is the same in every round.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"

QUERIES = ("minister", "desalination", "quasarglyph", '"rule of law"', "energ*", "co*",
           "tra*", "coo*", "country:peru trade", "from:2020-01-01 to:2020-06-30 climate",
           "trade -peru", "climate OR energy", "NOT minister", "外務大臣", "会談", "銅", "会",
           "CPTPP 協定", "minister 会談", "")
#: Besides the first page by relevance: (sort, descending, offset).
OTHER_PAGES = (("date", True, 0), ("title", False, 0), ("relevance", True, 100))


def per_readout(path: Path) -> tuple[float, list[tuple[str, int]]]:
    """Bytes per readout of a file, and the largest tables and indexes in it."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        readouts = int(conn.execute("SELECT count(*) FROM readouts").fetchone()[0])
        rows = conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name "
                            "ORDER BY 2 DESC LIMIT 9").fetchall()
    return path.stat().st_size / readouts, [(str(n), int(s) // readouts) for n, s in rows]


# ----- what a worker process does (the program on its sys.path) ----------------------


def open_archive(path: Path) -> None:
    from readout_desk.archive import Archive

    started = time.perf_counter()
    Archive.open(path).close()
    print(json.dumps({"seconds": time.perf_counter() - started}))


def search_round(path: Path) -> None:
    """Each query once warm, timed, with its pages."""
    from readout_desk.archive import Archive

    out: dict[str, Any] = {}
    with Archive.open(path) as archive:
        for q in QUERIES:  # warm
            archive.search(q, limit=100)
        for q in QUERIES:
            started = time.perf_counter()
            page = archive.search(q, limit=100)
            ms = (time.perf_counter() - started) * 1000
            pages = [(list(page.ids), page.total, [h.snippet for h in page.hits])]
            for sort, down, offset in OTHER_PAGES:
                other = archive.search(q, sort=sort, descending=down, offset=offset,
                                       limit=100)
                pages.append((list(other.ids), other.total, [h.snippet for h in other.hits]))
            out[q] = {"ms": ms, "pages": pages}
    print(json.dumps(out, ensure_ascii=False))


# ----- the driver -------------------------------------------------------------------


def _run(src: Path, *args: str) -> Any:
    env = dict(os.environ, PYTHONPATH=str(src))
    done = subprocess.run([sys.executable, __file__, *args], env=env, check=True,
                          capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="the archive to measure")
    parser.add_argument("--work", type=Path, help="a folder of one's own")
    parser.add_argument("--before", type=Path, help="the src folder of the program before")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--open", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--search", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.open:
        open_archive(args.open)
        return 0
    if args.search:
        search_round(args.search)
        return 0
    if not (args.db and args.work and args.before):
        parser.error("--db, --work and --before are needed")
    args.work.mkdir(parents=True, exist_ok=True)
    files = {"before": args.work / "before.sqlite3", "after": args.work / "after.sqlite3"}
    programs = {"before": args.before.resolve(), "after": SRC}
    shutil.copyfile(args.db, files["before"])
    opened = _run(programs["before"], "--open", str(files["before"]))["seconds"]
    print(f"before opened in {opened:.1f} s")
    shutil.copyfile(files["before"], files["after"])
    print(f"after opened (migrated, pages given back) in "
          f"{_run(programs['after'], '--open', str(files['after']))['seconds']:.1f} s")
    for name, path in files.items():
        for backup in path.parent.glob(f"{path.stem}.before-migration-*"):
            backup.unlink()
        size, tables = per_readout(path)
        print(f"{name}: {size:,.0f} B per readout; " + ", ".join(f"{t} {b:,}" for t, b in tables))
    times: dict[tuple[str, str], list[float]] = {}
    pages: dict[str, Any] = {}
    same = dict.fromkeys(QUERIES, True)
    for i in range(args.rounds):
        order = ["before", "after"] if i % 2 == 0 else ["after", "before"]
        for name in order:
            got = _run(programs[name], "--search", str(files[name]))
            for q in QUERIES:
                times.setdefault((q, name), []).append(got[q]["ms"])
                first = pages.setdefault(q, got[q]["pages"])
                same[q] = same[q] and got[q]["pages"] == first
    print(f"\n{'query':40} {'p50 before':>10} {'p50 after':>10} {'ratio':>6} "
          f"{'p95 before':>10} {'p95 after':>10}  same pages")
    ratios = []
    for q in QUERIES:
        b, a = (times[(q, n)] for n in ("before", "after"))
        ratios.append(statistics.median(a) / statistics.median(b))
        print(f"{q or '(no query)':40} {statistics.median(b):10.1f} {statistics.median(a):10.1f} "
              f"{ratios[-1]:6.2f} {_p95(b):10.1f} {_p95(a):10.1f}  {same[q]}")
    every = [t for q in QUERIES for t in times[(q, "before")]]
    after = [t for q in QUERIES for t in times[(q, "after")]]
    print(f"all queries: p50 {statistics.median(every):.1f} → {statistics.median(after):.1f} ms, "
          f"p95 {_p95(every):.1f} → {_p95(after):.1f} ms; geometric mean of the ratios "
          f"{statistics.geometric_mean(ratios):.2f}; every page the same: {all(same.values())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
