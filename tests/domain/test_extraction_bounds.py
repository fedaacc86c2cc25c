"""Extraction does work in proportion to the text, whatever the text repeats."""

from __future__ import annotations

import pytest

from readout_desk.domain.extract import people

#: At most this many honorific checks per word of the text.
CHECKS_PER_WORD = 12
ONE_MB = 1 << 20


@pytest.mark.parametrize("unit", ["H.E. ", "His Excellency the Right Honourable ",
                                  "H.E. Ms. Ana ", "Minister H.E. "])
def test_finding_people_is_linear_in_repeated_honorifics(
        unit: str, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = [0]
    checks = people._is_honorific

    def counted(tokens: list[people.Token], i: int) -> bool:
        calls[0] += 1
        return checks(tokens, i)

    monkeypatch.setattr(people, "_is_honorific", counted)
    text = unit * (ONE_MB // len(unit))
    words = len(people.tokenize(text, 0, len(text)))
    people.find_people(text, 0, len(text))
    assert calls[0] <= CHECKS_PER_WORD * words, (calls[0], words)
