"""What changed between two versions of a readout, field by field, in words."""

from __future__ import annotations

from dataclasses import dataclass

from readout_desk.domain import geography, render, timing
from readout_desk.domain.records import MeetingSession, Readout
from readout_desk.ui.language import translate


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
    """The readout as (field name, text) pairs, in the order the form shows them; the names
    are in the interface's language."""
    place = render.place_text(r) + (f" ({r.place.zone})" if r.place and r.place.zone else "")
    out: list[tuple[str, str]] = [
        (translate("Changes", "Section"), r.section),
        (translate("Changes", "Meeting date"),
         timing.format_date(r.meeting_date) if r.meeting_date else ""),
        (translate("Changes", "Published"),
         timing.format_date(r.published_date) if r.published_date else ""),
        (translate("Changes", "Title"), r.title),
        (translate("Changes", "Mode"), r.mode.value),
        (translate("Changes", "Occasion"), r.occasion),
        (translate("Changes", "Place"), place),
        (translate("Changes", "Countries involved"),
         ", ".join(geography.country_name(c) for c in r.relation)),
    ]
    out += [(translate("Changes", "Participant {number}").format(number=i), line)
            for i, line in enumerate(render.participant_lines(r), start=1)]
    out += [(translate("Changes", "Session {number}").format(number=i), session_text(s))
            for i, s in enumerate(r.sessions, start=1)]
    out.append((translate("Changes", "Lead"), r.lead))
    for label, p in zip(render.point_labels(r), r.points, strict=True):
        speaker = f"[{p.speaker}] " if p.speaker else ""
        out.append((translate("Changes", "Point {label}").format(label=label),
                    f"{speaker}{p.text}"))
    out.append((translate("Changes", "Topics"), ", ".join(r.topics)))
    out += [(translate("Changes", "Photo {number}").format(number=i),
             p.caption + (f" ({p.file})" if p.file else ""))
            for i, p in enumerate(r.photos, start=1)]
    out += [(translate("Changes", "Publisher"), r.publisher),
            (translate("Changes", "Source URL"), r.source_url),
            (translate("Changes", "Notes"), r.notes)]
    return out


def changes(before: Readout, after: Readout) -> list[Change]:
    """The fields whose text differs between ``before`` and ``after``."""
    old = dict(fields_of(before))
    new = dict(fields_of(after))
    names = list(dict.fromkeys([n for n, _ in fields_of(before)] +
                               [n for n, _ in fields_of(after)]))
    return [Change(n, old.get(n, ""), new.get(n, "")) for n in names
            if old.get(n, "") != new.get(n, "")]
