"""An archive file's new readouts: numbered as SQLite numbers rows, written many to a
statement, stored the same however many go in one statement."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from readout_desk.archive import Archive, sqlite_rows
from readout_desk.archive import store as store_module
from readout_desk.domain.records import Readout
from tests.archive.helpers import brazil_readout, lima_readout


def _readouts(n: int) -> list[Readout]:
    base = [lima_readout(), brazil_readout()]
    return [dataclasses.replace(base[i % 2], title=f"{base[i % 2].title} ({i})")
            for i in range(n)]


def _stored(path: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT * FROM readouts ORDER BY id").fetchall()
    finally:
        conn.close()


def test_new_readouts_take_the_numbers_after_the_largest(tmp_path: Path) -> None:
    with Archive.open(tmp_path / "a.sqlite3") as archive:
        first = archive.add_many(_readouts(5))
        archive.delete(first[-1])
        archive.purge([first[-1]])
        again = archive.add_many(_readouts(3))
    assert first == [1, 2, 3, 4, 5]
    assert again == [5, 6, 7]  # what SQLite gives a rowid table: one past the largest


def test_many_to_a_statement_stores_what_one_to_a_statement_stores(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    now = dt.datetime(2024, 1, 2, 3, 4, 5, 6, tzinfo=dt.timezone.utc)
    monkeypatch.setattr(store_module, "_now", lambda: now)
    readouts = _readouts(23)
    rows = []
    for name, at_once in (("one", 1), ("seven", 7), ("all", 500)):
        monkeypatch.setattr(sqlite_rows, "_ROWS_AT_ONCE", at_once)
        with Archive.open(tmp_path / f"{name}.sqlite3") as archive:
            assert archive.add_many(readouts) == list(range(1, 24))
        rows.append(_stored(tmp_path / f"{name}.sqlite3"))
    assert rows[0] == rows[1] == rows[2] and len(rows[0]) == 23
