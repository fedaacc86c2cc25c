"""What makes two readouts the same record: a fingerprint of the whole record.

A readout's fingerprint is a 64-bit digest of every field the archive stores for it but
its own bookkeeping (id, version, created and updated times) and its source, normalised
the way storing normalises. It is kept with each readout (``readouts.fingerprint``,
indexed) and written again whenever the readout changes, so an import finds a readout
already present with one index probe, and two readouts that differ in any field
(another given name, another sentence) are never taken for each other.
"""

from __future__ import annotations

import hashlib

from readout_desk.archive.mapping import match_key
from readout_desk.domain import scripts
from readout_desk.domain.records import Readout


def language(r: Readout) -> str:
    """The readout's language as given, else by the script its text is written in."""
    return r.language or scripts.language_of([r.title, r.lead, *(p.text for p in r.points)])


def fingerprint(r: Readout) -> int:
    """The whole record as one signed 64-bit number (equal records, equal numbers).

    Normalised as storing normalises: the relation's codes in capitals without repeats,
    the language detected when none is given, topics by their normalised names (an archive
    keeps the first spelling of a topic), no place when every part of it is empty.
    """
    place = r.place
    parts = (
        r.title, r.section, tuple(dict.fromkeys(c.upper() for c in r.relation)), r.publisher,
        r.source_url, language(r), r.published_date, r.retrieved_date, r.meeting_date,
        r.mode.value,
        # The Japanese forms only when there are any, so that older records keep their numbers.
        (place.city, place.country, place.venue, place.zone) + _ja(place.city_ja)
        if place and (place.city or place.country or place.venue or place.zone
                      or place.city_ja) else None,
        r.occasion, r.lead,
        tuple((p.person.family_name, p.person.given_name, p.person.name_order.value,
               p.honorific, p.office, p.country, p.organisation, p.side, p.printed_name)
              + _ja(p.office_ja) for p in r.participants),
        tuple((s.kind, s.start, s.zone, s.fold, s.time_hedge, s.zone_label,
               s.duration_minutes, s.duration_hedge, s.end,
               (s.printed_other.text, s.printed_other.zone, s.printed_other.local)
               if s.printed_other else None) for s in r.sessions),
        tuple((p.text, p.speaker, p.label, p.level) for p in r.points),
        tuple(dict.fromkeys(match_key(t) for t in r.topics)),
        tuple((ph.caption, ph.file) for ph in r.photos),
        r.notes, r.is_sample,
    )
    digest = hashlib.blake2b(repr(parts).encode("utf-8", "surrogatepass"), digest_size=8)
    return int.from_bytes(digest.digest(), "big", signed=True)


def _ja(text: str) -> tuple[str, ...]:
    return (text,) if text else ()
