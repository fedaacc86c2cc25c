"""One readout read in plain statements, without the ORM's objects.

Reading a readout through the ORM builds an object per row and per part, tracks each in
the unit of work and loads its lists one relationship at a time: several milliseconds of
Python for a readout the reading pane shows for every row the selection rests on, run in
a worker thread that shares the interpreter with the window. Here each table is one
Core ``select`` whose plain rows go straight to
:func:`~readout_desk.archive.mapping.readout_record`, the same translation the ORM rows
take, so the record is the same either way (``tests/archive/test_reading.py``).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session as DbSession

from readout_desk.archive.errors import NotFoundError
from readout_desk.archive.mapping import readout_record
from readout_desk.archive.models import (
    ParticipantRow,
    PhotoRow,
    PointRow,
    ReadoutCountryRow,
    ReadoutRow,
    ReadoutTopicRow,
    SessionRow,
    SourceRow,
    TopicRow,
)
from readout_desk.domain.records import Readout

_READOUT = ReadoutRow.__table__
_SOURCE = SourceRow.__table__


def _parts(table: Any, readout_id: int) -> Select[Any]:
    """The rows of a numbered part of a readout (participants, sessions, ...), in order."""
    return select(table).where(table.c.readout_id == readout_id).order_by(table.c.position)


def read_readout(db: DbSession, readout_id: int) -> Readout:
    """The readout with that id (also from the trash), or :class:`NotFoundError`."""
    conn = db.connection()
    row = conn.execute(select(_READOUT).where(_READOUT.c.id == readout_id)).first()
    if row is None:
        raise NotFoundError(f"There is no readout {readout_id} in this archive.")
    countries = ReadoutCountryRow.__table__
    links, topics = ReadoutTopicRow.__table__, TopicRow.__table__
    return readout_record(
        row,
        relation=conn.scalars(select(countries.c.code).where(
            countries.c.readout_id == readout_id).order_by(countries.c.position)).all(),
        participants=conn.execute(_parts(ParticipantRow.__table__, readout_id)).all(),
        sessions=conn.execute(_parts(SessionRow.__table__, readout_id)).all(),
        points=conn.execute(_parts(PointRow.__table__, readout_id)).all(),
        topics=conn.scalars(select(topics.c.name).join_from(
            links, topics, links.c.topic_id == topics.c.id).where(
            links.c.readout_id == readout_id).order_by(links.c.position)).all(),
        photos=conn.execute(_parts(PhotoRow.__table__, readout_id)).all(),
        source=conn.execute(select(_SOURCE).where(_SOURCE.c.readout_id == readout_id)).first(),
    )
