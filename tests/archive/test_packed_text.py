"""Long text stored deflated (migration 0015): the same records, the same answers.

The points, the sources and the index's columns kept are stored deflated where that is
shorter; every way of reading them (a record, an export, the index's view, a snippet)
gives the text as written. An archive at the revision before is migrated, and answers
a query mix exactly as the same readouts written at head do: the same pages, totals,
snippets (``bench/disk.py`` compares the program before and after on large archives); a
migration stopped half-way leaves the file as it was.
"""

from __future__ import annotations

import dataclasses
import json
import random
import sqlite3
import sys
import zlib
from pathlib import Path

import pytest
from sqlalchemy.dialects import postgresql, sqlite

from readout_desk.archive import Archive, ArchiveDamagedError, migrate
from readout_desk.archive.models import PackedText
from readout_desk.archive.packing import DEFLATE, pack, unpack
from readout_desk.archive.sqlite_index import FIELDS_TABLE, KEPT, TEXT_VIEW, register_functions
from readout_desk.archive.sqlite_search import CJK_TABLE, FTS_TABLE
from readout_desk.archive.transfer.exporting import export_readouts
from readout_desk.domain import jsonformat
from readout_desk.domain.records import Readout, Source, SummaryPoint
from tests.archive.full_text import agrees_with_readouts, answers, to_revision

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import corpus_ja  # noqa: E402

QUERIES = (
    "minister", '"rule of law"', "energ*", "tr*", "coo*", "tra*", "country:peru trade",
    "person:hayashi", "from:2020-01-01 to:2022-12-31 climate", "trade -peru",
    "climate OR energy", "NOT minister", "外務省", "会談", "銅", "外", "日本 minister",
    "CPTPP 協定", "title:会談", "外相 -会談", "quasarglyph", "",
)
SORTS = (("relevance", True, 0), ("date", True, 0), ("title", False, 0), ("relevance", True, 15))


def _texts(seed: int) -> list[str]:
    rng = random.Random(seed)
    alphabet = "abc de,fg.\nÉé日本語の外相会談ｶﾀｶﾅＡＢ\u200b😀\x00"
    made = ["", "a", "short point", "x" * 63, "x" * 64, "y" * 5000]
    made += ["".join(rng.choice(alphabet) for _i in range(rng.randrange(0, 600)))
             for _n in range(400)]
    return made


def test_a_packed_text_reads_back_as_written_and_is_never_longer() -> None:
    for text in _texts(7):
        stored = pack(text)
        assert unpack(stored) == text
        if isinstance(stored, bytes):
            assert stored[0] == DEFLATE and len(stored) < len(text.encode())
        else:
            assert stored == text
    assert isinstance(pack("y" * 5000), bytes) and pack("short point") == "short point"
    assert pack(None) is None and unpack(None) is None
    rng = random.Random(3)  # a page whose repeats are 4 kB apart
    page = "".join(rng.choice("abcdefghij <>/") for _i in range(4000)) * 30
    packed = pack(page)
    assert isinstance(packed, bytes) and len(packed) < len(page) // 8  # a window for all of it
    assert unpack(packed) == page
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15, 9)  # any window deflate allows reads back
    assert unpack(bytes((DEFLATE,)) + deflate.compress(page.encode()) + deflate.flush()) == page
    with pytest.raises(ArchiveDamagedError, match="unknown method"):
        unpack(b"\x07abc")
    with pytest.raises(ArchiveDamagedError, match="cannot be read"):
        unpack(bytes((DEFLATE,)) + b"\xff\xfe not deflate")


def test_only_an_archive_file_packs_a_team_archive_keeps_text() -> None:
    column = PackedText()
    long_text = "The ministers discussed trade and energy. " * 5
    on_file = column.process_bind_param(long_text, sqlite.dialect())
    assert isinstance(on_file, bytes)
    team = postgresql.dialect()  # type: ignore[no-untyped-call]
    assert column.process_bind_param(long_text, team) == long_text
    assert column.process_result_value(on_file, sqlite.dialect()) == long_text


def _readouts() -> list[Readout]:
    made = [jsonformat.readout_from_dict(corpus_ja.mixed(i, 1 / 3)) for i in range(60)]
    made[4] = dataclasses.replace(made[4], lead="", points=())
    made[9] = dataclasses.replace(made[9], points=(
        SummaryPoint("Short."), SummaryPoint("外相会談で海水淡水化と銅の供給を議論した。" * 4)))
    return made




class Stopped(Exception):
    """The person closed the program while the archive was migrating."""


def _stored_kinds(path: Path) -> dict[str, set[str]]:
    """The storage classes of the packed columns' values."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        kinds = {f"{table}.{column}": {str(r[0]) for r in conn.execute(
            f"SELECT DISTINCT typeof({column}) FROM {table}")}
            for table, column in (("summary_points", "text"), ("readout_sources", "original"),
                                  *((FIELDS_TABLE, c) for c in KEPT))}
    return kinds


def _definitions(path: Path) -> dict[str, str]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return {str(n): str(s) for n, s in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE name IN (?, ?)", (FTS_TABLE, CJK_TABLE))}


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Readout], list[int]]:
    """An archive at head: the readouts, one with a page it was read from, one trashed."""
    path = tmp_path_factory.mktemp("packed") / "archive.sqlite3"
    given = _readouts()
    page = "<html><body><p>" + "The ministers met in Lima and talked of copper. " * 40
    given[2] = dataclasses.replace(given[2], source=Source(
        kind="page", text="The ministers met. " * 30, original=page, name="lima.html"))
    with Archive.open(path) as archive:
        ids = archive.add_many(given)
        archive.delete(ids[7])
    return path, given, ids


def test_long_text_is_stored_packed_and_every_reader_gets_it_back(
        made: tuple[Path, list[Readout], list[int]], tmp_path: Path) -> None:
    path, given, ids = made
    kinds = _stored_kinds(path)
    assert kinds["summary_points.text"] == {"blob", "text"}  # short points stay text
    assert kinds["readout_sources.original"] == {"blob"}
    assert "blob" in kinds[f"{FIELDS_TABLE}.people"]
    with Archive.open(path) as archive:
        for readout_id, readout in zip(ids, given, strict=True):
            got = archive.get(readout_id)
            assert got.points == readout.points and got.lead == readout.lead
            assert jsonformat.readout_to_dict(got)["points"] == \
                jsonformat.readout_to_dict(readout)["points"]
        assert archive.get(ids[2]).source == given[2].source
        target = tmp_path / "out.json"
        export_readouts(archive, ids[:12], "json", target)
    exported = json.loads(target.read_text(encoding="utf-8"))
    points = [r["points"] for r in exported["readouts"]]
    assert points == [jsonformat.readout_to_dict(r)["points"] for r in given[:12]]
    assert agrees_with_readouts(path)


def test_a_damaged_packed_text_is_a_message_not_a_traceback(
        made: tuple[Path, list[Readout], list[int]], tmp_path: Path) -> None:
    path = tmp_path / "damaged.sqlite3"
    path.write_bytes(made[0].read_bytes())
    ids = made[2]
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE summary_points SET text = X'01FFFE00' WHERE readout_id = ? "
                     "AND typeof(text) = 'blob'", (ids[0],))
    with Archive.open(path) as archive:
        with pytest.raises(ArchiveDamagedError, match="restore it from a backup"):
            archive.get(ids[0])
        assert archive.get(ids[1]).points == made[1][1].points


def test_a_migrated_archive_answers_as_before_and_is_smaller(
        made: tuple[Path, list[Readout], list[int]], tmp_path: Path) -> None:
    with Archive.open(made[0], read_only=True) as archive:  # written packed at head
        expected = answers(archive, QUERIES, SORTS, 15)
    before = tmp_path / "before.sqlite3"
    before.write_bytes(made[0].read_bytes())
    to_revision(before, "0014", up=False)  # the file as the revision before left it
    assert _stored_kinds(before)["summary_points.text"] == {"text"}
    assert "prefix = '2 3'" in _definitions(before)[FTS_TABLE]
    assert "prefix = '1'" in _definitions(before)[CJK_TABLE]
    migrated = tmp_path / "migrated.sqlite3"
    migrated.write_bytes(before.read_bytes())
    told: list[tuple[int, int]] = []
    with Archive.open(migrated, progress=lambda done, total: told.append((done, total))) as a:
        got = answers(a, QUERIES, SORTS, 15)
        assert a.integrity_problems() == []
    assert got == expected
    assert sum(1 for answer in expected for s in answer[5] if "\x02" in s) > 50
    assert (0, 60) in told and told[-1] == (60, 60)
    assert "blob" in _stored_kinds(migrated)["summary_points.text"]
    definitions = _definitions(migrated)
    assert "prefix = '2')" in definitions[FTS_TABLE] and "prefix" not in definitions[CJK_TABLE]
    assert migrated.stat().st_size < before.stat().st_size
    assert agrees_with_readouts(migrated)


def test_a_migration_stopped_half_way_leaves_the_file_as_it_was(
        made: tuple[Path, list[Readout], list[int]], tmp_path: Path) -> None:
    with Archive.open(made[0], read_only=True) as archive:
        expected = answers(archive, QUERIES, SORTS, 15)
    path = tmp_path / "stopped.sqlite3"
    path.write_bytes(made[0].read_bytes())
    to_revision(path, "0014", up=False)

    def stop(done: int, total: int) -> None:
        if done == total:  # the index written again, the transaction not yet committed
            raise Stopped

    with pytest.raises(Stopped):
        Archive.open(path, progress=stop)
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0014"
    assert _stored_kinds(path)["summary_points.text"] == {"text"}
    with Archive.open(path) as archive:  # and the next opening migrates it
        assert answers(archive, QUERIES, SORTS, 15) == expected
        assert archive.integrity_problems() == []
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        register_functions(conn)
        assert conn.execute(f"SELECT count(*) FROM {TEXT_VIEW}").fetchone()[0] == 60
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == \
            migrate.HEAD_REVISION


def test_the_copy_kept_before_a_migration_tells_its_progress_page_by_page(
        made: tuple[Path, list[Readout], list[int]], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from readout_desk.archive import sqlite as sqlite_backend

    monkeypatch.setattr(sqlite_backend, "COPY_STEP_PAGES", 8)  # a small file, many steps
    path = tmp_path / "old.sqlite3"
    path.write_bytes(made[0].read_bytes())
    to_revision(path, "0014", up=False)
    pages = sqlite3.connect(path).execute("PRAGMA page_count").fetchone()[0]

    class Told:
        def __init__(self) -> None:
            self.copied: list[tuple[int, int]] = []
            self.readouts: list[tuple[int, int]] = []

        def __call__(self, done: int, total: int) -> None:
            self.readouts.append((done, total))

        def copying(self, done: int, total: int) -> None:
            assert not self.readouts  # the copy is taken before the migration starts
            self.copied.append((done, total))

    told = Told()
    with Archive.open(path, progress=told) as archive:
        kept = archive.migration_backup
    assert kept is not None and kept.exists()
    assert len(told.copied) == -(-pages // 8)
    assert [done for done, _total in told.copied] == sorted(d for d, _t in told.copied)
    assert told.copied[-1] == (pages, pages)
    assert told.readouts[-1] == (60, 60)
    assert sqlite3.connect(kept).execute("SELECT version_num FROM alembic_version"
                                         ).fetchone()[0] == "0014"
