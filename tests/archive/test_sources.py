"""A readout keeps what it was read from: stored apart from what is searched, kept when
the readout is edited, exported in JSON and brought back by a backup."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

from readout_desk.archive import Archive
from readout_desk.archive import backup as bk
from readout_desk.archive.transfer import export_readouts, import_files
from readout_desk.domain.records import Source
from tests.archive.helpers import lima_readout

PAGE = Source(
    kind="page",
    text="Japan-Peru Relations\nFlamingo gathering at the lagoon",
    original="<html><body><p>Japan-Peru Relations</p><script>x()</script></body></html>",
    url="https://example.org/readout/1",
    retrieved_at=dt.datetime(2026, 11, 30, 9, 15, tzinfo=dt.timezone.utc),
    spans=(("section", 0, 20),),
)


def test_a_source_is_kept_apart_from_what_is_searched(archive: Archive) -> None:
    saved = archive.add(dataclasses.replace(lima_readout(), source=PAGE))
    assert saved.source == PAGE
    # The words of the source alone find nothing: searches never read it.
    assert archive.search("Flamingo").total == 0
    assert archive.search(saved.title.split()[0]).total == 1


def test_an_edit_without_the_source_keeps_it_and_a_new_one_replaces_it(
        archive: Archive) -> None:
    saved = archive.add(dataclasses.replace(lima_readout(), source=PAGE))
    edited = archive.update(dataclasses.replace(saved, title="Edited", source=None))
    assert edited.title == "Edited" and edited.source == PAGE
    newer = dataclasses.replace(PAGE, kind="text", original="", url="", retrieved_at=None)
    again = archive.update(dataclasses.replace(edited, source=newer))
    assert again.source == newer
    # The history keeps what the fields were, not a copy of the source each time.
    assert again.id is not None
    history = archive.history(again.id)
    assert len(history) == 2 and all(info.readout.source is None for info in history)
    # Going back to an earlier version keeps the source the readout has.
    assert archive.restore_version(again.id, history[-1].version).source == newer


def test_json_export_and_import_carry_the_source(archive: Archive, tmp_path: Path) -> None:
    archive.add(dataclasses.replace(lima_readout(), source=PAGE))
    out = tmp_path / "out.json"
    export_readouts(archive, archive.all_ids(), "json", out)
    data = json.loads(out.read_text("utf-8"))
    kept = data["readouts"][0]["source"]
    assert kept["url"] == PAGE.url and kept["original"] == PAGE.original
    assert kept["spans"] == [{"field": "section", "start": 0, "end": 20}]
    with Archive.open(tmp_path / "copy.sqlite3") as copy:
        summary = import_files(copy, [out])
        assert not summary.failed
        assert copy.get(summary.imported_ids[0]).source == PAGE


def test_a_backup_brings_the_source_back(archive: Archive) -> None:
    saved = archive.add(dataclasses.replace(lima_readout(), source=PAGE))
    assert saved.id is not None
    info = bk.create_backup(archive)
    archive.update(dataclasses.replace(saved, source=Source(kind="text", text="other")))
    bk.restore_backup(archive, info)
    assert archive.get(saved.id).source == PAGE


def test_a_text_file_waiting_for_review_keeps_its_source(archive: Archive,
                                                         tmp_path: Path) -> None:
    from readout_desk.archive.transfer.drafts import DraftQueue

    page = tmp_path / "talks.html"
    page.write_text("<html><body><p>Japan-Peru Relations</p><p>May 3, 2023</p><p>On May 3, "
                    "Mr. KANEDA Ryo, Minister for Foreign Affairs of Japan, held a meeting "
                    "with H.E. Ms. Lucia Prado, Minister of Foreign Affairs of the Republic "
                    "of Peru, in Lima.</p></body></html>", "utf-8")
    queue = DraftQueue(tmp_path / "queue")
    import_files(archive, [page], draft_queue=queue)
    [queued] = DraftQueue(tmp_path / "queue").items()
    source = queued.readout.source
    assert source is not None and (source.kind, source.name) == ("file", "talks.html")
    assert source.original.startswith("<html>") and "<p>" not in source.text
    assert source.as_printed("section") == "Japan-Peru Relations"
