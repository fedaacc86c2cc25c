"""Capture from a web page against a server on the loopback address, serving pages
written for these tests: menus, banners, scripts, redirects, a slow answer, a 50 MB
answer, a non-HTML answer and a missing page. Each gives a draft or a clear message."""

from __future__ import annotations

import time

import pytest

from readout_desk import capture
from readout_desk.capture import CaptureError
from tests.capture.conftest import BIG, NAVIGATION, PAGE, Pages


def test_a_page_gives_a_draft_without_its_navigation_and_keeps_its_snapshot(
        server: str) -> None:
    got = capture.capture(f"{server}/readout")
    readout = got.readout
    assert readout.title == "Japan-Chile Foreign Ministers' Meeting"
    assert [p.person.family_name for p in readout.participants] == ["OKADA", "Irarrazaval"]
    assert readout.sessions[0].duration_minutes == 45
    source = readout.source
    assert source is not None and source.kind == "page"
    assert source.original == PAGE  # the snapshot, whole
    assert source.url == f"{server}/readout" == readout.source_url
    assert source.retrieved_at is not None and readout.retrieved_date is not None
    for words in NAVIGATION:
        assert words not in source.text, words
    assert source.as_printed("sessions[0].duration") == "approximately 45 minutes"
    # Nothing but the page itself was asked for: no image, style sheet or script.
    assert Pages.requested == ["/readout"]


def test_a_redirect_chain_is_followed_to_the_page(server: str) -> None:
    got = capture.capture(f"{server}/hop3")
    assert got.page.url == f"{server}/readout" and got.page.redirects == 4
    assert got.readout.source is not None and got.readout.source.url == got.page.url


def test_a_too_long_redirect_chain_is_refused(server: str) -> None:
    with pytest.raises(CaptureError, match="redirects more than 5 times"):
        capture.fetch(f"{server}/hop12")
    with pytest.raises(CaptureError, match="more than 2 times"):
        capture.fetch(f"{server}/hop3", max_redirects=2)


def test_a_slow_answer_runs_out_of_time(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(CaptureError, match="did not answer within 0.5 seconds"):
        capture.fetch(f"{server}/slow", timeout=0.5)
    assert time.monotonic() - started < 1.8


def test_a_50_mb_answer_is_refused_without_reading_it_all(server: str) -> None:
    with pytest.raises(CaptureError, match="50.0 MB; pages over 5 MB are not captured"):
        capture.fetch(f"{server}/huge")
    with pytest.raises(CaptureError, match="larger than 5 MB"):
        capture.fetch(f"{server}/huge-unannounced")
    deadline = time.monotonic() + 5
    while len(Pages.sent) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert all(sent < BIG for sent in Pages.sent.values()), Pages.sent


def test_other_answers_give_a_clear_message(server: str) -> None:
    with pytest.raises(CaptureError, match="gives application/pdf, not a web page"):
        capture.fetch(f"{server}/report.pdf")
    with pytest.raises(CaptureError, match="answered 404 Not Found"):
        capture.fetch(f"{server}/gone")
    with pytest.raises(CaptureError, match="menu-only cannot be read: There is no text"):
        capture.capture(f"{server}/menu-only")
    with pytest.raises(CaptureError, match="not a web page address"):
        capture.fetch(f"{server}/to-file")
    for address in ("file:///etc/passwd", "ftp://example.org/x", "data:text/html,<p>x"):
        with pytest.raises(CaptureError, match="Only web pages"):
            capture.fetch(address)
    with pytest.raises(CaptureError, match="cancelled"):
        capture.capture(f"{server}/readout", cancelled=lambda: True)


def test_plain_text_is_read_as_pasted_text_would_be(server: str) -> None:
    got = capture.capture(f"{server}/plain")
    assert [p.person.family_name for p in got.readout.participants] == ["OKADA", "Irarrazaval"]
