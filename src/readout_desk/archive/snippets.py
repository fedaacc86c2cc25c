"""Snippets made in Python: a Japanese hit's window of text, the runs of the query marked.

The table of runs keeps no text, so a hit it finds has its snippet cut here from the text
of the table of words (its columns, as the index reads them), in the column where the
runs weigh most; where the table of words ranks, its own snippet has the runs marked.
Both are cut only when a row is shown (:func:`later`). The marks are the ones every
snippet of either backend uses (:data:`HIGHLIGHT_START`, :data:`HIGHLIGHT_END`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from readout_desk.archive.backend import HIT_COLUMNS
from readout_desk.archive.hits import tidy
from readout_desk.domain import scripts

#: Marks around highlighted words in snippets; control characters no readout contains,
#: so a view can escape the text first and then turn the marks into highlighting.
HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"

#: Columns of context before the first run found (a kanji or kana takes two, as on the
#: screen: a results column some 11 kanji wide shows the run after four of them), and the
#: most characters a snippet shows.
_BEFORE, _WIDTH = 8, 80
#: Where a clause of Japanese text ends: a snippet's context starts after the last one.
_CLAUSE_ENDS = frozenset("。、，．！？\n")


def _lead_in(text: str, at: int) -> int:
    """Where a snippet of ``text`` starts to show the run at ``at``: a few words of
    context before it (:data:`_BEFORE`), no further back than the start of its clause,
    so that in a narrow column the run itself is seen."""
    start, columns = at, 0
    while start > 0 and columns < _BEFORE:
        before = text[start - 1]
        if before in _CLAUSE_ENDS:
            break
        columns += 2 if unicodedata.east_asian_width(before) in "WF" else 1
        start -= 1
    return start


def _marker(runs: Sequence[str]) -> Callable[[str], str]:
    """A function that marks every run in a text (the longest first where they overlap)."""
    pattern = re.compile("|".join(re.escape(r) for r in sorted(set(runs), key=len,
                                                                reverse=True)))
    return lambda text: pattern.sub(lambda m: HIGHLIGHT_START + m.group() + HIGHLIGHT_END,
                                    text)


def cjk_snippet(columns: Sequence[str | None], runs: Sequence[str], weights: Sequence[float],
                mark: Callable[[str], str] | None = None) -> str:
    """A window of the column where the runs occur most (by the columns' weights; the
    first such column on a tie, the first with text if none holds a run), with every run
    marked; where the ranking table is the table of words, its own snippet gets the runs
    marked instead (:func:`.sqlite_search.finish_rows`). ``weights``: the columns' in table
    order. Cut for each row shown, so it keeps to the
    string methods."""
    if len(runs) == 1:
        run = runs[0]
        scores = [text.count(run) * w if text else 0 for text, w in zip(columns, weights,
                                                                          strict=False)]
    else:
        scores = [sum(map(text.count, runs)) * w if text else 0
                  for text, w in zip(columns, weights, strict=False)]
    top = max(scores, default=0)
    text = (columns[scores.index(top)] if top > 0 else next((c for c in columns if c), "")) or ""
    found = [i for i in map(text.find, runs) if i >= 0]
    start = _lead_in(text, min(found)) if found else 0
    cut = text[start:start + _WIDTH]
    if scripts.EDGE in cut:
        cut = cut.replace(scripts.EDGE, "")
    if "\n" in cut:
        cut = cut.replace("\n", " ")
    # The ellipses hold no run: marking the cut alone marks the same places.
    return (("…" if start else "") + (mark or _marker(runs))(cut)
            + ("…" if start + _WIDTH < len(text) else ""))


def _cut_cjk(columns: Sequence[str | None], runs: Sequence[str], weights: Sequence[float],
             mark: Callable[[str], str]) -> str:
    """A Japanese hit's snippet as its hit shows it (:func:`cjk_snippet`, lines joined)."""
    return tidy(cjk_snippet(columns, runs, weights, mark))


def _mark_words(snippet: str | None, mark: Callable[[str], str]) -> str:
    """The table of words' own snippet with the runs marked, as its hit shows it."""
    return tidy(mark(str(snippet or "").replace(scripts.EDGE, "")))


def later(rows: Sequence[Sequence[Any]], runs: Sequence[str], weights: Sequence[float],
          words_snippet: bool = False) -> list[tuple[Any, ...]]:
    """Results rows as :data:`HIT_COLUMNS` whose snippet is a function that cuts it
    (:class:`~readout_desk.domain.results.SearchHit` calls it when first asked): the
    window shows a few rows of a page, and only those are cut. ``words_snippet``: the
    rows end with the table of words' snippet, to be marked, not with texts to cut from."""
    width = len(HIT_COLUMNS) - 1
    mark = _marker(runs)
    if words_snippet:
        return [(*r[:width], partial(_mark_words, r[width], mark)) for r in rows]
    return [(*r[:width], partial(_cut_cjk, tuple(r[width:]), runs, weights, mark))
            for r in rows]
