"""A team archive's words are SQLite's: the tokenizer that makes the ``tsvector`` lexemes
reads runs of letters, numbers and private-use characters, folded one character at a
time, exactly as the character-by-character rule says (no server needed)."""

from __future__ import annotations

import random

from readout_desk.archive import postgres_search
from readout_desk.archive.postgres_search import words
from readout_desk.domain import scripts


def _by_character(text: str) -> list[str]:
    """The rule itself, one character at a time."""
    found: list[str] = []
    current: list[str] = []
    for char in text:
        if postgres_search._is_token_char(char):
            current.append(postgres_search._fold_char(char))
        elif current:
            found.append("".join(current))
            current = []
    if current:
        found.append("".join(current))
    return found


def test_words_of_hand_picked_text() -> None:
    assert words("Café-au-lait_2, São Paulo; 外相会談 \ue001z") == [
        "cafe", "au", "lait", "2", "sao", "paulo", "外相会談", "\ue001z"]


def test_words_agree_with_the_rule_on_every_kind_of_character() -> None:
    rng = random.Random(7)
    planes = [chr(c) for c in range(0x20, 0x3400, 7)] + [
        chr(rng.randrange(0x3400, 0x110000)) for _ in range(3000)]
    pool = [c for c in planes if not 0xD800 <= ord(c) <= 0xDFFF] + list(
        "abcÉéü—_ 12\u0301\ue001外相会談ＣＰＴＰＰİß")
    for _ in range(5000):
        text = "".join(rng.choice(pool) for _ in range(rng.randrange(0, 30)))
        assert words(text) == _by_character(text), text


def test_words_of_plain_ascii_text_agree_with_the_rule() -> None:
    # ASCII text, most of an import's, is read by a shorter way of its own.
    rng = random.Random(11)
    pool = [chr(c) for c in range(128)]
    texts = ["Rule_of law, 2023-05-01: PM's U.S.-Japan talks", "A" * 3, ""]
    texts += ["".join(rng.choice(pool) for _ in range(rng.randrange(0, 40)))
              for _ in range(3000)]
    for text in texts:
        assert text.isascii()
        assert words(text) == _by_character(text), repr(text)


def test_no_word_or_run_holds_what_a_lexeme_would_escape() -> None:
    # An index entry writes its lexemes without escaping (postgres_search.document): that
    # holds while no character of a word (as folded) or of a run is a quote or a backslash.
    for code in range(0x110000):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF:
            continue
        kept = [postgres_search._fold_char(char)] if postgres_search._is_token_char(char) else []
        if scripts.RUN.fullmatch(char):
            kept.append(char)
        assert not any("'" in k or "\\" in k for k in kept), hex(code)
