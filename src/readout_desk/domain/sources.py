"""What a readout was read from, kept with it, and reading it again after an upgrade.

:func:`with_source` gives a draft's readout its :class:`~records.Source` (the clean text,
what was given, where each field was read). :func:`field_changes` compares a stored
readout with what a newer extractor reads from the same source, field by field, and
:func:`accept_changes` takes the fields a person chose; the rest stay as stored.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from readout_desk.domain import geography, render, timing, webpage
from readout_desk.domain.extract import Draft, extract
from readout_desk.domain.records import Readout, Source

#: The fields a reading can change, in the order a readout shows them, with their labels.
FIELD_LABELS: dict[str, str] = {
    "title": "Title", "section": "Section", "relation": "Countries",
    "publisher": "Publisher", "published_date": "Published", "meeting_date": "Meeting date",
    "mode": "Mode", "place": "Place", "occasion": "Occasion", "lead": "Lead",
    "participants": "Participants", "sessions": "Sessions", "points": "Points",
    "topics": "Topics", "photos": "Photo captions",
}


def _decoded(given: str | bytes, encoding: str) -> str:
    if isinstance(given, str):
        return given
    try:
        return given.decode(encoding, "replace")
    except LookupError:  # "text" or another name that is not a codec
        return given.decode("utf-8", "replace")


def source_of(draft: Draft, given: str | bytes = "", *, kind: str = "text", name: str = "",
              url: str = "", retrieved_at: dt.datetime | None = None,
              original: str | None = None) -> Source:
    """The source of ``draft``, read from ``given``: the clean text, the HTML given when
    it was HTML (or ``original``: a page's whole snapshot), where each field was read."""
    if original is None:
        original = _decoded(given, draft.encoding) if draft.was_html else ""
    return Source(kind=kind, text=draft.source, original=original, name=name, url=url,
                  retrieved_at=retrieved_at,
                  spans=tuple((key, start, end) for key, (start, end)
                              in sorted(draft.spans.items(), key=lambda kv: kv[1])))


def with_source(draft: Draft, given: str | bytes = "", **how: Any) -> Readout:
    """The draft's readout with its source kept (``how``: as for :func:`source_of`); a
    page's address and retrieval day fill the readout's own fields when empty."""
    source = source_of(draft, given, **how)
    readout = replace(draft.readout, source=source)
    if source.url and not readout.source_url:
        readout = replace(readout, source_url=source.url)
    if source.retrieved_at and not readout.retrieved_date:
        readout = replace(readout, retrieved_date=source.retrieved_at.date())
    return readout


def given(source: Source) -> str:
    """What to read again: what was given (a page's HTML), else the clean text."""
    return source.original or source.text


def reread(stored: Readout, *, topic_file: Path | None = None,
           kind_file: Path | None = None) -> Readout:
    """What the extractor now reads from the stored readout's source, with that source
    (the same text given, the spans of this reading); ``ValueError`` if none is kept."""
    source = stored.source
    if source is None:
        raise ValueError("This readout keeps no source to read again.")
    text = given(source)
    if source.kind == "page" and source.original:
        text = webpage.readable_html(source.original)
    draft = extract(text, topic_file=topic_file, kind_file=kind_file, today=None)
    return with_source(draft, kind=source.kind, original=source.original, name=source.name,
                       url=source.url, retrieved_at=source.retrieved_at)


@dataclass(frozen=True)
class FieldChange:
    """One field a new reading gives differently: its key, label and both values shown."""

    key: str
    label: str
    stored: str
    new: str


def shown(readout: Readout, key: str) -> str:
    """A field's value as a person reads it in the comparison."""
    value = getattr(readout, key)
    if key == "relation":
        return ", ".join(geography.country_name(c) for c in value)
    if key == "place":
        return render.place_text(readout)
    if key == "participants":
        return "\n".join(render.participant_lines(readout))
    if key == "sessions":
        return "\n".join(f"{line.kind}: {line.timing}".strip(": ")
                         for line in render.session_lines(readout, None))
    if key == "points":
        return "\n".join(f"{label} {p.text}" for label, p
                         in zip(render.point_labels(readout), readout.points, strict=True))
    if key == "photos":
        return "\n".join(p.caption for p in value)
    if key == "topics":
        return ", ".join(value)
    if isinstance(value, dt.date):
        return timing.format_date(value)
    if key == "mode":
        return str(value.value)
    return str(value or "")


def _content(readout: Readout, key: str) -> Any:
    """A field's value without what the archive adds (a person's id)."""
    value = getattr(readout, key)
    if key == "participants":
        return tuple(replace(p, person=replace(p.person, id=None)) for p in value)
    return value


def field_changes(stored: Readout, fresh: Readout) -> list[FieldChange]:
    """The fields where ``fresh`` (a new reading of the same source) differs."""
    return [FieldChange(key, label, shown(stored, key), shown(fresh, key))
            for key, label in FIELD_LABELS.items()
            if _content(stored, key) != _content(fresh, key)]


def accept_changes(stored: Readout, fresh: Readout, keys: set[str] | frozenset[str]
                   ) -> Readout:
    """``stored`` with the fields ``keys`` taken from ``fresh`` and the new reading's
    source (its spans now point where the new reading found each field)."""
    unknown = set(keys) - FIELD_LABELS.keys()
    if unknown:
        raise ValueError(f"not a field a reading gives: {sorted(unknown)[0]}")
    taken = {key: getattr(fresh, key) for key in keys}
    source = fresh.source if fresh.source is not None else stored.source
    return replace(stored, **taken, source=source)


#: Background colours of the marks: times, everything else.
MARK_TIME = "#cfe8ff"
MARK_FIELD = "#fff2a8"


def marked_html(source: Source) -> str:
    """The source's text as HTML with each field's words marked (titled with the field),
    every piece escaped: markup in a source shows as text and nothing in it is loaded."""
    text = source.text
    out: list[str] = []
    at = 0
    for key, start, end in sorted(source.spans, key=lambda s: (s[1], -s[2])):
        if start < at or not 0 <= start < end <= len(text):
            continue  # inside a wider mark already, or beyond the text
        colour = MARK_TIME if key.startswith("sessions[") else MARK_FIELD
        out.append(html.escape(text[at:start]))
        out.append(f'<span style="background-color: {colour};" title="{html.escape(key)}">'
                   f"{html.escape(text[start:end])}</span>")
        at = end
    out.append(html.escape(text[at:]))
    return ('<html><body><div style="white-space: pre-wrap;">' + "".join(out)
            + "</div></body></html>")
