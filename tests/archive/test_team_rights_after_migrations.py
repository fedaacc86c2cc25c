"""Users made with ``team-role`` on an older team archive keep their rights on the tables
later migrations added: after ``migrate`` a reader still searches and reads a photo, and a
contributor still saves one (migrations 0013 and 0014 give them the rights they hold on the
tables those mirror)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from readout_desk import paths
from readout_desk.archive import Archive
from readout_desk.archive.postgres import driver_url
from readout_desk.domain.records import Photo
from tests.archive.helpers import brazil_readout, lima_readout
from tests.archive.test_team_index_migration import _migrate
from tests.archive.test_team_rights import as_user, make_role
from tests.cli.test_cli import run

IMAGE = b"\x89PNG\r\n\x1a\n the owner's photo"
NEW_IMAGE = b"\x89PNG\r\n\x1a\n the contributor's photo"

#: The revision before those that added tables: 0011 (images), 0009, 0010, 0012 (the index).
BEFORE = "0008"


def _tables(url: str) -> set[str]:
    engine = create_engine(driver_url(url))
    try:
        with engine.connect() as conn:
            return {str(r[0]) for r in conn.execute(text(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"))}
    finally:
        engine.dispose()


def _role_then(url: str, kind: str, name: str) -> str:
    """``name`` made a ``kind`` with the SQL ``team-role`` prints, as it was run on the
    archive as it is now: on the tables it has (a table it names that is not there yet was
    not named then)."""
    code, out, err = run("team-role", kind, name)
    assert code == 0, err
    present = _tables(url)

    def existing(match: re.Match[str]) -> str:
        tables = [t for t in match.group(2).split(", ") if t in present]
        return f"{match.group(1)}{', '.join(tables)}{match.group(3)}"

    grants = [re.sub(r"^(GRANT [A-Z, ]+ ON )([a-z_, ]+)( TO .*)$", existing, line)
              for line in out.splitlines()]
    make_role(url, name, *(g.replace("{", "{{").replace("}", "}}") for g in grants))
    return as_user(url, name)


@pytest.fixture
def older_roles(pg_url: str) -> tuple[str, str]:
    """A reader and a contributor made on an archive at revision ``BEFORE``, which is then
    migrated to the head by its owner."""
    with Archive.open(pg_url) as owner:
        owner.add(brazil_readout())
    _migrate(pg_url, BEFORE)
    assert "photo_files" not in _tables(pg_url)
    reader = _role_then(pg_url, "reader", "rd_old_reader")
    contributor = _role_then(pg_url, "contributor", "rd_old_contributor")
    assert run("--db", pg_url, "migrate")[0] == 0
    return reader, contributor


def _photo_readout(archive: Archive, name: str, image: bytes, notes: str) -> int:
    folder = archive.attachments_dir
    assert folder is not None
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(image)
    saved = archive.add(dataclasses.replace(lima_readout(), notes=notes,
                                            photos=(Photo("Handshake", name),)))
    return saved.id or 0


def _image_read(url: str, home: Path, readout_id: int) -> bytes:
    paths.set_base_dir(home)
    with Archive.open(url) as archive:
        folder = archive.attachments_dir
        assert folder is not None
        return (folder / archive.get(readout_id).photos[0].file).read_bytes()


def test_users_made_before_later_tables_search_read_and_save_photos(
        pg_url: str, older_roles: tuple[str, str], tmp_path: Path) -> None:
    reader, contributor = older_roles
    with Archive.open(pg_url) as owner:
        with_photo = _photo_readout(owner, "owner-handshake.png", IMAGE, "The owner's.")

    paths.set_base_dir(tmp_path / "reader-machine")
    with Archive.open(reader) as archive:
        assert archive.read_only
        assert archive.search("Gervasi").total == 1
    assert _image_read(reader, tmp_path / "reader-machine", with_photo) == IMAGE

    paths.set_base_dir(tmp_path / "contributor-machine")
    with Archive.open(contributor) as archive:
        assert not archive.read_only and not archive.can_delete
        assert archive.search("Gervasi").total == 1
        added = _photo_readout(archive, "ben-handshake.png", NEW_IMAGE, "Ben's.")
        changed = archive.get(added)
        archive.update(dataclasses.replace(changed, photos=(
            *changed.photos, Photo("Again", "owner-handshake.png"))))
        assert archive.search("Gervasi").total == 2
    assert _image_read(pg_url, tmp_path / "owner-again", added) == NEW_IMAGE
