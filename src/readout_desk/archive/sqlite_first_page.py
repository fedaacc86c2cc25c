"""The window's first page, read with the ``sqlite3`` driver alone before SQLAlchemy loads.

At start-up the window paints the first page of its results at once, and the archive layer
(SQLAlchemy, the ORM, the models, the checks on opening) loads once that page is on the
screen. This module reads that page without any of it: the statement the search itself
runs for a query with no words (:func:`.sqlite_search.build_search`,
:func:`.sqlite_search.page_sql`), its rows made hits as the search makes them
(:func:`.sqlite_search.finish_rows`, :func:`.hits.hit`), counted as the search counts
them. The page the archive shows a moment later is the same page, so nothing moves.

It only reads: one read transaction on a connection of its own (see :func:`_mode`), closed
before it returns, so that it holds no lock the archive layer then waits on. It answers ``None``,
and start-up goes the usual way (with its checks, recovery and migrations), whenever the
file is not plainly a sound archive at the current schema: a location that is not a file,
no file yet (a first run), a file cut short (its length against its header), another
schema revision, saved changes missing (its tally), a file another program holds, or any
error of the driver.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
from contextlib import closing
from pathlib import Path

from readout_desk.archive.hits import hit
from readout_desk.archive.sqlite_search import build_search, finish_rows, page_sql
from readout_desk.domain.query import parse_query
from readout_desk.domain.results import SearchPage

#: The first bytes of every SQLite database file.
SQLITE_HEADER = b"SQLite format 3\x00"
#: How long the first page waits for another program's lock before leaving the page to
#: the usual way of opening (which waits, says why, or opens read-only).
BUSY_TIMEOUT_MS = 100
#: A revision file's ``revision = "0008"`` and ``down_revision = "0007"`` lines.
_REVISION_LINE = re.compile(r"""^(revision|down_revision) = ['"](\w+)['"]""", re.MULTILINE)


def length_problems(path: Path) -> list[str]:
    """What the header and the length of a database file say, reading 100 bytes: a file
    cut short (or added to) is not a whole number of its pages, or is shorter than the
    header counts. A file that is not a database at all is left to the driver."""
    try:
        with path.open("rb") as handle:
            head = handle.read(100)
        size = path.stat().st_size
    except OSError as exc:
        return [str(exc)]
    if len(head) < 100 or not head.startswith(SQLITE_HEADER):
        return []
    page = int.from_bytes(head[16:18], "big")
    page = 65_536 if page == 1 else page
    if page < 512 or page & (page - 1):
        return ["the file's header is damaged (its page size)"]
    if size % page:
        return [f"the file was cut short or added to ({size:,} bytes is not a whole number "
                f"of its {page:,}-byte pages)"]
    pages = int.from_bytes(head[28:32], "big")
    counted = head[24:28] == head[92:96]  # the header's page count is kept up to date
    log = path.with_name(path.name + "-wal")
    if counted and size < pages * page and not (log.exists() and log.stat().st_size):
        return [f"the file was cut short ({size:,} bytes where its header counts "
                f"{pages * page:,})"]
    return []


def head_revision() -> str | None:
    """The newest schema revision the program has: the one revision no other revision
    follows, read from the revision files' own lines (without importing Alembic or the
    migrations); ``None`` unless exactly one."""
    # Beside this module, as the migrations are (importlib.resources would cost start-up
    # more than the whole read of the page).
    versions = Path(__file__).resolve().parent / "migrations" / "versions"
    chain: dict[str, str | None] = {}
    try:
        for entry in versions.iterdir():
            if entry.name.endswith(".py"):
                found = dict(_REVISION_LINE.findall(entry.read_text(encoding="utf-8")))
                if "revision" in found:
                    chain[found["revision"]] = found.get("down_revision")
    except OSError:  # not laid out as expected: the usual way of opening will tell
        return None
    heads = set(chain) - set(chain.values())
    return heads.pop() if len(heads) == 1 else None


def _changes_recorded(path: Path) -> int:
    """How many committed changes the tally beside the archive counts (0 without one)."""
    try:
        tally = json.loads(path.with_name(path.name + ".tally").read_text(encoding="utf-8"))
        return int(tally["changes"])
    except (OSError, ValueError, KeyError, TypeError):
        return 0


def _plain_file(location: str) -> Path | None:
    """The existing, non-empty archive file a location names, if it is one."""
    if location.startswith("sqlite:///"):
        location = location.removeprefix("sqlite:///")
    elif "://" in location:
        return None  # a team archive on a server, or an in-memory one
    path = Path(location).expanduser()
    try:
        return path if path.is_file() and path.stat().st_size > 0 else None
    except OSError:
        return None


def _mode(path: Path) -> str:
    """How the file is opened: read-only while its log is there (what a crash left in
    it stays for the archive's own checks); without one, for reading and writing, so
    that the connection, the last to close, takes away the log and index files that
    reading a WAL archive makes, and nothing is left beside the file."""
    return "ro" if path.with_name(path.name + "-wal").exists() else "rw"


def read_first_page(location: str, *, sort: str, descending: bool,
                    limit: int) -> SearchPage | None:
    """The first ``limit`` hits of the query with no words in ``sort`` order, as
    :meth:`Archive.search` gives them, or ``None`` when the archive must be opened the
    usual way first (see the module's note)."""
    started = time.perf_counter()
    path = _plain_file(location)
    if path is None or length_problems(path):
        return None
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode={_mode(path)}", uri=True,
                                     timeout=BUSY_TIMEOUT_MS / 1000,
                                     isolation_level=None)) as conn:
            conn.execute("BEGIN")  # one snapshot for the revision, the page and the count
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            if revision is None or revision[0] != head_revision():
                return None
            (counted,) = conn.execute("PRAGMA user_version").fetchone()
            if int(counted) < _changes_recorded(path):
                return None  # saved changes went missing: the usual way says so
            (trash,) = conn.execute(
                "SELECT EXISTS(SELECT 1 FROM readouts WHERE deleted_at IS NOT NULL)").fetchone()
            search = build_search(parse_query(""), trash_present=trash == 1)
            rows = conn.execute(page_sql(search, sort, descending),
                                dict(search.driver_params, limit=limit, offset=0)).fetchall()
            hits = tuple(hit(row) for row in finish_rows(search, rows))
            total = len(hits)
            if total == limit:
                (total,) = conn.execute(f"SELECT count(*) {search.from_where}",
                                        search.driver_params).fetchone()
            conn.execute("COMMIT")
    except (sqlite3.Error, ValueError):
        return None
    return SearchPage(hits, int(total), 0, (time.perf_counter() - started) * 1000)
