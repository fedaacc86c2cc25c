"""Damage found on opening, whatever the size: the length against the header, at once.

A file cut short by one byte passes SQLite's own ``quick_check`` and ``integrity_check``
(the missing byte is in the last page, which only the full-text index reads), so the
file's length is compared with its header before anything else, for every size.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from readout_desk.archive import (
    Archive,
    Damage,
    RecoveryDeclined,
    create_backup,
    file_problems,
    open_with_recovery,
)
from tests.archive.helpers import brazil_readout, lima_readout


@pytest.fixture
def backed_up(archive_path: Path) -> Path:
    with Archive.open(archive_path) as archive:
        archive.add_many([lima_readout(), brazil_readout()])
        create_backup(archive)
    return archive_path


@pytest.mark.parametrize("check_limit", [10**9, 0], ids=["checked whole", "large"])
def test_a_file_cut_short_by_one_byte_is_offered_the_backup(backed_up: Path,
                                                            check_limit: int) -> None:
    backed_up.write_bytes(backed_up.read_bytes()[:-1])
    offered: list[Damage] = []
    with pytest.raises(RecoveryDeclined):
        open_with_recovery(backed_up, offered.append, check_limit=check_limit)
    assert offered and "cut short" in offered[0].message
    assert offered[0].latest_good is not None


def test_a_file_shorter_than_its_header_counts_is_damaged(backed_up: Path) -> None:
    with sqlite3.connect(backed_up) as conn:
        page = conn.execute("PRAGMA page_size").fetchone()[0]
        conn.execute("PRAGMA journal_mode = DELETE")
    backed_up.write_bytes(backed_up.read_bytes()[:-page])  # a whole page gone
    problems = file_problems(backed_up)
    assert problems and "cut short" in problems[0]


def test_a_sound_file_passes_the_length_check(backed_up: Path) -> None:
    assert file_problems(backed_up) == []
    assert file_problems(backed_up, within=0.0) == []  # out of time at once: nothing said


def test_a_large_archive_opens_after_a_check_bounded_in_time(backed_up: Path) -> None:
    with sqlite3.connect(backed_up) as conn:
        conn.execute("DELETE FROM readout_fts_data WHERE id > 10")
    # Checked whole, the damaged index is found before opening ...
    with pytest.raises(RecoveryDeclined):
        open_with_recovery(backed_up, lambda _damage: None)
    # ... a large archive opens, and its index is the background check's to look at.
    opened = open_with_recovery(backed_up, lambda _damage: None, check_limit=0)
    with opened.archive as archive:
        assert archive.count() == 2
        assert any("full-text index" in p for p in archive.integrity_problems())


def test_the_full_text_index_damage_reads_as_one_sentence(backed_up: Path) -> None:
    with sqlite3.connect(backed_up) as conn:
        conn.execute("DELETE FROM readout_fts_data WHERE id > 10")
    with Archive.open(backed_up) as archive:
        problems = archive.integrity_problems()
    assert problems and all("[SQL:" not in p and "sqlalche.me" not in p for p in problems)
