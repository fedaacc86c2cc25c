"""FTS5's ``bm25()`` for a query of one phrase, or of several a row must all hold,
computed in Python exactly as SQLite does.

For a row with ``f`` the column-weighted number of times the phrase occurs in it and ``D``
its length in tokens (``fts5Bm25Function`` in SQLite's ``fts5_aux.c``)::

    -idf * f * (k1 + 1) / (f + k1 * (1 - b + b * D / avgdl))

``idf`` depends on the number of rows and of hits alone, the same for every row of one
query, so the order depends on the collection only through ``avgdl``, the average length.
When ``avgdl`` becomes ``r`` times what it was, the part after ``idf`` (``g``,
:func:`part`) of any row grows by a factor of at most ``max(1, r)`` (and shrinks by at
most ``min(1, r)``): its denominator is ``f + k1 * (1 - b)`` plus ``k1 * b * D / avgdl``,
and only the second term moves, by ``1 / r``. :mod:`.sqlite_kept` rests on that bound.

For several phrases FTS5 adds each phrase's ``idf * g`` (each phrase's own ``idf``, from
the rows that hold it) and returns the sum negated; the sum of a row moves by at most
``max(1, r)`` times the largest factor by which one phrase's ``idf`` moved.

The operations are SQLite's, in its order, on doubles: the same inputs give the same
double (``tests/archive/test_kept_ranking.py`` compares every hit with ``bm25()``).
No SQL here: only the arithmetic.
"""

from __future__ import annotations

import math

#: FTS5's own constants (``fts5_aux.c``).
K1, B = 1.2, 0.75


def idf(rows: int, hits: int) -> float:
    """FTS5's inverse document frequency of a phrase in ``hits`` of ``rows`` rows."""
    value = math.log((rows - hits + 0.5) / (hits + 0.5))
    return value if value > 0.0 else 1e-6


def part(weight: float, length: int, avgdl: float) -> float:
    """The part of a row's score after ``idf`` (``g``), as FTS5 computes it."""
    return (weight * (K1 + 1.0)) / (weight + K1 * (1 - B + B * length / avgdl))


def score(weight: float, length: int, avgdl: float, idf_: float) -> float:
    """A row's ``bm25()`` for one phrase: the same double SQLite returns."""
    return -1.0 * (0.0 + idf_ * part(weight, length, avgdl))


def weight_of(score_: float, length: int, avgdl: float, idf_: float) -> float | None:
    """The column-weighted number of occurrences behind ``score_``, or None if it cannot
    be told exactly (the weights are whole numbers, so the count is one)."""
    x = -score_ / idf_
    if not 0.0 < x < K1 + 1.0:
        return None
    weight = float(round(x * K1 * (1 - B + B * length / avgdl) / (K1 + 1.0 - x)))
    return weight if weight > 0 and score(weight, length, avgdl, idf_) == score_ else None


def reach(weights: tuple[float, ...], length: int, avgdl: float,
          idfs: tuple[float, ...]) -> float:
    """A row's ``bm25()`` for a query of several phrases, as a positive number: the
    phrases' ``idf * g`` added up in their order, as FTS5 adds them (its result is
    ``-1.0`` times this)."""
    total = 0.0
    for weight, idf_ in zip(weights, idfs, strict=True):
        total += idf_ * part(weight, length, avgdl)
    return total


def scores(weights: tuple[float, ...], length: int, avgdl: float,
           idfs: tuple[float, ...]) -> float:
    """A row's ``bm25()`` for a query of several phrases: the same double SQLite returns."""
    return -1.0 * reach(weights, length, avgdl, idfs)
