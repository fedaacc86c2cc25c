"""The reading pane lays out, once when it is made, a sample of every form a readout is
shown in (headings, bold, italic, a table, a marked word, a link; Latin and Japanese
script), so that the window's first readout does not load its fonts while keys come."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.domain.extract import extract
from readout_desk.domain.records import Readout
from readout_desk.domain.scripts import has_cjk
from readout_desk.ui import detail_view
from readout_desk.ui.detail_view import WARM_UP_HTML, DetailView, readout_page
from readout_desk.ui.main_window import MainWindow
from tests.ui.conftest import wait_for_search

WAIT_MS = 10_000
JAPANESE = Path(__file__).resolve().parents[1] / "extract" / "corpus_ja"


def _forms(markup: str) -> set[str]:
    """The tags, attributes and inline style properties a piece of HTML uses."""
    tags = set(re.findall(r"<(\w+)", markup)) - {"html", "body"}
    attributes = {f"@{a}" for a in re.findall(r"\s([a-z-]+)=\"", markup)}
    styles = {f"style:{p.split(':')[0].strip()}"
              for style in re.findall(r'style="([^"]*)"', markup)
              for p in style.split(";") if p.strip()}
    return tags | attributes | styles


def _readouts(paths: list[Path]) -> list[Readout]:
    found = []
    for i, path in enumerate(paths):
        readout = extract(path.read_bytes()).readout
        found.append(readout if readout.title else
                     dataclasses.replace(readout, title=f"Untitled example {i}"))
    return found


def test_the_sample_holds_every_form_of_the_examples_and_japanese_readouts(
        examples_dir: Path) -> None:
    readouts = _readouts(sorted(examples_dir.glob("*.txt")) + sorted(JAPANESE.glob("*.txt"))[:6])
    assert {r.language for r in readouts} >= {"en", "ja"}
    shown: set[str] = set()
    for readout in readouts:
        shown |= _forms(readout_page(readout, "Asia/Tokyo", ("Minister", "会談")).html)
    assert shown - _forms(WARM_UP_HTML) == set()
    assert has_cjk(WARM_UP_HTML) and re.search("[A-Za-z]", WARM_UP_HTML)


def test_the_pane_warms_up_once_before_its_first_readout(
        qtbot: QtBot, demo_archive: Archive, open_window: Callable[..., MainWindow],
        monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    warm_up = DetailView.warm_up

    def counted(pane: DetailView) -> None:
        seen.append("warm up")
        warm_up(pane)

    monkeypatch.setattr(detail_view.DetailView, "warm_up", counted)
    window = open_window(demo_archive)
    window.detail.readoutShown.connect(
        lambda readout: seen.append("shown") if readout is not None else None)
    window.search_field.setFocus()
    qtbot.keyClicks(window.search_field, "Lima")
    wait_for_search(qtbot, window)
    qtbot.waitUntil(lambda: "shown" in seen, timeout=WAIT_MS)
    assert seen[0] == "warm up" and seen.count("warm up") == 1, seen
