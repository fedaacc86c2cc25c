"""The SQLite backend's search language: a parsed query as FTS5 ``MATCH`` and SQL.

Two full-text tables hold a readout's words (:func:`.mapping.index_fields`, widths normalised):

- ``readout_fts`` (``unicode61``): words as words; it reads its text, for snippets, from
  the readouts (``archive/sqlite_index.py``);
- ``readout_cjk``: for readouts with Japanese text only, each run of kanji and kana
  (:data:`readout_desk.domain.scripts.RUN`) as its overlapping two-character pieces
  followed by its last character alone, column by column. It is *contentless*: it keeps
  the index and no copy of the text.

A run typed in a query is found as a substring: two or more characters are the phrase of
their pieces (``外相会談`` → ``"外相 相会 会談"``: the pieces in a row, which only that
substring gives), one character is a prefix of a piece (``"銅" *``: every place the
character starts a piece or ends a run). Words and runs mix in one query: the table that
holds the query's own words ranks (bm25, the archive's column weights, samples last) and
the other table narrows by rowid. Snippets of Japanese hits are cut from the first table's
text in Python (:func:`.snippets.cjk_snippet`), since the second has none.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from readout_desk.archive import exact_filters, packing, sqlite_dates
from readout_desk.archive.backend import HIT_COLUMNS
from readout_desk.archive.exact_filters import with_supersets
from readout_desk.archive.snippets import HIGHLIGHT_END, HIGHLIGHT_START, later
from readout_desk.domain import scripts
from readout_desk.domain.query import ParsedQuery, Term

#: The full-text index columns and their BM25 weights, in table order (both tables).
FTS_COLUMNS: tuple[tuple[str, float], ...] = (
    ("title", 10.0), ("section", 4.0), ("people", 6.0), ("place", 4.0), ("occasion", 3.0),
    ("topics", 6.0), ("kinds", 2.0), ("countries", 3.0), ("body", 1.0), ("publisher", 1.0),
)
FTS_TABLE = "readout_fts"
CJK_TABLE = "readout_cjk"
#: bm25()'s weights for either table: the text's columns, then the date words (which
#: weigh nothing, :mod:`.sqlite_dates`).
_WEIGHTS = ", ".join(str(w) for _c, w in FTS_COLUMNS) + f", {sqlite_dates.WEIGHT}"
FTS_NAMES = tuple(c for c, _w in FTS_COLUMNS)
#: The weights alone, in table order.
COLUMN_WEIGHTS = tuple(w for _c, w in FTS_COLUMNS)


#: Added to a sample readout's BM25 score (lower is better; BM25 scores here are small
#: negative numbers), so that illustrative samples rank after the user's own readouts.
#: The sample ids come from a partial index that holds only samples: in an archive
#: without samples it is empty and the test costs nothing.
SAMPLE_RANK_PENALTY = 1_000_000


#: The columns of both tables: the text's, then the readout's date as words
#: (:mod:`.sqlite_dates`), which weigh nothing.
WORD_NAMES = (*FTS_NAMES, sqlite_dates.DATED)


def relevance(table: str, *, samples: bool = True) -> str:
    """The score of a hit of ``table``: bm25 with the column weights, samples last.

    ``samples=False`` (the archive holds no sample) leaves out the test, which would
    add zero to every score: the same scores, without a probe per hit."""
    if not samples:
        return f"bm25({table}, {_WEIGHTS})"
    return (f"(bm25({table}, {_WEIGHTS}) + CASE WHEN {table}.rowid IN "
            f"(SELECT id FROM readouts WHERE is_sample = 1) THEN {SAMPLE_RANK_PENALTY} "
            "ELSE 0 END)")


#: Whether any readout is a sample (one probe of the partial index of samples).
ANY_SAMPLE = "SELECT EXISTS(SELECT 1 FROM readouts WHERE is_sample = 1)"


RELEVANCE = relevance(FTS_TABLE)


def snippet_call(table: str) -> str:
    """A hit's snippet from full-text table ``table``: the best window of 14 tokens of any
    column, the query's words marked."""
    return f"snippet({table}, -1, '{HIGHLIGHT_START}', '{HIGHLIGHT_END}', '…', 14)"


SNIPPET = snippet_call(FTS_TABLE)
#: Instead of a snippet, a Japanese hit's row ends with the first table's text.
TEXT_COLUMNS = ", ".join(f"f.{n}" for n in FTS_NAMES)
HIT_SELECT = "SELECT " + ", ".join(f"r.{c}" for c in HIT_COLUMNS[:-1])

#: The ORDER BY column of each sort key other than relevance.
SORT_COLUMNS: dict[str, str] = {
    "date": "r.meeting_date", "title": "r.title COLLATE NOCASE",
    "section": "r.filed_under COLLATE NOCASE", "place": "r.place_city COLLATE NOCASE",
    "mode": "r.mode", "sessions": "r.session_count", "duration": "r.total_minutes",
    "publisher": "r.publisher COLLATE NOCASE", "updated": "r.updated_at",
}


# ----- the table of runs ------------------------------------------------------------


def run_pieces(run: str) -> list[str]:
    """A run's overlapping two-character pieces."""
    return [run[i:i + 2] for i in range(len(run) - 1)]


def cjk_values(fields: Sequence[str]) -> tuple[str, ...] | None:
    """The columns of the table of runs for index text ``fields``, or None without runs.

    Each run is its pieces, then its last character alone: that makes a one-character
    query a prefix query, and, being shorter than a piece, it ends every phrase of pieces,
    so that no phrase runs on into the next run."""
    values = tuple(" ".join(" ".join([*run_pieces(run), run[-1]])
                            for run in scripts.runs(value)) for value in fields)
    return values if any(values) else None


def _quote(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def _piece_match(piece: str) -> str:
    return _quote(piece) + " *" if len(piece) == 1 else _quote(" ".join(run_pieces(piece)))


@dataclass(frozen=True)
class _Split:
    """A term as a match on each table (None where the term has nothing for it)."""

    words: str | None
    runs: str | None
    found: tuple[str, ...] = ()


def _term(term: Term) -> str:
    body = _quote(sqlite_dates.typed(term.text)) + (" *" if term.prefix else "")
    return f"{term.column} : {body}" if term.column else body


def _split(term: Term) -> _Split:
    found, rest = scripts.pieces(term.text)
    if not found:
        return _Split(_term(term), None)
    words = (_term(Term(rest, term.phrase, term.prefix, term.column))
             if any(c.isalnum() for c in rest) else None)
    runs = " AND ".join(f"{term.column} : {_piece_match(p)}" if term.column
                        else _piece_match(p) for p in found)
    return _Split(words, runs if len(found) == 1 else f"({runs})", found)


def _either(parts: Sequence[str]) -> str:
    return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


def match_expressions(query: ParsedQuery) -> tuple[str | None, str | None]:
    """The FTS5 MATCH expressions on the table of words, for what must match and for
    what must not (a query without runs).

    The second is set only when nothing positive is given (``-word`` alone), in which
    case the caller excludes its matches with ``NOT IN``.
    """
    clauses = [_either([_term(t) for t in clause]) for clause in query.required]
    negative = " OR ".join(_term(t) for t in query.excluded) if query.excluded else None
    if not clauses:
        return None, negative
    positive = " AND ".join(clauses)
    if negative:
        positive = f"({positive}) NOT ({negative})"
    return positive, None


# ----- a query rendered -------------------------------------------------------------


#: The parameter of a query's runs (``m0``, ``m1``, ...).
RUN_PARAM = re.compile(r"m\d+")


@dataclass(frozen=True)
class SqlSearch:
    """A search rendered to SQL: the FROM/WHERE part and its parameters."""

    from_where: str
    params: dict[str, Any]
    has_match: bool
    empty: bool  # the query cannot match anything
    # The same hits as a WHERE on the ranking full-text table alone (set when there are
    # words): conditions on readouts become rowid filters, so counting and ranking need
    # no join.
    fts_where: str = ""
    has_prefix: bool = False  # some word ends in "*"
    table: str = FTS_TABLE  # the full-text table that matches and ranks
    runs: tuple[str, ...] = field(default=())  # runs to highlight in snippets
    #: The date range alone, as conditions on ``r`` (readouts) that its index answers.
    dated: str = ""
    #: A search without words narrowed by whole topics or people: the ids each of those
    #: links (SELECTs), and the FROM ... WHERE ... that tests them on readouts read in
    #: the page's order instead of reading their readouts first (:func:`.sqlite.page_rows`
    #: picks it when they are many).
    sets: tuple[str, ...] = ()
    walking_from_where: str = ""
    #: Whether those ids are the whole search (nothing else narrows it, no trash to leave
    #: out): then they are counted without reading a readout.
    sets_alone: bool = False
    #: ``fts_where`` without the date range (set when there is one: :mod:`.sqlite_dates`).
    undated_where: str = ""
    #: Figures the backend read for this search (how many readouts its words match),
    #: shared with the searches made from it by :meth:`between`.
    known: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    @property
    def indexed(self) -> bool:
        return bool(self.fts_where)

    @property
    def filtered(self) -> bool:
        """Whether the readouts' own columns narrow the hits (dates, mode, ...): then the
        index walks every match of the words to test the filter, for the ranking and for
        the count alike."""
        return any(key != "match" and not RUN_PARAM.fullmatch(key) for key in self.params)

    @cached_property
    def driver_params(self) -> dict[str, Any]:
        """The parameters as the sqlite3 driver takes them (dates as their stored text)."""
        return {k: v.isoformat() if isinstance(v, dt.date) else v
                for k, v in self.params.items()}

    @cached_property
    def index_key(self) -> Hashable:
        return self.fts_where, tuple(sorted(self.driver_params.items()))

    def between(self, lowest: int, highest: int) -> SqlSearch:
        """The same search with its matches looked for between two readout ids only (FTS5
        seeks to the first and stops after the last): the same hits when every hit's id
        lies between them."""
        where = f"{self.fts_where} AND {self.table}.rowid BETWEEN {int(lowest)} AND {int(highest)}"
        return replace(self, fts_where=where)


def _trash_filter(query: ParsedQuery, trash_present: bool) -> str:
    if query.only_trash:
        return "r.deleted_at IS NOT NULL"
    if not query.include_trash and trash_present:
        # The unary plus keeps the planner off the deleted_at index, which would make it
        # sort every live readout instead of walking the date index.
        return "+r.deleted_at IS NULL"
    return ""


def _fts_where(table: str, filters: list[str], trash: str, narrowing: list[str]) -> str:
    # The "+" keeps FTS5 from being asked once per listed rowid: probing a small
    # set of ids while walking the matches is far cheaper than one lookup per id.
    where = f"{table} MATCH :match"
    if filters:
        conditions = " AND ".join(filters + ([trash] if trash else []))
        where += f" AND +{table}.rowid IN (SELECT r.id FROM readouts r WHERE {conditions})"
    elif trash == "+r.deleted_at IS NULL":
        where += (f" AND +{table}.rowid NOT IN "
                  "(SELECT id FROM readouts WHERE deleted_at IS NOT NULL)")
    elif trash:
        where += (f" AND +{table}.rowid IN "
                  "(SELECT id FROM readouts WHERE deleted_at IS NOT NULL)")
    return where + "".join(f" AND +{table}.rowid {n}" for n in narrowing)


class _Plan:
    """The MATCH of the ranking table and the rowid conditions that narrow it."""

    def __init__(self, query: ParsedQuery) -> None:
        self.params: dict[str, Any] = {}
        self.narrowing: list[str] = []  # "IN (...)" / "NOT IN (...)" on a readout id
        self.runs: list[str] = []
        words: list[str] = []
        cjk: list[str] = []
        mixed: list[list[_Split]] = []
        for clause in query.required:
            splits = [_split(t) for t in clause]
            self.runs += [p for s in splits for p in s.found]
            if all(s.runs is None for s in splits):
                words.append(_either([str(s.words) for s in splits]))
            elif all(s.words is None for s in splits):
                cjk.append(_either([str(s.runs) for s in splits]))
            else:
                mixed.append(splits)
        self.table: str | None = FTS_TABLE if words else CJK_TABLE if cjk else None
        positive = words if self.table == FTS_TABLE else cjk
        other = cjk if self.table == FTS_TABLE else []
        if other:
            self.narrowing.append("IN " + self._select(CJK_TABLE, " AND ".join(other)))
        for splits in mixed:
            self.narrowing.append("IN (" + " UNION ".join(self._term_ids(s) for s in splits)
                                  + ")")
        negative: list[str] = []
        for term in query.excluded:
            split = _split(term)
            own = split.words if self.table == FTS_TABLE else split.runs
            if self.table is not None and own is not None and (
                    split.runs is None or split.words is None):
                negative.append(own)
            else:
                self.narrowing.append(f"NOT IN ({self._term_ids(split)})")
        self.match = " AND ".join(positive) if positive else None
        if self.match and negative:
            self.match = f"({self.match}) NOT ({' OR '.join(negative)})"

    def _param(self, value: str) -> str:
        name = f"m{len(self.params)}"
        self.params[name] = value
        return f":{name}"

    def _select(self, table: str, match: str) -> str:
        return f"(SELECT rowid FROM {table} WHERE {table} MATCH {self._param(match)})"

    def _term_ids(self, split: _Split) -> str:
        """The ids of the readouts one term finds, as a SELECT."""
        parts = [self._select(t, m)[1:-1] for t, m in ((FTS_TABLE, split.words),
                                                       (CJK_TABLE, split.runs)) if m]
        return " INTERSECT ".join(parts)


def filter_sql(query: ParsedQuery, params: dict[str, Any]) -> list[str]:
    """The conditions on ``r`` (readouts) of the query's modes and dates, their values
    added to ``params``."""
    filters: list[str] = []
    if query.modes:
        names = []
        for i, mode in enumerate(query.modes):
            params[f"mode{i}"] = mode.value
            names.append(f":mode{i}")
        filters.append(f"r.mode IN ({', '.join(names)})")
    if query.date_from:
        filters.append("r.meeting_date >= :date_from")
        params["date_from"] = query.date_from
    if query.date_to:
        filters.append("r.meeting_date <= :date_to")
        params["date_to"] = query.date_to
    return filters


def build_search(query: ParsedQuery, *, trash_present: bool) -> SqlSearch:
    """The FROM ... WHERE ... of a search, shared by the page query, the count and facets."""
    query = with_supersets(query)
    plan = _Plan(query)
    params: dict[str, Any] = dict(plan.params)
    exact = exact_filters.linked(query, params)
    plan.narrowing += exact_filters.narrowing(exact)
    where: list[str] = []
    table = plan.table or FTS_TABLE
    if plan.match:
        source = f"{table} JOIN readouts r ON r.id = {table}.rowid"
        where.append(f"{table} MATCH :match")
        params["match"] = plan.match
    else:
        source = "readouts r"
    where += [f"r.id {n}" for n in plan.narrowing]
    trash = _trash_filter(query, trash_present)
    if trash:
        where.append(trash)
    filters = filter_sql(query, params)
    where += filters
    empty = bool(query.date_from and query.date_to and query.date_from > query.date_to)
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    fts_where = _fts_where(table, filters, trash, plan.narrowing) if plan.match else ""
    dated = " AND ".join(f for f in filters if f.startswith("r.meeting_date "))
    undated = (_fts_where(table, [f for f in filters if not f.startswith("r.meeting_date ")],
                          trash, plan.narrowing) if plan.match and dated else "")
    # A one-character run is a prefix query too (every piece it starts).
    has_prefix = any(t.prefix for clause in query.required for t in clause) or any(
        len(r) == 1 for r in plan.runs)
    linked = [f for f in exact if not f.excluded] if not plan.match else []
    probes = {f"r.id IN ({f.ids})": f.probe for f in linked}
    walking = " AND ".join(probes.get(w, w) for w in where)
    return SqlSearch(f"FROM {source}{clause}", params, bool(plan.match), empty, fts_where,
                     has_prefix, table, tuple(dict.fromkeys(plan.runs)), dated,
                     sets=tuple(f.ids for f in linked),
                     walking_from_where=f"FROM {source} WHERE {walking}" if linked else "",
                     sets_alone=len(linked) == len(where) == 1, undated_where=undated)


#: A hit's snippet without words: the start of its lead, cut here when it is text and in
#: :func:`finish_rows` when packed (only for the rows of the page: SQLite computes this
#: for every row it sorts, and unpacking there would be a call into Python for each).
LEAD_SNIPPET = "CASE WHEN typeof(r.lead) = 'blob' THEN r.lead ELSE substr(r.lead, 1, 160) END"
LEAD_CHARS = 160


def snippet_sql(search: SqlSearch) -> tuple[str, str]:
    """What a results row ends with (a snippet, or the text to cut one from), and the join
    that the text needs."""
    if search.has_match and search.table == FTS_TABLE:
        return SNIPPET, ""
    if search.runs:
        return TEXT_COLUMNS, f" JOIN {FTS_TABLE} f ON f.rowid = r.id"
    return LEAD_SNIPPET, ""


def page_sql(search: SqlSearch, sort: str, descending: bool, *, ids_only: bool = False) -> str:
    """SELECT one page of hits, with a snippet when there are words to highlight."""
    if sort == "relevance" and search.has_match:
        order = f"{relevance(search.table)}, r.meeting_date DESC, r.id DESC"
    else:
        column = SORT_COLUMNS.get(sort, "r.meeting_date")
        direction = "DESC" if descending or sort == "relevance" else "ASC"
        # Same order as "col IS NULL, col": NULLS LAST lets SQLite walk an index on the
        # column (the date index: the unfiltered archive's first page costs one page
        # of index instead of sorting every readout).
        order = f"{column} {direction} NULLS LAST, r.id {direction}"
    if ids_only:
        return f"SELECT r.id {search.from_where} ORDER BY {order}"
    return hits_page_sql(search.from_where, *snippet_sql(search), order)


def hits_page_sql(from_where: str, snippet: str, join: str, order: str) -> str:
    """SELECT one page of results rows: ``from_where`` with ``join`` before its WHERE,
    each row ending with ``snippet``."""
    if join:
        head, _sep, tail = from_where.partition(" WHERE ")
        from_where = head + join + (f" WHERE {tail}" if tail else "")
    return (f"{HIT_SELECT}, {snippet} {from_where} ORDER BY {order} "
            "LIMIT :limit OFFSET :offset")


def ranking_sql(search: SqlSearch, *, samples: bool, counted: bool = False) -> str:
    """SELECT the ids and scores of the best ``:top`` hits, best (lowest) first; with
    ``counted``, each row with the number of all hits too (one pass for both: ``bm25()``
    cannot stand beside a window function, so it is scored in a subquery)."""
    table = search.table
    scored = (f"SELECT {table}.rowid AS id, {relevance(table, samples=samples)} AS score "
              f"FROM {table} WHERE {search.fts_where}")
    if counted:
        return f"SELECT id, score, count(*) OVER () FROM ({scored}) ORDER BY score LIMIT :top"
    return f"{scored} ORDER BY score LIMIT :top"


def hit_rows_sql(search: SqlSearch, listed: str, bounds: tuple[int, int] | None) -> str:
    """SELECT the results rows of the listed ids, in no order: by id alone where the
    table of runs ranks (it has no snippet() to ask), else through the table of words'
    ``MATCH`` with its snippets, the id list probed during one pass over the matches
    between ``bounds`` (lowest, highest id) when given, else looked up id by id."""
    snippet, join = snippet_sql(search)
    table = search.table
    if table == CJK_TABLE:
        return f"{HIT_SELECT}, {snippet} FROM readouts r{join} WHERE r.id IN ({listed})"
    which = (f"{table}.rowid IN ({listed})" if bounds is None else
             f"{table}.rowid BETWEEN {bounds[0]} AND {bounds[1]} AND +{table}.rowid IN ({listed})")
    return (f"{HIT_SELECT}, {snippet} FROM {table} JOIN readouts r ON r.id = {table}.rowid"
            f"{join} WHERE {table} MATCH :match AND {which}")


def finish_rows(search: SqlSearch, rows: Sequence[Sequence[Any]]) -> list[tuple[Any, ...]]:
    """Results rows as :data:`HIT_COLUMNS`: a snippet to cut when asked for Japanese hits
    (:func:`later`), the invisible edges between Latin words and Japanese text taken out."""
    width = len(HIT_COLUMNS) - 1
    if not search.runs:
        return [(*r[:width], r[width].replace(scripts.EDGE, "")) if isinstance(r[width], str)
                else (*r[:width], (packing.unpack(r[width]) or "")[:LEAD_CHARS])
                if isinstance(r[width], bytes) else tuple(r) for r in rows]
    return later(rows, search.runs, COLUMN_WEIGHTS,
                 search.has_match and search.table == FTS_TABLE)


#: The year of a meeting date, as SQLite reads it from the stored text.
YEAR_SQL = "substr(r2.meeting_date, 1, 4)"


def facet_sql(hits: str, limit: int, year: str = YEAR_SQL) -> tuple[str, str, str, str, str]:
    """Countries, years, topics, people and modes among the readouts ``hits`` selects
    (``year``: the year of ``r2.meeting_date`` in the database's dialect).

    A country counts the readouts that involve it as ``country:`` finds them (the index's
    column of countries): the relation's, a participant's, the place's. Counted from the
    relation alone, a country's facet said fewer readouts than clicking it then showed."""
    return (
        f"WITH h AS ({hits}) SELECT k.code, count(DISTINCT k.readout_id) AS n FROM ("
        f"SELECT c.readout_id, c.code FROM readout_countries c "
        f"WHERE c.readout_id IN (SELECT * FROM h) "
        f"UNION ALL SELECT pa.readout_id, upper(pa.country) FROM participants pa "
        f"WHERE pa.readout_id IN (SELECT * FROM h) AND pa.country <> '' "
        f"UNION ALL SELECT r2.id, upper(r2.place_country) FROM readouts r2 "
        f"WHERE r2.id IN (SELECT * FROM h) AND r2.place_country <> '') k "
        f"GROUP BY k.code ORDER BY n DESC, k.code LIMIT {int(limit)}",
        f"SELECT {year} AS y, count(*) FROM readouts r2 "
        f"WHERE r2.id IN ({hits}) AND r2.meeting_date IS NOT NULL "
        f"GROUP BY y ORDER BY y DESC LIMIT {int(limit)}",
        f"SELECT t.name, count(*) AS n FROM readout_topics rt JOIN topics t "
        f"ON t.id = rt.topic_id WHERE rt.readout_id IN ({hits}) GROUP BY t.id "
        f"ORDER BY n DESC, t.name LIMIT {int(limit)}",
        f"SELECT pe.family_name, pe.given_name, pe.name_order, "
        f"count(DISTINCT pa.readout_id) AS n FROM participants pa JOIN people pe "
        f"ON pe.id = pa.person_id WHERE pa.readout_id IN ({hits}) GROUP BY pe.id "
        f"ORDER BY n DESC, pe.family_name LIMIT {int(limit)}",
        f"SELECT r2.mode, count(*) AS n FROM readouts r2 WHERE r2.id IN ({hits}) "
        f"GROUP BY r2.mode ORDER BY n DESC",
    )
