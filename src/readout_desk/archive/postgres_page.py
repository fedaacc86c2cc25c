"""A team archive's page of a search of words, read in one statement and one round trip.

PostgreSQL reads one statement in one snapshot, so a page read as a single statement on a
connection in autocommit mode is consistent without ``BEGIN`` and ``ROLLBACK``. The page
of a search of words in relevance order is such a statement (common table expressions):
whether the trash holds anything and the change token (both what the window's next pages
and the kept rankings need), the ranking (ids and scores, the few hundred kept for the
next pages), the page's ids in the full relevance order, their rows with their snippets,
and the count (capped) when the ranking did not reach every hit. In a transaction the same
page took four round trips: ``BEGIN``, the trash and token, the page, ``ROLLBACK``.

These statements run on an engine of their own (:func:`make_search_engine`): autocommit,
and ``enable_seqscan = off`` for the whole life of each connection (set as it is made, in
its start-up packet, with no statement), so that the hits are found through the GIN index
even when the planner expects most readouts to match (see ``postgres.py``'s
``_index_first``). Nothing else runs on those connections: every other read and every
write keeps the archive's own engine and its transactions, and their plans.
"""

from __future__ import annotations

import functools
import weakref
from typing import Any

from sqlalchemy import Connection, Dialect, Engine, create_engine, event, text

from readout_desk.archive import reconnect
from readout_desk.archive.backend import HIT_COLUMNS, watch_lent
from readout_desk.archive.postgres_search import (
    INDEX_RELEVANCE,
    RELEVANCE,
    PgSearch,
    build_search,
    finish_rows,
    snippet_sql,
)
from readout_desk.archive.search import PageAtOnce
from readout_desk.domain.query import ParsedQuery

#: The readouts in the trash (a few, under the index of ``deleted_at``), hidden from a
#: search without a join to the readouts, whether or not the trash holds any.
_TRASHED = "SELECT id FROM readouts WHERE deleted_at IS NOT NULL"
#: The columns a page's row starts with; the results row (:data:`HIT_COLUMNS`) follows.
_HEAD = ("trash", "token", "ids", "scores", "counted")

#: The search engine of each archive engine (made with it, disposed with it).
_SEARCH_ENGINES: weakref.WeakKeyDictionary[Engine, Engine] = weakref.WeakKeyDictionary()


def make_search_engine(engine: Engine, url: str, connect_args: dict[str, Any]) -> Engine:
    """The engine ``engine``'s searches of words read their pages on (see the module's
    description): the same server and login, in autocommit, index first."""
    args = dict(connect_args)
    args["options"] = " ".join(filter(None, (args.get("options"), "-c enable_seqscan=off")))
    searcher = create_engine(url, connect_args=args, isolation_level="AUTOCOMMIT",
                             pool_size=2)
    reconnect.ping_when_idle(searcher)
    watch_lent(searcher)
    _SEARCH_ENGINES[engine] = searcher
    event.listen(engine, "engine_disposed", lambda _engine: searcher.dispose())
    return searcher


def search_engine(engine: Engine) -> Engine | None:
    """The search engine made for ``engine`` by :func:`make_search_engine`, if it was."""
    return _SEARCH_ENGINES.get(engine)


def _hits(search: PgSearch, query: ParsedQuery) -> tuple[str, str, str]:
    """The id column, the score and the FROM ... WHERE ... of the hits, readouts in the
    trash left out unless asked for (the search is rendered as if the trash were empty)."""
    hides = not (query.include_trash or query.only_trash)
    if search.index_from_where:  # words alone: the index table, no join
        where = search.index_from_where
        return "f.readout_id", INDEX_RELEVANCE, (
            where + f" AND f.readout_id NOT IN ({_TRASHED})" if hides else where)
    where = search.from_where
    return "r.id", RELEVANCE, where + " AND r.deleted_at IS NULL" if hides else where


def page_statement(search: PgSearch, query: ParsedQuery, *, capped: bool) -> str:
    """The one statement of a page (parameters ``top``, ``edge``, ``limit``, ``offset``,
    ``cap`` when ``capped``, the search's own and ``headline``)."""
    ident, score, hits = _hits(search, query)
    snippet, join = snippet_sql(search)
    row = ", ".join(f"r.{c}" for c in HIT_COLUMNS[:-1])
    # Hits found by joining the readouts (a date range, a filter) are counted as they are
    # ranked, every one of them passing through the ranking anyway: a count of its own
    # joined them again (100,000 readouts, a word in a date range: 57 ms → 43 ms). Words
    # alone are counted on their own, where the cap stops the count early (counting
    # every hit of a phrase as it was ranked took 720 ms against 590).
    windowed = not search.index_from_where
    hits_column = ", count(*) OVER () AS hits" if windowed else ", 0 AS hits"
    counted = (("LEAST(k.hits, :cap)" if capped else "k.hits") if windowed else
               f"(SELECT count(*) FROM (SELECT 1 {hits}{' LIMIT :cap' if capped else ''}) AS c)")
    return (
        "WITH state AS MATERIALIZED (SELECT EXISTS(SELECT 1 FROM readouts WHERE deleted_at "
        "IS NOT NULL) AS trash, pg_current_snapshot()::text AS token), "
        f"ranked AS MATERIALIZED (SELECT {ident} AS id, {score} AS score{hits_column} "
        f"{hits} ORDER BY score LIMIT :top), "
        # The page's edge: no hit past the want-th score can be in the page.
        "edge AS (SELECT score FROM ranked ORDER BY score OFFSET :edge LIMIT 1), "
        "page AS MATERIALIZED (SELECT k.id, row_number() OVER (ORDER BY k.score, "
        "r.meeting_date DESC NULLS LAST, r.id DESC) AS hit_order FROM ranked k "
        "JOIN readouts r ON r.id = k.id WHERE k.score <= COALESCE((SELECT score FROM edge), "
        "'Infinity') ORDER BY hit_order LIMIT :limit OFFSET :offset), "
        f"found AS (SELECT p.hit_order, {row}, {snippet} FROM page p "
        f"JOIN readouts r ON r.id = p.id{join}) "
        "SELECT s.trash, s.token, "
        "CASE WHEN h.hit_order IS NOT DISTINCT FROM k.first THEN k.ids END, "
        "CASE WHEN h.hit_order IS NOT DISTINCT FROM k.first THEN k.scores END, "
        f"CASE WHEN h.hit_order IS NOT DISTINCT FROM k.first AND k.n = :top THEN {counted} "
        "END, h.* FROM state s CROSS JOIN (SELECT array_agg(id ORDER BY score, id) AS ids, "
        "array_agg(score ORDER BY score, id) AS scores, count(*) AS n, max(hits) AS hits, "
        "(SELECT min(hit_order) FROM page) AS first FROM ranked) k "
        "LEFT JOIN found h ON true ORDER BY h.hit_order")


@functools.lru_cache(maxsize=256)
def _driver_sql(statement: str, dialect: Dialect) -> str:
    """The statement in the driver's own style (``%(name)s``), made once per shape of
    query: a light query's page costs about as much as turning its text into the
    driver's again."""
    return str(text(statement).compile(dialect=dialect))


def _fetch(conn: Connection, sql: str, params: dict[str, Any]) -> list[Any]:
    """The statement's rows as the driver gives them: SQLAlchemy's result object (the
    description of some twenty columns read and matched) costs a page of no hits more than
    the server's own work. Whoever listens for the engine's statements is told of it as
    of SQLAlchemy's own. A connection found lost fails its reset when it is handed back,
    so the pool drops it and the read tried again gets a new one (the restart tests)."""
    driver: Any = conn.connection.dbapi_connection  # a psycopg connection
    with driver.cursor() as cursor:
        if conn.dispatch.before_cursor_execute:
            conn.dispatch.before_cursor_execute(conn, cursor, sql, params, None, False)
        cursor.execute(sql, params)
        return list(cursor.fetchall())


def read_page(conn: Connection, query: ParsedQuery, *, headline: str, offset: int,
              limit: int, top: int, count_cap: int | None) -> PageAtOnce:
    """One page of a search of words (``query.required``) in relevance order, and what the
    flow keeps of it, in one statement (see the module's description)."""
    search = build_search(query, trash_present=False)
    if search.empty:
        return PageAtOnce(search, None, [], [], 0)
    params = dict(search.params, headline=headline, top=top, edge=offset + limit - 1,
                  limit=limit, offset=offset)
    if count_cap is not None:
        params["cap"] = count_cap
    sql = _driver_sql(page_statement(search, query, capped=count_cap is not None),
                      conn.dialect)
    rows = _fetch(conn, sql, params)
    trash, token, ids, scores, counted = rows[0][:len(_HEAD)]
    if trash:
        search = build_search(query, trash_present=True)
    ranking = [(int(i), float(s)) for i, s in zip(ids or (), scores or (), strict=True)]
    found = finish_rows(search, [r[len(_HEAD) + 1:] for r in rows if r[len(_HEAD)] is not None])
    return PageAtOnce(search, str(token), ranking, found,
                      None if counted is None else int(counted))

