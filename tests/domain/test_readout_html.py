"""The HTML layout of a readout: faithful, escaped, highlighted."""

from __future__ import annotations

import datetime as dt

from readout_desk.archive.demo import demo_readouts
from readout_desk.domain.records import Photo, Readout, SummaryPoint
from readout_desk.domain.render import readout_html, safe_link

HIT = '<span style="background-color: #fff1a8;">'


def lima() -> Readout:
    return next(r for r in demo_readouts() if r.place and r.place.city == "Lima")


def test_lima_is_laid_out_like_the_published_readout() -> None:
    html = readout_html(lima(), "Asia/Tokyo")
    order = ["Japan-Peru Relations", "May 3, 2023", "Japan-Peru Foreign Ministers&#x27; Meeting",
             "[Photo] Two Ministers who shake hands", "<b>Small group meeting</b>: commencing at "
             "9:10 a.m. (local time; 11:10 p.m. on May 3 JST) for approximately 15 minutes",
             "<b>Plenary meeting</b>: commencing at 9:40 a.m. (local time; 11:40 p.m. on May 3 "
             "JST) for approximately 90 minutes", ">1.</td>", "Participants",
             "Ministry of Foreign Affairs of Japan"]
    positions = [html.index(piece) for piece in order]
    assert positions == sorted(positions)
    assert "&#9888;" not in html  # the printed times agree with the rules


def test_home_zone_changes_the_second_time() -> None:
    html = readout_html(lima(), "Europe/Paris")
    assert "(local time; 4:10 p.m. CEST) for approximately 15 minutes" in html


def test_everything_from_the_archive_is_escaped() -> None:
    nasty = '<b>bold</b><img src="http://example.invalid/x.png">'
    r = Readout(title=nasty, lead=nasty, points=(SummaryPoint(nasty, speaker=nasty),),
                topics=(nasty,), photos=(Photo(nasty),), notes=nasty, publisher=nasty,
                source_url='http://x.invalid/"><img src=x>', occasion=nasty)
    html = readout_html(r, "UTC")
    assert "<img" not in html and "<b>bold" not in html
    assert html.count("&lt;b&gt;bold&lt;/b&gt;") == 9
    assert 'href="http://x.invalid/"><img' not in html
    highlighted = readout_html(r, "UTC", (nasty, "bold"))
    assert "<img" not in highlighted and "<b>bold" not in highlighted


def test_search_words_are_highlighted_at_word_starts_ignoring_case() -> None:
    r = Readout(title="CPTPP and the cptpp review", lead="Economic partnership; subcptpp")
    html = readout_html(r, "UTC", ("cptpp", "economic partnership"))
    assert html.count(HIT) == 3
    assert f"{HIT}CPTPP</span>" in html and f"{HIT}cptpp</span>" in html
    assert f"{HIT}Economic partnership</span>" in html
    assert "sub" + HIT not in html


def test_a_word_is_highlighted_in_any_width_as_the_search_finds_it() -> None:
    r = Readout(title="ＣＰＴＰＰ協定に関する会談", lead="ｶﾞｽと銅の供給、Echeverría氏の発言",
                points=(SummaryPoint("CPTPP and ガス, echeverria"),))
    html = readout_html(r, "UTC", ("CPTPP", "ガス", "Echeverria"))
    assert f"{HIT}ＣＰＴＰＰ</span>協定" in html  # full-width letters, as typed half-width
    assert f"{HIT}ｶﾞｽ</span>と銅" in html  # half-width kana with their voicing mark
    assert f"{HIT}Echeverría</span>氏" in html
    assert f"{HIT}CPTPP</span> and {HIT}ガス</span>, {HIT}echeverria</span>" in html
    typed_wide = readout_html(r, "UTC", ("ＣＰＴＰＰ", "ｶﾞｽ"))
    assert typed_wide.count(HIT) == 4


def test_only_http_links_are_links() -> None:
    assert safe_link("https://www.mofa.go.jp/a.html") == "https://www.mofa.go.jp/a.html"
    assert safe_link("javascript:alert(1)") is None
    assert safe_link("file:///etc/passwd") is None
    assert safe_link("http://a b") is None
    html = readout_html(Readout(title="x", source_url="file:///etc/passwd"), None)
    assert "<a " not in html and "file:///etc/passwd" in html


def test_date_text_and_photo_urls_come_from_the_caller() -> None:
    r = Readout(title="x", meeting_date=dt.date(2023, 5, 3), photos=(Photo("c", "a.png"),))
    html = readout_html(r, None, date_text=lambda d: d.isoformat(),
                        photo_url=lambda p: f"file:///attachments/{p.file}")
    assert "2023-05-03" in html
    assert '<img src="file:///attachments/a.png"' in html
    assert "<img" not in readout_html(r, None)
