"""Writing readouts: every row a readout is stored as, inside the caller's transaction.

:func:`insert_readouts` saves new readouts (or rewrites one in place) with one statement
per table, people and topics found again by their name keys, and the full-text entries
through the backend; :func:`replace_readout` keeps the previous state in the history
first; :func:`set_deleted` and :func:`purge` move readouts to the trash and out for good.

Values are handed over as Python values: the column types of :mod:`.models`
(``WallTime``, ``UTCDateTime``, ``Boolean``) turn them into what is stored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any, NamedTuple, cast

from sqlalchemy import Connection, Table, delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session as DbSession

from readout_desk.archive.attachments import KeepsImages
from readout_desk.archive.backend import Backend
from readout_desk.archive.errors import ArchiveError, ConflictError, NotFoundError
from readout_desk.archive.fingerprints import fingerprint, language
from readout_desk.archive.mapping import (
    display_section,
    index_fields,
    match_key,
    name_key,
    row_to_record,
)
from readout_desk.archive.models import (
    ParticipantRow,
    PersonRow,
    PhotoRow,
    PointRow,
    ReadoutCountryRow,
    ReadoutRow,
    ReadoutTopicRow,
    SessionRow,
    SourceRow,
    TopicRow,
    VersionPhotoRow,
    VersionRow,
)
from readout_desk.domain import jsonformat, timing, validation
from readout_desk.domain.records import Place, Readout

#: The child tables of a readout, each with the columns a bulk insert fills, in order.
CHILD_COLUMNS: dict[type[Any], tuple[str, ...]] = {
    ReadoutCountryRow: ("readout_id", "position", "code"),
    ParticipantRow: ("readout_id", "person_id", "position", "family_name", "given_name",
                     "name_order", "honorific", "office", "country", "organisation", "side",
                     "printed_name", "office_ja"),
    SessionRow: ("readout_id", "position", "kind", "start_local", "zone", "fold",
                 "time_hedge", "zone_label", "duration_minutes", "duration_hedge", "end_local",
                 "printed_text", "printed_zone", "printed_local", "start_utc",
                 "printed_mismatch"),
    PointRow: ("readout_id", "position", "text", "speaker", "label", "level"),
    ReadoutTopicRow: ("readout_id", "topic_id", "position"),
    PhotoRow: ("readout_id", "position", "caption", "file"),
}


def table(model: type[Any]) -> Table:
    """The Core table of an ORM class (typed, for bulk statements)."""
    return cast(Table, model.__table__)


def delete_children(conn: Connection, ids: list[int]) -> None:
    """Delete every child row of the readouts ``ids`` (before they are written again)."""
    for model in CHILD_COLUMNS:
        conn.execute(delete(table(model)).where(table(model).c.readout_id.in_(ids)))


def ids_for_keys(conn: Connection, model: type[PersonRow] | type[TopicRow],
                 wanted: dict[str, dict[str, Any]]) -> dict[str, int]:
    """Ids for name keys, creating the rows that do not exist yet."""
    found: dict[str, int] = {}
    keys = list(wanted)
    tab = table(model)
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        for key, ident in conn.execute(select(tab.c.name_key, tab.c.id)
                                       .where(tab.c.name_key.in_(chunk))):
            found[str(key)] = int(ident)
    missing = [wanted[k] for k in keys if k not in found]
    if missing:
        try:
            rows = conn.execute(insert(tab).returning(tab.c.name_key, tab.c.id), missing)
            for key, ident in rows:
                found[str(key)] = int(ident)
        except IntegrityError as exc:  # not expected: the keys were just looked up
            raise ArchiveError(f"could not record a name: {exc.orig}") from None
    return found


class Prepared(NamedTuple):
    """A readout as the rows it is stored as, but for the ids the archive gives (its own,
    its people's and its topics'): everything :func:`write_prepared` needs, in plain values,
    so it can be made apart from the database (in another process, for an import).

    Child rows are in :data:`CHILD_COLUMNS` order without ``readout_id`` (and, for a
    participant, without ``person_id``: :attr:`people` gives the name key at the same
    place); a topic is its name key, name and position.
    """

    fingerprint: int
    main: dict[str, Any]  # the readout's own row, but for its bookkeeping
    created_at: dt.datetime | None
    updated_at: dt.datetime | None
    version: int
    people: tuple[tuple[str, str, str, str], ...]  # key, family, given, order: a participant
    topics: tuple[tuple[str, str, int], ...]  # key, name, position
    countries: tuple[tuple[Any, ...], ...]
    participants: tuple[tuple[Any, ...], ...]
    sessions: tuple[tuple[Any, ...], ...]
    points: tuple[tuple[Any, ...], ...]
    photos: tuple[tuple[Any, ...], ...]
    source: tuple[Any, ...] | None  # :data:`SOURCE_COLUMNS` without ``readout_id``
    index_text: dict[str, str]  # :func:`.mapping.index_fields`
    #: Whether the values are as the database stores them, and the index entry made
    #: (:meth:`.backend.Backend.ahead`): the rows go in as they are.
    stored: bool = False
    index_rows: Any = None  # the backend's own form of the index entry, made ahead


def prepare(r: Readout, fingerprint_: int | None = None) -> Prepared:
    """The rows of a readout (see :class:`Prepared`), its values as Python values.
    ``fingerprint_`` is its own, when already known."""
    starts = [timing.session_start_utc(s) for s in r.sessions]
    first = min((s for s in starts if s is not None), default=None)
    place = r.place or Place()
    main = {
        "title": r.title, "section": r.section, "publisher": r.publisher,
        "source_url": r.source_url, "language": language(r),
        "published_date": r.published_date, "retrieved_date": r.retrieved_date,
        "meeting_date": r.meeting_date, "mode": r.mode.value,
        "place_city": place.city, "place_country": place.country,
        "place_venue": place.venue, "place_zone": place.zone, "place_city_ja": place.city_ja,
        "occasion": r.occasion, "lead": r.lead, "notes": r.notes,
        "is_sample": r.is_sample,
        "filed_under": display_section(r),
        "session_count": len(r.sessions), "total_minutes": timing.total_minutes(r.sessions),
        "first_start_utc": first,
    }
    people = tuple((name_key(p.person.family_name, p.person.given_name),
                    p.person.family_name, p.person.given_name, p.person.name_order.value)
                   for p in r.participants)
    topics: dict[str, tuple[str, str, int]] = {}
    for pos, t in enumerate(dict.fromkeys(r.topics)):
        # "TPP" and "tpp" are one topic: keep its first spelling and position only.
        key = match_key(t)
        topics.setdefault(key, (key, t.strip(), pos))
    sessions = []
    for pos, (ms, start) in enumerate(zip(r.sessions, starts, strict=True)):
        check = timing.check_printed(ms)
        printed = ms.printed_other
        sessions.append((
            pos, ms.kind, ms.start, ms.zone, ms.fold, ms.time_hedge, ms.zone_label,
            ms.duration_minutes, ms.duration_hedge, ms.end,
            printed.text if printed else None, printed.zone if printed else None,
            printed.local if printed else None, start, bool(check and not check.ok)))
    s = r.source
    return Prepared(
        fingerprint=fingerprint(r) if fingerprint_ is None else fingerprint_,
        main=main, created_at=r.created_at, updated_at=r.updated_at, version=r.version,
        people=people, topics=tuple(topics.values()),
        countries=tuple((pos, code.upper())
                        for pos, code in enumerate(dict.fromkeys(r.relation))),
        participants=tuple((pos, p.person.family_name, p.person.given_name,
                            p.person.name_order.value, p.honorific, p.office, p.country,
                            p.organisation, p.side, p.printed_name, p.office_ja)
                           for pos, p in enumerate(r.participants)),
        sessions=tuple(sessions),
        points=tuple((pos, pt.text, pt.speaker, pt.label, pt.level)
                     for pos, pt in enumerate(r.points)),
        photos=tuple((pos, ph.caption, ph.file) for pos, ph in enumerate(r.photos)),
        source=None if s is None else (
            s.kind, s.text, s.original, s.name, s.url, s.retrieved_at,
            [list(span) for span in s.spans]),
        index_text=index_fields(r),
    )


def _main_row(p: Prepared, now: dt.datetime,
              existing: tuple[int, dt.datetime, int] | None) -> dict[str, Any]:
    return {
        **p.main,
        "created_at": existing[1] if existing else (p.created_at or now),
        "updated_at": now if existing else (p.updated_at or now),
        "version": existing[2] if existing else max(p.version, 1),
        "deleted_at": None,
        "fingerprint": p.fingerprint,
    }


def _name_ids(conn: Connection, prepared: Sequence[Prepared]
              ) -> tuple[dict[str, int], dict[str, int]]:
    """The person ids and topic ids the readouts refer to, by name key."""
    people_wanted: dict[str, dict[str, Any]] = {}
    topics_wanted: dict[str, dict[str, Any]] = {}
    for p in prepared:
        for key, family, given, order in p.people:
            if key not in people_wanted:
                people_wanted[key] = {"family_name": family, "given_name": given,
                                      "name_order": order, "name_key": key}
        for key, name, _pos in p.topics:
            if key not in topics_wanted:
                topics_wanted[key] = {"name": name, "name_key": key}
    person_ids = ids_for_keys(conn, PersonRow, people_wanted) if people_wanted else {}
    topic_ids = ids_for_keys(conn, TopicRow, topics_wanted) if topics_wanted else {}
    return person_ids, topic_ids


def _child_rows(ids: Sequence[int], prepared: Sequence[Prepared], person_ids: dict[str, int],
                topic_ids: dict[str, int]) -> dict[type[Any], list[tuple[Any, ...]]]:
    """The rows of every child table, in :data:`CHILD_COLUMNS` order."""
    rows: dict[type[Any], list[tuple[Any, ...]]] = {model: [] for model in CHILD_COLUMNS}
    countries, participants = rows[ReadoutCountryRow], rows[ParticipantRow]
    sessions, points = rows[SessionRow], rows[PointRow]
    topics, photos = rows[ReadoutTopicRow], rows[PhotoRow]
    for rid, p in zip(ids, prepared, strict=True):
        countries.extend((rid, *row) for row in p.countries)
        participants.extend((rid, person_ids[person[0]], *row)
                            for person, row in zip(p.people, p.participants, strict=True))
        sessions.extend((rid, *row) for row in p.sessions)
        points.extend((rid, *row) for row in p.points)
        topics.extend((rid, topic_ids[key], pos) for key, _name, pos in p.topics)
        photos.extend((rid, *row) for row in p.photos)
    return rows


def check_all(readouts: Sequence[Readout]) -> None:
    """Refuse the lot if any readout is invalid, saying which one (when there are several)."""
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


def insert_readouts(
    conn: Connection,
    backend: Backend,
    readouts: Sequence[Readout],
    now: dt.datetime,
    existing: tuple[int, dt.datetime, int] | None = None,
    fingerprints: Sequence[int] | None = None,
) -> list[int]:
    """Write readouts and everything they hold with bulk inserts; returns their ids.

    ``existing`` (id, created_at, new version) rewrites one readout in place (its child
    rows must have been deleted with :func:`delete_children`, and its index entries with
    the backend's ``unindex``, first). ``fingerprints``
    are the readouts' own (:func:`.fingerprints.fingerprint`), when already known.
    """
    prints: Sequence[int | None] = fingerprints or [None] * len(readouts)
    return write_prepared(conn, backend, [prepare(r, p) for r, p in
                                          zip(readouts, prints, strict=True)], now, existing)


def write_prepared(conn: Connection, backend: Backend, prepared: Sequence[Prepared],
                   now: dt.datetime, existing: tuple[int, dt.datetime, int] | None = None
                   ) -> list[int]:
    """Write prepared readouts (:func:`prepare`) as :func:`insert_readouts` does; those not
    made ready ahead (:meth:`.backend.Backend.ahead`) are made ready here."""
    if existing is None:
        prepared = [p if p.stored else backend.ahead(p) for p in prepared]
    stored = bool(prepared) and prepared[0].stored
    person_ids, topic_ids = _name_ids(conn, prepared)
    main_rows = [_main_row(p, now, existing) for p in prepared]
    readouts_table = table(ReadoutRow)
    if existing:
        ids = [existing[0]]
        values = dict(main_rows[0])
        values.pop("deleted_at")
        conn.execute(update(readouts_table).where(readouts_table.c.id == existing[0])
                     .values(**values))
    else:
        ids = backend.insert_new_rows(conn, readouts_table, main_rows,
                                      stored=tuple(prepared[0].main) if stored else ())
        if len(ids) != len(prepared):  # a driver that loses the order of RETURNING
            raise ArchiveError("the database did not return an id for every readout")
    for model, rows in _child_rows(ids, prepared, person_ids, topic_ids).items():
        columns = CHILD_COLUMNS[model]
        backend.insert_rows(conn, table(model), columns, rows, stored=columns if stored else ())
    _write_sources(conn, backend, ids, prepared, stored)
    backend.index_prepared(conn, list(zip(ids, prepared, strict=True)))
    return ids


SOURCE_COLUMNS = ("readout_id", "kind", "text", "original", "name", "url", "retrieved_at",
                  "spans")


def _write_sources(conn: Connection, backend: Backend, ids: Sequence[int],
                   prepared: Sequence[Prepared], stored: bool) -> None:
    """Keep each readout's source; a readout given without one keeps the one it has (the
    editor never changes a source, so saving an edit must not lose it)."""
    rows = [(rid, *p.source) for rid, p in zip(ids, prepared, strict=True)
            if p.source is not None]
    if not rows:
        return
    sources = table(SourceRow)
    conn.execute(delete(sources).where(sources.c.readout_id.in_([r[0] for r in rows])))
    backend.insert_rows(conn, sources, SOURCE_COLUMNS, rows,
                        stored=SOURCE_COLUMNS if stored else ())


def replace_readout(db: DbSession, backend: Backend, readout: Readout, now: dt.datetime,
                    *, read_version: int | None = None) -> None:
    """Rewrite a saved readout in place, its previous state kept as a version.

    ``read_version`` is the version the change was made from: a newer one in the archive
    refuses the change (:class:`ConflictError`), so no save is lost unseen.
    """
    readout_id = readout.id
    row = db.get(ReadoutRow, readout_id) if readout_id is not None else None
    if readout_id is None or row is None:
        raise NotFoundError(f"There is no readout {readout_id} in this archive.")
    if read_version is not None and read_version != row.version:
        raise ConflictError(readout_id, read_version, row.version)
    # The history keeps what the fields were; the source stays in its own table.
    previous = replace(row_to_record(row), source=None)
    db.add(VersionRow(readout_id=readout_id, version=row.version, saved_at=now,
                      data=jsonformat.readout_to_dict(previous)))
    conn = db.connection()
    keep_version_photos(conn, {readout_id: [ph.file for ph in previous.photos]})
    backend.unindex(conn, [readout_id])  # while the rows still say what was indexed
    delete_children(conn, [readout_id])
    db.expunge(row)
    insert_readouts(conn, backend, [readout], now,
                    existing=(readout_id, row.created_at, row.version + 1))


def set_deleted(db: DbSession, ids: list[int], when: dt.datetime | None) -> None:
    """Put readouts in the trash at ``when``, or take them out (``None``)."""
    found = set(db.scalars(select(ReadoutRow.id).where(ReadoutRow.id.in_(ids))))
    missing = [i for i in ids if i not in found]
    if missing:
        raise NotFoundError(f"There is no readout {missing[0]} in this archive.")
    db.execute(update(ReadoutRow).where(ReadoutRow.id.in_(ids)).values(deleted_at=when))


def keep_version_photos(conn: Connection, files: Mapping[int, Iterable[str]]) -> None:
    """Record the photo files stored versions of these readouts name (``version_photos``),
    those not recorded yet."""
    wanted = {(rid, name) for rid, names in files.items() for name in names if name}
    if not wanted:
        return
    tab = table(VersionPhotoRow)
    have = {(int(rid), str(name)) for rid, name in conn.execute(
        select(tab.c.readout_id, tab.c.file).where(
            tab.c.readout_id.in_({rid for rid, _name in wanted})))}
    rows = [{"readout_id": rid, "file": name} for rid, name in sorted(wanted - have)]
    if rows:
        conn.execute(insert(tab), rows)


def photo_names(conn: Connection, *, readouts: Collection[int] | None = None,
                among: Collection[str] | None = None) -> set[str]:
    """The photo file names that ``readouts`` (every readout: ``None``) name, in their
    photos or in a stored earlier version (restoring it brings the photo back), limited
    to the names ``among`` when given."""
    if (readouts is not None and not readouts) or (among is not None and not among):
        return set()
    photos, versions = table(PhotoRow), table(VersionPhotoRow)
    current = select(photos.c.file).where(photos.c.file != "")
    earlier = select(versions.c.file)
    if readouts is not None:
        current = current.where(photos.c.readout_id.in_(list(readouts)))
        earlier = earlier.where(versions.c.readout_id.in_(list(readouts)))
    chunks: list[list[str] | None] = [None] if among is None else [
        sorted(among)[i:i + 500] for i in range(0, len(among), 500)]
    found: set[str] = set()
    for chunk in chunks:
        for query, column in ((current, photos.c.file), (earlier, versions.c.file)):
            if chunk is not None:
                query = query.where(column.in_(chunk))
            found.update(str(name) for name in conn.scalars(query))
    return found


def purge(conn: Connection, backend: Backend, ids: list[int]) -> tuple[int, set[str]]:
    """Delete readouts for good (their rows cascade); returns how many went, and the
    photo files they named for the caller to delete once the purge has committed, as
    far as nothing else names them then (an archive keeping its images as files). A
    team archive's images that nothing names any more go in this transaction."""
    named = photo_names(conn, readouts=ids)
    backend.unindex(conn, ids)  # while the rows still say what was indexed
    result = conn.execute(delete(table(ReadoutRow)).where(ReadoutRow.id.in_(ids)))
    if isinstance(backend, KeepsImages):
        backend.forget_images(conn, named)
        named = set()
    return int(result.rowcount or 0), named
