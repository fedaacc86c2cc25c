"""A large JSON file read in a second process: the same outcome as reading it in the
importing process, word for word, and nothing left behind when either side stops early.

The size from which a file is read ahead is set to nothing here, so small files take
that way; each outcome is compared with the same file imported the usual way.
"""

from __future__ import annotations

import dataclasses
import json
import pickle
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from readout_desk.archive import Archive
from readout_desk.archive.bulk import Fingerprinted
from readout_desk.archive.transfer import Cancelled, import_files, importing, readahead
from readout_desk.archive.transfer.outcomes import ImportSummary
from readout_desk.domain import jsonformat
from readout_desk.domain.records import Readout
from tests.archive.helpers import lima_readout


def _talk(i: int, **changes: Any) -> Readout:
    return dataclasses.replace(lima_readout(), title=f"Talk number {i}", **changes)


def _write(path: Path, readouts: list[Readout]) -> Path:
    path.write_text(json.dumps(jsonformat.document(readouts), ensure_ascii=False), "utf-8")
    return path


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importing, "BATCH", 4)


def _both_ways(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: list[Path],
               **kwargs: Any) -> tuple[ImportSummary, ImportSummary, list[Readout]]:
    """The files imported the usual way and read ahead, each into a new archive; the
    second archive's readouts."""
    outcomes = []
    for ahead, name in ((False, "usual"), (True, "ahead")):
        monkeypatch.setattr(readahead, "READ_AHEAD_BYTES", 0 if ahead else 1 << 62)
        with Archive.open(tmp_path / f"{name}.sqlite3") as archive:
            outcomes.append(import_files(archive, files, **kwargs))
            stored = archive.get_many(archive.all_ids())
    return outcomes[0], outcomes[1], stored


def _without_paths(summary: ImportSummary) -> list[tuple[Any, ...]]:
    return [(f.path.name, list(f.imported), f.duplicates, f.error, f.skipped)
            for f in summary.files]


def test_a_file_read_ahead_is_imported_as_the_usual_way_imports_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_batches: None) -> None:
    talks = [_talk(i) for i in range(11)]
    path = _write(tmp_path / "talks.json", [*talks, talks[2], talks[9]])
    usual, ahead, stored = _both_ways(tmp_path, monkeypatch, [path])
    assert _without_paths(ahead) == _without_paths(usual)
    assert ahead.duplicate_count == 2 and len(ahead.imported_ids) == 11
    assert ahead.files[0].duplicates[0].endswith("repeated in talks.json")
    assert sorted(r.title for r in stored) == sorted(t.title for t in talks)


@pytest.mark.parametrize("spoil", ["bad readout", "not json", "no readouts"])
def test_a_file_read_ahead_is_refused_in_the_same_words(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_batches: None,
        spoil: str) -> None:
    path = _write(tmp_path / "talks.json", [_talk(i) for i in range(10)])
    text = path.read_text("utf-8")
    if spoil == "bad readout":  # late in the file, after batches were written
        text = text.replace("Talk number 9", "")
        document = json.loads(text)
        document["readouts"][9]["sessions"][0]["zone"] = "Mars/Olympus"
        text = json.dumps(document)
    elif spoil == "not json":
        text = text[:-40] + "}{"
    else:
        text = json.dumps({"format": jsonformat.FORMAT_NAME, "readouts": "none"})
    path.write_text(text, "utf-8")
    usual, ahead, stored = _both_ways(tmp_path, monkeypatch, [path])
    assert ahead.files[0].error and stored == []
    assert _without_paths(ahead) == _without_paths(usual)


def test_progress_says_how_much_of_a_file_read_ahead_is_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_batches: None) -> None:
    long = "A long account of the talks. " * 20_000  # 600 kB: the file is read in pieces
    path = _write(tmp_path / "talks.json", [_talk(i, lead=long) for i in range(20)])
    monkeypatch.setattr(readahead, "READ_AHEAD_BYTES", 0)
    labels: list[str] = []
    with Archive.open(tmp_path / "a.sqlite3") as archive:
        import_files(archive, [path], progress=lambda _d, _t, label: labels.append(label))
    found = [re.fullmatch(r"talks\.json: (\d+) readouts so far \((\d+)%\)", label)
             for label in labels if "so far" in label]
    assert [int(m[1]) for m in found if m] == [4, 8, 12, 16], labels
    shares = [int(m[2]) for m in found if m]
    assert 0 < shares[0] < shares[1] < shares[2] < 100, labels


def test_a_cancel_keeps_nothing_of_a_file_read_ahead_and_ends_its_reader(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_batches: None) -> None:
    path = _write(tmp_path / "big.json", [_talk(i) for i in range(200)])
    monkeypatch.setattr(readahead, "READ_AHEAD_BYTES", 0)
    started: list[Any] = []
    popen = subprocess.Popen

    def watched(*args: Any, **kwargs: Any) -> Any:
        started.append(popen(*args, **kwargs))
        return started[-1]

    monkeypatch.setattr(subprocess, "Popen", watched)
    with Archive.open(tmp_path / "a.sqlite3") as archive:
        with pytest.raises(Cancelled):
            importing.import_file(archive, path, between=lambda: True)
        assert archive.count() == 0
    # Ended at once (by a signal), not left to read on until it finds nobody listening.
    assert len(started) == 1 and started[0].returncode < 0


def test_a_reader_that_dies_fails_its_file_in_one_sentence(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    done = _write(tmp_path / "done.json", [_talk(1)])
    path = _write(tmp_path / "talks.json", [_talk(i) for i in range(10, 15)])
    monkeypatch.setattr(readahead, "READ_AHEAD_BYTES", 0)
    monkeypatch.setattr(readahead, "_READER", [sys.executable, "-c", "raise SystemExit(3)"])
    with Archive.open(tmp_path / "a.sqlite3") as archive:
        summary = import_files(archive, [done, path])
        assert archive.count() == 0
    assert [f.error for f in summary.files] == [
        "the process reading the file stopped before its end."] * 2


def test_an_error_that_cannot_travel_arrives_as_its_words() -> None:
    class Local(Exception):  # defined in a function: it cannot be pickled
        pass

    sent = readahead._portable(Local("a reason"))
    assert type(sent) is ValueError and str(sent) == "Local: a reason"
    kept = readahead._portable(OverflowError("too big"))
    assert type(kept) is OverflowError and str(kept) == "too big"


def test_a_batch_keeps_a_fingerprint_for_each_readout() -> None:
    talks = [_talk(1), _talk(2)]
    batch = pickle.loads(pickle.dumps(Fingerprinted(talks, [5, 6])))
    assert list(batch) == talks and batch.prints == [5, 6]
    with pytest.raises(ValueError):
        Fingerprinted(talks, [5])


def test_a_bundled_program_or_a_small_file_is_read_in_the_importing_process(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path / "talks.json", [_talk(1)])
    assert not readahead.worth_reading_ahead(path)  # smaller than a batch
    monkeypatch.setattr(readahead, "READ_AHEAD_BYTES", 0)
    assert readahead.worth_reading_ahead(path)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert not readahead.worth_reading_ahead(path)


def test_the_reader_sends_batches_with_their_fingerprints(tmp_path: Path) -> None:
    path = _write(tmp_path / "talks.json", [_talk(i) for i in range(5)])
    got: Iterator[tuple[Fingerprinted, float]] = readahead.batches(
        importing._json_batches, path, 2)
    batches = list(got)
    assert [len(b) for b, _share in batches] == [2, 2, 1]
    assert [share for _b, share in batches][-1] == 1.0
    from readout_desk.archive.fingerprints import fingerprint

    assert all(b.prints == [fingerprint(r) for r in b] for b, _share in batches)
