"""A team archive's import writes what single saves write, and nothing when it stops midway.

The index entries an import makes (``postgres_search.document``, made for every readout,
so made for speed) are compared with the rule the module states, written plainly here:
each word at its position with its column's weight, the same word within its column for
the columns a field filter can name, the pieces of Japanese runs, positions past the last
a ``tsvector`` keeps at that last one.
"""

from __future__ import annotations

import dataclasses
import random
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from readout_desk.archive import Archive, postgres_search
from readout_desk.archive.mapping import index_fields
from readout_desk.archive.postgres_rows import MERGE_FROM
from readout_desk.archive.sqlite_search import FTS_NAMES, cjk_values
from readout_desk.domain import jsonformat
from readout_desk.domain.query import TEXT_FIELDS
from readout_desk.domain.records import Readout

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import corpus  # noqa: E402
import corpus_ja  # noqa: E402
from tests.archive.test_team_rights import _role  # noqa: E402

#: Words with diacritics, ligatures, compatibility forms, and Japanese.
ODD_WORDS = ("café", "naïve", "Ærø", "straße", "ŉ", "ǅx", "İstanbul", "外相会談", "ｶﾀｶﾅ",
             "１２３", "Ⅻ", "São", "x'y", "a\\b", "\ue001z")


def _plain_document(fields: Mapping[str, str]) -> dict[str, str]:
    """The module's rule, one position at a time: lexeme → its positions as written."""
    texts = [fields.get(n, "") for n in FTS_NAMES]
    pieces = cjk_values(texts) or ("",) * len(FTS_NAMES)
    positions: dict[str, list[str]] = {}
    start = 1
    for index, (text, runs) in enumerate(zip(texts, pieces, strict=True)):
        letter = postgres_search.WEIGHT_LETTERS[index]
        tokens = postgres_search.words(text)
        run_tokens = [f"~{p}" for p in runs.split()]
        for column_tokens in (tokens, run_tokens):
            for offset, token in enumerate(column_tokens):
                spot = f"{min(start + offset, 16383)}{letter}"
                positions.setdefault(token, []).append(spot)
                if FTS_NAMES[index] in TEXT_FIELDS.values():
                    positions.setdefault(f"@{index}@{token}", []).append(spot)
        start += max(len(tokens), len(run_tokens)) + 2
    return {"'" + k.replace("\\", "\\\\").replace("'", "''") + "'": ",".join(v[:256])
            for k, v in positions.items()}


def _parsed(literal: str) -> dict[str, str]:
    return dict(part.rsplit(":", 1) for part in literal.split(" ")) if literal else {}


def _readouts() -> list[Readout]:
    english = [jsonformat.readout_from_dict(d) for d in corpus.iter_readouts(120)]
    japanese = [jsonformat.readout_from_dict(corpus_ja.japanese_readout(i)) for i in range(60)]
    chosen = random.Random(5)
    odd = [dataclasses.replace(
        r, title=" ".join(chosen.choice(ODD_WORDS) for _ in range(6)),
        lead=" ".join(chosen.choice(ODD_WORDS) for _ in range(9_000 if i == 0 else 300)))
        for i, r in enumerate(english[:20])]
    return [*english, *japanese, *odd]


def test_an_index_entry_follows_the_rule() -> None:
    for readout in _readouts():
        fields = index_fields(readout)
        assert _parsed(postgres_search.document(fields)) == _plain_document(fields)


def test_the_rule_here_tells_a_wrong_entry() -> None:
    fields = index_fields(_readouts()[0])
    entry = _parsed(postgres_search.document(fields))
    entry.pop(next(iter(entry)))
    assert entry != _plain_document(fields)


@pytest.fixture
def team(pg_url: str) -> Iterator[Archive]:
    archive = Archive.open(pg_url)
    yield archive
    archive.close()


def _stored(archive: Archive, ids: list[int]) -> list[tuple[object, ...]]:
    """Each readout as read back (its own times and id aside), with its index rows."""
    rows: list[tuple[object, ...]] = []
    with archive._engine.connect() as conn:  # noqa: SLF001 - the index tables themselves
        for readout_id in ids:
            doc = conn.exec_driver_sql(
                "SELECT doc::text FROM readout_fts WHERE readout_id = %(i)s",
                {"i": readout_id}).scalar()
            text = conn.exec_driver_sql(
                f"SELECT {', '.join(FTS_NAMES)} FROM readout_fts_text "
                "WHERE readout_id = %(i)s", {"i": readout_id}).one()
            record = dataclasses.replace(archive.get(readout_id), id=None, created_at=None,
                                         updated_at=None)
            rows.append((record, doc, tuple(text)))
    return rows


def test_an_import_writes_what_single_saves_write(team: Archive) -> None:
    readouts = _readouts()
    imported = team.add_many(readouts)
    saved = [team.add(r).id or 0 for r in readouts]
    assert _stored(team, imported) == _stored(team, saved)


def test_an_import_takes_its_ids_from_the_sequence_in_order(team: Archive) -> None:
    readouts = [dataclasses.replace(r, title=f"Readout {i}")
                for i, r in enumerate(_readouts()[:70])]
    ids = team.add_many(readouts)
    assert ids == sorted(set(ids))
    assert [team.get(i).title for i in ids] == [r.title for r in readouts]
    assert (team.add(readouts[0]).id or 0) > ids[-1]  # the sequence moved past them


def test_an_import_that_stops_midway_leaves_nothing(team: Archive) -> None:
    readouts = _readouts()
    team.add(readouts[0])

    def batches() -> Iterator[list[Readout]]:
        yield readouts[:80]
        yield readouts[80:160]
        raise OSError("the file could not be read further")

    with pytest.raises(OSError):
        team.add_batches(batches(), skip_present=False, report=lambda *_a, **_k: None)
    assert team.count(include_trash=True) == 1
    with team._engine.connect() as conn:  # noqa: SLF001
        for table in ("readout_fts", "readout_fts_text", "participants", "photos"):
            held = conn.exec_driver_sql(f"SELECT count(DISTINCT readout_id) FROM {table}")
            assert int(held.scalar() or 0) <= 1, table


def _pending_pages(archive: Archive) -> int:
    """How many pages of index entries waited in the GIN index's pending list (merged now)."""
    with archive._engine.begin() as conn:  # noqa: SLF001 - the index itself
        return int(conn.exec_driver_sql(
            "SELECT gin_clean_pending_list('ix_readout_fts_doc'::regclass)").scalar() or 0)


def test_an_import_leaves_its_index_entries_merged(team: Archive) -> None:
    readouts = _readouts()
    assert len(readouts) >= MERGE_FROM
    team.add_many(readouts)
    assert _pending_pages(team) == 0  # every search would read a pending list whole
    team.add(readouts[0])  # a single save leaves its entry to wait (as VACUUM merges it)
    assert _pending_pages(team) >= 1


def test_a_contributor_imports_without_merging(pg_url: str) -> None:
    with Archive.open(pg_url) as owner:
        owner.add(_readouts()[0])
    with Archive.open(_role(pg_url, "contributor", "rd_contributor")) as archive:
        archive.add_many(_readouts())  # the server lets only the owner merge: left to wait
        assert archive.count() == len(_readouts()) + 1
    with Archive.open(pg_url) as owner:
        assert _pending_pages(owner) >= 1


def test_index_entries_are_kept_uncompressed(team: Archive) -> None:
    ids = team.add_many(_readouts()[:3])  # migration 0016: every ranking reads them whole
    with team._engine.connect() as conn:  # noqa: SLF001 - the index table itself
        storage = conn.exec_driver_sql(
            "SELECT attstorage FROM pg_attribute WHERE attrelid = 'readout_fts'::regclass "
            "AND attname = 'doc'").scalar()
        compressed = conn.exec_driver_sql(
            "SELECT count(*) FROM readout_fts WHERE readout_id = ANY(%(ids)s) "
            "AND pg_column_compression(doc) IS NOT NULL", {"ids": ids}).scalar()
    assert storage == "e" and compressed == 0


def test_a_file_read_by_readers_writes_what_reading_alone_writes(
        team: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from readout_desk.archive import import_files
    from readout_desk.archive.transfer import importing

    monkeypatch.setattr(importing, "BATCH", 30)  # batches for each of two readers
    readouts = _readouts()
    source = tmp_path / "readouts.json"
    source.write_text(json.dumps(jsonformat.document(readouts), ensure_ascii=False),
                      encoding="utf-8")
    alone = import_files(team, [source], readers=0)
    apart = import_files(team, [source], readers=2, skip_duplicates=False)
    assert not alone.failed and not apart.failed
    assert len(apart.imported_ids) == len(alone.imported_ids) == len(readouts)
    assert _stored(team, apart.imported_ids) == _stored(team, alone.imported_ids)
