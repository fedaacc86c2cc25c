"""One truth for the JSON format: the published schema agrees with the program's own reader.

The program's verdict on a document is that of :func:`jsonformat.readouts_from_json` and
:func:`validation.problems` together, as an import applies them. The schema
(``docs/readout-desk.schema.json``) must give the same verdict on every document, valid or
not, except for the checks a schema cannot make, which need reference data or arithmetic
(a zone or a country code that does not exist, a wall time the zone skips or repeats, a
day the calendar does not have, a session ending before it starts): those documents the
schema accepts and the program refuses, and they are listed here and in JSON_FORMAT.md.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readout_desk.archive.demo import demo_readouts
from readout_desk.domain import extract, jsonformat, validation
from readout_desk.domain.records import Readout
from tests.transfer.strategies import valid_readouts

REPO = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((REPO / "docs" / "readout-desk.schema.json").read_text("utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
FORMAT_DOC = REPO / "docs" / "JSON_FORMAT.md"

#: The program's problems that no schema can see, one pattern per kind.
BEYOND_THE_SCHEMA = {
    "a zone that does not exist": re.compile(r"is not a known IANA"),
    "a country code that is not assigned": re.compile(r"is not an ISO 3166"),
    "a wall time the clocks skip": re.compile(r"does not exist in"),
    "a wall time that occurs twice, without a fold": re.compile(r"occurs twice in"),
    "a session that ends before it starts": re.compile(r"ends before it starts"),
    "a day the calendar does not have": re.compile(r"should be a (date|local time) like"),
}


def program_problems(document: Any) -> list[str]:
    """Why the program refuses ``document`` (empty when it imports it)."""
    try:
        readouts = jsonformat.readouts_from_json(document)
    except jsonformat.FormatError as exc:
        return [str(exc)]
    return [p for r in readouts for p in validation.problems(r)]


def schema_problems(document: Any) -> list[str]:
    return [f"/{'/'.join(str(p) for p in e.absolute_path)}: {e.message}"
            for e in VALIDATOR.iter_errors(document)]


def beyond_the_schema(problem: str) -> bool:
    return any(p.search(problem) for p in BEYOND_THE_SCHEMA.values())


def assert_agree(document: Any) -> None:
    """Both accept, or both refuse, or only the program refuses for a reason beyond a schema."""
    program, schema = program_problems(document), schema_problems(document)
    if program and not schema:
        assert all(beyond_the_schema(p) for p in program), (
            f"only the program refuses: {program}")
    else:
        assert bool(program) == bool(schema), f"program: {program}; schema: {schema}"


def lima_document() -> dict[str, Any]:
    """The faithful Lima readout of the demo as a document: two sessions, printed times."""
    lima = next(r for r in demo_readouts() if not r.is_sample)
    return jsonformat.document([lima])


def changed(document: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    """A deep copy of ``document`` with the value at ``path`` replaced (or added)."""
    out = copy.deepcopy(document)
    target: Any = out
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return out


def without(document: dict[str, Any], path: tuple[Any, ...]) -> dict[str, Any]:
    out = copy.deepcopy(document)
    target: Any = out
    for step in path[:-1]:
        target = target[step]
    del target[path[-1]]
    return out


R = ("readouts", 0)
S = (*R, "sessions", 0)

# --- documents both refuse ---------------------------------------------------------------------

REFUSED: list[tuple[str, tuple[Any, ...], Any]] = [
    ("an unknown field in a readout", (*R, "colour"), "blue"),
    ("a misspelt field", (*R, "meeting_day"), "2023-05-03"),
    ("an unknown field in a session", (*S, "venue"), "Torre Tagle"),
    ("an unknown field in the place", (*R, "place", "region"), "Lima"),
    ("an unknown field in a participant", (*R, "participants", 0, "title"), "Mr."),
    ("an unknown field in a printed time", (*S, "printed_other", "offset"), "+09:00"),
    ("an unknown field in the document", ("generator",), "Readout Desk"),
    ("a cross-check that is not a list", ("cross_check",), {"file": "x.txt"}),
    ("a cross-check of texts", ("cross_check",), ["x.txt"]),
    ("a mode synonym", (*R, "mode"), "phone"),
    ("a mode in capitals", (*R, "mode"), "Telephone"),
    ("an unknown mode", (*R, "mode"), "by carrier pigeon"),
    ("an unknown name order", (*R, "participants", 0, "name_order"), "surname-first"),
    ("a title that is a number", (*R, "title"), 5),
    ("sessions as an object", (*R, "sessions"), {}),
    ("relation as text", (*R, "relation"), "JP"),
    ("a topic that is a number", (*R, "topics", 0), 1),
    ("is_sample as text", (*R, "is_sample"), "yes"),
    ("is_sample as a number", (*R, "is_sample"), 0),
    ("a duration as text", (*S, "duration_minutes"), "15"),
    ("a fractional duration", (*S, "duration_minutes"), 15.5),
    ("a zero duration", (*S, "duration_minutes"), 0),
    ("a duration over a day", (*S, "duration_minutes"), 1441),
    ("fold true", (*S, "fold"), True),
    ("fold 2", (*S, "fold"), 2),
    ("a negative point level", (*R, "points", 0, "level"), -1),
    ("a negative save count", (*R, "version"), -1),
    ("an id as text", (*R, "id"), "12"),
    ("a country name in the relation", (*R, "relation", 0), "Japan"),
    ("a three-letter country code", (*R, "place", "country"), "PER"),
    ("a blank family name", (*R, "participants", 0, "family_name"), " "),
    ("a null family name", (*R, "participants", 0, "family_name"), None),
    ("an empty point", (*R, "points", 0), " "),
    ("a point with blank text", (*R, "points", 0, "text"), "  "),
    ("a point that is a number", (*R, "points", 0), 3),
    ("a photo file named like a drive", (*R, "photos", 0, "file"), "2023-05-03T09:10"),
    ("a photo file above its folder", (*R, "photos", 0, "file"), "../../secret/S.txt"),
    ("an absolute photo file", (*R, "photos", 0, "file"), "/etc/passwd"),
    ("a photo file with backslashes", (*R, "photos", 0, "file"), "photos\\\\lima.jpg"),
    ("a photo file with an empty step", (*R, "photos", 0, "file"), "photos//lima.jpg"),
    ("a printed time without its zone", (*S, "printed_other", "zone"), None),
    ("a printed time without its wall time", (*S, "printed_other", "local"), ""),
    ("a start without a zone", (*S, "zone"), None),
    ("a start with an empty zone", (*S, "zone"), ""),
    ("a date without leading zeros", (*R, "meeting_date"), "2023-5-3"),
    ("a date in another order", (*R, "meeting_date"), "03/05/2023"),
    ("a date without dashes", (*R, "meeting_date"), "20230503"),
    ("month 13", (*R, "meeting_date"), "2023-13-01"),
    ("a wall time with an offset", (*S, "start"), "2023-05-03T09:10-05:00"),
    ("a wall time with Z", (*S, "start"), "2023-05-03T09:10Z"),
    ("a wall time with a space", (*S, "start"), "2023-05-03 09:10"),
    ("a wall time without minutes", (*S, "start"), "2023-05-03T09"),
    ("hour 24", (*S, "start"), "2023-05-03T24:00"),
    ("an instant without Z", (*R, "created_at"), "2023-05-03T14:10:00"),
    ("an instant with an offset", (*R, "created_at"), "2023-05-03T14:10:00+00:00"),
    ("another format", ("format",), "calendar"),
    ("a later format version", ("version",), 2),
    ("format version 0", ("version",), 0),
    ("a version as text", ("version",), "1"),
    ("readouts as an object", ("readouts",), {}),
    ("a readout that is not an object", ("readouts", 0), "Lima"),
    ("neither title nor section", (*R, "title"), ""),
    ("no date at all", (*R, "meeting_date"), None),
]


def _refused_document(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    document = changed(lima_document(), path, value)
    if path in {(*R, "title"), (*R, "meeting_date")}:
        other = "section" if path[-1] == "title" else "published_date"
        document["readouts"][0][other] = None
    return document


@pytest.mark.parametrize(("reason", "path", "value"), REFUSED, ids=[c[0] for c in REFUSED])
def test_both_refuse(reason: str, path: tuple[Any, ...], value: Any) -> None:
    document = _refused_document(path, value)
    assert program_problems(document), f"the program accepts {reason}"
    assert schema_problems(document), f"the schema accepts {reason}"


def test_the_program_names_a_misspelt_field_and_the_likely_one() -> None:
    document = changed(lima_document(), (*R, "meeting_day"), "2023-05-03")
    assert program_problems(document) == [
        "readouts[0].meeting_day is not a field of the readout-desk format, version 1 "
        "(did you mean meeting_date?)"]
    document = changed(lima_document(), ("generator",), "Readout Desk 2")
    assert program_problems(document) == [
        "generator is not a field of the readout-desk format, version 1"]


# --- documents both accept ---------------------------------------------------------------------

ACCEPTED: list[tuple[str, tuple[Any, ...], Any]] = [
    ("null for a text", (*R, "occasion"), None),
    ("null for a list", (*R, "topics"), None),
    ("null for a flag", (*R, "is_sample"), None),
    ("null for the mode", (*R, "mode"), None),
    ("null for the name order", (*R, "participants", 0, "name_order"), None),
    ("an empty zone for the place", (*R, "place", "zone"), ""),
    ("an empty country", (*R, "place", "country"), ""),
    ("an empty date", (*R, "retrieved_date"), ""),
    ("null for an instant", (*R, "updated_at"), None),
    ("a lower-case country code", (*R, "place", "country"), "pe"),
    ("a whole number written with a decimal point", (*S, "duration_minutes"), 15.0),
    ("the version written with a decimal point", ("version",), 1.0),
    ("a point as a plain string", (*R, "points", 0), "Both ministers spoke."),
    ("a wall time with seconds", (*S, "end"), "2023-05-03T09:25:30"),
    ("an instant without fractions", (*R, "created_at"), "2023-05-03T14:10:00Z"),
    ("a fold for a time that occurs once", (*S, "fold"), 0),
    ("no place", (*R, "place"), None),
    ("no printed time", (*S, "printed_other"), None),
    ("an unknown id", (*R, "id"), -4),
    ("the cross-check parse --json adds", ("cross_check",),
     [{"file": "lima.txt", "sessions": [{"ok": True}], "notes": []}]),
]


@pytest.mark.parametrize(("reason", "path", "value"), ACCEPTED, ids=[c[0] for c in ACCEPTED])
def test_both_accept(reason: str, path: tuple[Any, ...], value: Any) -> None:
    document = changed(lima_document(), path, value)
    assert program_problems(document) == [], reason
    assert schema_problems(document) == [], reason


@pytest.mark.parametrize("left_out", [("format",), ("version",), (*R, "sessions"),
                                      (*R, "mode"), (*S, "fold"), (*S, "kind")])
def test_a_field_left_out_reads_as_not_stated(left_out: tuple[Any, ...]) -> None:
    document = without(lima_document(), left_out)
    assert program_problems(document) == []
    assert schema_problems(document) == []


def _demo_documents() -> Iterator[Any]:
    folder = Path(str(resources.files("readout_desk.resources") / "demo"))
    for path in sorted(folder.glob("*.json")):
        yield pytest.param(json.loads(path.read_text("utf-8")), id=path.name)


@pytest.mark.parametrize("document", list(_demo_documents()))
def test_every_demo_file_is_accepted_by_both(document: Any) -> None:
    assert program_problems(document) == []
    assert schema_problems(document) == []


def test_the_shared_examples_read_as_drafts_get_one_verdict(examples_dir: Path) -> None:
    texts = sorted(examples_dir.glob("*.txt"))
    assert len(texts) >= 8
    accepted = 0
    for path in texts:
        draft = extract.extract(path.read_bytes()).readout
        document = jsonformat.document([draft])
        assert_agree(document)
        accepted += not program_problems(document)
    assert accepted >= 6  # most drafts are complete enough to import as they stand


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.lists(valid_readouts, min_size=1, max_size=3))
def test_generated_archives_are_accepted_by_both(readouts: list[Readout]) -> None:
    document = json.loads(json.dumps(jsonformat.document(readouts)))
    assert program_problems(document) == []
    assert schema_problems(document) == []


# --- what only the program can check -----------------------------------------------------------

BEYOND: list[tuple[str, tuple[Any, ...], Any]] = [
    ("a zone that does not exist", (*S, "zone"), "Mars/Olympus"),
    ("a zone that does not exist", (*R, "place", "zone"), "Europe/Atlantis"),
    ("a zone that does not exist", (*S, "printed_other", "zone"), "Asia/Edo"),
    ("a country code that is not assigned", (*R, "relation", 0), "XX"),
    ("a country code that is not assigned", (*R, "participants", 0, "country"), "ZZ"),
    ("a day the calendar does not have", (*R, "meeting_date"), "2023-02-30"),
    ("a day the calendar does not have", (*S, "start"), "2023-02-29T09:10"),
    ("a session that ends before it starts", (*S, "end"), "2023-05-03T08:00"),
]

TIMING_CASES: list[tuple[str, str, str, int | None]] = [
    ("a wall time the clocks skip", "2025-03-30T02:30", "Europe/Berlin", None),
    ("a wall time that occurs twice, without a fold", "2025-11-02T01:30", "America/New_York",
     None),
]


@pytest.mark.parametrize(("kind", "path", "value"), BEYOND, ids=[f"{c[0]}: {c[2]}" for c in BEYOND])
def test_only_the_program_refuses_what_needs_reference_data(kind: str, path: tuple[Any, ...],
                                                            value: Any) -> None:
    document = changed(lima_document(), path, value)
    assert schema_problems(document) == []
    problems = program_problems(document)
    assert problems and all(BEYOND_THE_SCHEMA[kind].search(p) for p in problems), problems


@pytest.mark.parametrize(("kind", "start", "zone", "fold"), TIMING_CASES,
                         ids=[c[0] for c in TIMING_CASES])
def test_only_the_program_refuses_what_needs_the_zone_rules(kind: str, start: str, zone: str,
                                                           fold: int | None) -> None:
    document = lima_document()
    session = document["readouts"][0]["sessions"][0]
    session.update(start=start, zone=zone, fold=fold, end=None, printed_other=None)
    assert schema_problems(document) == []
    problems = program_problems(document)
    assert problems and all(BEYOND_THE_SCHEMA[kind].search(p) for p in problems), problems


def test_the_format_document_lists_what_only_the_program_checks() -> None:
    text = FORMAT_DOC.read_text("utf-8")
    section = text.split("## Checks on import", 1)[1].split("\n## ", 1)[0]
    for words in ("zone", "ISO 3166", "does not exist in its zone", "occurs twice",
                  "calendar", "ends before it starts"):
        assert words in section, words


# --- any change to a valid document ------------------------------------------------------------

#: Values put in place of a field, element or object: every JSON type and the edge cases.
REPLACEMENTS = st.sampled_from([None, True, False, 0, 1, -1, 2, 1441, 1.5, 15.0, "", " ", "x",
                                "2023-05-03", "2023-05-03T09:10", [], ["x"], {}, {"x": 1}])


def _places(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every path below ``node``: each field of each object and each element of each list."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield (*path, key)
            yield from _places(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield (*path, i)
            yield from _places(value, (*path, i))


def _at(node: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        node = node[step]
    return node


def _objects(document: dict[str, Any]) -> list[tuple[Any, ...]]:
    """The path of every object in ``document``, the document itself first."""
    return [(), *(p for p in _places(document) if isinstance(_at(document, p), dict))]


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.lists(valid_readouts, min_size=1, max_size=2), st.data())
def test_any_one_change_gets_one_verdict(readouts: list[Readout], data: st.DataObject) -> None:
    document = json.loads(json.dumps(jsonformat.document(readouts)))
    if data.draw(st.booleans(), label="add a field"):
        where = data.draw(st.sampled_from(list(_objects(document))), label="object")
        key = data.draw(st.sampled_from(["colour", "meeting_day", "Title", "x"]), label="key")
        mutated = changed(document, (*where, key), data.draw(REPLACEMENTS, label="value"))
    else:
        path = data.draw(st.sampled_from(list(_places(document))), label="path")
        mutated = changed(document, path, data.draw(REPLACEMENTS, label="value"))
    assert_agree(mutated)
