"""Ranking a word in most readouts: the kept ranking beside the full ranking, on one archive.

``python bench/common_words.py --archive FILE`` works on a *copy* of an archive that
``bench/run.py`` built (it is brought to the current format and written to: kept rankings
are made, readouts saved and imported). For a common word, a phrase, a prefix, a field
query and a rare word it times, interleaved (each design first in turn), the first page
of 100 by relevance with the exact count:

- ``bm25()``: the raw statement on the index (``ORDER BY bm25(readout_fts, <the archive's
  column weights>)``, then the count), every hit scored: the archive's ranking as it was;
- ``unranked``: the first 100 matches in index order and the count (a floor, not the same
  page);
- ``full``: ``Archive.search`` with the kept rankings turned off (every hit scored);
- ``kept, one pass``: the kept ranking, with the page's rows and snippets read as they
  were before a prefix's page read them from its own text (``MATCH`` and the page's ids in
  one pass over the matches: for a prefix, a merge of every word it covers);
- ``kept``: ``Archive.search`` as it is (the page from the query's kept ranking).

Each kept page is compared with the full one (ids in order, and the count: "=" the same,
"≠" not) and with the page read in one pass (the snippets too); beside each query, how long
reading the page's rows and snippets took (``hit_rows``) in the two kept designs. Unless
``--only-pages`` stops there (after ``--trash N``, which then times the prefixes' pages
with N readouts in the trash, their count as before beside it), it then prints what keeping
costs: the first search of a frequent query (it ranks in full and writes the list), how far
the average length may move before a list must be ranked again, a save and an import with
the part of each spent keeping the lists true, and the pages compared again after those
writes. ``--ranges`` instead times words in date ranges: the plain date filter, the date
words of the index, and the words' kept list narrowed to the range (for a narrower range,
the lists of the words in each of its years, ranked together). The lists of words in a
year are let go first, so that "first" (each range's first search, timed alone) makes the
lists it needs as a user's first search of a year does; with ``--cold`` the system's file
cache is emptied before it (Linux, as root), as after a restart.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import functools
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402
from readout_desk.archive import Archive, phrase_score  # noqa: E402
from readout_desk.archive import sqlite as sqlite_backend  # noqa: E402
from readout_desk.archive import sqlite_kept as kept  # noqa: E402
from readout_desk.archive.sqlite_search import _WEIGHTS, build_search  # noqa: E402
from readout_desk.domain.query import parse_query  # noqa: E402

FTS = "readout_fts"
PAGE = 100
#: (label, the query as typed)
QUERIES = (
    ("common word", "minister"),
    ("phrase", '"rule of law"'),
    ("prefix", "energ*"),
    ("wide prefix", "minist*"),
    ("field", "title:meeting"),
    ("two words", "minister cooperation"),
    ("three words", "minister cooperation support"),
    ("rare word", "desalination"),
)


def fts_page(conn: sqlite3.Connection, match: str, ranked: bool) -> Page:
    order = f" ORDER BY bm25({FTS}, {_WEIGHTS}), rowid DESC" if ranked else ""
    sql = f"SELECT rowid FROM {FTS} WHERE {FTS} MATCH ?{order} LIMIT {PAGE}"
    ids = [int(r[0]) for r in conn.execute(sql, (match,))]
    total = conn.execute(f"SELECT count(*) FROM {FTS} WHERE {FTS} MATCH ?", (match,))
    return ids, int(total.fetchone()[0]), []


@contextlib.contextmanager
def kept_off(*names: str) -> Iterator[None]:
    """The archive as it was: the named parts of the kept rankings do nothing."""
    saved = {n: getattr(kept, n) for n in names}
    for name in names:
        setattr(kept, name, lambda *_a, **_k: None)
    try:
        yield
    finally:
        for name, fn in saved.items():
            setattr(kept, name, fn)


#: Milliseconds spent reading pages' rows and snippets (``hit_rows``), by design.
ROWS_MS: dict[str, list[float]] = {}
_HIT_ROWS = sqlite_backend.SqliteBackend.hit_rows


@contextlib.contextmanager
def rows_timed(design: str, *, one_pass: bool = False) -> Iterator[None]:
    """Time the page's rows and snippets; ``one_pass``: read them as before a prefix's
    page read them from its own text."""

    def hit_rows(self: Any, conn: Any, rendered: Any, ids: Any, *, one_by_one: bool) -> Any:
        many = one_by_one and not (one_pass and rendered.has_prefix)
        started = time.perf_counter()
        try:
            return _HIT_ROWS(self, conn, rendered, ids, one_by_one=many)
        finally:
            ROWS_MS.setdefault(design, []).append((time.perf_counter() - started) * 1000)

    sqlite_backend.SqliteBackend.hit_rows = hit_rows  # type: ignore[method-assign]
    try:
        yield
    finally:
        sqlite_backend.SqliteBackend.hit_rows = _HIT_ROWS  # type: ignore[method-assign]


Page = tuple[list[int], int, list[str]]


def archive_page(archive: Archive, query: str, *, use_kept: bool,
                 one_pass: bool = False) -> Page:
    archive._rankings.clear()  # noqa: SLF001 - every page ranked afresh
    design = "full" if not use_kept else "kept, one pass" if one_pass else "kept"
    with rows_timed(design, one_pass=one_pass):
        if use_kept:
            page = archive.search(query, limit=PAGE)
        else:
            with kept_off("ranked", "count"):
                page = archive.search(query, limit=PAGE)
    return list(page.ids), page.total, [str(h.snippet) for h in page.hits]


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    value = fn()
    return (time.perf_counter() - started) * 1000, value


def p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def compare_pages(archive: Archive, conn: sqlite3.Connection, rounds: int) -> None:
    designs: list[tuple[str, Callable[[str, str], Page]]] = [
        ("bm25()", lambda m, _q: fts_page(conn, m, True)),
        ("unranked", lambda m, _q: fts_page(conn, m, False)),
        ("full", lambda _m, q: archive_page(archive, q, use_kept=False)),
        ("kept, one pass", lambda _m, q: archive_page(archive, q, use_kept=True, one_pass=True)),
        ("kept", lambda _m, q: archive_page(archive, q, use_kept=True)),
    ]
    print(f"{'query':<13}{'hits':>8}" + "".join(f"{n:>22}" for n, _f in designs)
          + "   (ms p50 / p95 / max; kept: = the full page and count, the snippets of the "
            "page read in one pass; rows: the page's rows and snippets, p50 / p95, one pass "
            "→ kept)")
    for label, query in QUERIES:
        match = build_search(parse_query(query), trash_present=False).params["match"]
        first_ms, _v = timed(functools.partial(archive_page, archive, query, use_kept=True))
        first_ms = timed(functools.partial(archive_page, archive, query, use_kept=True))[0]
        times: dict[str, list[float]] = {n: [] for n, _f in designs}
        values: dict[str, Page] = {}
        ROWS_MS.clear()
        for i in range(rounds):
            for name, fn in designs[i % len(designs):] + designs[:i % len(designs)]:
                ms, values[name] = timed(functools.partial(fn, match, query))
                times[name].append(ms)
        cells = []
        for name, _fn in designs:
            same = ""
            if name.startswith("kept"):
                same = " =" if (values[name][:2] == values["full"][:2]
                                and values[name][2] == values["kept, one pass"][2]) else " ≠"
            t = times[name]
            cells.append(f"{statistics.median(t):.1f} / {p(t, 0.95):.1f} / {max(t):.1f}{same}"
                         .rjust(22))
        rows = "   rows " + " → ".join(
            f"{statistics.median(ROWS_MS[d]):.1f} / {p(ROWS_MS[d], 0.95):.1f}"
            for d in ("kept, one pass", "kept") if ROWS_MS.get(d))
        print(f"{label:<13}{values['full'][1]:>8,}" + "".join(cells)
              + f"   first search {first_ms:.0f} ms{rows}")


def _count_as_before(count: Callable[..., int | None]) -> Callable[..., int | None]:
    """The kept count as it was: a prefix's counted over every hit when the trash holds
    anything (its trashed hits were not looked for in their own text)."""

    def counted(conn: Any, search: Any, cap: int | None) -> int | None:
        query = kept._kept_query(search)  # noqa: SLF001
        if query and query.live and query.match.endswith("*") and conn.exec_driver_sql(
                "SELECT EXISTS(SELECT 1 FROM readouts WHERE deleted_at IS NOT NULL)").scalar():
            return None
        return count(conn, search, cap)

    return counted


def trash_count(archive: Archive, rounds: int, trashed: int) -> None:
    """The prefixes' kept pages with ``trashed`` readouts in the trash (half of them hits of
    the first prefix): the count as before, every hit counted, against the trashed readouts
    found in their own text. Pages, counts and snippets compared ("=")."""
    if archive.search("in:trash", limit=1).total == 0:
        archive.delete_many(list(archive.search("energ*", limit=trashed // 2).ids)
                            + list(archive.search("desalination",
                                                  limit=trashed - trashed // 2).ids))
    count = kept.count
    print(f"prefixes with {archive.search('in:trash', limit=1).total} readouts in the trash "
          "(ms p50 / p95, the count as before → found in their own text):")
    for label, query in QUERIES:
        if not query.endswith("*"):
            continue
        archive_page(archive, query, use_kept=True)
        times: dict[str, list[float]] = {"before": [], "now": []}
        pages: dict[str, Page] = {}
        for i in range(rounds):
            for name in ("before", "now") if i % 2 else ("now", "before"):
                kept.count = _count_as_before(count) if name == "before" else count
                try:
                    ms, pages[name] = timed(functools.partial(archive_page, archive, query,
                                                              use_kept=True))
                finally:
                    kept.count = count
                times[name].append(ms)
        same = "=" if pages["before"] == pages["now"] else "≠"
        print(f"  {label:<13}{pages['now'][1]:>9,} hits  " + " → ".join(
            f"{statistics.median(t):.1f} / {p(t, 0.95):.1f}" for t in times.values())
              + f"  {same}")


def slack(archive: Archive) -> None:
    """How far the average length may move before each kept page needs a full ranking."""
    with archive._engine.connect() as conn:  # noqa: SLF001 - the bench reads the lists
        rows, tokens = kept.totals(conn)
        for entry in kept._entries(conn):  # noqa: SLF001
            lists = [(int(i), float(w), int(d), kept._numbers(ws))  # noqa: SLF001
                     for i, w, d, ws in conn.exec_driver_sql(
                         "SELECT readout_id, weight, length, weights FROM kept_ranking_rows "
                         "WHERE ranking_id = ?", (entry.id,)).fetchall()]
            if not lists or entry.floor <= 0:
                continue  # a count kept alone (a word beside runs), or a list of every hit
            # Each row's place now (for several words, under each word's idf now) against
            # the floor as it was ranked.
            idfs = tuple(phrase_score.idf(rows, h) for h in entry.phrase_hits)
            parts = sorted((phrase_score.reach(k[3], k[2], tokens / rows, idfs) if idfs
                            else phrase_score.part(k[1], k[2], tokens / rows) for k in lists),
                           reverse=True)
            edge = parts[min(len(parts), 500) - 1]  # the 500th row: a first page reads 500
            print(f"  {entry.match:<22} {entry.hits:>7,} hits, {len(lists):,} kept: the "
                  f"500th row beats the floor by {100 * (edge / entry.floor - 1):.1f} %")


def frequent_words(conn: sqlite3.Connection, how_many: int) -> list[str]:
    conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, {FTS}, "
                 "row)")
    rows = conn.execute("SELECT term FROM temp.vocab WHERE term GLOB '[a-z][a-z][a-z]*' "
                        "ORDER BY doc DESC LIMIT ?", (how_many,)).fetchall()
    return [str(r[0]) for r in rows]


@contextlib.contextmanager
def hook_time() -> Iterator[list[float]]:
    """Milliseconds spent keeping the kept rankings true, write by write."""
    spent: list[float] = [0.0]
    saved = kept.entered, kept.leaving

    def wrap(fn: Callable[..., None]) -> Callable[..., None]:
        def timed_hook(*args: Any) -> None:
            started = time.perf_counter()
            fn(*args)
            spent[0] += (time.perf_counter() - started) * 1000
        return timed_hook

    kept.entered, kept.leaving = wrap(saved[0]), wrap(saved[1])
    try:
        yield spent
    finally:
        kept.entered, kept.leaving = saved


def write_costs(archive: Archive, conn: sqlite3.Connection, rounds: int, extra: int,
                batch: int) -> None:
    """A save and an import, and the part of each spent keeping the lists true (the rest
    is the write as it was)."""
    words = [w for w in frequent_words(conn, extra + 10) if w not in ("minister", "meeting")]
    for word in words[:extra]:
        archive_page(archive, word, use_kept=True)  # each makes its kept ranking
    with archive._engine.connect() as c:  # noqa: SLF001
        entries = len(kept._entries(c))  # noqa: SLF001
    print(f"writes with {entries} kept queries (ms p50; the part spent on the kept lists):")
    target = archive.search("minister", limit=1).ids[0]
    original = archive.get(target)
    leads = [original.lead + " The ministers spoke again.", original.lead]
    saves: list[float] = []
    hooks: list[float] = []
    for i in range(2 * rounds):
        edited = dataclasses.replace(archive.get(target), lead=leads[i % 2])
        with hook_time() as spent:
            saves.append(timed(functools.partial(archive.update, edited))[0])
        hooks.append(spent[0])
    save, hook = statistics.median(saves), statistics.median(hooks)
    print(f"  save one readout: {save:.1f} ms, of which {hook:.1f} ms on the kept lists "
          f"({hook / max(entries, 1):.2f} ms a kept query; the save without them "
          f"{save - hook:.1f} ms)")
    for i in range(2):
        readouts = [corpus.readout(700_000 + i * batch + j) for j in range(batch)]
        with hook_time() as spent:
            ms = timed(functools.partial(archive.add_many, readouts))[0]
        print(f"  import {batch:,} readouts: {ms:.0f} ms, of which {spent[0]:.0f} ms on "
              f"the kept lists ({spent[0] / max(entries, 1):.1f} ms a kept query)")


#: (label, words, first day, last day or None): date ranges of the words above.
RANGES = (
    ("half a year", "minister", "2020-01-01", "2020-06-30"),
    ("three years", "minister", "2018-01-01", "2020-12-31"),
    ("since 2015", "minister", "2015-01-01", None),
    ("since 2015", "minister cooperation", "2015-01-01", None),
    ("since 2010", "minist*", "2010-01-01", None),
    ("half a year", "climate", "2020-01-01", "2020-06-30"),
    # Within one year, too narrow for the words' list: the list of the words in the year.
    ("a month", "minister", "2020-03-01", "2020-03-31"),
    ("a quarter", "minister", "2020-04-01", "2020-06-30"),
    ("a year", "minister", "2020-01-01", "2020-12-31"),
    ("half a year", "minister cooperation", "2020-01-01", "2020-06-30"),
    ("half a year", "minist*", "2020-01-01", "2020-06-30"),
    # Over two or three years: the lists of the words in each year, ranked together.
    ("across two years", "minister", "2019-10-01", "2020-03-31"),
    ("twelve months", "minister", "2019-07-01", "2020-06-30"),
    ("two years", "minister", "2019-01-01", "2020-12-31"),
    ("across three years", "minister", "2018-12-01", "2020-01-31"),
)


def filter_page(conn: sqlite3.Connection, match: str, first: str, last: str | None) -> Page:
    """The plain statement: the range as a condition on the readouts, every hit scored."""
    within = "r.meeting_date >= ?" + (" AND r.meeting_date <= ?" if last else "")
    source = (f"FROM {FTS} JOIN readouts r ON r.id = {FTS}.rowid WHERE {FTS} MATCH ? "
              f"AND {within}")
    params = (match, first, *([last] if last else []))
    ids = [int(r[0]) for r in conn.execute(
        f"SELECT r.id {source} ORDER BY bm25({FTS}, {_WEIGHTS}), r.meeting_date DESC, "
        f"r.id DESC LIMIT {PAGE}", params)]
    return ids, int(conn.execute(f"SELECT count(*) {source}", params).fetchone()[0]), []


def _let_year_lists_go(path: Path) -> int:
    """Delete the kept lists of words in a year (made by ranges' first searches); how many."""
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as db:
        ids = [int(r[0]) for r in db.execute(
            f"SELECT id FROM {kept.RANKINGS} WHERE match LIKE '% AND dated : %'")]
        db.executemany(f"DELETE FROM {kept.ROWS} WHERE ranking_id = ?", [(i,) for i in ids])
        db.executemany(f"DELETE FROM {kept.RANKINGS} WHERE id = ?", [(i,) for i in ids])
    return len(ids)


def _drop_file_cache() -> None:
    """Empty the system's file cache (Linux, as root): the archive read from disk again."""
    import subprocess  # noqa: PLC0415 - only for --cold
    subprocess.run(["sync"], check=True)
    Path("/proc/sys/vm/drop_caches").write_text("1\n")


def compare_ranges(archive: Archive, conn: sqlite3.Connection, rounds: int,
                   cold: bool = False) -> None:
    """Words in a date range, interleaved: the plain statement (the range tested at each
    match), ``Archive.search`` with the kept rankings off (the range asked of the index as
    date words, every hit in it scored) and as it is (the words' kept list narrowed to the
    range, where it holds the page; the list of the words in the range's year where the
    words' own list holds too few of it). Before the rounds, the first search as it is
    (which makes the list it needs, if none is kept yet) is timed alone ("first")."""
    designs: list[tuple[str, Callable[[str, str, str, str | None], Page]]] = [
        ("date filter", lambda m, _q, a, b: filter_page(conn, m, a, b)),
        ("date words", lambda _m, q, _a, _b: archive_page(archive, q, use_kept=False)),
        ("kept, narrowed", lambda _m, q, _a, _b: archive_page(archive, q, use_kept=True)),
    ]
    print(f"\n{'range':<34}{'hits':>9}{'first':>9}" + "".join(f"{n:>26}" for n, _f in designs)
          + "   (ms p50 / p95 / max; = the filter's page and count)")
    for label, words, first, last in RANGES:
        archive_page(archive, words, use_kept=True)  # the words alone keep their list
        query = f"from:{first}" + (f" to:{last}" if last else "") + f" {words}"
        match = build_search(parse_query(words), trash_present=False).params["match"]
        if cold:
            _drop_file_cache()
        first_ms = timed(functools.partial(archive_page, archive, query, use_kept=True))[0]
        times: dict[str, list[float]] = {n: [] for n, _f in designs}
        values: dict[str, Page] = {}
        for i in range(rounds):
            for name, fn in designs[i % len(designs):] + designs[:i % len(designs)]:
                ms, values[name] = timed(functools.partial(fn, match, query, first, last))
                times[name].append(ms)
        cells = []
        for name, _fn in designs:
            same = "" if name == "date filter" else (
                " =" if values[name][:2] == values["date filter"][:2] else " ≠")
            t = times[name]
            cells.append(f"{statistics.median(t):.1f} / {p(t, 0.95):.1f} / {max(t):.1f}{same}"
                         .rjust(26))
        print(f"{label + ': ' + words:<34}{values['date filter'][1]:>9,}{first_ms:>9.1f}"
              + "".join(cells))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--archive", type=Path, required=True,
                        help="a copy of an archive; it is written to")
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--extra", type=int, default=60,
                        help="frequent words to keep besides the queries, for the write costs")
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--trash", type=int, default=0,
                        help="after the table of pages, move this many readouts to the trash "
                             "and time the prefixes' pages with their count")
    parser.add_argument("--ranges", action="store_true",
                        help="time only words in date ranges (nothing is written to the "
                             "archive but the kept rankings)")
    parser.add_argument("--cold", action="store_true",
                        help="with --ranges: empty the system's file cache before each "
                             "range's first search (Linux, as root)")
    parser.add_argument("--only-pages", action="store_true",
                        help="stop after the table of pages (and --trash): nothing else is "
                             "written to the archive but the kept rankings")
    args = parser.parse_args(argv)
    archive = Archive.open(args.archive)
    conn = sqlite3.connect(f"file:{args.archive}?mode=ro", uri=True)
    try:
        print(f"{archive.count(include_trash=True):,} readouts; "
              f"kept from {kept.threshold(archive.count(include_trash=True)):,} hits, "
              f"{kept.KEEP:,} rows a query")
        if args.ranges:
            print(f"{_let_year_lists_go(args.archive)} lists of words in a year let go")
            compare_ranges(archive, conn, args.rounds, args.cold)
            return 0
        compare_pages(archive, conn, args.rounds)
        if args.trash:
            trash_count(archive, args.rounds, args.trash)
        if args.only_pages:
            return 0
        slack(archive)
        write_costs(archive, conn, args.rounds, args.extra, args.batch)
        print("after the writes:")
        compare_pages(archive, conn, 3)
    finally:
        conn.close()
        archive.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
