"""A light query's shortcuts give the page the one full statement gives, hit for hit.

The ranked path (scores from the index alone, then the page's rows by id, read through
the driver's cursor, with the sample test left out of the score when the archive holds
no sample) is compared with the backend's one statement that joins every hit to its
readout and sorts by the full relevance order: the same hits in the same order, every
field the same (snippets and their highlights included), and the same total, on an
archive with and without samples, with trash, ties and Japanese readouts.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from readout_desk.archive import Archive, search
from readout_desk.archive.hits import hit
from readout_desk.domain import jsonformat
from readout_desk.domain.query import parse_query
from readout_desk.domain.records import Mode, Readout, SearchHit

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import corpus  # noqa: E402
import corpus_ja  # noqa: E402

QUERIES = (
    "銅", "森", "水野", "外相", "淡水化", "経済安全保障", "ミラベルト", "ﾐﾗﾍﾞﾙﾄ", "５月３日",
    "令和5年5月", "森川 CPTPP", "会談 APEC", "会談 -外相", "title:外相", "虹彩星雲",
    "minister", "desalination", '"rule of law"', "energ*", "quasarglyph", "minister -trade",
    '"Twin readout"', "in:trash 会談", "from:2015-01-01 会談",
)


def _readouts(samples: bool) -> list[Readout]:
    english = [jsonformat.readout_from_dict(d) for d in corpus.iter_readouts(300)]
    # Identical copies score identically: ties that cross page edges.
    twin = dataclasses.replace(english[0], title="Twin readout", points=())
    twins = [dataclasses.replace(twin, meeting_date=twin.meeting_date.replace(day=1 + i % 28))
             if twin.meeting_date else twin for i in range(60)]
    japanese = [jsonformat.readout_from_dict(corpus_ja.japanese_readout(i)) for i in range(240)]
    every = [*english, *twins, *japanese]
    if samples:
        every = [dataclasses.replace(r, is_sample=True) if i % 5 == 2 else r
                 for i, r in enumerate(every)]
    return every


@pytest.fixture(scope="module", params=[False, True], ids=["no samples", "samples"])
def light_archive(request: pytest.FixtureRequest,
                  tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    archive = Archive.open(tmp_path_factory.mktemp("light") / "archive.sqlite3")
    archive.add_many(_readouts(request.param))
    archive.delete_many([*range(3, 600, 11)])
    yield archive
    archive.close()


def one_statement(archive: Archive, query: str, offset: int,
                  limit: int) -> tuple[list[SearchHit], int]:
    """The page and total from the backend's one full statement and its plain count."""
    backend = archive.backend

    def read(db: object) -> tuple[list[SearchHit], int]:
        conn = db.connection()  # type: ignore[attr-defined]
        rendered = backend.render(parse_query(query), trash_present=backend.has_trash(conn))
        rows = backend.page_rows(conn, rendered, sort="relevance", descending=True,
                                 limit=limit, offset=offset)
        return [hit(r) for r in rows], backend.count(conn, rendered, None)

    return archive._read(read)  # noqa: SLF001 - the reference reads on the archive's own unit


@pytest.mark.parametrize("query", QUERIES)
def test_each_page_is_the_full_statements_page(light_archive: Archive, query: str) -> None:
    light_archive._rankings.clear()  # noqa: SLF001 - a first search, then its next pages
    for offset, limit in ((0, 40), (40, 40), (80, 200), (7, 13)):
        hits, total = one_statement(light_archive, query, offset, limit)
        page = light_archive.search(query, offset=offset, limit=limit)
        assert list(page.hits) == hits, (query, offset)
        assert page.total == total, (query, offset)


def test_samples_still_rank_last_among_the_hits(light_archive: Archive) -> None:
    light_archive._rankings.clear()  # noqa: SLF001
    page = light_archive.search("会談", limit=200)
    flags = [h.is_sample for h in page.hits]
    assert flags == sorted(flags)  # every own readout before every sample


@pytest.mark.parametrize(("city", "country", "place"), [
    ("Lima", "PE", "Lima, Peru"), ("Lima", None, "Lima"), (None, "PE", "Peru"),
    ("", "", ""), (None, None, ""), ("Atlantis", "XX", "Atlantis, XX")])
@pytest.mark.parametrize(("stored", "snippet"), [
    ("one line", "one line"), ("first\n\n second \n", "first ·  second "), ("   ", ""),
    (None, ""), ("\n", ""), ("a\nb", "a · b")])
def test_a_results_row_becomes_the_hit_it_shows(city: str | None, country: str | None,
                                                place: str, stored: str | None,
                                                snippet: str) -> None:
    mode = next(iter(Mode))
    made = hit((7, "2023-05-03", "Title", None, city, country, mode.value, None, 15, "MOFA",
                1, "Japan-Peru Relations", stored))
    assert made == SearchHit(id=7, meeting_date=dt.date(2023, 5, 3), title="Title", section="",
                             place=place, mode=mode, session_count=0, total_minutes=15,
                             publisher="MOFA", snippet=snippet, is_sample=True,
                             filed_under="Japan-Peru Relations")


def test_a_page_that_needs_the_exact_count_counts_once(light_archive: Archive,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    # More hits than the ranking reads: the page is full and its total must be counted.
    # Deciding how to read the page's rows needs a count capped at 30,000; the exact
    # count the page needs anyway tells that too, so it is the only one.
    monkeypatch.setattr(search, "RANK_AHEAD", 45)
    backend = light_archive.backend
    asked: list[int | None] = []
    count = backend.count

    def counted(conn: object, rendered: object, cap: int | None) -> int:
        asked.append(cap)
        return count(conn, rendered, cap)  # type: ignore[arg-type]

    monkeypatch.setattr(backend, "count", counted)
    for query in ("会談 APEC", "minister -trade", "from:2015-01-01 会談",
                  "from:2015-01-01 minister"):
        # A filter on the readouts' own columns is tested at every match of the words:
        # the ranking counts the hits in the same pass, and nothing counts them again.
        filtered = query.startswith("from:")
        total = one_statement(light_archive, query, 0, 10)[1]
        light_archive._rankings.clear()  # noqa: SLF001
        asked.clear()
        assert light_archive.search(query, limit=10).total == total > 45
        assert asked == ([] if filtered else [None]), query
        light_archive._rankings.clear()  # noqa: SLF001
        asked.clear()
        # A capped total: the count capped at 30,000, as before; below it, it is exact
        # and serves the page's total too.
        assert light_archive.search(query, limit=10, count_cap=40).total == 40
        assert asked == ([] if filtered else [search.ONE_BY_ONE_FROM]), query
