"""Opening notices an archive emptied behind its back when backups say it held readouts."""

from __future__ import annotations

from pathlib import Path

import pytest

from readout_desk.archive import (
    Archive,
    Damage,
    RecoveryDeclined,
    create_backup,
    open_with_recovery,
)
from tests.archive.helpers import brazil_readout, lima_readout


def test_a_zero_byte_archive_with_backups_beside_it_is_offered_the_backup(
        archive_path: Path) -> None:
    with Archive.open(archive_path) as archive:
        archive.add_many([lima_readout(), brazil_readout()])
        create_backup(archive)
    archive_path.write_bytes(b"")
    offered: list[Damage] = []
    with pytest.raises(RecoveryDeclined):
        open_with_recovery(archive_path, offered.append)
    assert archive_path.read_bytes() == b""  # declining touches nothing
    assert offered and "empty" in offered[0].message
    assert offered[0].latest_good is not None
    opened = open_with_recovery(archive_path, lambda d: d.latest_good)
    with opened.archive as restored:
        assert restored.count() == 2


def test_a_new_empty_file_without_backups_opens_as_a_new_archive(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    path.write_bytes(b"")
    opened = open_with_recovery(path, lambda d: None)
    with opened.archive as archive:
        assert archive.count() == 0


def test_a_damaged_full_text_index_is_noticed_on_opening(archive_path: Path) -> None:
    import sqlite3

    with Archive.open(archive_path) as archive:
        archive.add_many([lima_readout(), brazil_readout()])
        create_backup(archive)
    with sqlite3.connect(archive_path) as conn:
        conn.execute("DELETE FROM readout_fts_data WHERE id > 10")
    offered: list[Damage] = []
    with pytest.raises(RecoveryDeclined):
        open_with_recovery(archive_path, offered.append)
    assert offered and "full-text index" in offered[0].message
    assert offered[0].latest_good is not None
