"""A participant's office and the meeting's city as a Japanese readout prints them
(``office_ja``, ``city_ja``) are kept: stored on both backends, in the history, the JSON
format and CSV, shown in a Japanese readout, and searched."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

from readout_desk.archive import Archive
from readout_desk.archive.transfer import export_readouts, import_files
from readout_desk.domain import jsonformat, render
from readout_desk.domain.draft import build, draft_of
from readout_desk.domain.extract import extract
from readout_desk.domain.records import Participant, Place, Readout
from tests.domain.test_render_ja import lima
from tests.domain.test_schema_agreement import program_problems, schema_problems
from tests.extract.test_japanese import PERU

BOTH_BACKENDS = True


def japanese() -> Readout:
    """The Lima readout with the Peruvian minister's office in both languages and the city
    as printed (fictional people)."""
    r = lima()
    gervasi = replace(r.participants[1], office="Minister of Foreign Affairs",
                      office_ja="外務・移民大臣")
    assert r.place is not None
    return replace(r, place=replace(r.place, city="Lima", city_ja="リマ"),
                   participants=(r.participants[0], gervasi, *r.participants[2:]))


def _forms(r: Readout) -> tuple[str, list[str]]:
    assert r.place is not None
    return r.place.city_ja, [p.office_ja for p in r.participants]


EXPECTED = ("リマ", ["", "外務・移民大臣", ""])


def test_both_forms_are_stored_and_kept_in_the_history(archive: Archive) -> None:
    saved = archive.add(japanese())
    assert saved.id is not None
    assert _forms(archive.get(saved.id)) == EXPECTED
    archive.update(replace(archive.get(saved.id), notes="Checked."))
    assert _forms(archive.get(saved.id)) == EXPECTED
    (previous,) = archive.history(saved.id)
    assert _forms(previous.readout) == EXPECTED


def test_search_finds_a_readout_by_its_japanese_office_and_city(archive: Archive) -> None:
    saved = archive.add(japanese())
    plain = japanese()
    assert plain.place is not None
    archive.add(replace(plain, place=replace(plain.place, city_ja=""), participants=tuple(
        replace(p, office_ja="") for p in plain.participants)))  # without the two forms
    # Words found only in the forms kept here, not in the other fields.
    assert archive.search_ids("移民大臣") == [saved.id]
    assert archive.search_ids("リマ") == [saved.id]
    assert archive.search_ids("place:リマ") == [saved.id]


def test_a_japanese_readout_shows_them() -> None:
    text = render.readout_text(japanese(), "Asia/Tokyo")
    assert "ジャンカルロ・ヘルバシ（H.E. Mr. Giancarlo Gervasi）外務・移民大臣" in text
    assert "場所：リマ（ペルー） (America/Lima)" in text
    english = replace(japanese(), language="en")
    assert "Minister of Foreign Affairs" in render.readout_text(english, None)
    assert "Lima, Peru" in render.readout_text(english, None)


def test_the_json_format_and_its_schema_carry_them() -> None:
    document = jsonformat.document([japanese()])
    data = document["readouts"][0]
    assert data["place"]["city_ja"] == "リマ"
    assert data["participants"][1]["office_ja"] == "外務・移民大臣"
    assert program_problems(document) == [] and schema_problems(document) == []
    (back,) = jsonformat.readouts_from_json(document)
    assert _forms(back) == EXPECTED
    # A document from before the two fields reads as not stated.
    del data["place"]["city_ja"]
    for p in data["participants"]:
        del p["office_ja"]
    (older,) = jsonformat.readouts_from_json(document)
    assert _forms(older) == ("", ["", "", ""])


def test_csv_carries_them_there_and_back(tmp_path: Path, archive_path: Path) -> None:
    out = tmp_path / "ja.csv"
    with Archive.open(archive_path) as archive:
        saved = archive.add(japanese())
        export_readouts(archive, [saved.id or 0], "csv", out, home_zone="Asia/Tokyo")
    (row,) = csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")))
    assert (row["place_city_ja"], row["participants_office_ja"]) == (
        "リマ", "; 外務・移民大臣; ")
    with Archive.open(tmp_path / "other.sqlite3") as other:
        (new_id,) = import_files(other, [out]).imported_ids
        assert _forms(other.get(new_id)) == EXPECTED


def test_the_editor_form_keeps_them() -> None:
    r = japanese()
    assert _forms(build(draft_of(r), "Asia/Tokyo").readout) == EXPECTED


def test_extraction_reads_them_into_the_draft() -> None:
    r = extract(PERU).readout
    assert r.place is not None and (r.place.city, r.place.city_ja) == ("Lima", "リマ")
    japan, peru = r.participants
    assert (peru.office, peru.office_ja) == ("Minister of Foreign Affairs", "外務大臣")
    assert (japan.office, japan.office_ja) == ("外務大臣", "")  # printed in Japanese only


def test_a_place_with_only_the_japanese_city_is_a_place(archive: Archive) -> None:
    saved = archive.add(replace(japanese(), place=Place(city_ja="リマ"),
                                participants=(Participant(lima().participants[0].person,
                                                          office_ja="外務大臣"),)))
    assert saved.id is not None
    stored = archive.get(saved.id)
    assert stored.place == Place(city_ja="リマ")
    assert stored.participants[0].office_ja == "外務大臣"


def test_an_older_archive_is_brought_up_with_every_readout_whole(archive_path: Path) -> None:
    from alembic import command

    from readout_desk.archive import migrate

    with Archive.open(archive_path) as archive:
        saved = archive.add(lima())
        assert saved.id is not None
        before = archive.get(saved.id)
        engine = archive._engine
        config = migrate._alembic_config(engine)
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "0007")
    with Archive.open(archive_path) as archive:
        after = archive.get(saved.id)
        # Relation, participants, sessions and points all still there; the forms empty.
        assert after == before
        assert archive.search_ids("ヘルバシ") == [saved.id]
