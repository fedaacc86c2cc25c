"""The seam between the archive and a database: what a backend must provide.

The façade (:mod:`.store`), the search (:mod:`.search`), the writes (:mod:`.writes`),
backups and migrations speak to the database through a :class:`Backend`, never in its
own dialect: every SQL string and every feature of one database lives in the backend's
module. SQLite (:mod:`.sqlite`) keeps an archive in a file; PostgreSQL (:mod:`.postgres`)
keeps a team archive on a server. :func:`backend_for` picks one from the location.

Rows handed back for hits are positional, in :data:`HIT_COLUMNS` order; ranked ids come
with a score where lower is better.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine, Table

    from readout_desk.archive.errors import ArchiveError
    from readout_desk.archive.writes import Prepared
    from readout_desk.domain.query import ParsedQuery

#: The columns of a results row, in the order :meth:`Backend.page_rows` and
#: :meth:`Backend.hit_rows` return them (read by :func:`.hits.hit`).
HIT_COLUMNS = ("id", "meeting_date", "title", "section", "place_city", "place_country",
               "mode", "session_count", "total_minutes", "publisher", "is_sample",
               "filed_under", "snippet")

#: The execution option that marks a connection whose transaction will write: a backend
#: takes the write lock when such a transaction begins, so a second writer waits its
#: turn instead of failing when it first tries to write after reading.
WRITE_OPTION = "readout_desk_writes"


class RenderedQuery(Protocol):
    """A parsed query rendered for one backend; opaque to the search except for these."""

    @property
    def empty(self) -> bool:
        """The query can find nothing (a date range that ends before it starts)."""

    @property
    def indexed(self) -> bool:
        """It has words, so it can be ranked and counted from the full-text index alone."""

    @property
    def has_prefix(self) -> bool:
        """Some word ends in ``*``."""

    @property
    def index_key(self) -> Hashable:
        """Equal for two renderings that select the same hits (the ranking cache's key)."""


@dataclass(frozen=True)
class FacetRows:
    """The raw rows of the five facets of one query, as the backend counted them."""

    countries: Sequence[tuple[str, int]]  # code, readouts
    years: Sequence[tuple[str, int]]  # "2023", readouts
    topics: Sequence[tuple[str, int]]  # topic name, readouts
    people: Sequence[tuple[str, str, str, int]]  # family, given, name order, readouts
    modes: Sequence[tuple[str, int]]  # mode value, readouts


class Proven(list[tuple[int, float]]):
    """The best hits of a ranking, fewer than were asked for, with more hits after them:
    what a backend could prove without ranking every hit (:meth:`Backend.ranked_ids`)."""


class Counted(list[tuple[int, float]]):
    """The best hits of a ranking with the number of all its hits (``total``), counted in
    the same pass (:meth:`Backend.ranked_ids`): the search then asks for no count."""

    def __init__(self, ranked: Iterable[tuple[int, float]], total: int) -> None:
        super().__init__(ranked)
        self.total = total


class Backend(Protocol):
    """One kind of database behind an archive."""

    name: str
    #: The driver's own exception classes, which :meth:`translate` turns into ours.
    driver_errors: tuple[type[BaseException], ...]
    #: Suffixes of the files beside an archive file that belong to it (they move with it).
    side_suffixes: tuple[str, ...]
    #: Those of them that a committed write changes (a write-ahead log).
    written_suffixes: tuple[str, ...]

    # ----- where an archive lives and how it opens ----------------------------------

    def file_path(self, location: str) -> Path | None:
        """The file behind ``location``, or ``None`` when it is not a file."""

    def can_write(self, path: Path) -> bool:
        """Whether an existing archive file can be written (else it opens read-only)."""

    def make_engine(self, path: Path | None, *, read_only: bool = False,
                    write_caches: bool = False) -> Engine:
        """An engine with the backend's connection settings. ``write_caches``: a
        read-only engine of a writable archive may still keep what the backend caches
        for its searches (SQLite's kept rankings), through a connection of its own."""

    def check_opens(self, engine: Engine) -> None:
        """Touch the database so that a damaged file shows up now, not mid-search."""

    def user_rights(self, engine: Engine) -> tuple[bool, bool]:
        """Whether the database user may (add and change readouts, delete them)."""

    def translate(self, exc: BaseException, location: str) -> ArchiveError:
        """A driver error as the one plain sentence the person is shown."""

    def table_names(self, conn: Connection) -> set[str]:
        """The tables that exist."""

    def change_token(self, conn: Connection) -> Hashable:
        """Equal while nothing was committed to the database from elsewhere."""

    # ----- writing rows and the full-text index -------------------------------------

    def insert_rows(self, conn: Connection, table: Table, columns: Sequence[str],
                    rows: Sequence[Sequence[Any]], stored: Collection[str] = ()) -> None:
        """Insert many rows at once; values go through the columns' types, but those of
        the columns ``stored``, which are already as stored (:meth:`ahead`)."""

    def insert_new_rows(self, conn: Connection, table: Table,
                        rows: Sequence[Mapping[str, Any]], stored: Collection[str] = ()
                        ) -> list[int]:
        """Insert new rows (every column but ``id``, the same columns in each) whose ids
        the database gives; returns their ids, in the rows' order. ``stored``: as for
        :meth:`insert_rows`."""

    def index_readouts(self, conn: Connection,
                       entries: Sequence[tuple[int, Mapping[str, str]]]) -> None:
        """Add full-text entries: readout id and its :func:`.mapping.index_fields`."""

    def ahead(self, prepared: Prepared) -> Prepared:
        """A prepared readout (:func:`.writes.prepare`) with what can be done before the
        database is reached done: its values as this database stores them, its index
        entry made (:attr:`~.writes.Prepared.stored`). It needs no connection: an
        import's readers (:mod:`.transfer.readers`) call it in their own processes."""

    def index_prepared(self, conn: Connection, entries: Sequence[tuple[int, Prepared]]
                       ) -> None:
        """Add the full-text entries of prepared readouts (made :meth:`ahead` or not)."""

    def unindex(self, conn: Connection, readout_ids: Sequence[int]) -> None:
        """Drop the full-text entries of readouts, before their rows change or go (an
        index may read the values it took out from them)."""

    def clear_index(self, conn: Connection) -> None:
        """Empty the full-text index (before it is refilled)."""

    # ----- searching ----------------------------------------------------------------

    def has_trash(self, conn: Connection, *, words: bool = False) -> bool:
        """Whether any readout is in the trash (asked first on every search). ``words``:
        the search that follows ranks or counts words, so a backend may make ready for
        that in the same statement (a team archive: its change token and index-first)."""

    def render(self, query: ParsedQuery, *, trash_present: bool) -> RenderedQuery:
        """The query in the backend's search language."""

    def page_rows(self, conn: Connection, rendered: RenderedQuery, *, sort: str,
                  descending: bool, limit: int, offset: int) -> Sequence[Sequence[Any]]:
        """One page of results rows in ``sort`` order, snippets included."""

    def ordered_ids(self, conn: Connection, rendered: RenderedQuery, *, sort: str,
                    descending: bool) -> list[int]:
        """The ids of every hit in ``sort`` order."""

    def count(self, conn: Connection, rendered: RenderedQuery, cap: int | None) -> int:
        """How many hits, stopping at ``cap`` when given."""

    def ranked_ids(self, conn: Connection, rendered: RenderedQuery, top: int, *,
                   least: int | None = None) -> list[tuple[int, float]]:
        """The best ``top`` hits of an indexed query as (id, score), best (lowest) first
        (fewer only when there are no more). With ``least``, a backend that can prove the
        best ``least`` or more, but not ``top``, without ranking every hit may return
        those as a :class:`Proven` list instead; one that counted every hit in the same
        pass returns a :class:`Counted` list."""

    def meeting_dates(self, conn: Connection, ids: Sequence[int]) -> dict[int, str]:
        """The ISO meeting date of each of ``ids`` that has one."""

    def hit_rows(self, conn: Connection, rendered: RenderedQuery, ids: Sequence[int], *,
                 one_by_one: bool) -> Sequence[Sequence[Any]]:
        """Results rows with snippets for ``ids`` of an indexed query, in no order."""

    def facet_rows(self, conn: Connection, rendered: RenderedQuery, limit: int,
                   sample: int | None = None) -> FacetRows:
        """Counts per country, year, topic, person and mode among the hits (among the
        newest ``sample`` of them when given)."""

    # ----- soundness and copies of files ---------------------------------------------

    def integrity_problems(self, conn: Connection) -> list[str]:
        """What the database's own checks find wrong; empty when sound."""

    def file_problems(self, path: Path, *, full: bool = False,
                      within: float | None = None) -> list[str]:
        """A quick (or ``full``) check of any database file, opened read-only; with
        ``within``, only what it reaches in that many seconds."""

    def examine_file(self, path: Path) -> tuple[str, list[str], int]:
        """What the file at ``path`` is, found without writing to it: ``"sound"``,
        ``"damaged"``, ``"foreign"`` (not an archive) or ``"locked"`` (another program
        holds it), with what was found and how many readouts it holds."""

    def copy_file(self, source: Path, target: Path,
                  progress: Callable[[int, int], None] | None = None) -> None:
        """A consistent copy of a live database file (online backup); ``progress``, if
        given, is told (done, in all) in the file's own units (pages) as it goes."""

    def make_self_contained(self, path: Path) -> None:
        """Make a copied file one file that opens anywhere (no side files needed)."""

    def interrupt(self, engine: Engine) -> None:
        """Stop what ``engine``'s connections are running now: each statement raises an
        error that :meth:`translate` makes an ``ArchiveInterruptedError``."""


#: The driver connections each engine has lent out right now (see :func:`watch_lent`).
_LENT: weakref.WeakKeyDictionary[Any, set[Any]] = weakref.WeakKeyDictionary()


def watch_lent(engine: Engine) -> None:
    """Keep track of the driver connections ``engine`` lends out, for :func:`lent_out`."""
    from sqlalchemy import event

    lent: set[Any] = set()
    _LENT[engine] = lent

    def checkout(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        lent.add(dbapi_connection)

    def checkin(dbapi_connection: Any, _record: Any) -> None:
        lent.discard(dbapi_connection)

    event.listen(engine, "checkout", checkout)
    event.listen(engine, "checkin", checkin)


def lent_out(engine: Engine) -> tuple[Any, ...]:
    """The driver connections of ``engine`` in use now (by a unit of work or a check)."""
    return tuple(_LENT.get(engine, ()))


def backend_named(name: str) -> Backend:
    """A backend by its :attr:`Backend.name`, with no archive: for work done apart from
    any connection (:meth:`Backend.ahead`)."""
    if name == "sqlite":
        from readout_desk.archive import sqlite

        return sqlite.BACKEND
    from readout_desk.archive import postgres

    if name == postgres.PostgresBackend.name:
        return postgres.PostgresBackend("postgresql://")
    raise ValueError(f"no backend named {name!r}")


def backend_for(location: str | Path) -> Backend:
    """The backend for an archive location: a file path or a URL (``postgresql://`` for a
    team archive).

    Raises :class:`~readout_desk.archive.errors.ArchiveError` for a kind of database
    that has no backend yet.
    """
    from readout_desk.archive import sqlite

    loc = str(location)
    if sqlite.is_sqlite_url(loc):
        return sqlite.BACKEND
    from readout_desk.archive import postgres

    if postgres.is_postgres_url(loc):
        return postgres.PostgresBackend(loc)
    from readout_desk.archive.errors import ArchiveError

    scheme = loc.split("://", 1)[0]
    raise ArchiveError(
        f"{scheme} archives are not supported yet; use a file path or a sqlite:// URL."
    )
