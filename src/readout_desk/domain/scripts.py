"""Writing systems in a readout's text: Japanese runs, one form of both widths, the language.

Japanese is written without spaces, so a word inside a run of kanji and kana cannot be
told apart by a tokenizer that splits on spaces and punctuation. This module says what a
run is (:data:`RUN`: kanji, hiragana and katakana, with the digits written among them, as
in ``令和5年5月3日``), makes full-width and half-width forms one (:func:`normalise_width`: NFKC,
so ``ＣＰＴＰＰ`` is ``CPTPP`` and ``ｶﾀｶﾅ`` is ``カタカナ``), cuts what a person typed into
the runs to find as substrings and the rest (:func:`pieces`), and guesses a readout's
language from the script its text is written in (:func:`language_of`).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

#: Kanji (with the iteration marks 々 〆), hiragana, katakana and the prolonged sound mark
#: ー; not the middle dot ・, which separates words as punctuation does.
CJK = ("\u3005\u3006\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff"
       "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff")


@functools.cache
def _run() -> re.Pattern[str]:
    """A run: CJK characters with the digits written among them (``5月3日``, ``令和5年``).

    Compiled when first asked for (as ``RUN``): its three classes of CJK ranges take
    Python's compiler 7-15 ms, which the window's first page, Latin text and most of the
    command line never need."""
    return re.compile(f"[0-9{CJK}]*[{CJK}][0-9{CJK}]*")


def __getattr__(name: str) -> re.Pattern[str]:
    """``RUN``, the pattern of a run (see :func:`_run`), made on first use."""
    if name == "RUN":
        return _run()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@functools.cache
def _cjk() -> re.Pattern[str]:
    """One CJK character; compiled on first use, as :func:`_run` is (2-8 ms)."""
    return re.compile(f"[{CJK}]")


_KANA = re.compile("[\u3041-\u3096\u30a1-\u30fa]")
_LATIN_WORD = re.compile("[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*")
_LATIN_LETTER = re.compile("[A-Za-z]")  # in every Latin word
_LETTER = re.compile(r"[^\W\d_]")
#: Between a run and a Latin word that touches it in the index text, so that ``CPTPP協定``
#: holds the word ``cptpp``. Invisible, and dropped again from snippets.
EDGE = "\u200b"


#: The full-width forms of ASCII and the ideographic space, as NFKC has them: each
#: stands alone (nothing composes with it), so mapping them first changes nothing else.
_FULL_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def _nfkc(text: str) -> str:
    """NFKC, the full-width forms of ASCII mapped first: what Japanese text mostly needs,
    done in a tenth of the time."""
    mapped = text.translate(_FULL_WIDTH)
    return mapped if unicodedata.is_normalized("NFKC", mapped) else normalise_width(mapped)


def normalise_width(text: str) -> str:
    """NFKC: full-width letters, digits and signs and half-width katakana become the usual."""
    return unicodedata.normalize("NFKC", text)


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds any kanji or kana."""
    return _cjk().search(text) is not None


def runs(text: str) -> list[str]:
    """The runs of ``text`` (already normalised), in order."""
    if text.isascii():  # the common case, answered without the pattern
        return []
    return _run().findall(text)


def index_text(text: str) -> str:
    """``text`` as the full-text index holds it: widths normalised, and an invisible
    :data:`EDGE` where a Latin word meets a run (``CPTPP協定`` → ``CPTPP\u200b協定``). Digits
    alone stay with their run (``5月3日``); the digits of a Latin word (``G7``) go with the
    word."""
    if text.isascii():  # NFKC leaves ASCII as it is, and it holds no run
        return text
    # Asked first, as most text is already in NFKC and most Japanese text has no Latin
    # letter: far quicker than normalising or editing it, and a snippet of a readout
    # makes its index text again (archive/sqlite_index.py).
    normalised = text if unicodedata.is_normalized("NFKC", text) else _nfkc(text)
    if not has_cjk(normalised) or _LATIN_LETTER.search(normalised) is None:
        return normalised

    def edged(m: re.Match[str]) -> str:
        before = m.start() > 0 and _cjk().match(normalised, m.start() - 1) is not None
        after = _cjk().match(normalised, m.end()) is not None
        return (EDGE if before else "") + m.group() + (EDGE if after else "")

    return _LATIN_WORD.sub(edged, normalised)


def pieces(text: str) -> tuple[tuple[str, ...], str]:
    """What a typed word or phrase asks for: its runs (each to be found as a substring),
    and the rest with the runs taken out (words to be found as words; may be empty)."""
    indexed = index_text(text)
    found = tuple(runs(indexed))
    rest = " ".join(_run().sub(" ", indexed).replace(EDGE, " ").split()) if found else indexed
    return found, rest


def language_of(texts: Iterable[str], default: str = "en") -> str:
    """``ja`` when most of the letters of ``texts`` are kanji or kana and some are kana
    (Chinese is written in kanji alone), else ``default``."""
    cjk = letters = kana = 0
    for text in texts:
        for char in text:
            if _cjk().match(char):
                cjk += 1
                letters += 1
                kana += _KANA.match(char) is not None
            elif _LETTER.match(char):
                letters += 1
    return "ja" if letters and cjk * 2 > letters and kana else default
