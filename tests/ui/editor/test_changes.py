"""What changed between two versions of a readout, as the history lists it."""

from __future__ import annotations

from dataclasses import replace

from readout_desk.domain.draft import ReadoutDraft, SessionDraft, build
from readout_desk.ui.editor.changes import changes


def test_changes_name_the_fields_that_differ() -> None:
    session = SessionDraft(kind="small group meeting", time="9:10", zone="America/Lima",
                           minutes="15", duration_hedge="approximately",
                           printed_text="11:10 p.m. on May 3 JST", printed_zone="Asia/Tokyo")
    a = build(ReadoutDraft(section="Japan-Peru Relations", meeting_date="2023-05-03",
                           sessions=(session,))).readout
    b = replace(a, title="New title", topics=("CPTPP",))
    found = {c.field: (c.before, c.after) for c in changes(a, b)}
    assert found == {"Title": ("", "New title"), "Topics": ("", "CPTPP")}
