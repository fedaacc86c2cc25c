"""The SQLite full-text tables: how they are made, and how a readout enters and leaves them.

The table of words, ``readout_fts``, keeps no copy of the text: it is an FTS5 *external
content* table whose text is the view ``readout_fts_text``, read where FTS5 needs a
readout's text (``snippet()``, ``highlight()``, ``'rebuild'``, a check of the index against
the text). The view gives exactly the text the index was made from
(:func:`.mapping.index_fields`, widths normalised):

- title, section (``filed_under``), occasion, publisher and the body (lead, points, photo
  captions and notes, one a line, the empty ones left out), nine tenths of the text, from
  the readout's own rows, through the SQL function ``readout_index_text``
  (:func:`readout_desk.domain.scripts.index_text`; :func:`register_functions` adds it to
  a connection, and every connection that reads the view needs it);
- people, place, topics, kinds and countries, which are put together from several tables
  and reference data (a person's shown name, a country's names), as they were indexed, in
  the small table ``readout_fts_fields`` (a few hundred bytes a readout);
- last, ``dated``: the readout's meeting date as three words (:mod:`.sqlite_dates`),
  computed in SQL from ``readouts.meeting_date`` (migration ``0020_dates_as_words``); the
  table of runs has the same column (``0021_dates_as_runs_words``).

Long stored texts (the points, the columns kept) may be packed (:mod:`.packing`): the view
reads them through the SQL function ``readout_text``, registered beside the other.

FTS5 takes a row out of an external-content index by the values it was indexed with:
:func:`unindex` reads them from the view, so a readout leaves the index *before* its rows
change or go (:mod:`.writes`). The tables and the view are made by the migration
``0010_index_without_text``.

The archive's integrity check asks FTS5 about the index alone (``'integrity-check'`` with
rank 0), not whether it agrees with the readouts' text: a readout another program deleted
leaves its entries behind, as it did when the table kept its own copy (a search shows
only readouts that exist), and that is no damage to offer a backup for.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping, Sequence
from contextlib import closing

from sqlalchemy import Connection, Engine

from readout_desk.archive.mapping import MEETING_DATE
from readout_desk.archive.packing import SQL_FUNCTION, pack, unpack
from readout_desk.archive.sqlite_dates import date_words
from readout_desk.archive.sqlite_search import (
    CJK_TABLE,
    FTS_NAMES,
    FTS_TABLE,
    WORD_NAMES,
    cjk_values,
)
from readout_desk.domain.scripts import index_text

#: The view the table of words reads its text from, and the table of the columns kept.
TEXT_VIEW = "readout_fts_text"
FIELDS_TABLE = "readout_fts_fields"
#: The columns kept as indexed, in table order; the others are read from the readout.
KEPT = ("people", "place", "topics", "kinds", "countries")
#: The SQL function that normalises text as the index holds it.
TEXT_FUNCTION = "readout_index_text"
#: The SQL function that reads a stored text that may be packed (``packing.py``).
UNPACK_FUNCTION = SQL_FUNCTION

_COLUMNS = ", ".join(WORD_NAMES)
_MARKS = ", ".join("?" for _n in WORD_NAMES)

#: FTS5 keeps a transaction's new words in memory and writes them out as a segment each
#: time they pass ``hashsize`` (1 MB unless set), merging segments as they pile up. A batch
#: of this many readouts or more enters with room for all its words, so it becomes one
#: segment instead of one per megabyte of words (a fifth as many segments written and
#: merged); the setting is put back as soon as the batch is in.
LARGE_BATCH = 200
BATCH_HASH_BYTES = 64 << 20
DEFAULT_HASH_BYTES = 1 << 20  # FTS5's own default


def register_functions(dbapi_connection: sqlite3.Connection) -> None:
    """Give a driver connection the functions the view of the index's text calls."""
    dbapi_connection.create_function(TEXT_FUNCTION, 1, index_text, deterministic=True)
    dbapi_connection.create_function(UNPACK_FUNCTION, 1, unpack, deterministic=True)


#: A readout's index entry as its rows are written: the columns kept (packed), the text
#: of the table of words and that of the table of runs (``None`` without Japanese or
#: Chinese text), each in :data:`WORD_NAMES` order (the date words last).
EntryRows = tuple[tuple[object, ...], list[str], "tuple[str, ...] | None"]


def entry_rows(fields: Mapping[str, str]) -> EntryRows:
    """The rows of a readout's index entry, from its :func:`.mapping.index_fields`."""
    values = [fields.get(n, "") for n in FTS_NAMES]
    dated = date_words(fields.get(MEETING_DATE))
    runs = cjk_values(values)
    return (tuple(pack(fields.get(c, "")) for c in KEPT), [*values, dated],
            None if runs is None else (*runs, dated))


def index_readouts(conn: Connection, entries: Sequence[tuple[int, Mapping[str, str]]]) -> None:
    """Index readouts whose rows are written: the columns kept, then both tables."""
    index_entries(conn, [(rid, entry_rows(fields)) for rid, fields in entries])


def index_entries(conn: Connection, entries: Sequence[tuple[int, EntryRows]]) -> None:
    """Index readouts whose rows are written, their entries made (:func:`entry_rows`)."""
    if not entries:
        return
    conn.exec_driver_sql(
        f"INSERT INTO {FIELDS_TABLE}(readout_id, {', '.join(KEPT)}) "
        f"VALUES (?, {', '.join('?' for _c in KEPT)})",
        [(rid, *kept) for rid, (kept, _values, _runs) in entries])
    runs = [(rid, *pieces) for rid, (_kept, _values, pieces) in entries if pieces]
    for table, rows in ((FTS_TABLE, [(rid, *values) for rid, (_k, values, _r) in entries]),
                        (CJK_TABLE, runs)):
        if len(rows) >= LARGE_BATCH:
            _insert_with_room(conn, table, rows)
        elif rows:
            conn.exec_driver_sql(_insert_sql(table), rows)


def _insert_sql(table: str) -> str:
    return f"INSERT INTO {table}(rowid, {_COLUMNS}) VALUES (?, {_MARKS})"


def _insert_with_room(conn: Connection, table: str, rows: list[tuple[object, ...]]) -> None:
    """Insert many rows with room in memory for all their words, then put FTS5's setting
    back as it was (setting it writes out the words kept: the batch is one segment). An
    archive that had no such setting is left without one, as FTS5 made it."""
    config = f"{table}_config"
    before = conn.exec_driver_sql(f"SELECT v FROM {config} WHERE k = 'hashsize'").scalar()
    change = f"INSERT INTO {table}({table}, rank) VALUES ('hashsize', ?)"
    conn.exec_driver_sql(change, (BATCH_HASH_BYTES,))
    conn.exec_driver_sql(_insert_sql(table), rows)
    conn.exec_driver_sql(change, (DEFAULT_HASH_BYTES if before is None else before,))
    if before is None:
        conn.exec_driver_sql(f"DELETE FROM {config} WHERE k = 'hashsize'")


def unindex(conn: Connection, readout_ids: Sequence[int]) -> None:
    """Take readouts out of both tables while their rows still say what was indexed.

    Neither table keeps the text, so each forgets a row only when told the values it
    indexed: the view's, which are the readout's as it is still stored."""
    for readout_id in readout_ids:
        row = conn.exec_driver_sql(f"SELECT {_COLUMNS} FROM {TEXT_VIEW} WHERE id = ?",
                                   (readout_id,)).first()
        if row is None:
            continue  # never indexed
        values = [str(v or "") for v in row]
        runs = cjk_values(values[:-1])
        for table, indexed in ((FTS_TABLE, values),
                               (CJK_TABLE, None if runs is None else (*runs, values[-1]))):
            if indexed:
                conn.exec_driver_sql(f"INSERT INTO {table}({table}, rowid, {_COLUMNS}) "
                                     f"VALUES ('delete', ?, {_MARKS})", (readout_id, *indexed))
        conn.exec_driver_sql(f"DELETE FROM {FIELDS_TABLE} WHERE readout_id = ?", (readout_id,))


def clear_index(conn: Connection) -> None:
    """Empty both tables and the columns kept (before the index is made again)."""
    for table in (FTS_TABLE, CJK_TABLE):
        conn.exec_driver_sql(f"INSERT INTO {table}({table}) VALUES ('delete-all')")
    conn.exec_driver_sql(f"DELETE FROM {FIELDS_TABLE}")



#: About how many steps of SQLite's machine a VACUUM takes per readout (10k readouts,
#: English and a third Japanese alike), to tell its progress in readouts.
_VACUUM_STEPS_PER_READOUT = 210
_STEPS = 1_000


def reclaim(engine: Engine, progress: Callable[[int, int], None] | None = None) -> None:
    """Give back the pages the text took when the table of words kept it (after the
    migration that took it out): ``VACUUM``, its progress told in readouts (estimated
    from the steps it has taken; SQLite tells no more). Where it cannot run (a full disk:
    it writes a copy of the file; another process reading), the file stays as sound and
    as large, and its free pages are used by later writes."""
    raw = engine.raw_connection()
    try:
        driver = raw.driver_connection
        assert isinstance(driver, sqlite3.Connection)
        with closing(driver.cursor()) as cursor:
            total = int(cursor.execute("SELECT count(*) FROM readouts").fetchone()[0])
        steps = 0

        def step() -> int:
            nonlocal steps
            steps += 1
            if progress is not None and steps % 16 == 0:
                progress(min(steps * _STEPS // _VACUUM_STEPS_PER_READOUT, total - 1), total)
            return 0

        if progress is not None:
            progress(0, total)
        driver.set_progress_handler(step, _STEPS)
        try:
            driver.execute("VACUUM")
        except sqlite3.OperationalError:
            pass  # no room for the copy, or a reader: the pages stay free, for later writes
        finally:
            driver.set_progress_handler(None, 0)
        if progress is not None:
            progress(total, total)
    finally:
        raw.close()
