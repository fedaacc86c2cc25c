"""The table of words reads its text from the readouts: same hits, same snippets.

An archive made at the revision before (its table of words holding its own copy of the
text, written as that revision wrote it) is migrated; a query mix then answers exactly as
it does on the same readouts with a table that keeps its text: the same pages, counts,
snippets and highlights. The text the view gives is the text each readout was indexed
with; edits, the trash, purges and a rebuild keep the index sound.
"""

from __future__ import annotations

import dataclasses
import sqlite3
import sys
from importlib import resources
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from readout_desk.archive import Archive
from readout_desk.archive.mapping import MEETING_DATE, index_fields
from readout_desk.archive.sqlite import BACKEND
from readout_desk.archive.sqlite_dates import date_words
from readout_desk.archive.sqlite_index import (
    FIELDS_TABLE,
    TEXT_VIEW,
    reclaim,
    register_functions,
)
from readout_desk.archive.sqlite_search import FTS_NAMES, FTS_TABLE, WORD_NAMES
from readout_desk.domain import jsonformat
from readout_desk.domain.records import Photo, Readout, SummaryPoint
from tests.archive.full_text import agrees_with_readouts, answers, to_revision

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import corpus_ja  # noqa: E402

#: Words, a phrase, prefixes (of the lengths the table has prefix indexes for, and
#: longer), field filters, dates, NOT and OR, Japanese runs (one character, a piece,
#: longer), runs mixed with words, in a field, excluded; sorts and a second page.
QUERIES = (
    "minister", '"rule of law"', "energ*", "tr*", "coo*", "country:peru trade",
    "from:2020-01-01 to:2022-12-31 climate", "trade -peru", "climate OR energy",
    "NOT minister", "外務省", "会談", "銅", "日本 minister", "CPTPP 協定", "title:会談",
    "外相 -会談", "minister -外務省", "person:hayashi", "quasarglyph", "",
)
SORTS = (("relevance", True, 0), ("date", True, 0), ("title", False, 0), ("relevance", True, 20))


def readouts() -> list[Readout]:
    """A third Japanese; some with photo captions and notes, one with neither lead nor
    points, so that every part of the body is read back in its place."""
    made = [jsonformat.readout_from_dict(corpus_ja.mixed(i, 1 / 3)) for i in range(90)]
    for i in range(0, 90, 7):
        made[i] = dataclasses.replace(
            made[i], notes=f"Notes on the talks {i}, with the trade envoy.",
            photos=(Photo("The ministers before the talks in Lima", ""), Photo("", ""),
                    Photo("外相会談の冒頭", "")))
    made[5] = dataclasses.replace(made[5], lead="", points=())
    return made


def _before_this_revision() -> str:
    scripts = ScriptDirectory(str(resources.files("readout_desk.archive") / "migrations"))
    return str(scripts.get_revision("0010").down_revision)


def _text_kept(path: Path, texts: dict[int, dict[str, str]], *, external: bool) -> None:
    """The table of words as the revision before made it: its own copy of ``texts``."""
    # At head (``external``), the table has the date words too (revision 0020).
    names = WORD_NAMES if external else FTS_NAMES
    rows = [(i, *(fields[n] for n in FTS_NAMES),
             *([date_words(fields[MEETING_DATE])] if external else []))
            for i, fields in texts.items()]
    with sqlite3.connect(path) as conn:
        register_functions(conn)
        if external:
            conn.execute(f"DROP TABLE {FTS_TABLE}")
            conn.execute(f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5({', '.join(names)}, "
                         "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')")
        else:
            conn.execute(f"DELETE FROM {FTS_TABLE}")
        conn.executemany(
            f"INSERT INTO {FTS_TABLE}(rowid, {', '.join(names)}) "
            f"VALUES (?, {', '.join('?' for _n in names)})", rows)


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[int, dict[str, str]]]:
    """An archive at head with the readouts, and the text each was indexed with."""
    path = tmp_path_factory.mktemp("made") / "archive.sqlite3"
    archive = Archive.open(path)
    try:
        given = readouts()
        ids = archive.add_many(given)
        archive.delete(ids[3])  # one in the trash
    finally:
        archive.close()
    return path, {i: index_fields(r) for i, r in zip(ids, given, strict=True)}


def test_the_view_gives_the_text_each_readout_was_indexed_with(
        made: tuple[Path, dict[int, dict[str, str]]]) -> None:
    path, texts = made
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        register_functions(conn)
        rows = conn.execute(f"SELECT id, {', '.join(WORD_NAMES)} FROM {TEXT_VIEW}").fetchall()
        kept = conn.execute(f"SELECT count(*) FROM {FIELDS_TABLE}").fetchone()[0]
    # The words as indexed, and the date words the view computes in SQL as written.
    assert {int(r[0]): dict(zip(WORD_NAMES, r[1:], strict=True)) for r in rows} == {
        i: {**{n: t[n] for n in FTS_NAMES}, "dated": date_words(t[MEETING_DATE])}
        for i, t in texts.items()}
    assert all(r[-1] for r in rows)  # every readout here has a date, so date words
    assert kept == len(texts)
    assert any("\n" in t["body"] and "外相会談の冒頭" in t["body"] for t in texts.values())


def test_a_migrated_archive_answers_as_one_keeping_its_text(
        made: tuple[Path, dict[int, dict[str, str]]], tmp_path: Path) -> None:
    source, texts = made
    before, migrated = tmp_path / "before.sqlite3", tmp_path / "migrated.sqlite3"
    migrated.write_bytes(source.read_bytes())
    # The file as the revision before left it, its index text as that revision wrote it.
    to_revision(migrated, _before_this_revision(), up=False)
    _text_kept(migrated, texts, external=False)
    with sqlite3.connect(migrated) as conn:
        assert conn.execute(f"SELECT count(*) FROM {FTS_TABLE}_content").fetchone()[0] == 90
    # The same readouts at head, with a table of words that keeps its own text.
    before.write_bytes(source.read_bytes())
    _text_kept(before, texts, external=True)
    with Archive.open(before) as archive:
        expected = answers(archive, QUERIES, SORTS, 20)
    told: list[tuple[int, int]] = []
    with Archive.open(migrated, progress=lambda done, total: told.append((done, total))) as archive:
        assert told[-1] == (90, 90)
        got = answers(archive, QUERIES, SORTS, 20)
        assert archive.integrity_problems() == []
    assert agrees_with_readouts(migrated)
    assert got == expected
    assert sum(1 for answer in expected for s in answer[5] if "\x02" in s) > 100
    with sqlite3.connect(migrated) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        free = conn.execute("PRAGMA freelist_count").fetchone()[0]
    assert f"{FTS_TABLE}_content" not in names and TEXT_VIEW in names
    # The pages the text took are given back to the disk (VACUUM), with its progress;
    # before it, this revision, 0015 and 0020 each told theirs as they made the index
    # again, and 0017 as it packed the leads.
    assert free == 0
    assert told.count((0, 90)) == 5 and told[-1] == (90, 90)


def test_edits_the_trash_purges_and_a_rebuild_keep_the_index_sound(
        made: tuple[Path, dict[int, dict[str, str]]], tmp_path: Path) -> None:
    path = tmp_path / "edited.sqlite3"
    path.write_bytes(made[0].read_bytes())
    with Archive.open(path) as archive:
        ids = archive.all_ids()
        first = archive.get(ids[0])
        archive.update(dataclasses.replace(
            first, title="A talk on desalination", lead="Mangroves were discussed.",
            points=(SummaryPoint("外相会談で海水淡水化を議論した。"),)))
        archive.purge([ids[1], ids[2]])
        archive.delete(ids[4])
        archive.restore(ids[4])
        assert archive.integrity_problems() == [] and agrees_with_readouts(path)
        assert archive.search_ids("desalination") == [ids[0]]
        assert archive.search_ids("mangroves") == [ids[0]]
        assert archive.search_ids("淡水") == [ids[0]]
        before_damage = answers(archive, QUERIES, SORTS, 20)
        with sqlite3.connect(path) as conn:  # the index damaged
            conn.execute(f"DELETE FROM {FTS_TABLE}_data WHERE id > 10")
        assert archive.integrity_problems() != []
        archive.rebuild_index()
        assert archive.integrity_problems() == [] and agrees_with_readouts(path)
        assert answers(archive, QUERIES, SORTS, 20) == before_damage


def test_a_file_that_cannot_be_compacted_stays_as_it_is(
        made: tuple[Path, dict[int, dict[str, str]]], tmp_path: Path) -> None:
    path = tmp_path / "busy.sqlite3"
    path.write_bytes(made[0].read_bytes())
    engine = BACKEND.make_engine(path)
    told: list[tuple[int, int]] = []
    try:
        with sqlite3.connect(path) as writer:  # another process writing (for the timeout)
            writer.execute("BEGIN IMMEDIATE")
            reclaim(engine, lambda done, total: told.append((done, total)))
            writer.rollback()
    finally:
        engine.dispose()
    assert told[0] == (0, 90) and told[-1] == (90, 90)
    with Archive.open(path) as archive:
        assert archive.integrity_problems() == []
        assert len(archive.all_ids()) == 89  # one in the trash
