"""The archive façade: the one API the GUI, the command line, benchmarks and tests use.

>>> with Archive.open("/tmp/readouts.sqlite3") as archive:
...     saved = archive.add(readout)
...     page = archive.search("Gervasi CPTPP")

Every public method is one unit of work: one transaction, committed when it returns,
rolled back entirely when it raises. Records go in and come out as the frozen
dataclasses of :mod:`readout_desk.domain.records` (:mod:`.mapping` makes them from the
rows, which never leave the package). The work itself is done elsewhere: searching in
:mod:`.search`, writing in :mod:`.writes`, and everything the database does in its own
way by the archive's :class:`~readout_desk.archive.backend.Backend` (:attr:`Archive.backend`).
No SQL is written here.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Connection, Engine, delete, func, select
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import sessionmaker

from readout_desk.archive import attachments, migrate, tally
from readout_desk.archive.attachments import KeepsImages, Reclaimed
from readout_desk.archive.backend import WRITE_OPTION, Backend, backend_for
from readout_desk.archive.bulk import BatchReport, add_batches
from readout_desk.archive.errors import ArchiveError, ArchiveReadOnlyError, NotFoundError
from readout_desk.archive.mapping import (
    TimingFlag,
    VersionInfo,
    index_fields,
    row_to_record,
    timing_flag,
    version_info,
)
from readout_desk.archive.models import (
    ParticipantRow,
    PersonRow,
    ReadoutRow,
    ReadoutTopicRow,
    SavedSearchRow,
    SessionRow,
    TopicRow,
    VersionRow,
)
from readout_desk.archive.reading import read_readout
from readout_desk.archive.reconnect import retried
from readout_desk.archive.search import Facets, RankingCache, Search
from readout_desk.archive.tally import Tally
from readout_desk.archive.writes import (
    Prepared,
    check_all,
    insert_readouts,
    photo_names,
    purge,
    replace_readout,
    set_deleted,
)
from readout_desk.domain import geography, validation
from readout_desk.domain.messages import Message
from readout_desk.domain.query import ParsedQuery, parse_query
from readout_desk.domain.records import NameOrder, Person, Readout, SearchHit, SearchPage

UTC = dt.timezone.utc
T = TypeVar("T")


def _now() -> dt.datetime:
    return dt.datetime.now(UTC)


def _like(value: str) -> str:
    """``value`` taken literally inside a wildcard pattern (``%``, ``_``, ``\\`` escaped)."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _check_file(backend: Backend, path: Path, read_only: bool) -> bool:
    """Whether the archive file at ``path`` must open read-only; raises if it cannot open."""
    if path.is_dir():
        raise ArchiveError(f"{path} is a folder; give the path of an archive file.")
    if not path.parent.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ArchiveError(f"The folder for {path} cannot be created: "
                               f"{exc.strerror}.") from None
    if path.exists() and not read_only:
        return not backend.can_write(path)
    if not path.exists() and read_only:
        raise ArchiveError(f"There is no archive at {path}.")
    return read_only


class Archive:
    """An open archive. Create one with :meth:`open`; close it with :meth:`close`."""

    def __init__(self, engine: Engine, location: str, path: Path | None, read_only: bool,
                 backend: Backend | None = None) -> None:
        self._engine = engine
        self._backend = backend or backend_for(location)
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.location = location
        self.path = path
        self.read_only = read_only
        #: Whether readouts may go to the trash and be deleted (a team archive's
        #: contributor may add and change them only).
        self.can_delete = not read_only
        self._lock = threading.RLock()
        self._search = Search(self._backend)
        self.migration_backup: Path | None = None
        #: Called as a change begins, before it waits for the write lock (a long check
        #: holding the lock on another connection of the program can give way).
        self.before_write: Callable[[], None] | None = None

    @property
    def backend(self) -> Backend:
        """The database behind this archive (SQLite today)."""
        return self._backend

    @property
    def _rankings(self) -> RankingCache:
        """The rankings kept for the next pages of recent searches."""
        return self._search.rankings

    # ----- opening and closing -------------------------------------------------------

    @classmethod
    def open(cls, location: str | Path | None = None, *, read_only: bool = False,
             progress: Callable[[int, int], None] | None = None,
             write_caches: bool = False) -> Archive:
        """Open (creating if needed) the archive at a file path or SQLAlchemy URL.

        ``None`` opens the in-memory archive, for tests and previews. A file that
        cannot be written is opened read-only (see :attr:`read_only`); nothing is written
        to a read-only archive, except, with ``write_caches``, what its searches cache
        for the next ones (a window's reading connections, beside its own writable
        one: its searches keep their rankings as the window's own would). ``progress`` is
        told (done, in all) while an update of the file's format rewrites its index (and
        its ``copying`` method, if it has one, while the copy kept from before the update
        is written: see :func:`migrate.ensure_schema`).
        """
        loc = ":memory:" if location is None else str(location)
        backend = backend_for(loc)
        path = backend.file_path(loc)
        if path is not None:
            read_only = _check_file(backend, path, read_only)
        engine = backend.make_engine(path, read_only=read_only, write_caches=write_caches)
        archive = cls(engine, loc, path, read_only, backend)
        try:
            backend.check_opens(engine)
            if read_only:
                revision, _tables = migrate.current_revision(engine, backend)
                if revision != migrate.HEAD_REVISION:
                    raise ArchiveError(
                        f"The archive {loc} is read-only and needs an update of its format; "
                        "open a writable copy once to update it."
                    )
            else:
                archive.migration_backup = migrate.ensure_schema(engine, path, backend,
                                                                 progress)
                may_write, archive.can_delete = backend.user_rights(engine)
                archive.read_only = not may_write  # a team archive's reader
        except backend.driver_errors as exc:
            engine.dispose()
            raise backend.translate(exc, loc) from None
        except ArchiveError:
            engine.dispose()
            raise
        return archive

    def close(self) -> None:
        """Release the file. The archive cannot be used afterwards."""
        self._engine.dispose()

    def interrupt(self) -> None:
        """Stop the reads running now (from any thread); they raise ArchiveInterruptedError."""
        self._backend.interrupt(self._engine)

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def attachments_dir(self) -> Path | None:
        """The folder where this archive's photo files are read and new ones put: beside
        the database file, or for a team archive (which keeps the images themselves) this
        client's cache of them, filled as readouts are read."""
        if isinstance(self._backend, KeepsImages):
            return self._backend.image_cache()
        if self.path is None:
            return None
        return self.path.with_name(self.path.stem + "-attachments")

    def _with_images(self, db: DbSession, readouts: list[Readout]) -> list[Readout]:
        """``readouts``, their images fetched into this client's cache (team archives)."""
        if isinstance(self._backend, KeepsImages):
            self._backend.fetch_images(db.connection(),
                                       (ph.file for r in readouts for ph in r.photos))
        return readouts

    # ----- units of work ---------------------------------------------------------------

    @contextmanager
    def _unit(self, *, write: bool) -> Iterator[DbSession]:
        """One transaction: committed on success, rolled back on any exception."""
        if write and self.read_only:
            raise ArchiveReadOnlyError(Message(
                "The archive {location} is open read-only, so nothing can be changed.",
                location=self.location))
        if write and self.before_write is not None:
            self.before_write()
        with self._lock:
            db = self._sessions()
            try:
                if write:
                    db.connection(execution_options={WRITE_OPTION: True})
                yield db
                if write and isinstance(self._backend, KeepsImages):
                    self._backend.store_images(db.connection())  # with the readouts
                if write:
                    counted = tally.before_commit(db.connection(), self._backend)
                    db.commit()
                    self._search.rankings.clear()
                    if counted is not None and self.path is not None:
                        tally.record(self.path, counted)
                else:
                    db.rollback()
            except self._backend.driver_errors as exc:
                db.rollback()
                raise self._backend.translate(exc, self.location) from None
            except BaseException:
                db.rollback()
                raise
            finally:
                db.close()

    def _read(self, work: Callable[[DbSession], T]) -> T:
        return retried(lambda: self._read_once(work))  # a restarted server: read again

    def _read_once(self, work: Callable[[DbSession], T]) -> T:
        with self._unit(write=False) as db:
            return work(db)

    def _read_connection(self, work: Callable[[Connection], T],
                         engine: Engine | None = None) -> T:
        """A read that needs no ORM session (a search): one transaction on a connection (of
        ``engine``, else the archive's), rolled back at the end, with the unit's lock and
        its error sentences."""

        def once() -> T:
            with self._lock, (engine or self._engine).connect() as conn:
                try:
                    return work(conn)
                except self._backend.driver_errors as exc:
                    raise self._backend.translate(exc, self.location) from None
                finally:
                    conn.rollback()

        return retried(once)  # a restarted server: read again

    def _write(self, work: Callable[[DbSession], T]) -> T:
        with self._unit(write=True) as db:
            result = work(db)
        return result

    # ----- writing ---------------------------------------------------------------------

    def add(self, readout: Readout) -> Readout:
        """Save a new readout; returns it with its id and timestamps."""
        (new_id,) = self.add_many([readout])
        return self.get(new_id)

    def add_many(self, readouts: Sequence[Readout], *, validate: bool = True) -> list[int]:
        """Save several new readouts in one transaction (all or none); returns their ids."""
        if validate:
            check_all(readouts)
        if not readouts:
            return []
        now = _now()

        def work(db: DbSession) -> list[int]:
            return insert_readouts(db.connection(), self._backend, readouts, now)

        return self._write(work)

    def add_batches(self, batches: Iterable[Sequence[Readout | Prepared]], *,
                    skip_present: bool = True, report: BatchReport,
                    prepare: Callable[[Connection, Sequence[Readout | Prepared]],
                                      Sequence[Readout | Prepared]] | None = None) -> None:
        """Save batches of new (already checked) readouts as they come, all in one
        transaction; a readout whose whole record the archive holds is left out when
        ``skip_present``. ``report`` is told what became of each batch (see
        :func:`.bulk.add_batches`); an exception from ``batches`` undoes them all.
        ``prepare`` is given each batch, with the transaction's connection, before it is
        written, and returns what to write (an import names its photos so)."""
        now = _now()
        self._write(lambda db: add_batches(
            db, self._backend, batches if prepare is None
            else (prepare(db.connection(), batch) for batch in batches), now,
            skip_present=skip_present, report=report))

    def update(self, readout: Readout) -> Readout:
        """Replace a readout; its previous state is kept in its history. ``readout.version``
        is the version the caller read: over a newer one (saved elsewhere since), nothing
        is saved and :class:`ConflictError` says both versions."""
        if readout.id is None:
            raise ArchiveError("Only a readout that was saved before can be updated.")
        validation.check(readout)
        now = _now()
        self._write(lambda db: replace_readout(db, self._backend, readout, now,
                                               read_version=readout.version))
        return self.get(readout.id)

    def delete(self, readout_id: int) -> None:
        """Move a readout to the trash (it can be restored until the trash is emptied)."""
        self._set_deleted([readout_id], _now())

    def delete_many(self, readout_ids: Iterable[int]) -> None:
        """Move several readouts to the trash at once."""
        self._set_deleted(list(readout_ids), _now())

    def restore(self, readout_id: int) -> None:
        """Take a readout out of the trash."""
        self._set_deleted([readout_id], None)

    def _set_deleted(self, ids: list[int], when: dt.datetime | None) -> None:
        self._write(lambda db: set_deleted(db, ids, when))

    def purge(self, readout_ids: Iterable[int]) -> int:
        """Delete readouts for good (with their history); returns how many went. Their
        images go too unless another readout, one in the trash or a stored version
        still names them: a team archive's in the same transaction, an archive file's
        photo files once it has committed."""
        ids = list(readout_ids)
        gone, files = self._write(lambda db: purge(db.connection(), self._backend, ids))
        if files:
            self._forget_files(files)
        return gone

    def reclaim_photos(self) -> Reclaimed:
        """Delete the images no readout and no stored version names (left by purges of
        older versions of the program): a team archive's stored images, or the files of
        an archive's photo folder unchanged for a day (a newer one may be a copy made
        for a save under way)."""
        if isinstance(self._backend, KeepsImages):
            backend = self._backend
            return self._write(lambda db: backend.forget_images(db.connection(), None))
        folder = self.attachments_dir
        if folder is None:
            return Reclaimed(0, 0)
        return self._forget_files(attachments.folder_names(
            folder, settled_before=time.time() - attachments.SETTLED_SECONDS))

    def _forget_files(self, names: set[str]) -> Reclaimed:
        """Delete the photo files ``names`` that nothing names, holding the write lock
        meanwhile (no other writer commits a readout naming one) and writing nothing."""
        folder = self.attachments_dir
        if folder is None:
            return Reclaimed(0, 0)
        with self._lock, self._engine.connect() as conn:
            conn.execution_options(**{WRITE_OPTION: True})
            try:
                conn.begin()
                unused = names - photo_names(conn, among=names)
                return attachments.remove_files(folder, sorted(unused))
            except self._backend.driver_errors as exc:
                raise self._backend.translate(exc, self.location) from None
            finally:
                conn.rollback()

    def empty_trash(self) -> int:
        """Delete every readout in the trash for good; returns how many."""
        ids = self._read(lambda db: list(db.scalars(
            select(ReadoutRow.id).where(ReadoutRow.deleted_at.is_not(None)))))
        return self.purge(ids) if ids else 0

    def trash(self) -> list[SearchHit]:
        """The readouts in the trash, most recently deleted first."""
        page = self.search("in:trash", limit=10_000, sort="updated")
        return list(page.hits)

    # ----- reading ---------------------------------------------------------------------

    def get(self, readout_id: int) -> Readout:
        """The readout with that id (also from the trash), or :class:`NotFoundError`."""

        def work(db: DbSession) -> Readout:
            return self._with_images(db, [read_readout(db, readout_id)])[0]

        return self._read(work)

    def get_many(self, readout_ids: Sequence[int]) -> list[Readout]:
        """Several readouts, in the order of ``readout_ids`` (missing ids left out)."""

        def work(db: DbSession) -> list[Readout]:
            rows = db.scalars(select(ReadoutRow).where(ReadoutRow.id.in_(list(readout_ids))))
            by_id = {row.id: row_to_record(row) for row in rows}
            return self._with_images(db, [by_id[i] for i in readout_ids if i in by_id])

        return self._read(work)

    def is_deleted(self, readout_id: int) -> bool:
        """Whether the readout is in the trash."""
        return self._read(lambda db: db.scalar(
            select(ReadoutRow.deleted_at).where(ReadoutRow.id == readout_id)) is not None)

    def deletion_times(self, readout_ids: Iterable[int]) -> dict[int, dt.datetime]:
        """When each of these readouts was moved to the trash (UTC); others are left out."""
        ids = list(readout_ids)
        stmt = select(ReadoutRow.id, ReadoutRow.deleted_at).where(
            ReadoutRow.id.in_(ids), ReadoutRow.deleted_at.is_not(None))
        return self._read(lambda db: {rid: when for rid, when in db.execute(stmt)
                                      if when is not None})

    def count(self, *, include_trash: bool = False) -> int:
        """How many readouts the archive holds (outside the trash unless asked)."""
        stmt = select(func.count()).select_from(ReadoutRow)
        if not include_trash:
            stmt = stmt.where(ReadoutRow.deleted_at.is_(None))
        return self._read(lambda db: int(db.scalar(stmt) or 0))

    def all_ids(self, *, include_trash: bool = False) -> list[int]:
        """Every readout id, oldest meeting first."""
        stmt = select(ReadoutRow.id).order_by(ReadoutRow.meeting_date, ReadoutRow.id)
        if not include_trash:
            stmt = stmt.where(ReadoutRow.deleted_at.is_(None))
        return self._read(lambda db: list(db.scalars(stmt)))

    # ----- search ----------------------------------------------------------------------

    def search(
        self,
        query: str | ParsedQuery,
        *,
        offset: int = 0,
        limit: int = 100,
        sort: str = "relevance",
        descending: bool = True,
        count_cap: int | None = None,
    ) -> SearchPage:
        """One page of hits for ``query`` and the number of all hits.

        ``sort`` is "relevance" (best first; date order when there are no words) or one
        of date, title, section, place, mode, sessions, duration, publisher, updated.
        ``count_cap`` stops counting there (the page then says "at least").
        """
        started = time.perf_counter()
        parsed = parse_query(query) if isinstance(query, str) else query
        limit = max(0, min(int(limit), 10_000))
        offset = max(0, int(offset))
        page = None
        reader = self._search.at_once(parsed, sort=sort, limit=limit)
        if reader is not None:  # one statement, one round trip (a team archive)
            page = self._read_connection(lambda conn: self._search.page_at_once(
                conn, parsed, offset=offset, limit=limit, count_cap=count_cap),
                reader.search_engine(self._engine))
        if page is None:
            page = self._read_connection(lambda conn: self._search.page(
                conn, parsed, offset=offset, limit=limit, sort=sort, descending=descending,
                count_cap=count_cap))
        elapsed = (time.perf_counter() - started) * 1000
        return SearchPage(page.hits, page.total, page.offset, elapsed, page.message)

    def search_ids(self, query: str | ParsedQuery, *, sort: str = "relevance",
                   descending: bool = True) -> list[int]:
        """The ids of every hit in order (for a selection or an export of a result)."""
        parsed = parse_query(query) if isinstance(query, str) else query
        return self._read(lambda db: self._search.ids(db.connection(), parsed, sort=sort,
                                                      descending=descending))

    def facets(self, query: str | ParsedQuery, *, limit: int = 30,
               sample: int | None = None) -> Facets:
        """Counts of countries, years, topics, people and modes among the hits of ``query``
        (among the newest ``sample`` hits only, when there are more: ``Facets.sampled``)."""
        parsed = parse_query(query) if isinstance(query, str) else query
        return self._read(lambda db: self._search.facets(db.connection(), parsed, limit=limit,
                                                         sample=sample))

    # ----- people, topics, history ----------------------------------------------------

    def people(self, prefix: str = "", limit: int = 50) -> list[Person]:
        """People already in the archive whose family or given name starts with ``prefix``."""
        key = geography.match_key(prefix)

        def work(db: DbSession) -> list[Person]:
            stmt = select(PersonRow).order_by(PersonRow.name_key).limit(limit)
            if key:
                stmt = stmt.where(
                    PersonRow.name_key.like(f"{_like(key)}%", escape="\\")
                    | PersonRow.name_key.like(f"%|{_like(key)}%", escape="\\")
                )
            return [Person(r.family_name, r.given_name, NameOrder(r.name_order), r.id)
                    for r in db.scalars(stmt)]

        return self._read(work)

    def offices_of(self, person_id: int) -> list[tuple[str, dt.date | None]]:
        """The offices a person held, newest first, with the date of the last readout each."""

        def work(db: DbSession) -> list[tuple[str, dt.date | None]]:
            rows = db.execute(
                select(ParticipantRow.office, ReadoutRow.meeting_date)
                .join(ReadoutRow, ReadoutRow.id == ParticipantRow.readout_id)
                .where(ParticipantRow.person_id == person_id, ParticipantRow.office != "")
                .order_by(ReadoutRow.meeting_date.desc())
            )
            seen: dict[str, dt.date | None] = {}
            for office, day in rows:
                seen.setdefault(office, day)
            return list(seen.items())

        return self._read(work)

    def readouts_of_person(self, person_id: int) -> list[int]:
        """Ids of the readouts a person took part in, oldest first."""
        return self._read(lambda db: list(db.scalars(
            select(ReadoutRow.id).join(ParticipantRow, ParticipantRow.readout_id == ReadoutRow.id)
            .where(ParticipantRow.person_id == person_id, ReadoutRow.deleted_at.is_(None))
            .group_by(ReadoutRow.id).order_by(ReadoutRow.meeting_date, ReadoutRow.id))))

    def topics(self, prefix: str = "", limit: int = 50) -> list[str]:
        """Topic names in the archive starting with ``prefix``, most used first."""
        key = geography.match_key(prefix)

        stmt = (select(TopicRow.name)
                .outerjoin(ReadoutTopicRow, ReadoutTopicRow.topic_id == TopicRow.id)
                .where(TopicRow.name_key.like(_like(key) + "%", escape="\\"))
                .group_by(TopicRow.id)
                .order_by(func.count(ReadoutTopicRow.readout_id).desc(), TopicRow.name)
                .limit(limit))
        return self._read(lambda db: [str(name) for name in db.scalars(stmt)])

    def history(self, readout_id: int) -> list[VersionInfo]:
        """Earlier saved states of a readout, newest first."""

        stmt = (select(VersionRow).where(VersionRow.readout_id == readout_id)
                .order_by(VersionRow.version.desc()))
        return self._read(lambda db: [version_info(r) for r in db.scalars(stmt)])

    def restore_version(self, readout_id: int, version: int) -> Readout:
        """Make an earlier version current again (the current one goes into the history)."""
        found = [info for info in self.history(readout_id) if info.version == version]
        if not found:
            raise NotFoundError(f"Readout {readout_id} has no version {version}.")
        # Whatever is current now is kept in the history: nothing to conflict with.
        earlier, now = validation.check(found[0].readout.with_id(readout_id)), _now()
        self._write(lambda db: replace_readout(db, self._backend, earlier, now))
        return self.get(readout_id)

    # ----- timing checks, saved searches, integrity -----------------------------------

    def timing_flags(self) -> list[TimingFlag]:
        """Every session whose printed second time disagrees with the zone rules."""

        stmt = (select(SessionRow, ReadoutRow.title, ReadoutRow.meeting_date)
                .join(ReadoutRow, ReadoutRow.id == SessionRow.readout_id)
                # As the partial index of these sessions says it (models.py), to be used.
                .where(SessionRow.printed_mismatch, ReadoutRow.deleted_at.is_(None))
                .order_by(ReadoutRow.meeting_date, SessionRow.readout_id, SessionRow.position))
        return self._read(lambda db: [timing_flag(srow, title, day)
                                      for srow, title, day in db.execute(stmt)])

    def saved_searches(self) -> list[tuple[str, str]]:
        """Saved searches as ``(name, query)``, by name."""
        return self._read(lambda db: [(r.name, r.query) for r in db.scalars(
            select(SavedSearchRow).order_by(SavedSearchRow.name))])

    def save_search(self, name: str, query: str) -> None:
        """Save ``query`` under ``name`` (replacing a search of the same name)."""
        name = name.strip()
        if not name:
            raise ArchiveError("A saved search needs a name.")

        def work(db: DbSession) -> None:
            existing = db.scalar(select(SavedSearchRow).where(SavedSearchRow.name == name))
            if existing:
                existing.query = query
            else:
                db.add(SavedSearchRow(name=name, query=query, created_at=_now()))

        self._write(work)

    def delete_saved_search(self, name: str) -> None:
        """Forget a saved search."""
        self._write(lambda db: db.execute(delete(SavedSearchRow)
                                          .where(SavedSearchRow.name == name)))

    def integrity_problems(self) -> list[str]:
        """What the database's integrity checks find wrong with it; empty when sound."""
        try:
            with self._engine.connect() as conn:
                return self._backend.integrity_problems(conn)
        except self._backend.driver_errors as exc:
            raise self._backend.translate(exc, self.location) from None

    def rebuild_index(self) -> None:
        """Rebuild the full-text index from the records (after a repair)."""

        def work(db: DbSession) -> None:
            conn = db.connection()
            self._backend.clear_index(conn)
            entries = [(row.id, index_fields(row_to_record(row)))
                       for row in db.scalars(select(ReadoutRow))]
            self._backend.index_readouts(conn, entries)

        self._write(work)

    def tally(self) -> Tally | None:
        """What the file holds, as :mod:`.tally` records it (``None`` where no log of the
        latest changes can be lost: another backend)."""
        return self._read(lambda db: tally.found(db.connection(), self._backend))

    def backup_to(self, target: Path) -> None:
        """Copy the archive to ``target``, consistent even while it is in use."""
        if self.path is None:
            raise ArchiveError("An in-memory archive cannot be backed up to a file.")
        try:
            self._backend.copy_file(self.path, target)
        except self._backend.driver_errors as exc:
            raise self._backend.translate(exc, self.location) from None
