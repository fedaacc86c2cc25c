"""The PostgreSQL backend: a team archive on a server, searched with ``tsvector``.

Every SQL string of the PostgreSQL side lives here and in :mod:`.postgres_search` (the
query language and the index entries). An archive on a server has no file: the members
of :class:`~readout_desk.archive.backend.Backend` about files refuse in one sentence
(a team archive is copied with ``pg_dump``).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, Table, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from readout_desk import paths
from readout_desk.archive import (
    credentials,
    errors,
    postgres_changes,
    postgres_page,
    postgres_photos,
    postgres_rows,
    reconnect,
)
from readout_desk.archive.attachments import Reclaimed
from readout_desk.archive.backend import (
    WRITE_OPTION,
    FacetRows,
    lent_out,
    watch_lent,
)
from readout_desk.archive.errors import ArchiveError
from readout_desk.archive.postgres_search import (
    FTS_TABLE,
    HIT_SELECT,
    INDEX_RELEVANCE,
    RELEVANCE,
    TEXT_TABLE,
    PgSearch,
    build_search,
    facet_sql,
    finish_rows,
    page_sql,
    snippet_sql,
)
from readout_desk.archive.search import PageAtOnce
from readout_desk.archive.snippets import HIGHLIGHT_END, HIGHLIGHT_START
from readout_desk.domain.query import ParsedQuery

#: The URL schemes of a team archive.
SCHEMES = ("postgresql://", "postgresql+psycopg://", "postgres://")
#: How ts_headline cuts a snippet: the archive's highlight marks, about 14 words.
HEADLINE = (f'StartSel="{HIGHLIGHT_START}", StopSel="{HIGHLIGHT_END}", MaxWords=14, '
            "MinWords=5, MaxFragments=1, FragmentDelimiter=\"…\"")

__all__ = ["PostgresBackend", "is_postgres_url", "SCHEMES"]

if TYPE_CHECKING:
    from readout_desk.archive.writes import Prepared


def is_postgres_url(location: str) -> bool:
    """Whether ``location`` names a team archive on a PostgreSQL server."""
    return location.startswith(SCHEMES)


def driver_url(location: str) -> str:
    """``location`` with the psycopg 3 driver named."""
    url = make_url(location.replace("postgres://", "postgresql://", 1))
    return url.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)


def _listed(ids: Sequence[int]) -> str:
    return ", ".join(str(int(i)) for i in ids)


_TRANSLATIONS: tuple[tuple[tuple[str, ...], Callable[[str, str], ArchiveError]], ...] = (
    (("connection refused", "could not connect", "no such file or directory",
      "connection failed", "server closed", "is starting up", "is shutting down",
      "could not translate host name", "timeout expired"), lambda loc, m:
        errors.ArchiveUnreachableError(
            f"The team archive server for {loc} cannot be reached ({m}); check that it "
            "is running, or open a local archive instead.")),
    (("permission denied", "must be owner"), lambda loc, m: errors.ArchiveReadOnlyError(
        f"The team archive {loc} refused the change ({m}); ask its administrator for "
        "the rights it needs.")),
    (("read-only transaction",), lambda loc, _m: errors.ArchiveReadOnlyError(
        f"The archive {loc} is read-only, so the change was not saved.")),
    (("deadlock", "could not serialize", "lock timeout"), lambda loc, _m:
        errors.ArchiveLockedError(
            f"The team archive {loc} is busy: another person's change held the same "
            "readouts. Nothing was changed; try again in a moment.")),
    (("password authentication", "authentication failed"), lambda loc, m: ArchiveError(
        f"The team archive {loc} refused the login ({m}); check ~/.pgpass or the "
        "service file.")),
    (("canceling statement due to user request",), lambda loc, _m:
        errors.ArchiveInterruptedError(
            f"Reading the team archive {loc} was stopped before it finished.")),
)


#: The advisory lock a writing transaction holds until it ends ("READ" in ASCII).
WRITE_LOCK_KEY = 0x52454144


def _take_write_lock(conn: Connection) -> None:
    """A transaction that will write waits for the one writing now, as on SQLite, so the
    version it checks is still the newest when it saves (no update is lost)."""
    if conn.get_execution_options().get(WRITE_OPTION):
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")


class PostgresBackend:
    """One team archive on a PostgreSQL server (the instance knows its URL)."""

    name = "postgresql"
    driver_errors: tuple[type[BaseException], ...] = (DBAPIError,)
    side_suffixes: tuple[str, ...] = ()
    written_suffixes: tuple[str, ...] = ()

    def __init__(self, location: str) -> None:
        self.location = location
        try:
            import psycopg
        except ImportError:
            raise ArchiveError(
                "Team archives need the psycopg driver: install Readout Desk with its "
                "'team' extra (pip install 'readout-desk[team]')."
            ) from None
        self.driver_errors = (DBAPIError, psycopg.Error)

    # ----- opening ------------------------------------------------------------------

    def file_path(self, location: str) -> Path | None:
        return None

    def can_write(self, path: Path) -> bool:
        return True

    def make_engine(self, path: Path | None, *, read_only: bool = False,
                    write_caches: bool = False) -> Engine:
        """An engine on the server; a read-only archive's transactions are read-only (a
        team archive caches nothing for its searches: ``write_caches`` changes nothing)."""
        connect_args: dict[str, Any] = {"connect_timeout": 10}
        password, _source = credentials.password_for(self.location)
        if password is not None:  # typed into the form, or from the keyring
            connect_args["password"] = password
        if read_only:
            connect_args["options"] = "-c default_transaction_read_only=on"
        # Read committed whatever the server's default: a write that waited for the write
        # lock must see what the writer before it committed (a purge's deleted images).
        engine = create_engine(driver_url(self.location), connect_args=connect_args,
                               isolation_level="READ COMMITTED")
        reconnect.ping_when_idle(engine)
        watch_lent(engine)
        postgres_page.make_search_engine(engine, driver_url(self.location), connect_args)
        if not read_only:
            postgres_changes.announce_commits(engine)
            event.listen(engine, "begin", _take_write_lock)
        return engine

    def listen_for_changes(self, callback: postgres_changes.ChangeCallback
                           ) -> postgres_changes.ChangeListener:
        """Call ``callback`` (from a thread of its own) with the readouts other
        connections change; stop it with ``.stop()``."""
        import psycopg

        plain = driver_url(self.location).replace("postgresql+psycopg://", "postgresql://", 1)
        extra: dict[str, Any] = {"connect_timeout": 10}
        password, _source = credentials.password_for(self.location)
        if password is not None:
            extra["password"] = password
        return postgres_changes.ChangeListener(
            lambda: psycopg.connect(plain, autocommit=True, **extra), callback)

    def interrupt(self, engine: Engine) -> None:
        """The server cancels what each connection in use is running (``pg_cancel_backend``
        through psycopg's cancel request)."""
        searcher = postgres_page.search_engine(engine)
        for dbapi_connection in (*lent_out(engine), *(lent_out(searcher) if searcher else ())):
            dbapi_connection.cancel()

    def check_opens(self, engine: Engine) -> None:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1").scalar()

    def user_rights(self, engine: Engine) -> tuple[bool, bool]:
        """What the database user was granted (see :func:`role_statements`)."""
        with engine.connect() as conn:
            row = conn.exec_driver_sql(
                "SELECT has_table_privilege('readouts', 'INSERT'), "
                "has_table_privilege('readouts', 'DELETE') "
                "AND has_column_privilege('readouts', 'deleted_at', 'UPDATE')").one()
        return bool(row[0]), bool(row[1])

    def translate(self, exc: BaseException, location: str) -> ArchiveError:
        message = " ".join(str(getattr(exc, "orig", exc)).split()).rstrip(".")
        lowered = message.lower()
        if getattr(exc, "connection_invalidated", False) or "terminating connection" \
                in lowered:
            # The server went away during the work: its transaction died with it.
            return errors.ArchiveUnreachableError(
                f"The connection to the team archive server for {location} was lost "
                f"({message}); nothing was changed, so the same work can be tried again.")
        for words, make in _TRANSLATIONS:
            if any(w in lowered for w in words):
                return make(location, message)
        return ArchiveError(f"The archive {location} reported an error: {message}.")

    def table_names(self, conn: Connection) -> set[str]:
        rows = conn.exec_driver_sql(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        return {str(r[0]) for r in rows}

    def change_token(self, conn: Connection) -> Hashable:
        # The next transaction id moves whenever anyone begins a write; a search has read
        # it already, with the trash (a snapshot taken before its hits: never too new).
        state = _search_state(conn)
        if state is not None:
            return str(state["token"])
        return str(conn.exec_driver_sql("SELECT pg_current_snapshot()::text").scalar())

    # ----- images ---------------------------------------------------------------------

    def image_cache(self) -> Path:
        return postgres_photos.cache_folder(self.location)

    def _image_folders(self) -> list[Path]:
        shared = paths.team_attachments_dir()  # an archive from before images were kept
        return [self.image_cache(), *([shared] if shared is not None else [])]

    def store_images(self, conn: Connection) -> None:
        postgres_photos.store_pending(conn, self._image_folders())

    def fetch_images(self, conn: Connection, names: Iterable[str]) -> None:
        try:
            folder = self.image_cache()
        except OSError:  # no cache this client can make: the readout without its images
            return
        postgres_photos.fetch(conn, names, folder, paths.team_attachments_dir())

    def unstored_images(self, conn: Connection) -> list[str]:
        return postgres_photos.unstored(conn)

    def image_hashes(self, conn: Connection, names: Iterable[str]) -> dict[str, str]:
        return postgres_photos.stored_hashes(conn, names)

    def store_images_from(self, conn: Connection, names: Iterable[str],
                          folder: Path) -> list[str]:
        return postgres_photos.store(conn, names, [folder])

    def forget_images(self, conn: Connection, names: Collection[str] | None) -> Reclaimed:
        # Every writing transaction holds the write lock from its start (taken again
        # here for a caller that began without it): a save that found an image stored
        # has committed before this looks, or looks after this has committed and stores
        # the image again, so no saved photo ever names an image deleted here.
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")
        return postgres_photos.forget(conn, names)

    # ----- writing ------------------------------------------------------------------

    def insert_rows(self, conn: Connection, table: Table, columns: Sequence[str],
                    rows: Sequence[Sequence[Any]], stored: Collection[str] = ()) -> None:
        postgres_rows.insert_rows(conn, table, columns, rows, stored)

    def insert_new_rows(self, conn: Connection, table: Table,
                        rows: Sequence[Mapping[str, Any]], stored: Collection[str] = ()
                        ) -> list[int]:
        return postgres_rows.insert_new_rows(conn, table, rows, stored)

    def index_readouts(self, conn: Connection,
                       entries: Sequence[tuple[int, Mapping[str, str]]]) -> None:
        postgres_rows.index_readouts(conn, entries)

    def ahead(self, prepared: Prepared) -> Prepared:
        return prepared  # the values go through the driver's own adaptation

    def index_prepared(self, conn: Connection, entries: Sequence[tuple[int, Prepared]]
                       ) -> None:
        self.index_readouts(conn, [(rid, p.index_text) for rid, p in entries])

    def unindex(self, conn: Connection, readout_ids: Sequence[int]) -> None:
        if readout_ids:
            postgres_changes.touched(conn, readout_ids)
            for table in (FTS_TABLE, TEXT_TABLE):
                conn.exec_driver_sql(
                    f"DELETE FROM {table} WHERE readout_id IN ({_listed(readout_ids)})")

    def clear_index(self, conn: Connection) -> None:
        conn.exec_driver_sql(f"DELETE FROM {FTS_TABLE}")
        conn.exec_driver_sql(f"DELETE FROM {TEXT_TABLE}")

    # ----- searching ----------------------------------------------------------------

    def has_trash(self, conn: Connection, *, words: bool = False) -> bool:
        """Whether the trash holds anything, with the change token in the same statement
        and, for a search of words, the index first (:func:`_index_first`): one round trip
        where three were, each about a millisecond against a light query's few."""
        sql = ("SELECT EXISTS(SELECT 1 FROM readouts WHERE deleted_at IS NOT NULL), "
               "pg_current_snapshot()::text")
        if words:  # set as this statement runs, so for the statements planned after it
            sql += ", set_config('enable_seqscan', 'off', true)"
        row = conn.exec_driver_sql(sql).one()
        conn.info[_SEARCH_STATE] = {"transaction": conn.get_transaction(),
                                    "token": str(row[1]), "index_first": words}
        return bool(row[0])

    def search_engine(self, engine: Engine) -> Engine:
        """The engine a page of a search of words is read on, in one statement."""
        return postgres_page.search_engine(engine) or engine

    def page_at_once(self, conn: Connection, query: ParsedQuery, *, offset: int, limit: int,
                     top: int, count_cap: int | None) -> PageAtOnce:
        """A page of a search of words in relevance order, and the ranking and the count
        its search keeps, in one statement on a connection of :meth:`search_engine`."""
        return postgres_page.read_page(conn, query, headline=HEADLINE, offset=offset,
                                       limit=limit, top=top, count_cap=count_cap)

    def render(self, query: ParsedQuery, *, trash_present: bool) -> PgSearch:
        return build_search(query, trash_present=trash_present)

    def _params(self, search: PgSearch, **more: Any) -> dict[str, Any]:
        return dict(search.params, headline=HEADLINE, **more)

    def page_rows(self, conn: Connection, rendered: Any, *, sort: str, descending: bool,
                  limit: int, offset: int) -> Sequence[Sequence[Any]]:
        search: PgSearch = rendered
        rows = conn.execute(text(page_sql(search, sort, descending)),
                            self._params(search, limit=limit, offset=offset)).all()
        return finish_rows(search, rows)

    def ordered_ids(self, conn: Connection, rendered: Any, *, sort: str,
                    descending: bool) -> list[int]:
        search: PgSearch = rendered
        sql = page_sql(search, sort, descending, ids_only=True)
        return [int(r[0]) for r in conn.execute(text(sql), search.params)]

    def count(self, conn: Connection, rendered: Any, cap: int | None) -> int:
        search: PgSearch = rendered
        if search.has_match:
            _index_first(conn)
        hits = search.index_from_where or search.from_where  # no join when none is needed
        sql = (f"SELECT count(*) {hits}" if cap is None
               else f"SELECT count(*) FROM (SELECT 1 {hits} LIMIT {int(cap)}) AS capped")
        return int(conn.execute(text(sql), search.params).scalar() or 0)

    def ranked_ids(self, conn: Connection, rendered: Any, top: int, *,
                   least: int | None = None) -> list[tuple[int, float]]:
        search: PgSearch = rendered
        _index_first(conn)
        if search.index_from_where:  # words alone: rank the index, the few samples last
            sql = (f"SELECT f.readout_id, {INDEX_RELEVANCE} AS score "
                   f"{search.index_from_where} ORDER BY score LIMIT :top")
        else:
            sql = (f"SELECT r.id, {RELEVANCE} AS score {search.from_where} "
                   "ORDER BY score LIMIT :top")
        rows = conn.execute(text(sql), dict(search.params, top=top)).all()
        return [(int(i), float(score)) for i, score in rows]

    def meeting_dates(self, conn: Connection, ids: Sequence[int]) -> dict[int, str]:
        if not ids:
            return {}
        sql = f"SELECT id, meeting_date FROM readouts WHERE id IN ({_listed(ids)})"
        return {int(i): day.isoformat() for i, day in conn.exec_driver_sql(sql)
                if day is not None}

    def hit_rows(self, conn: Connection, rendered: Any, ids: Sequence[int], *,
                 one_by_one: bool) -> Sequence[Sequence[Any]]:
        search: PgSearch = rendered
        if not ids:
            return []
        snippet, join = snippet_sql(search)
        sql = f"{HIT_SELECT}, {snippet} FROM readouts r{join} WHERE r.id IN ({_listed(ids)})"
        return finish_rows(search, conn.execute(text(sql), self._params(search)).all())

    def facet_rows(self, conn: Connection, rendered: Any, limit: int,
                   sample: int | None = None) -> FacetRows:
        search: PgSearch = rendered
        hits = f"SELECT r.id {search.from_where}"
        if sample is not None:
            hits += f" ORDER BY r.id DESC LIMIT {int(sample)}"
        statements = facet_sql(hits, limit)
        return FacetRows(*(list(map(tuple, conn.execute(text(sql), search.params)))
                           for sql in statements))

    # ----- soundness and copies of files ----------------------------------------------

    def integrity_problems(self, conn: Connection) -> list[str]:
        """Readouts without an index entry (the server checks its own pages)."""
        missing = int(conn.exec_driver_sql(
            f"SELECT count(*) FROM readouts r WHERE NOT EXISTS "
            f"(SELECT 1 FROM {FTS_TABLE} f WHERE f.readout_id = r.id)").scalar() or 0)
        return [f"full-text index: {missing} readouts are not indexed"] if missing else []

    def _no_file(self) -> ArchiveError:
        return ArchiveError("A team archive on a server has no file to check or copy; "
                            "back it up with pg_dump, or export it as JSON.")

    def file_problems(self, path: Path, *, full: bool = False,
                      within: float | None = None) -> list[str]:
        raise self._no_file()

    def examine_file(self, path: Path) -> tuple[str, list[str], int]:
        raise self._no_file()

    def copy_file(self, source: Path, target: Path,
                  progress: Callable[[int, int], None] | None = None) -> None:
        raise self._no_file()

    def make_self_contained(self, path: Path) -> None:
        raise self._no_file()


#: Where a search's transaction keeps what its first statement read (``conn.info``).
_SEARCH_STATE = "readout_desk.search_state"


def _search_state(conn: Connection) -> dict[str, Any] | None:
    """What :meth:`PostgresBackend.has_trash` read in the transaction under way, if it did."""
    state: dict[str, Any] | None = conn.info.get(_SEARCH_STATE)
    if state is None or state["transaction"] is not conn.get_transaction():
        return None
    return state


def _index_first(conn: Connection) -> None:
    """Until the transaction ends, find a search's hits through the GIN index even when the
    planner expects most readouts to match: a sequential scan reads (and decompresses)
    every readout's ``tsvector`` to test it, where the index gives the hits without
    reading one (a count of a word in nine readouts of ten: about 250 ms against 5)."""
    state = _search_state(conn)
    if state is not None and state["index_first"]:
        return  # set by the search's first statement
    conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
    if state is not None:
        state["index_first"] = True


#: The restricted database users an administrator may make (see TEAM_ARCHIVE.md).
ROLE_KINDS = ("reader", "contributor")


def role_statements(kind: str, role: str) -> list[str]:
    """The SQL that makes the existing login ``role`` a ``reader`` (searches and reads;
    the window opens read-only) or a ``contributor`` (adds and changes readouts, but can
    neither move them to the trash nor delete them), for the tables the program knows."""
    from readout_desk.archive.models import Base

    if kind not in ROLE_KINDS:
        raise ArchiveError(f"{kind!r} is not a kind of user; use one of {ROLE_KINDS}.")
    who = '"' + role.replace('"', '""') + '"'
    tables = sorted({*Base.metadata.tables, FTS_TABLE, TEXT_TABLE, "alembic_version"})
    grants = [f"GRANT USAGE ON SCHEMA public TO {who};",
              f"GRANT SELECT ON {', '.join(tables)} TO {who};"]
    if kind == "contributor":
        others = [t for t in tables if t not in ("readouts", "alembic_version")]
        kept = [c.name for c in Base.metadata.tables["readouts"].columns
                if c.name not in ("id", "deleted_at")]
        grants += [f"GRANT INSERT ON {', '.join(t for t in tables if t != 'alembic_version')} "
                   f"TO {who};",
                   f"GRANT UPDATE, DELETE ON {', '.join(others)} TO {who};",
                   f"GRANT UPDATE ({', '.join(kept)}) ON readouts TO {who};",
                   f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {who};"]
    return grants

