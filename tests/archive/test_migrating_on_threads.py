"""Archives opened on several threads at once each get their whole schema.

Alembic runs a migration through module-wide proxies, so two migrations at once in one
process used to run each other's steps ("KeyError: 'script'", missing tables).
"""
from __future__ import annotations

import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from readout_desk.archive import Archive


def _open(path: Path) -> str | None:
    try:
        Archive.open(path).close()
    except Exception as exc:  # noqa: BLE001 - the test reports what went wrong
        return repr(exc)
    return None


def test_archives_created_on_four_threads_at_once_are_all_whole(tmp_path: Path) -> None:
    paths = [tmp_path / f"a{i}.sqlite3" for i in range(8)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        failures = [f for f in pool.map(_open, paths) if f]
    assert failures == []
    tables = set()
    for path in paths:
        with sqlite3.connect(path) as conn:
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        tables.add(frozenset(names))
        assert {"readouts", "readout_fts", "alembic_version"} <= names
    assert len(tables) == 1  # every archive has the same schema
