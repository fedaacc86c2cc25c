"""Leads stored deflated, and an index of the wrong printed times alone (migration 0017).

A lead long enough to shrink is stored packed in an archive file; the record, the export,
the index's view, the snippet of a query without words and the window's first page read
before the archive layer loads all give it back as written. An archive at the revision
before is migrated to the same answers; a migration stopped half-way leaves it as it was.
On both backends the timing flags are read through an index that holds only the sessions
whose printed second time is wrong.
"""

from __future__ import annotations

import dataclasses
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from readout_desk.archive import Archive, migrate
from readout_desk.archive.sqlite_first_page import read_first_page
from readout_desk.domain import jsonformat
from readout_desk.domain.records import Readout
from tests.archive.conftest import BACKENDS
from tests.archive.full_text import agrees_with_readouts, answers, to_revision
from tests.archive.helpers import brazil_readout, lima_readout

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import corpus_ja  # noqa: E402

INDEX = "ix_meeting_sessions_printed_mismatch"
QUERIES = ("", "minister", "会談", "energ*", "country:peru trade", "外相 -会談", "quasarglyph")
SORTS = (("date", True, 0), ("relevance", True, 0), ("title", False, 7))


def _readouts() -> list[Readout]:
    made = [jsonformat.readout_from_dict(corpus_ja.mixed(i, 1 / 3)) for i in range(40)]
    made[3] = dataclasses.replace(made[3], lead="")
    made[5] = dataclasses.replace(made[5], lead="A short lead.")
    long_lead = "日本と中南米の外相は経済安全保障について意見交換を行った。" * 3
    made[8] = dataclasses.replace(made[8], lead=long_lead)
    return [*made, lima_readout(), brazil_readout()]


def _lead_kinds(path: Path) -> set[str]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return {str(r[0]) for r in conn.execute("SELECT DISTINCT typeof(lead) FROM readouts")}


def _index_sql(path: Path) -> str:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return str(conn.execute("SELECT sql FROM sqlite_master WHERE name = ?",
                                (INDEX,)).fetchone()[0])


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Readout], list[int]]:
    """An archive file at head holding the readouts, one of them in the trash."""
    path = tmp_path_factory.mktemp("leads") / "archive.sqlite3"
    given = _readouts()
    with Archive.open(path) as archive:
        ids = archive.add_many(given)
        archive.delete(ids[11])
    return path, given, ids


def test_a_long_lead_is_stored_packed_and_every_reader_gets_it_back(
        made: tuple[Path, list[Readout], list[int]], tmp_path: Path) -> None:
    path, given, ids = made
    assert _lead_kinds(path) == {"blob", "text"}  # the short and empty leads stay text
    with Archive.open(path) as archive:
        assert [archive.get(i).lead for i in ids] == [r.lead for r in given]
        everything = archive.search("", sort="date", limit=200)
        first = read_first_page(str(path), sort="date", descending=True, limit=200)
    assert first is not None and first.hits == everything.hits
    snippets = {h.id: h.snippet for h in everything.hits}
    lima = given[-2].lead
    assert lima == "" or snippets[ids[-2]].startswith(lima[:40])
    packed = ids[8]
    assert snippets[packed].startswith("日本と中南米の外相は")
    assert agrees_with_readouts(path)


def test_an_archive_at_the_revision_before_answers_alike_once_migrated(
        made: tuple[Path, list[Readout], list[int]], tmp_path: Path) -> None:
    with Archive.open(made[0], read_only=True) as archive:
        expected = answers(archive, QUERIES, SORTS, 12)
        flags = archive.timing_flags()
    before = tmp_path / "before.sqlite3"
    before.write_bytes(made[0].read_bytes())
    to_revision(before, "0016", up=False)
    assert _lead_kinds(before) == {"text"}
    assert "WHERE" not in _index_sql(before).upper()
    with sqlite3.connect(before) as conn:
        unpacked = conn.execute("SELECT sum(length(CAST(lead AS BLOB))) FROM readouts").fetchone()
    told: list[tuple[int, int]] = []
    with Archive.open(before, progress=lambda done, total: told.append((done, total))) as a:
        assert answers(a, QUERIES, SORTS, 12) == expected
        assert a.timing_flags() == flags and len(flags) == 1
        assert a.integrity_problems() == []
    assert (0, 42) in told and (42, 42) in told
    assert _lead_kinds(before) == {"blob", "text"}
    assert "printed_mismatch = 1" in _index_sql(before)
    with sqlite3.connect(before) as conn:
        packed = conn.execute("SELECT sum(length(CAST(lead AS BLOB))) FROM readouts").fetchone()
    assert packed[0] < unpacked[0]
    assert agrees_with_readouts(before)


class Stopped(Exception):
    """The person closed the program while the archive was migrating."""


def test_a_migration_stopped_half_way_leaves_the_leads_as_they_were(
        made: tuple[Path, list[Readout], list[int]], tmp_path: Path) -> None:
    path = tmp_path / "stopped.sqlite3"
    path.write_bytes(made[0].read_bytes())
    to_revision(path, "0016", up=False)

    def stop(done: int, total: int) -> None:
        if done == total:  # every lead packed, the transaction not yet committed
            raise Stopped

    with pytest.raises(Stopped):
        Archive.open(path, progress=stop)
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0016"
    assert _lead_kinds(path) == {"text"}
    with Archive.open(path) as archive:  # and the next opening migrates it
        assert [archive.get(i).lead for i in made[2]] == [r.lead for r in made[1]]
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == \
            migrate.HEAD_REVISION


def _plan(archive: Archive, backend_name: str) -> str:
    """How the database reads the statement behind the archive's timing flags."""
    engine = archive._engine  # noqa: SLF001
    seen: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_rest: Any) -> None:
        if "printed_mismatch" in statement and statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", record)
    try:
        archive.timing_flags()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    (statement, parameters), = seen
    with engine.connect() as conn:
        if backend_name == "postgresql":
            # A few rows: a scan, or a walk of every readout, is cheaper than any index.
            conn.exec_driver_sql("SET enable_seqscan = off")
            conn.exec_driver_sql("SET enable_nestloop = off")
            rows = conn.exec_driver_sql("EXPLAIN " + statement, parameters)
        else:
            rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)
        return "\n".join(" ".join(str(v) for v in row) for row in rows)


@pytest.mark.parametrize("backend_name", BACKENDS, indirect=True)
def test_the_timing_flags_read_an_index_of_the_wrong_printed_times_alone(
        archive: Archive, backend_name: str) -> None:
    archive.add_many([lima_readout(), brazil_readout(), lima_readout()])
    (flag,) = archive.timing_flags()
    assert flag.title == "Japan-Brazil Summit Meeting"
    assert INDEX in _plan(archive, backend_name)
    with archive._engine.connect() as conn:  # noqa: SLF001
        if backend_name == "postgresql":
            (definition,) = conn.exec_driver_sql(
                "SELECT indexdef FROM pg_indexes WHERE indexname = %(n)s", {"n": INDEX}).one()
            assert "WHERE printed_mismatch" in definition
        else:
            (held,) = conn.exec_driver_sql(
                "SELECT sum(ncell) FROM dbstat WHERE name = ? AND pagetype = 'leaf'",
                (INDEX,)).one()
            (sessions,) = conn.exec_driver_sql("SELECT count(*) FROM meeting_sessions").one()
            assert (held, sessions) == (1, 5)
