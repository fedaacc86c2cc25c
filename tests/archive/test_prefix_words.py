"""A prefix is counted as the words it covers, read from the index's own pages.

The reference for the words is ``fts5vocab``, SQLite's own listing of the index's words;
for the counts, the plain joined query with the prefix as it was typed. The index is
written with small leaves (``pgsz``) in many small transactions, some readouts leave it,
and a merge is left unfinished, so that words and lists span leaves, segments overlap,
and a segment has lost its first leaves to the merge.
"""

from __future__ import annotations

import sqlite3
import string
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from readout_desk.archive import Archive, sqlite_terms
from readout_desk.archive.sqlite_search import FTS_TABLE
from readout_desk.domain.query import parse_query
from tests.archive.test_kept_ranking import reference

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import corpus  # noqa: E402

#: Prefixes of every kind: covering one word, several, none, many; with a date range, a
#: column, beside other words, in OR and NOT.
COUNTED = ("minist*", "coop*", "e*", "ma*", "zzq*", "from:2019-01-01 to:2022-12-31 minist*",
           "from:2020-01-01 minist*", "title:minist*", "minist* climate", "climate OR energ*",
           "minister -coop*", "from:2018-01-01 to:2023-12-31 coop* energ*", "Minist*")


def _leaves_first(db: sqlite3.Connection) -> dict[int, int]:
    """Each segment's first leaf still present."""
    return {int(segment): int(db.execute(
        f"SELECT min(id) FROM {FTS_TABLE}_data WHERE id >= ? AND id < ?",
        (segment << 37, (segment << 37) + (1 << 31))).fetchone()[0]) - (segment << 37)
        for (segment,) in db.execute(f"SELECT DISTINCT segid FROM {FTS_TABLE}_idx")}


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("prefix") / "archive.sqlite3"
    with Archive.open(path) as archive:
        archive.add_many([corpus.readout(0)])
    with closing(sqlite3.connect(path, isolation_level=None)) as db:
        # Leaves of 64 bytes (FTS5's least is 32): lists span leaves, words begin on few.
        db.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('pgsz', 64)")
        db.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('automerge', 0)")
    with Archive.open(path) as archive:
        for start in range(1, 241, 20):  # a segment each
            archive.add_many([corpus.readout(i) for i in range(start, start + 20)])
        archive.purge(archive.search("harbour", limit=15).ids)
    with closing(sqlite3.connect(path, isolation_level=None)) as db:
        db.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('merge', 40)")
        assert any(first > 1 for first in _leaves_first(db).values())  # a merge under way
    yield path


def _vocabulary(db: sqlite3.Connection, prefix: str) -> list[str]:
    db.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.words USING "
               f"fts5vocab(main, {FTS_TABLE}, row)")
    return [str(r[0]) for r in db.execute("SELECT term FROM temp.words WHERE term >= ? AND "
                                          "term < ?", (prefix, prefix + "\U0010ffff"))]


def test_a_prefix_s_words_are_the_index_s_own(written: Path) -> None:
    with closing(sqlite3.connect(f"file:{written}?mode=ro", uri=True)) as db:
        prefixes = [*string.ascii_lowercase, *string.digits, "minist", "coop", "zzq"]
        prefixes += sorted({t[:k] for t in _vocabulary(db, "") for k in (2, 3) if len(t) > k})
        checked = 0
        for prefix in prefixes:
            words = _vocabulary(db, prefix)
            expected = words if 0 < len(words) <= sqlite_terms.MOST_WORDS else None
            assert sqlite_terms.covered(db, FTS_TABLE, prefix) == expected, prefix
            checked += expected is not None
        assert checked > 100


def test_each_prefix_counts_what_it_matches(written: Path) -> None:
    """Every prefix of two and three letters in the index, alone and beside another
    word, counts the same readouts as the words it covers."""
    with closing(sqlite3.connect(f"file:{written}?mode=ro", uri=True)) as db:
        def counted(match: str) -> int:
            return int(db.execute(f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} "
                                  "MATCH ?", (match,)).fetchone()[0])

        prefixes = sorted({t[:k] for t in _vocabulary(db, "") for k in (1, 3) if len(t) > k
                           and t[:k].isalnum() and t.isascii()})
        rewritten = 0
        for prefix in prefixes:
            for match in (f'"{prefix}" *', f'"{prefix}" * AND "minister"'):
                counting = sqlite_terms.for_counting(db, FTS_TABLE, match)
                rewritten += counting != match
                assert counted(counting) == counted(match), match
        assert rewritten > 100


def test_counts_with_the_words_are_the_prefix_s(written: Path) -> None:
    with Archive.open(written) as archive:
        for query in COUNTED:
            page = archive.search(query, limit=10)
            assert (list(page.ids), page.total) == reference(archive, query, 0, 10), query
            capped = archive.search(query, limit=10, count_cap=25)
            assert capped.total == min(page.total, 25), query


def test_facets_with_the_words_are_the_prefix_s(written: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A result's facets (of every hit, and of its newest few) are the same whether its
    prefix is read as the words it covers or as a prefix."""
    with Archive.open(written) as archive:
        def facets() -> list[object]:
            return [archive.facets(parse_query(q), sample=sample)
                    for q in COUNTED for sample in (None, 7)]

        as_words = facets()
        monkeypatch.setattr(sqlite_terms, "for_counting", lambda _db, _table, match: match)
        assert as_words == facets()


def test_the_words_of_a_transaction_of_its_own_are_counted(written: Path) -> None:
    """Words written in the counting transaction are still in FTS5's memory: they are
    written out before the pages are read."""
    with closing(sqlite3.connect(written, isolation_level=None)) as db:
        db.execute("BEGIN")
        db.execute(f"INSERT INTO {FTS_TABLE}(rowid, body) VALUES (900001, 'ministrations')")
        counting = sqlite_terms.for_counting(db, FTS_TABLE, '"minist" *')
        words = _vocabulary(db, "minist")  # (its statement writes the words out too)
        assert "ministrations" in words
        assert counting == "(" + " OR ".join(f'"{w}"' for w in words) + ")"
        db.execute("ROLLBACK")


def test_a_prefix_the_index_answers_at_once_or_not_plain_stays_a_prefix(
        written: Path) -> None:
    with closing(sqlite3.connect(f"file:{written}?mode=ro", uri=True)) as db:
        for match in ('"mi" *', '"ministé" *', '"zzq" *', '"minist" AND "coop"',
                      '"a ""minist" *'):  # a phrase whose last word follows a quote
            assert sqlite_terms.for_counting(db, FTS_TABLE, match) == match
        words = " OR ".join(f'"{w}"' for w in _vocabulary(db, "minist"))
        assert sqlite_terms.for_counting(db, FTS_TABLE, 'title : "Minist" * AND "x"') == (
            f'title : ({words}) AND "x"')
