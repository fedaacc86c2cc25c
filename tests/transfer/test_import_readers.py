"""A large JSON file read by other processes (``transfer/readers.py``) goes into the archive
exactly as when the import's own process reads it: the same rows, byte for byte, the same
duplicates, and the same sentence for a file that is refused, whichever reader found its
problems. A cancel or a reader that dies leaves nothing of the file and no process behind.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
from pathlib import Path
from typing import Any

import pytest

from readout_desk.archive import Archive, export_readouts, import_files
from readout_desk.archive import store as store_module
from readout_desk.archive.errors import ArchiveError
from readout_desk.archive.transfer import importing
from readout_desk.archive.transfer.readers import Readers, readers_for
from tests.transfer.test_import_content import NOW, _document, _rows

BATCH = 40  # several batches for each reader


@pytest.fixture(autouse=True)
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "_now", lambda: NOW)
    monkeypatch.setattr(importing, "BATCH", BATCH)


def _write(path: Path, document: Any) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def _import(tmp_path: Path, name: str, source: Path, readers: int,
            **options: Any) -> tuple[Path, Any]:
    target = tmp_path / f"{name}.sqlite3"
    with Archive.open(target) as archive:
        summary = import_files(archive, [source], readers=readers, **options)
        if not summary.failed and not summary.cancelled:
            export_readouts(archive, archive.all_ids(), "json", tmp_path / f"{name}.json",
                            now=NOW)
    assert not multiprocessing.active_children()  # every reader ended
    return target, summary


@pytest.mark.parametrize("readers", [1, 2, 3])
def test_readers_store_what_the_import_stores_reading_alone(tmp_path: Path,
                                                            readers: int) -> None:
    document = _document(230)  # ⅓ Japanese; a source, a duplicate, a near-duplicate
    document["readouts"].append(document["readouts"][5])  # a duplicate in a later batch
    source = _write(tmp_path / "readouts.json", document)
    alone, by_itself = _import(tmp_path, "alone", source, 0)
    apart, by_readers = _import(tmp_path, "readers", source, readers)

    assert not by_readers.failed and by_readers.imported_ids == by_itself.imported_ids
    assert by_readers.files[0].duplicates == by_itself.files[0].duplicates
    assert len(by_readers.files[0].duplicates) == 2
    assert _rows(apart) == _rows(alone)
    assert (tmp_path / "readers.json").read_bytes() == (tmp_path / "alone.json").read_bytes()


def test_readers_add_to_an_archive_that_holds_readouts(tmp_path: Path) -> None:
    first = _write(tmp_path / "first.json", _document(50))
    second = _document(120)
    # Ten already in the archive, and the two the document adds at its end (the same
    # record as its fourth, and its fifth corrected), which the first file holds too.
    second["readouts"] = second["readouts"][40:]
    later = _write(tmp_path / "later.json", second)
    results = []
    for name, readers in (("alone", 0), ("readers", 2)):
        target = tmp_path / f"{name}.sqlite3"
        with Archive.open(target) as archive:
            import_files(archive, [first], readers=0)
            summary = import_files(archive, [later], readers=readers)
        results.append((_rows(target), summary.imported_ids, summary.files[0].duplicates))
    assert results[0] == results[1]
    assert len(results[1][2]) == 12


def _broken(tmp_path: Path, name: str, change: Any) -> Path:
    document = _document(200)
    items = document["readouts"]
    path = tmp_path / name
    path.write_text(change(items), encoding="utf-8")
    return path


def _no_title(item: dict[str, Any]) -> dict[str, Any]:
    return dict(item, title="", section="")


def _problems_in_two_shares(items: list[Any]) -> str:
    items[45] = _no_title(items[45])  # batch 1: the second reader's
    items[3] = dict(items[3], relation=["XX", "YY"])  # batch 0: the first's, two problems
    items[130] = _no_title(items[130])
    return json.dumps({"readouts": items}, ensure_ascii=False)


def _not_a_readout_then_not_json(items: list[Any]) -> str:
    items[170] = _no_title(items[170])
    items[50] = 17  # batch 1: not a readout
    return json.dumps({"readouts": items}, ensure_ascii=False)[:-300]  # cut short


def _problem_then_not_a_readout(items: list[Any]) -> str:
    items[5] = _no_title(items[5])
    items[90] = ["a list"]  # batch 2, the first reader's again when there are two
    return json.dumps({"readouts": items}, ensure_ascii=False)


def _not_json_mid_file(items: list[Any]) -> str:
    text = json.dumps({"readouts": items}, ensure_ascii=False)
    middle = text.index('"title"', len(text) // 2)
    return text[:middle] + "'" + text[middle + 1:]


def _a_field_that_is_not_one(items: list[Any]) -> str:
    items[121] = dict(items[121], meeting_date="2023-02-30")
    items[60] = _no_title(items[60])
    return json.dumps({"readouts": items}, ensure_ascii=False)


@pytest.mark.parametrize("change", [_problems_in_two_shares, _not_a_readout_then_not_json,
                                    _problem_then_not_a_readout, _not_json_mid_file,
                                    _a_field_that_is_not_one])
def test_a_refused_file_is_told_as_the_import_alone_tells_it(tmp_path: Path,
                                                             change: Any) -> None:
    source = _broken(tmp_path, "broken.json", change)
    _target, alone = _import(tmp_path, "alone", source, 0)
    told = alone.files[0].error
    assert told and not alone.imported_ids
    for readers in (2, 3):
        target, apart = _import(tmp_path, f"readers{readers}", source, readers)
        assert apart.files[0].error == told
        assert not apart.imported_ids
        with Archive.open(target) as archive:
            assert archive.all_ids() == []


def test_a_cancel_stops_the_readers_and_keeps_nothing(tmp_path: Path) -> None:
    source = _write(tmp_path / "readouts.json", _document(200))
    asked: list[str] = []

    def progress(_done: int, _total: int, label: str) -> None:
        asked.append(label)

    target, summary = _import(tmp_path, "cancelled", source, 2, progress=progress,
                              cancelled=lambda: len(asked) > 2)
    assert summary.cancelled
    with Archive.open(target) as archive:
        assert archive.all_ids() == []
    assert any(label.endswith("%)") for label in asked)  # how much of the file was read


def test_a_reader_that_dies_is_an_error_and_the_others_stop(tmp_path: Path) -> None:
    source = _write(tmp_path / "readouts.json", _document(200))
    readers = Readers(source, 2, 20, "sqlite")
    try:
        batches = readers.batches()
        next(batches)
        process = readers._processes[1]  # noqa: SLF001 - the test kills one on purpose
        assert process.pid is not None
        os.kill(process.pid, signal.SIGKILL)
        with pytest.raises(ArchiveError, match="stopped unexpectedly"):
            for _batch in batches:
                pass
    finally:
        readers.close()
    assert not multiprocessing.active_children()


def test_a_file_with_photos_beside_it_is_read_by_the_import_itself(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*_args: Any) -> None:
        raise AssertionError("readers started for a file whose photos the import brings")

    monkeypatch.setattr(importing, "Readers", refused)
    source = _write(tmp_path / "readouts.json", _document(60))
    (tmp_path / "readouts-attachments").mkdir()
    _target, summary = _import(tmp_path, "photos", source, 2)
    assert not summary.failed and len(summary.imported_ids) == 61  # 62, one a duplicate


@pytest.mark.parametrize(("cores", "readers"), [(1, 0), (2, 2), (4, 3), (16, 4)])
def test_how_many_readers_a_file_gets(monkeypatch: pytest.MonkeyPatch, cores: int,
                                      readers: int) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: cores)
    assert readers_for(1_000, 32 << 20) == 0
    assert readers_for(32 << 20, 32 << 20) == readers
