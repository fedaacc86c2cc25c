"""``readout-desk-cli parse``."""

from __future__ import annotations

import io
import json
from pathlib import Path

from readout_desk import cli
from readout_desk.domain import jsonformat


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["--home-zone", "Asia/Tokyo", *argv], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


TEXT = ("Japan-Brazil Summit Meeting\n\nSeptember 25, 2025\n\nOn September 25, commencing at "
        "1:20 p.m. (local time; 1:20 a.m. on September 26 JST) for approximately 35 minutes, "
        "Mr. MORI Takeshi, Prime Minister of Japan, who is visiting New York to attend the "
        "United Nations General Assembly, held a summit meeting with H.E. Mr. Paulo Ferreira, "
        "President of the Federative Republic of Brazil.\n")


def test_parse_prints_the_draft_and_the_flag(tmp_path: Path) -> None:
    f = tmp_path / "brazil.txt"
    f.write_text(TEXT, "utf-8")
    code, out, err = run("parse", str(f))
    assert code == 0, err
    assert "Japan-Brazil Summit Meeting" in out
    assert "Place: New York, United States (America/New_York)" in out
    assert "the time-zone rules give 2:20 a.m." in out


def test_parse_json_is_importable_and_carries_the_cross_check(tmp_path: Path,
                                                              archive_path: Path) -> None:
    f = tmp_path / "brazil.txt"
    f.write_text(TEXT, "utf-8")
    code, out, _ = run("parse", "--json", str(f))
    assert code == 0
    doc = json.loads(out)
    check = doc["cross_check"][0]["sessions"][0]
    assert check["ok"] is False and "2:20 a.m." in check["message"]
    readouts = jsonformat.readouts_from_json(doc)
    assert readouts[0].sessions[0].printed_other is not None
    saved = tmp_path / "draft.json"
    saved.write_text(out, "utf-8")
    code, out, err = run("--db", str(archive_path), "add", str(saved))
    assert code == 0, err
    code, out, _ = run("--db", str(archive_path), "check-timings")
    assert "2:20 a.m." in out


def test_parse_reports_bad_files_and_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(TEXT, "utf-8")
    png = tmp_path / "photo.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    code, out, err = run("parse", str(png), str(tmp_path / "missing.txt"), str(good))
    assert code == 2
    assert "PNG image" in err and "There is no file" in err
    assert "Japan-Brazil Summit Meeting" in out


def test_parse_uses_the_users_topic_file(tmp_path: Path) -> None:
    from readout_desk.cli.extract import user_topic_file

    user_topic_file().write_text(json.dumps({"topics": [{"name": "UNGA week",
                                                          "aliases": ["General Assembly"]}]}),
                                 "utf-8")
    f = tmp_path / "brazil.txt"
    f.write_text(TEXT, "utf-8")
    code, out, _ = run("parse", "--json", str(f))
    assert "UNGA week" in json.loads(out)["readouts"][0]["topics"]


#: A press release in the ministry's Japanese layout, headed by what the page is (報道発表)
#: rather than by the country it is filed under; made-up people.
PRESS_RELEASE_JA = """報道発表

日・チリ外相電話会談

令和7年3月12日

　本12日、午後7時から約25分間、桜井健太外務大臣は、ルシア・バルデス・チリ共和国外務大臣\
（H.E. Ms. Lucía Valdés, Minister of Foreign Affairs of the Republic of Chile）と電話会談を\
行ったところ、概要以下のとおりです。

1　両大臣は、経済関係の強化について意見交換を行いました。

報道発表へ戻る
"""


def _parsed_readout(tmp_path: Path, text: str) -> dict[str, object]:
    f = tmp_path / "readout.txt"
    f.write_text(text, "utf-8")
    code, out, err = run("parse", "--json", str(f))
    assert code == 0, err
    (readout,) = json.loads(out)["readouts"]
    return dict(readout)


def test_a_press_release_heading_is_not_taken_for_the_section(tmp_path: Path) -> None:
    readout = _parsed_readout(tmp_path, PRESS_RELEASE_JA)
    assert readout["title"] == "日・チリ外相電話会談"
    assert not readout.get("section")
    assert readout["relation"] == ["JP", "CL"]
    # A country's page names the country above the title: that is its section.
    readout = _parsed_readout(tmp_path, PRESS_RELEASE_JA.replace("報道発表\n", "チリ共和国\n", 1))
    assert (readout["section"], readout["title"]) == ("チリ共和国", "日・チリ外相電話会談")
    # Under the page's heading, the one line before the date is the title, whatever it says.
    readout = _parsed_readout(tmp_path, PRESS_RELEASE_JA.replace(
        "日・チリ外相電話会談", "桜井外務大臣とバルデス・チリ外務大臣の懇談", 1))
    assert (readout.get("section"), readout["title"]) == (
        "", "桜井外務大臣とバルデス・チリ外務大臣の懇談")
