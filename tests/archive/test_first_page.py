"""The window's first page read with the sqlite3 driver alone: the search's own page, or
``None`` whenever the archive has to be opened the usual way first."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from readout_desk.archive import Archive, read_first_page
from readout_desk.archive.migrate import HEAD_REVISION
from readout_desk.archive.sqlite_first_page import head_revision
from readout_desk.domain.records import Mode
from tests.archive.helpers import lima_readout

SORTS = [("relevance", True), ("date", False), ("title", False), ("title", True),
         ("section", False), ("place", True), ("sessions", True), ("publisher", False)]


def _fill(path: Path) -> Archive:
    archive = Archive.open(path)
    base = lima_readout()
    readouts = [dataclasses.replace(
        base, title=f"Meeting {i} of the working group", section=f"Section {i % 3}",
        meeting_date=None if i == 4 else dt.date(2023, 1 + i % 12, 1 + i),
        mode=Mode.TELEPHONE if i % 2 else Mode.IN_PERSON, is_sample=i == 2,
        sessions=base.sessions[: i % 3]) for i in range(9)]
    ids = archive.add_many(readouts)
    archive.delete(ids[5])  # the trash holds one: the page leaves it out
    return archive


@pytest.mark.parametrize(("sort", "descending"), SORTS)
def test_the_first_page_is_the_searchs_own(tmp_path: Path, sort: str, descending: bool) -> None:
    path = tmp_path / "a.sqlite3"
    archive = _fill(path)
    try:
        for limit in (3, 200):  # counted past a full page; the page's length otherwise
            expected = archive.search("", limit=limit, sort=sort, descending=descending)
            page = read_first_page(str(path), sort=sort, descending=descending, limit=limit)
            assert page is not None
            assert page.hits == expected.hits
            assert page.total == expected.total == 8
    finally:
        archive.close()


def test_head_revision_is_the_migrations_head() -> None:
    assert head_revision() == HEAD_REVISION


def _page(location: str | Path) -> object:
    return read_first_page(str(location), sort="relevance", descending=True, limit=200)


def test_no_file_a_server_or_memory_go_the_usual_way(tmp_path: Path) -> None:
    assert _page(tmp_path / "missing.sqlite3") is None  # a first run
    (tmp_path / "empty.sqlite3").touch()
    assert _page(tmp_path / "empty.sqlite3") is None
    assert _page("postgresql://someone@server/readouts") is None
    assert _page("sqlite://") is None
    (tmp_path / "text.sqlite3").write_text("not a database at all")
    assert _page(tmp_path / "text.sqlite3") is None


def test_an_archive_at_an_older_schema_goes_the_usual_way(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    _fill(path).close()
    assert _page(path) is not None
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0003'")
    assert _page(path) is None


def test_a_file_cut_short_goes_the_usual_way(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    _fill(path).close()
    data = path.read_bytes()
    path.write_bytes(data[:-4096])
    assert _page(path) is None


def test_missing_saved_changes_go_the_usual_way(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    _fill(path).close()
    with sqlite3.connect(path) as conn:  # the file counts fewer changes than the tally
        conn.execute("PRAGMA user_version = 1")
    assert _page(path) is None


def test_a_file_another_program_holds_goes_the_usual_way(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    _fill(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        assert _page(path) is None
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert _page(path) is not None


def _files(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()
            if p.is_file() and not p.name.endswith("-shm")}


def _nobody_holds(path: Path) -> None:
    writer = sqlite3.connect(path, timeout=0, isolation_level=None)
    writer.execute("BEGIN EXCLUSIVE")
    writer.execute("ROLLBACK")
    writer.close()


def test_reading_a_closed_archive_leaves_nothing_beside_it(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    _fill(path).close()
    before = _files(tmp_path)
    assert not path.with_name("a.sqlite3-wal").exists()
    assert _page(path) is not None
    assert _files(tmp_path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.sqlite3", "a.sqlite3.tally"]
    _nobody_holds(path)


def test_reading_beside_a_log_leaves_the_log_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    archive = _fill(path)  # open: its log holds the last changes
    try:
        before = _files(tmp_path)
        assert before["a.sqlite3-wal"][0]
        assert _page(path) is not None
        assert _files(tmp_path) == before
        archive.add(dataclasses.replace(lima_readout(), title="Saved after the page was read"))
    finally:
        archive.close()
    _nobody_holds(path)


def test_reading_the_first_page_loads_no_sqlalchemy(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    _fill(path).close()
    code = ("import sys\n"
            "from readout_desk.archive import read_first_page\n"
            f"page = read_first_page({str(path)!r}, sort='relevance', descending=True, "
            "limit=200)\n"
            "print(len(page.hits), sorted(m for m in sys.modules if m.startswith('sqlalchemy')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "8 []"
