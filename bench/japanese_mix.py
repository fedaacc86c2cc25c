"""The Japanese query mix of ``bench/run.py --japanese-share``: the façade beside raw FTS5.

Each query is what a person reading Japanese readouts types (the search study's mix,
``cjk_search_study.JA_MIX``: one-, two-, three- and six-character words, katakana names,
a word mixed with an English one, full-width and half-width forms, dates and times, a
rare and an absent word). For each, the first page of 100 with its count is timed

- through ``Archive.search`` (the whole path: parsing, normalising, rendering, ranking,
  the page's rows, snippets cut in Python, the count), and
- as the leanest hand-written SQL on the same index design (plain ``sqlite3``): rank
  ids by BM25 on the table of two-character pieces (or on the word table, narrowed by
  the pieces, for a mixed query), read the page's rows with the text a snippet is cut
  from, count from the index alone;

and the façade's hit set is checked against an ``instr()`` scan of the index text
(untimed). The archive's growth on disk is the bytes of the table of pieces
(``dbstat``) against the rest of the file.
"""

from __future__ import annotations

import functools
import re
import sqlite3
import statistics
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cjk_search_study as study
from readout_desk.archive import Archive
from readout_desk.archive.sqlite_index import register_functions
from readout_desk.domain.records import SearchPage

PAGE = 100
COLUMNS = ("title", "section", "people", "place", "occasion", "topics", "kinds", "countries",
           "body", "publisher")
WEIGHTS = "10.0, 4.0, 6.0, 4.0, 3.0, 6.0, 2.0, 3.0, 1.0, 1.0"
ROW = ("r.id, r.meeting_date, r.title, r.section, r.place_city, r.place_country, r.mode, "
       "r.session_count, r.total_minutes, r.publisher, r.is_sample, r.filed_under")
_RUN = re.compile(study.RUN.pattern)


@dataclass(frozen=True)
class JaQuery:
    """One query: as typed, and as the hand-written statement matches it."""

    label: str
    text: str
    pieces: str | None  # MATCH on readout_cjk
    words: str | None  # MATCH on readout_fts
    runs: tuple[str, ...]  # what instr() looks for


def _hand_written(text: str) -> tuple[str | None, str | None, tuple[str, ...]]:
    normal = unicodedata.normalize("NFKC", text)
    runs = tuple(_RUN.findall(normal))
    words = " ".join(_RUN.sub(" ", normal).split())
    phrases = ['"' + p + '" *' if len(p) == 1 else
               '"' + " ".join(p[i:i + 2] for i in range(len(p) - 1)) + '"' for p in runs]
    return (" AND ".join(phrases) or None), (words or None), runs


def mix() -> tuple[JaQuery, ...]:
    return tuple(JaQuery(label, text, *_hand_written(text)) for label, text in study.JA_MIX)


def raw_page(conn: sqlite3.Connection, q: JaQuery, page: int = PAGE) -> tuple[list[int], int]:
    """The same first page and count in hand-written SQL on the same two tables."""
    if q.words:
        table, match = "readout_fts", q.words
        where = "readout_fts MATCH ?"
        params: list[str] = [q.words]
        if q.pieces:
            where += " AND +rowid IN (SELECT rowid FROM readout_cjk WHERE readout_cjk MATCH ?)"
            params.append(q.pieces)
    else:
        table, match = "readout_cjk", str(q.pieces)
        where, params = "readout_cjk MATCH ?", [match]
    ids = [int(r[0]) for r in conn.execute(
        f"SELECT rowid, bm25({table}, {WEIGHTS}) AS s FROM {table} WHERE {where} "
        f"ORDER BY s LIMIT {page}", params)]
    if ids:
        listed = ",".join(map(str, ids))
        if q.words:
            text = "snippet(readout_fts, -1, char(2), char(3), '…', 14)"
            conn.execute(f"SELECT {ROW}, {text} FROM readout_fts JOIN readouts r ON "
                         f"r.id = readout_fts.rowid WHERE readout_fts MATCH ? AND "
                         f"+readout_fts.rowid IN ({listed})", (q.words,)).fetchall()
        else:
            conn.execute(f"SELECT {ROW}, {', '.join('f.' + c for c in COLUMNS)} FROM "
                         f"readout_fts f JOIN readouts r ON r.id = f.rowid "
                         f"WHERE f.rowid IN ({listed})").fetchall()
    if len(ids) < page:
        return ids, len(ids)
    total = conn.execute(f"SELECT count(*) FROM {table} WHERE {where}", params).fetchone()[0]
    return ids, int(total)


def window_queries() -> list[tuple[str, str, Callable[[sqlite3.Connection],
                                                      tuple[list[int], int]]]]:
    """The mix as the window's path measures it (``bench/gui_path.py``): a window's page."""
    from readout_desk.ui.results_model import PAGE_SIZE

    return [(q.label, q.text, functools.partial(_raw_for, q, PAGE_SIZE)) for q in mix()]


def _raw_for(q: JaQuery, page: int, conn: sqlite3.Connection) -> tuple[list[int], int]:
    return raw_page(conn, q, page)


def reference(conn: sqlite3.Connection, q: JaQuery) -> set[int]:
    """Readouts whose index text holds every run (``instr``) and the English words."""
    text = " || char(10) || ".join(COLUMNS)
    where = [f"instr({text}, ?) > 0" for _r in q.runs]
    params: list[str] = list(q.runs)
    if q.words:
        where.append("readout_fts MATCH ?")
        params.append(q.words)
    return {int(r[0]) for r in conn.execute(
        f"SELECT rowid FROM readout_fts WHERE {' AND '.join(where)}", params)}


def references(conn: sqlite3.Connection, queries: Sequence[JaQuery]) -> dict[str, set[int]]:
    """:func:`reference` for every query, from one scan of the index text.

    The index text is made in Python for every readout it is read for (the table of words
    reads it through a view), so at a million readouts one scan takes minutes: one for the
    whole mix instead of one per query. ``in`` finds what ``instr() > 0`` finds; a readout
    whose text is NULL holds nothing, as there.
    """
    scanned = [q for q in queries if q.runs]
    found: dict[str, set[int]] = {q.text: set() for q in queries}
    if scanned:
        text = " || char(10) || ".join(COLUMNS)
        for rowid, body in conn.execute(f"SELECT rowid, {text} FROM readout_fts"):
            if body is None:
                continue
            for q in scanned:
                if all(piece in body for piece in q.runs):
                    found[q.text].add(int(rowid))
    for q in queries:
        if q.words:
            matched = {int(r[0]) for r in conn.execute(
                "SELECT rowid FROM readout_fts WHERE readout_fts MATCH ?", (q.words,))}
            found[q.text] = found[q.text] & matched if q.runs else matched
    return found


def growth(conn: sqlite3.Connection) -> dict[str, float]:
    """Bytes of the table of pieces against the rest of the archive file."""
    tables = {str(n): int(b) for n, b in conn.execute(
        "SELECT name, sum(pgsize) FROM dbstat GROUP BY name")}
    pieces = sum(b for n, b in tables.items() if n.startswith("readout_cjk"))
    total = sum(tables.values())
    return {"cjk_bytes": pieces, "file_bytes": total,
            "growth": total / max(total - pieces, 1)}


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def search(data: Path, rounds: int, log: Callable[[str], None]) -> dict[str, Any]:
    """Time the Japanese mix on ``data/archive.sqlite3``."""
    db = data / "archive.sqlite3"
    archive = Archive.open(db)
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    register_functions(conn)  # snippets read the index's text through it
    per_query: dict[str, dict[str, Any]] = {}
    try:
        expected_hits = references(conn, mix())  # untimed: one scan for the whole mix
        for q in mix():  # warm every path once
            archive.search(q.text, limit=PAGE)
            raw_page(conn, q)
        for q in mix():
            times: dict[str, list[float]] = {"facade": [], "raw": []}

            def facade_page(q: JaQuery = q) -> SearchPage:
                archive._rankings.clear()  # noqa: SLF001
                return archive.search(q.text, limit=PAGE)

            steps: list[tuple[str, Callable[[], Any]]] = [
                ("facade", facade_page), ("raw", functools.partial(raw_page, conn, q))]
            values: dict[str, Any] = {}
            for i in range(rounds):
                for name, fn in steps[i % 2:] + steps[:i % 2]:
                    started = time.perf_counter()
                    values[name] = fn()
                    times[name].append((time.perf_counter() - started) * 1000)
            page = values["facade"]
            expected = expected_hits[q.text]
            raw_ids, raw_total = values["raw"]
            per_query[q.text] = {
                "class": q.label, "facade_ms": statistics.median(times["facade"]),
                "raw_ms": statistics.median(times["raw"]), "facade_all": times["facade"],
                "raw_all": times["raw"], "hits": page.total,
                "same_hits": set(archive.search_ids(q.text)) == expected,
                "raw_same_count": raw_total == len(expected),
            }
            log(f"  {q.label:<15} {q.text:<12} façade {per_query[q.text]['facade_ms']:7.1f} ms"
                f"  raw {per_query[q.text]['raw_ms']:7.1f} ms  hits {page.total:,}"
                f"  {'ok' if per_query[q.text]['same_hits'] else 'WRONG'}")
        disk = growth(conn)
    finally:
        conn.close()
        archive.close()
    facade = [t for v in per_query.values() for t in v["facade_all"]]
    raw = [t for v in per_query.values() for t in v["raw_all"]]
    return {"rounds": rounds, "queries": per_query, "disk": disk,
            "summary": {"facade_p50": _pct(facade, 0.5), "facade_p95": _pct(facade, 0.95),
                        "raw_p50": _pct(raw, 0.5), "raw_p95": _pct(raw, 0.95)}}


def report(result: dict[str, Any], share: float) -> list[str]:
    """The Japanese mix beside its raw baseline, as lines of the printed report."""
    lines = ["", f"Japanese mix ({share:.0%} of the readouts Japanese; first page of {PAGE} + "
             f"total; warm; {result['rounds']} rounds)",
             f"  {'class':<15}{'query':<14}{'façade p50':>11}{'p95':>9}{'raw p50':>10}"
             f"{'p95':>9}{'façade/raw':>12}{'hits':>9}  same as instr()"]
    for text, q in result["queries"].items():
        f95, r95 = _pct(q["facade_all"], 0.95), _pct(q["raw_all"], 0.95)
        lines.append(f"  {q['class']:<15}{text:<14}{q['facade_ms']:>9.1f}ms{f95:>7.1f}ms"
                     f"{q['raw_ms']:>8.1f}ms{r95:>7.1f}ms"
                     f"{q['facade_ms'] / max(q['raw_ms'], 1e-3):>11.2f}x{q['hits']:>9,}  "
                     f"{'yes' if q['same_hits'] else 'NO'}")
    s, d = result["summary"], result["disk"]
    lines.append(f"  {'mix':<29}{s['facade_p50']:>9.1f}ms{s['facade_p95']:>7.1f}ms"
                 f"{s['raw_p50']:>8.1f}ms{s['raw_p95']:>7.1f}ms"
                 f"{s['facade_p95'] / max(s['raw_p95'], 1e-3):>11.2f}x (p95)")
    lines.append(f"  table of pieces: {d['cjk_bytes'] / 1e6:,.1f} MB of "
                 f"{d['file_bytes'] / 1e6:,.1f} MB; the archive is {d['growth']:.2f}x what "
                 "it would be without it")
    return lines
