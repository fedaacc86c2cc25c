"""Benchmark the archive against the physical limit and against the alternatives.

``python bench/run.py --size 10000`` builds an N-readout corpus (``bench/corpus.py``) and
measures, each next to its baseline from the same run:

- search latency (p50/p95 over a fixed query mix) through ``Archive.search`` (first page
  of 100 plus the total), against (a) hand-written FTS5 SQL for the same page and count
  on the same file with plain ``sqlite3`` (the limit) and (b) ripgrep over the corpus
  written as one text file per readout (what a folder of files gives you);
- import throughput through ``Archive.add_many`` against the raw FTS5 load of the same text
  (each readout's strings as one text, into one ``fts5(body)`` table with plain
  ``sqlite3``: the floor of any full-text import) and against a plain ``sqlite3`` script
  that inserts the same rows and index entries into the same schema
  (``bench/import_speed.py`` times the whole import of a JSON file the same way);
- start-up of the real main window until it shows its first page, and its peak memory,
  against a bare PySide6 process showing an empty QMainWindow;
- the longest UI-thread stall while typing a query into the real main window;
- size on disk per readout.

It prints a table and writes ``bench/out/results-N.json``; the data it builds goes to
``bench/out/data-N/`` (kept for ``--reuse``, which skips the imports).
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
import zoneinfo
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402
import corpus_ja  # noqa: E402
import gui_path  # noqa: E402
import japanese_mix  # noqa: E402
import responsive  # noqa: E402
from import_speed import texts  # noqa: E402
from readout_desk.archive import Archive  # noqa: E402
from readout_desk.archive import sqlite as sqlite_sql  # noqa: E402
from readout_desk.archive.sqlite_index import (  # noqa: E402
    FIELDS_TABLE,
    KEPT,
    register_functions,
)
from readout_desk.archive.sqlite_search import CJK_TABLE, FTS_NAMES, cjk_values  # noqa: E402
from readout_desk.domain import geography, jsonformat, render  # noqa: E402
from readout_desk.domain.scripts import index_text  # noqa: E402

OUT = HERE / "out"
BATCH = 1_000
PAGE = 100
WEIGHTS = ", ".join(str(w) for _c, w in sqlite_sql.FTS_COLUMNS)
FTS = sqlite_sql.FTS_TABLE


@dataclass(frozen=True)
class BenchQuery:
    """One query of the mix, as a user types it and as the baselines express it."""

    label: str
    text: str  # what goes into the search field
    match: str  # the FTS5 MATCH expression written by hand
    where: str  # extra SQL condition on the index's rowid ("" for none)
    rg: str  # shell command for ripgrep; {dir} is the folder of text files


QUERY_MIX: tuple[BenchQuery, ...] = (
    BenchQuery("common word", "minister", "minister", "",
               "rg -l -i -w minister {dir}"),
    BenchQuery("rare word", corpus.RARE_WORD, corpus.RARE_WORD, "",
               f"rg -l -i -w {corpus.RARE_WORD} {{dir}}"),
    BenchQuery("phrase", '"rule of law"', '"rule of law"', "",
               "rg -l -i -F 'rule of law' {dir}"),
    BenchQuery("prefix", "energ*", "energ*", "",
               r"rg -l -i '\benerg' {dir}"),
    BenchQuery("field filter + word", "country:peru trade", "countries : peru AND trade", "",
               r"rg -l -i -w peru {dir} | xargs -r -d '\n' rg -l -i -w trade"),
    BenchQuery("date range + word", "from:2020-01-01 to:2020-06-30 climate", "climate",
               f"+{FTS}.rowid IN (SELECT id FROM readouts "
               "WHERE meeting_date BETWEEN '2020-01-01' AND '2020-06-30')",
               "rg -l -i -w climate {dir}/2020 -g '2020-0[1-6]-*'"),
    BenchQuery("date range + common word", "from:2020-01-01 to:2020-06-30 minister",
               "minister", f"+{FTS}.rowid IN (SELECT id FROM readouts "
               "WHERE meeting_date BETWEEN '2020-01-01' AND '2020-06-30')",
               "rg -l -i -w minister {dir}/2020 -g '2020-0[1-6]-*'"),
    BenchQuery("date range + prefix", "from:2020-01-01 to:2020-06-30 minist*", "minist*",
               f"+{FTS}.rowid IN (SELECT id FROM readouts "
               "WHERE meeting_date BETWEEN '2020-01-01' AND '2020-06-30')",
               r"rg -l -i '\bminist' {dir}/2020 -g '2020-0[1-6]-*'"),
    BenchQuery("two common words", "minister cooperation", "minister AND cooperation", "",
               r"rg -l -i -w minister {dir} | xargs -r -d '\n' rg -l -i -w cooperation"),
    BenchQuery("no hits", corpus.ABSENT_WORD, corpus.ABSENT_WORD, "",
               f"rg -l -i -w {corpus.ABSENT_WORD} {{dir}}"),
)


# ----- helpers ---------------------------------------------------------------------------


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q`` quantile (0..1) by linear interpolation."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    pos = (len(ordered) - 1) * q
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def ratio(a: float | None, b: float | None) -> float | None:
    if a is None or b is None or b == 0:
        return None
    return a / b


def file_size(path: Path) -> int:
    total = 0
    for suffix in ("", "-wal", "-shm"):
        p = Path(str(path) + suffix)
        if p.exists():
            total += p.stat().st_size
    return total


def machine() -> dict[str, Any]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        first = Path("/proc/meminfo").read_text().splitlines()[0]
        mem = f"{int(first.split()[1]) / 1024 / 1024:.1f} GB"
    except (OSError, ValueError, IndexError):
        pass
    rg = shutil.which("rg")
    rg_version = ""
    if rg:
        rg_version = subprocess.run([rg, "--version"], capture_output=True, text=True,
                                    check=False).stdout.splitlines()[0]
    from PySide6 import __version__ as pyside_version

    return {"cpu": cpu, "cores": os.cpu_count(), "memory": mem,
            "os": f"{platform.system()} {platform.release()}",
            "python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
            "pyside6": pyside_version, "ripgrep": rg_version}


# ----- the plain sqlite3 baseline for import ---------------------------------------------


_DT = "%Y-%m-%d %H:%M:%S.%f"


def _wall(text: str | None) -> str | None:
    return f"{text}:00.000000".replace("T", " ") if text else None


@functools.lru_cache(maxsize=4096)
def _zone(name: str) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(name)


@functools.lru_cache(maxsize=1024)
def _country_words(code: str) -> str:
    return "\n".join(geography.country_search_names(code))


@functools.lru_cache(maxsize=1024)
def _country_name(code: str) -> str:
    return geography.country_name(code)


class PlainImporter:
    """What a careful person writes with nothing but ``sqlite3``: same rows, same index."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.next_id = 1 + (self.conn.execute("SELECT max(id) FROM readouts").fetchone()[0] or 0)
        # A resumed build continues with the people and topics already in the file.
        self.people: dict[str, int] = {
            str(k): int(i) for k, i in self.conn.execute("SELECT name_key, id FROM people")}
        self.topics: dict[str, int] = {
            str(k): int(i) for k, i in self.conn.execute("SELECT name_key, id FROM topics")}

    def close(self) -> None:
        self.conn.close()

    def add(self, items: Sequence[dict[str, Any]]) -> None:
        now = dt.datetime.now(dt.timezone.utc).strftime(_DT)
        readouts, countries, parts, sessions, points, links, photos = ([] for _ in range(7))
        fts: list[tuple[Any, ...]] = []
        new_people: list[tuple[Any, ...]] = []
        new_topics: list[tuple[Any, ...]] = []
        for d in items:
            rid = self.next_id
            self.next_id += 1
            place = d["place"] or {}
            total = 0
            first_utc = None
            kinds = []
            for pos, s in enumerate(d["sessions"]):
                start_utc = None
                if s["start"] and s["zone"]:
                    wall = dt.datetime.fromisoformat(s["start"]).replace(tzinfo=_zone(s["zone"]))
                    start_utc = wall.astimezone(dt.timezone.utc).strftime(_DT)
                    first_utc = min(first_utc or start_utc, start_utc)
                total += s["duration_minutes"] or 0
                printed = s["printed_other"] or {}
                mismatch = False
                if printed and s["start"] and s["zone"]:
                    there = wall.astimezone(_zone(printed["zone"])).replace(tzinfo=None)
                    mismatch = there != dt.datetime.fromisoformat(printed["local"])
                sessions.append((rid, pos, s["kind"], _wall(s["start"]), s["zone"], s["fold"],
                                 s["time_hedge"], s["zone_label"], s["duration_minutes"],
                                 s["duration_hedge"], _wall(s["end"]), printed.get("text"),
                                 printed.get("zone"), _wall(printed.get("local")), start_utc,
                                 mismatch))
                kinds.append(s["kind"])
            relation = list(dict.fromkeys(c.upper() for c in d["relation"]))
            filed_under = d["section"] or geography.relation_label(relation)
            codes = list(relation)
            readouts.append((
                rid, d["title"], d["section"], d["publisher"], d["source_url"], d["language"],
                d["published_date"], d["retrieved_date"], d["meeting_date"], d["mode"],
                place.get("city", ""), place.get("country"), place.get("venue", ""),
                place.get("zone"), d["occasion"], d["lead"], d["notes"], d["is_sample"], now,
                now, 1, None, filed_under,
                len(d["sessions"]), total or None, first_utc))
            for pos, code in enumerate(codes):
                countries.append((rid, pos, code))
            people_text = []
            for pos, p in enumerate(d["participants"]):
                key = "|".join(geography.match_key(p[k]) for k in ("family_name", "given_name"))
                pid = self.people.get(key)
                if pid is None:
                    pid = len(self.people) + 1
                    self.people[key] = pid
                    new_people.append((pid, p["family_name"], p["given_name"], p["name_order"],
                                       key))
                parts.append((rid, pid, pos, p["family_name"], p["given_name"], p["name_order"],
                              p["honorific"], p["office"], p["country"], p["organisation"],
                              p["side"], p.get("printed_name", "")))
                names = [p["given_name"], p["family_name"]]
                if p["name_order"] == "family-first":
                    names.reverse()
                shown = " ".join(x for x in [p["honorific"], *names] if x)
                people_text += [shown, p["family_name"], p["office"], p["organisation"],
                                p.get("printed_name", "")]
                if p["country"]:
                    codes.append(p["country"])
            for pos, pt in enumerate(d["points"]):
                points.append((rid, pos, pt["text"], pt["speaker"], pt["label"], pt["level"]))
            for pos, name in enumerate(dict.fromkeys(d["topics"])):
                key = geography.match_key(name)
                tid = self.topics.get(key)
                if tid is None:
                    tid = len(self.topics) + 1
                    self.topics[key] = tid
                    new_topics.append((tid, name, key))
                links.append((rid, tid, pos))
            for pos, ph in enumerate(d["photos"]):
                photos.append((rid, pos, ph["caption"], ph["file"]))
            if place.get("country"):
                codes.append(place["country"])
            place_text = [place.get("city", ""), place.get("venue", ""),
                          _country_name(place["country"]) if place.get("country") else ""]
            body = [d["lead"], *(pt["text"] for pt in d["points"]),
                    *(ph["caption"] for ph in d["photos"]), d["notes"]]
            # The index holds normalised text, and Japanese runs in the table of pieces too.
            fts.append((rid, *(index_text(v) for v in (
                d["title"], filed_under, "\n".join(x for x in people_text if x),
                "\n".join(x for x in place_text if x), d["occasion"],
                "\n".join(d["topics"]), "\n".join(kinds),
                "\n".join(_country_words(c) for c in dict.fromkeys(codes)),
                "\n".join(x for x in body if x), d["publisher"]))))
        c = self.conn
        c.execute("BEGIN")
        c.executemany("INSERT INTO people VALUES (?,?,?,?,?)", new_people)
        c.executemany("INSERT INTO topics VALUES (?,?,?)", new_topics)
        c.executemany(
            "INSERT INTO readouts (id, title, section, publisher, source_url, language, "
            "published_date, retrieved_date, meeting_date, mode, place_city, place_country, "
            "place_venue, place_zone, occasion, lead, notes, is_sample, created_at, updated_at, "
            "version, deleted_at, filed_under, session_count, total_minutes, first_start_utc) "
            "VALUES (" + ",".join("?" * 26) + ")", readouts)
        c.executemany("INSERT INTO readout_countries VALUES (?,?,?)", countries)
        c.executemany(
            "INSERT INTO participants (readout_id, person_id, position, family_name, "
            "given_name, name_order, honorific, office, country, organisation, side, "
            "printed_name) VALUES (" + ",".join("?" * 12) + ")", parts)
        c.executemany(
            "INSERT INTO meeting_sessions (readout_id, position, kind, start_local, zone, fold, "
            "time_hedge, zone_label, duration_minutes, duration_hedge, end_local, printed_text, "
            "printed_zone, printed_local, start_utc, printed_mismatch) "
            "VALUES (" + ",".join("?" * 16) + ")", sessions)
        c.executemany("INSERT INTO summary_points (readout_id, position, text, speaker, label, "
                      "level) VALUES (?,?,?,?,?,?)", points)
        c.executemany("INSERT INTO readout_topics VALUES (?,?,?)", links)
        c.executemany("INSERT INTO photos (readout_id, position, caption, file) "
                      "VALUES (?,?,?,?)", photos)
        columns = ", ".join(col for col, _w in sqlite_sql.FTS_COLUMNS)
        c.executemany(f"INSERT INTO {FTS}(rowid, {columns}) VALUES (" + ",".join("?" * 11) + ")",
                      fts)
        kept = [1 + FTS_NAMES.index(name) for name in KEPT]  # the index reads the rest
        c.executemany(f"INSERT INTO {FIELDS_TABLE}(readout_id, {', '.join(KEPT)}) VALUES ("
                      + ",".join("?" * (1 + len(KEPT))) + ")",
                      [(row[0], *(row[i] for i in kept)) for row in fts])
        c.executemany(f"INSERT INTO {CJK_TABLE}(rowid, {columns}) VALUES ("
                      + ",".join("?" * 11) + ")",
                      [(row[0], *pieces) for row in fts if (pieces := cjk_values(row[1:]))])
        c.execute("COMMIT")


class RawFtsLoad:
    """The import's honest floor: the same text loaded into one FTS5 table, nothing else."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self.conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS texts USING fts5(body)")

    def add(self, items: Sequence[dict[str, Any]]) -> None:
        self.conn.execute("BEGIN")
        self.conn.executemany("INSERT INTO texts(body) VALUES (?)",
                              [("\n".join(texts(d)),) for d in items])
        self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()


def table_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = ("readouts", "people", "participants", "meeting_sessions", "summary_points",
                 "topics", "readout_topics", "readout_countries", "photos")
        return {n: conn.execute(f"SELECT count(*) FROM {n}").fetchone()[0] for n in names}
    finally:
        conn.close()


# ----- building the data -----------------------------------------------------------------


def build(size: int, data: Path, log: Callable[[str], None], drop_plain: bool = False,
          resume: bool = False, japanese_share: float = 0.0,
          no_sections: bool = False, in_date_order: bool = False) -> dict[str, Any]:
    """Import the corpus both ways (timed) and write the text files (untimed).

    ``in_date_order`` numbers the readouts by their meeting dates, as an archive kept as
    its meetings happen numbers them (the corpus's own order is random in time).

    ``no_sections`` leaves every readout's section empty (an untitled one takes it as its
    title): each is then filed under its relation ("Japan-Peru Relations"), which the
    archive derives.

    ``resume`` continues a build that was stopped: ``data/partial.json`` holds how many
    readouts both files already have and the seconds and text bytes they took.
    """
    facade_db, plain_db = data / "archive.sqlite3", data / "plain.sqlite3"
    facade_s = plain_s = fts_s = 0.0
    text_bytes = start = 0
    if resume:
        partial = json.loads((data / "partial.json").read_text())
        start, text_bytes = int(partial["done"]), int(partial["text_bytes"])
        facade_s, plain_s = float(partial["facade_s"]), float(partial["plain_s"])
        fts_s = float(partial.get("fts_s", 0.0))
        counts = (table_counts(facade_db)["readouts"], table_counts(plain_db)["readouts"])
        if counts != (start, start) or start % BATCH:
            raise SystemExit(f"cannot resume: the files hold {counts} readouts, "
                             f"partial.json says {start}")
        log(f"  resuming after {start:,} readouts")
    else:
        if data.exists():
            shutil.rmtree(data)
        (data / "text").mkdir(parents=True)
        Archive.open(plain_db).close()  # the same schema, made by the archive (untimed)
    archive = Archive.open(facade_db)
    plain = PlainImporter(plain_db)
    raw = RawFtsLoad(data / "fts.sqlite3")
    made: set[str] = set()
    started = time.monotonic()
    try:
        if in_date_order:
            def item(index: int) -> dict[str, Any]:
                return (corpus_ja.mixed(index, japanese_share) if japanese_share else
                        jsonformat.readout_to_dict(corpus.readout(index)))

            batches = corpus.in_date_order(size, item, BATCH, start=start)
        else:
            batches = (corpus_ja.iter_batches(size, BATCH, japanese_share, start=start)
                       if japanese_share else corpus.iter_batches(size, BATCH, start=start))
        for first, items in batches:
            if no_sections:  # an untitled readout is then known by what its section said
                for d in items:
                    d["title"], d["section"] = d["title"] or d["section"], ""
            # Rotate which goes first so none always meets a warm or cold cache.
            turn = (first // BATCH) % 3
            order = ("facade", "plain", "fts")[turn:] + ("facade", "plain", "fts")[:turn]
            records = None
            for which in order:
                if which == "facade":
                    t = time.perf_counter()
                    records = [jsonformat.readout_from_dict(d) for d in items]
                    archive.add_many(records)
                    facade_s += time.perf_counter() - t
                elif which == "fts":
                    t = time.perf_counter()
                    raw.add(items)
                    fts_s += time.perf_counter() - t
                else:
                    t = time.perf_counter()
                    plain.add(items)
                    plain_s += time.perf_counter() - t
            assert records is not None
            for i, r in enumerate(records, start=first):
                day = r.meeting_date or dt.date(2000, 1, 1)
                folder = data / "text" / f"{day:%Y}"
                if folder.name not in made:
                    folder.mkdir(exist_ok=True)
                    made.add(folder.name)
                body = render.readout_text(r, None).encode("utf-8")
                (folder / f"{day:%Y-%m-%d}-{i:07d}.txt").write_bytes(body)
                text_bytes += len(body)
            done = first + len(items)
            if done % (BATCH * 20) == 0 or done == size:
                log(f"  built {done:,}/{size:,} readouts "
                    f"({time.monotonic() - started:.0f} s; façade {done / facade_s:,.0f}/s, "
                    f"sqlite3 {done / plain_s:,.0f}/s)")
    finally:
        archive.close()
        plain.close()
        raw.close()
    counts_facade, counts_plain = table_counts(facade_db), table_counts(plain_db)
    plain_bytes = file_size(plain_db)
    if drop_plain:  # only its size is reported; at a million readouts it fills a disk
        for suffix in ("", "-wal", "-shm"):
            Path(str(plain_db) + suffix).unlink(missing_ok=True)
    for suffix in ("", "-wal", "-shm"):  # its time is what it was built for
        Path(str(data / "fts.sqlite3") + suffix).unlink(missing_ok=True)
    result = {
        "facade_per_s": size / facade_s, "plain_per_s": size / plain_s,
        "fts_per_s": size / fts_s if fts_s else None,
        "facade_s": facade_s, "plain_s": plain_s, "fts_s": fts_s,
        "same_rows": counts_facade == counts_plain,
        "rows": counts_facade, "rows_plain": counts_plain,
        "text_bytes": text_bytes, "batch": BATCH, "plain_bytes": plain_bytes,
    }
    (data / "build.json").write_text(json.dumps({"size": size, **result}))
    return result


# ----- search ------------------------------------------------------------------------------


def raw_page(conn: sqlite3.Connection, q: BenchQuery, page: int = PAGE
             ) -> tuple[list[int], int]:
    """The same first page and total, in the leanest hand-written SQL known.

    Rank ids by BM25 from the index alone, fetch the page's rows (what a results row
    shows) with their snippets in one pass over the matches, count from the index alone:
    three statements, no ORM.
    """
    extra = f" AND {q.where}" if q.where else ""
    top = conn.execute(
        f"SELECT rowid, bm25({FTS}, {WEIGHTS}) AS s FROM {FTS} WHERE {FTS} MATCH ?{extra} "
        f"ORDER BY s LIMIT {page}", (q.match,)).fetchall()
    ids = [int(r[0]) for r in top]
    if ids:
        listed = ",".join(map(str, ids))
        rows = conn.execute(
            "SELECT r.id, r.meeting_date, r.title, r.section, r.place_city, r.place_country, "
            "r.mode, r.session_count, r.total_minutes, r.publisher, r.is_sample, "
            f"r.filed_under, snippet({FTS}, -1, char(2), char(3), '…', 14) "
            f"FROM {FTS} JOIN readouts r ON r.id = {FTS}.rowid "
            f"WHERE {FTS} MATCH ? AND +{FTS}.rowid IN ({listed})", (q.match,)).fetchall()
        by_id = {int(r[0]): r for r in rows}
        _page = [by_id[i] for i in ids]
    if len(ids) < page:
        total = len(ids)
    else:
        total = conn.execute(f"SELECT count(*) FROM {FTS} WHERE {FTS} MATCH ?{extra}",
                             (q.match,)).fetchone()[0]
    return ids, int(total)


def unranked_page(conn: sqlite3.Connection, q: BenchQuery) -> int:
    """The first 100 matches in index order plus the count: a floor, not the same page."""
    extra = f" AND {q.where}" if q.where else ""
    rows = conn.execute(
        f"SELECT rowid, snippet({FTS}, -1, char(2), char(3), '…', 14) FROM {FTS} "
        f"WHERE {FTS} MATCH ?{extra} LIMIT {PAGE}", (q.match,)).fetchall()
    if len(rows) < PAGE:
        return len(rows)
    return int(conn.execute(f"SELECT count(*) FROM {FTS} WHERE {FTS} MATCH ?{extra}",
                            (q.match,)).fetchone()[0])


def reference_page(conn: sqlite3.Connection, q: BenchQuery) -> tuple[list[int], int]:
    """The page and total by the plainest SQL (every hit joined); for checking, not timed."""
    extra = f" AND {q.where}" if q.where else ""
    ids = [int(r[0]) for r in conn.execute(
        f"SELECT r.id FROM {FTS} JOIN readouts r ON r.id = {FTS}.rowid "
        f"WHERE {FTS} MATCH ?{extra} "
        f"ORDER BY bm25({FTS}, {WEIGHTS}), r.meeting_date DESC, r.id DESC LIMIT {PAGE}",
        (q.match,))]
    total = conn.execute(f"SELECT count(*) FROM {FTS} JOIN readouts r ON r.id = {FTS}.rowid "
                         f"WHERE {FTS} MATCH ?{extra}", (q.match,)).fetchone()[0]
    return ids, int(total)


def window_queries() -> list[gui_path.Query]:
    """The mix as the window's path measures it: each with its raw page of a window's size."""
    from readout_desk.ui.results_model import PAGE_SIZE

    return [(q.label, q.text, functools.partial(_raw_for, q, PAGE_SIZE)) for q in QUERY_MIX]


def _raw_for(q: BenchQuery, page: int, conn: sqlite3.Connection) -> tuple[list[int], int]:
    return raw_page(conn, q, page)


def rg_run(q: BenchQuery, text_dir: Path) -> tuple[float, int]:
    cmd = q.rg.format(dir=str(text_dir))
    t = time.perf_counter()
    out = subprocess.run(["bash", "-c", cmd], capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - t
    return elapsed, len([line for line in out.stdout.splitlines() if line.strip()])


def search(size: int, data: Path, rounds: int, rg_rounds: int, count_cap: int,
           log: Callable[[str], None]) -> dict[str, Any]:
    db = data / "archive.sqlite3"
    archive = Archive.open(db)
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    register_functions(conn)  # snippets read the index's text through it
    per_query: dict[str, dict[str, Any]] = {}
    names = ("facade", "capped", "raw", "unranked")
    samples: dict[str, list[float]] = {name: [] for name in (*names, "rg", "next")}

    def fresh() -> Archive:
        # Every timed search is a new one: the archive keeps the rankings of recent
        # searches for their next pages, which would make a repeated query look instant.
        archive._rankings.clear()  # noqa: SLF001
        return archive

    try:
        for q in QUERY_MIX:  # warm every path once; the figures are for a warm cache
            archive.search(q.text, limit=PAGE)
            raw_page(conn, q)
        for q in QUERY_MIX:
            times: dict[str, list[float]] = {name: [] for name in names}
            values: dict[str, Any] = {}
            steps: list[tuple[str, Callable[..., Any]]] = [
                ("facade", lambda q=q: fresh().search(q.text, limit=PAGE)),
                ("capped", lambda q=q: fresh().search(q.text, limit=PAGE,
                                                      count_cap=count_cap)),
                ("raw", lambda q=q: raw_page(conn, q)),
                ("unranked", lambda q=q: unranked_page(conn, q)),
            ]
            for i in range(rounds):
                # Each path runs first as often as last, so none always meets a warm cache.
                for name, fn in steps[i % len(steps):] + steps[:i % len(steps)]:
                    t = time.perf_counter()
                    values[name] = fn()
                    times[name].append((time.perf_counter() - t) * 1000)
            page, capped = values["facade"], values["capped"]
            # Scrolling on: the next page right after the first, as the results table asks.
            next_t = []
            for _ in range(max(3, rounds // 2)):
                fresh().search(q.text, limit=PAGE)
                t = time.perf_counter()
                archive.search(q.text, offset=PAGE, limit=PAGE)
                next_t.append((time.perf_counter() - t) * 1000)
            samples["next"] += next_t
            raw_ids, raw_total = values["raw"]
            ref_ids, ref_total = reference_page(conn, q)
            rg_t = []
            rg_files = 0
            for _ in range(rg_rounds):
                elapsed, rg_files = rg_run(q, data / "text")
                rg_t.append(elapsed * 1000)
            for name in names:
                samples[name] += times[name]
            samples["rg"] += rg_t
            entry = {f"{name}_ms": statistics.median(times[name]) for name in names}
            per_query[q.label] = {
                "query": q.text, **entry,
                "rg_ms": statistics.median(rg_t) if rg_t else None,
                "next_page_ms": statistics.median(next_t),
                "hits": page.total, "hits_raw": raw_total, "hits_capped": capped.total,
                "rg_files": rg_files,
                "same_page": list(page.ids) == ref_ids and page.total == ref_total,
                "raw_same_hits": set(raw_ids) == set(ref_ids) and raw_total == ref_total,
                "capped_page_same": list(capped.ids) == ref_ids
                and capped.total == min(ref_total, count_cap),
            }
            log(f"  {q.label:<22} façade {entry['facade_ms']:8.1f} ms  "
                f"raw {entry['raw_ms']:8.1f} ms  "
                f"rg {_fmt(per_query[q.label]['rg_ms'], ' ms', 0)}  hits {page.total:,}")
    finally:
        conn.close()
        archive.close()
    summary = {}
    for name, series in samples.items():
        summary[name] = {"p50_ms": percentile(series, 0.5) if series else None,
                         "p95_ms": percentile(series, 0.95) if series else None}
    return {"rounds": rounds, "rg_rounds": rg_rounds, "count_cap": count_cap,
            "summary": summary, "queries": per_query}


# ----- start-up, memory and typing -------------------------------------------------------


def merge(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The median of each figure over the runs that gave one."""
    results = [r for r in runs if "error" not in r]
    if not results:
        return {"error": runs[-1]["error"] if runs else "no result"}
    merged: dict[str, Any] = {"runs": len(results)}
    for key, value in results[0].items():
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            merged[key] = statistics.median(r[key] for r in results)
        else:
            merged[key] = value
    return merged


def ui(data: Path, runs: int) -> dict[str, Any]:
    """Start-up as ``responsive.py`` measures it: the program through its own ``main()``
    until its first page is painted (``ui_probe.py app``), each run right after a bare
    window's, modules compiled as an installed program has them."""
    db = data / "archive.sqlite3"
    bare: list[dict[str, Any]] = []
    window: list[dict[str, Any]] = []
    for _ in range(runs):  # alternate, so both meet the same load on a shared machine
        bare.append(responsive.probe("bare", None))
        window.append(responsive.probe("app", db))
    typing = [responsive.probe("typing", db, text="rule of law trade")
              for _ in range(max(1, runs - 1))]
    return {"bare": merge(bare), "window": merge(window), "typing": merge(typing)}


# ----- report -----------------------------------------------------------------------------


def _fmt(value: float | None, unit: str = "", digits: int = 1) -> str:
    if value is None:
        return "n/a"
    return f"{value:,.{digits}f}{unit}"


def report(result: dict[str, Any]) -> str:
    lines = []
    size = result["size"]
    lines.append(f"Readout Desk benchmark, {size:,} readouts "
                 f"({result['machine']['cores']} cores, {result['machine']['cpu']})")
    s = result.get("search")
    if s:
        sm = s["summary"]
        lines.append("")
        lines.append(f"Search (first page of {PAGE} + total; warm; {s['rounds']} rounds)")
        lines.append(f"  {'query':<22}{'façade':>10}{'capped':>10}{'raw FTS5':>10}"
                     f"{'unranked':>10}{'ripgrep':>10}{'façade/raw':>12}{'rg/façade':>11}"
                     f"{'hits':>10}  ok")
        for label, q in s["queries"].items():
            lines.append(
                f"  {label:<22}{q['facade_ms']:>8.1f}ms{q['capped_ms']:>8.1f}ms"
                f"{q['raw_ms']:>8.1f}ms{q['unranked_ms']:>8.1f}ms{_fmt(q['rg_ms'], 'ms', 0):>10}"
                f"{_fmt(ratio(q['facade_ms'], q['raw_ms']), 'x', 2):>12}"
                f"{_fmt(ratio(q['rg_ms'], q['facade_ms']), 'x', 0):>11}{q['hits']:>10,}  "
                f"{'yes' if q['same_page'] else 'NO'}")
        for p in ("p50", "p95"):
            key = f"{p}_ms"
            lines.append(
                f"  {'mix ' + p:<22}{sm['facade'][key]:>8.1f}ms{sm['capped'][key]:>8.1f}ms"
                f"{sm['raw'][key]:>8.1f}ms{sm['unranked'][key]:>8.1f}ms"
                f"{_fmt(sm['rg'][key], 'ms', 0):>10}"
                f"{_fmt(ratio(sm['facade'][key], sm['raw'][key]), 'x', 2):>12}"
                f"{_fmt(ratio(sm['rg'][key], sm['facade'][key]), 'x', 0):>11}")
        lines.append(f"  next page (offset {PAGE}, right after the first): p50 "
                     f"{_fmt(sm['next']['p50_ms'], ' ms')}, "
                     f"p95 {_fmt(sm['next']['p95_ms'], ' ms')}")
        lines.append(f"  capped: count_cap={s['count_cap']:,}. raw FTS5: the same page and "
                     "count in the leanest SQL, plain sqlite3.")
        lines.append("  unranked: first 100 matches in index order + count (a floor; not the "
                     "same page).")
        lines.append(f"  raw FTS5 is "
                     f"{_fmt(ratio(sm['rg']['p95_ms'], sm['raw']['p95_ms']), 'x', 0)} ahead of "
                     "ripgrep at p95; the façade "
                     f"{_fmt(ratio(sm['rg']['p95_ms'], sm['facade']['p95_ms']), 'x', 0)}.")
    b = result.get("import")
    if b:
        lines.append("")
        lines.append(f"Import (batches of {b['batch']:,})")
        lines.append(f"  façade add_many   {b['facade_per_s']:>10,.0f} readouts/s")
        if b.get("fts_per_s"):
            lines.append(f"  raw FTS5 load     {b['fts_per_s']:>10,.0f} readouts/s   (the same "
                         "text into one fts5(body) table)")
            lines.append(f"  façade ÷ raw FTS5 {ratio(b['facade_per_s'], b['fts_per_s']):>10.2f}")
        lines.append(f"  plain sqlite3     {b['plain_per_s']:>10,.0f} readouts/s")
        lines.append(f"  ratio             {ratio(b['facade_per_s'], b['plain_per_s']):>10.2f}"
                     f"   (same rows in both files: {'yes' if b['same_rows'] else 'NO'})")
    u = result.get("ui")
    if u:
        lines.append("")
        bare, win, typing = u["bare"], u["window"], u["typing"]
        lines.append("Start-up and memory (offscreen; median of runs)")
        lines.append(f"  bare QMainWindow      {_fmt(bare.get('startup_s'), ' s', 2):>10}"
                     f"   peak RSS {_fmt(bare.get('peak_rss_mb'), ' MB', 0)}")
        if "error" in win:
            lines.append(f"  main window           not measured: {win['error']}")
        else:
            lines.append(f"  program, 1st page     {_fmt(win.get('startup_s'), ' s', 2):>10}"
                         f"   peak RSS {_fmt(win.get('peak_rss_mb'), ' MB', 0)}"
                         f"   (archive open, its search shown: "
                         f"{_fmt(win.get('ready_s'), ' s', 2)})")
            lines.append(
                f"  ratio / difference    "
                f"{_fmt(ratio(win.get('startup_s'), bare.get('startup_s')), 'x', 2):>10}"
                f"   {_fmt(win['peak_rss_mb'] - bare['peak_rss_mb'], ' MB', 0)} more")
        if "error" in typing:
            lines.append(f"  typing stall          not measured: {typing['error']}")
        else:
            lines.append(f"  longest UI stall typing {typing['query']!r}: "
                         f"{typing['max_stall_ms']:.1f} ms")
    d = result.get("disk")
    if d:
        lines.append("")
        lines.append("Size on disk")
        lines.append(f"  archive        {d['archive_bytes'] / 1e6:>10,.1f} MB"
                     f"  {d['archive_per_readout']:>8,.0f} bytes/readout")
        lines.append(f"  plain sqlite3  {d['plain_bytes'] / 1e6:>10,.1f} MB"
                     f"  {d['plain_per_readout']:>8,.0f} bytes/readout")
        lines.append(f"  text files     {d['text_bytes'] / 1e6:>10,.1f} MB"
                     f"  {d['text_per_readout']:>8,.0f} bytes/readout (content only)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else argv
    if any(w == "--db" or w.startswith("--db=") for w in words):  # a team archive
        import team_search

        return team_search.main(words)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=corpus.parse_size, default=10_000,
                        help="readouts in the corpus (10000, 10k, 100k, 1m)")
    parser.add_argument("--rounds", type=int, help="search rounds per query")
    parser.add_argument("--rg-rounds", type=int, help="ripgrep runs per query")
    parser.add_argument("--ui-runs", type=int, default=3, help="start-up runs per kind")
    parser.add_argument("--count-cap", type=int, default=10_000)
    parser.add_argument("--reuse", action="store_true",
                        help="reuse bench/out/data-N from an earlier run (no import figures "
                             "are measured again; they are taken from that run)")
    parser.add_argument("--resume", action="store_true",
                        help="continue a stopped build (needs data-N/partial.json)")
    parser.add_argument("--skip", action="append", default=[],
                        choices=("search", "ui", "rg"), help="leave a part out")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--data", type=Path, help="where to build the data")
    parser.add_argument("--japanese-share", type=float, default=0.0,
                        help="share of the readouts generated in Japanese (0.33: a third); "
                             "adds the Japanese query mix beside its raw baseline")
    parser.add_argument("--no-sections", action="store_true",
                        help="a corpus whose readouts have no section of their own (each is "
                             "filed under its relation)")
    parser.add_argument("--in-date-order", action="store_true",
                        help="readouts numbered by meeting date, as in an archive kept as "
                             "its meetings happen (the corpus's own order is random in time)")
    parser.add_argument("--gui-path", action=argparse.BooleanOptionalAction, default=True,
                        help="time the main window's own search path (its search controller "
                             "and results model) beside Archive.search and raw FTS5 "
                             "(the default; --no-gui-path leaves it out)")
    args = parser.parse_args(argv)
    share = args.japanese_share
    suffix = ((f"-ja{round(share * 100)}" if share else "")
              + ("-nosec" if args.no_sections else "")
              + ("-dated" if args.in_date_order else ""))

    size = args.size
    rounds = args.rounds or (20 if size <= 20_000 else 10 if size <= 200_000 else 5)
    rg_rounds = args.rg_rounds or (5 if size <= 20_000 else 3 if size <= 200_000 else 2)
    args.out.mkdir(parents=True, exist_ok=True)
    data = args.data or args.out / f"data-{size}{suffix}"

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    result: dict[str, Any] = {"size": size, "seed": corpus.SEED, "japanese_share": share,
                              "no_sections": args.no_sections,
                              "in_date_order": args.in_date_order,
                              "when": dt.datetime.now(dt.timezone.utc).isoformat(
                                  timespec="seconds"),
                              "machine": machine()}
    built_file = data / "build.json"
    if args.reuse and built_file.exists() and json.loads(built_file.read_text())["size"] == size:
        log(f"reusing {data}")
        built = json.loads(built_file.read_text())
        built["reused"] = True
    else:
        log(f"building {size:,} readouts in {data}")
        built = build(size, data, log, drop_plain=size >= 500_000, resume=args.resume,
                      japanese_share=share, no_sections=args.no_sections,
                      in_date_order=args.in_date_order)
    result["import"] = built
    db = data / "archive.sqlite3"
    built.setdefault("plain_bytes", file_size(data / "plain.sqlite3"))
    result["disk"] = {
        "archive_bytes": file_size(db), "plain_bytes": built["plain_bytes"],
        "text_bytes": built["text_bytes"],
        "archive_per_readout": file_size(db) / size,
        "plain_per_readout": built["plain_bytes"] / size,
        "text_per_readout": built["text_bytes"] / size,
    }
    if "search" not in args.skip:
        log("searching")
        result["search"] = search(size, data, rounds, 0 if "rg" in args.skip else rg_rounds,
                                  args.count_cap, log)
        if share:
            log("Japanese mix")
            result["japanese"] = japanese_mix.search(data, rounds, log)
    if args.gui_path:
        log("the window's own search path")
        result["gui_path"] = gui_path.measure(db, window_queries(), rounds, log)
        if share:
            log("the window's own search path, Japanese mix")
            result["gui_path_japanese"] = gui_path.measure(
                db, japanese_mix.window_queries(), rounds, log)
    if "ui" not in args.skip:
        log("start-up, memory and typing")
        result["ui"] = ui(data, args.ui_runs)
    text = report(result)
    if "japanese" in result:
        text += "\n".join(japanese_mix.report(result["japanese"], share))
    for key, title in (("gui_path", "Search"), ("gui_path_japanese", "Japanese mix")):
        if key in result:
            text += "\n".join(gui_path.report(result[key], title))
    print(text)
    target = args.out / f"results-{size}{suffix}.json"
    target.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    log(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
