"""A Japanese readout is exported with its dates and labels in Japanese (Markdown, HTML,
iCalendar, plain text); an English readout's exports read as they always did."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

import icalendar
import pytest

from readout_desk.archive import Archive
from readout_desk.archive.transfer import export_readouts
from readout_desk.domain import render
from readout_desk.domain.records import MeetingSession, Mode, PrintedTime, Readout
from tests.domain.test_render_ja import LIMA_SMALL, lima

NOW = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
#: English words a Japanese readout's export must not carry around its own text.
ENGLISH_LABELS = re.compile(r"\b(Sessions|Summary|Participants|Topics|Notes|Source|Published|"
                            r"Mode|Place|Occasion|Photo|May 3|May 4)\b")
#: Printed 0:10 a.m. on May 4 JST, where the zone rules give 11:10 p.m. on May 3.
WRONG = PrintedTime("日本時間4日午前0時10分", "Asia/Tokyo", dt.datetime(2023, 5, 4, 0, 10))


def _japanese() -> Readout:
    return replace(lima(), topics=("CPTPP",), notes="確認済み", publisher="外務省",
                   mode=Mode.TELEPHONE, occasion="G7外相会合の機会",
                   sessions=(replace(LIMA_SMALL, printed_other=WRONG),))


def _english() -> Readout:
    return Readout(
        title="Japan-Peru Foreign Ministers' Meeting", section="Japan-Peru Relations",
        meeting_date=dt.date(2023, 5, 3), published_date=dt.date(2023, 5, 4),
        mode=Mode.TELEPHONE, topics=("CPTPP",), notes="Checked.", publisher="Ministry",
        sessions=(MeetingSession("telephone talk", dt.datetime(2023, 5, 3, 9, 10),
                                 "America/Lima", duration_minutes=15, printed_other=WRONG),))


def _export(archive: Archive, readout: Readout, fmt: str, out: Path) -> str:
    saved = archive.add(readout)
    export_readouts(archive, [saved.id or 0], fmt, out, home_zone="Asia/Tokyo", now=NOW)
    return out.read_text(encoding="utf-8")


def test_markdown_of_a_japanese_readout_has_japanese_dates_and_labels(
        tmp_path: Path, archive: Archive) -> None:
    text = _export(archive, _japanese(), "md", tmp_path / "ja.md")
    assert "*ペルー · 2023年5月3日*" in text
    for line in ("- **形式：**電話会談", "### 会合", "### 概要", "### 出席者",
                 "**トピック：**CPTPP", "**メモ：**確認済み", "出典：外務省",
                 "発表日：2023年5月4日",
                 "記載の時刻（5月4日午前0時10分）は時差の規則と合いません。"
                 "規則では5月3日午後11時10分（JST）です。"):
        assert line in text
    # Only the readout's own text may be English (the CPTPP topic, the Latin names).
    assert ENGLISH_LABELS.findall(text) == []


def test_markdown_of_an_english_readout_is_unchanged(tmp_path: Path, archive: Archive) -> None:
    text = _export(archive, _english(), "md", tmp_path / "en.md")
    for line in ("*Japan-Peru Relations · May 3, 2023*", "- **Mode:** telephone",
                 "### Sessions", "- **Telephone talk**: commencing at 9:10 a.m.",
                 "  - ⚠ Printed time disagrees with the time-zone rules: printed 12:10 a.m. "
                 "on May 4 JST; the time-zone rules give 11:10 p.m. on May 3 JST.",
                 "**Topics:** CPTPP", "**Notes:** Checked.", "Source: Ministry  ",
                 "Published: May 4, 2023"):
        assert line in text
    # No Japanese but the printed time the source gave.
    rest = text.replace(WRONG.text, "")
    assert not re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", rest)


def test_html_of_a_japanese_readout_has_japanese_dates_and_labels(
        tmp_path: Path, archive: Archive) -> None:
    text = _export(archive, _japanese(), "html", tmp_path / "ja.html")
    assert '<article class="readout" lang="ja">' in text
    for part in ("<p>2023年5月3日</p>", "<b>形式：</b>電話会談", "<h3>会合</h3>",
                 "<b>少人数会合</b>：現地時間5月3日午前9時10分",
                 "原文の記載：日本時間4日午前0時10分",
                 "記載の時刻（5月4日午前0時10分）は時差の規則と合いません。", "<h3>出席者</h3>",
                 "<b>トピック：</b>CPTPP", "<b>メモ：</b>確認済み", "<b>出典：</b>外務省",
                 "発表日：2023年5月4日"):
        assert part in text
    body = re.sub(r"<[^>]+>", "", text.split("<body>", 1)[1])
    assert ENGLISH_LABELS.findall(body) == []


def test_html_of_an_english_readout_is_unchanged(tmp_path: Path, archive: Archive) -> None:
    text = _export(archive, _english(), "html", tmp_path / "en.html")
    assert '<article class="readout">' in text
    for part in ("<p>May 3, 2023</p>", "<b>Mode:</b> telephone", "<h3>Sessions</h3>",
                 "<b>Telephone talk</b>: commencing at 9:10 a.m.",
                 "The source printed: 日本時間4日午前0時10分",
                 "Printed time disagrees with the time-zone rules", "<b>Topics:</b> CPTPP",
                 "<b>Notes:</b> Checked.", "<b>Source:</b> Ministry", "Published May 4, 2023"):
        assert part in text


def test_icalendar_of_a_japanese_readout_describes_it_in_japanese(
        tmp_path: Path, archive: Archive) -> None:
    raw = _export(archive, _japanese(), "ics", tmp_path / "ja.ics")
    (event,) = icalendar.Calendar.from_ical(raw).walk("VEVENT")
    description = str(event["DESCRIPTION"])
    assert description.startswith(
        "現地時間5月3日午前9時10分（日本時間同日午後11時10分）から約15分間")
    assert "出席者：林芳正（" in description and "出典：外務省" in description
    assert "Participants" not in description and "Source" not in description


@pytest.mark.parametrize(("readout", "expected"), [
    (_japanese(), ["形式：電話会談", "会合：", "  - 少人数会合：現地時間", "出席者：",
                   "トピック：CPTPP", "発表日：2023年5月4日"]),
    (_english(), ["Mode: telephone", "Sessions:", "  - Telephone talk: commencing",
                  "Topics: CPTPP", "Published: May 4, 2023"]),
])
def test_plain_text_has_the_readouts_own_labels(readout: Readout, expected: list[str]) -> None:
    text = render.readout_text(readout, "Asia/Tokyo")
    assert [line for line in expected if line not in text] == []
