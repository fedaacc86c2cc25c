"""Writing systems: one form of both widths, runs, what a typed word asks for, the language."""

from __future__ import annotations

import random
import re

import pytest

from readout_desk.archive import Archive
from readout_desk.domain import jsonformat, scripts


@pytest.mark.parametrize(("typed", "normalised"), [
    ("ＣＰＴＰＰ", "CPTPP"), ("ｶﾀｶﾅ", "カタカナ"), ("ﾐﾗﾍﾞﾙﾄ", "ミラベルト"), ("５月３日", "5月3日"),
    ("日・ペルー", "日・ペルー"), ("\u3000", " "),
])
def test_normalise_width_makes_one_form_of_both_widths(typed: str, normalised: str) -> None:
    assert scripts.normalise_width(typed) == normalised


def test_runs_keep_digits_written_among_kanji_and_leave_latin_words_apart() -> None:
    text = scripts.index_text("令和５年５月３日、ＣＰＴＰＰ協定とＧ７首脳会議・ペルー")
    assert scripts.runs(text) == ["令和5年5月3日", "協定と", "首脳会議", "ペルー"]
    assert "CPTPP\u200b協定" in text and "G7\u200b首脳" in text
    assert scripts.index_text("Minister Hayashi") == "Minister Hayashi"


def _index_text_in_full(text: str) -> str:
    """:func:`scripts.index_text` without its shortcuts: normalised, then every Latin word
    touching a run edged."""
    normalised = scripts.normalise_width(text)
    return re.sub("[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*", lambda m: (
        (scripts.EDGE if m.start() > 0 and scripts.has_cjk(normalised[m.start() - 1]) else "")
        + m.group()
        + (scripts.EDGE if scripts.has_cjk(normalised[m.end():m.end() + 1]) else "")),
        normalised) if scripts.has_cjk(normalised) else normalised


def test_the_index_text_shortcuts_change_nothing() -> None:
    rng = random.Random(7)
    letters = "abZ09 ＡＢ１２外相会談ｶﾀｶﾅーé\u00a0①、。（）：\u3000ﾞ\u3099か\uff5e\uff5f～"
    texts = ["".join(rng.choice(letters) for _n in range(rng.randint(1, 40)))
             for _i in range(5_000)]
    texts += ["外相会談（東京）", "外相会談で意見交換", "ＣＰＴＰＰ協定", "CPTPP協定", "か\u3099"]
    assert [scripts.index_text(t) for t in texts] == [_index_text_in_full(t) for t in texts]


def test_a_typed_word_is_its_runs_and_the_rest() -> None:
    assert scripts.pieces("林CPTPP") == (("林",), "CPTPP")
    assert scripts.pieces("外相会談") == (("外相会談",), "")
    assert scripts.pieces("minister") == ((), "minister")
    assert scripts.pieces("日・ペルー") == (("日", "ペルー"), "・")


@pytest.mark.parametrize(("texts", "language"), [
    (["日・ペルー外相会談", "林芳正外務大臣は、ペルー共和国外務大臣と会談を行いました。"], "ja"),
    (["Japan-Peru Foreign Ministers' Meeting", "Minister Hayashi met 林芳正."], "en"),
    (["中华人民共和国外交部长会见"], "en"),  # kanji without kana is not taken for Japanese
    (["ＣＰＴＰＰについて意見交換を行いました。CPTPP"], "ja"),
    ([""], "en"),
])
def test_the_language_follows_the_script_of_most_letters(texts: list[str], language: str
                                                         ) -> None:
    assert scripts.language_of(texts) == language


def test_a_readout_saved_without_a_language_gets_the_one_its_text_is_in() -> None:
    data = {"title": "日・ペルー外相会談", "meeting_date": "2023-05-03",
            "lead": "林芳正外務大臣は、ペルー共和国外務大臣と会談を行いました。"}
    english = {"title": "Japan-Peru Meeting", "meeting_date": "2023-05-03",
               "lead": "Minister Hayashi met the Foreign Minister of Peru."}
    given = dict(data, language="de")
    with Archive.open(None) as archive:
        ids = archive.add_many([jsonformat.readout_from_dict(d) for d in (data, english, given)])
        assert [archive.get(i).language for i in ids] == ["ja", "en", "de"]
