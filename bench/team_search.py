"""Search and import on a team archive (PostgreSQL), each beside its raw baseline.

``python bench/team_search.py --db postgresql://… --size 10000`` (also reached as
``bench/run.py --db …``) fills the database, which must be empty or hold exactly this
corpus, with the benchmark corpus (``bench/corpus.py``) through ``Archive.add_many``, and
measures, interleaved round by round:

- search latency (p50/p95) of ``Archive.search`` (first page of 100 plus the total) against
  the raw PostgreSQL query, written as bench/run.py writes the raw FTS5 one: the same
  ``tsquery`` the archive renders, ranked by ``ts_rank`` on a plain table of the same
  ``tsvector`` documents under a GIN index, the page's rows with ``ts_headline`` snippets,
  and the count from the plain table when the page is full, with plain ``psycopg``;
- import: ``Archive.add_many`` in batches of 1,000 against a plain ``COPY`` of the same
  readouts' documents into that plain table (and building its GIN index): the floor of
  any full-text import. The documents are computed before the ``COPY`` is timed, and the
  readouts of each batch before its ``add_many`` is (which computes their documents).
  With ``--from-file`` the corpus is written to a JSON file first (untimed) and imported
  as the window and ``readout-desk-cli import`` import a file (``import_files``: from
  32 MB, reader processes prepare the rows while the import writes them); the readers'
  processor time is counted in the program's.
  Besides the clock, each side's processor time: this program's and, when the server
  runs on this machine, its connections' to the database (from ``/proc``), which a
  loaded machine moves far less than the clock.

It prints a table and writes ``bench/out/team-results-N.json``. The database is left
holding the corpus (run again to measure search without importing).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402
from readout_desk.archive import Archive  # noqa: E402
from readout_desk.archive.mapping import index_fields  # noqa: E402
from readout_desk.archive.postgres import driver_url  # noqa: E402
from readout_desk.archive.postgres_search import build_search, document  # noqa: E402
from readout_desk.archive.sqlite_search import FTS_NAMES  # noqa: E402
from readout_desk.archive.transfer.importing import import_files  # noqa: E402
from readout_desk.domain import jsonformat  # noqa: E402
from readout_desk.domain.query import parse_query  # noqa: E402

OUT = HERE / "out"
PAGE = 100
BATCH = 1_000

#: The query mix of bench/run.py, as a user types it.
QUERIES: tuple[tuple[str, str], ...] = (
    ("common word", "minister"),
    ("rare word", corpus.RARE_WORD),
    ("phrase", '"rule of law"'),
    ("prefix", "energ*"),
    ("field filter + word", "country:peru trade"),
    ("date range + word", "from:2020-01-01 to:2020-06-30 climate"),
    ("no hits", corpus.ABSENT_WORD),
)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    low = int(k)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def plain_connection(url: str) -> Any:
    import psycopg

    return psycopg.connect(driver_url(url).replace("postgresql+psycopg://", "postgresql://",
                                                   1), autocommit=True)


def server_seconds(url: str) -> float | None:
    """Processor seconds used so far by the server's connections to this database, when
    the server runs on this machine (``None`` when its processes cannot be read)."""
    with plain_connection(url) as conn:
        pids = [int(r[0]) for r in conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid()")]
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return total


def _program_seconds() -> float:
    """This program's processor time, its finished child processes' (readers) included."""
    used = os.times()
    return used.user + used.system + used.children_user + used.children_system


class ProcessorTime:
    """This program's processor time and the server's connections', from start to stop."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.program = 0.0
        self.server: float | None = 0.0

    def __enter__(self) -> ProcessorTime:
        self._program, self._server = _program_seconds(), server_seconds(self.url)
        return self

    def __exit__(self, *_exc: object) -> None:
        self.program += _program_seconds() - self._program
        after = server_seconds(self.url)
        if self.server is None or self._server is None or after is None:
            self.server = None
        else:
            self.server += after - self._server


def fill(archive: Archive, size: int, log: Callable[[str], None],
         used: ProcessorTime | None = None) -> float | None:
    """Import the corpus through the façade; seconds taken (``None`` when already there),
    the processor time added to ``used``."""
    held = archive.count(include_trash=True)
    if held == size:
        return None
    if held:
        raise SystemExit(f"the database holds {held} readouts, not {size}: give an empty one")
    taken = 0.0
    for start in range(0, size, BATCH):
        # Made untimed, as the plain COPY's rows are: the corpus is not the import.
        batch = [jsonformat.readout_from_dict(d)
                 for d in corpus.iter_readouts(min(size, start + BATCH), start=start)]
        with used or contextlib.nullcontext():  # the clock inside: its statements untimed
            started = time.perf_counter()
            archive.add_many(batch, validate=False)
            taken += time.perf_counter() - started
        log(f"imported {min(size, start + BATCH)} of {size}")
    return taken


def fill_from_file(archive: Archive, size: int, log: Callable[[str], None],
                   used: ProcessorTime | None = None) -> float | None:
    """Import the corpus from one JSON file as the window does; seconds taken (``None``
    when already there), the processor time added to ``used``."""
    held = archive.count(include_trash=True)
    if held == size:
        return None
    if held:
        raise SystemExit(f"the database holds {held} readouts, not {size}: give an empty one")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"corpus-{size}.json"
        with path.open("w", encoding="utf-8") as out:
            corpus.write_document(out, size)
        log(f"importing {path.stat().st_size / 1e6:.0f} MB")
        with used or contextlib.nullcontext():
            started = time.perf_counter()
            summary = import_files(archive, [path])
            taken = time.perf_counter() - started
    if len(summary.imported_ids) != size:
        raise SystemExit("the import did not take every readout: " + " ".join(summary.lines()))
    return taken


def plain_copy(url: str, size: int, used: ProcessorTime | None = None) -> float:
    """COPY the same documents into a plain table with a GIN index; seconds taken, the
    processor time added to ``used``."""
    rows = []
    for index, data in enumerate(corpus.iter_readouts(size)):
        r = jsonformat.readout_from_dict(data)
        day = r.meeting_date.isoformat() if r.meeting_date else None
        rows.append((index + 1, day, document(index_fields(r))))
    with plain_connection(url) as conn:
        conn.execute("DROP TABLE IF EXISTS bench_plain")
        conn.execute("CREATE TABLE bench_plain (id integer, meeting_date date, doc tsvector)")
        with used or contextlib.nullcontext():
            started = time.perf_counter()
            with conn.cursor() as cur, cur.copy(
                    "COPY bench_plain (id, meeting_date, doc) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            conn.execute("CREATE INDEX bench_plain_doc ON bench_plain USING gin (doc)")
            conn.execute("ANALYZE bench_plain")
            taken = time.perf_counter() - started
        return taken


def raw_sql(text: str) -> tuple[str, str, str, dict[str, Any]]:
    """The leanest hand-written SQL for the same first page and total, as bench/run.py's
    raw FTS5 query: the same ``tsquery`` ranked by ``ts_rank`` on the plain table, the
    page's rows (what a results row shows) with their ``ts_headline`` snippets, and the
    count from the plain table when the page is full."""
    parsed = parse_query(text)
    match = build_search(parsed, trash_present=False).params.get("match", "")
    where = "doc @@ CAST(%(q)s AS tsquery)"
    params: dict[str, Any] = {"q": match}
    if parsed.date_from and parsed.date_to:
        where += " AND meeting_date BETWEEN %(a)s AND %(b)s"
        params.update(a=parsed.date_from, b=parsed.date_to)
    top = (f"SELECT id FROM bench_plain WHERE {where} "
           f"ORDER BY ts_rank(doc, CAST(%(q)s AS tsquery)) DESC, id DESC LIMIT {PAGE}")
    text_columns = ", ".join(f"f.{n}" for n in FTS_NAMES)
    rows = ("SELECT r.id, r.meeting_date, r.title, r.section, r.place_city, "
            "r.place_country, r.mode, r.session_count, r.total_minutes, r.publisher, "
            f"r.is_sample, ts_headline('simple', concat_ws(' ', {text_columns}), "
            "CAST(%(q)s AS tsquery), 'MaxWords=14, MinWords=5, MaxFragments=1') "
            "FROM readouts r JOIN readout_fts_text f ON f.readout_id = r.id "
            "WHERE r.id = ANY(%(ids)s)")
    return top, rows, f"SELECT count(*) FROM bench_plain WHERE {where}", params


def search(archive: Archive, url: str, rounds: int) -> dict[str, Any]:
    results: dict[str, Any] = {}
    with plain_connection(url) as conn:
        def raw(text: str) -> int:
            top, rows, count, params = raw_sql(text)
            ids = [int(r[0]) for r in conn.execute(top, params).fetchall()]
            if ids:
                conn.execute(rows, dict(params, ids=ids)).fetchall()
            if len(ids) < PAGE:
                return len(ids)
            found = conn.execute(count, params).fetchone()
            return int(found[0]) if found else 0

        def facade(text: str) -> None:
            archive._rankings.clear()  # noqa: SLF001 - every timed search is a new one
            archive.search(text, limit=PAGE)

        for _label, text in QUERIES:  # warm both paths
            facade(text)
            raw(text)
        for label, text in QUERIES:
            times: dict[str, list[float]] = {"facade": [], "raw": []}
            for _ in range(rounds):
                for name, run in (("facade", facade), ("raw", raw)):
                    started = time.perf_counter()
                    run(text)
                    times[name].append((time.perf_counter() - started) * 1000)
            results[label] = {
                "query": text, "hits": archive.search(text, limit=1).total,
                "raw_hits": raw(text),
                **{f"{n}_p50": statistics.median(v) for n, v in times.items()},
                **{f"{n}_p95": percentile(v, 0.95) for n, v in times.items()}}
            results[label]["ratio_p95"] = results[label]["facade_p95"] / max(
                results[label]["raw_p95"], 1e-9)
    return results


def report(result: dict[str, Any]) -> str:
    lines = [f"Team archive, {result['size']} readouts (PostgreSQL "
             f"{result['server']}); search = first page of {PAGE} and the total, ms",
             f"{'query':<22}{'hits':>7}{'façade p50':>12}{'p95':>8}{'raw p50':>10}"
             f"{'p95':>8}{'p95 ratio':>11}"]
    for label, r in result["search"].items():
        hits = r["hits"] if r["hits"] == r["raw_hits"] else f"{r['hits']}≠{r['raw_hits']}"
        lines.append(f"{label:<22}{hits:>7}{r['facade_p50']:>12.1f}{r['facade_p95']:>8.1f}"
                     f"{r['raw_p50']:>10.1f}{r['raw_p95']:>8.1f}{r['ratio_p95']:>10.2f}x")
    imp = result["import"]
    if imp.get("facade_s") is not None:
        through = "a file's import" if imp.get("through") == "import_files" else "façade"
        lines.append(f"import ({through}): {imp['facade_per_s']:.0f} readouts/s, plain COPY "
                     f"{imp['copy_per_s']:.0f}/s: {imp['speed_ratio']:.2f}x of COPY's speed")
        used = imp.get("processor_s", {})
        if used.get("facade_server") is not None and used.get("copy_server") is not None:
            facade = used["facade_program"] + used["facade_server"]
            copy = used["copy_program"] + used["copy_server"]
            lines.append(f"processor time: façade {facade:.1f} s (program "
                         f"{used['facade_program']:.1f}, server {used['facade_server']:.1f}), "
                         f"plain COPY {copy:.1f} s (program {used['copy_program']:.1f}, "
                         f"server {used['copy_server']:.1f}): {copy / facade:.2f}x")
    else:
        lines.append(f"import: not measured (already imported); plain COPY "
                     f"{imp['copy_per_s']:.0f} readouts/s")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="postgresql:// URL of a scratch database")
    parser.add_argument("--size", type=corpus.parse_size, default=10_000)
    parser.add_argument("--rounds", type=int, default=20, help="search rounds per query")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--from-file", action="store_true",
                        help="import the corpus from a JSON file as the window does "
                             "(readers included), not through add_many")
    args, _rest = parser.parse_known_args(argv)

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    with Archive.open(args.db) as archive:
        facade_used, copy_used = ProcessorTime(args.db), ProcessorTime(args.db)
        facade_s = (fill_from_file if args.from_file else fill)(archive, args.size, log,
                                                                 facade_used)
        copy_s = plain_copy(args.db, args.size, copy_used)
        with plain_connection(args.db) as conn:
            server = str(conn.execute("SHOW server_version").fetchone()[0])
        result: dict[str, Any] = {"size": args.size, "server": server, "import": {
            "through": "import_files" if args.from_file else "add_many",
            "facade_s": facade_s, "copy_s": copy_s, "copy_per_s": args.size / copy_s,
            "facade_per_s": args.size / facade_s if facade_s else None,
            "speed_ratio": copy_s / facade_s if facade_s else None,
            "processor_s": {"facade_program": facade_used.program,
                            "facade_server": facade_used.server,
                            "copy_program": copy_used.program,
                            "copy_server": copy_used.server}},
            "search": search(archive, args.db, args.rounds)}
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / f"team-results-{args.size}.json").write_text(json.dumps(result, indent=2))
    print(report(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
