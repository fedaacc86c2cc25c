"""Japanese typed into the search field, key by key, shows exactly the readouts holding it.

The archive holds Japanese and English readouts; the reference for each query is a plain
``instr()`` scan over the text the full-text index holds.
"""

from __future__ import annotations

import re
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.archive.sqlite_index import register_functions
from readout_desk.domain import jsonformat
from readout_desk.domain.records import Readout, SummaryPoint
from readout_desk.ui.main_window import MainWindow
from tests.ui.conftest import wait_for_search

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import corpus_ja  # noqa: E402

OpenWindow = Callable[..., MainWindow]
COLUMNS = ("title", "section", "people", "place", "occasion", "topics", "kinds", "countries",
           "body", "publisher")


def type_like_a_person(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """ASCII as key presses; Japanese as an input method sends it: the reading composed
    character by character (pre-edit text), then the converted text committed.

    ``QTest.keyClicks`` cannot send a character it has no key for (Qt asserts on it)."""
    for part in re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]+", text):
        if part.isascii():
            qtbot.keyClicks(widget, part)
            continue
        for end in range(1, len(part) + 1):
            QApplication.sendEvent(widget, QInputMethodEvent(part[:end], []))
        commit = QInputMethodEvent()
        commit.setCommitString(part)
        QApplication.sendEvent(widget, commit)


def reference(path: Path, *runs: str, words: tuple[str, ...] = ()) -> set[int]:
    """Readouts whose index text holds every run (``instr``) and every English word."""
    text = " || char(10) || ".join(COLUMNS)
    where = [f"instr({text}, ?) > 0" for _r in runs]
    where += ["readout_fts MATCH ?" for _w in words]
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        register_functions(conn)  # the index reads its text through it
        return {int(r[0]) for r in conn.execute(
            f"SELECT rowid FROM readout_fts WHERE {' AND '.join(where)}", (*runs, *words))}


@pytest.fixture
def mixed_archive(archive: Archive) -> Archive:
    readouts = [jsonformat.readout_from_dict(corpus_ja.mixed(i, 0.5)) for i in range(60)]
    readouts.append(Readout(
        title="日・ペルー外相会談", section="ペルー", language="ja",
        published_date=readouts[0].published_date,
        lead="林芳正外務大臣は、ペルー共和国外務大臣と外相会談を行いました。",
        points=(SummaryPoint("両者は、ＣＰＴＰＰについて意見交換を行いました。", label="1"),)))
    archive.add_many(readouts)
    return archive


@pytest.mark.parametrize(("typed", "runs", "words"), [
    ("林", ("林",), ()),  # one kanji
    ("会談", ("会談",), ()),  # two
    ("経済安全保障", ("経済安全保障",), ()),  # six
    ("ペルー", ("ペルー",), ()),  # katakana
    ("ました", ("ました",), ()),  # hiragana
    ("林芳正", ("林芳正",), ()),
    ("会談 CPTPP", ("会談",), ("cptpp",)),  # mixed
    ("ＣＰＴＰＰ 外務", ("外務",), ("cptpp",)),  # full-width letters
])
def test_typed_japanese_shows_exactly_the_readouts_that_hold_it(
        qtbot: QtBot, open_window: OpenWindow, mixed_archive: Archive, archive_path: Path,
        typed: str, runs: tuple[str, ...], words: tuple[str, ...]) -> None:
    window = open_window(mixed_archive)
    window.search_field.setFocus()
    type_like_a_person(qtbot, window.search_field, typed)
    wait_for_search(qtbot, window)
    assert window.search_field.text() == typed
    expected = reference(archive_path, *runs, words=words)
    assert expected, typed
    assert window.model.total == len(expected)
    assert set(window.model.loaded_ids()) == expected
