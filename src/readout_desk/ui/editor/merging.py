"""Two versions of one readout, field by field: which fields differ, and a merge of them.

When a save meets a newer version, the person sees the version now stored ("theirs")
beside the form ("mine") and picks one side for each field that differs. The merge is
made on the form's contents (:class:`~readout_desk.domain.draft.ReadoutDraft`), so an
image added in the form and kept in the merge is still copied when the merge is saved.
No Qt here: the rules are tested without a window.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Literal

from readout_desk.domain import geography, render, timing
from readout_desk.domain.draft import ReadoutDraft, draft_of
from readout_desk.domain.records import Readout
from readout_desk.ui.editor.changes import session_text

Side = Literal["theirs", "mine"]


@dataclass(frozen=True)
class MergeField:
    """A part of a readout taken whole from one side: its key, the form's fields that
    hold it, the value compared and the text shown."""

    key: str
    draft_fields: tuple[str, ...]
    value: Callable[[Readout], object]
    text: Callable[[Readout], str]


def _date_text(r: Readout, day: dt.date | None) -> str:
    return render.readout_date(r, day) if day is not None else ""


def _place_text(r: Readout) -> str:
    zone = r.place.zone if r.place and r.place.zone else ""
    return render.place_text(r) + (f" ({zone})" if zone else "")


def _point_lines(r: Readout) -> str:
    return "\n".join(f"{label} {'[' + p.speaker + '] ' if p.speaker else ''}{p.text}"
                     for label, p in zip(render.point_labels(r), r.points, strict=True))


#: The fields in the order the form shows them.
FIELDS: tuple[MergeField, ...] = (
    MergeField("section", ("section",), lambda r: r.section, lambda r: r.section),
    MergeField("meeting_date", ("meeting_date",), lambda r: r.meeting_date,
               lambda r: _date_text(r, r.meeting_date)),
    MergeField("published_date", ("published_date",), lambda r: r.published_date,
               lambda r: _date_text(r, r.published_date)),
    MergeField("title", ("title",), lambda r: r.title, lambda r: r.title),
    MergeField("mode", ("mode",), lambda r: r.mode, lambda r: r.mode.value),
    MergeField("occasion", ("occasion",), lambda r: r.occasion, lambda r: r.occasion),
    MergeField("place", ("city", "city_ja", "country", "venue", "place_zone"),
               lambda r: r.place,
               _place_text),
    MergeField("relation", ("relation",), lambda r: r.relation,
               lambda r: ", ".join(geography.country_name(c) for c in r.relation)),
    MergeField("participants", ("participants",), lambda r: r.participants,
               lambda r: "\n".join(render.participant_lines(r))),
    MergeField("sessions", ("sessions",), lambda r: r.sessions,
               lambda r: "\n".join(session_text(s) for s in r.sessions)),
    MergeField("lead", ("lead",), lambda r: r.lead, lambda r: r.lead),
    MergeField("points", ("points",), lambda r: r.points, _point_lines),
    MergeField("topics", ("topics",), lambda r: r.topics, lambda r: ", ".join(r.topics)),
    MergeField("photos", ("photos",), lambda r: tuple((p.caption, p.file) for p in r.photos),
               lambda r: "\n".join(p.caption + (f" ({p.file})" if p.file else "")
                                   for p in r.photos)),
    MergeField("publisher", ("publisher",), lambda r: r.publisher, lambda r: r.publisher),
    MergeField("source_url", ("source_url",), lambda r: r.source_url, lambda r: r.source_url),
    MergeField("notes", ("notes",), lambda r: r.notes, lambda r: r.notes),
)


@dataclass(frozen=True)
class FieldComparison:
    """One field as each side has it, and the side proposed when they differ."""

    field: MergeField
    theirs: str
    mine: str
    differs: bool
    proposed: Side


@dataclass(frozen=True)
class Comparison:
    """The stored version ("theirs") beside the form ("mine"), and where each came from."""

    theirs: Readout
    mine: Readout
    mine_draft: ReadoutDraft
    fields: tuple[FieldComparison, ...]

    @property
    def differing(self) -> tuple[FieldComparison, ...]:
        """The fields that differ, in the form's order."""
        return tuple(f for f in self.fields if f.differs)

    def merged(self, choices: Mapping[str, Side]) -> ReadoutDraft:
        """The form's contents that hold theirs, with mine in every field chosen so.

        The merge is based on the stored version (its id, version and the fields the
        form does not show), so saving it goes on top of that version."""
        theirs = draft_of(self.theirs)
        taken = {name: getattr(self.mine_draft, name)
                 for f in self.differing if choices.get(f.field.key, f.proposed) == "mine"
                 for name in f.field.draft_fields}
        return replace(theirs, **taken)


def compare(original: Readout, theirs: Readout, mine: Readout,
            mine_draft: ReadoutDraft) -> Comparison:
    """Compare the stored version ``theirs`` with the form's ``mine`` (read from
    ``mine_draft``); ``original`` is the version the form started from.

    A field is proposed from theirs when only they changed it, and from mine otherwise
    (what the person changed in the form is kept unless they choose differently)."""
    rows = []
    for f in FIELDS:
        ours, stored = f.value(mine), f.value(theirs)
        differs = ours != stored
        proposed: Side = "theirs" if differs and ours == f.value(original) else "mine"
        rows.append(FieldComparison(f, f.text(theirs), f.text(mine), differs, proposed))
    return Comparison(theirs, mine, mine_draft, tuple(rows))


def saved_when(readout: Readout, zone: str | None) -> str:
    """When ``readout`` was saved, in the reader's zone ("" when not recorded)."""
    if readout.updated_at is None:
        return ""
    return timing.format_instant(readout.updated_at, zone)
