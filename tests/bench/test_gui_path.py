"""The benchmark's window path runs the window's own search and gets the façade's page.

``bench/run.py --gui-path`` times the main window's search controller beside
``Archive.search`` and raw FTS5; here, on a small corpus with no sections, every path
must give the same page and count, and the raw statements the same count.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.domain import jsonformat

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import corpus  # noqa: E402
import gui_path  # noqa: E402
import run  # noqa: E402


@pytest.fixture
def small(tmp_path: Path) -> Path:
    path = tmp_path / "archive.sqlite3"
    items = list(corpus.iter_readouts(300))
    for d in items:
        d["title"], d["section"] = d["title"] or d["section"], ""
    with Archive.open(path) as archive:
        archive.add_many([jsonformat.readout_from_dict(d) for d in items])
    return path


def test_every_path_gives_the_window_the_same_page(qtbot: QtBot, small: Path) -> None:
    result = gui_path.measure(small, run.window_queries(), 2, lambda _line: None)
    queries = result["queries"]
    assert set(queries) == {q.text for q in run.QUERY_MIX}
    assert all(q["same_page"] and q["raw_same_hits"] for q in queries.values())
    assert queries["minister"]["hits"] > 200  # a full page, and a count past it
    lines = gui_path.report(result, "Search")
    assert any(line.strip().startswith("common word: minister") for line in lines)
    assert all(q["first_ms"] > 0 for q in queries.values())
    assert any("the window's first search of each query" in line for line in lines)


def test_the_window_path_makes_its_own_kept_lists(
        qtbot: QtBot, small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The lists kept before are let go, and the window's first searches keep them
    again, on its own read-only connection (small lists, so that 300 readouts make
    one for a page of 20)."""
    from readout_desk.archive import search, sqlite_kept
    from readout_desk.ui import search_controller

    monkeypatch.setattr(sqlite_kept, "KEEP", 60)
    monkeypatch.setattr(sqlite_kept, "KEEP_FROM_HITS", 60)
    monkeypatch.setattr(search, "RANK_AHEAD", 30)
    monkeypatch.setattr(search_controller, "PAGE_SIZE", 20)
    with Archive.open(small) as archive:
        archive.search("minist*", limit=20)  # a list the bench lets go

    def lists() -> set[str]:
        with sqlite3.connect(small) as db:
            found = {str(m) for (m,) in db.execute("SELECT match FROM kept_rankings")}
        db.close()
        return found

    assert lists() == {'"minist" *'}
    mix = [q for q in run.window_queries() if q[1] in ("minister", "energ*")]
    result = gui_path.measure(small, mix, 1, lambda _line: None)
    assert lists() == {'"minister"', '"energ" *'}  # made by the window's searches
    assert result["lists_made"] == 2


def test_the_window_path_shows_the_relation_for_a_readout_without_a_section(
        qtbot: QtBot, small: Path) -> None:
    path = gui_path.WindowPath(small)
    try:
        page = path.window("minister")
        assert page.hits and all(h.section == "" for h in page.hits)
        assert all(h.filed_under.endswith(" Relations") for h in page.hits)
        assert list(page.ids) == list(path.facade("minister").ids)
    finally:
        path.close()


def test_the_window_path_leaves_the_windows_facet_delay_as_it_was(
        qtbot: QtBot, small: Path) -> None:
    from readout_desk.ui import search_controller

    before = search_controller.FACETS_DELAY_MS
    path = gui_path.WindowPath(small)
    path.close()
    assert before == search_controller.FACETS_DELAY_MS


def test_the_report_gives_window_over_facade_query_by_query() -> None:
    def q(window: float, facade: float) -> dict[str, float]:
        return {"window_ms": window, "facade_ms": facade}

    result = {"queries": {"minister": q(20.0, 18.0), "energ*": q(13.0, 12.0),
                          '"rule of law"': q(33.0, 30.0), "quasarglyph": q(0.4, 0.1)}}
    line = gui_path.per_query_line(result)
    # The median of 1.11x, 1.08x, 1.10x and 4.00x; the highest of those of 1 ms or more.
    assert "median 1.11x" in line
    assert "highest 1.11x (minister)" in line
    assert "under 1 ms: quasarglyph 4.00x (0.1 ms)" in line


def test_the_raw_statement_ends_every_round_and_the_others_take_turns_first() -> None:
    rounds = [gui_path.round_order(["window", "call", "facade", "raw"], i) for i in range(6)]
    assert all(order[-1] == "raw" and sorted(order[:3]) == ["call", "facade", "window"]
               for order in rounds)
    firsts = [order[0] for order in rounds]
    assert sorted(firsts) == ["call", "call", "facade", "facade", "window", "window"]
