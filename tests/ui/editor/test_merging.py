"""Two versions of a readout compared field by field, and merged as chosen (no window)."""

from __future__ import annotations

import datetime as dt
from dataclasses import fields, replace

import pytest

from readout_desk.archive import Archive
from readout_desk.domain.draft import PhotoDraft, ReadoutDraft, build, draft_of
from readout_desk.domain.records import Photo, Readout, SummaryPoint
from readout_desk.ui.editor.merging import FIELDS, compare

HOME = "Asia/Tokyo"
BASE = Readout(title="Japan-Ruritania Meeting", meeting_date=dt.date(2023, 5, 3),
               points=(SummaryPoint("A first point."),), notes="", id=7, version=1)


def test_a_readout_read_into_the_form_and_back_differs_in_nothing(
        demo_archive: Archive) -> None:
    # Otherwise the view would mark fields nobody changed.
    for readout in demo_archive.get_many(demo_archive.search_ids("")):
        draft = draft_of(readout)
        mine = build(draft, HOME).readout
        assert compare(readout, readout, mine, draft).differing == ()


def test_each_field_is_proposed_from_the_side_that_changed_it() -> None:
    theirs = replace(BASE, notes="Checked.", title="Theirs", version=2)
    mine = replace(BASE, title="Mine", meeting_date=dt.date(2023, 5, 4))
    found = compare(BASE, theirs, mine, draft_of(mine))
    assert [(f.field.key, f.proposed) for f in found.differing] == [
        ("meeting_date", "mine"), ("title", "mine"), ("notes", "theirs")]
    title = next(f for f in found.fields if f.field.key == "title")
    assert (title.theirs, title.mine) == ("Theirs", "Mine")


@pytest.mark.parametrize(("choices", "expected"), [
    ({}, dict(title="Mine", meeting_date=dt.date(2023, 5, 4), notes="Checked.")),
    ({"title": "theirs"}, dict(title="Theirs", meeting_date=dt.date(2023, 5, 4),
                               notes="Checked.")),
    ({"title": "theirs", "meeting_date": "theirs", "notes": "mine"},
     dict(title="Theirs", meeting_date=dt.date(2023, 5, 3), notes="")),
])
def test_the_merge_holds_each_field_from_the_side_chosen(
        choices: dict[str, str], expected: dict[str, object]) -> None:
    theirs = replace(BASE, notes="Checked.", title="Theirs", version=2)
    mine = replace(BASE, title="Mine", meeting_date=dt.date(2023, 5, 4))
    merged = compare(BASE, theirs, mine, draft_of(mine)).merged(choices)  # type: ignore[arg-type]
    built = build(merged, HOME).readout
    assert (built.title, built.meeting_date, built.notes) == tuple(expected.values())
    assert (built.id, built.version) == (7, 2)  # saved on top of their version


def test_an_image_added_in_the_form_is_still_copied_when_mine_is_kept() -> None:
    theirs = replace(BASE, photos=(Photo("Theirs", "a.jpg"),), version=2)
    mine_draft = replace(draft_of(BASE), photos=(PhotoDraft("New", source="/tmp/new.jpg"),))
    mine = build(mine_draft, HOME).readout
    found = compare(BASE, theirs, mine, mine_draft)
    assert [f.field.key for f in found.differing] == ["photos"]
    assert found.merged({"photos": "mine"}).photos == mine_draft.photos
    assert found.merged({"photos": "theirs"}).photos == (PhotoDraft("Theirs", "a.jpg"),)


def test_every_field_of_the_form_belongs_to_one_merge_field() -> None:
    covered = [name for f in FIELDS for name in f.draft_fields]
    assert sorted(covered) == sorted(f.name for f in fields(ReadoutDraft) if f.name != "base")
