"""People and topics told apart by a kana's voicing marks.

A person or topic is found again by a key of its normalised name (``name_key``). The keys
had every combining mark taken off, the voicing marks of kana (゛ ゜) with the accents of
Latin letters, so "ビザ" (a visa), "ピザ" and "ヒサ" were one topic, and "ブリンケン" and
"フリンケン" one person. The keys now keep them (``geography.match_key``).

Upgrading gives every person and topic the key of its own name. A topic that took in
another spelling stays one topic: a readout keeps only the link to it, not the spelling it
was saved with. A person does not: each participant keeps the names it was saved with, so
a participant whose names now make another key is linked to the person of that key (made
when there is none). The readouts filed under a topic whose name has a voicing mark have
their fingerprint cleared (it holds the topic's key): the next import computes it again
(1M readouts, a third in Japanese: 20 s to open and migrate, 13 of them the copy kept
beside the file; 60,342 fingerprints cleared, computed again in 18 s by the next import).

Downgrading gives the keys without the marks back, joining again the people and topics
that would share one (the earliest keeps its row; the others' links move to it).

Both backends; one transaction, done entirely or not at all. The key functions are this
revision's own.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-01
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy import Connection

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

_MARKS = frozenset("\u3099\u309a")
_CHUNK = 500


def _fine(text: str) -> str:
    """The key with a kana's voicing kept (this revision's)."""
    if text.isascii():
        return text.lower().strip()
    kept = "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c) or c in _MARKS)
    if _MARKS.intersection(kept):
        kept = unicodedata.normalize("NFC", kept)
    return kept.casefold().strip()


def _coarse(text: str) -> str:
    """The key before this revision: every combining mark taken off."""
    if text.isascii():
        return text.lower().strip()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield list(ids[start:start + _CHUNK])


def _listed(ids: Iterable[int]) -> str:
    return ", ".join(str(int(i)) for i in ids)


def _rekey(conn: Connection, table: str, key: Callable[[Sequence[str]], str],
           columns: str, relink: Callable[[int, int], None]) -> set[int]:
    """Give each row of ``table`` the key of its own name; a row whose key another row
    (an earlier one) has already is joined to it. Returns the ids of the rows kept whose
    key changed."""
    rows = conn.execute(sa.text(f"SELECT id, name_key, {columns} FROM {table} ORDER BY id"))
    kept: dict[str, int] = {}
    changed: dict[int, str] = {}
    joined: list[tuple[int, int]] = []
    for row in rows:
        new = key([str(v or "") for v in row[2:]])
        if new in kept:
            joined.append((int(row[0]), kept[new]))
            continue
        kept[new] = int(row[0])
        if new != row[1]:
            changed[int(row[0])] = new
    for gone, into in joined:
        relink(gone, into)
        conn.execute(sa.text(f"DELETE FROM {table} WHERE id = :id"), {"id": gone})
    for ident, new in changed.items():
        conn.execute(sa.text(f"UPDATE {table} SET name_key = :key WHERE id = :id"),
                     {"key": new, "id": ident})
    return set(changed) | {into for _gone, into in joined}


def _relink_topic(conn: Connection) -> Callable[[int, int], None]:
    def relink(gone: int, into: int) -> None:
        # A readout filed under both keeps one link, at the first of its two positions.
        conn.execute(sa.text(
            "UPDATE readout_topics SET position = (SELECT min(o.position) FROM readout_topics o"
            " WHERE o.readout_id = readout_topics.readout_id AND o.topic_id IN (:gone, :into))"
            " WHERE topic_id = :into AND readout_id IN"
            " (SELECT readout_id FROM readout_topics WHERE topic_id = :gone)"),
            {"gone": gone, "into": into})
        conn.execute(sa.text(
            "UPDATE readout_topics SET topic_id = :into WHERE topic_id = :gone AND readout_id"
            " NOT IN (SELECT readout_id FROM readout_topics WHERE topic_id = :into)"),
            {"gone": gone, "into": into})
        conn.execute(sa.text("DELETE FROM readout_topics WHERE topic_id = :gone"),
                     {"gone": gone})
    return relink


def _relink_person(conn: Connection) -> Callable[[int, int], None]:
    def relink(gone: int, into: int) -> None:
        conn.execute(sa.text("UPDATE participants SET person_id = :into WHERE person_id = :gone"),
                     {"gone": gone, "into": into})
    return relink


def _clear_fingerprints(conn: Connection, topics: set[int]) -> None:
    """The readouts filed under these topics have a fingerprint holding another key."""
    for chunk in _chunks(sorted(topics)):
        conn.execute(sa.text(
            "UPDATE readouts SET fingerprint = NULL WHERE id IN (SELECT readout_id FROM "
            f"readout_topics WHERE topic_id IN ({_listed(chunk)}))"))


def _split_people(conn: Connection) -> None:
    """Link each participant whose own names make another key than its person's to the
    person of that key, made from the participant's names when there is none."""
    people = {str(k): int(i) for i, k in conn.execute(sa.text("SELECT id, name_key FROM people"))}
    kana = sorted(i for k, i in people.items() if _fine(k) != _coarse(k) or any(
        "\u3040" <= c <= "\u30ff" or "\uff66" <= c <= "\uff9f" for c in k))
    for chunk in _chunks(kana):
        rows = conn.execute(sa.text(
            "SELECT pa.id, pa.family_name, pa.given_name, pa.name_order, pe.name_key "
            f"FROM participants pa JOIN people pe ON pe.id = pa.person_id "
            f"WHERE pa.person_id IN ({_listed(chunk)})")).all()
        for ident, family, given, order, have in rows:
            own = f"{_fine(str(family))}|{_fine(str(given))}"
            if own == have:
                continue
            if own not in people:
                people[own] = int(conn.execute(sa.text(
                    "INSERT INTO people (family_name, given_name, name_order, name_key) "
                    "VALUES (:f, :g, :o, :k) RETURNING id"),
                    {"f": family, "g": given, "o": order, "k": own}).scalar_one())
            conn.execute(sa.text("UPDATE participants SET person_id = :p WHERE id = :id"),
                         {"p": people[own], "id": ident})


def _migrate(fold: Callable[[str], str], *, split: bool) -> None:
    conn = op.get_bind()
    topics = _rekey(conn, "topics", lambda v: fold(v[0]), "name", _relink_topic(conn))
    _clear_fingerprints(conn, topics)
    _rekey(conn, "people", lambda v: f"{fold(v[0])}|{fold(v[1])}", "family_name, given_name",
           _relink_person(conn))
    if split:
        _split_people(conn)


def upgrade() -> None:
    _migrate(_fine, split=True)


def downgrade() -> None:
    _migrate(_coarse, split=False)
