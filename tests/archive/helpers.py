"""Readouts built in code for archive tests."""

from __future__ import annotations

import datetime as dt

from readout_desk.archive import Archive
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
    SummaryPoint,
)


def lima_readout() -> Readout:
    """The Lima readout, entered by hand."""
    return Readout(
        title="Japan-Peru Foreign Ministers' Meeting",
        section="Japan-Peru Relations",
        relation=("JP", "PE"),
        publisher="Ministry of Foreign Affairs of Japan",
        published_date=dt.date(2023, 5, 3),
        meeting_date=dt.date(2023, 5, 3),
        place=Place("Lima", "PE", "", "America/Lima"),
        participants=(
            Participant(Person("HAYASHI", "Yoshimasa", NameOrder.FAMILY_FIRST), "Mr.",
                        "Minister for Foreign Affairs", "JP"),
            Participant(Person("Gervasi", "Ana"), "H.E. Ms.",
                        "Minister of Foreign Affairs of the Republic of Peru", "PE"),
        ),
        sessions=(
            MeetingSession("small group meeting", dt.datetime(2023, 5, 3, 9, 10), "America/Lima",
                           zone_label="local time", duration_minutes=15,
                           duration_hedge="approximately",
                           printed_other=PrintedTime("11:10 p.m. on May 3 JST", "Asia/Tokyo",
                                                     dt.datetime(2023, 5, 3, 23, 10))),
            MeetingSession("plenary meeting", dt.datetime(2023, 5, 3, 9, 40), "America/Lima",
                           zone_label="local time", duration_minutes=90,
                           duration_hedge="approximately",
                           printed_other=PrintedTime("11:40 p.m. on May 3 JST", "Asia/Tokyo",
                                                     dt.datetime(2023, 5, 3, 23, 40))),
        ),
        points=(
            SummaryPoint("Minister Hayashi hoped the CPTPP would be utilized.", "Hayashi"),
            SummaryPoint("They exchanged views on Ukraine.", label="(1)", level=1),
        ),
        topics=("CPTPP", "APEC", "Ukraine"),
        photos=(Photo("Two Ministers who shake hands facing straight at a camera"),),
    )


def brazil_readout() -> Readout:
    """A readout whose printed Japan time is an hour off (summer time forgotten)."""
    return Readout(
        title="Japan-Brazil Summit Meeting",
        relation=("JP", "BR"),
        meeting_date=dt.date(2025, 9, 25),
        place=Place("New York", "US", "", "America/New_York"),
        occasion="United Nations General Assembly",
        participants=(
            Participant(Person("MORI", "Takeshi", NameOrder.FAMILY_FIRST), "Mr.",
                        "Prime Minister of Japan", "JP"),
            Participant(Person("Ferreira", "Paulo"), "H.E. Mr.",
                        "President of the Federative Republic of Brazil", "BR"),
        ),
        sessions=(
            MeetingSession("summit meeting", dt.datetime(2025, 9, 25, 13, 20), "America/New_York",
                           duration_minutes=35, duration_hedge="approximately",
                           printed_other=PrintedTime("1:20 a.m. on September 26 JST", "Asia/Tokyo",
                                                     dt.datetime(2025, 9, 26, 1, 20))),
        ),
        points=(SummaryPoint("The leaders exchanged views on reform of the Security Council."),),
        topics=("UN Security Council reform",),
    )


def telephone_readout() -> Readout:
    """A telephone talk stated in Japan time, with a name carrying diacritics."""
    return Readout(
        title="Japan-Norway Foreign Ministers' Telephone Talk",
        relation=("JP", "NO"),
        meeting_date=dt.date(2025, 2, 14),
        mode=Mode.TELEPHONE,
        participants=(
            Participant(Person("ONO", "Haruka", NameOrder.FAMILY_FIRST), "Ms.",
                        "Minister for Foreign Affairs", "JP"),
            Participant(Person("Eriksen", "Lars Ståle"), "H.E. Mr.",
                        "Minister of Foreign Affairs of the Kingdom of Norway", "NO"),
        ),
        sessions=(
            MeetingSession("telephone talk", dt.datetime(2025, 2, 14, 22, 5), "Asia/Tokyo",
                           zone_label="Japan time", duration_minutes=20,
                           duration_hedge="approximately"),
        ),
        points=(SummaryPoint("Cooperation in offshore wind energy in Perú and Norway."),),
        topics=("Offshore wind",),
    )


def read_through_the_orm(archive: Archive, readout_id: int) -> Readout:
    """A readout as ORM rows make it (how ``Archive.get`` read it before plain statements)."""
    from sqlalchemy.orm import Session as DbSession

    from readout_desk.archive.mapping import row_to_record
    from readout_desk.archive.models import ReadoutRow

    def read(db: DbSession) -> Readout:
        row = db.get(ReadoutRow, readout_id)
        assert row is not None
        return row_to_record(row)

    return archive._read(read)  # noqa: SLF001
