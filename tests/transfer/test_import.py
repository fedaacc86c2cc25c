"""Import: all or nothing per file, duplicates skipped, cancel between files, a full disk."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from readout_desk.archive import Archive, ArchiveFullError, fingerprint
from readout_desk.archive.transfer import Cancelled, import_files, importing
from readout_desk.archive.transfer.drafts import DraftQueue
from readout_desk.domain import extract, jsonformat
from readout_desk.domain.records import Participant, Person, Photo, Readout
from tests.archive.helpers import lima_readout


def _write(path: Path, readouts: list[Readout]) -> Path:
    path.write_text(json.dumps(jsonformat.document(readouts), ensure_ascii=False), "utf-8")
    return path


def _talk(i: int, **changes: Any) -> Readout:
    return dataclasses.replace(lima_readout(), title=f"Talk number {i}", **changes)


def test_a_file_with_one_bad_readout_imports_nothing(tmp_path: Path, archive: Archive) -> None:
    good = _write(tmp_path / "good.json", [_talk(1), _talk(2)])
    data = jsonformat.document([_talk(3), _talk(4)])
    data["readouts"][1]["sessions"][0]["zone"] = "Mars/Olympus"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), "utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text('{"readouts": [', "utf-8")
    summary = import_files(archive, [good, bad, broken])
    assert archive.count() == 2
    assert [f.path.name for f in summary.failed] == ["bad.json", "broken.json"]
    assert "readout 2" in summary.failed[0].error and "Mars/Olympus" in summary.failed[0].error
    assert "not valid JSON" in summary.failed[1].error
    assert summary.lines()[0] == "Imported 2 readouts from 1 of 3 files."


def test_duplicates_are_skipped_and_counted(tmp_path: Path, archive: Archive) -> None:
    first = _write(tmp_path / "a.json", [_talk(1), _talk(2)])
    assert len(import_files(archive, [first]).imported_ids) == 2
    archive.delete(archive.all_ids()[0])
    # The same record again (its bookkeeping aside) is a duplicate ...
    again = dataclasses.replace(_talk(1), id=77, version=3)
    # ... another participant, another date or another word of the lead is not.
    other_people = _talk(2, participants=(Participant(Person("Blinken", "Antony")),))
    talk = _talk(2)
    assert talk.meeting_date is not None
    other_day = dataclasses.replace(talk, meeting_date=talk.meeting_date.replace(day=4))
    reworded = dataclasses.replace(_talk(1), lead="reworded")
    second = _write(tmp_path / "b.json", [again, other_people, other_day, other_day, reworded])
    summary = import_files(archive, [second])
    assert len(summary.imported_ids) == 3
    assert summary.duplicate_count == 2
    reasons = summary.files[0].duplicates
    assert "in the trash" in reasons[0]
    assert "repeated in b.json" in reasons[1]
    assert archive.count(include_trash=True) == 5
    third, fourth = (_write(tmp_path / name, [_talk(9)]) for name in ("c.json", "d.json"))
    assert "imported earlier from c.json" in import_files(
        archive, [third, fourth]).files[1].duplicates[0]


def test_readouts_alike_in_title_date_and_family_names_are_both_imported(
        tmp_path: Path, archive: Archive) -> None:
    # Two meetings on one day under one title with people of the same family names:
    # different given names and text make them different readouts.
    base = _talk(1)
    first = dataclasses.replace(base, participants=(
        Participant(Person("Tanaka", "Aiko")), Participant(Person("Moreno", "Lucia"))))
    second = dataclasses.replace(base, lead="A second, separate exchange.", participants=(
        Participant(Person("Tanaka", "Kenji")), Participant(Person("Moreno", "Pablo"))))
    summary = import_files(archive, [_write(tmp_path / "pair.json", [first, second])])
    assert len(summary.imported_ids) == 2 and summary.duplicate_count == 0
    again = import_files(archive, [_write(tmp_path / "again.json", [second, first])])
    assert again.duplicate_count == 2 and archive.count() == 2


def test_the_fingerprint_is_the_whole_record_as_stored() -> None:
    a = lima_readout()
    # What storing normalises, and the archive's own bookkeeping, do not count ...
    same = dataclasses.replace(a, id=9, version=4, relation=tuple(c.lower() for c in a.relation),
                               topics=tuple(t.upper() for t in a.topics))
    assert fingerprint(same) == fingerprint(a)
    # ... every field of the record does, case included.
    assert fingerprint(dataclasses.replace(a, title=a.title.upper())) != fingerprint(a)
    assert fingerprint(dataclasses.replace(
        a, participants=tuple(reversed(a.participants)))) != fingerprint(a)
    given = (dataclasses.replace(a.participants[0], person=dataclasses.replace(
        a.participants[0].person, given_name="Other")), *a.participants[1:])
    assert fingerprint(dataclasses.replace(a, participants=given)) != fingerprint(a)


def test_cancel_between_files_finishes_the_current_file(tmp_path: Path,
                                                        archive: Archive) -> None:
    files = [_write(tmp_path / f"f{i}.json", [_talk(i * 10 + j) for j in range(5)])
             for i in range(4)]
    seen: list[str] = []

    def progress(done: int, total: int, label: str) -> None:
        if label:
            seen.append(label)

    summary = import_files(archive, files, progress=progress, cancelled=lambda: len(seen) >= 2)
    assert summary.cancelled
    assert archive.count() == 10  # two whole files, nothing of the others
    assert [p.name for p in summary.not_started] == ["f2.json", "f3.json"]
    assert "Cancelled" in summary.lines()[-1]


def test_cancel_within_a_file_keeps_nothing_of_it(tmp_path: Path, archive: Archive,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importing, "BATCH", 4)
    done = _write(tmp_path / "done.json", [_talk(i) for i in range(3)])
    big = _write(tmp_path / "big.json", [_talk(100 + i) for i in range(10)])
    labels: list[str] = []

    def progress(_done: int, _total: int, label: str) -> None:
        labels.append(label)

    summary = import_files(archive, [done, big], progress=progress,
                           cancelled=lambda: any("so far" in x for x in labels))
    assert summary.cancelled and any(x.startswith("big.json: 4 readouts so far (") and
                                     x.endswith("%)") for x in labels), labels
    assert archive.count() == 3  # the finished file; of the one in progress, nothing
    assert [p.name for p in summary.not_started] == ["big.json"]
    with pytest.raises(Cancelled):
        importing.import_file(archive, big, between=lambda: True)
    assert archive.count() == 3


def test_a_json_file_is_read_as_it_is_imported(tmp_path: Path, archive: Archive,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    # A window of a few characters over the file: every readout still arrives whole,
    # and a problem far into the file is placed by line and column.
    from readout_desk.archive.transfer import jsonstream

    monkeypatch.setattr(jsonstream, "CHUNK", 5)
    monkeypatch.setattr(importing, "BATCH", 3)
    talks = [_talk(i) for i in range(7)]
    source = tmp_path / "many.json"
    source.write_text(json.dumps(jsonformat.document(talks), indent=1), "utf-8")
    summary = import_files(archive, [source])
    assert len(summary.imported_ids) == 7
    assert archive.get_many(list(summary.imported_ids))[6].title == "Talk number 6"
    broken = tmp_path / "broken.json"
    text = json.dumps(jsonformat.document(talks), indent=1)
    damaged = text[:-30] + "?" + text[-29:]
    broken.write_text(damaged, "utf-8")
    failed = import_files(archive, [broken]).failed[0].error
    with pytest.raises(json.JSONDecodeError) as whole:
        json.loads(damaged)
    assert f"(line {whole.value.lineno}, column {whole.value.colno}: " in failed, failed
    assert archive.count() == 7


def test_folder_import_reads_every_json_inside(tmp_path: Path, archive: Archive) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    _write(folder / "a.json", [_talk(1)])
    _write(folder / "sub" / "b.json", [_talk(2)])
    (folder / "notes.bin").write_bytes(b"\0\1")
    summary = import_files(archive, [folder])
    assert [f.path.name for f in summary.files] == ["a.json", "b.json"]
    assert archive.count() == 2


def test_photo_files_travel_with_a_json_export(tmp_path: Path, archive: Archive) -> None:
    from readout_desk.archive.transfer import export_readouts

    assert archive.attachments_dir is not None
    (archive.attachments_dir).mkdir(parents=True, exist_ok=True)
    (archive.attachments_dir / "handshake.jpg").write_bytes(b"JPEG-bytes")
    saved = archive.add(_talk(1, photos=(Photo("Handshake", "handshake.jpg"),)))
    assert saved.id is not None
    out = tmp_path / "out" / "export.json"
    result = export_readouts(archive, [saved.id], "json", out)
    assert (tmp_path / "out" / "export-attachments" / "handshake.jpg").read_bytes() == \
        b"JPEG-bytes"
    assert any("Copied 1 photo file" in n for n in result.notes)
    with Archive.open(tmp_path / "other" / "archive.sqlite3") as other:
        import_files(other, [out])
        assert other.attachments_dir is not None
        assert (other.attachments_dir / "handshake.jpg").read_bytes() == b"JPEG-bytes"


def _fill_disk(archive: Archive, spare_pages: int) -> None:
    """Make the database "full": SQLite refuses to grow it past a few more pages."""
    assert archive.path is not None
    with sqlite3.connect(archive.path) as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]

    def limit(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + spare_pages}")

    engine = archive._engine  # noqa: SLF001 - the test reaches in to simulate a full disk
    event.listen(engine, "connect", limit)
    engine.dispose()


def test_a_full_disk_fails_the_save_and_leaves_the_archive_as_it_was(archive: Archive) -> None:
    archive.add(_talk(1))
    before = archive.get_many(archive.all_ids())
    _fill_disk(archive, spare_pages=2)
    big = _talk(2, lead="A long lead. " * 40_000)
    with pytest.raises(ArchiveFullError, match="disk .* is full"):
        archive.add(big)
    assert archive.get_many(archive.all_ids()) == before
    assert archive.integrity_problems() == []


def test_a_full_disk_stops_an_import_cleanly(tmp_path: Path, archive: Archive) -> None:
    archive.add(_talk(1))
    _fill_disk(archive, spare_pages=2)
    big = _write(tmp_path / "big.json", [_talk(i, lead="Words. " * 20_000) for i in range(2, 6)])
    later = _write(tmp_path / "later.json", [_talk(9)])
    summary = import_files(archive, [big, later])
    assert archive.count() == 1
    assert "full" in summary.failed[0].error
    assert [p.name for p in summary.not_started] == ["later.json"]
    assert summary.stopped
    assert archive.integrity_problems() == []


def test_a_text_readout_becomes_a_draft_for_review(tmp_path: Path, archive: Archive,
                                                   examples_dir: Path) -> None:
    folder = tmp_path / "texts"
    folder.mkdir()
    text = (examples_dir / "japan-peru-foreign-ministers-2023-05-03.txt").read_text("utf-8")
    (folder / "lima.txt").write_text(text, "utf-8")
    queue = DraftQueue(tmp_path / "queue")
    summary = import_files(archive, [folder], draft_queue=queue)
    assert archive.count() == 0 and not summary.failed, summary.lines()
    (draft,) = summary.drafts
    assert [s.start for s in draft.sessions][:1] == [dt.datetime(2023, 5, 3, 9, 10)]
    (queued,) = queue.items()
    assert queued.source_name == "lima.txt" and "HAYASHI" in queued.source_text


def test_a_text_file_too_large_for_the_extractor_is_refused(tmp_path: Path,
                                                             archive: Archive) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:
        handle.truncate(extract.MAX_INPUT_BYTES + 1)
    summary = import_files(archive, [big], draft_queue=DraftQueue(tmp_path / "queue"))
    (failed,) = summary.failed
    assert failed.error == f"the file is larger than {extract.MAX_INPUT_BYTES // 2**20} MB."
