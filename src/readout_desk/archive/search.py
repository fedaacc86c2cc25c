"""One question to the archive, answered whole: a query to a ranked page, its count, its facets.

The flow of a search, all of it in this module (the backend only runs the statements):

1. the query is parsed (:func:`readout_desk.domain.query.parse_query`) and rendered by
   the backend, knowing whether the trash holds anything;
2. with words and relevance order, the page is cut from a ranking of ids and scores
   read from the full-text index alone (kept in :class:`RankingCache` so that the next
   pages cost no second ranking; ties are broken by the later meeting, then the higher
   id), and only the page's rows are then read with their snippets;
3. any other order (or a ranking whose ties run past what was read) reads the page in
   one statement;
4. the total is known from the page itself when the page is not full, else counted
   (from the index alone when there are words, and cached like the ranking).
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from sqlalchemy import Connection, Engine

from readout_desk.archive.backend import Backend, Counted, Proven, RenderedQuery
from readout_desk.archive.hits import as_date, country_name, hit
from readout_desk.domain.query import ParsedQuery
from readout_desk.domain.records import NameOrder, Person, SearchHit, SearchPage

#: How many hits one ranking keeps: the next pages of a search are then served from it.
RANK_AHEAD = 500
#: From how many hits a page is fetched id by id rather than in one pass over the matches
#: (where the two cost the same on the benchmark corpus: ~30k hits for a phrase).
ONE_BY_ONE_FROM = 30_000
#: How many ranked rows past the page are read, to see that no tie is cut in two.
TIE_MARGIN = 32


@dataclass(frozen=True)
class FacetCount:
    """One value of a facet with the number of hits that have it."""

    value: str  # what goes into the query ("PE", "2023", "CPTPP", "ONO Haruka")
    label: str  # what a person reads ("Peru")
    count: int


def _person_count(family: str, given: str, order: NameOrder, count: int) -> FacetCount:
    """A person by the whole name as the archive prints it (``person="ONO Haruka"`` finds
    the readouts of that person, whichever order they print the name in)."""
    name = Person(family, given, order).display_name
    return FacetCount(name, name, count)


@dataclass(frozen=True)
class Facets:
    """Counts per facet for the hits of one query."""

    countries: tuple[FacetCount, ...]
    years: tuple[FacetCount, ...]
    topics: tuple[FacetCount, ...]
    people: tuple[FacetCount, ...]
    modes: tuple[FacetCount, ...]
    #: Counted among the newest this many hits only, there being more (0: among all).
    sampled: int = 0


@dataclass(frozen=True)
class PageAtOnce:
    """A page of a search of words as one statement read it: the search rendered (with
    the trash as found), the change token, the ranking (best first, at most the number
    asked for), the page's results rows in order, and the count (capped) when the ranking
    stopped at the number asked for (else ``None``)."""

    rendered: RenderedQuery
    token: Hashable
    ranking: list[tuple[int, float]]
    rows: list[tuple[Any, ...]]
    counted: int | None


@runtime_checkable
class ReadsPagesAtOnce(Protocol):
    """A backend that reads the page of a search of words, with the ranking and the count
    the search keeps, in one statement on a connection of an engine of its own (a team
    archive: one round trip where a transaction takes four)."""

    def search_engine(self, engine: Engine) -> Engine:
        """The engine such a page is read on (``engine``: the archive's own)."""

    def page_at_once(self, conn: Connection, query: ParsedQuery, *, offset: int, limit: int,
                     top: int, count_cap: int | None) -> PageAtOnce:
        """The page at ``offset`` of ``limit`` hits in relevance order, ranked ``top`` deep."""


class RankingCache:
    """The ranked ids of the last few searches, so scrolling on costs no second ranking.

    An entry is used only while the backend's change token is the same (for SQLite:
    the same connection, and no other connection has committed since); every write
    through the archive empties the cache.
    """

    SIZE = 16

    def __init__(self) -> None:
        self._entries: OrderedDict[tuple[Any, ...], tuple[Hashable, Any]] = OrderedDict()

    def clear(self) -> None:
        self._entries.clear()

    def holds(self, key: tuple[Any, ...]) -> bool:
        """Whether an entry is kept under ``key``, whatever its token."""
        return key in self._entries

    def get(self, key: tuple[Any, ...], token: Hashable) -> Any:
        entry = self._entries.get(key)
        if entry is None or entry[0] != token:
            return None
        self._entries.move_to_end(key)
        return entry[1]

    def put(self, key: tuple[Any, ...], token: Hashable, value: Any) -> None:
        self._entries[key] = (token, value)
        self._entries.move_to_end(key)
        while len(self._entries) > self.SIZE:
            self._entries.popitem(last=False)


class Search:
    """The archive's searches on one backend, with the rankings they keep."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self.rankings = RankingCache()
        #: The backend again when it reads a page in one statement (asked once: a check
        #: against a protocol costs a light query's time again).
        self._reader = backend if isinstance(backend, ReadsPagesAtOnce) else None

    def _render(self, conn: Connection, parsed: ParsedQuery, *,
                ranked: bool = False) -> RenderedQuery:
        trash = self.backend.has_trash(conn, words=ranked and bool(parsed.required))
        return self.backend.render(parsed, trash_present=trash)

    def page(self, conn: Connection, parsed: ParsedQuery, *, offset: int, limit: int,
             sort: str, descending: bool, count_cap: int | None) -> SearchPage:
        """One page of hits and the number of all hits (the time is left at zero)."""
        message = " ".join(parsed.notes)
        rendered = self._render(conn, parsed, ranked=sort == "relevance" and limit > 0)
        if rendered.empty:
            return SearchPage((), 0, offset, 0.0, message)
        hits = None
        # Asked once: the ranking and the count are kept under the same token.
        token = self.backend.change_token(conn) if rendered.indexed else None
        if sort == "relevance" and rendered.indexed and limit:
            hits = self._ranked_page(conn, rendered, offset, limit, token,
                                     exact_count=count_cap is None)
        if hits is None:
            rows = self.backend.page_rows(conn, rendered, sort=sort, descending=descending,
                                          limit=limit, offset=offset)
            hits = tuple(hit(row) for row in rows)
        if offset == 0 and len(hits) < limit:
            total = len(hits)
        elif rendered.indexed:
            total = self._count(conn, rendered, count_cap, token)
        else:
            total = self.backend.count(conn, rendered, count_cap)
        return SearchPage(hits, total, offset, 0.0, message)

    def at_once(self, parsed: ParsedQuery, *, sort: str,
                limit: int) -> ReadsPagesAtOnce | None:
        """The backend, when it reads this page in one statement (:meth:`page_at_once`):
        a search of words in relevance order whose ranking is not kept (a kept one serves
        the next pages with no ranking, through :meth:`page`)."""
        backend = self._reader
        if backend is None or sort != "relevance" or not limit or not parsed.required:
            return None
        if any(self.rankings.holds(("rank", self.backend.render(
                parsed, trash_present=trash).index_key)) for trash in (False, True)):
            return None
        return backend

    def page_at_once(self, conn: Connection, parsed: ParsedQuery, *, offset: int,
                     limit: int, count_cap: int | None) -> SearchPage | None:
        """:meth:`page` for a search :meth:`at_once` accepts, in one statement on a
        connection of the backend's search engine; its ranking and count are kept as
        :meth:`page` keeps them. ``None`` when ties at the page's edge reach past what was
        ranked (then :meth:`page` reads it, from the ranking kept here)."""
        backend = self._reader
        assert backend is not None
        want = offset + limit
        top = max(want + TIE_MARGIN, RANK_AHEAD)
        read = backend.page_at_once(conn, parsed, offset=offset, limit=limit, top=top,
                                    count_cap=count_cap)
        message = " ".join(parsed.notes)
        if read.rendered.empty:
            return SearchPage((), 0, offset, 0.0, message)
        key, ranking = read.rendered.index_key, read.ranking
        more = len(ranking) == top  # there may be hits past the ranked ones
        self.rankings.put(("rank", key), read.token, (ranking, more))
        if not more:  # every hit was ranked: that is the count too
            self.rankings.put(("count", None, key), read.token, len(ranking))
        if more and ranking[-1][1] == ranking[want - 1][1]:
            return None
        hits = tuple(hit(row) for row in read.rows)
        if offset == 0 and len(hits) < limit:
            total = len(hits)
        elif not more:
            total = len(ranking) if count_cap is None else min(len(ranking), count_cap)
        else:
            total = int(read.counted or 0)
            exact = count_cap is None or total < count_cap
            self.rankings.put(("count", None if exact else count_cap, key), read.token, total)
        return SearchPage(hits, total, offset, 0.0, message)

    def ids(self, conn: Connection, parsed: ParsedQuery, *, sort: str,
            descending: bool) -> list[int]:
        """The ids of every hit, in order."""
        rendered = self._render(conn, parsed)
        if rendered.empty:
            return []
        return self.backend.ordered_ids(conn, rendered, sort=sort, descending=descending)

    def facets(self, conn: Connection, parsed: ParsedQuery, *, limit: int,
               sample: int | None = None) -> Facets:
        """Counts of countries, years, topics, people and modes among the hits; with
        ``sample``, a query with more hits is counted among its newest ``sample`` only,
        so that the time it takes does not grow with the archive."""
        rendered = self._render(conn, parsed)
        if rendered.empty:
            return Facets((), (), (), (), ())
        sampled = 0
        if sample is not None and self.backend.count(conn, rendered, sample + 1) > sample:
            sampled = sample
        rows = self.backend.facet_rows(conn, rendered, limit, sample=sampled or None)

        def plain(pairs: Any) -> tuple[FacetCount, ...]:
            return tuple(FacetCount(str(v), str(v), int(n)) for v, n in pairs)

        return Facets(
            countries=tuple(FacetCount(str(c), country_name(str(c)), int(n))
                            for c, n in rows.countries),
            years=plain(rows.years),
            topics=plain(rows.topics),
            people=tuple(_person_count(str(family), str(given), NameOrder(str(order)), int(n))
                         for family, given, order, n in rows.people),
            modes=plain(rows.modes),
            sampled=sampled,
        )

    def _count(self, conn: Connection, rendered: RenderedQuery, cap: int | None,
               token: Hashable) -> int:
        """The number of hits of a search with words (from the cache when it is still true)."""
        where = rendered.index_key
        exact = self.rankings.get(("count", None, where), token)
        if exact is not None:
            return int(exact) if cap is None else min(int(exact), cap)
        total = self.rankings.get(("count", cap, where), token)
        if total is None:
            total = self.backend.count(conn, rendered, cap)
            # A count that stopped short of its cap is the exact count.
            self.rankings.put(("count", None if cap is None or total < cap else cap, where),
                              token, total)
        return int(total)

    def _ranked_page(self, conn: Connection, rendered: RenderedQuery, offset: int,
                     limit: int, token: Hashable, *,
                     exact_count: bool = False) -> tuple[SearchHit, ...] | None:
        """One page in relevance order, reading readouts and snippets for its rows only.

        The order is the backend's score, then the later meeting, then the higher id,
        exactly as the backend's own relevance order sorts. The ranking step reads ids
        and scores past the page (:data:`RANK_AHEAD`, kept for the next pages); if the
        last of them still ties with the page's last score, ties may reach beyond what
        was read and ``None`` asks the caller for the full query instead.
        """
        want = offset + limit
        key = ("rank", rendered.index_key)
        cached = self.rankings.get(key, token)
        if cached is None or (cached[1] and len(cached[0]) < want + TIE_MARGIN):
            least = want + TIE_MARGIN
            count = max(least, RANK_AHEAD)
            top = self.backend.ranked_ids(conn, rendered, count,
                                          least=least if least < count else None)
            # there may be hits past the ranked ones
            more = len(top) == count or isinstance(top, Proven)
            self.rankings.put(key, token, (top, more))
            if not more:  # every hit was ranked: that is the count too
                self.rankings.put(("count", None, rendered.index_key), token, len(top))
            elif isinstance(top, Counted):  # counted in the same pass
                self.rankings.put(("count", None, rendered.index_key), token, top.total)
        else:
            top, more = cached
        if len(top) <= offset:
            return ()
        if more:
            edge = top[want - 1][1]
            if top[-1][1] == edge:
                return None
            candidates = [c for c in top if c[1] <= edge]
        else:
            candidates = list(top)
        page_ids = self._page_members(conn, candidates, offset, want)
        if not page_ids:
            return ()
        # Fetching the page id by id (a prefix's: from the page's own text) pays off only
        # when the words are in very many readouts (else one pass over the matches is
        # cheaper); the capped count says which, and below the cap it is the exact total
        # the page needs anyway. With more hits than were ranked the page is full, so a
        # page that needs the exact count counts once, exactly, and decides from that.
        cap = None if exact_count else ONE_BY_ONE_FROM
        one_by_one = more and self._count(conn, rendered, cap, token) >= ONE_BY_ONE_FROM
        rows = self.backend.hit_rows(conn, rendered, page_ids, one_by_one=one_by_one)
        # The page's own rows carry the meeting dates that order its ties.
        score = dict(candidates)
        hits = [hit(row) for row in rows]
        hits.sort(key=lambda h: _order(score[h.id], h.meeting_date, h.id))
        return tuple(hits)

    def _page_members(self, conn: Connection, candidates: list[tuple[int, float]],
                      offset: int, want: int) -> list[int]:
        """The ids at ``offset`` up to ``want`` in the order of scores, equal scores by the
        later meeting (none last), then the higher id. Only the equal scores that a page
        edge cuts in two need the meeting dates to say which of them are in the page, so
        only theirs are read; the order inside the page is the caller's, from its rows."""
        candidates.sort(key=lambda c: (c[1], -c[0]))  # by score, then the higher id
        cut = {candidates[edge][1] for edge in (offset, want)
               if 0 < edge < len(candidates) and candidates[edge - 1][1] == candidates[edge][1]}
        if cut:
            dates = {i: as_date(day) for i, day in self.backend.meeting_dates(
                conn, [i for i, s in candidates if s in cut]).items()}
            candidates.sort(key=lambda c: _order(c[1], dates.get(c[0]), c[0]))
        return [i for i, _score in candidates[offset:want]]


def _order(score: float, day: dt.date | None, ident: int) -> tuple[float, int, int]:
    """The relevance order as one key: the score, then the later meeting day (none
    last), then the higher id."""
    return score, -day.toordinal() if day is not None else 1, -ident
