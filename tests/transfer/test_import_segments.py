"""A large import writes the full-text tables in fewer, larger pieces, and finds the same.

A batch of readouts enters the full-text tables with room in memory for all its words
(``sqlite_index.BATCH_HASH_BYTES``), so FTS5 writes it as one segment instead of one per
megabyte. The words indexed, their counts and every score, snippet and page must be
those of the same file imported with FTS5's own setting; the setting itself must not
stay in the archive; and a file whose import fails or is killed half-way leaves the
archive as it was.
"""

from __future__ import annotations

import datetime as dt
import json
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from readout_desk.archive import Archive, import_files, sqlite_index
from readout_desk.archive import store as store_module
from readout_desk.archive.transfer import importing
from readout_desk.domain import jsonformat

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import corpus_ja  # noqa: E402

#: English words (common, rare, a phrase, prefixes, a field), Japanese runs, nothing.
QUERIES = ["minister", "trade", '"foreign affairs"', "energ*", "min*", "country:ghana",
           "lunch OR dinner", "minister -trade", "会談", "外務", "シンガポール", "quasarglyph"]
FTS_TABLES = ("readout_fts", "readout_cjk")


def _write(path: Path, items: list[dict[str, Any]]) -> Path:
    path.write_text(json.dumps({"format": jsonformat.FORMAT_NAME,
                                "version": jsonformat.FORMAT_VERSION, "readouts": items},
                               ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def source(tmp_path: Path) -> Path:
    return _write(tmp_path / "readouts.json", [corpus_ja.mixed(i, 1 / 3) for i in range(450)])


def _import(path: Path, source: Path) -> None:
    with Archive.open(path) as archive:
        summary = import_files(archive, [source])
    assert not summary.failed and len(summary.imported_ids) == 450


@pytest.fixture
def both(tmp_path: Path, source: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[
        tuple[Path, Path]]:
    """The file imported as a large import is, and with FTS5's setting throughout, into
    two archives whose setting is small (so that, without the room a large batch is given,
    the words are written in many segments, as a large file's are)."""
    monkeypatch.setattr(importing, "BATCH", 150)
    monkeypatch.setattr(sqlite_index, "LARGE_BATCH", 40)  # the Japanese readouts' too
    monkeypatch.setattr(store_module, "_now",
                        lambda: dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc))
    large, plain = tmp_path / "large.sqlite3", tmp_path / "plain.sqlite3"
    for path in (large, plain):
        with Archive.open(path):
            pass
        conn = sqlite3.connect(path)
        for table in FTS_TABLES:
            conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('hashsize', 8192)")
        conn.commit()
        conn.close()
    _import(large, source)
    monkeypatch.setattr(sqlite_index, "LARGE_BATCH", 10**9)
    _import(plain, source)
    yield large, plain


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    sqlite_index.register_functions(conn)
    return conn


def _varint(data: bytes, at: int) -> tuple[int, int]:
    """SQLite's variable-length integer at ``at``, and where the next one starts."""
    value = 0
    for step in range(9):
        byte = data[at + step]
        if step == 8:
            return (value << 8) | byte, at + 9
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            return value, at + step + 1
    raise AssertionError("unreachable")


def _segments(conn: sqlite3.Connection, table: str) -> int:
    """How many segments the table's words are in: FTS5's structure record (row 10 of its
    data) is a 4-byte cookie, then the number of levels and the number of segments."""
    data = conn.execute(f"SELECT block FROM {table}_data WHERE id = 10").fetchone()[0]
    _levels, at = _varint(data, 4)
    return _varint(data, at)[0]


def _stored(conn: sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    names = [n for (n,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'readout_fts%' AND name NOT LIKE 'readout_cjk%'")]
    return {n: conn.execute(f'SELECT * FROM "{n}"').fetchall() for n in names}


def _words(conn: sqlite3.Connection, table: str) -> list[tuple[Any, ...]]:
    """Every word of a table with the readouts, columns and places it is found at."""
    conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.v_{table} "
                 f"USING fts5vocab(main, {table}, instance)")
    return conn.execute(f"SELECT * FROM temp.v_{table} ORDER BY 1, 2, 3, 4").fetchall()


def test_a_large_import_writes_fewer_segments_and_the_same_words(
        both: tuple[Path, Path]) -> None:
    large, plain = (_connect(p) for p in both)
    try:
        # One segment a batch of 150 readouts, where the archive's setting writes many.
        for table in FTS_TABLES:
            assert _segments(large, table) == 3 < _segments(plain, table)
        assert _stored(large) == _stored(plain)
        for table in FTS_TABLES:
            assert _words(large, table) == _words(plain, table)
            # The archive's own setting is as it was.
            assert large.execute(f"SELECT k, v FROM {table}_config ORDER BY k").fetchall() == [
                ("hashsize", 8192), ("version", 4)]
        # The index agrees with the readouts' text it reads through the view.
        large.execute("INSERT INTO readout_fts(readout_fts, rank) VALUES ('integrity-check', 1)")
        row = "SELECT rowid, bm25(readout_fts), snippet(readout_fts, -1, '[', ']', '…', 8) " \
              "FROM readout_fts WHERE readout_fts MATCH ? ORDER BY rowid"
        for word in ("minister", "trade", "energ*", '"foreign affairs"'):
            found = large.execute(row, (word,)).fetchall()
            assert found and found == plain.execute(row, (word,)).fetchall()
    finally:
        large.close()
        plain.close()


def test_a_large_import_finds_the_same_pages(both: tuple[Path, Path]) -> None:
    large, plain = both
    with Archive.open(large) as one, Archive.open(plain) as other:
        for query in QUERIES:
            for sort in ("relevance", "date"):
                a = one.search(query, sort=sort, limit=40)
                b = other.search(query, sort=sort, limit=40)
                assert (a.total, a.hits) == (b.total, b.hits), (query, sort)
                assert [h.snippet for h in a.hits] == [h.snippet for h in b.hits]
        assert any(one.search(q).total for q in QUERIES[8:11]), "Japanese text was indexed"


def _imported_once(tmp_path: Path, source: Path, monkeypatch: pytest.MonkeyPatch
                   ) -> tuple[Path, dict[str, list[tuple[Any, ...]]], list[tuple[Any, ...]]]:
    """An archive holding the file imported as a large import (batches of 150), with its
    rows and its table of words as they are."""
    monkeypatch.setattr(importing, "BATCH", 150)
    monkeypatch.setattr(sqlite_index, "LARGE_BATCH", 40)
    path = tmp_path / "a.sqlite3"
    _import(path, source)
    before = _connect(path)
    try:
        return path, _stored(before), _words(before, "readout_fts")
    finally:
        before.close()


def test_a_large_import_that_fails_half_way_leaves_the_archive_as_it_was(
        tmp_path: Path, source: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, stored, words = _imported_once(tmp_path, source, monkeypatch)
    with Archive.open(path) as archive:
        hits = archive.search("minister").total
    items = [corpus_ja.mixed(i, 1 / 3) for i in range(450, 900)]
    items[400]["mode"] = "by pigeon"  # refused only after two batches were written
    with Archive.open(path) as archive:
        summary = import_files(archive, [_write(tmp_path / "more.json", items)])
        assert summary.failed and not summary.imported_ids
        assert archive.search("minister").total == hits > 0
    after = _connect(path)
    try:
        assert _stored(after) == stored and _words(after, "readout_fts") == words
        # An archive that had no setting of its own has none after a large import.
        for table in FTS_TABLES:
            assert after.execute(f"SELECT k FROM {table}_config").fetchall() == [("version",)]
    finally:
        after.close()


#: The child: imports a file in batches of 150 as a large import, says when two batches are
#: written (inside the file's transaction) and waits there to be killed.
_KILLED_IMPORT = """
import sys, time
from pathlib import Path
from readout_desk.archive import Archive, import_files, sqlite_index
from readout_desk.archive.transfer import importing
importing.BATCH, sqlite_index.LARGE_BATCH = 150, 40
asked = []
def cancelled():
    asked.append(1)
    if len(asked) == 3:  # batches 1 and 2 written, the third read
        print("written", flush=True)
        time.sleep(120)
    return False
with Archive.open(Path(sys.argv[1])) as archive:
    import_files(archive, [Path(sys.argv[2])], cancelled=cancelled)
"""


def test_a_large_import_killed_between_batches_leaves_the_archive_as_it_was(
        tmp_path: Path, source: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, stored, words = _imported_once(tmp_path, source, monkeypatch)
    more = _write(tmp_path / "more.json", [corpus_ja.mixed(i, 1 / 3) for i in range(450, 900)])
    child = subprocess.Popen([sys.executable, "-c", _KILLED_IMPORT, str(path), str(more)],
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    watchdog = threading.Timer(120, child.kill)  # only a hung child: not a measure
    watchdog.start()
    said = child.stdout.readline()
    watchdog.cancel()
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdout.close()
    assert said == "written\n"
    after = _connect(path)
    try:
        assert _stored(after) == stored and _words(after, "readout_fts") == words
        after.execute("INSERT INTO readout_fts(readout_fts, rank) VALUES ('integrity-check', 1)")
        assert after.execute("SELECT k FROM readout_fts_config").fetchall() == [("version",)]
    finally:
        after.close()
    with Archive.open(path) as archive:
        assert archive.count() == 450 and archive.search("minister").total > 0
