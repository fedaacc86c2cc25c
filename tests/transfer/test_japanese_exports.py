"""A Japanese readout leaves in every export format with its text intact: JSON, CSV (UTF-8
with the mark spreadsheets look for), Markdown, HTML, iCalendar and PDF (with a Japanese
font embedded)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import icalendar
import pytest
from pytestqt.qtbot import QtBot

from readout_desk import printing
from readout_desk.archive import Archive, html_document
from readout_desk.archive.transfer import export_readouts, import_files
from readout_desk.domain.records import Readout
from tests.domain.test_render_ja import lima

TITLE = "日・ペルー外相会談"
LEAD_START = "現地時間5月3日午前9時10分（日本時間同日午後11時10分）から約15分間"
NAMES = ("林芳正", "ジャンカルロ・ヘルバシ")
NOW = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)


@pytest.fixture
def saved(archive: Archive) -> Readout:
    return archive.add(lima())


def _export(archive: Archive, readout: Readout, fmt: str, out: Path) -> Path:
    export_readouts(archive, [readout.id or 0], fmt, out, home_zone="Asia/Tokyo", now=NOW)
    return out


def test_json_writes_the_characters_themselves(tmp_path: Path, archive: Archive,
                                               saved: Readout) -> None:
    raw = _export(archive, saved, "json", tmp_path / "ja.json").read_bytes()
    assert TITLE.encode("utf-8") in raw  # written as characters, not \\u escapes
    (data,) = json.loads(raw.decode("utf-8"))["readouts"]
    assert (data["title"], data["language"]) == (TITLE, "ja")
    assert data["lead"].startswith(LEAD_START)
    assert [p["printed_name"] for p in data["participants"][:2]] == list(NAMES)


def test_csv_is_utf8_with_the_byte_order_mark(tmp_path: Path, archive: Archive,
                                              saved: Readout) -> None:
    raw = _export(archive, saved, "csv", tmp_path / "ja.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    (row,) = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert (row["title"], row["section"], row["place_city"]) == (TITLE, "ペルー", "リマ")
    assert row["lead"].startswith(LEAD_START)
    assert row["participants_as_printed"] == "林芳正; ジャンカルロ・ヘルバシ; "
    sessions = (tmp_path / "ja-sessions.csv").read_bytes()
    assert sessions.startswith(b"\xef\xbb\xbf")
    kinds = [r["kind"] for r in csv.DictReader(io.StringIO(sessions.decode("utf-8-sig")))]
    assert kinds == ["少人数会合", "全体会合"]


def test_csv_brings_the_names_in_their_own_script_back(tmp_path: Path, archive: Archive,
                                                       saved: Readout) -> None:
    out = _export(archive, saved, "csv", tmp_path / "ja.csv")
    with Archive.open(tmp_path / "other.sqlite3") as other:
        summary = import_files(other, [out])
        (new_id,) = summary.imported_ids
        again = other.get(new_id)
        assert [p.printed_name for p in again.participants] == [*NAMES, ""]
        assert other.search_ids("ヘルバシ") == other.search_ids("Gervasi") == [again.id]


def test_markdown_keeps_the_text_and_the_japanese_timing(tmp_path: Path, archive: Archive,
                                                         saved: Readout) -> None:
    text = _export(archive, saved, "md", tmp_path / "ja.md").read_text(encoding="utf-8")
    assert f"## {TITLE}" in text
    assert f"- **少人数会合**：{LEAD_START}" in text
    assert "両者は、ＣＰＴＰＰについて意見交換を行いました。" in text
    assert "林芳正（Hayashi Yoshimasa）外務大臣" in text


def test_html_declares_utf8_and_keeps_the_text(tmp_path: Path, archive: Archive,
                                               saved: Readout) -> None:
    text = _export(archive, saved, "html", tmp_path / "ja.html").read_text(encoding="utf-8")
    assert '<meta charset="utf-8">' in text
    assert TITLE in text and LEAD_START in text
    assert "ジャンカルロ・ヘルバシ（H.E. Mr. Giancarlo Gervasi）" in text


def test_ics_summaries_are_utf8_folded_between_characters(tmp_path: Path, archive: Archive,
                                                          saved: Readout) -> None:
    raw = _export(archive, saved, "ics", tmp_path / "ja.ics").read_bytes()
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75, line
        line.decode("utf-8")  # a fold never cuts a character in two
    events = icalendar.Calendar.from_ical(raw).walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == [f"少人数会合: {TITLE}", f"全体会合: {TITLE}"]


def _pdf(qtbot: QtBot, saved: Readout, out: Path) -> Path:
    printing.write_pdf(html_document([saved], "Asia/Tokyo", "日本語の記録"), out,
                       title="日本語の記録")
    return out


_CJK_FONT = re.compile(r"CJK|Gothic|Mincho|JP\b|Sans ?J|IPA|Takao|Source ?Han", re.I)


@pytest.mark.skipif(shutil.which("pdffonts") is None,
                    reason="pdffonts (poppler-utils) is not installed")
def test_pdf_embeds_a_japanese_font(qtbot: QtBot, tmp_path: Path, saved: Readout) -> None:
    pdf = _pdf(qtbot, saved, tmp_path / "ja.pdf")
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                             check=True).stdout.splitlines()[2:]
    fonts = {line.split()[0]: line.split()[-5] for line in listing if line.strip()}
    embedded_cjk = [name for name, emb in fonts.items() if _CJK_FONT.search(name)
                    and emb == "yes"]
    assert embedded_cjk, f"no embedded Japanese font among {fonts}"


@pytest.mark.skipif(shutil.which("pdftoppm") is None,
                    reason="pdftoppm (poppler-utils) is not installed")
def test_pdf_page_renders_with_ink(qtbot: QtBot, tmp_path: Path, saved: Readout) -> None:
    from PySide6.QtGui import QImage

    pdf = _pdf(qtbot, saved, tmp_path / "ja.pdf")
    subprocess.run(["pdftoppm", "-png", "-r", "72", "-f", "1", "-l", "1", str(pdf),
                    str(tmp_path / "page")], check=True)
    (png,) = tmp_path.glob("page*.png")
    image = QImage(str(png))
    dark = sum(1 for y in range(0, image.height(), 2) for x in range(0, image.width(), 2)
               if image.pixelColor(x, y).lightness() < 128)
    assert dark > 300  # the page carries text, not an empty sheet
