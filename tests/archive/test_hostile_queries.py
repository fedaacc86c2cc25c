"""Queries nobody means to type: odd characters and endless lists of words."""

from __future__ import annotations

import io

import pytest

from readout_desk import cli
from readout_desk.archive import Archive
from readout_desk.domain.query import MAX_QUERY_CHARS, MAX_TERMS, parse_query
from tests.archive.helpers import lima_readout

#: Each test on an archive runs on SQLite and on PostgreSQL (tests/archive/conftest.py).
BOTH_BACKENDS = True


@pytest.mark.parametrize("text", ["caf\udce9", "\ud800", "peru\x00", "a\x00b", "\udfff peru",
                                  "\x1b[31m peru", '"peru\x00"', "person:\ud800"])
def test_odd_characters_are_searched_or_left_out(archive: Archive, text: str) -> None:
    archive.add(lima_readout())
    page = archive.search(text)
    assert page.total >= 0


def test_a_byte_from_a_latin_1_terminal_is_read_as_its_letter() -> None:
    assert parse_query("caf\udce9").words == ("café",)


def test_a_query_of_many_words_is_cut_to_the_limit_and_says_so() -> None:
    parsed = parse_query("peru " * 1000)
    assert parsed.words == ("peru",)  # the same word twice asks nothing more
    many = parse_query(" OR ".join(f"w{i}*" for i in range(400)))
    assert sum(len(c) for c in many.required) == MAX_TERMS
    assert any(str(MAX_TERMS) in note for note in many.notes)


def test_a_very_long_query_is_cut_and_says_so() -> None:
    parsed = parse_query("x" * (MAX_QUERY_CHARS * 3))
    assert any(f"{MAX_QUERY_CHARS}" in note for note in parsed.notes)
    assert len(parsed.words[0]) <= MAX_QUERY_CHARS


def test_long_queries_are_answered(archive: Archive) -> None:
    archive.add(lima_readout())
    assert archive.search("peru " * 1000).message
    assert archive.search(" OR ".join(["peru*", "lima*"] * 300)).total == 1


def test_the_command_line_takes_a_minus_word(archive_path: str) -> None:
    with Archive.open(archive_path) as archive:
        archive.add(lima_readout())
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["--db", str(archive_path), "search", "peru", "-ukraine"], out, err)
    assert code == 0, err.getvalue()
    assert out.getvalue().startswith("0 hits")
    code = cli.main(["--db", str(archive_path), "search", "peru", "-cptpp*", "--limit", "5"],
                    out, err)
    assert code == 0, err.getvalue()
