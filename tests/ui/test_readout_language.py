"""A readout is written in its own language whatever the interface's (its dates and timing
lines), and labelled in the interface's (field names, a meeting's mode)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.domain.records import MeetingSession, Mode, Place, Readout
from readout_desk.ui.detail_view import DetailView
from tests.domain.test_render_ja import lima
from tests.ui.translation import japanese

__all__ = ["japanese"]  # the fixture, used by name


def _english() -> Readout:
    return Readout(
        title="Japan-Peru Foreign Ministers' Meeting", section="Japan-Peru Relations",
        language="en", meeting_date=dt.date(2023, 5, 3), published_date=dt.date(2023, 5, 4),
        mode=Mode.TELEPHONE, place=Place("Lima", "PE", "", "America/Lima"),
        sessions=(MeetingSession("telephone talk", dt.datetime(2023, 5, 3, 9, 10),
                                 "America/Lima", duration_minutes=15),))


def _japanese_with_era() -> Readout:
    """A Japanese readout whose source dated itself in the era form."""
    return replace(lima(), title="令和5年5月3日の日・ペルー外相会談", mode=Mode.TELEPHONE)


def _pane(qtbot: QtBot, archive: Archive, readout: Readout, date_format: str) -> str:
    view = DetailView(archive)
    qtbot.addWidget(view)
    view.date_format = date_format
    view.show_readout(readout, "Asia/Tokyo")
    return view.toPlainText()


def test_an_english_readout_reads_as_published_in_a_japanese_interface(
        qtbot: QtBot, japanese: None, archive: Archive) -> None:
    # "japanese" is the date format a Japanese interface starts with.
    shown = _pane(qtbot, archive, _english(), "japanese")
    assert "May 3, 2023" in shown and "May 4, 2023" in shown
    assert "9:10 a.m. (local time; 11:10 p.m. JST)" in shown
    assert "2023年5月3日" not in shown and "2023年5月4日" not in shown
    # The labels around it are the interface's.
    for label in ("形式：電話会談", "場所：", "会合", "発表日："):
        assert label in shown, label
    for english in ("Mode", "Place", "Sessions", "Published"):
        assert english not in shown, english


def test_a_japanese_readout_reads_as_published_in_an_english_interface(
        qtbot: QtBot, archive: Archive) -> None:
    shown = _pane(qtbot, archive, _japanese_with_era(), "long")
    assert "令和5年5月3日" in shown and "令和5年5月4日" in shown
    assert "午前9時10分" in shown
    assert "May 3, 2023" not in shown
    for label in ("Mode: telephone", "Place: ", "Sessions", "Participants", "Published"):
        assert label in shown, label
    for japanese_label in ("形式", "場所：", "出席者", "発表日"):
        assert japanese_label not in shown, japanese_label


def test_an_english_readout_s_topics_are_named_in_japanese_in_a_japanese_interface(
        qtbot: QtBot, japanese: None, archive: Archive) -> None:
    shown = _pane(qtbot, archive, replace(_english(), topics=("Climate change", "CPTPP")),
                  "japanese")
    assert "トピック：気候変動, CPTPP" in shown


def test_a_chosen_neutral_date_format_still_applies_to_an_english_readout(
        qtbot: QtBot, japanese: None, archive: Archive) -> None:
    shown = _pane(qtbot, archive, _english(), "iso")
    assert "2023-05-03" in shown and "2023年" not in shown
