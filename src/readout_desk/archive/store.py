"""The archive façade: the one API the GUI, the command line, benchmarks and tests use.

>>> with Archive.open("/tmp/readouts.sqlite3") as archive:
...     saved = archive.add(readout)
...     page = archive.search("Gervasi CPTPP")

Every public method is one unit of work: one transaction, committed when it returns,
rolled back entirely when it raises. Records go in and come out as the frozen
dataclasses of :mod:`readout_desk.domain.records`; ORM rows never leave this module.
"""

from __future__ import annotations

import datetime as dt
import functools
import sqlite3
import threading
import time
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, cast

from sqlalchemy import Connection, Engine, Table, delete, func, insert, select, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import sessionmaker

from readout_desk.archive import migrate
from readout_desk.archive import sqlite as sqlite_sql
from readout_desk.archive.errors import (
    ArchiveDamagedError,
    ArchiveError,
    ArchiveFullError,
    ArchiveLockedError,
    ArchiveReadOnlyError,
    NotFoundError,
)
from readout_desk.archive.models import (
    ParticipantRow,
    PersonRow,
    PhotoRow,
    PointRow,
    ReadoutCountryRow,
    ReadoutRow,
    ReadoutTopicRow,
    SavedSearchRow,
    SessionRow,
    TopicRow,
    VersionRow,
)
from readout_desk.domain import geography, jsonformat, timing, validation
from readout_desk.domain.query import ParsedQuery, parse_query
from readout_desk.domain.records import (
    MeetingSession,
    Mode,
    NameOrder,
    Participant,
    Person,
    Photo,
    Place,
    PrintedTime,
    Readout,
    SearchHit,
    SearchPage,
    SummaryPoint,
)

UTC = dt.timezone.utc
T = TypeVar("T")


@dataclass(frozen=True)
class VersionInfo:
    """An earlier saved state of a readout."""

    version: int
    saved_at: dt.datetime
    readout: Readout


@dataclass(frozen=True)
class FacetCount:
    """One value of a facet with the number of hits that have it."""

    value: str  # what goes into the query ("PE", "2023", "CPTPP")
    label: str  # what a person reads ("Peru")
    count: int


@dataclass(frozen=True)
class Facets:
    """Counts per facet for the hits of one query."""

    countries: tuple[FacetCount, ...]
    years: tuple[FacetCount, ...]
    topics: tuple[FacetCount, ...]
    people: tuple[FacetCount, ...]
    modes: tuple[FacetCount, ...]


@dataclass(frozen=True)
class TimingFlag:
    """A session whose printed second time disagrees with the time-zone rules."""

    readout_id: int
    title: str
    meeting_date: dt.date | None
    session_index: int
    kind: str
    message: str


# Imports repeat the same few hundred names and countries thousands of times; these
# lookups are pure, so caching them takes a third off the cost of saving a readout.
_fold = functools.lru_cache(maxsize=65_536)(geography.fold)
_country_name = functools.lru_cache(maxsize=1024)(geography.country_name)


@functools.lru_cache(maxsize=1024)
def _country_search_names(code: str) -> tuple[str, ...]:
    return tuple(geography.country_search_names(code))


def name_key(family: str, given: str) -> str:
    """How a person is recognised again: folded family and given names."""
    return f"{_fold(family)}|{_fold(given)}"


def _now() -> dt.datetime:
    return dt.datetime.now(UTC)


def _translate(exc: BaseException, location: str) -> ArchiveError:
    message = str(getattr(exc, "orig", exc)).lower()
    if "locked" in message or "busy" in message:
        return ArchiveLockedError(
            f"The archive {location} is busy: another Readout Desk window or process is "
            f"writing to it and did not finish within {sqlite_sql.BUSY_TIMEOUT_S:.0f} seconds. "
            "Nothing was changed; try again in a moment."
        )
    if "disk is full" in message or "database or disk is full" in message:
        return ArchiveFullError(
            f"The disk holding {location} is full, so the change was not saved; "
            "the archive is as it was. Free some space and try again."
        )
    if "readonly" in message or "read-only" in message or "attempt to write" in message:
        return ArchiveReadOnlyError(
            f"The archive {location} is read-only, so the change was not saved."
        )
    if "not a database" in message or "malformed" in message or "corrupt" in message:
        return ArchiveDamagedError(
            f"{location} is damaged or is not a Readout Desk archive ({message}); "
            "open another file, or restore this one from a backup."
        )
    if "unable to open" in message:
        return ArchiveError(f"The archive {location} cannot be opened: {message}.")
    return ArchiveError(f"The archive {location} reported an error: {message}.")


class Archive:
    """An open archive. Create one with :meth:`open`; close it with :meth:`close`."""

    def __init__(self, engine: Engine, location: str, path: Path | None, read_only: bool) -> None:
        self._engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.location = location
        self.path = path
        self.read_only = read_only
        self._lock = threading.RLock()
        self._rankings = _RankingCache()
        self.migration_backup: Path | None = None

    # ----- opening and closing -------------------------------------------------------

    @classmethod
    def open(cls, location: str | Path | None = None, *, read_only: bool = False) -> Archive:
        """Open (creating if needed) the archive at a file path or SQLAlchemy URL.

        ``None`` opens the in-memory archive, for tests and previews. A file that
        cannot be written is opened read-only (see :attr:`read_only`).
        """
        if location is None:
            loc = ":memory:"
            path: Path | None = None
        else:
            loc = str(location)
            if not sqlite_sql.is_sqlite_url(loc):
                scheme = loc.split("://", 1)[0]
                raise ArchiveError(
                    f"{scheme} archives are not supported yet; use a file path or a sqlite:// URL."
                )
            path = sqlite_sql.file_path(loc) if loc != ":memory:" else None
        if path is not None:
            if path.is_dir():
                raise ArchiveError(f"{path} is a folder; give the path of an archive file.")
            if not path.parent.exists():
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise ArchiveError(f"The folder for {path} cannot be created: "
                                       f"{exc.strerror}.") from None
            if path.exists() and not read_only:
                import os

                writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
                read_only = not writable
            elif not path.exists() and read_only:
                raise ArchiveError(f"There is no archive at {path}.")
        engine = sqlite_sql.make_engine(path, read_only=read_only)
        archive = cls(engine, loc, path, read_only)
        try:
            sqlite_sql.quick_open_check(engine)
            if read_only:
                revision, _tables = migrate.current_revision(engine)
                if revision != migrate.HEAD_REVISION:
                    raise ArchiveError(
                        f"The archive {loc} is read-only and needs an update of its format; "
                        "open a writable copy once to update it."
                    )
            else:
                archive.migration_backup = migrate.ensure_schema(engine, path)
        except (OperationalError, DBAPIError, sqlite3.Error) as exc:
            engine.dispose()
            raise _translate(exc, loc) from None
        except ArchiveError:
            engine.dispose()
            raise
        return archive

    def close(self) -> None:
        """Release the file. The archive cannot be used afterwards."""
        self._engine.dispose()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def attachments_dir(self) -> Path | None:
        """The folder where this archive keeps photo files (beside the database file)."""
        if self.path is None:
            return None
        return self.path.with_name(self.path.stem + "-attachments")

    # ----- units of work ---------------------------------------------------------------

    @contextmanager
    def _unit(self, *, write: bool) -> Iterator[DbSession]:
        """One transaction: committed on success, rolled back on any exception."""
        if write and self.read_only:
            raise ArchiveReadOnlyError(
                f"The archive {self.location} is open read-only, so nothing can be changed."
            )
        with self._lock:
            db = self._sessions()
            try:
                yield db
                if write:
                    db.commit()
                    self._rankings.clear()
                else:
                    db.rollback()
            except (OperationalError, DBAPIError) as exc:
                db.rollback()
                raise _translate(exc, self.location) from None
            except BaseException:
                db.rollback()
                raise
            finally:
                db.close()

    def _read(self, work: Callable[[DbSession], T]) -> T:
        with self._unit(write=False) as db:
            return work(db)

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
            for i, r in enumerate(readouts):
                try:
                    validation.check(r)
                except validation.InvalidReadoutError as exc:
                    if len(readouts) == 1:
                        raise
                    raise validation.InvalidReadoutError(
                        [f"readout {i + 1} ({r.title or r.section or 'untitled'}): {p}"
                         for p in exc.problems]
                    ) from None
        if not readouts:
            return []
        now = _now()

        def work(db: DbSession) -> list[int]:
            conn = db.connection()
            return _insert_readouts(conn, readouts, now)

        return self._write(work)

    def update(self, readout: Readout) -> Readout:
        """Replace a readout; its previous state is kept in its history."""
        if readout.id is None:
            raise ArchiveError("Only a readout that was saved before can be updated.")
        validation.check(readout)
        readout_id = readout.id
        now = _now()

        def work(db: DbSession) -> None:
            row = db.get(ReadoutRow, readout_id)
            if row is None:
                raise NotFoundError(f"There is no readout {readout_id} in this archive.")
            previous = _row_to_record(row)
            db.add(VersionRow(readout_id=readout_id, version=row.version, saved_at=now,
                              data=jsonformat.readout_to_dict(previous)))
            conn = db.connection()
            _delete_children(conn, [readout_id])
            db.expunge(row)
            _insert_readouts(conn, [readout], now, existing=(readout_id, row.created_at,
                                                             row.version + 1))

        self._write(work)
        return self.get(readout_id)

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
        def work(db: DbSession) -> None:
            found = set(db.scalars(select(ReadoutRow.id).where(ReadoutRow.id.in_(ids))))
            missing = [i for i in ids if i not in found]
            if missing:
                raise NotFoundError(f"There is no readout {missing[0]} in this archive.")
            db.execute(update(ReadoutRow).where(ReadoutRow.id.in_(ids)).values(deleted_at=when))

        self._write(work)

    def purge(self, readout_ids: Iterable[int]) -> int:
        """Delete readouts for good (with their history); returns how many went."""
        ids = list(readout_ids)

        def work(db: DbSession) -> int:
            conn = db.connection()
            result = conn.execute(delete(_table(ReadoutRow)).where(ReadoutRow.id.in_(ids)))
            sqlite_sql.remove_index(conn, ids)
            return int(result.rowcount or 0)

        count = self._write(work)
        return count

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
            row = db.get(ReadoutRow, readout_id)
            if row is None:
                raise NotFoundError(f"There is no readout {readout_id} in this archive.")
            return _row_to_record(row)

        return self._read(work)

    def get_many(self, readout_ids: Sequence[int]) -> list[Readout]:
        """Several readouts, in the order of ``readout_ids`` (missing ids left out)."""

        def work(db: DbSession) -> list[Readout]:
            rows = db.scalars(select(ReadoutRow).where(ReadoutRow.id.in_(list(readout_ids))))
            by_id = {row.id: _row_to_record(row) for row in rows}
            return [by_id[i] for i in readout_ids if i in by_id]

        return self._read(work)

    def is_deleted(self, readout_id: int) -> bool:
        """Whether the readout is in the trash."""
        return self._read(lambda db: db.scalar(
            select(ReadoutRow.deleted_at).where(ReadoutRow.id == readout_id)) is not None)

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

    def _has_trash(self, conn: Connection) -> bool:
        # Asked every time (an index probe): another process may have filled the trash.
        return bool(conn.exec_driver_sql(
            "SELECT EXISTS(SELECT 1 FROM readouts WHERE deleted_at IS NOT NULL)"
        ).scalar() == 1)

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

        ``sort`` is "relevance" (BM25; date order when there are no words) or one of
        date, title, section, place, mode, sessions, duration, publisher, updated.
        ``count_cap`` stops counting there (the page then says "at least").
        """
        started = time.perf_counter()
        parsed = parse_query(query) if isinstance(query, str) else query
        limit = max(0, min(int(limit), 10_000))
        offset = max(0, int(offset))

        def work(db: DbSession) -> SearchPage:
            conn = db.connection()
            built = sqlite_sql.build_search(parsed, trash_present=self._has_trash(conn))
            if built.empty:
                return SearchPage((), 0, offset, 0.0, " ".join(parsed.notes))
            hits = None
            if sort == "relevance" and built.fts_where and limit:
                hits = _ranked_page(conn, built, offset, limit, self._rankings)
            if hits is None:
                params = dict(built.params, limit=limit, offset=offset)
                rows = conn.execute(text(sqlite_sql.page_sql(built, sort, descending)), params)
                hits = tuple(_hit(row) for row in rows)
            if offset == 0 and len(hits) < limit:
                total = len(hits)
            elif built.fts_where:
                total = self._rankings.count(conn, built, count_cap)
            else:
                total = int(conn.execute(text(sqlite_sql.count_sql(built, count_cap)),
                                         built.params).scalar() or 0)
            return SearchPage(hits, total, offset, 0.0, " ".join(parsed.notes))

        try:
            page = self._read(work)
        except ArchiveError:
            raise
        elapsed = (time.perf_counter() - started) * 1000
        return SearchPage(page.hits, page.total, page.offset, elapsed, page.message)

    def search_ids(self, query: str | ParsedQuery, *, sort: str = "relevance",
                   descending: bool = True) -> list[int]:
        """The ids of every hit in order (for a selection or an export of a result)."""
        parsed = parse_query(query) if isinstance(query, str) else query

        def work(db: DbSession) -> list[int]:
            conn = db.connection()
            built = sqlite_sql.build_search(parsed, trash_present=self._has_trash(conn))
            if built.empty:
                return []
            sql = sqlite_sql.page_sql(built, sort, descending)
            params = dict(built.params, limit=-1, offset=0)
            return [int(r[0]) for r in conn.execute(text(sql), params)]

        return self._read(work)

    def facets(self, query: str | ParsedQuery, *, limit: int = 30) -> Facets:
        """Counts of countries, years, topics, people and modes among the hits of ``query``."""
        parsed = parse_query(query) if isinstance(query, str) else query

        def work(db: DbSession) -> Facets:
            conn = db.connection()
            built = sqlite_sql.build_search(parsed, trash_present=self._has_trash(conn))
            if built.empty:
                return Facets((), (), (), (), ())
            hits = f"SELECT r.id {built.from_where}"
            p = built.params

            def run(sql: str) -> list[Any]:
                return list(conn.execute(text(sql), p))

            countries = run(
                f"SELECT c.code, count(DISTINCT c.readout_id) AS n FROM readout_countries c "
                f"WHERE c.readout_id IN ({hits}) GROUP BY c.code ORDER BY n DESC, c.code "
                f"LIMIT {limit}")
            years = run(
                f"SELECT substr(r2.meeting_date, 1, 4) AS y, count(*) FROM readouts r2 "
                f"WHERE r2.id IN ({hits}) AND r2.meeting_date IS NOT NULL "
                f"GROUP BY y ORDER BY y DESC LIMIT {limit}")
            topics = run(
                f"SELECT t.name, count(*) AS n FROM readout_topics rt JOIN topics t "
                f"ON t.id = rt.topic_id WHERE rt.readout_id IN ({hits}) GROUP BY t.id "
                f"ORDER BY n DESC, t.name LIMIT {limit}")
            people = run(
                f"SELECT pe.family_name, pe.given_name, pe.name_order, "
                f"count(DISTINCT pa.readout_id) AS n FROM participants pa JOIN people pe "
                f"ON pe.id = pa.person_id WHERE pa.readout_id IN ({hits}) GROUP BY pe.id "
                f"ORDER BY n DESC, pe.family_name LIMIT {limit}")
            modes = run(
                f"SELECT r2.mode, count(*) AS n FROM readouts r2 WHERE r2.id IN ({hits}) "
                f"GROUP BY r2.mode ORDER BY n DESC")

            def person_label(row: Any) -> str:
                return Person(str(row[0]), str(row[1]), NameOrder(str(row[2]))).display_name

            return Facets(
                countries=tuple(FacetCount(str(r[0]), geography.country_name(str(r[0])),
                                           int(r[1])) for r in countries),
                years=tuple(FacetCount(str(r[0]), str(r[0]), int(r[1])) for r in years),
                topics=tuple(FacetCount(str(r[0]), str(r[0]), int(r[1])) for r in topics),
                people=tuple(FacetCount(str(r[0]), person_label(r), int(r[3]))
                             for r in people),
                modes=tuple(FacetCount(str(r[0]), str(r[0]), int(r[1])) for r in modes),
            )

        return self._read(work)

    # ----- people, topics, history ----------------------------------------------------

    def people(self, prefix: str = "", limit: int = 50) -> list[Person]:
        """People already in the archive whose family or given name starts with ``prefix``."""
        key = geography.fold(prefix)

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
            .order_by(ReadoutRow.meeting_date, ReadoutRow.id).distinct())))

    def topics(self, prefix: str = "", limit: int = 50) -> list[str]:
        """Topic names in the archive starting with ``prefix``, most used first."""
        key = geography.fold(prefix)

        def work(db: DbSession) -> list[str]:
            sql = ("SELECT t.name FROM topics t LEFT JOIN readout_topics rt ON rt.topic_id = t.id "
                   "WHERE t.name_key LIKE :k ESCAPE '\\' GROUP BY t.id "
                   "ORDER BY count(rt.readout_id) DESC, t.name LIMIT :n")
            return [str(r[0]) for r in db.execute(text(sql), {"k": _like(key) + "%", "n": limit})]

        return self._read(work)

    def history(self, readout_id: int) -> list[VersionInfo]:
        """Earlier saved states of a readout, newest first."""

        def work(db: DbSession) -> list[VersionInfo]:
            rows = db.scalars(select(VersionRow).where(VersionRow.readout_id == readout_id)
                              .order_by(VersionRow.version.desc()))
            return [VersionInfo(r.version, r.saved_at, jsonformat.readout_from_dict(r.data))
                    for r in rows]

        return self._read(work)

    def restore_version(self, readout_id: int, version: int) -> Readout:
        """Make an earlier version current again (the current one goes into the history)."""
        for info in self.history(readout_id):
            if info.version == version:
                return self.update(info.readout.with_id(readout_id))
        raise NotFoundError(f"Readout {readout_id} has no version {version}.")

    # ----- timing checks, saved searches, integrity -----------------------------------

    def timing_flags(self) -> list[TimingFlag]:
        """Every session whose printed second time disagrees with the zone rules."""

        def work(db: DbSession) -> list[TimingFlag]:
            rows = db.execute(
                select(SessionRow, ReadoutRow.title, ReadoutRow.meeting_date)
                .join(ReadoutRow, ReadoutRow.id == SessionRow.readout_id)
                .where(SessionRow.printed_mismatch.is_(True), ReadoutRow.deleted_at.is_(None))
                .order_by(ReadoutRow.meeting_date, SessionRow.readout_id, SessionRow.position)
            )
            flags = []
            for srow, title, day in rows:
                check = timing.check_printed(_session_record(srow))
                flags.append(TimingFlag(srow.readout_id, title, day, srow.position, srow.kind,
                                        check.message if check else ""))
            return flags

        return self._read(work)

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
        """What SQLite's integrity check finds wrong with the file; empty when sound."""
        try:
            with self._engine.connect() as conn:
                return sqlite_sql.integrity_problems(conn)
        except (OperationalError, DBAPIError) as exc:
            raise _translate(exc, self.location) from None

    def rebuild_index(self) -> None:
        """Rebuild the full-text index from the records (after a repair)."""

        def work(db: DbSession) -> None:
            conn = db.connection()
            conn.exec_driver_sql(sqlite_sql.rebuild_index_sql())
            for row in db.scalars(select(ReadoutRow)):
                sqlite_sql.write_index(conn, row.id, index_fields(_row_to_record(row)))

        self._write(work)

    def backup_to(self, target: Path) -> None:
        """Copy the archive to ``target`` with SQLite's online backup API."""
        if self.path is None:
            raise ArchiveError("An in-memory archive cannot be backed up to a file.")
        try:
            sqlite_sql.online_backup(self.path, target)
        except sqlite3.Error as exc:
            raise _translate(exc, self.location) from None


def _table(model: type[Any]) -> Table:
    """The Core table of an ORM class (typed, for bulk statements)."""
    return cast(Table, model.__table__)


#: How many hits one ranking keeps: the next pages of a search are then served from it.
RANK_AHEAD = 500
#: From how many hits a page is fetched id by id rather than in one pass over the matches
#: (where the two cost the same on the benchmark corpus: ~30k hits for a phrase).
ONE_BY_ONE_FROM = 30_000


class _RankingCache:
    """The ranked ids of the last few searches, so scrolling on costs no second ranking.

    An entry is used only on the same database connection and while SQLite's
    ``data_version`` is unchanged (no other connection has committed since); every
    write through the archive empties the cache.
    """

    SIZE = 16

    def __init__(self) -> None:
        self._entries: OrderedDict[tuple[Any, ...], tuple[Any, int, Any]] = OrderedDict()

    def clear(self) -> None:
        self._entries.clear()

    @staticmethod
    def token(conn: Connection) -> tuple[Any, int]:
        """What an entry must match to be used: this connection, no commit elsewhere since."""
        version = sqlite_sql.data_version(conn)
        return conn.connection.dbapi_connection, version

    def get(self, key: tuple[Any, ...], token: tuple[Any, int]) -> Any:
        entry = self._entries.get(key)
        if entry is None or entry[0] is not token[0] or entry[1] != token[1]:
            return None
        self._entries.move_to_end(key)
        return entry[2]

    def put(self, key: tuple[Any, ...], token: tuple[Any, int], value: Any) -> None:
        self._entries[key] = (token[0], token[1], value)
        self._entries.move_to_end(key)
        while len(self._entries) > self.SIZE:
            self._entries.popitem(last=False)

    def count(self, conn: Connection, built: sqlite_sql.SqlSearch, cap: int | None) -> int:
        """The number of hits of a search with words (from the cache when it is still true)."""
        params = sqlite_sql.driver_params(built.params)
        where = (built.fts_where, tuple(sorted(params.items())))
        token = self.token(conn)
        exact = self.get(("count", None, *where), token)
        if exact is not None:
            return int(exact) if cap is None else min(int(exact), cap)
        total = self.get(("count", cap, *where), token)
        if total is None:
            total = int(conn.exec_driver_sql(sqlite_sql.count_sql(built, cap), params)
                        .scalar() or 0)
            # A count that stopped short of its cap is the exact count.
            self.put(("count", None if cap is None or total < cap else cap, *where), token,
                     total)
        return int(total)


def _ranked_page(conn: Connection, built: sqlite_sql.SqlSearch, offset: int, limit: int,
                 cache: _RankingCache) -> tuple[SearchHit, ...] | None:
    """One page in relevance order, reading readouts and snippets for its rows only.

    The order is BM25, then the later meeting, then the higher id, exactly as
    :func:`sqlite_sql.page_sql` sorts. The ranking step reads ids and scores past the
    page (:data:`RANK_AHEAD`, kept for the next pages); if the last of them still ties
    with the page's last score, ties may reach beyond what was read and ``None`` asks
    the caller for the full query instead.
    """
    want = offset + limit
    # Straight to the driver: these statements change with every page, so compiling and
    # caching them through SQLAlchemy would cost more than running them.
    params = sqlite_sql.driver_params(built.params)
    key: tuple[Any, ...] = ("rank", built.fts_where, tuple(sorted(params.items())))
    token = cache.token(conn)
    cached = cache.get(key, token)
    if cached is None or (cached[1] and len(cached[0]) < want + sqlite_sql.TIE_MARGIN):
        count = max(want + sqlite_sql.TIE_MARGIN, RANK_AHEAD)
        top = [(int(i), float(score)) for i, score in
               conn.exec_driver_sql(sqlite_sql.top_sql(built),
                                    dict(params, top=count)).fetchall()]
        more = len(top) == count  # there may be hits past the ranked ones
        cache.put(key, token, (top, more))
        if not more:  # every hit was ranked: that is the count too
            cache.put(("count", None, *key[1:]), token, len(top))
    else:
        top, more = cached
    if len(top) <= offset:
        return ()
    if more:
        edge = top[want - 1][1]
        if top[-1][1] == edge:
            return None
        candidates = [c for c in top if c[1] <= edge]
    else:
        candidates = list(top)
    seen = Counter(score for _i, score in candidates)
    dates: dict[int, str] = {}
    if len(seen) < len(candidates):
        tied_ids = [i for i, score in candidates if seen[score] > 1]
        dates = {int(i): str(day) for i, day in
                 conn.exec_driver_sql(sqlite_sql.meeting_dates_sql(tied_ids))
                 if day is not None}
    # Stable sorts, least significant key first: id, then meeting date (none last), score.
    candidates.sort(key=lambda c: c[0], reverse=True)
    candidates.sort(key=lambda c: (c[0] in dates, dates.get(c[0], "")), reverse=True)
    candidates.sort(key=lambda c: c[1])
    page_ids = [i for i, _score in candidates[offset:want]]
    if not page_ids:
        return ()
    # Fetching the page id by id pays off only when the words match very many readouts
    # (else one pass over the matches is cheaper); the capped count says which, and
    # below the cap it is the exact total the page needs anyway.
    one_by_one = (more and not built.has_prefix
                  and cache.count(conn, built, ONE_BY_ONE_FROM) >= ONE_BY_ONE_FROM)
    sql = sqlite_sql.hits_sql(page_ids, one_by_one=one_by_one)
    rows = {int(row[0]): row for row in conn.exec_driver_sql(sql, params).fetchall()}
    return tuple(_hit(rows[i]) for i in page_ids if i in rows)


def _like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# ----- mapping between records and rows ----------------------------------------------


def _session_record(s: SessionRow) -> MeetingSession:
    printed = None
    if s.printed_local is not None and s.printed_zone:
        printed = PrintedTime(s.printed_text or "", s.printed_zone, s.printed_local)
    return MeetingSession(
        kind=s.kind, start=s.start_local, zone=s.zone, fold=s.fold, time_hedge=s.time_hedge,
        zone_label=s.zone_label, duration_minutes=s.duration_minutes,
        duration_hedge=s.duration_hedge, end=s.end_local, printed_other=printed,
    )


def _row_to_record(row: ReadoutRow) -> Readout:
    place = None
    if row.place_city or row.place_country or row.place_venue or row.place_zone:
        place = Place(row.place_city, row.place_country, row.place_venue, row.place_zone)
    return Readout(
        id=row.id,
        title=row.title,
        section=row.section,
        relation=tuple(c.code for c in row.countries),
        publisher=row.publisher,
        source_url=row.source_url,
        language=row.language,
        published_date=row.published_date,
        retrieved_date=row.retrieved_date,
        meeting_date=row.meeting_date,
        mode=Mode(row.mode),
        place=place,
        occasion=row.occasion,
        lead=row.lead,
        participants=tuple(
            Participant(
                person=Person(p.family_name, p.given_name, NameOrder(p.name_order), p.person_id),
                honorific=p.honorific, office=p.office, country=p.country,
                organisation=p.organisation, side=p.side,
            )
            for p in row.participants
        ),
        sessions=tuple(_session_record(s) for s in row.sessions),
        points=tuple(SummaryPoint(p.text, p.speaker, p.label, p.level) for p in row.points),
        topics=tuple(link.topic.name for link in row.topic_links),
        photos=tuple(Photo(p.caption, p.file) for p in row.photos),
        notes=row.notes,
        is_sample=row.is_sample,
        created_at=row.created_at,
        updated_at=row.updated_at,
        version=row.version,
    )


def _hit(row: Any) -> SearchHit:
    city, country = row[4] or "", row[5]
    place = ", ".join(p for p in (city, _country_name(country) if country else "") if p)
    return SearchHit(
        id=int(row[0]),
        meeting_date=sqlite_sql.as_date(row[1]),
        title=row[2] or "",
        section=row[3] or "",
        place=place,
        mode=Mode(row[6]),
        session_count=int(row[7] or 0),
        total_minutes=row[8],
        publisher=row[9] or "",
        is_sample=bool(row[10]),
        snippet=" · ".join(part for part in (row[11] or "").split("\n") if part.strip()),
    )


def display_section(r: Readout) -> str:
    """The section a readout is filed under, from its relation when none was entered."""
    return r.section or geography.relation_label(r.relation)


def index_fields(r: Readout) -> dict[str, str]:
    """What the full-text index holds for a readout, column by column."""
    country_codes = list(r.relation)
    country_codes += [p.country for p in r.participants if p.country]
    if r.place and r.place.country:
        country_codes.append(r.place.country)
    countries: list[str] = []
    for code in dict.fromkeys(country_codes):
        countries.extend(_country_search_names(code))
    people = []
    for p in r.participants:
        people.extend([p.display_name, p.person.family_name, p.office, p.organisation])
    people.extend(pt.speaker for pt in r.points if pt.speaker)
    place = []
    if r.place:
        place = [r.place.city, r.place.venue]
        if r.place.country:
            place.append(_country_name(r.place.country))
    body = [r.lead] + [p.text for p in r.points] + [ph.caption for ph in r.photos] + [r.notes]
    return {
        "title": r.title,
        "section": display_section(r),
        "people": "\n".join(x for x in people if x),
        "place": "\n".join(x for x in place if x),
        "occasion": r.occasion,
        "topics": "\n".join(r.topics),
        "kinds": "\n".join(s.kind for s in r.sessions),
        "countries": "\n".join(countries),
        "body": "\n".join(x for x in body if x),
        "publisher": r.publisher,
    }


def _delete_children(conn: Connection, ids: list[int]) -> None:
    for table in (ReadoutCountryRow, ParticipantRow, SessionRow, PointRow, ReadoutTopicRow,
                  PhotoRow):
        conn.execute(delete(_table(table)).where(_table(table).c.readout_id.in_(ids)))


def _ids_for_keys(conn: Connection, model: type[PersonRow] | type[TopicRow],
                  wanted: dict[str, dict[str, Any]]) -> dict[str, int]:
    """Ids for name keys, creating the rows that do not exist yet."""
    found: dict[str, int] = {}
    keys = list(wanted)
    table = _table(model)
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        for key, ident in conn.execute(select(table.c.name_key, table.c.id)
                                       .where(table.c.name_key.in_(chunk))):
            found[str(key)] = int(ident)
    missing = [wanted[k] for k in keys if k not in found]
    if missing:
        try:
            rows = conn.execute(insert(table).returning(table.c.name_key, table.c.id), missing)
            for key, ident in rows:
                found[str(key)] = int(ident)
        except IntegrityError as exc:  # pragma: no cover - keys were just looked up
            raise ArchiveError(f"could not record a name: {exc.orig}") from None
    return found


def _insert_readouts(
    conn: Connection,
    readouts: Sequence[Readout],
    now: dt.datetime,
    existing: tuple[int, dt.datetime, int] | None = None,
) -> list[int]:
    """Write readouts and everything they hold with bulk inserts; returns their ids.

    ``existing`` (id, created_at, new version) rewrites one readout in place.
    """
    people_wanted: dict[str, dict[str, Any]] = {}
    topics_wanted: dict[str, dict[str, Any]] = {}
    for r in readouts:
        for p in r.participants:
            key = name_key(p.person.family_name, p.person.given_name)
            people_wanted.setdefault(key, {
                "family_name": p.person.family_name, "given_name": p.person.given_name,
                "name_order": p.person.name_order.value, "name_key": key})
        for t in r.topics:
            tkey = _fold(t)
            topics_wanted.setdefault(tkey, {"name": t.strip(), "name_key": tkey})
    person_ids = _ids_for_keys(conn, PersonRow, people_wanted) if people_wanted else {}
    topic_ids = _ids_for_keys(conn, TopicRow, topics_wanted) if topics_wanted else {}

    main_rows = []
    for r in readouts:
        starts = [timing.session_start_utc(s) for s in r.sessions]
        first = min((s for s in starts if s is not None), default=None)
        place = r.place or Place()
        main_rows.append({
            "title": r.title, "section": r.section, "publisher": r.publisher,
            "source_url": r.source_url, "language": r.language or "en",
            "published_date": r.published_date, "retrieved_date": r.retrieved_date,
            "meeting_date": r.meeting_date, "mode": r.mode.value,
            "place_city": place.city, "place_country": place.country,
            "place_venue": place.venue, "place_zone": place.zone,
            "occasion": r.occasion, "lead": r.lead, "notes": r.notes,
            "is_sample": r.is_sample,
            "created_at": existing[1] if existing else (r.created_at or now),
            "updated_at": now if existing else (r.updated_at or now),
            "version": existing[2] if existing else max(r.version, 1),
            "deleted_at": None,
            "session_count": len(r.sessions), "total_minutes": timing.total_minutes(r.sessions),
            "first_start_utc": first,
        })
    table = _table(ReadoutRow)
    if existing:
        ids = [existing[0]]
        values = dict(main_rows[0])
        values.pop("deleted_at")
        conn.execute(update(table).where(table.c.id == existing[0]).values(**values))
    else:
        ids = [int(i) for (i,) in conn.execute(insert(table).returning(table.c.id), main_rows)]
        if len(ids) != len(readouts):  # pragma: no cover - a driver without RETURNING order
            raise ArchiveError("the database did not return an id for every readout")

    # The rows below go straight to the driver: through SQLAlchemy, building and type-
    # processing a parameter dict per row cost more than SQLite's own work. Values are
    # written exactly as the ORM's column types write them (see _sql_wall/_sql_instant).
    countries: list[tuple[Any, ...]] = []
    participants: list[tuple[Any, ...]] = []
    sessions: list[tuple[Any, ...]] = []
    points: list[tuple[Any, ...]] = []
    topic_links: dict[tuple[int, int], tuple[Any, ...]] = {}
    photos: list[tuple[Any, ...]] = []
    for rid, r in zip(ids, readouts, strict=True):
        for pos, code in enumerate(dict.fromkeys(r.relation)):
            countries.append((rid, pos, code.upper()))
        for pos, p in enumerate(r.participants):
            person = p.person
            participants.append((
                rid, person_ids[name_key(person.family_name, person.given_name)], pos,
                person.family_name, person.given_name, person.name_order.value, p.honorific,
                p.office, p.country, p.organisation, p.side))
        for pos, ms in enumerate(r.sessions):
            check = timing.check_printed(ms)
            printed = ms.printed_other
            sessions.append((
                rid, pos, ms.kind, _sql_wall(ms.start), ms.zone, ms.fold, ms.time_hedge,
                ms.zone_label, ms.duration_minutes, ms.duration_hedge, _sql_wall(ms.end),
                printed.text if printed else None, printed.zone if printed else None,
                _sql_wall(printed.local) if printed else None,
                _sql_instant(timing.session_start_utc(ms)), int(bool(check and not check.ok))))
        for pos, pt in enumerate(r.points):
            points.append((rid, pos, pt.text, pt.speaker, pt.label, pt.level))
        for pos, t in enumerate(dict.fromkeys(r.topics)):
            # "TPP" and "tpp" fold to one topic: keep its first position only.
            link = (rid, topic_ids[_fold(t)])
            topic_links.setdefault(link, (*link, pos))
        for pos, ph in enumerate(r.photos):
            photos.append((rid, pos, ph.caption, ph.file))
    for sql, rows in (
        ("INSERT INTO readout_countries (readout_id, position, code) VALUES (?, ?, ?)",
         countries),
        ("INSERT INTO participants (readout_id, person_id, position, family_name, given_name, "
         "name_order, honorific, office, country, organisation, side) "
         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", participants),
        ("INSERT INTO meeting_sessions (readout_id, position, kind, start_local, zone, fold, "
         "time_hedge, zone_label, duration_minutes, duration_hedge, end_local, printed_text, "
         "printed_zone, printed_local, start_utc, printed_mismatch) "
         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", sessions),
        ("INSERT INTO summary_points (readout_id, position, text, speaker, label, level) "
         "VALUES (?, ?, ?, ?, ?, ?)", points),
        ("INSERT INTO readout_topics (readout_id, topic_id, position) VALUES (?, ?, ?)",
         list(topic_links.values())),
        ("INSERT INTO photos (readout_id, position, caption, file) VALUES (?, ?, ?, ?)",
         photos),
    ):
        if rows:
            conn.exec_driver_sql(sql, rows)
    names = [c for c, _w in sqlite_sql.FTS_COLUMNS]
    fts_rows = []
    for rid, r in zip(ids, readouts, strict=True):
        fields = index_fields(r)
        fts_rows.append((rid, *(fields[n] for n in names)))
    if existing:
        sqlite_sql.remove_index(conn, ids)
    conn.exec_driver_sql(
        f"INSERT INTO {sqlite_sql.FTS_TABLE}(rowid, {', '.join(names)}) "
        f"VALUES (?, {', '.join('?' for _n in names)})", fts_rows)
    return ids


def _sql_wall(value: dt.datetime | None) -> str | None:
    """A naive wall time as the ``WallTime`` column stores it."""
    if value is None:
        return None
    if value.tzinfo is not None:
        raise ValueError("a wall time must be naive; its zone is stored separately")
    return (f"{value.year:04d}-{value.month:02d}-{value.day:02d} {value.hour:02d}:"
            f"{value.minute:02d}:{value.second:02d}.{value.microsecond:06d}")


def _sql_instant(value: dt.datetime | None) -> str | None:
    """An aware instant as the ``UTCDateTime`` column stores it (naive UTC)."""
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError("refusing to store a naive datetime as an instant")
    return _sql_wall(value.astimezone(UTC).replace(tzinfo=None))

