"""An imported file is stored exactly as its records are stored when saved one by one.

The JSON import takes shortcuts (a quick reader of each object, batches in one
transaction); the archive it leaves must hold the same rows, byte for byte, as an archive
given the same records through the format's own reader and ``Archive.add_batches``, and
export the same document. The corpus is the benchmark's (English and Japanese readouts).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest

from readout_desk.archive import Archive, export_readouts, import_files
from readout_desk.archive import store as store_module
from readout_desk.archive.transfer import importing
from readout_desk.domain import jsonformat, validation

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import corpus_ja  # noqa: E402

NOW = dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)


def _rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every stored table (the full-text tables' own storage too)."""
    conn = sqlite3.connect(path)
    try:
        names = [name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")]
        # A full scan reads in key order (the rowid, or a WITHOUT ROWID table's key).
        return {name: conn.execute(f'SELECT * FROM "{name}"').fetchall()
                for name in names if not name.startswith("sqlite_")}
    finally:
        conn.close()


def _document(size: int) -> dict[str, Any]:
    items = [corpus_ja.mixed(i, 1 / 3) for i in range(size)]
    items[7]["source"] = {"kind": "page", "text": "Talks in Lima.", "url": "https://x.test/r",
                          "retrieved_at": "2023-05-04T01:02:03Z",
                          "spans": [{"field": "title", "start": 0, "end": 5}]}
    items[2]["participants"][0]["office_ja"] = "外務大臣"
    items[2]["place"] = {"city": "Lima", "country": "PE", "venue": "", "zone": "America/Lima",
                         "city_ja": "リマ"}
    items.append(json.loads(json.dumps(items[3])))  # the same record again: a duplicate
    items.append(dict(items[4], title=items[4]["title"] + " (corrected)"))
    return {"format": jsonformat.FORMAT_NAME, "version": jsonformat.FORMAT_VERSION,
            "readouts": items}


def test_an_import_stores_what_saving_the_records_stores(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "_now", lambda: NOW)
    monkeypatch.setattr(importing, "BATCH", 40)  # several batches in the file's transaction
    document = _document(150)
    source = tmp_path / "readouts.json"
    source.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")

    imported, saved = tmp_path / "imported.sqlite3", tmp_path / "saved.sqlite3"
    with Archive.open(imported) as archive:
        summary = import_files(archive, [source])
        assert not summary.failed and summary.duplicate_count == 1
        export_readouts(archive, archive.all_ids(), "json", tmp_path / "imported.json",
                        now=NOW)
    records = jsonformat.readouts_from_json(document)
    with Archive.open(saved) as archive:
        archive.add_batches([records[i:i + 40] for i in range(0, len(records), 40)],
                            report=lambda *_args: None)
        export_readouts(archive, archive.all_ids(), "json", tmp_path / "saved.json", now=NOW)

    assert len(summary.imported_ids) == len(records) - 1
    assert _rows(imported) == _rows(saved)
    assert (tmp_path / "imported.json").read_bytes() == (tmp_path / "saved.json").read_bytes()


#: Escapes that make a character no archive text may hold, in the spellings a file may use.
UNSTORABLE_ESCAPES = ["\\u0000", "\\ud800", "\\uD800", "\\udfff", "\\uDC00", "\\ud83d"]


@pytest.mark.parametrize("escape", UNSTORABLE_ESCAPES)
@pytest.mark.parametrize("field", ["title", "participants.0.office", "points.1.text",
                                   "topics.0", "place.city_ja"])
def test_an_unstorable_character_is_refused_in_the_words_of_the_check(
        tmp_path: Path, escape: str, field: str) -> None:
    document = _document(10)
    document["readouts"][2]["place"] = {"city": "Lima", "city_ja": "リマ"}
    holder: Any = document["readouts"][2]
    *steps, last = field.split(".")
    for step in steps:
        holder = holder[int(step) if step.isdigit() else step]
    key: Any = int(last) if last.isdigit() else last
    holder[key] = str(holder[key]) + "MARK"
    text = json.dumps(document, ensure_ascii=False).replace("MARK", escape)
    source = tmp_path / "odd.json"
    source.write_text(text, encoding="utf-8")
    records = jsonformat.readouts_from_json(json.loads(text))
    expected = validation.problems(records[2])
    assert expected, "the check itself finds the character"
    with Archive.open(tmp_path / "a.sqlite3") as archive:
        summary = import_files(archive, [source])
        assert archive.count() == 0
    assert summary.files[0].error.startswith(f"readout 3 ({importing.describe(records[2])}): "
                                             f"{expected[0]}")


def test_a_character_written_as_a_pair_of_escapes_is_stored(tmp_path: Path) -> None:
    document = _document(10)
    text = json.dumps(document, ensure_ascii=False).replace(
        document["readouts"][1]["title"], document["readouts"][1]["title"] + "\\ud83d\\ude00")
    source = tmp_path / "emoji.json"
    source.write_text(text, encoding="utf-8")
    with Archive.open(tmp_path / "a.sqlite3") as archive:
        summary = import_files(archive, [source])
        assert not summary.failed
        titles = [r.title for r in archive.get_many(archive.all_ids())]
    assert any(t.endswith("\U0001F600") for t in titles)
