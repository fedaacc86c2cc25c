"""A readout's topics and countries kept in one B-tree each (migration 0022).

New archives make both tables ``WITHOUT ROWID``; an archive made before is brought there
with every row, every answer and every facet as they were, and back again.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from readout_desk.archive import Archive
from tests.archive.full_text import to_revision

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import corpus_ja  # noqa: E402
from readout_desk.domain import jsonformat  # noqa: E402

LINKS = ("readout_topics", "readout_countries")
QUERIES = ('topic="Indo-Pacific"', "topic:energy", "country:PE", "country:JP minister",
           'topic="climate change" OR topic="trade"', "-country:US cooperation")


def _without_rowid(path: Path) -> dict[str, bool]:
    with sqlite3.connect(path) as conn:
        return {name: str(sql).rstrip().upper().endswith("WITHOUT ROWID")
                for name, sql in conn.execute(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name IN "
                    f"({', '.join('?' for _t in LINKS)})", LINKS)}


def _rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(path) as conn:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in LINKS}


def _answers(archive: Archive) -> list[tuple[object, ...]]:
    found: list[tuple[object, ...]] = []
    for q in QUERIES:
        page = archive.search(q, limit=50)
        facets = archive.facets(q)
        found.append((q, page.ids, page.total, facets))
    return found


def test_a_new_archive_keeps_its_link_tables_without_rowid(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    with Archive.open(path):
        pass
    assert _without_rowid(path) == dict.fromkeys(LINKS, True)


def test_the_migration_keeps_every_row_and_answer_both_ways(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite3"
    with Archive.open(path) as archive:
        ids = archive.add_many([jsonformat.readout_from_dict(corpus_ja.mixed(i, 1 / 3))
                                for i in range(400)])
        archive.delete(ids[5])
        expected = _answers(archive)
    rows = _rows(path)
    assert all(len(r) > 400 for r in rows.values())
    assert all(answer[2] for answer in expected)  # every query finds readouts

    to_revision(path, "0021", up=False)
    assert _without_rowid(path) == dict.fromkeys(LINKS, False)
    assert _rows(path) == rows
    with Archive.open(path) as archive:  # migrates
        assert archive.migration_backup is not None
        assert _answers(archive) == expected
        assert archive.integrity_problems() == []
        # Written after the migration: a readout's links go in, and out with it.
        new = archive.add(jsonformat.readout_from_dict(corpus_ja.mixed(400, 1 / 3)))
        assert new.id is not None
        archive.purge([new.id])
    assert _without_rowid(path) == dict.fromkeys(LINKS, True)
    assert _rows(path) == rows
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        indexes = {str(r[0]) for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN (?, ?)",
            LINKS)}
    assert {"ix_readout_topics_topic", "ix_readout_countries_code"} <= indexes
