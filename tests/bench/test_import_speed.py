"""``bench/import_speed.py --split`` sums the time of the import's SQL apart from the rest."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import corpus  # noqa: E402
import import_speed  # noqa: E402


def _document(tmp_path: Path, *folders: str) -> Path:
    """A corpus of 60 readouts, and empty folders to import it into."""
    document = tmp_path / "corpus.json"
    with document.open("w", encoding="utf-8") as out:
        corpus.write_document(out, 60)
    for name in folders:
        (tmp_path / name).mkdir()
    return document


def test_the_split_import_times_its_statements_apart(tmp_path: Path) -> None:
    document = _document(tmp_path, "plain", "split")
    plain = import_speed.run_import(document, tmp_path / "plain")
    split = import_speed.run_import(document, tmp_path / "split", split=True)
    assert plain["readouts"] == split["readouts"] == 60
    assert "sql_cpu" not in plain
    # One batch: the names looked up, the rows and both index tables written, committed.
    assert split["statements"] >= 8
    assert 0 < split["sql_cpu"] < split["cpu"]

    runs = {"import-split": [split],
            **{table: [{"cpu": split["cpu"] / 4}] for table in import_speed.TABLES}}
    lines = import_speed.split_lines(runs)
    assert f"{split['statements']:,} SQL statements" in lines[0]
    outside = split["cpu"] - split["sql_cpu"]
    assert f"{split['cpu'] / 4 / outside:6.2f}x" in lines[1]


def test_an_import_read_by_readers_counts_their_time(tmp_path: Path) -> None:
    document = _document(tmp_path, "apart", "alone")
    apart = import_speed.run_import(document, tmp_path / "apart", readers=2)
    alone = import_speed.run_import(document, tmp_path / "alone", readers=0)
    assert apart["readouts"] == alone["readouts"] == 60
    assert 0 < apart["readers_cpu"] < apart["cpu"] and apart["readers_peak_rss_mb"] > 0
    assert alone["readers_cpu"] == 0
    assert import_speed._readers(apart).startswith("(readers: ")  # noqa: SLF001
    assert import_speed._readers(alone) == ""  # noqa: SLF001
