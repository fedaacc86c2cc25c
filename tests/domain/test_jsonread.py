"""The import's quick reader of a readout object agrees with the format's own reader.

On every object: the same record when the object describes one, the same refusal (same
exception, same words) when it does not. The objects are written from generated readouts,
then spoiled one value at a time with the odd values a file can hold.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readout_desk.domain import jsonformat, jsonread
from readout_desk.domain.records import Readout, Source
from tests.domain.test_schema_agreement import _places
from tests.transfer.strategies import readouts

#: Values a JSON file may hold where a readout's fields are, usual and unusual.
ODD_VALUES: list[Any] = [
    None, "", " ", "x", "ＣＰＴＰＰ", 0, 1, -1, 2, 15.0, 15.5, True, False, 2**63, -(2**63),
    [], ["PE"], [1], {}, {"text": "x"}, "2023-05-03", "2023-02-30", "2023-05-03T09:10",
    "2023-05-03T09:10:05", "2023-05-03T09:10:05.25", "2023-05-03T09:10+09:00",
    "2023-05-03T09:10Z", "2023-05-03T14:10:00Z", "2023-05-03T14:10:00.5Z", "0000-01-01",
    "0000-01-01T00:00", "0000-01-01T00:00Z", "2023-05-03T24:00", "2023-5-3", "20230503",
    "in-person", "telephone", "family-first", "given-first", "IN-PERSON", "meeting",
    "surprise_field",
]


def _outcome(data: Any, read: Any) -> tuple[str, Any]:
    try:
        return "record", read(data, "readouts[4]")
    except Exception as exc:  # noqa: BLE001 - the point is to compare whatever is raised
        return type(exc).__name__, str(exc)


def _spoiled(data: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    out = copy.deepcopy(data)
    *parents, last = path
    holder: Any = out
    for step in parents:
        holder = holder[step]
    holder[last] = value
    return out


def _agree(data: Any) -> None:
    assert _outcome(data, jsonread.readout_from_dict) == _outcome(
        data, jsonformat.readout_from_dict)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(readouts(), st.randoms(use_true_random=False))
def test_the_same_record_or_the_same_refusal(readout: Any, rnd: Any) -> None:
    data = jsonformat.readout_to_dict(readout)
    _agree(data)
    places = list(_places(data))
    for path in rnd.sample(places, min(12, len(places))):
        for value in rnd.sample(ODD_VALUES, 8):
            _agree(_spoiled(data, path, value))
    _agree({**data, "surprise_field": 1})


@pytest.mark.parametrize("data", [
    None, [], "readout", 3, {"title": "x", "participants": [{"given_name": "Ana"}]},
    {"title": "x", "points": ["one", {"text": "two", "level": 1.0}]},
    {"title": "x", "sessions": [{"start": "2023-05-03T09:10", "zone": "Asia/Tokyo",
                                  "printed_other": {"zone": "UTC"}}]},
    {"title": "x", "sessions": [{"fold": 1.0}, {"fold": 2}]},
    {"title": "x", "place": {"city": "Lima", "country": ""}, "mode": ""},
])
def test_odd_objects_are_refused_or_read_alike(data: Any) -> None:
    _agree(data)


def test_a_source_is_read_by_the_formats_own_reader() -> None:
    source = Source(kind="page", text="Text.", url="https://example.org/r",
                    spans=(("title", 0, 4),))
    data = jsonformat.readout_to_dict(Readout(title="Talks", meeting_date=dt.date(2023, 5, 3)))
    data["source"] = jsonformat.source_to_dict(source)
    assert jsonread.readout_from_dict(data).source == source
    _agree(data)
