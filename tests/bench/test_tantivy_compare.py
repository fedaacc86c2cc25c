"""``bench/tantivy_compare.py`` builds a Tantivy index of an archive's readouts and finds
in it the same number of hits as the archive, query by query."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from readout_desk.archive import Archive
from readout_desk.domain import jsonformat

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

pytest.importorskip("tantivy", reason="tantivy has wheels for CPython 3.11 and later only")

import corpus  # noqa: E402
import tantivy_compare  # noqa: E402


def test_every_query_finds_as_many_readouts_in_both(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "archive.sqlite3"
    with Archive.open(path) as archive:
        archive.add_many([jsonformat.readout_from_dict(d) for d in corpus.iter_readouts(400)])
    built = tantivy_compare.build(path, tmp_path / "index")
    assert built["readouts"] == 400 and built["bytes"] > 0
    found = tantivy_compare.measure(path, tmp_path / "index", 1)
    assert set(found) == set(tantivy_compare.TANTIVY_QUERIES)
    assert all(q["hits"] == q["tantivy_hits"] for q in found.values()), found
    assert found["minister"]["hits"] > 200  # a full page, and a count past it
    assert found["from:2020-01-01 to:2020-06-30 minister"]["hits"] > 0  # the date range
    assert "Tantivy" in capsys.readouterr().out
