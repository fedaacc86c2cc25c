"""Ranking a word in most readouts: the designs measured side by side on one archive.

``python bench/common_words.py --data DIR`` (a folder ``bench/run.py`` built) times, on
the archive's own full-text index and interleaved, the first page of 100 by relevance
with the exact count, for a common word, a phrase, a prefix and a rare word:

- ``bm25()``: ``ORDER BY bm25(readout_fts, <the archive's column weights>)`` (what the
  archive runs);
- ``rank``: the same weights as FTS5's ``rank`` column (``rank MATCH 'bm25(…)'``);
- ``unranked``: the first 100 matches in index order (a floor, not the same page);
- ``kept top``: the exact top 500 of a frequent word read from a table where it was kept
  (what an impact-ordered list kept current on write would cost to read), with the count
  from the index; the cost of keeping it is measured too: one full ranking per frequent
  word, again after any write (a write changes the average length BM25 divides by);
- ``tantivy``: the same text in a Tantivy index (its Python bindings, if installed:
  ``pip install tantivy``) with the same column weights as field boosts, top 100 and the
  exact count; its build time and size are printed beside the FTS5 index's.

Every design's order is compared with the archive's full ranking (ties by id here).
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from readout_desk.archive.sqlite_search import FTS_COLUMNS  # noqa: E402

FTS = "readout_fts"
WEIGHTS = ", ".join(str(w) for _c, w in FTS_COLUMNS)
NAMES = [c for c, _w in FTS_COLUMNS]
PAGE = 100
KEEP = 500
#: (label, FTS5 MATCH, Tantivy query)
QUERIES = (
    ("common word", "minister", "minister"),
    ("phrase", '"rule of law"', '"rule of law"'),
    ("prefix", "energ*", "energ*"),
    ("rare word", "desalination", "desalination"),
)


def fts_page(conn: sqlite3.Connection, match: str, order: str) -> tuple[list[int], int]:
    if order == "rank":
        sql = (f"SELECT rowid FROM {FTS} WHERE {FTS} MATCH ? AND rank MATCH "
               f"'bm25({WEIGHTS})' ORDER BY rank, rowid DESC LIMIT {PAGE}")
    elif order == "bm25":
        sql = (f"SELECT rowid FROM {FTS} WHERE {FTS} MATCH ? "
               f"ORDER BY bm25({FTS}, {WEIGHTS}), rowid DESC LIMIT {PAGE}")
    else:
        sql = f"SELECT rowid FROM {FTS} WHERE {FTS} MATCH ? LIMIT {PAGE}"
    ids = [int(r[0]) for r in conn.execute(sql, (match,))]
    total = conn.execute(f"SELECT count(*) FROM {FTS} WHERE {FTS} MATCH ?", (match,))
    return ids, int(total.fetchone()[0])


def kept_top(conn: sqlite3.Connection, match: str) -> tuple[list[int], int]:
    ids = [int(r[0]) for r in conn.execute(
        f"SELECT rowid FROM kept_top WHERE word = ? ORDER BY pos LIMIT {PAGE}", (match,))]
    total = conn.execute(f"SELECT count(*) FROM {FTS} WHERE {FTS} MATCH ?", (match,))
    return ids, int(total.fetchone()[0])


def frequent_words(conn: sqlite3.Connection, share: float) -> tuple[int, int]:
    """How many words are in more than ``share`` of the readouts, and how many readouts."""
    conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, {FTS}, "
                 "row)")
    docs = int(conn.execute(f"SELECT count(*) FROM {FTS}").fetchone()[0])
    words = int(conn.execute("SELECT count(*) FROM temp.vocab WHERE doc > ?",
                             (docs * share,)).fetchone()[0])
    return words, docs


def tantivy_index(conn: sqlite3.Connection, folder: Path) -> tuple[Any, float, int] | None:
    try:
        import tantivy  # type: ignore[import-not-found]
    except ImportError:
        return None
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("id", stored=True, indexed=True, fast=True)
    for name in NAMES:
        builder.add_text_field(name, stored=False, tokenizer_name="default",
                               index_option="position")
    schema = builder.build()
    folder.mkdir(parents=True, exist_ok=True)
    index = tantivy.Index(schema, path=str(folder))
    started = time.perf_counter()
    writer = index.writer(heap_size=256_000_000, num_threads=2)
    for row in conn.execute(f"SELECT rowid, {', '.join(NAMES)} FROM {FTS}"):
        writer.add_document(tantivy.Document(id=int(row[0]), **{
            n: str(v or "") for n, v in zip(NAMES, row[1:], strict=True)}))
    writer.commit()
    writer.wait_merging_threads()
    seconds = time.perf_counter() - started
    index.reload()
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    return index, seconds, size


def tantivy_page(index: Any, text: str) -> tuple[list[int], int]:
    searcher = index.searcher()
    query = index.parse_query(text, NAMES, field_boosts=dict(FTS_COLUMNS))
    found = searcher.search(query, PAGE, count=True)
    return [int(searcher.doc(addr)["id"][0]) for _score, addr in found.hits], int(found.count)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args(argv)
    db = args.data / "archive.sqlite3"
    work = Path(tempfile.mkdtemp(prefix="common-words-"))
    try:
        copy = work / "archive.sqlite3"
        shutil.copy(db, copy)  # the kept tops go into a copy
        conn = sqlite3.connect(copy)
        words, docs = frequent_words(conn, 0.10)
        print(f"{docs:,} readouts; {words:,} words in more than 10% of them")
        conn.execute("CREATE TABLE kept_top (word TEXT, pos INTEGER, rowid INTEGER, "
                     "PRIMARY KEY (word, pos)) WITHOUT ROWID")
        keep_ms = []
        for _label, match, _t in QUERIES:
            started = time.perf_counter()
            rows = conn.execute(
                f"SELECT rowid FROM {FTS} WHERE {FTS} MATCH ? ORDER BY bm25({FTS}, "
                f"{WEIGHTS}), rowid DESC LIMIT {KEEP}", (match,)).fetchall()
            conn.executemany("INSERT INTO kept_top VALUES (?, ?, ?)",
                             [(match, i, int(r[0])) for i, r in enumerate(rows)])
            keep_ms.append((time.perf_counter() - started) * 1000)
        conn.commit()
        fts_bytes = int(conn.execute(
            "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'readout_fts%'").fetchone()[0])
        built = tantivy_index(conn, work / "tantivy")
        if built:
            print(f"tantivy index: {built[2] / 1e6:,.0f} MB in {built[1]:.0f} s; FTS5's "
                  f"readout_fts (with its copy of the text): {fts_bytes / 1e6:,.0f} MB")
        designs: list[tuple[str, Callable[[str, str], tuple[list[int], int]]]] = [
            ("bm25()", lambda m, _t: fts_page(conn, m, "bm25")),
            ("rank", lambda m, _t: fts_page(conn, m, "rank")),
            ("unranked", lambda m, _t: fts_page(conn, m, "none")),
            ("kept top", lambda m, _t: kept_top(conn, m)),
        ]
        if built:
            index = built[0]
            designs.append(("tantivy", lambda _m, t: tantivy_page(index, t)))
        print(f"{'query':<14}" + "".join(f"{name:>20}" for name, _f in designs)
              + "   (ms p50/max; = same page and count as bm25(), ≈ same count, ≠ not)")
        for label, match, text in QUERIES:
            reference = fts_page(conn, match, "bm25")
            usable = []
            for name, fn in designs:
                try:
                    fn(match, text)  # warm, and see that the design reads the query
                    usable.append((name, fn))
                except ValueError:
                    pass
            times: dict[str, list[float]] = {name: [] for name, _fn in usable}
            values: dict[str, tuple[list[int], int]] = {}
            for i in range(args.rounds):  # interleaved, each design first in turn
                for name, fn in usable[i % len(usable):] + usable[:i % len(usable)]:
                    started = time.perf_counter()
                    values[name] = fn(match, text)
                    times[name].append((time.perf_counter() - started) * 1000)
            cells = []
            for name, _fn in designs:
                if name not in values:
                    cells.append(f"{'cannot read it':>20}")
                    continue
                ids, total = values[name]
                same = "=" if ids == reference[0] and total == reference[1] else (
                    "≈" if total == reference[1] else "≠")
                cell = f"{statistics.median(times[name]):.1f}/{max(times[name]):.1f} {same}"
                cells.append(f"{cell:>20}")
            cells.append(f"  {reference[1]:,} hits")
            print(f"{label:<14}" + "".join(cells))
        print("keeping the top 500 of one word (a full ranking, again after any write): "
              + ", ".join(f"{q[0]} {t:.0f} ms" for q, t in zip(QUERIES, keep_ms, strict=True)))
        conn.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
