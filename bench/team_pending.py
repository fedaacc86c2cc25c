"""What a team archive's GIN pending list costs a search, after many single saves.

``python bench/team_pending.py --db postgresql://…/NAME --size 3000 --saves 400`` fills
two databases it makes on the same server, ``NAME_pending`` and ``NAME_merged`` (dropped
at the end; the user needs the right to create databases; ``NAME`` is only connected to),
with the same readouts: ``--size`` readouts imported in batches (an import merges its index
entries before it commits), then ``--saves`` readouts saved one at a time, as people save
them. A single save leaves its index entries in the GIN index's pending list, which every
search reads whole until a VACUUM or until the list passes ``gin_pending_list_limit``
(4 MB); in ``NAME_merged`` the list is then merged (``gin_clean_pending_list``). The same
searches (a word in no readout, a rare word, a common word) then alternate between the two
(the server's autovacuum, which would merge the list when enough rows have come, is off
for the index's table in both),
round by round, and the p50 / p95 of each are printed side by side, with the pending
list's pages (``pgstattuple``'s ``pgstatginindex`` when the extension can be made).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402
from readout_desk.archive import Archive  # noqa: E402
from readout_desk.archive.postgres import driver_url  # noqa: E402
from readout_desk.archive.postgres_search import FTS_TABLE  # noqa: E402

QUERIES = (("no hits", corpus.ABSENT_WORD), ("rare word", corpus.RARE_WORD),
           ("common word", "minister"))
INDEX = "ix_readout_fts_doc"


def _plain(url: str, **kw: Any) -> Any:
    import psycopg
    from sqlalchemy.engine import make_url

    u = make_url(driver_url(url))
    host = u.host or u.query.get("host")
    return psycopg.connect(host=host if isinstance(host, str) else None, port=u.port,
                           user=u.username, password=u.password, dbname=u.database, **kw)


def _sibling(url: str, name: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(database=name).render_as_string(hide_password=False)


def pending_pages(url: str) -> int | None:
    """The pages in the index's pending list, or None where pgstattuple is not at hand."""
    import psycopg

    try:
        with _plain(url, autocommit=True) as conn:
            conn.execute("CREATE EXTENSION IF NOT EXISTS pgstattuple")
            row = conn.execute(f"SELECT pending_pages FROM pgstatginindex('{INDEX}')").fetchone()
            return int(row[0]) if row else None
    except psycopg.Error:
        return None


def fill(url: str, size: int, saves: int, *, merge: bool) -> list[float]:
    """Import ``size`` readouts, then save ``saves`` one at a time; each save's ms."""
    took: list[float] = []
    readouts = [corpus.readout(i) for i in range(size + saves)]
    with Archive.open(url) as archive:
        # The server's autovacuum merges the list when enough rows have come since the
        # last (1,000 and a fifth of the table): kept away here, so that what a search
        # pays before it comes is what is measured, the same in both databases.
        with _plain(url, autocommit=True) as conn:
            conn.execute(f"ALTER TABLE {FTS_TABLE} SET (autovacuum_enabled = off)")
        for start in range(0, size, 1000):
            archive.add_many(readouts[start:min(size, start + 1000)], validate=False)
        for r in readouts[size:]:
            started = time.perf_counter()
            archive.add(r)
            took.append((time.perf_counter() - started) * 1000)
    with _plain(url, autocommit=True) as conn:
        if merge:
            conn.execute(f"SELECT gin_clean_pending_list('{INDEX}'::regclass)")
        # Statistics made now in both (autovacuum would make them at its own moments,
        # and a plan made without them differs by more than the list costs). ANALYZE
        # leaves a GIN index's pending list as it is.
        conn.execute("ANALYZE")
    return took


def measure(urls: dict[str, str], rounds: int) -> dict[str, dict[str, list[float]]]:
    archives = {name: Archive.open(url) for name, url in urls.items()}
    times: dict[str, dict[str, list[float]]] = {q: {n: [] for n in urls} for q, _w in QUERIES}
    try:
        for i in range(rounds):
            order = list(archives.items())[::1 if i % 2 else -1]
            for label, word in QUERIES:
                for name, archive in order:
                    started = time.perf_counter()
                    archive.search(word, limit=100)
                    times[label][name].append((time.perf_counter() - started) * 1000)
    finally:
        for archive in archives.values():
            archive.close()
    return times


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="an empty database on the server")
    parser.add_argument("--size", type=int, default=3000)
    parser.add_argument("--saves", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    from sqlalchemy.engine import make_url

    base = make_url(args.db).database
    names = {"pending": f"{base}_pending", "merged": f"{base}_merged"}

    def drop() -> None:
        with _plain(args.db, autocommit=True) as conn:
            for name in names.values():
                conn.execute(f'DROP DATABASE IF EXISTS "{name}"')

    drop()
    with _plain(args.db, autocommit=True) as conn:
        for name in names.values():
            conn.execute(f'CREATE DATABASE "{name}"')
    urls = {kind: _sibling(args.db, name) for kind, name in names.items()}
    try:
        saved = [fill(url, args.size, args.saves, merge=kind == "merged")
                 for kind, url in urls.items()]
        pages = {kind: pending_pages(url) for kind, url in urls.items()}
        times = measure(urls, args.rounds)
    finally:
        drop()
    every = [ms for one in saved for ms in one]
    print(f"{args.size:,} readouts imported, then {args.saves:,} saved one at a time: a save "
          f"p50 {statistics.median(every):.1f} ms, p95 {percentile(every, 0.95):.1f}, "
          f"longest {max(every):.1f}; pending list pages: {pages['pending']} "
          f"(merged: {pages['merged']})")
    print(f"  {'query':<12} {'pending p50/p95 ms':>20} {'merged p50/p95 ms':>20} "
          f"{'p50 ratio':>10}")
    result: dict[str, Any] = {"pages": pages, "queries": {}, "saves_ms": every}
    for label, _word in QUERIES:
        p, m = times[label]["pending"], times[label]["merged"]
        row = {"pending": [statistics.median(p), percentile(p, 0.95)],
               "merged": [statistics.median(m), percentile(m, 0.95)]}
        result["queries"][label] = row
        print(f"  {label:<12} {row['pending'][0]:9.2f} / {row['pending'][1]:7.2f}  "
              f"{row['merged'][0]:9.2f} / {row['merged'][1]:7.2f}  "
              f"{row['pending'][0] / row['merged'][0]:9.2f}x")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
