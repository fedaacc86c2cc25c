"""A readout read in plain statements is the readout the ORM reads, on both backends."""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path

import pytest

from readout_desk.archive import Archive, NotFoundError
from readout_desk.archive.demo import demo_readouts
from readout_desk.archive.reading import read_readout
from readout_desk.domain.extract import extract
from readout_desk.domain.records import Participant, Person, Photo, Readout, Source
from tests.archive.helpers import (
    brazil_readout,
    lima_readout,
    read_through_the_orm,
    telephone_readout,
)

BOTH_BACKENDS = True
JAPANESE = Path(__file__).resolve().parents[1] / "extract" / "corpus_ja"


def _every_kind() -> list[Readout]:
    """Readouts with every part filled in, English and Japanese, and one with nothing."""
    lima = dataclasses.replace(
        lima_readout(), photos=(Photo("A handshake", "handshake.png"), Photo("Lunch", "")),
        notes="Kept by hand.", is_sample=True, lead="First line.\nSecond line.",
        source=Source(kind="text", text="The readout as pasted.", name="Pasted text",
                      spans=(("title", 0, 11), ("place", 20, 24))))
    odd = Readout(title="Names only", meeting_date=lima.meeting_date, participants=(
        Participant(Person("Doe", ""), office="Envoy", office_ja="特使", side="host"),))
    japanese = [extract(p.read_bytes()).readout for p in sorted(JAPANESE.glob("*.txt"))[:4]]
    return [lima, brazil_readout(), telephone_readout(), odd, *demo_readouts()[:5],
            *(r if r.title else dataclasses.replace(r, title="Untitled") for r in japanese)]


def test_the_plain_read_is_the_orm_read(archive: Archive) -> None:
    ids = archive.add_many(_every_kind(), validate=False)
    archive.delete(ids[1])  # from the trash too
    languages = set()
    for readout_id in ids:
        plain = archive._read(functools.partial(read_readout, readout_id=readout_id))  # noqa: SLF001
        assert plain == read_through_the_orm(archive, readout_id)
        assert archive.get(readout_id) == plain
        languages.add(plain.language)
    assert {"en", "ja"} <= languages
    lima = archive.get(ids[0])
    assert lima.source is not None and lima.source.spans == (("title", 0, 11),
                                                             ("place", 20, 24))
    assert [s.printed_other for s in lima.sessions] == [
        s.printed_other for s in lima_readout().sessions]


def test_a_missing_readout_is_said_so(archive: Archive) -> None:
    with pytest.raises(NotFoundError, match="There is no readout 404 in this archive"):
        archive.get(404)
