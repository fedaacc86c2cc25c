"""What changed between two versions of a readout, field by field, in words."""

from __future__ import annotations

from dataclasses import dataclass

from readout_desk.domain import geography, render, timing
from readout_desk.domain.records import MeetingSession, Readout


@dataclass(frozen=True)
class Change:
    """One field that differs: its name and the text before and after."""

    field: str
    before: str
    after: str


def session_text(s: MeetingSession) -> str:
    """A session in one line: its kind, timing, zone and the time printed beside it."""
    line = timing.render_timing(s, None)
    zone = f" [{s.zone}]" if s.zone else ""
    printed = f" (printed: {s.printed_other.text})" if s.printed_other else ""
    return f"{render.session_heading(s)}: {line}{zone}{printed}".rstrip(": ")


def fields_of(r: Readout) -> list[tuple[str, str]]:
    """The readout as (field name, text) pairs, in the order the form shows them."""
    out: list[tuple[str, str]] = [
        ("Section", r.section),
        ("Meeting date", timing.format_date(r.meeting_date) if r.meeting_date else ""),
        ("Published", timing.format_date(r.published_date) if r.published_date else ""),
        ("Title", r.title),
        ("Mode", r.mode.value),
        ("Occasion", r.occasion),
        ("Place", render.place_text(r) + (f" ({r.place.zone})" if r.place and r.place.zone
                                          else "")),
        ("Countries involved", ", ".join(geography.country_name(c) for c in r.relation)),
    ]
    out += [(f"Participant {i}", line)
            for i, line in enumerate(render.participant_lines(r), start=1)]
    out += [(f"Session {i}", session_text(s)) for i, s in enumerate(r.sessions, start=1)]
    out.append(("Lead", r.lead))
    for label, p in zip(render.point_labels(r), r.points, strict=True):
        speaker = f"[{p.speaker}] " if p.speaker else ""
        out.append((f"Point {label}", f"{speaker}{p.text}"))
    out.append(("Topics", ", ".join(r.topics)))
    out += [(f"Photo {i}", p.caption + (f" ({p.file})" if p.file else ""))
            for i, p in enumerate(r.photos, start=1)]
    out += [("Publisher", r.publisher), ("Source URL", r.source_url), ("Notes", r.notes)]
    return out


def changes(before: Readout, after: Readout) -> list[Change]:
    """The fields whose text differs between ``before`` and ``after``."""
    old = dict(fields_of(before))
    new = dict(fields_of(after))
    names = list(dict.fromkeys([n for n, _ in fields_of(before)] +
                               [n for n, _ in fields_of(after)]))
    return [Change(n, old.get(n, ""), new.get(n, "")) for n in names
            if old.get(n, "") != new.get(n, "")]
