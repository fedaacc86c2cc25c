"""A kept source: its words marked and escaped, durations shown as printed, a page's
navigation left out, and a new reading compared field by field."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from readout_desk.domain import render, sources, webpage
from readout_desk.domain.extract import extract
from readout_desk.domain.records import MeetingSession, Readout, Source

OPENING = ("Japan-Peru Relations\nMay 3, 2023\n"
           "On May 3, commencing at 9:10 a.m. (local time) for approximately 60 minutes, "
           "Mr. KANEDA Ryo, Minister for Foreign Affairs of Japan, held a meeting with "
           "H.E. Ms. Lucia Prado, Minister of Foreign Affairs of the Republic of Peru, in "
           "Lima.\n")


def test_marked_html_escapes_everything_and_marks_each_field_once() -> None:
    source = Source(text="<b>Title</b> & <script>x()</script> at 9:10",
                    spans=(("title", 0, 12), ("section", 3, 8), ("sessions[0].start", 39, 43)))
    out = sources.marked_html(source)
    assert "<script>" not in out and "&lt;script&gt;" in out and "&amp;" in out
    assert out.count("<span") == 2  # "section" lies inside "title": marked once
    assert 'title="sessions[0].start"' in out and sources.MARK_TIME in out


def test_a_duration_is_shown_as_printed_while_it_is_the_stored_length() -> None:
    session = MeetingSession(start=dt.datetime(2023, 5, 3, 9, 10), zone="America/Lima",
                             duration_minutes=60, duration_hedge="approximately")
    text = "for approximately 60 minutes"
    readout = Readout(sessions=(session,), source=Source(
        text=text, spans=(("sessions[0].duration", 4, len(text)),)))
    assert "for approximately 60 minutes" in render.session_lines(readout, None)[0].timing
    assert "1 hour" not in render.session_lines(readout, None)[0].timing
    # Without the source, or once the length was changed, the stored length is shown.
    assert "for approximately 1 hour" in render.session_lines(
        replace(readout, source=None), None)[0].timing
    changed = replace(readout, sessions=(replace(session, duration_minutes=45),))
    assert "for approximately 45 minutes" in render.session_lines(changed, None)[0].timing


def test_a_pasted_readout_keeps_its_text_and_where_each_field_was_read() -> None:
    draft = extract(OPENING)
    readout = sources.with_source(draft, OPENING)
    assert readout.source is not None and readout.source.original == ""
    assert readout.source.as_printed("sessions[0].duration") == "approximately 60 minutes"
    page = "<html><body><nav>Home</nav><p>" + OPENING.replace("\n", "</p><p>") + "</p></html>"
    fetched = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.timezone.utc)
    kept = sources.with_source(extract(webpage.readable_html(page)), kind="page",
                               original=page, url="https://example.org/r",
                               retrieved_at=fetched)
    assert kept.source is not None and kept.source.original == page
    assert (kept.source_url, kept.retrieved_date) == ("https://example.org/r", fetched.date())
    assert "Home" not in kept.source.text


def test_a_new_reading_is_compared_and_taken_field_by_field() -> None:
    stored = sources.with_source(extract(OPENING), OPENING)
    fresh = replace(stored, occasion="APEC week", title="Another title")
    changes = sources.field_changes(stored, fresh)
    assert [(c.key, c.stored, c.new) for c in changes] == [
        ("title", stored.title, "Another title"), ("occasion", "", "APEC week")]
    taken = sources.accept_changes(stored, fresh, {"occasion"})
    assert (taken.title, taken.occasion) == (stored.title, "APEC week")
    with pytest.raises(ValueError, match="not a field"):
        sources.accept_changes(stored, fresh, {"id"})
    assert sources.reread(stored).title == stored.title
    with pytest.raises(ValueError, match="no source"):
        sources.reread(replace(stored, source=None))


def test_a_page_loses_its_navigation_banners_and_scripts_but_not_its_readout() -> None:
    page = ("<html><head><title>T</title><script>var a='<p>x</p>';</script></head><body>"
            "<header><a href='/'>Site home</a></header><div class='global-nav'>Menu</div>"
            "<div id='cookie_banner'>Accept cookies</div><main><header><h1>Talks</h1>"
            "</header><p onclick='x()'>On May 3 &amp; 4 <img src='http://x/y.png'>we met"
            "</p><aside>Related</aside></main><footer>Copyright</footer>"
            "<ul role='navigation'><li>More</ul></body></html>")
    out = webpage.readable_html(page)
    for gone in ("Site home", "Menu", "cookies", "Related", "Copyright", "More", "var a",
                 "onclick", "http://x"):
        assert gone not in out
    assert "<h1>Talks</h1>" in out and "On May 3 &amp; 4" in out
