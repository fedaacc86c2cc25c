"""A team archive keeps its images in the database: a photo saved on one machine is read on
another, an image past the limit is refused with nothing saved, a connection lost in the
middle of a save leaves nothing half-written, and the photos of an older team archive (files
in its shared folder) still show and are taken into the database by ``store-photos``."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from readout_desk import paths
from readout_desk.archive import Archive, ArchiveError, ArchiveUnreachableError, postgres_photos
from readout_desk.archive.postgres import driver_url
from readout_desk.domain.records import Photo, Readout
from tests.archive.helpers import lima_readout
from tests.cli.test_cli import run

IMAGE = b"\x89PNG\r\n\x1a\n made-up image bytes"


def _stored(url: str) -> tuple[int, int, int]:
    """(readouts, images, photo file names) the database holds, seen from outside."""
    engine = create_engine(driver_url(url))
    try:
        with engine.connect() as conn:
            return tuple(int(conn.execute(text(f"SELECT count(*) FROM {t}")).scalar() or 0)
                         for t in ("readouts", "photo_blobs", "photo_files"))  # type: ignore[return-value]
    finally:
        engine.dispose()


def _with_photo(archive: Archive, name: str, image: bytes = IMAGE) -> Readout:
    """The Lima readout with one photo, its image put where the editor puts a new one."""
    folder = archive.attachments_dir
    assert folder is not None
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(image)
    return dataclasses.replace(lima_readout(), photos=(Photo("Handshake", name),))


@pytest.fixture
def team(pg_url: str) -> Iterator[Archive]:
    archive = Archive.open(pg_url)
    yield archive
    archive.close()


def test_a_photo_saved_on_one_machine_is_read_on_another(team: Archive, pg_url: str,
                                                         tmp_path: Path) -> None:
    saved = team.add(_with_photo(team, "a1b2-handshake.png"))
    here = team.attachments_dir
    paths.set_base_dir(tmp_path / "second-machine")
    with Archive.open(pg_url) as elsewhere:
        assert elsewhere.attachments_dir is not None
        assert elsewhere.attachments_dir != here
        photo = elsewhere.get(saved.id or 0).photos[0]
        assert (elsewhere.attachments_dir / photo.file).read_bytes() == IMAGE
        # Changed there, the readout keeps its photo; the image is still stored once.
        elsewhere.update(dataclasses.replace(elsewhere.get(saved.id or 0), notes="Seen."))
    assert _stored(pg_url) == (1, 1, 1)


def test_the_same_image_under_two_names_is_kept_once(team: Archive, pg_url: str) -> None:
    team.add(_with_photo(team, "first.png"))
    team.add(_with_photo(team, "second.png"))
    assert _stored(pg_url) == (2, 1, 2)


def test_an_image_past_the_limit_is_refused_and_nothing_is_saved(
        team: Archive, pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(postgres_photos, "MAX_PHOTO_BYTES", 1024)
    with pytest.raises(ArchiveError) as caught:
        team.add(_with_photo(team, "big.png", b"x" * 3000))
    message = str(caught.value)
    assert "big.png is 3 KB" in message and "up to 1 KB each" in message
    assert "Nothing was saved" in message
    assert _stored(pg_url) == (0, 0, 0)
    assert team.count(include_trash=True) == 0


def test_a_connection_lost_while_the_image_is_stored_leaves_nothing(
        team: Archive, pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    original = postgres_photos.store

    def store_then_lose_the_connection(conn: Any, *args: Any, **kwargs: Any) -> Any:
        missing = original(conn, *args, **kwargs)  # the image is written, not committed
        conn.exec_driver_sql("SELECT pg_terminate_backend(pg_backend_pid())")
        return missing

    monkeypatch.setattr(postgres_photos, "store", store_then_lose_the_connection)
    with pytest.raises(ArchiveUnreachableError):
        team.add(_with_photo(team, "lost.png"))
    assert _stored(pg_url) == (0, 0, 0)
    monkeypatch.setattr(postgres_photos, "store", original)
    saved = team.add(_with_photo(team, "lost.png"))  # tried again, it lands whole
    assert saved.photos[0].file == "lost.png" and _stored(pg_url) == (1, 1, 1)


def test_an_older_team_archive_shows_its_folder_photos_and_stores_them(
        pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shared = tmp_path / "share" / "readout-photos"
    with Archive.open(pg_url) as team:  # saved before the archive kept images
        saved = team.add(dataclasses.replace(lima_readout(),
                                             photos=(Photo("Handshake", "old.jpg"),)))
    shared.mkdir(parents=True)
    (shared / "old.jpg").write_bytes(IMAGE)
    monkeypatch.setenv(paths.ATTACHMENTS_ENV, str(shared))
    with Archive.open(pg_url) as team:
        assert team.attachments_dir is not None
        team.get(saved.id or 0)
        assert (team.attachments_dir / "old.jpg").read_bytes() == IMAGE
    assert _stored(pg_url) == (1, 0, 0)  # reading stores nothing

    code, out, err = run("--db", pg_url, "store-photos")
    assert code == 0, err
    assert f"Stored 1 photos from {shared}" in out and "stored 1 of 1 photos" in err
    code, out, err = run("--db", pg_url, "store-photos")  # run again: nothing left to do
    assert code == 0 and "Stored 0 photos" in out
    assert _stored(pg_url) == (1, 1, 1)

    monkeypatch.delenv(paths.ATTACHMENTS_ENV)
    paths.set_base_dir(tmp_path / "second-machine")
    with Archive.open(pg_url) as elsewhere:
        assert elsewhere.attachments_dir is not None
        elsewhere.get(saved.id or 0)
        assert (elsewhere.attachments_dir / "old.jpg").read_bytes() == IMAGE


def test_store_photos_needs_a_folder_and_a_team_archive(pg_url: str, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    monkeypatch.delenv(paths.ATTACHMENTS_ENV, raising=False)
    code, _out, err = run("--db", pg_url, "store-photos")
    assert code == 2 and "--from" in err and "Traceback" not in err
    code, _out, err = run("--db", str(tmp_path / "desk.sqlite3"), "store-photos",
                          "--from", str(tmp_path))
    assert code == 1 and "keeps its photos as files" in err


def test_a_cache_that_cannot_be_written_still_reads_the_readout(
        team: Archive, pg_url: str, tmp_path: Path) -> None:
    saved = team.add(_with_photo(team, "kept.png"))
    no_cache = tmp_path / "not-a-folder"  # the cache folder itself cannot be made
    no_cache.write_text("a file where the cache folder would go")
    no_photo_folder = tmp_path / "third-machine"  # the photos' folder cannot be made
    (no_photo_folder / "cache").mkdir(parents=True)
    (no_photo_folder / "cache" / "team-photos").write_text("a file, not a folder")
    for home in (no_cache, no_photo_folder):
        paths.set_base_dir(home)
        with Archive.open(pg_url) as elsewhere:
            assert elsewhere.get(saved.id or 0).photos[0].file == "kept.png"
