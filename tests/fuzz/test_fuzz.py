"""Hostile input, generated: queries, pasted text and import files.

Each property holds for every input: no exception but the archive's own kinds, work
bounded in steps (terms searched, honorific checks per word), and an archive left
exactly as it was by every input it refuses. Bounded by examples, never by seconds.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readout_desk.archive import Archive, import_files
from readout_desk.domain import jsonformat
from readout_desk.domain.extract import people
from readout_desk.domain.query import MAX_TERMS, parse_query
from tests.archive.helpers import brazil_readout, lima_readout

FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])

#: Pieces of the query language, mixed with any characters at all (surrogates included).
QUERY_PIECES = st.sampled_from(['"', "*", "-", "OR", "|", "NOT", "AND", "(", ")", ":", "country:",
                                "person:", "from:", "to:", "year:", "mode:", "in:trash",
                                "in:all", "peru", "lima*", "\x00", "\udce9", "\ud800", "NEAR",
                                "^", "{", "}", "+", " "])
QUERIES = st.lists(st.one_of(QUERY_PIECES, st.text(max_size=8)), max_size=60).map("".join)


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    archive = Archive.open(tmp_path_factory.mktemp("fuzz") / "archive.sqlite3")
    archive.add_many([lima_readout(), brazil_readout()])
    yield archive
    archive.close()


@FUZZ
@given(text=QUERIES)
def test_any_query_is_answered_within_the_term_limit(shared: Archive, text: str) -> None:
    parsed = parse_query(text)
    assert sum(len(c) for c in parsed.required) + len(parsed.excluded) <= MAX_TERMS
    page = shared.search(parsed, limit=5)
    assert 0 <= page.total <= 2
    shared.facets(parsed)


HONORIFIC_PIECES = st.sampled_from(["H.E.", "Mr.", "Ms.", "His", "Excellency", "the", "Hon.",
                                    "Right", "Minister", "Foreign", "of", "Peru", "Ana",
                                    "Gervasi", ",", "(", ")", "HAYASHI", "Yoshimasa", "\n"])


@FUZZ
@given(words=st.lists(st.one_of(HONORIFIC_PIECES, st.text(max_size=6)), min_size=1,
                      max_size=400), repeat=st.integers(1, 60))
def test_finding_people_checks_each_word_a_bounded_number_of_times(
        words: list[str], repeat: int) -> None:
    text = " ".join(words * repeat)
    calls = [0]
    checks = people._is_honorific

    def counted(tokens: list[people.Token], i: int) -> bool:
        calls[0] += 1
        return checks(tokens, i)

    people._is_honorific = counted
    try:
        people.find_people(text, 0, len(text))
    finally:
        people._is_honorific = checks
    assert calls[0] <= 12 * max(1, len(people.tokenize(text, 0, len(text))))


def _fingerprint(archive: Archive) -> tuple[int, list[tuple[int, int]]]:
    ids = archive.all_ids(include_trash=True)
    return len(ids), [(r.id or 0, r.version) for r in archive.get_many(ids)]


#: A JSON value to put where a field's value goes.
ODD_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=10**20, max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=20),
    st.sampled_from(["9999-12-31T23:59", "0001-01-01T00:00", "2023-05-03 and then some",
                     "inf", "1e400", "-5", "\x00", "\ud800", "America/Los_Angeles", "P1D",
                     "../x.jpg", "=1+1"]),
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5),
                                                         st.integers(), max_size=2))


@st.composite
def odd_documents(draw: st.DrawFn) -> str:
    """The Lima readout's JSON with some field, at any depth, set to an odd value."""
    data = jsonformat.document([lima_readout()])
    node: object = data
    path = []
    for _ in range(draw(st.integers(1, 4))):
        if isinstance(node, dict) and node:
            key = draw(st.sampled_from(sorted(node)))
        elif isinstance(node, list) and node:
            key = draw(st.integers(0, len(node) - 1))
        else:
            break
        path.append((node, key))
        node = node[key]
    if path:
        parent, key = path[-1]
        parent[key] = draw(ODD_VALUES)
    return json.dumps(data, ensure_ascii=draw(st.booleans()))


@FUZZ
@given(document=odd_documents())
def test_any_json_import_is_reported_and_a_refused_one_changes_nothing(
        shared: Archive, tmp_path_factory: pytest.TempPathFactory, document: str) -> None:
    source = tmp_path_factory.mktemp("in") / "odd.json"
    source.write_text(document, encoding="utf-8", errors="surrogatepass")
    before = _fingerprint(shared)
    summary = import_files(shared, [source], skip_duplicates=False)
    (outcome,) = summary.files
    if outcome.error:
        assert _fingerprint(shared) == before
        assert "unexpected" not in outcome.error.lower()
    else:
        shared.purge(outcome.imported)


CSV_CELLS = st.one_of(st.text(max_size=30), ODD_VALUES.map(str),
                      st.sampled_from(["x" * 140_000, "inf", "1e400", "9" * 5000,
                                       "9999-12-31", "0001-01-01", "31/02/2023"]))


@FUZZ
@given(cells=st.lists(CSV_CELLS, min_size=4, max_size=4),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "latin-1"]))
def test_any_csv_import_is_reported_and_a_refused_one_changes_nothing(
        shared: Archive, tmp_path_factory: pytest.TempPathFactory, cells: list[str],
        encoding: str) -> None:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["title", "meeting_date", "total_minutes", "session_start"])
    writer.writerow(cells)
    source = tmp_path_factory.mktemp("in") / "odd.csv"
    source.write_bytes(buffer.getvalue().encode(encoding, errors="replace"))
    before = _fingerprint(shared)
    summary = import_files(shared, [source], skip_duplicates=False)
    (outcome,) = summary.files
    if outcome.error:
        assert _fingerprint(shared) == before
    else:
        shared.purge(outcome.imported)


def test_the_fuzzed_archive_is_sound(shared: Archive) -> None:
    assert shared.integrity_problems() == []
    assert Path(str(shared.path)).exists()
