"""A load test of a team archive: many people searching, opening and saving the same
readouts at once, and not one update lost.

``python bench/team_load.py --db postgresql://… [--clients 20] [--seconds 120]`` starts
``--clients`` processes, each with its own ``Archive`` on the server, for ``--seconds``.
Each loops over: a search (a word of the corpus), opening one of the same 50 readouts, and
saving it with a line of its own appended to its notes, from the version it read. Every
save must either land on the version it read (the stored version is then one more) or be
refused as a conflict (``ConflictError``); anything else is an error.

At the end every landed save is checked against the archive: the version it made (the
current one, or that version in the history) must hold its line. A landed save whose line
is missing is a lost update. It prints saves, conflicts, errors, lost updates, and search
and save p50/p95 (ms); the database must be a scratch one (it is given 50 readouts to edit).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import multiprocessing
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402
from readout_desk.archive import Archive, ConflictError  # noqa: E402
from readout_desk.domain import jsonformat  # noqa: E402

READOUTS = 50
WORDS = ("minister", "trade", "energ*", '"rule of law"', "country:peru", "climate")


def prepare(url: str) -> list[int]:
    """The ids of the 50 readouts everyone edits (added when the database has fewer)."""
    with Archive.open(url) as archive:
        ids = archive.all_ids()
        if len(ids) < READOUTS:
            more = [jsonformat.readout_from_dict(d)
                    for d in corpus.iter_readouts(READOUTS, start=len(ids))]
            archive.add_many(more, validate=False)
            ids = archive.all_ids()
        return ids[:READOUTS]


def client(url: str, ids: list[int], seconds: float, number: int,
           queue: Any) -> None:
    """One person: search, open, save, until the time is up; reports what happened."""
    rng = random.Random(number)
    done: dict[str, Any] = {"landed": [], "conflicts": 0, "errors": [], "search_ms": [],
                            "save_ms": []}
    with Archive.open(url) as archive:
        ends = time.monotonic() + seconds
        count = 0
        while time.monotonic() < ends:
            started = time.perf_counter()
            try:
                archive.search(rng.choice(WORDS), limit=100)
                done["search_ms"].append((time.perf_counter() - started) * 1000)
                rid = rng.choice(ids)
                read = archive.get(rid)
                count += 1
                line = f"client {number} save {count}"
                started = time.perf_counter()
                try:
                    saved = archive.update(dataclasses.replace(
                        read, notes=(read.notes + "\n" + line).strip()))
                except ConflictError:
                    done["conflicts"] += 1
                    continue
                done["save_ms"].append((time.perf_counter() - started) * 1000)
                if saved.version != read.version + 1:
                    done["errors"].append(f"{line}: read {read.version}, "
                                          f"stored {saved.version}")
                done["landed"].append((rid, read.version + 1, line))
            except Exception as exc:  # noqa: BLE001 - counted and reported
                done["errors"].append(f"{type(exc).__name__}: {exc}")
    queue.put(done)


def lost_updates(url: str, landed: list[tuple[int, int, str]]) -> list[str]:
    """Landed saves whose line is not in the version they made."""
    lost = []
    with Archive.open(url) as archive:
        states: dict[tuple[int, int], str] = {}
        for rid in {rid for rid, _v, _l in landed}:
            current = archive.get(rid)
            states[(rid, current.version)] = current.notes
            for info in archive.history(rid):
                states[(rid, info.version)] = info.readout.notes
        for rid, version, line in landed:
            notes = states.get((rid, version), "")
            if not notes.endswith(line):
                lost.append(f"readout {rid} version {version}: {line}")
    return lost


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="postgresql:// URL of a scratch database")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    ids = prepare(args.db)
    queue: Any = multiprocessing.get_context("spawn").Queue()
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=client, args=(args.db, ids, args.seconds, n, queue))
               for n in range(args.clients)]
    for w in workers:
        w.start()
    reports = [queue.get() for _ in workers]
    for w in workers:
        w.join()
    landed = [tuple(x) for r in reports for x in r["landed"]]
    errors = [e for r in reports for e in r["errors"]]
    search_ms = [t for r in reports for t in r["search_ms"]]
    save_ms = [t for r in reports for t in r["save_ms"]]
    lost = lost_updates(args.db, landed)

    def p95(values: list[float]) -> float:
        return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else float("nan")

    figures = {"clients": args.clients, "seconds": args.seconds, "saves": len(landed),
               "conflicts": sum(r["conflicts"] for r in reports), "errors": len(errors),
               "lost_updates": len(lost), "searches": len(search_ms),
               "search_p50_ms": statistics.median(search_ms) if search_ms else None,
               "search_p95_ms": p95(search_ms),
               "save_p50_ms": statistics.median(save_ms) if save_ms else None,
               "save_p95_ms": p95(save_ms)}
    print(json.dumps(figures, indent=2))
    for line in (errors + lost)[:20]:
        print(line, file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    return 1 if errors or lost else 0


if __name__ == "__main__":
    raise SystemExit(main())
