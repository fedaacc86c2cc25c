"""A page's snippets are cut when first asked for, once each, and are the same strings.

A Japanese hit's snippet is cut in Python from its row's text: a page of hits carries
the texts and the query's runs, and a hit cuts its snippet the first time it is asked.
The window shows a few rows of a page of 200; the rest are never cut.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from readout_desk.archive import Archive, snippets
from readout_desk.domain import jsonformat
from readout_desk.domain.records import Mode, Readout, SearchHit

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import corpus  # noqa: E402
import corpus_ja  # noqa: E402

#: Queries cut from texts (Japanese runs alone) and marked in the table of words' own
#: snippet (a mixed query), and one whose snippets come whole from SQLite.
QUERIES = ("会談", "外相", "title:外相", "会談 -外相", "会談 APEC", "CPTPP 会談", "minister")


def _readouts() -> list[Readout]:
    english = [jsonformat.readout_from_dict(d) for d in corpus.iter_readouts(120)]
    japanese = [jsonformat.readout_from_dict(corpus_ja.japanese_readout(i)) for i in range(160)]
    return [*english, *japanese]


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    opened = Archive.open(tmp_path_factory.mktemp("lazy") / "archive.sqlite3")
    opened.add_many(_readouts())
    yield opened
    opened.close()


@pytest.fixture
def cuts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each snippet cut or marked in Python, as it happens."""
    made: list[str] = []

    def counting(name: str) -> Callable[..., str]:
        original = getattr(snippets, name)

        def counted(*args: Any) -> str:
            made.append(name)
            return str(original(*args))
        return counted

    for name in ("cjk_snippet", "_mark_words"):
        monkeypatch.setattr(snippets, name, counting(name))
    return made


@pytest.mark.parametrize("query", QUERIES)
def test_a_pages_snippets_are_cut_when_asked_once_each(archive: Archive, cuts: list[str],
                                                       query: str) -> None:
    archive._rankings.clear()  # noqa: SLF001 - a first search, as the window's
    page = archive.search(query, limit=200)
    assert len(page.hits) > 3
    assert cuts == []  # read, ranked, counted and made hits: nothing cut yet
    shown = [h.snippet for h in page.hits[:3]]  # the rows a window paints
    assert all(snippets.HIGHLIGHT_START in s for s in shown)
    assert len(cuts) == (0 if query == "minister" else 3)  # whole from SQLite, or cut here
    assert [h.snippet for h in page.hits[:3]] == shown  # asked again: not cut again
    assert len(cuts) == (0 if query == "minister" else 3)


def test_a_hit_cut_later_equals_one_cut_at_once() -> None:
    fields = dict(id=3, meeting_date=None, title="T", section="", place="", mode=Mode.VIDEO,
                  session_count=0, total_minutes=None, publisher="")
    asked: list[int] = []

    def cut() -> str:
        asked.append(1)
        return "a \x02word\x03"

    later = SearchHit(**fields, snippet=cut)  # type: ignore[arg-type]
    now = SearchHit(**fields, snippet="a \x02word\x03")  # type: ignore[arg-type]
    assert asked == []
    assert later == now and hash(later) == hash(now) and repr(later) == repr(now)
    assert asked == [1]
    assert later.snippet == now.snippet and asked == [1]
    assert later != SearchHit(**fields, snippet="a word")  # type: ignore[arg-type]
    assert repr(now).startswith("SearchHit(id=3, meeting_date=None, title='T', section=''")

