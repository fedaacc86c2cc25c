"""The search syntax: what a user types becomes a query that never fails."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readout_desk.domain.query import Exact, Term, parse_query
from readout_desk.domain.records import Mode


def test_words_phrases_prefixes_and_or() -> None:
    q = parse_query('hayashi "free and open" cptp* peru OR chile')
    assert q.required == (
        (Term("hayashi"),),
        (Term("free and open", phrase=True),),
        (Term("cptp", prefix=True),),
        (Term("peru"), Term("chile")),
    )
    assert q.notes == ()


def test_exclusions_and_fields() -> None:
    q = parse_query('-ukraine NOT "east asia" person:gervasi topic:"osaka-kansai expo" '
                    "country:pe place:lima kind:plenary mode:video year:2023")
    assert q.excluded == (Term("ukraine"), Term("east asia", phrase=True))
    assert (Term("gervasi", column="people"),) in q.required
    assert (Term("osaka-kansai expo", phrase=True, column="topics"),) in q.required
    assert (Term("pe", column="countries"),) in q.required
    assert (Term("lima", column="place"),) in q.required
    assert (Term("plenary", column="kinds"),) in q.required
    assert q.modes == (Mode.VIDEO,)
    assert q.date_from == dt.date(2023, 1, 1) and q.date_to == dt.date(2023, 12, 31)


def test_whole_topics_and_people() -> None:
    """``topic=`` and ``person=`` take a whole value (a facet's filter), beside words."""
    q = parse_query('topic="Indo-Pacific" cptpp Person=ONO -who="Li Green"')
    assert q.exact == (Exact("topic", ("Indo-Pacific",)), Exact("person", ("ONO",)))
    assert q.exact_excluded == (Exact("person", ("Li Green",)),)
    assert q.required == ((Term("cptpp"),),) and q.notes == ()
    assert not q.is_empty and not parse_query('NOT topic="Trade"').is_empty
    # OR joins values of one field; a word or another field beside OR is required too.
    q = parse_query('person="ONO Haruka" OR person="Haruka Ono" OR person=Kim')
    assert q.exact == (Exact("person", ("ONO Haruka", "Haruka Ono", "Kim")),)
    q = parse_query('topic=APEC OR person=Kim')
    assert q.exact == (Exact("topic", ("APEC",)), Exact("person", ("Kim",)))
    assert "OR joins two person= values only" in q.notes[0]
    q = parse_query('topic=APEC OR trade')
    assert q.exact == (Exact("topic", ("APEC",)),) and q.required == ((Term("trade"),),)
    assert "OR joins" in q.notes[0]
    q = parse_query('trade OR topic=APEC')
    assert q.required == ((Term("trade"),),) and "OR joins" in q.notes[0]
    q = parse_query('topic=APEC year:2023 OR topic=G7')  # the year stands between them
    assert q.exact == (Exact("topic", ("APEC",)), Exact("topic", ("G7",)))
    # Spaces inside a value are one space; a * is no prefix here; no letters, no filter.
    q = parse_query('topic="  Free   and Open* " topic="--"')
    assert q.exact == (Exact("topic", ("Free and Open",)),)
    assert "the * was ignored" in q.notes[0] and "no letters" in q.notes[1]
    # Other words with "=" are words as before.
    assert parse_query("e=mc2").required == ((Term("e=mc2"),),)
    assert parse_query("place=lima").exact == ()


def test_date_ranges() -> None:
    q = parse_query("from:2023-05 to:2024")
    assert q.date_from == dt.date(2023, 5, 1) and q.date_to == dt.date(2024, 12, 31)
    q = parse_query("from:2023-02-30")
    assert q.date_from is None and "not a date" in q.notes[0]
    q = parse_query("from:2024 to:2023")
    assert "ends before it starts" in q.notes[-1]


@pytest.mark.parametrize("text", [
    '"unbalanced', "OR", "OR OR", "AND", "NOT", "-", "*", "***", "!!!", "((", ")", '""',
    "NEAR", "NEAR(a b)", "a AND OR b", "country:", "mode:submarine", "year:abc", "foo:bar",
    "in:nowhere", "-*", "'", "\\", "%_", "\x00", "é", "a:b:c", "“curly quotes”",
])
def test_malformed_input_is_read_sensibly(text: str) -> None:
    q = parse_query(text)  # never raises
    for clause in q.required:
        for term in clause:
            assert term.text.strip()


def test_unknown_field_is_searched_as_text() -> None:
    q = parse_query("http://example.org")
    assert q.required and q.required[0][0].phrase


def test_keywords_typed_in_lower_case_are_words() -> None:
    q = parse_query("peace or war not near")
    assert [c[0].text for c in q.required] == ["peace", "or", "war", "not", "near"]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_any_text_parses(text: str) -> None:
    parse_query(text)
