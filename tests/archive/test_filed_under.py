"""What a results row shows is kept on the readout: the section it is filed under.

A readout entered without a section is filed under its relation ("Japan-Peru Relations").
The hits of a search carry that label from the readouts table itself, on both backends,
after every kind of write, and for readouts an older archive holds once it is migrated.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import replace
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine

from readout_desk.archive import Archive, import_files, migrate
from readout_desk.domain import jsonformat, render
from readout_desk.domain.records import Readout

BOTH_BACKENDS = True


def _readout(title: str, relation: tuple[str, ...], section: str = "",
             day: int = 1) -> Readout:
    return Readout(title=title, section=section, relation=relation,
                   meeting_date=dt.date(2024, 3, day), lead=f"{title} lead text.")


def _shown(archive: Archive, query: str = "") -> dict[str, str]:
    """Title → the section its results row shows, for every hit of ``query``."""
    page = archive.search(query, limit=100, sort="date")
    return {h.title: h.filed_under for h in page.hits}


def _expected(archive: Archive) -> dict[str, str]:
    """Title → the section as the whole readout gives it."""
    page = archive.search("", limit=100, sort="date")
    return {r.title: render.section_of(r) for r in archive.get_many(list(page.ids))}


def test_a_hit_carries_the_section_or_its_relation(archive: Archive) -> None:
    archive.add(_readout("Untitled pair", ("JP", "PE")))
    archive.add(_readout("Filed", ("JP",), section="Economic Diplomacy", day=2))
    archive.add(_readout("Alone", ("FR",), day=3))
    archive.add(_readout("Nowhere", (), day=4))
    shown = _shown(archive)
    assert shown == {"Untitled pair": "Japan-Peru Relations", "Filed": "Economic Diplomacy",
                     "Alone": "France Relations", "Nowhere": ""}
    assert shown == _expected(archive)
    # the ranked path reads the same column
    assert _shown(archive, "lead") == shown
    # and the entered section stays what was entered
    assert {h.title: h.section for h in archive.search("", limit=10).hits}["Untitled pair"] == ""


def test_every_save_keeps_it_current(archive: Archive) -> None:
    first = archive.add(_readout("Changing", ("JP", "PE")))
    assert _shown(archive) == {"Changing": "Japan-Peru Relations"}
    second = archive.update(replace(first, relation=("JP", "CL")))
    assert _shown(archive) == {"Changing": "Japan-Chile Relations"}
    third = archive.update(replace(second, section="Latin America"))
    assert _shown(archive) == {"Changing": "Latin America"}
    archive.update(replace(third, section=""))
    assert _shown(archive) == {"Changing": "Japan-Chile Relations"}
    archive.restore_version(first.id or 0, 1)  # the first version made current again
    assert _shown(archive) == {"Changing": "Japan-Peru Relations"}
    archive.delete(first.id or 0)
    archive.restore(first.id or 0)
    assert _shown(archive) == _expected(archive) == {"Changing": "Japan-Peru Relations"}


def test_imported_readouts_carry_it(archive: Archive, tmp_path: Path) -> None:
    document = tmp_path / "readouts.json"
    document.write_text(json.dumps(jsonformat.document([
        _readout("Imported pair", ("KR", "JP")),
        _readout("Imported filed", ("KR",), section="Korea Desk", day=2)])), "utf-8")
    summary = import_files(archive, [document])
    assert len(summary.imported_ids) == 2 and not summary.failed
    assert _shown(archive) == {"Imported pair": "South Korea-Japan Relations",
                               "Imported filed": "Korea Desk"}
    assert _shown(archive) == _expected(archive)


def test_a_copy_of_the_archive_keeps_it(archive_path: Path, tmp_path: Path) -> None:
    with Archive.open(archive_path) as archive:
        archive.add(_readout("Copied", ("JP", "PE")))
        archive.backup_to(tmp_path / "copy.sqlite3")
    with Archive.open(tmp_path / "copy.sqlite3") as copy:
        assert _shown(copy) == {"Copied": "Japan-Peru Relations"}


def _downgrade(path: Path, revision: str) -> None:
    engine = create_engine(f"sqlite:///{path}")
    config = Config()
    config.set_main_option("script_location",
                           str(resources.files("readout_desk.archive") / "migrations"))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, revision)
    engine.dispose()


def test_an_older_archive_gets_it_filled(archive_path: Path) -> None:
    with Archive.open(archive_path) as archive:
        for day in range(1, 8):
            archive.add(_readout(f"Pair {day}", ("JP", "PE", "CL")[:1 + day % 3], day=day))
        archive.add(_readout("Filed", ("JP",), section="Economic Diplomacy", day=9))
        archive.add(_readout("Nowhere", (), day=10))
    _downgrade(archive_path, "0005")
    with sqlite3.connect(archive_path) as conn:
        columns = {r[1] for r in conn.execute("PRAGMA table_info(readouts)")}
        assert "filed_under" not in columns
    told: list[tuple[int, int]] = []
    with Archive.open(archive_path, progress=lambda done, total: told.append((done, total))
                      ) as archive:
        with sqlite3.connect(archive_path) as conn:
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] \
                == migrate.HEAD_REVISION
        shown = _shown(archive)
        assert shown == _expected(archive)
        assert shown["Pair 1"] == "Japan-Peru Relations"
        assert shown["Pair 2"] == "Japan-Peru-Chile Relations"
        assert shown["Filed"] == "Economic Diplomacy" and shown["Nowhere"] == ""
    # the eight readouts without a section of their own, reported as they are filled
    assert told[0] == (0, 8) and (8, 8) in told  # (later revisions tell theirs after)


def test_the_relation_column_sorts_by_what_it_shows(archive: Archive) -> None:
    archive.add(_readout("Peru pair", ("JP", "PE")))
    archive.add(_readout("Filed", ("JP",), section="economic diplomacy", day=2))
    archive.add(_readout("Chile pair", ("JP", "CL"), day=3))
    archive.add(_readout("Alone", ("FR",), day=4))
    page = archive.search("", limit=10, sort="section", descending=False)
    assert [h.filed_under for h in page.hits] == [
        "economic diplomacy", "France Relations", "Japan-Chile Relations",
        "Japan-Peru Relations"]
    assert archive.search_ids("", sort="section", descending=True) == list(reversed(page.ids))


def test_a_country_named_twice_is_filed_as_it_is_stored(archive: Archive) -> None:
    saved = archive.add(_readout("Twice", ("JP", "JP", "pe")))
    assert saved.relation == ("JP", "PE")
    assert _shown(archive) == {"Twice": "Japan-Peru Relations"} == _expected(archive)
