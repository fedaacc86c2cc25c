"""The archive's size on disk, and what the table of words reading its text costs a search.

``python bench/disk.py --db ARCHIVE --work FOLDER`` copies ARCHIVE into FOLDER and opens
the copy (an older archive is migrated, its freed pages given back: the time is printed),
then makes a twin of it whose table of words keeps its own copy of the text, as before
migration 0010 (same readouts, same words; the table made again from the same text, with
``prefix='2 3'``, and neither the view nor the table of kept columns), and prints, each
beside the other:

- bytes per readout of each file, and where they go (``dbstat``, the largest tables);
- the search mix (the words, phrase, prefixes, field filter, dates, NOT/OR and Japanese
  queries of ``bench/run.py`` and ``bench/japanese_mix.py``, and two- and three-letter
  prefixes): first page of 100 with its snippets and the total through
  ``Archive.search``, the two files interleaved round by round, medians and the ratio
  after/before, and whether pages, totals and snippets are the same.

The twin is left in FOLDER (``before.sqlite3``) beside the copy (``after.sqlite3``).
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from readout_desk.archive import Archive  # noqa: E402
from readout_desk.archive.sqlite_index import (  # noqa: E402
    FIELDS_TABLE,
    TEXT_VIEW,
    register_functions,
)
from readout_desk.archive.sqlite_search import FTS_NAMES, FTS_TABLE  # noqa: E402

QUERIES = ("minister", "desalination", '"rule of law"', "energ*", "co*", "tra*",
           "country:peru trade", "from:2020-01-01 to:2020-06-30 climate", "trade -peru",
           "climate OR energy", "quasarglyph", "外務大臣", "会談", "銅", "CPTPP 協定",
           "minister 会談", "")


def per_readout(path: Path) -> tuple[float, list[tuple[str, int]]]:
    """Bytes per readout of a file, and the largest tables and indexes in it."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        readouts = int(conn.execute("SELECT count(*) FROM readouts").fetchone()[0])
        rows = conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name "
                            "ORDER BY 2 DESC LIMIT 8").fetchall()
    return path.stat().st_size / readouts, [(str(n), int(s) // readouts) for n, s in rows]


def twin_keeping_text(after: Path, before: Path) -> float:
    """``before``: ``after`` with a table of words that keeps its own copy of the text."""
    shutil.copyfile(after, before)
    started = time.perf_counter()
    columns = ", ".join(FTS_NAMES)
    with sqlite3.connect(before, isolation_level=None) as conn:
        register_functions(conn)
        conn.execute("BEGIN")
        conn.execute(f"CREATE TEMP TABLE kept AS SELECT id, {columns} FROM {TEXT_VIEW}")
        conn.execute(f"DROP TABLE {FTS_TABLE}")
        conn.execute(f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5({columns}, "
                     "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')")
        conn.execute(f"INSERT INTO {FTS_TABLE}(rowid, {columns}) SELECT id, {columns} "
                     "FROM kept")
        conn.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")
        conn.execute(f"DROP VIEW {TEXT_VIEW}")  # what only a table without text needs
        conn.execute(f"DROP TABLE {FIELDS_TABLE}")
        conn.execute("COMMIT")
        conn.execute("VACUUM")
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True, help="the archive to measure")
    parser.add_argument("--work", type=Path, required=True, help="a folder of one's own")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    after, before = args.work / "after.sqlite3", args.work / "before.sqlite3"
    shutil.copyfile(args.db, after)
    started = time.perf_counter()
    Archive.open(after).close()
    print(f"opened (migrated where older, pages given back): "
          f"{time.perf_counter() - started:.1f} s")
    print(f"twin keeping its text made in {twin_keeping_text(after, before):.1f} s")
    for name, path in (("before (text kept)", before), ("after", after)):
        size, tables = per_readout(path)
        print(f"{name}: {size:,.0f} B per readout; "
              + ", ".join(f"{t} {b:,}" for t, b in tables))
    archives = {"before": Archive.open(before), "after": Archive.open(after)}
    times: dict[tuple[str, str], list[float]] = {}
    same: dict[str, bool] = {}
    try:
        for q in QUERIES:  # warm both
            for archive in archives.values():
                archive.search(q, limit=100)
        for i in range(args.rounds):
            for q in QUERIES:
                pages = {}
                order = list(archives.items())
                for name, archive in order if i % 2 == 0 else order[::-1]:
                    t = time.perf_counter()
                    page = archive.search(q, limit=100)
                    times.setdefault((q, name), []).append((time.perf_counter() - t) * 1000)
                    pages[name] = (page.ids, page.total, [h.snippet for h in page.hits])
                same[q] = same.get(q, True) and pages["before"] == pages["after"]
    finally:
        for archive in archives.values():
            archive.close()
    print(f"\n{'query':40} {'before ms':>10} {'after ms':>10} {'ratio':>6}  same page")
    ratios = []
    for q in QUERIES:
        b, a = (statistics.median(times[(q, n)]) for n in ("before", "after"))
        ratios.append(a / b)
        print(f"{q or '(no query)':40} {b:10.1f} {a:10.1f} {a / b:6.2f}  {same[q]}")
    print(f"geometric mean of the ratios: {statistics.geometric_mean(ratios):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
