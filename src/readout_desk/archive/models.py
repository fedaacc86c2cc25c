"""The archive's tables as a typed SQLAlchemy 2 model.

ORM objects never leave the :mod:`readout_desk.archive` package: the façade turns
them into the plain records of :mod:`readout_desk.domain.records`.

A meeting's sessions are stored in ``meeting_sessions`` (class :class:`SessionRow`)
so that the word "session" on its own always means a database session in this package.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, Relationship, mapped_column, relationship

from readout_desk.archive.packing import pack, unpack

UTC = dt.timezone.utc


class UTCDateTime(TypeDecorator[dt.datetime]):
    """An aware UTC instant, stored as naive UTC; a naive value is refused."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("refusing to store a naive datetime as an instant")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        assert isinstance(value, dt.datetime)
        return value.replace(tzinfo=UTC)


class WallTime(TypeDecorator[dt.datetime]):
    """A naive local wall time; an aware value is refused (its zone is stored beside it)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        if value is not None and value.tzinfo is not None:
            raise ValueError("a wall time must be naive; its zone is stored separately")
        return value

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        return value if value is None or isinstance(value, dt.datetime) else None


class PackedText(TypeDecorator[str]):
    """Text stored deflated in an archive file when that is shorter (``packing.py``); a
    team archive's server keeps it as text (it compresses long values itself)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | bytes | None, dialect: Dialect) -> Any:
        if dialect.name == "sqlite":
            return pack(value)  # a value packed ahead (``writes.prepare``) as it is
        return unpack(value) if isinstance(value, bytes) else value

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        return unpack(value)


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dt.datetime: UTCDateTime, dt.date: Date, str: Text}


def _in_order(model: str) -> Relationship[Any]:
    """A readout's list of ``model`` rows, in their order, loaded with it (one query per
    list, not per readout) and deleted with it."""
    return relationship(order_by=f"{model}.position", cascade="all, delete-orphan",
                        lazy="selectin")


class ReadoutRow(Base):
    __tablename__ = "readouts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(default="")
    section: Mapped[str] = mapped_column(default="")
    publisher: Mapped[str] = mapped_column(default="")
    source_url: Mapped[str] = mapped_column(default="")
    language: Mapped[str] = mapped_column(String(16), default="en")
    published_date: Mapped[dt.date | None]
    retrieved_date: Mapped[dt.date | None]
    meeting_date: Mapped[dt.date | None] = mapped_column(index=True)
    mode: Mapped[str] = mapped_column(String(16), default="in person", index=True)
    place_city: Mapped[str] = mapped_column(default="")
    place_country: Mapped[str | None] = mapped_column(String(2))
    place_venue: Mapped[str] = mapped_column(default="")
    place_zone: Mapped[str | None] = mapped_column(String(64))
    # As a Japanese readout prints it; NULL (in rows older than the column) reads as "".
    place_city_ja: Mapped[str | None] = mapped_column(default="")
    occasion: Mapped[str] = mapped_column(default="")
    lead: Mapped[str] = mapped_column(PackedText, default="")
    notes: Mapped[str] = mapped_column(default="")
    is_sample: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime]
    updated_at: Mapped[dt.datetime]
    version: Mapped[int] = mapped_column(default=1)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(index=True)
    # Derived, kept so that a results row needs no join.
    # The section a results row shows: the one entered, else the relation's label
    # ("Japan-Peru Relations"); every save writes it (NULL only before migration 0006).
    filed_under: Mapped[str | None]
    session_count: Mapped[int] = mapped_column(default=0)
    total_minutes: Mapped[int | None]
    first_start_utc: Mapped[dt.datetime | None]
    # The whole record as one number (archive/fingerprints.py): how an import knows a
    # readout it holds already. Empty in rows an older version wrote, until filled.
    fingerprint: Mapped[int | None] = mapped_column(BigInteger, index=True)

    countries: Mapped[list[ReadoutCountryRow]] = _in_order("ReadoutCountryRow")
    participants: Mapped[list[ParticipantRow]] = _in_order("ParticipantRow")
    sessions: Mapped[list[SessionRow]] = _in_order("SessionRow")
    points: Mapped[list[PointRow]] = _in_order("PointRow")
    topic_links: Mapped[list[ReadoutTopicRow]] = _in_order("ReadoutTopicRow")
    photos: Mapped[list[PhotoRow]] = _in_order("PhotoRow")
    source: Mapped[SourceRow | None] = relationship(
        cascade="all, delete-orphan", lazy="selectin", uselist=False
    )


class ReadoutCountryRow(Base):
    __tablename__ = "readout_countries"
    # A few small rows a readout: the primary key's B-tree is the table (migration 0022).
    __table_args__ = {"sqlite_with_rowid": False}

    readout_id: Mapped[int] = mapped_column(
        ForeignKey("readouts.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(2), index=True)


class PersonRow(Base):
    __tablename__ = "people"
    __table_args__ = (UniqueConstraint("name_key", name="uq_people_name_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    family_name: Mapped[str]
    given_name: Mapped[str] = mapped_column(default="")
    name_order: Mapped[str] = mapped_column(String(16), default="given-first")
    # Case- and accent-normalised "family|given": how the same person is found again.
    name_key: Mapped[str]


class _ReadoutPart:
    """The columns of each numbered part of a readout: a participant, a session, a point,
    a photo (its own id, the readout it belongs to, its place in the readout's list)."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True, sort_order=-1)
    readout_id: Mapped[int] = mapped_column(
        ForeignKey("readouts.id", ondelete="CASCADE"), index=True, sort_order=-1
    )
    position: Mapped[int] = mapped_column(sort_order=-1)


class ParticipantRow(_ReadoutPart, Base):
    __tablename__ = "participants"

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    # The name exactly as this readout prints it; the person row holds the first form seen.
    family_name: Mapped[str]
    given_name: Mapped[str] = mapped_column(default="")
    name_order: Mapped[str] = mapped_column(String(16), default="given-first")
    honorific: Mapped[str] = mapped_column(default="")
    office: Mapped[str] = mapped_column(default="")
    country: Mapped[str | None] = mapped_column(String(2))
    organisation: Mapped[str] = mapped_column(default="")
    side: Mapped[str] = mapped_column(default="")
    printed_name: Mapped[str] = mapped_column(default="")
    # As a Japanese readout prints it; NULL (in rows older than the column) reads as "".
    office_ja: Mapped[str | None] = mapped_column(default="")

    person: Mapped[PersonRow] = relationship(lazy="joined")


class SessionRow(_ReadoutPart, Base):
    """A part of a meeting (small group meeting, plenary, ...)."""

    __tablename__ = "meeting_sessions"

    kind: Mapped[str] = mapped_column(default="meeting")
    start_local: Mapped[dt.datetime | None] = mapped_column(WallTime)
    zone: Mapped[str | None] = mapped_column(String(64))
    fold: Mapped[int | None]
    time_hedge: Mapped[str] = mapped_column(default="")
    zone_label: Mapped[str] = mapped_column(default="")
    duration_minutes: Mapped[int | None]
    duration_hedge: Mapped[str] = mapped_column(default="")
    end_local: Mapped[dt.datetime | None] = mapped_column(WallTime)
    printed_text: Mapped[str | None]
    printed_zone: Mapped[str | None] = mapped_column(String(64))
    printed_local: Mapped[dt.datetime | None] = mapped_column(WallTime)
    # Derived from start_local + zone + fold, for sorting and ranges.
    start_utc: Mapped[dt.datetime | None]
    # Derived: the printed second time disagrees with the zone rules. Indexed where true
    # only (the archive's timing flags ask for those alone).
    printed_mismatch: Mapped[bool] = mapped_column(Boolean, default=False)


class PointRow(_ReadoutPart, Base):
    __tablename__ = "summary_points"

    text: Mapped[str] = mapped_column(PackedText)
    speaker: Mapped[str] = mapped_column(default="")
    label: Mapped[str] = mapped_column(default="")
    level: Mapped[int] = mapped_column(default=0)


class TopicRow(Base):
    __tablename__ = "topics"
    __table_args__ = (UniqueConstraint("name_key", name="uq_topics_name_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str]
    name_key: Mapped[str]


class ReadoutTopicRow(Base):
    __tablename__ = "readout_topics"
    # A few small rows a readout: the primary key's B-tree is the table (migration 0022).
    __table_args__ = {"sqlite_with_rowid": False}

    readout_id: Mapped[int] = mapped_column(
        ForeignKey("readouts.id", ondelete="CASCADE"), primary_key=True
    )
    topic_id: Mapped[int] = mapped_column(ForeignKey("topics.id"), primary_key=True)
    position: Mapped[int]

    topic: Mapped[TopicRow] = relationship(lazy="joined")


Index("ix_readout_topics_topic", ReadoutTopicRow.topic_id)
# Only sample readouts: lets a search rank them after the user's own at no cost.
Index("ix_readouts_sample_ids", ReadoutRow.id, sqlite_where=ReadoutRow.is_sample == 1)
Index("ix_meeting_sessions_printed_mismatch", SessionRow.printed_mismatch,
      sqlite_where=SessionRow.printed_mismatch == 1,
      postgresql_where=SessionRow.printed_mismatch)


class PhotoRow(_ReadoutPart, Base):
    __tablename__ = "photos"

    caption: Mapped[str] = mapped_column(default="")
    # Indexed: a purge asks whether anything else still names a photo file.
    file: Mapped[str] = mapped_column(default="", index=True)


class VersionPhotoRow(Base):
    """A photo file an earlier version of a readout names (in ``readout_versions.data``):
    kept beside the versions so a purge finds the images a restore would need without
    reading every stored version."""

    __tablename__ = "version_photos"

    readout_id: Mapped[int] = mapped_column(
        ForeignKey("readouts.id", ondelete="CASCADE"), primary_key=True)
    file: Mapped[str] = mapped_column(Text, primary_key=True, index=True)


class SourceRow(Base):
    """What a readout was read from (its text, a page's snapshot): a table of its own,
    read only when the readout itself is, so no search ever touches it."""

    __tablename__ = "readout_sources"

    readout_id: Mapped[int] = mapped_column(
        ForeignKey("readouts.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(16), default="text")
    text: Mapped[str] = mapped_column(PackedText, default="")
    original: Mapped[str] = mapped_column(PackedText, default="")
    name: Mapped[str] = mapped_column(default="")
    url: Mapped[str] = mapped_column(default="")
    retrieved_at: Mapped[dt.datetime | None]
    spans: Mapped[list[Any]] = mapped_column(JSON)


class VersionRow(Base):
    """An earlier state of a readout, kept whenever a save replaces it."""

    __tablename__ = "readout_versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    readout_id: Mapped[int] = mapped_column(
        ForeignKey("readouts.id", ondelete="CASCADE"), index=True
    )
    version: Mapped[int]
    saved_at: Mapped[dt.datetime]
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


class SavedSearchRow(Base):
    __tablename__ = "saved_searches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(unique=True)
    query: Mapped[str]
    created_at: Mapped[dt.datetime]


class PhotoBlobRow(Base):
    """The bytes of an image a team archive keeps (keyed by their SHA-256, so an image
    attached twice is kept once). A file archive keeps its images as files and leaves
    this table empty."""

    __tablename__ = "photo_blobs"

    content_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int]
    data: Mapped[bytes] = mapped_column(LargeBinary)


class PhotoFileRow(Base):
    """A photo's file name (``photos.file``) and the image stored for it."""

    __tablename__ = "photo_files"

    name: Mapped[str] = mapped_column(primary_key=True)
    content_hash: Mapped[str] = mapped_column(
        String(64), ForeignKey("photo_blobs.content_hash"), index=True)


class KeptRankingRow(Base):
    """A query in most readouts whose best rows are kept (``archive/sqlite_kept.py``)."""

    __tablename__ = "kept_rankings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    match: Mapped[str] = mapped_column(Text, unique=True)
    revision: Mapped[str] = mapped_column(Text)
    row_count: Mapped[int]
    token_count: Mapped[int]
    hits: Mapped[int]
    floor: Mapped[float]
    # A query of several phrases: each phrase's hits now and when it was ranked.
    phrase_hits: Mapped[str | None] = mapped_column(Text)
    reference_hits: Mapped[str | None] = mapped_column(Text)
    # The list of words in a year: its hits by meeting day (a JSON object), else empty.
    day_hits: Mapped[str | None] = mapped_column(Text)


class KeptRankingRowsRow(Base):
    """One kept row of a kept ranking: the readout, its column-weighted number of
    occurrences of the query (of each phrase, for a query of several), its length in
    tokens."""

    __tablename__ = "kept_ranking_rows"

    ranking_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    readout_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    weight: Mapped[float]
    length: Mapped[int]
    weights: Mapped[str | None] = mapped_column(Text)
