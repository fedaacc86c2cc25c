"""The Japanese mix's check of hit sets: one scan for the whole mix finds what one per query does.

``bench/japanese_mix.py`` checks the façade's hits against an ``instr()`` scan of the index
text; at a million readouts a scan takes minutes, so the mix is scanned once. Here, on a
small corpus with a third Japanese, the one scan must give every query the readouts that
its own ``instr()`` statement gives.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from readout_desk.archive import Archive
from readout_desk.archive.sqlite_index import register_functions
from readout_desk.domain import jsonformat

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import corpus_ja  # noqa: E402
import japanese_mix  # noqa: E402


def test_one_scan_finds_what_each_query_s_own_scan_finds(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite3"
    with Archive.open(path) as archive:
        for _first, items in corpus_ja.iter_batches(300, 100, 0.33):
            archive.add_many([jsonformat.readout_from_dict(d) for d in items])
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    register_functions(conn)
    try:
        queries = japanese_mix.mix()
        together = japanese_mix.references(conn, queries)
        one_by_one = {q.text: japanese_mix.reference(conn, q) for q in queries}
    finally:
        conn.close()
    assert together == one_by_one
    assert sum(1 for hits in one_by_one.values() if hits) > 20  # most queries find some
    mixed = [q.text for q in queries if q.runs and q.words]  # a run and an English word
    assert mixed and any(one_by_one[text] for text in mixed)
