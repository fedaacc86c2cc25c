"""A team archive counts the hits of words from the full-text table alone when nothing
else is asked of the readouts, and joins them when something is (the trash, a date)."""

from __future__ import annotations

import dataclasses

import pytest

from readout_desk.archive import Archive
from readout_desk.archive.postgres_search import build_search
from readout_desk.domain.query import parse_query
from tests.archive.helpers import lima_readout


def test_words_alone_are_counted_without_the_readouts_table() -> None:
    alone = build_search(parse_query("minister trade"), trash_present=False)
    assert alone.index_from_where.startswith("FROM readout_fts f WHERE")
    assert "readouts" not in alone.index_from_where.replace("readout_fts", "")
    for query, trash in (("minister", True), ("minister from:2020-01-01", False),
                         ("in:trash minister", False)):
        assert build_search(parse_query(query), trash_present=trash).index_from_where == ""


def test_a_rendered_search_is_made_once_and_cannot_be_changed() -> None:
    first = build_search(parse_query("country:peru trade"), trash_present=True)
    assert build_search(parse_query("country:peru trade"), trash_present=True) is first
    assert build_search(parse_query("country:peru trade"), trash_present=False) != first
    with pytest.raises(TypeError):  # shared by every search of the query: read-only
        first.params["match"] = "'other'"  # type: ignore[index]


def test_counts_leave_out_the_trash(pg_url: str) -> None:
    with Archive.open(pg_url) as archive:
        ids = archive.add_many([dataclasses.replace(lima_readout(), title=f"Talks {i}")
                                for i in range(5)])
        # In date order the total of a full page is counted, not read off a ranking.
        assert archive.search("Gervasi", limit=2, sort="date").total == 5
        archive.delete(ids[0])
        assert archive.search("Gervasi", limit=2, sort="date").total == 4
        assert archive.search("in:trash Gervasi", limit=1, sort="date").total == 1
