"""A page of a prefix query read from an index of the page's own text.

``MATCH 'energ*' AND rowid IN (…)`` costs what the prefix's hits cost, not what the page
does: before FTS5 looks at a rowid it merges the lists of every word the prefix covers
into one (a prefix longer than the table's prefix indexes has no list of its own), and it
does so again for each rowid looked up. A page of a prefix in many readouts, whose ranking
is kept and whose count is known (:mod:`.sqlite_kept`), would pay for that merge alone.

So the page's rows and snippets are read from a small FTS5 table in the connection's
temporary schema instead: the page's text, read once from the view the table of words reads
its own text from (``readout_fts_text``), indexed there under the table of words' columns
and tokenizer (read from its definition), and asked the search's own ``MATCH``. Its cost is
the page's text, whatever the archive's size.

Why the snippets are the table of words' own: FTS5's ``snippet()`` (``fts5SnippetFunction``
in ``fts5_aux.c``) works from one row alone: the query's phrase instances in it (phrase,
column, token offset), each phrase's size, its columns' sizes in tokens and their text,
which it tokenizes again to find where fragments may start and where each highlighted
token lies. No other row and no total of the index enters it. Both tables derive all of
these from the same text with the same tokenizer for the same query, so the output is the
same (the tests compare the two on generated English, Japanese and accented texts, every
column, words, phrases, prefixes and fields). Where the index no longer matches a readout's
text (another program changed its rows behind the index's back), the table of words would
mark the old text's positions in the new text and the page's index marks the words the text
holds; a row the page's index does not find at all is read from the table of words as before.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Sequence
from contextlib import closing
from typing import Any

from sqlalchemy import Connection

from readout_desk.archive.sqlite_driver import driver as _driver
from readout_desk.archive.sqlite_index import TEXT_VIEW
from readout_desk.archive.sqlite_search import (
    FTS_NAMES,
    FTS_TABLE,
    HIT_SELECT,
    SqlSearch,
    snippet_call,
)

_COLUMNS = ", ".join(FTS_NAMES)
#: The options of the table of words that decide what a row's tokens and positions are.
_COPIED = ("tokenize", "detail")
#: The arguments of an FTS5 table: a quoted string or anything up to the next comma.
_ARGUMENT = re.compile(r"""(?:'(?:[^']|'')*'|"(?:[^"]|"")*"|[^,'"])+""")


def applies(search: SqlSearch) -> bool:
    """Whether a page of ``search`` is better read from its own index: a prefix on the
    table of words (each look-up in the table of words merges the prefix's lists)."""
    match = search.params.get("match")
    return (search.table == FTS_TABLE and search.has_prefix and isinstance(match, str)
            and "*" in match)


def _options(db: Any) -> str:
    """The tokenizer options of the table of words, as its definition states them."""
    with closing(db.execute("SELECT sql FROM sqlite_master WHERE name = ?",
                            (FTS_TABLE,))) as cursor:
        found = cursor.fetchone()
    if not found or not found[0]:
        return ""
    inside = str(found[0]).partition("(")[2].rpartition(")")[0]
    kept = [a.strip() for a in _ARGUMENT.findall(inside)
            if a.partition("=")[0].strip().lower() in _COPIED and "=" in a]
    return "".join(f", {option}" for option in kept)


def _tables(db: Any) -> tuple[str, str]:
    """The page's table of text and its index, made if this connection has none; named by
    the options, so a table of words made another way gets tables of its own."""
    options = _options(db)
    suffix = f"{zlib.crc32(options.encode()):08x}"
    text, index = f"readout_page_text_{suffix}", f"readout_page_fts_{suffix}"
    db.execute(f"CREATE TEMP TABLE IF NOT EXISTS {text} (id INTEGER PRIMARY KEY, {_COLUMNS})")
    db.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{index} USING fts5({_COLUMNS}, "
               f"content = '{text}', content_rowid = 'id'{options})")
    return text, index


def _fill(conn: Connection, ids: Sequence[int]) -> tuple[Any, str]:
    """The page's index holding the text of ``ids`` (and nothing else): the driver
    connection and the index's name."""
    db = _driver(conn)
    text, index = _tables(db)
    db.execute(f"DELETE FROM temp.{text}")
    db.execute(f"INSERT INTO temp.{index}({index}) VALUES ('delete-all')")
    db.execute(f"INSERT INTO temp.{text} (id, {_COLUMNS}) SELECT id, {_COLUMNS} "
               f"FROM {TEXT_VIEW} WHERE id IN (SELECT value FROM json_each(?))",
               (json.dumps(list(ids)),))
    db.execute(f"INSERT INTO temp.{index} (rowid, {_COLUMNS}) SELECT id, {_COLUMNS} "
               f"FROM temp.{text}")
    return db, index


def hit_rows(conn: Connection, search: SqlSearch, ids: Sequence[int]) -> list[Any]:
    """Results rows (readout columns, then the snippet) of ``ids``, hits of ``search``,
    with the snippets the table of words gives them, read from an index of their text."""
    db, index = _fill(conn, ids)
    sql = (f"{HIT_SELECT}, {snippet_call(index)} FROM temp.{index} JOIN readouts r "
           f"ON r.id = {index}.rowid WHERE {index} MATCH :match")
    with closing(db.execute(sql, {"match": search.params["match"]})) as cursor:
        return list(cursor.fetchall())


def matching(conn: Connection, match: str, ids: Sequence[int]) -> list[int]:
    """Which of ``ids`` their own text finds for ``match`` (a MATCH of the table of words),
    at the cost of their text, not of the hits of ``match``."""
    db, index = _fill(conn, ids)
    with closing(db.execute(f"SELECT rowid FROM temp.{index} WHERE {index} MATCH ?",
                            (match,))) as cursor:
        return [int(r[0]) for r in cursor.fetchall()]
