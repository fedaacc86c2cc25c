"""The archive's search beside a compiled search library (Tantivy) on the same readouts.

``python bench/tantivy_compare.py --db bench/out/data-N/archive.sqlite3 --index DIR``
reads every readout's index text (the ten columns of the table of words, through the
archive's own view) and its meeting date from an archive built by ``bench/run.py``,
builds a Tantivy index of them in ``DIR`` (kept for later runs), and times, query by query
and interleaved: ``Archive.search`` (the first page of 200 and the count), the raw FTS5
statement for the same page, and Tantivy's first 200 hits by its BM25 with the exact
count. Tantivy is not a dependency of the program: install it beside the benchmark
(``pip install tantivy``; its wheels are for CPython 3.11 and later).

Tantivy's BM25 is its own (scored per field and summed with boosts, here the archive's
column weights), so its pages are in another order than the archive's ("≈"); its
tokenizer splits and lowercases as ``unicode61`` does for English text, so its counts
are compared with the archive's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import shutil
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run  # noqa: E402
from readout_desk.archive import Archive  # noqa: E402
from readout_desk.archive.sqlite_index import register_functions  # noqa: E402
from readout_desk.archive.sqlite_search import FTS_COLUMNS, FTS_NAMES  # noqa: E402

#: The English mix's queries as Tantivy's query parser reads them (the prefix is left
#: out: the parser reads ``energ*`` as a word). Days count from 1970-01-01.
_EPOCH = dt.date(1970, 1, 1)
_H1_2020 = f"day:[{(dt.date(2020, 1, 1) - _EPOCH).days} TO {(dt.date(2020, 6, 30) - _EPOCH).days}]"
TANTIVY_QUERIES = {
    "minister": "minister",
    "desalination": "desalination",
    '"rule of law"': '"rule of law"',
    "country:peru trade": "+countries:peru +trade",
    "from:2020-01-01 to:2020-06-30 climate": f"+climate +{_H1_2020}",
    "from:2020-01-01 to:2020-06-30 minister": f"+minister +{_H1_2020}",
    "minister cooperation": "+minister +cooperation",
    "quasarglyph": "quasarglyph",
}
PAGE = 200


def _schema() -> Any:
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("id", stored=True, indexed=True, fast=True)
    builder.add_integer_field("day", indexed=True, fast=True)
    for name in FTS_NAMES:
        builder.add_text_field(name, tokenizer_name="default", index_option="position")
    return builder.build()


def build(db: Path, folder: Path) -> dict[str, float]:
    """The Tantivy index of the archive's readouts in ``folder``; the time spent reading
    them from SQLite and the time spent indexing (adding and committing)."""
    import tantivy

    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    index = tantivy.Index(_schema(), path=str(folder))
    writer = index.writer(heap_size=512_000_000)
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    register_functions(conn)
    columns = ", ".join(f"t.{n}" for n in FTS_NAMES)
    sql = (f"SELECT t.id, r.meeting_date, {columns} FROM readout_fts_text t "
           "JOIN readouts r ON r.id = t.id ORDER BY t.id")
    reading = indexing = 0.0
    count = 0
    cursor = conn.execute(sql)
    while True:
        started = time.perf_counter()
        rows = cursor.fetchmany(5_000)
        reading += time.perf_counter() - started
        if not rows:
            break
        started = time.perf_counter()
        for row in rows:
            day = (dt.date.fromisoformat(row[1]) - _EPOCH).days if row[1] else -1
            fields: dict[str, Any] = {"id": int(row[0]), "day": day}
            fields.update({n: v or "" for n, v in zip(FTS_NAMES, row[2:], strict=True)})
            writer.add_document(tantivy.Document(**fields))
        indexing += time.perf_counter() - started
        count += len(rows)
    started = time.perf_counter()
    writer.commit()
    writer.wait_merging_threads()
    indexing += time.perf_counter() - started
    conn.close()
    size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())
    return {"readouts": count, "reading_s": reading, "indexing_s": indexing,
            "per_s": count / indexing if indexing else 0.0, "bytes": size}


def _tantivy_search(index: Any, text: str) -> Callable[[], tuple[list[int], int]]:
    boosts = {name: weight for name, weight in FTS_COLUMNS}
    query = index.parse_query(text, list(FTS_NAMES), field_boosts=boosts)

    def search() -> tuple[list[int], int]:
        searcher = index.searcher()
        found = searcher.search(query, PAGE, count=True)
        ids = [searcher.doc(address)["id"][0] for _score, address in found.hits]
        return ids, int(found.count or 0)

    return search


def _first_search(archive: Archive, text: str) -> Any:
    """``Archive.search`` as a first search makes it: without the rankings the archive
    keeps in memory for the next pages (as ``run.py`` times it)."""
    archive._rankings.clear()  # noqa: SLF001
    return archive.search(text, limit=PAGE)


def measure(db: Path, folder: Path, rounds: int) -> dict[str, Any]:
    import tantivy

    index = tantivy.Index.open(str(folder))
    index.reload()
    archive = Archive.open(db)
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    register_functions(conn)
    raw = {text: fn for _label, text, fn in run.window_queries()}
    out: dict[str, Any] = {}
    try:
        for text, parsed in TANTIVY_QUERIES.items():
            paths: dict[str, Callable[[], Any]] = {
                "facade": functools.partial(_first_search, archive, text),
                "raw": functools.partial(raw[text], conn),
                "tantivy": _tantivy_search(index, parsed)}
            for fn in paths.values():  # warm
                fn()
            times: dict[str, list[float]] = {name: [] for name in paths}
            answers: dict[str, Any] = {}
            order = list(paths)
            for i in range(rounds):
                for name in order[i % 3:] + order[:i % 3]:
                    started = time.perf_counter()
                    answers[name] = paths[name]()
                    times[name].append((time.perf_counter() - started) * 1000)
            out[text] = {
                **{f"{n}_p50_ms": statistics.median(v) for n, v in times.items()},
                **{f"{n}_p95_ms": run.percentile(v, 0.95) for n, v in times.items()},
                "hits": answers["facade"].total, "tantivy_hits": answers["tantivy"][1],
            }
            e = out[text]
            print(f"  {text[:40]:<40} façade {e['facade_p50_ms']:7.1f} / "
                  f"{e['facade_p95_ms']:7.1f}  raw FTS5 {e['raw_p50_ms']:7.1f} / "
                  f"{e['raw_p95_ms']:7.1f}  Tantivy {e['tantivy_p50_ms']:6.1f} / "
                  f"{e['tantivy_p95_ms']:6.1f} ms  hits {e['hits']:,} "
                  f"(Tantivy {e['tantivy_hits']:,})", flush=True)
    finally:
        conn.close()
        archive.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="an archive built by run.py")
    parser.add_argument("--index", type=Path, required=True,
                        help="folder of the Tantivy index (built there unless --reuse)")
    parser.add_argument("--reuse", action="store_true", help="use the index already built")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    try:
        import tantivy  # noqa: F401
    except ImportError:
        print("tantivy is not installed: pip install tantivy (CPython 3.11 or later)")
        return 2
    if not args.reuse:
        built = build(args.db, args.index)
        print(f"built {built['readouts']:,} readouts: reading {built['reading_s']:.1f} s, "
              f"indexing {built['indexing_s']:.1f} s ({built['per_s']:,.0f} readouts/s), "
              f"{built['bytes'] / 1e6:,.0f} MB")
    print(f"first page of {PAGE} and the count, p50 / p95 of {args.rounds} rounds, interleaved")
    measure(args.db, args.index, args.rounds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
