"""Import speed and memory against the raw FTS5 load of the same text.

``python bench/import_speed.py CORPUS.json [--rounds 3]`` imports a JSON document
(``bench/corpus.py --out``) into a new archive the way File ▸ Import and
``readout-desk-cli import`` do (``import_files``: the file read, every readout checked,
duplicates looked for, the rows and both full-text tables written), and, in the same run
and alternating which goes first, loads the same text into one FTS5 table with plain
``sqlite3``: the document parsed with ``json.load``, each readout's strings joined into
one text, inserted with ``executemany`` in one transaction. Two tables are loaded:

- *FTS5 default*: ``fts5(body)`` — the plainest full-text load of the text;
- *FTS5 as the archive indexes*: the same with the archive's tokenizer and prefix
  indexes (``unicode61 remove_diacritics 2``, ``prefix = '2 3'``) — what indexing this
  text the archive's way costs at the least.

Two imports run in every round: *import*, as the program runs it (a large file read by
reader processes while the import writes, ``transfer/readers.py``), and *import-alone*,
the same file read in the import's own process (``readers=0``). An import's CPU time
includes its readers'; their peak memory is printed beside the import's own.

``--split`` adds, to every round, the import reading alone with the processor time of every
SQL statement it runs summed apart (``sqlite3``'s calls, from SQLAlchemy's cursor events, the
commit included): what the import spends in SQLite and what it spends in Python around
it. The Python side alone, against the whole raw load, says how near the import can come
to the load on one core whatever the database does (the raw load spends most of its time
in SQLite too).

Each run is its own process, so its peak memory (``VmHWM``) is its own. The ratios are
import speed ÷ load speed (1.0: as fast as the load; higher is better), from the median
wall time and, less disturbed by other work on a shared machine, the median CPU time of
each process's run.

``--before SRC`` adds the import of another version of the program (``SRC``: the ``src``
folder of an earlier checkout, e.g. ``git archive COMMIT src | tar -x -C /tmp/before``)
to every round, so a change is measured against what it changed in the same run.

``--into ARCHIVE`` adds, to every round, the same import into a copy of an archive that
already holds readouts (copied before the clock starts; the document must not hold them,
e.g. ``bench/corpus.py --seed 7``), to see what grows with the archive. Each run prints
the load average beside it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

TABLES = {
    "fts5-default": "fts5(body)",
    "fts5-archive": "fts5(body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')",
}


def _peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def texts(value: Any) -> list[str]:
    """Every string of a JSON value, in document order."""
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, dict):
        return [t for v in value.values() for t in texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in texts(v)]
    return []


def _children_cpu() -> float:
    times = os.times()
    return times.children_user + times.children_system


def _children_peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def run_import(corpus: Path, folder: Path, into: Path | None = None, *,
               split: bool = False, readers: int | None = None) -> dict[str, Any]:
    from readout_desk.archive import Archive, import_files

    target = folder / "archive.sqlite3"
    if into is not None:
        for suffix in ("", ".tally"):
            if Path(f"{into}{suffix}").exists():
                shutil.copyfile(f"{into}{suffix}", f"{target}{suffix}")
    started, cpu, apart = time.perf_counter(), time.process_time(), _children_cpu()
    with Archive.open(target) as archive:
        in_sql = _time_statements(archive) if split else None
        summary = import_files(archive, [corpus], readers=readers)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    apart = _children_cpu() - apart
    if summary.failed:
        raise SystemExit(summary.lines())
    result = {"seconds": seconds, "cpu": cpu + apart, "readers_cpu": apart,
              "readers_peak_rss_mb": _children_peak_rss_mb() if apart else 0.0,
              "readouts": len(summary.imported_ids)}
    if in_sql is not None:
        result["sql_cpu"] = in_sql[0]
        result["statements"] = in_sql[1]
    return result


def _time_statements(archive: Any) -> list[float]:
    """Sum, into the list returned (processor seconds, statements), the time of every
    statement and commit the archive's engine runs from now on."""
    from sqlalchemy import event

    total = [0.0, 0]
    began: list[float] = []

    def before(*_args: Any) -> None:
        began.append(time.process_time())

    def after(*_args: Any) -> None:
        total[0] += time.process_time() - began.pop()
        total[1] += 1

    engine = archive._engine  # noqa: SLF001 - the benchmark looks inside on purpose
    event.listen(engine, "before_cursor_execute", before)
    event.listen(engine, "after_cursor_execute", after)

    @event.listens_for(engine, "commit")
    def commit(conn: Any) -> None:
        # The event comes before the commit: commit the driver's transaction here, timed,
        # and the driver's own commit after it finds nothing left to do.
        began.append(time.process_time())
        conn.connection.dbapi_connection.commit()
        after()

    return total


def run_load(corpus: Path, folder: Path, table: str) -> dict[str, Any]:
    import sqlite3

    started, cpu = time.perf_counter(), time.process_time()
    with corpus.open(encoding="utf-8") as handle:
        document = json.load(handle)
    conn = sqlite3.connect(folder / "raw.sqlite3", isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute(f"CREATE VIRTUAL TABLE t USING {TABLES[table]}")
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO t(body) VALUES (?)",
                     (("\n".join(texts(r)),) for r in document["readouts"]))
    conn.execute("COMMIT")
    conn.close()
    return {"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu,
            "readouts": len(document["readouts"])}


def child(kind: str, corpus: Path, into: Path | None = None) -> None:
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as folder:
        result = (run_import(corpus, Path(folder), into if kind == "import-into" else None,
                             split=kind == "import-split",
                             readers=0 if kind in ("import-alone", "import-split") else None)
                  if kind.startswith("import") else run_load(corpus, Path(folder), kind))
    result["peak_rss_mb"] = _peak_rss_mb()
    print(json.dumps(result))


def measure(corpus: Path, rounds: int, before: Path | None = None, into: Path | None = None,
            split: bool = False) -> dict[str, list[dict[str, Any]]]:
    kinds = ["import", "import-alone", *TABLES, *(["import-before"] if before else []),
             *(["import-into"] if into else []), *(["import-split"] if split else [])]
    runs: dict[str, list[dict[str, Any]]] = {k: [] for k in kinds}
    for i in range(rounds):
        order = kinds[i % len(kinds):] + kinds[:i % len(kinds)]
        for kind in order:
            env = dict(os.environ)
            if kind == "import-before" and before:
                env["PYTHONPATH"] = os.pathsep.join(
                    [str(before.resolve()), *filter(None, [env.get("PYTHONPATH")])])
            command = [sys.executable, __file__, "--child", kind, str(corpus),
                       *(["--into", str(into)] if into else [])]
            out = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
            runs[kind].append(json.loads(out.stdout.strip().splitlines()[-1]))
            runs[kind][-1]["load"] = os.getloadavg()[0]
            print(f"  {kind:<14} {runs[kind][-1]['seconds']:8.2f} s  "
                  f"{runs[kind][-1]['cpu']:8.2f} s CPU  "
                  f"{runs[kind][-1]['peak_rss_mb']:6.0f} MB  "
                  f"{_readers(runs[kind][-1])}  "
                  f"load {runs[kind][-1]['load']:.1f}", file=sys.stderr, flush=True)
    return runs


def report(corpus: Path, runs: dict[str, list[dict[str, Any]]]) -> str:
    n = runs["import"][0]["readouts"]
    med = {k: statistics.median(r["seconds"] for r in v) for k, v in runs.items()}
    cpu = {k: statistics.median(r["cpu"] for r in v) for k, v in runs.items()}
    rss = {k: max(r["peak_rss_mb"] for r in v) for k, v in runs.items()}
    lines = [f"Import of {corpus.name}: {n:,} readouts, {len(runs['import'])} rounds "
             "(median wall and CPU time, the readers' processes' CPU included; highest peak "
             "RSS)"]
    for kind, seconds in med.items():
        lines.append(f"  {kind:<14} {seconds:8.2f} s  {n / seconds:8,.0f} readouts/s  "
                     f"{cpu[kind]:8.2f} s CPU  peak RSS {rss[kind]:6.0f} MB  "
                     f"{_readers(max(runs[kind], key=lambda r: r.get('readers_cpu', 0)))}")
    imports = [k for k in ("import", "import-alone", "import-before", "import-into")
               if k in med]
    for kind in imports:
        for table in TABLES:
            lines.append(f"  {kind} ÷ {table:<13} {med[table] / med[kind]:6.2f}x wall  "
                         f"{cpu[table] / cpu[kind]:6.2f}x CPU")
    for other in ("import-alone", "import-before", "import-into"):
        if other in med:
            lines.append(f"  import ÷ {other:<13}       {med[other] / med['import']:6.2f}x "
                         f"wall  {cpu[other] / cpu['import']:6.2f}x CPU")
    if "import-split" in runs:
        lines.extend(split_lines(runs))
    return "\n".join(lines)


def _readers(run: dict[str, Any]) -> str:
    """What the run's readers (other processes) took, or "" when it had none."""
    if not run.get("readers_cpu"):
        return ""
    return (f"(readers: {run['readers_cpu']:.2f} s CPU, largest peak RSS "
            f"{run['readers_peak_rss_mb']:.0f} MB)")


def split_lines(runs: dict[str, list[dict[str, Any]]]) -> list[str]:
    """The split import's time in SQL statements and outside them, and the time outside
    against the raw loads': the best ratio the import could reach on one core if its
    statements cost nothing."""
    split = runs["import-split"]
    sql = statistics.median(r["sql_cpu"] for r in split)
    total = statistics.median(r["cpu"] for r in split)
    python = statistics.median(r["cpu"] - r["sql_cpu"] for r in split)
    lines = [f"  import-split: {total:.2f} s CPU, {sql:.2f} s of it in "
             f"{split[0]['statements']:,} SQL statements and commits, {python:.2f} s outside "
             "them"]
    for table in TABLES:
        load = statistics.median(r["cpu"] for r in runs[table])
        lines.append(f"  {table} ÷ the import's time outside SQL {load / python:6.2f}x "
                     "(the import's ratio if its statements took no time)")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--json", type=Path, help="also write the runs here")
    parser.add_argument("--before", type=Path, metavar="SRC",
                        help="also import with the program in SRC (an earlier src folder)")
    parser.add_argument("--into", type=Path, metavar="ARCHIVE",
                        help="also import into a copy of ARCHIVE (an archive file)")
    parser.add_argument("--split", action="store_true",
                        help="also import with the time in SQL statements summed apart")
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.corpus, args.into)
        return 0
    runs = measure(args.corpus, args.rounds, args.before, args.into, args.split)
    print(report(args.corpus, runs))
    if args.json:
        args.json.write_text(json.dumps(runs, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
