"""A prefix counted as the words it covers, the words read from the index's own pages.

For a prefix (``"minist" *``) FTS5 merges the list of every word the prefix covers into
one list before it reads a single hit, at every statement: at a million readouts
``minist*`` (four words, 810,000 readouts) took 400-800 ms to count, alone or beside a
date range. The same readouts are the hits of those words joined by ``OR``, which FTS5
reads side by side, skipping to a range's readouts: 50-125 ms in a year. A count, or a
set of hits (a result's facets), does not depend on how hits are scored, so it asks for
the words (:func:`for_counting`); a ranking keeps the prefix, whose ``bm25()`` differs
from that of its words.

FTS5 offers the list of its words only through ``fts5vocab``, which counts each word's
readouts as it lists it (1.2 s for those four words). The words are read instead where
FTS5 keeps them: each segment of the index is a run of leaf pages in ``<table>_data``,
and ``<table>_idx`` names, for each leaf on which a word begins, a prefix of its first
word. The leaves that may hold a prefix's words are the one whose entry comes last
before the prefix and those whose entries begin with it; each leaf lists the offsets of
the words that begin on it in a footer after its ``szLeaf`` bytes, the first word
written whole and each next one as the bytes it shares with the word before and the
bytes that follow. A segment that an unfinished merge has partly consumed keeps the
entries of the leaves already gone; as FTS5 itself does, a leaf before the segment's
first remaining one is read as that one (which the merge rewrote to begin with a word).
Words of the main index begin with the byte ``0``.

Only a prefix of plain letters and digits is rewritten (the tokenizer leaves it as it
is, lower-cased), of a length that the table's own prefix index does not answer at once,
covering from one to :data:`MOST_WORDS` words; any other keeps its prefix. Words in
memory not yet written to a segment (a transaction's own writes) are written out first.
"""

from __future__ import annotations

import re
from typing import Any

#: A prefix covering more words than this is counted as a prefix (FTS5 reading a hundred
#: lists side by side costs about what merging them does).
MOST_WORDS = 100
#: The prefix lengths the table of words keeps an index of (``prefix = '2'``): such a
#: prefix is one list already.
INDEXED_LENGTHS = frozenset({2})
#: A phrase that is one plain word with a prefix, as the query builder writes it (not
#: the end of a phrase holding a quote, which the builder doubles: ``"a ""b" *``).
_PREFIX_PHRASE = re.compile(r'(?<!")"([A-Za-z0-9]+)" \*')
#: The first byte of the main index's words (a prefix index's are ``1``, ``2``, ...).
_MAIN = b"0"
#: A segment's leaves in ``<table>_data``: id = segment id << 37 + page number.
_SEGMENT_SHIFT = 37
_PAGES = 1 << 31


class _Unreadable(Exception):
    """The pages are not as this module reads them: the prefix is counted as it is."""


def for_counting(db: Any, table: str, match: str) -> str:
    """``match`` with each plain prefix replaced by the words it covers joined by ``OR``
    (the same readouts, read without a merge), where that may be done; ``db`` is the
    driver's connection, in the transaction that counts."""
    found = list(_PREFIX_PHRASE.finditer(match))
    if not found:
        return match
    db.execute("SAVEPOINT readout_terms")  # FTS5 writes out the words it holds in memory
    db.execute("RELEASE readout_terms")
    pieces, at = [], 0
    for phrase in found:
        prefix = phrase.group(1).lower()
        words = None if len(prefix) in INDEXED_LENGTHS else covered(db, table, prefix)
        pieces.append(match[at:phrase.start()])
        pieces.append(phrase.group(0) if not words else
                      "(" + " OR ".join(f'"{w}"' for w in words) + ")")
        at = phrase.end()
    pieces.append(match[at:])
    return "".join(pieces)


def covered(db: Any, table: str, prefix: str) -> list[str] | None:
    """The words of ``table``'s index that begin with ``prefix`` (sorted), or None when
    they are none, more than :data:`MOST_WORDS` or cannot be read."""
    low = _MAIN + prefix.encode()
    high = low + b"\xff"  # no word's UTF-8 holds the byte 0xFF
    words: set[bytes] = set()
    try:
        for (segment,) in db.execute(f'SELECT DISTINCT segid FROM "{table}_idx"').fetchall():
            base = int(segment) << _SEGMENT_SHIFT
            first = db.execute(f'SELECT min(id) FROM "{table}_data" WHERE id >= ? AND id < ?',
                               (base, base + _PAGES)).fetchone()[0]
            if first is None:
                continue  # a segment without leaves holds no word
            start = db.execute(f'SELECT max(term) FROM "{table}_idx" WHERE segid = ? AND '
                               "term <= ?", (segment, low)).fetchone()[0]
            leaves = {max(int(page) >> 1, first - base) for (page,) in db.execute(
                f'SELECT pgno FROM "{table}_idx" WHERE segid = ? AND term >= ? AND term < ?',
                (segment, b"" if start is None else start, high))}
            for leaf in sorted(leaves):
                found = db.execute(f'SELECT block FROM "{table}_data" WHERE id = ?',
                                   (base + leaf,)).fetchone()
                if found is None:
                    raise _Unreadable(f"leaf {leaf} of segment {segment}")
                words.update(w for w in _leaf_words(bytes(found[0])) if w.startswith(low))
                if len(words) > MOST_WORDS:
                    return None
        return sorted(w[1:].decode() for w in words) or None
    except (_Unreadable, IndexError, UnicodeDecodeError):
        return None


def _leaf_words(leaf: bytes) -> list[bytes]:
    """The words that begin on a leaf page, in order (see the module's description)."""
    footer = int.from_bytes(leaf[2:4], "big")
    if not 4 <= footer <= len(leaf):
        raise _Unreadable("a leaf's footer")
    words: list[bytes] = []
    offset, i = 0, footer
    while i < len(leaf):
        step, i = varint(leaf, i)
        offset += step
        if words:
            shared, at = varint(leaf, offset)
            size, at = varint(leaf, at)
            word = words[-1][:shared] + leaf[at:at + size]
        else:
            size, at = varint(leaf, offset)
            word = leaf[at:at + size]
        if at + size > footer:
            raise _Unreadable("a word past its leaf")
        words.append(word)
    return words


def varint(data: bytes, i: int) -> tuple[int, int]:
    """SQLite's variable-length integer at ``i``, and the offset after it."""
    value = 0
    for j in range(9):
        byte = data[i]
        i += 1
        if j == 8:
            return (value << 8) | byte, i
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            break
    return value, i
