"""Whole topics and people (``topic="Indo-Pacific"``, ``person="ONO Haruka"``): the readouts
filed under them, as both backends' searches ask for them.

A facet counts the readouts linked to a topic or a person; the filter its click adds must
find exactly those, not the readouts whose index column merely holds the same words (a
longer topic, "Free and Open Indo-Pacific"; a double-barrelled name, "Li Green-Cerny").
The condition is on the tables that link them (:func:`exact_narrowing`), by the name keys
the archive recognises topics and people by (:func:`.mapping.exact_keys`), as a set of
ids or as a test of one readout (SQLite walks the date index with it when a topic links
many readouts: :func:`.sqlite._many_linked`); the words are also asked of the index
(:func:`with_supersets`), so that the index's own intersection does the narrowing and the
condition is tested only on what it finds.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from readout_desk.domain.query import Exact, ParsedQuery, Term

#: Where a whole topic or person links readouts: the linking table, its column, and the
#: table whose name keys say which topic or person it is.
_LINKS = {"topic": ("readout_topics", "topic_id", "topics"),
          "person": ("participants", "person_id", "people")}
#: The index column that holds each whole-value field's names.
_EXACT_COLUMNS = {"topic": "topics", "person": "people"}


@dataclass(frozen=True)
class Linked:
    """A whole topic or person of a query, as SQL on readouts ``r``: the ids it links
    (``ids``, a SELECT, for ``r.id IN (...)`` or ``NOT IN``), and the same as a test of
    one readout (``probe``, ``EXISTS (...)``), for readouts read in another index's
    order; the keys are in the parameters both name."""

    ids: str
    probe: str
    excluded: bool


def _linked(exact: Exact, name: str, params: dict[str, Any], excluded: bool) -> Linked:
    from readout_desk.archive.mapping import exact_keys  # not before the first page

    marks = []
    for i, key in enumerate(exact_keys(exact)):
        params[f"{name}_{i}"] = key
        marks.append(f":{name}_{i}")
    table, column, names = _LINKS[exact.field]
    which = f"{column} IN (SELECT id FROM {names} WHERE name_key IN ({', '.join(marks)}))"
    # The probe finds the readout's links by its id ("+": not by the topic or person,
    # whose thousands of links SQLite would otherwise read for every readout it tests).
    return Linked(f"SELECT l.readout_id FROM {table} l WHERE l.{which}",
                  f"EXISTS (SELECT 1 FROM {table} l WHERE l.readout_id = r.id AND +l.{which})",
                  excluded)


def linked(query: ParsedQuery, params: dict[str, Any]) -> list[Linked]:
    """The query's whole topics and people, their keys added to ``params``."""
    return [_linked(e, f"exact{i}", params, False) for i, e in enumerate(query.exact)] + [
        _linked(e, f"unlike{i}", params, True) for i, e in enumerate(query.exact_excluded)]


def narrowing(found: list[Linked]) -> list[str]:
    """Each as a condition on a readout id: "IN (...)", "NOT IN (...)"."""
    return [f"{'NOT IN' if f.excluded else 'IN'} ({f.ids})" for f in found]


#: Latin letters whose key the index does not find as their words: "ß" (the key makes it
#: "ss"), "ſ", "ŉ", and the ligatures "Ĳ", "Ŀ" (the key spells them out), checked against
#: FTS5's ``unicode61 remove_diacritics 2`` for every letter from U+00C0 to U+017F.
_LATIN_APART = frozenset("ßſŉĲĳĿŀ")


def _folds_alike(value: str) -> bool:
    """Whether every spelling whose name key is ``value``'s holds ``value``'s words as the
    index reads them: ASCII and the accented Latin letters (accents are taken off by both;
    not :data:`_LATIN_APART`, nor "ss", which the key also makes of "ß"), kanji and kana,
    full or half width (both read "ｶﾞｽ", and "カ" with a combining voicing mark, as "ガス"),
    and spaces. (Other compatibility forms the key unfolds, superscripts and
    circled letters, are not written in names.)"""
    return "ss" not in value.casefold() and all(
        c.isascii() or ("\u00c0" <= c <= "\u017f" and c not in _LATIN_APART)
        or "\u3040" <= c <= "\u30ff" or "\u3400" <= c <= "\u9fff"
        or "\uff66" <= c <= "\uff9f" for c in value)


def with_supersets(query: ParsedQuery) -> ParsedQuery:
    """``query`` with the words of each whole topic or person also asked of its index
    column (``topic="G20"`` also as ``topic:"G20"``; a person's name in every order it
    can be printed), so that the index finds those readouts and a few more among its
    matches before the exact condition is tested on them, instead of testing it at every
    match of the other words (1M readouts, ``minister topic="G20"``: 236 ms without, 136
    with; ``minister topic:"G20"`` 116). A query with no other words is left as it is:
    its readouts are the linked ones, in date order, with no ranking to make.

    Only where the index's folding of the words finds every spelling the name's key
    does (:func:`_folds_alike`); any other value ("Straße") is found by its exact
    condition alone, the same readouts more slowly (1M readouts, a third in Japanese:
    ``会談 person="ユリア・ザントス"`` 42 ms that way, 30.5 asked of the index too, 32.3
    for ``person:``)."""
    if not query.required:
        return query  # nothing else to intersect with: the linked readouts in date order
    added: list[tuple[Term, ...]] = []
    for exact in query.exact:
        if not all(_folds_alike(v) for v in exact.values):
            continue
        column = _EXACT_COLUMNS[exact.field]
        phrases: list[str] = []
        for value in exact.values:
            words = value.split()
            rotations = [words] if exact.field == "topic" else [
                words[i:] + words[:i] for i in range(len(words))]
            phrases += [" ".join(w) for w in rotations]
        added.append(tuple(Term(p, phrase=True, column=column)
                           for p in dict.fromkeys(phrases)))
    return replace(query, required=query.required + tuple(added)) if added else query
