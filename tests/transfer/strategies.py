"""Hypothesis strategies for readouts that an archive accepts."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from readout_desk.domain import timing, validation
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

UTC = dt.timezone.utc
ZONES = ("America/Lima", "Asia/Tokyo", "Europe/Berlin", "Asia/Kolkata", "Australia/Lord_Howe",
         "America/New_York", "Pacific/Chatham", "UTC", "Asia/Kathmandu")
COUNTRIES = ("JP", "PE", "DE", "IN", "US", "BR", "AU", "NO", "CI", "VN")

# Any printable text, unicode included (no control characters: readouts are typed text).
text = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=40)
nonblank = text.filter(lambda s: s.strip() != "")
names = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Z")), min_size=1, max_size=12)
days = st.dates(dt.date(1950, 1, 1), dt.date(2037, 12, 31))
walls = st.datetimes(dt.datetime(1970, 1, 1), dt.datetime(2037, 12, 31)).map(
    lambda d: d.replace(second=0, microsecond=0))
instants = st.datetimes(dt.datetime(2000, 1, 1), dt.datetime(2037, 1, 1),
                        timezones=st.just(UTC))


@st.composite
def sessions(draw: st.DrawFn) -> MeetingSession:
    zone = draw(st.none() | st.sampled_from(ZONES))
    start = draw(walls) if zone else None
    fold = None
    if start is not None and zone is not None:
        if timing.is_ambiguous(start, zone):
            fold = draw(st.sampled_from([0, 1]))
        try:
            timing.resolve(start, zone, fold)
        except timing.NonexistentTimeError:
            start += dt.timedelta(hours=2)  # out of the gap
    printed = None
    if draw(st.booleans()):
        printed = PrintedTime(draw(text), draw(st.sampled_from(ZONES)), draw(walls))
    end = None
    if start is not None and draw(st.booleans()):
        end = start + dt.timedelta(minutes=draw(st.integers(1, 600)))
    return MeetingSession(
        kind=draw(nonblank), start=start, zone=zone, fold=fold,
        time_hedge=draw(st.sampled_from(timing.TIME_HEDGES)), zone_label=draw(text),
        duration_minutes=draw(st.none() | st.integers(1, timing.MAX_DURATION_MINUTES)),
        duration_hedge=draw(st.sampled_from(timing.DURATION_HEDGES)), end=end,
        printed_other=printed)


@st.composite
def readouts(draw: st.DrawFn) -> Readout:
    place = None
    if draw(st.booleans()):
        place = Place(draw(text), draw(st.none() | st.sampled_from(COUNTRIES)), draw(text),
                      draw(st.none() | st.sampled_from(ZONES)))
    participants = tuple(
        Participant(Person(draw(names), draw(st.just("") | names),
                           draw(st.sampled_from(list(NameOrder)))),
                    draw(text), draw(text), draw(st.none() | st.sampled_from(COUNTRIES)),
                    draw(text), draw(text))
        for _ in range(draw(st.integers(0, 3))))
    created = draw(st.none() | instants)
    r = Readout(
        title=draw(nonblank), section=draw(text),
        relation=tuple(draw(st.lists(st.sampled_from(COUNTRIES), max_size=3, unique=True))),
        publisher=draw(text), source_url=draw(text), language=draw(st.sampled_from(["en", "ja"])),
        published_date=draw(st.none() | days), retrieved_date=draw(st.none() | days),
        meeting_date=draw(days), mode=draw(st.sampled_from(list(Mode))), place=place,
        occasion=draw(text), lead=draw(text), participants=participants,
        sessions=tuple(draw(st.lists(sessions(), max_size=3))),
        points=tuple(SummaryPoint(draw(nonblank), draw(text), draw(text), draw(st.integers(0, 2)))
                     for _ in range(draw(st.integers(0, 3)))),
        topics=tuple(draw(st.lists(nonblank, max_size=3))),
        photos=tuple(Photo(draw(text)) for _ in range(draw(st.integers(0, 2)))),
        notes=draw(text), is_sample=draw(st.booleans()),
        created_at=created, updated_at=created,
    )
    return r


#: Readouts the archive accepts.
valid_readouts = readouts().filter(lambda r: not validation.problems(r))
