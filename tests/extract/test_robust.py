"""Bad input gives a draft or a clear message: HTML soup, encodings, binaries, huge pastes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from readout_desk.domain.extract import ExtractionError, extract, prepare
from readout_desk.domain.extract.text import MAX_TEXT_CHARS, decode

READOUT = ("Japan-Peru Foreign Ministers' Meeting\n\nMay 3, 2023\n\nOn May 3, Mr. HAYASHI "
           "Yoshimasa, Minister for Foreign Affairs, who is visiting Lima, Peru, held a "
           "meeting with H.E. Ms. Ana Gervasí, Minister of Foreign Affairs of the Republic "
           "of Peru, commencing at 9:10 a.m. (local time; 11:10 p.m. on May 3 JST) for "
           "approximately 15 minutes. The following is a summary.\n\n"
           "  1. The two ministers discussed the CPTPP.\n")

HTML = """<!DOCTYPE html><html><head><title>Japan-Peru | MOFA</title>
<style>body { color: red } .nav { display: none }</style>
<script>var menu = "Meeting held at 4:00 p.m. with Mr. FAKE Person, Minister"; </script>
</head><body>
<div id="cookie-banner">We use cookies. Accept all cookies?</div>
<header role="banner"><a href="/">Home</a> Ministry of Foreign Affairs</header>
<nav class="gnav"><ul><li>Foreign Policy</li><li>Press Releases</li>
<li>Meeting with Mr. X</li></ul></nav>
<div class="breadcrumbs">Home &gt; Regions &gt; Latin America</div>
<main><h1>Japan-Peru Foreign Ministers&#39; Meeting</h1>
<p class="date">May 3, 2023</p>
<figure><img src="a.jpg" alt="Two Ministers shaking hands facing the camera"></figure>
<p>On May 3, Mr. HAYASHI Yoshimasa, Minister for Foreign Affairs, who is visiting Lima, Peru,
held a meeting with H.E.&nbsp;Ms. Ana Gervas&iacute;, Minister of Foreign Affairs of the
Republic of Peru, commencing at 9:10 a.m. (local time; 11:10 p.m. on May 3 JST) for
approximately 15 minutes. The following is a summary.</p>
<ol><li>The two ministers discussed the CPTPP.</li><li>They exchanged views on Ukraine.</li></ol>
</main>
<footer><p>Copyright Ministry of Foreign Affairs. All rights reserved.</p></footer>
<script>document.write("2:00 p.m.")</script>
</body></html>"""


def test_html_page_loses_scripts_styles_menus_and_banners() -> None:
    draft = extract(HTML.encode("utf-8"))
    r = draft.readout
    assert draft.was_html
    for junk in ("cookies", "FAKE", "Press Releases", "color: red", "All rights", "Home"):
        assert junk not in draft.source
    assert r.title == "Japan-Peru Foreign Ministers' Meeting"
    assert [p.person.family_name for p in r.participants] == ["HAYASHI", "Gervasí"]
    assert [(p.label, p.text) for p in r.points] == [
        ("1.", "The two ministers discussed the CPTPP."),
        ("2.", "They exchanged views on Ukraine.")]
    assert [p.caption for p in r.photos] == ["Two Ministers shaking hands facing the camera"]
    assert r.sessions[0].start is not None and r.sessions[0].start.hour == 9
    assert draft.flagged == ()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be",
                                      "cp1252", "latin-1"])
def test_common_encodings_are_read(encoding: str) -> None:
    data = READOUT.replace("'", "\u2019" if encoding not in ("latin-1",) else "'").encode(
        encoding)
    draft = extract(data)
    assert "Gervasí" in draft.source
    assert draft.readout.participants[1].person.family_name == "Gervasí"
    assert draft.readout.title == "Japan-Peru Foreign Ministers' Meeting"


def test_cp1252_smart_quotes_are_decoded() -> None:
    text, encoding = decode("Ministers\u2019 Meeting \u2013 caf\u00e9".encode("cp1252"))
    assert encoding == "cp1252" and text == "Ministers\u2019 Meeting \u2013 caf\u00e9"


@pytest.mark.parametrize("data,what", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
    (bytes(range(256)) * 40, "binary"),
])
def test_binary_files_get_a_clear_message(data: bytes, what: str) -> None:
    with pytest.raises(ExtractionError) as caught:
        extract(data)
    assert what in str(caught.value)
    assert str(caught.value).endswith(".")


@pytest.mark.parametrize("source", ["", "   \n\n  ", b"", "<html><script>x()</script></html>"])
def test_empty_input_gets_a_clear_message(source: str | bytes) -> None:
    with pytest.raises(ExtractionError, match="no text"):
        extract(source)


def test_long_text_is_cut_with_a_note() -> None:
    prepared = prepare(READOUT + ("Filler sentence about nothing in particular. " * 20000))
    assert len(prepared.text) <= MAX_TEXT_CHARS
    assert prepared.notes and "first" in prepared.notes[0]


def test_pathological_text_does_not_crash() -> None:
    odd = ("((((" * 500 + "Mr. " * 300 + "at 9:" * 300 + "H.E. " * 200 + "-" * 3000
           + "Minister of " * 400 + "1. " * 300)
    draft = extract(odd)
    assert draft.readout is not None


def test_ten_megabyte_paste_finishes_in_bounded_time(tmp_path: Path) -> None:
    """A 10 MB paste gives a draft (or a message) within a generous bound, in a subprocess
    so a runaway pattern would be stopped rather than hang the suite."""
    big = tmp_path / "big.txt"
    filler = ("The two ministers exchanged views (on the situation) at length, noting "
              "that Minister Minister Minister of of the the 12:00 12.00 and 1. (1) ")
    big.write_text(READOUT + filler * (10_500_000 // len(filler)), "utf-8")
    assert big.stat().st_size > 10_000_000
    code = ("import sys\nfrom readout_desk.domain.extract import extract, ExtractionError\n"
            "try:\n    d = extract(open(sys.argv[1], 'rb').read())\n"
            "    print('draft', len(d.readout.participants), d.notes[0][:20])\n"
            "except ExtractionError as e:\n    print('message', e)\n")
    result = subprocess.run([sys.executable, "-c", code, str(big)], capture_output=True,
                            text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(("draft 2", "message"))


def test_a_megabyte_built_against_the_name_time_and_place_patterns_gives_a_draft() -> None:
    """Long runs of what the patterns look for (modifiers before a kind, particles, venues,
    slash dates, brackets, labels, references) are read in one pass each: every repetition
    in them is bounded, so this finishes like any other text."""
    pieces = ["held the " + "Republic of " * 40 + "x. ", "de la " * 200 + "Fuente. ",
              "at the " * 300, "14/05/" * 300, "Papua New " * 200, "(" * 300 + "2:l5 a.m. ",
              "local time " * 300, "Their " + "talks " * 300, "counterpart, " * 200,
              "From January 12 to " * 200, "Minister Sato " * 200, "(PRC) " * 300,
              ", Jr., " * 300, "in Tokyo " * 300, "7.15p.m. local time(" * 200]
    text = "Japan-Peru Relations\n\nMay 3, 2025\n\n" + "".join(p * 3 for p in pieces)
    text = (text * (1_000_000 // len(text) + 1))[:1_000_000]
    draft = extract(text)
    assert draft.readout.section == "Japan-Peru Relations"
    assert any("first" in note for note in draft.notes)  # cut to the readable length


def test_runs_built_against_the_newer_patterns_are_read_in_one_pass(tmp_path: Path) -> None:
    """Long runs of what the newer patterns look for (places with "and the", a weekday in a
    bracket, portfolios after commas, royal and Malay styles, ordinal days, day ranges,
    datelines, counterparts, Japanese brackets after から) finish like any other text; in a
    subprocess, so that a pattern that backtracks without end is stopped, not waited for."""
    pieces = ["visiting Saint " + "and the Saint " * 100 + ". ", "(local time; 9:30 p.m. "
              + "(Thursday) " * 100 + "JST) ", "Minister of Foreign Affairs, African " * 100,
              "H.H. Prince " * 100, "Dato' Seri " * 100, "on the 13th " * 100,
              "12-13 March " * 100, "Jakarta, 5 February 2026 - " * 100,
              "his Greek counterpart, " * 100, "at the Ministry, " * 100]
    english = "News story\n\nPublished 5 May 2025\n\n" + "".join(p * 3 for p in pieces)
    english = (english * (500_000 // len(english) + 1))[:500_000]
    japanese = ("報道発表\n\n日仏外相会談\n\n令和7年7月5日\n\n　現地時間4日午後5時"
                + "から（日本時間" * 200 + "（金曜日）" * 300 + "）" * 100 + "桜井健太外務大臣は、"
                "ジャン・ボーモン・フランス" + "共和国" * 300 + "外務大臣（H.E. Mr. Jean Beaumont,"
                + "Secretary," * 300 + "）と会談を行いました。\n")
    (tmp_path / "en.txt").write_text(english, "utf-8")
    (tmp_path / "ja.txt").write_text(japanese, "utf-8")
    code = ("import sys\nfrom readout_desk.domain.extract import extract\n"
            "for name in sys.argv[1:]:\n"
            "    print(extract(open(name, encoding='utf-8').read()).readout.language)\n")
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "en.txt"),
                             str(tmp_path / "ja.txt")], capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["en", "ja"]
