"""An archive written before Japanese search migrates: nothing lost, Japanese now found.

The file at the previous revision is made the way that revision left it: the full-text
table holding the raw text (not folded), no table of runs, ``alembic_version`` 0002.
"""

from __future__ import annotations

import sqlite3
import sys
from importlib import resources
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine

from readout_desk.archive import Archive, migrate
from readout_desk.archive import mapping as mapping_module
from readout_desk.archive.sqlite_index import register_functions
from readout_desk.archive.sqlite_search import CJK_TABLE, FTS_NAMES, FTS_TABLE
from readout_desk.domain import jsonformat, scripts

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import corpus_ja  # noqa: E402


def archive_at_0002(path: Path, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Readouts (a third Japanese) in a file as revision 0002 wrote it."""
    archive = Archive.open(path)
    ids = archive.add_many([jsonformat.readout_from_dict(corpus_ja.mixed(i, 1 / 3))
                            for i in range(45)])
    raw = {}
    with monkeypatch.context() as patch:  # index text as 0002 wrote it: not folded
        patch.setattr(scripts, "index_text", lambda text: text)
        for readout_id in ids:
            raw[readout_id] = mapping_module.index_fields(archive.get(readout_id))
    archive.close()
    # The later revisions undone by their own downgrades, then the index text as 0002
    # wrote it.
    engine = create_engine(f"sqlite:///{path}")
    config = Config()
    config.set_main_option("script_location",
                           str(resources.files("readout_desk.archive") / "migrations"))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0002")
    engine.dispose()
    with sqlite3.connect(path) as conn:
        assert CJK_TABLE not in {r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        conn.execute(f"DELETE FROM {FTS_TABLE}")
        conn.executemany(
            f"INSERT INTO {FTS_TABLE}(rowid, {', '.join(FTS_NAMES)}) "
            f"VALUES (?, {', '.join('?' for _n in FTS_NAMES)})",
            [(i, *(fields[n] for n in FTS_NAMES)) for i, fields in raw.items()])
    return ids


def test_migration_keeps_every_readout_and_finds_japanese(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.sqlite3"
    ids = archive_at_0002(path, monkeypatch)
    with sqlite3.connect(path) as conn:
        read = conn.execute("SELECT * FROM readouts ORDER BY id")
        rows_before = read.fetchall()
        # the columns 0002 had; later revisions add derived ones
        columns = ", ".join(d[0] for d in read.description)
        assert conn.execute(f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} "
                            "MATCH '\"外相\"'").fetchone()[0] == 0  # not found before
        english_before = {int(r[0]) for r in conn.execute(
            f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH 'minister'")}
    told: list[tuple[int, int]] = []
    archive = Archive.open(path, progress=lambda done, total: told.append((done, total)))
    try:
        assert archive.migration_backup is not None and archive.migration_backup.exists()
        with sqlite3.connect(path) as conn:
            register_functions(conn)  # the leads are stored packed since 0017
            unpacked = ", ".join("readout_text(lead)" if c == "lead" else c
                                 for c in columns.split(", "))
            assert conn.execute(
                f"SELECT {unpacked} FROM readouts ORDER BY id").fetchall() == rows_before
            version = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        assert version == migrate.HEAD_REVISION
        assert told[0] == (0, len(ids)) and told[-1] == (len(ids), len(ids))
        japanese = [i for i in ids if archive.get(i).language == "ja"]
        assert len(japanese) == 15
        assert set(archive.search_ids("外務省")) == set(japanese)
        assert set(archive.search_ids("会談")) <= set(japanese)
        assert archive.search_ids("会談")
        # Folded: a full-width topic in the Japanese readouts is found as the usual word.
        assert set(archive.search_ids("ＣＰＴＰＰ")) == set(archive.search_ids("CPTPP"))
        assert english_before and set(archive.search_ids("minister")) == english_before
        assert archive.integrity_problems() == []
    finally:
        archive.close()
