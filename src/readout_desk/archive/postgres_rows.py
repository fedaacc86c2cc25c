"""A team archive's rows written in bulk: ``COPY`` inside the writing transaction.

An import's batch (or a save) writes its readouts, their child rows and their index
entries without a statement per row: the new readouts' ids are taken from their sequence
in one statement and every table's rows go in with one ``COPY`` each (psycopg's
``cursor.copy``). The index entries are made while the server takes them in: the
``tsvector`` of each readout is made as the ``COPY`` asks for its row, and a thread of
psycopg's hands the rows made so far to the server, so the two cores work at once.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Table

from readout_desk.archive import postgres_changes
from readout_desk.archive.postgres_search import FTS_TABLE, TEXT_TABLE, document
from readout_desk.archive.sqlite_search import FTS_NAMES

#: From how many readouts written at once (an import's batch) their index entries are
#: merged into the GIN index before the transaction ends. Otherwise they wait in the
#: index's pending list (up to 4 MB), which every search reads whole until a VACUUM:
#: after 100,000 readouts were imported, 377 pages, and the index scan of an absent word
#: took 0.7-6.6 ms where the merged index answers in 0.01. The server lets only the
#: index's owner merge (as VACUUM does).
MERGE_FROM = 200
_MERGE_PENDING = (
    f"SELECT gin_clean_pending_list(c.oid) FROM pg_class c WHERE c.oid = "
    f"'ix_{FTS_TABLE}_doc'::regclass AND pg_has_role(c.relowner, 'USAGE')")

#: From how many rows a ``COPY`` hands its data to the server from a thread of its own
#: (starting the thread costs more than a save's few rows).
QUEUED_FROM = 50


def insert_rows(conn: Connection, table: Table, columns: Sequence[str],
                rows: Sequence[Sequence[Any]], stored: Collection[str] = ()) -> None:
    """The rows in one ``COPY`` inside the transaction under way, each value through its
    column's type first (a wall time made naive, a JSON value wrapped), but those of the
    columns ``stored``."""
    if not rows:
        return
    processors = [(i, p) for i, c in enumerate(columns) if c not in stored and (
        p := table.c[c].type.dialect_impl(conn.dialect).bind_processor(conn.dialect))
        is not None]
    if processors:
        rows = [_processed(row, processors) for row in rows]
    copy_rows(conn, table.name, columns, rows, queued=len(rows) >= QUEUED_FROM)


def insert_new_rows(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]],
                    stored: Collection[str] = ()) -> list[int]:
    """New rows with ids from the table's own sequence (taken in one statement, in
    ascending order as the rows come), written by :func:`insert_rows`; their ids."""
    if not rows:
        return []
    ids = sorted(int(i) for (i,) in conn.exec_driver_sql(
        f"SELECT nextval(pg_get_serial_sequence('{table.name}', 'id')) "
        f"FROM generate_series(1, {len(rows)})"))
    columns = tuple(rows[0])
    insert_rows(conn, table, ("id", *columns),
                [(rid, *(row[c] for c in columns)) for rid, row in zip(ids, rows, strict=True)],
                stored)
    return ids


def index_readouts(conn: Connection, entries: Sequence[tuple[int, Mapping[str, str]]]
                   ) -> None:
    """The readouts' index entries (their ``tsvector``, made as the ``COPY`` runs, and
    their text), merged into the GIN index when there are many (:data:`MERGE_FROM`)."""
    if not entries:
        return
    postgres_changes.touched(conn, (rid for rid, _fields in entries))
    many = len(entries) >= QUEUED_FROM
    copy_rows(conn, FTS_TABLE, ("readout_id", "doc"),
              ((rid, document(fields)) for rid, fields in entries), queued=many)
    copy_rows(conn, TEXT_TABLE, ("readout_id", *FTS_NAMES),
              [(rid, *(fields.get(n, "") for n in FTS_NAMES)) for rid, fields in entries],
              queued=many)
    if len(entries) >= MERGE_FROM:
        conn.exec_driver_sql(_MERGE_PENDING)


def copy_rows(conn: Connection, table: str, columns: Sequence[str],
              rows: Iterable[Sequence[Any]], *, queued: bool = False) -> None:
    """``COPY`` the rows into ``table`` on the transaction's own connection: the bulk rows
    of an import or a save, without a statement each. ``queued``: a thread of psycopg's
    sends the data while this one makes the next rows (many rows, or slow ones)."""
    from psycopg.copy import QueuedLibpqWriter

    driver: Any = conn.connection.dbapi_connection  # a psycopg connection
    with driver.cursor() as cursor, cursor.copy(
            f"COPY {table} ({', '.join(columns)}) FROM STDIN",
            writer=QueuedLibpqWriter(cursor) if queued else None) as copy:
        for row in rows:
            copy.write_row(row)


def _processed(row: Sequence[Any], processors: Sequence[tuple[int, Callable[[Any], Any]]]
               ) -> list[Any]:
    values = list(row)
    for i, process in processors:
        values[i] = process(values[i])
    return values
