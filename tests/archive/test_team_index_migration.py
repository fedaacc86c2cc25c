"""Migration 0012 on a team archive: the index table's text moves to a table of its own and
back, and searches find the same readouts with the same snippets before and after."""

from __future__ import annotations

from importlib import resources

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, text

from readout_desk.archive import Archive
from readout_desk.archive.postgres import driver_url
from tests.archive.helpers import brazil_readout, lima_readout

QUERIES = ("Gervasi", "minister*", '"foreign minister"', "title:peru", "-lima")


def _migrate(url: str, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location",
                           str(resources.files("readout_desk.archive") / "migrations"))
    engine = create_engine(driver_url(url))
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            if revision == "head":
                command.upgrade(config, revision)
            else:
                command.downgrade(config, revision)
    finally:
        engine.dispose()


def _index_columns(url: str) -> tuple[set[str], set[str]]:
    engine = create_engine(driver_url(url))
    try:
        with engine.connect() as conn:
            rows = conn.execute(text(
                "SELECT table_name, column_name FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND table_name LIKE 'readout_fts%'"))
            found: dict[str, set[str]] = {}
            for table, column in rows:
                found.setdefault(str(table), set()).add(str(column))
        return found.get("readout_fts", set()), found.get("readout_fts_text", set())
    finally:
        engine.dispose()


def _searches(url: str) -> list[tuple[int, list[tuple[int, str]]]]:
    with Archive.open(url) as archive:
        pages = [archive.search(q) for q in QUERIES]
    return [(p.total, [(h.id, h.snippet) for h in p.hits]) for p in pages]


def test_the_text_moves_out_of_the_index_table_and_back(pg_url: str) -> None:
    with Archive.open(pg_url) as archive:
        archive.add_many([lima_readout(), brazil_readout()])
    found = _searches(pg_url)
    assert found[0][0] == 1
    assert _index_columns(pg_url) == ({"readout_id", "doc"}, {
        "readout_id", "title", "section", "people", "place", "occasion", "topics", "kinds",
        "countries", "body", "publisher"})

    _migrate(pg_url, "0010")  # as a team archive was before 0012: the text beside the words
    wide, text_table = _index_columns(pg_url)
    assert {"doc", "title", "body"} <= wide and text_table == set()

    _migrate(pg_url, "head")
    assert _index_columns(pg_url)[0] == {"readout_id", "doc"}
    assert _searches(pg_url) == found
