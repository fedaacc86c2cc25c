"""The SQLite driver's own connection beneath a SQLAlchemy connection, for the search's
statements and the kept rankings': rows read straight from the driver's cursor, in the
connection's transaction (begun if need be). SQLAlchemy's result objects cost more per
row than a light query's own work."""

from __future__ import annotations

from contextlib import closing
from typing import Any

from sqlalchemy import Connection


def driver(conn: Connection) -> Any:
    """The driver's connection, in the connection's transaction (begun if need be)."""
    if not conn.in_transaction():
        conn.begin()
    return conn.connection.driver_connection


def rows(conn: Connection, sql: str, params: Any = ()) -> list[Any]:
    """A statement's rows as the driver gives them, in the connection's transaction."""
    with closing(driver(conn).execute(sql, params)) as cursor:
        return list(cursor.fetchall())
