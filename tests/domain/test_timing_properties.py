"""Properties of wall time -> UTC in every zone of the database, against a brute-force oracle.

The oracle uses only the direction zoneinfo cannot get wrong (a UTC instant to its local
wall time): it collects every UTC offset the zone has within two days of the wall time and
keeps the instants ``wall - offset`` that read back as ``wall``. None: the wall time falls in
a gap. Two: it falls in a fold. The timing module must classify and place it the same way.

Random wall times almost never land in a gap or a fold, so most cases are drawn within
minutes of a transition the test finds by scanning the zone's offsets.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, available_timezones

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from readout_desk.domain import timing
from readout_desk.domain.records import MeetingSession

UTC = dt.timezone.utc
ZONES = sorted(available_timezones())
FIRST = dt.datetime(1900, 1, 1)
LAST = dt.datetime(2037, 12, 31, 23, 59)
MINUTE = dt.timedelta(minutes=1)

# No zone keeps an offset for less than a quarter of an hour, and no gap or fold is longer
# than a day, so sampling every quarter of an hour over two days either side sees every
# offset that could produce a given wall time.
SCAN_STEP = dt.timedelta(minutes=15)
SCAN_REACH = dt.timedelta(hours=50)


def utc_instants(wall: dt.datetime, zone: ZoneInfo) -> list[dt.datetime]:
    """Every UTC instant whose wall time in ``zone`` is ``wall``, earliest first."""
    offsets: set[dt.timedelta] = set()
    probe = wall.replace(tzinfo=UTC) - SCAN_REACH
    while probe <= wall.replace(tzinfo=UTC) + SCAN_REACH:
        offsets.add(probe.astimezone(zone).utcoffset() or dt.timedelta(0))
        probe += SCAN_STEP
    candidates = {(wall - offset).replace(tzinfo=UTC) for offset in offsets}
    return sorted(u for u in candidates if u.astimezone(zone).replace(tzinfo=None) == wall)


Transition = tuple[dt.datetime, dt.timedelta, dt.timedelta]


def next_transition(zone: ZoneInfo, start: dt.datetime) -> Transition | None:
    """The first instant after ``start`` (UTC) and before 2039 at which the zone's offset
    changes, with the offsets in force just before and from then on. (Scanned a week at a
    time: a change undone within the same week can be missed, which only costs coverage.)"""

    def offset(seconds: int) -> dt.timedelta | None:
        return dt.datetime.fromtimestamp(seconds, UTC).astimezone(zone).utcoffset()

    week = 7 * 86_400
    end = int(dt.datetime(2039, 1, 1, tzinfo=UTC).timestamp())
    low = int(start.timestamp())
    before = offset(low)
    while offset(low + week) == before:
        low += week
        if low > end:
            return None
    high = low + week
    while high - low > 1:
        middle = (low + high) // 2
        if offset(middle) == before:
            low = middle
        else:
            high = middle
    after = offset(high)
    assert before is not None and after is not None
    return dt.datetime.fromtimestamp(high, UTC), before, after


@st.composite
def zone_and_wall(draw: st.DrawFn) -> tuple[str, dt.datetime]:
    """A zone and a wall time in 1900-2037, three times in four near the zone's next change
    (within the size of the change and a quarter of an hour on either side)."""
    name = draw(st.sampled_from(ZONES))
    wall = draw(st.datetimes(min_value=FIRST, max_value=LAST))
    if draw(st.integers(0, 3)) > 0:
        found = next_transition(ZoneInfo(name), wall.replace(tzinfo=UTC))
        if found is not None:
            instant, before, after = found
            edge = (instant + before).replace(tzinfo=None)  # the clocks read this, then jump
            reach = int(abs(after - before) / MINUTE) + 15
            wall = edge + draw(st.integers(-reach, reach)) * MINUTE
    return name, wall.replace(second=0, microsecond=0)


def classified_as_the_oracle_says(name: str, wall: dt.datetime) -> str:
    """Check ``resolve`` on ``wall`` against the oracle; what the oracle found."""
    zone = ZoneInfo(name)
    instants = utc_instants(wall, zone)
    if not instants:
        with pytest.raises(timing.NonexistentTimeError) as skipped:
            timing.resolve(wall, name)
        before, after = skipped.value.before, skipped.value.after
        assert before < wall < after
        # The nearest valid times: whole minutes that exist, with none between them.
        assert before.second == after.second == 0
        assert utc_instants(before, zone) and utc_instants(after, zone)
        assert utc_instants(before + MINUTE, zone) == utc_instants(after - MINUTE, zone) == []
        assert not timing.is_ambiguous(wall, name)
    elif len(instants) == 1:
        for fold in (None, 0, 1):
            assert timing.resolve(wall, name, fold).astimezone(UTC) == instants[0]
        assert not timing.is_ambiguous(wall, name)
    else:
        with pytest.raises(timing.AmbiguousTimeError) as repeated:
            timing.resolve(wall, name)
        assert repeated.value.earlier.astimezone(UTC) == instants[0]
        assert repeated.value.later.astimezone(UTC) == instants[-1]
        assert timing.resolve(wall, name, 0).astimezone(UTC) == instants[0]
        assert timing.resolve(wall, name, 1).astimezone(UTC) == instants[-1]
        assert timing.is_ambiguous(wall, name)
    return {0: "gap", 1: "one instant"}.get(len(instants), "fold")


@settings(max_examples=400, deadline=None)
@given(zone_and_wall())
def test_gaps_and_folds_are_where_the_offsets_put_them(case: tuple[str, dt.datetime]) -> None:
    event(classified_as_the_oracle_says(*case))


def test_every_zone_at_its_first_changes_since_1970() -> None:
    """Each zone of the database at its first two changes since 1970, whatever the draw.

    In a gap, one wall time suffices: the check walks to both of its edges. Around a fold,
    the last single time before it, its first and last repeated minute, the first after.
    """
    seen = {"gap": 0, "one instant": 0, "fold": 0}
    for name in ZONES:
        zone = ZoneInfo(name)
        start = dt.datetime(1970, 1, 1, tzinfo=UTC)
        for _ in range(2):
            found = next_transition(zone, start)
            if found is None:
                break
            start, before, after = found
            edge = (start + before).replace(tzinfo=None, second=0)
            size = int(abs(after - before) / MINUTE)
            shifts = (0,) if after > before else (-size - 1, -size, -1, 0)
            for shift in shifts:
                seen[classified_as_the_oracle_says(name, edge + shift * MINUTE)] += 1
    # Clocks went forward and back all over the world: both kinds are met many times.
    assert seen["gap"] > 200 and seen["fold"] > 400


@settings(max_examples=400, deadline=None)
@given(zone_and_wall(), st.sampled_from((0, 1)))
def test_a_placed_wall_time_comes_back_from_utc(case: tuple[str, dt.datetime], fold: int) -> None:
    name, wall = case
    zone = ZoneInfo(name)
    try:
        placed = timing.resolve(wall, name, fold)
    except timing.NonexistentTimeError:
        assert utc_instants(wall, zone) == []
        return
    instant = placed.astimezone(UTC)
    back = instant.astimezone(zone)
    assert back.replace(tzinfo=None) == wall
    # The fold chosen is the occurrence returned: the second one reads back with fold 1.
    assert back.fold == (fold if len(utc_instants(wall, zone)) > 1 else 0)
    session = MeetingSession(start=wall, zone=name, fold=fold)
    assert timing.session_start_utc(session) == instant


def test_the_oracle_sees_a_gap_and_a_fold() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    assert utc_instants(dt.datetime(2025, 3, 30, 2, 30), berlin) == []
    assert utc_instants(dt.datetime(2025, 10, 26, 2, 30), berlin) == [
        dt.datetime(2025, 10, 26, 0, 30, tzinfo=UTC),
        dt.datetime(2025, 10, 26, 1, 30, tzinfo=UTC),
    ]
    assert utc_instants(dt.datetime(2025, 7, 1, 12, 0), berlin) == [
        dt.datetime(2025, 7, 1, 10, 0, tzinfo=UTC)
    ]
    assert next_transition(berlin, dt.datetime(2025, 1, 1, tzinfo=UTC)) == (
        dt.datetime(2025, 3, 30, 1, 0, tzinfo=UTC),
        dt.timedelta(hours=1),
        dt.timedelta(hours=2),
    )


@pytest.mark.parametrize(
    "zone, wall, before, after",
    [
        # Local mean time -0:16:08 until GMT: 00:00 to 00:16:08 never happened.
        ("Africa/Abidjan", "1912-01-01T00:16", "1911-12-31T23:59", "1912-01-01T00:17"),
        # -7:48:04 until -7:00: 23:11:56 to midnight never happened.
        ("America/Tijuana", "1921-12-31T23:12", "1921-12-31T23:11", "1922-01-01T00:00"),
        ("Europe/Berlin", "2025-03-30T02:30", "2025-03-30T01:59", "2025-03-30T03:00"),
    ],
)
def test_a_skipped_time_names_the_nearest_whole_minutes(
    zone: str, wall: str, before: str, after: str
) -> None:
    with pytest.raises(timing.NonexistentTimeError) as skipped:
        timing.resolve(dt.datetime.fromisoformat(wall), zone)
    assert (skipped.value.before, skipped.value.after) == (
        dt.datetime.fromisoformat(before),
        dt.datetime.fromisoformat(after),
    )
    timing.resolve(skipped.value.before, zone)
    timing.resolve(skipped.value.after, zone)
