"""A readout laid out as a published readout reads: section, date, title, captions,
lead, sessions with their timing lines, numbered points, topics, participants, source.

Plain text lives here; views that need rich text build it from the same pieces
(:func:`session_lines`, :func:`point_labels`) so every layout says the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass

from readout_desk.domain import geography, timing
from readout_desk.domain.records import MeetingSession, Readout


def section_of(readout: Readout) -> str:
    """The section the readout is filed under ("Japan-Peru Relations")."""
    return readout.section or geography.relation_label(readout.relation)


@dataclass(frozen=True)
class SessionLine:
    """A session as shown: its kind, its timing line and any warning about it."""

    kind: str
    timing: str
    warning: str


def session_lines(readout: Readout, home_zone: str | None) -> list[SessionLine]:
    """Each session's kind, timing line in local and home time, and a mismatch warning."""
    lines = []
    for s in readout.sessions:
        check = timing.check_printed(s)
        warning = ""
        if check is not None and not check.ok:
            warning = f"Printed time disagrees with the time-zone rules: {check.message}."
        elif s.start is not None and s.zone:
            problems = timing.validate_session(s)
            warning = problems[0] if problems else ""
        lines.append(SessionLine(s.kind, timing.render_timing(s, home_zone), warning))
    return lines


def point_labels(readout: Readout) -> list[str]:
    """The printed label of each summary point, numbering unlabelled ones by position."""
    labels = []
    top = sub = 0
    for p in readout.points:
        if p.level == 0:
            top += 1
            sub = 0
            labels.append(p.label or f"{top}.")
        else:
            sub += 1
            labels.append(p.label or f"({sub})")
    return labels


def place_text(readout: Readout) -> str:
    """"Lima, Peru" (with the venue first when there is one)."""
    place = readout.place
    if place is None:
        return ""
    country = geography.country_name(place.country) if place.country else ""
    return ", ".join(p for p in (place.venue, place.city, country) if p)


def participant_lines(readout: Readout) -> list[str]:
    """"H.E. Ms. Ana Gervasi, Minister of Foreign Affairs of the Republic of Peru (Peru)"."""
    lines = []
    for p in readout.participants:
        text = p.display_name
        if p.office:
            text += f", {p.office}"
        extra = [x for x in (p.organisation, geography.country_name(p.country)
                             if p.country else "") if x]
        if extra:
            text += f" ({'; '.join(extra)})"
        lines.append(text)
    return lines


def session_heading(session: MeetingSession) -> str:
    """"Small group meeting"."""
    return session.kind[:1].upper() + session.kind[1:] if session.kind else "Meeting"


def readout_text(readout: Readout, home_zone: str | None) -> str:
    """The whole readout as plain text, for the terminal and for plain-text export."""
    out: list[str] = []
    section = section_of(readout)
    if section:
        out += [section, ""]
    if readout.meeting_date:
        out.append(timing.format_date(readout.meeting_date))
    if readout.title:
        out.append(readout.title)
    if readout.is_sample:
        out.append("(sample readout written for Readout Desk)")
    for photo in readout.photos:
        out.append(f"[Photo] {photo.caption}")
    out.append("")
    facts = []
    if readout.mode.value != "in person":
        facts.append(f"Mode: {readout.mode.value}")
    place = place_text(readout)
    if place:
        zone = f" ({readout.place.zone})" if readout.place and readout.place.zone else ""
        facts.append(f"Place: {place}{zone}")
    if readout.occasion:
        facts.append(f"Occasion: {readout.occasion}")
    if facts:
        out += facts + [""]
    if readout.lead:
        out += [readout.lead, ""]
    if readout.sessions:
        out.append("Sessions:")
        for s, line in zip(readout.sessions, session_lines(readout, home_zone)):
            text = f"  - {session_heading(s)}"
            if line.timing:
                text += f": {line.timing}"
            out.append(text)
            if line.warning:
                out.append(f"    ! {line.warning}")
        out.append("")
    if readout.points:
        for label, p in zip(point_labels(readout), readout.points):
            indent = "  " * (p.level + 1)
            speaker = f"[{p.speaker}] " if p.speaker else ""
            out.append(f"{indent}{label} {speaker}{p.text}")
        out.append("")
    if readout.participants:
        out.append("Participants:")
        out += [f"  - {line}" for line in participant_lines(readout)]
        out.append("")
    if readout.topics:
        out += [f"Topics: {', '.join(readout.topics)}", ""]
    if readout.notes:
        out += [f"Notes: {readout.notes}", ""]
    source = [x for x in (readout.publisher, readout.source_url) if x]
    if source:
        out.append("Source: " + " — ".join(source))
    if readout.published_date:
        out.append(f"Published: {timing.format_date(readout.published_date)}")
    return "\n".join(out).rstrip() + "\n"
