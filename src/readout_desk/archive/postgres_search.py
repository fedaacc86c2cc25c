"""The PostgreSQL backend's search language: a parsed query as a ``tsquery`` and SQL.

A readout's index entry is one row of ``readout_fts``, one weighted ``tsvector`` (``doc``,
under a GIN index) and nothing else, so that counting and ranking thousands of hits reads
narrow rows; the text of each index column, which only the snippets of a page's rows
need, is one row of ``readout_fts_text``. The lexemes are made here, not by PostgreSQL's
parser, so that a word is exactly what SQLite's ``unicode61`` tokenizer makes of it
(letters and digits, lower case, diacritics removed): the hit sets of the two backends are
the same. ``doc`` holds, at each word's position:

- the word itself (``cafe``), weighted by its column (``title`` A; ``people``, ``topics``
  B; ``section``, ``place``, ``occasion``, ``countries`` C; the rest D);
- the word within its column (``@0@cafe`` for the title), for field filters; no word
  starts with ``@``, so no prefix of a word reaches these. Only the columns a field
  filter can name have them (:data:`FILTERED_COLUMNS`): the body, the section and the
  occasion, never named, made 45% of a vector's text;
- for Japanese text, each run of kanji and kana as its overlapping two-character pieces
  and its last character (``~外相``, ``~相会``, ``~会談``, ``~談``), as SQLite's table of
  runs holds them, so that a run typed in a query is found as a substring (the phrase of
  its pieces; one character is a prefix of a piece).

Columns are two positions apart, so no phrase runs from one column into the next.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from readout_desk.archive import exact_filters
from readout_desk.archive.backend import HIT_COLUMNS
from readout_desk.archive.exact_filters import with_supersets
from readout_desk.archive.snippets import later
from readout_desk.archive.sqlite_search import (
    COLUMN_WEIGHTS,
    FTS_COLUMNS,
    FTS_NAMES,
    cjk_values,
    filter_sql,
    hits_page_sql,
    run_pieces,
)
from readout_desk.archive.sqlite_search import facet_sql as sqlite_facet_sql
from readout_desk.domain import scripts
from readout_desk.domain.query import TEXT_FIELDS, ParsedQuery, Term

FTS_TABLE = "readout_fts"
#: The text of the index columns, for snippets.
TEXT_TABLE = "readout_fts_text"

#: The statements that make the index tables (also run by the first migration).
CREATE_FTS_TABLE = (
    f"CREATE TABLE IF NOT EXISTS {FTS_TABLE} ("
    "readout_id INTEGER PRIMARY KEY REFERENCES readouts (id) ON DELETE CASCADE, "
    "doc TSVECTOR NOT NULL)",
    f"CREATE INDEX IF NOT EXISTS ix_{FTS_TABLE}_doc ON {FTS_TABLE} USING GIN (doc)",
    f"CREATE TABLE IF NOT EXISTS {TEXT_TABLE} ("
    "readout_id INTEGER PRIMARY KEY REFERENCES readouts (id) ON DELETE CASCADE, "
    + ", ".join(f"{n} TEXT NOT NULL DEFAULT ''" for n in FTS_NAMES) + ")",
)
DROP_FTS_TABLE = f"DROP TABLE IF EXISTS {FTS_TABLE}, {TEXT_TABLE}"

#: The index columns a field filter can name (``country:peru``), by position: only these
#: have their words within the column in the vector.
FILTERED_COLUMNS = frozenset(FTS_NAMES.index(c) for c in TEXT_FIELDS.values())

#: The weight letter of each index column, from the archive's column weights.
WEIGHT_LETTERS = tuple("A" if w >= 10 else "B" if w >= 6 else "C" if w >= 3 else "D"
                       for _c, w in FTS_COLUMNS)
#: ts_rank's weights for D, C, B, A.
RANK_WEIGHTS = "{0.1, 0.3, 0.6, 1.0}"
#: The highest position a tsvector keeps.
_MAX_POSITION = 16383
#: The Japanese runs of a readout with none.
_NO_PIECES = ("",) * len(FTS_NAMES)
#: A lexeme no index entry holds (a term with no words finds nothing).
_NOTHING = "@"

SAMPLE_RANK_PENALTY = 1_000_000
RELEVANCE = (f"(-ts_rank('{RANK_WEIGHTS}', f.doc, CAST(:match AS tsquery)) "
             f"+ CASE WHEN r.is_sample THEN {SAMPLE_RANK_PENALTY} ELSE 0 END)")
#: :data:`RELEVANCE` from the index table alone (no join with ``readouts``): the sample
#: readouts, a few, are looked up once.
INDEX_RELEVANCE = (
    f"(-ts_rank('{RANK_WEIGHTS}', f.doc, CAST(:match AS tsquery)) + CASE WHEN f.readout_id "
    f"IN (SELECT id FROM readouts WHERE is_sample) THEN {SAMPLE_RANK_PENALTY} ELSE 0 END)")
HIT_SELECT = "SELECT " + ", ".join(f"r.{c}" for c in HIT_COLUMNS[:-1])
TEXT_COLUMNS = ", ".join(f"t.{n}" for n in FTS_NAMES)
#: The join that brings a results row its index text (``t``).
TEXT_JOIN = f" JOIN {TEXT_TABLE} t ON t.readout_id = r.id"
ALL_TEXT = "concat_ws(' ', " + TEXT_COLUMNS + ")"

#: The ORDER BY column of each sort key other than relevance.
SORT_COLUMNS: dict[str, str] = {
    "date": "r.meeting_date", "title": "lower(r.title)", "section": "lower(r.filed_under)",
    "place": "lower(r.place_city)", "mode": "r.mode", "sessions": "r.session_count",
    "duration": "r.total_minutes", "publisher": "lower(r.publisher)",
    "updated": "r.updated_at",
}


# ----- words as unicode61 makes them -------------------------------------------------


def _fold_char(char: str) -> str:
    if ord(char) < 0x3000:
        decomposed = unicodedata.normalize("NFKD", char)
        char = "".join(c for c in decomposed if not unicodedata.combining(c)) or char
    return char.lower()


def _is_token_char(char: str) -> bool:
    category = unicodedata.category(char)
    return category[0] in "LN" or category == "Co"


#: A run of the characters :func:`_is_token_char` accepts: letters and numbers (``\w``
#: without the underscore, exactly the categories L and N) and the private use areas (Co).
_TOKEN = re.compile(r"(?:[^\W_]|[\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd])+")


@functools.lru_cache(maxsize=1 << 16)
def _fold(token: str) -> str:
    """A word lower-cased, its diacritics removed (the same word recurs: kept)."""
    return token.lower() if token.isascii() else "".join(_fold_char(c) for c in token)


#: :data:`_TOKEN` in ASCII text made lower case: its words as they are, found at once.
_ASCII_TOKEN = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    """The words of ``text`` as SQLite's ``unicode61 remove_diacritics 2`` makes them."""
    if text.isascii():  # most text: lower case as a whole, no word folded on its own
        return _ASCII_TOKEN.findall(text.lower())
    return [_fold(token) for token in _TOKEN.findall(text)]


def _lexeme(value: str) -> str:
    if "'" in value or "\\" in value:  # never in a word or a run (letters only): kept safe
        value = value.replace("\\", "\\\\").replace("'", "''")
    return "'" + value + "'"


@functools.lru_cache(maxsize=len(WEIGHT_LETTERS))
def _marks(letter: str) -> tuple[str, ...]:
    """Each position as a ``tsvector`` writes it with the weight ``letter`` (``17A``), by
    position: made once, as a readout's import writes hundreds of them."""
    return tuple(f"{p}{letter}" for p in range(_MAX_POSITION + 1))


def _column_positions(tokens: Sequence[str], start: int,
                      marks: tuple[str, ...]) -> dict[str, list[str]]:
    """Each distinct token of a column with its positions, counted from ``start`` (past
    the last position a ``tsvector`` keeps, the last)."""
    spots = marks[start:start + len(tokens)]
    if len(spots) < len(tokens):
        spots += (marks[_MAX_POSITION],) * (len(tokens) - len(spots))
    found: dict[str, list[str]] = {}
    for token, spot in zip(tokens, spots, strict=True):
        if token in found:
            found[token].append(spot)
        else:
            found[token] = [spot]
    return found


def document(fields: Mapping[str, str]) -> str:
    """A readout's index text as a ``tsvector`` literal (see the module's description).

    Made for every readout an import writes, so each column's distinct tokens are found
    once and their positions serve both the word and the word within its column (written
    as found; a word's entry gathers its positions from every column)."""
    texts = [fields.get(n, "") for n in FTS_NAMES]
    pieces = cjk_values(texts) or _NO_PIECES
    positions: dict[str, list[str]] = {}
    within: list[tuple[str, dict[str, list[str]]]] = []
    start = 1
    for index, (text, runs) in enumerate(zip(texts, pieces, strict=True)):
        tokens = words(text) if text else []
        run_tokens = [f"~{p}" for p in runs.split()] if runs else []
        for column_tokens in (tokens, run_tokens):
            if not column_tokens:
                continue
            found = _column_positions(column_tokens, start, _marks(WEIGHT_LETTERS[index]))
            for token, spots in found.items():
                entry = positions.get(token)
                if entry is None:
                    positions[token] = spots[:]
                else:
                    entry.extend(spots)
            if index in FILTERED_COLUMNS:
                within.append((f"@{index}@", found))
        start += max(len(tokens), len(run_tokens)) + 2
    # No word or run holds a quote or a backslash (letters and numbers only, folded), so
    # a lexeme needs no escaping here (as :func:`_lexeme` would do).
    parts = [f"'{k}':{','.join(v[:256])}" for k, v in positions.items()]
    for column, found in within:
        parts.extend(f"'{column}{k}':{','.join(v[:256])}" for k, v in found.items())
    return " ".join(parts)


# ----- a query as a tsquery ----------------------------------------------------------


def _column_index(column: str | None) -> int | None:
    return FTS_NAMES.index(column) if column in FTS_NAMES else None


def _named(value: str, column: int | None) -> str:
    return value if column is None else f"@{column}@{value}"


def _phrase(tokens: Sequence[str], column: int | None, prefix: bool) -> str:
    if not tokens:
        return _lexeme(_NOTHING)
    parts = [_lexeme(_named(t, column)) for t in tokens]
    if prefix:
        parts[-1] += ":*"
    return parts[0] if len(parts) == 1 else "(" + " <-> ".join(parts) + ")"


def _run(piece: str, column: int | None) -> str:
    if len(piece) == 1:
        return _lexeme(_named(f"~{piece}", column)) + ":*"
    return _phrase([f"~{p}" for p in run_pieces(piece)], column, False)


def term_query(term: Term) -> tuple[str, tuple[str, ...]]:
    """One term as a ``tsquery``, and the Japanese runs it asks for."""
    column = _column_index(term.column)
    found, rest = scripts.pieces(term.text)
    if not found:
        return _phrase(words(term.text), column, term.prefix), ()
    parts = [_run(p, column) for p in found]
    if any(c.isalnum() for c in rest):
        parts.insert(0, _phrase(words(rest), column, term.prefix))
    return (parts[0] if len(parts) == 1 else "(" + " & ".join(parts) + ")"), found


def _either(parts: Sequence[str]) -> str:
    return parts[0] if len(parts) == 1 else "(" + " | ".join(parts) + ")"


# ----- a query rendered -------------------------------------------------------------


@dataclass(frozen=True)
class PgSearch:
    """A search rendered to SQL: the FROM/WHERE part and its parameters."""

    from_where: str
    params: Mapping[str, Any]
    has_match: bool
    empty: bool
    has_prefix: bool = False
    runs: tuple[str, ...] = field(default=())
    #: The same hits from the full-text table alone, when no condition needs the readouts
    #: table (a count then joins nothing).
    index_from_where: str = ""

    @property
    def indexed(self) -> bool:
        return self.has_match

    @property
    def index_key(self) -> Hashable:
        return self.from_where, tuple(sorted((k, str(v)) for k, v in self.params.items()))


def build_search(query: ParsedQuery, *, trash_present: bool) -> PgSearch:
    """The FROM ... WHERE ... of a search, shared by the page query, the count and facets.

    Made once per query and trash (a search asks for it three times; a light one's whole
    page costs a few times one rendering), and read-only: its parameters cannot change."""
    return _built(query, trash_present)


@functools.lru_cache(maxsize=256)
def _built(query: ParsedQuery, trash_present: bool) -> PgSearch:
    query = with_supersets(query)
    runs: list[str] = []
    clauses: list[str] = []
    for clause in query.required:
        rendered = [term_query(t) for t in clause]
        runs += [r for _q, found in rendered for r in found]
        clauses.append(_either([q for q, _found in rendered]))
    negative = " | ".join(term_query(t)[0] for t in query.excluded)
    params: dict[str, Any] = {}
    where: list[str] = []
    if clauses:
        tsquery = " & ".join(clauses)
        if negative:
            tsquery = f"({tsquery}) & !({negative})"
        params["match"] = tsquery
        source = f"{FTS_TABLE} f JOIN readouts r ON r.id = f.readout_id"
        where.append("f.doc @@ CAST(:match AS tsquery)")
    else:
        source = "readouts r"
        if negative:
            params["negative"] = negative
            where.append(f"r.id NOT IN (SELECT readout_id FROM {FTS_TABLE} "
                         "WHERE doc @@ CAST(:negative AS tsquery))")
    if query.only_trash:
        where.append("r.deleted_at IS NOT NULL")
    elif not query.include_trash and trash_present:
        where.append("r.deleted_at IS NULL")
    where += filter_sql(query, params)
    where += [f"r.id {n}" for n in exact_filters.narrowing(exact_filters.linked(query, params))]
    empty = bool(query.date_from and query.date_to and query.date_from > query.date_to)
    clause_sql = f" WHERE {' AND '.join(where)}" if where else ""
    has_prefix = any(t.prefix for c in query.required for t in c) or any(
        len(r) == 1 for r in runs)
    alone = f"FROM {FTS_TABLE} f WHERE {where[0]}" if clauses and len(where) == 1 else ""
    return PgSearch(f"FROM {source}{clause_sql}", MappingProxyType(params), bool(clauses),
                    empty, has_prefix, tuple(dict.fromkeys(runs)), alone)


def snippet_sql(search: PgSearch) -> tuple[str, str]:
    """What a results row ends with (a snippet, or the text to cut one from), and the join
    that the text needs."""
    if search.runs:
        return TEXT_COLUMNS, TEXT_JOIN
    if search.has_match:
        return (f"ts_headline('simple', {ALL_TEXT}, CAST(:match AS tsquery), "
                ":headline)"), TEXT_JOIN
    return "substr(r.lead, 1, 160)", ""


def order_sql(search: PgSearch, sort: str, descending: bool) -> str:
    if sort == "relevance" and search.has_match:
        return f"{RELEVANCE}, r.meeting_date DESC NULLS LAST, r.id DESC"
    column = SORT_COLUMNS.get(sort, "r.meeting_date")
    direction = "DESC" if descending or sort == "relevance" else "ASC"
    return f"{column} {direction} NULLS LAST, r.id {direction}"


def page_sql(search: PgSearch, sort: str, descending: bool, *, ids_only: bool = False) -> str:
    """SELECT one page of hits, with a snippet when there are words to highlight."""
    order = order_sql(search, sort, descending)
    if ids_only:
        return f"SELECT r.id {search.from_where} ORDER BY {order}"
    return hits_page_sql(search.from_where, *snippet_sql(search), order)


def facet_sql(hits: str, limit: int) -> tuple[str, str, str, str, str]:
    """Countries, years, topics, people and modes among the readouts ``hits`` selects."""
    return sqlite_facet_sql(hits, limit, year="to_char(r2.meeting_date, 'YYYY')")


def finish_rows(search: PgSearch, rows: Sequence[Sequence[Any]]) -> list[tuple[Any, ...]]:
    """Results rows as :data:`HIT_COLUMNS`: Japanese hits get a snippet cut around their
    runs, and the invisible edges between Latin words and Japanese text go."""
    width = len(HIT_COLUMNS) - 1
    if search.runs:
        return later([(*r[:width], *(str(v or "") for v in r[width:])) for r in rows],
                     search.runs, COLUMN_WEIGHTS)
    return [(*r[:width], str(r[width] or "").replace(scripts.EDGE, "")) for r in rows]
