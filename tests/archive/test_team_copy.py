"""``readout-desk-cli copy``: a whole archive from SQLite to PostgreSQL and back, with
nothing lost (records, times, versions, history, trash, sources, saved searches, photos
between files), and a copy that was interrupted goes on where it stopped."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from readout_desk import paths
from readout_desk.archive import Archive, copy_archive
from readout_desk.archive import copying as copying_module
from readout_desk.domain import jsonformat
from readout_desk.domain.records import Photo, Readout
from tests.archive.helpers import brazil_readout, lima_readout
from tests.archive.test_sources import PAGE
from tests.cli.test_cli import run

PHOTO = b"\xff\xd8 not really a photo"


def _everything(archive: Archive) -> list[dict[str, Any]]:
    """What the archive holds, by readout, without its ids."""
    found = []
    for rid in archive.all_ids(include_trash=True):
        record = jsonformat.readout_to_dict(archive.get(rid))
        record.pop("id", None)
        history = [(v.version, v.saved_at, jsonformat.readout_to_dict(
            dataclasses.replace(v.readout, id=None))) for v in archive.history(rid)]
        found.append({"record": record, "source": archive.get(rid).source,
                      "trash": archive.is_deleted(rid), "history": history})
    return sorted(found, key=repr)


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    """A SQLite archive with every kind of thing a copy must carry."""
    path = tmp_path / "desk.sqlite3"
    with Archive.open(path) as archive:
        lima = archive.add(dataclasses.replace(lima_readout(), source=PAGE,
                                               photos=(Photo("Handshake", "lima.jpg"),)))
        archive.update(dataclasses.replace(lima, notes="Checked against the page."))
        archive.update(dataclasses.replace(archive.get(lima.id or 0), title="Lima talks"))
        gone = archive.add(brazil_readout())
        archive.delete(gone.id or 0)
        twin = Readout(title="A short call", meeting_date=dt.date(2024, 2, 1))
        archive.add_many([twin, twin])  # two equal readouts stay two
        archive.save_search("Peru", "country:pe")
        folder = archive.attachments_dir
        assert folder is not None
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "lima.jpg").write_bytes(PHOTO)
    return path


def test_sqlite_to_postgresql_and_back_loses_nothing(filled: Path, pg_url: str,
                                                     tmp_path: Path) -> None:
    code, out, err = run("copy", "--from", str(filled), "--to", pg_url)
    assert code == 0, err
    assert "Copied 4 readouts (2 earlier versions)" in out and "0 were there already" in out
    assert "copied 4 of 4 readouts" in err
    assert "Photos: 1 copied." in out
    paths.set_base_dir(tmp_path / "elsewhere")  # another machine, with a cache of its own
    back = tmp_path / "back.sqlite3"
    code, out, err = run("copy", "--from", pg_url, "--to", str(back))
    assert code == 0, err
    assert "Photos: 1 copied." in out
    with Archive.open(filled) as original, Archive.open(pg_url) as team, \
            Archive.open(back) as returned:
        assert _everything(team) == _everything(original) == _everything(returned)
        assert team.saved_searches() == returned.saved_searches() == [("Peru", "country:pe")]
        assert team.search("Gervasi").total == 1 and team.search("in:trash").total == 1
        assert returned.attachments_dir is not None
        assert (returned.attachments_dir / "lima.jpg").read_bytes() == PHOTO


def test_file_to_file_copies_the_photos(filled: Path, tmp_path: Path) -> None:
    target = tmp_path / "other.sqlite3"
    with Archive.open(filled) as source, Archive.open(target) as copy:
        result = copy_archive(source, copy)
        assert (result.copied, result.photos, result.photos_missing) == (4, 1, ())
        assert copy.attachments_dir is not None
        assert (copy.attachments_dir / "lima.jpg").read_bytes() == PHOTO


def test_an_interrupted_copy_goes_on_where_it_stopped(
        filled: Path, pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(copying_module, "BATCH", 2)

    def stop_after_the_first_batch(done: int, total: int) -> None:
        raise KeyboardInterrupt

    with Archive.open(filled) as source, Archive.open(pg_url) as team:
        with pytest.raises(KeyboardInterrupt):
            copy_archive(source, team, stop_after_the_first_batch)
        assert team.count(include_trash=True) == 2
        result = copy_archive(source, team)
        assert (result.copied, result.skipped) == (2, 2)
        again = copy_archive(source, team)
        assert (again.copied, again.skipped) == (0, 4)
        assert _everything(team) == _everything(source)


def test_a_second_machine_reads_the_photos_from_the_server(
        filled: Path, pg_url: str, tmp_path: Path) -> None:
    code, out, err = run("copy", "--from", str(filled), "--to", pg_url)
    assert code == 0, err
    with Archive.open(pg_url) as here:
        first_cache = here.attachments_dir
    paths.set_base_dir(tmp_path / "second-machine")
    with Archive.open(pg_url) as elsewhere:
        assert elsewhere.attachments_dir is not None
        assert elsewhere.attachments_dir != first_cache
        assert not (elsewhere.attachments_dir / "lima.jpg").exists()
        hit = elsewhere.search("Gervasi").hits[0]
        photo = elsewhere.get(hit.id).photos[0]
        assert (elsewhere.attachments_dir / photo.file).read_bytes() == PHOTO


def test_an_interrupted_copy_to_the_server_carries_every_photo_when_run_again(
        filled: Path, pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(copying_module, "BATCH", 1)
    calls: list[int] = []

    def stop_after_the_first_batch(done: int, total: int) -> None:
        calls.append(done)
        raise KeyboardInterrupt

    with Archive.open(filled) as source, Archive.open(pg_url) as team:
        with pytest.raises(KeyboardInterrupt):
            copy_archive(source, team, stop_after_the_first_batch)
        result = copy_archive(source, team)
        assert result.photos_missing == ()
    paths.set_base_dir(tmp_path / "second-machine")
    back = tmp_path / "back.sqlite3"
    with Archive.open(pg_url) as team, Archive.open(back) as returned:
        copy_archive(team, returned)
        assert returned.attachments_dir is not None
        assert (returned.attachments_dir / "lima.jpg").read_bytes() == PHOTO
