"""The Source tab lays its text out when it is shown: behind the Readout tab, a readout's
source (a page's snapshot can be long) is not laid out for every row the pane follows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.domain.records import Readout, Source
from readout_desk.ui.main_window import MainWindow
from readout_desk.ui.source_view import SourcePane
from tests.ui.conftest import wait_for_search

WAIT_MS = 10_000
SOURCE = ("Minister Orla Venn of Ruritania met her counterpart Teodor Kask on the river "
          "ports of the Lower Vale.\n" * 40)


def test_the_source_text_waits_behind_its_tab_until_the_tab_is_shown(
        qtbot: QtBot, archive: Archive, open_window: Callable[..., MainWindow]) -> None:
    (kept,) = archive.add_many([Readout(title="Talks on the Lower Vale river ports",
                                        source=Source(kind="text", text=SOURCE))],
                               validate=False)
    archive.add_many([Readout(title="A meeting on fisheries")], validate=False)
    window = open_window(archive)
    pane = window.findChild(SourcePane, "sourcePane")
    tabs = window.findChild(QTabWidget, "detailTabs")
    assert pane is not None and tabs is not None and tabs.currentIndex() == 0
    window.search_field.setFocus()
    qtbot.keyClicks(window.search_field, "Vale")
    wait_for_search(qtbot, window)
    qtbot.waitUntil(lambda: window.detail.readout is not None
                    and window.detail.readout.id == kept, timeout=WAIT_MS)
    assert pane.readout is not None and pane.readout.id == kept
    assert pane.about.text() == "Pasted text"
    assert pane.text.toPlainText() == ""  # behind the Readout tab: not laid out
    tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: "Orla Venn" in pane.text.toPlainText(), timeout=WAIT_MS)
    assert " ".join(pane.plain_text().split()) == " ".join(SOURCE.split())
    tabs.setCurrentIndex(0)  # another readout while the tab is hidden, then shown again
    window.search_bar.set_query("fisheries")
    wait_for_search(qtbot, window)
    qtbot.waitUntil(lambda: pane.readout is not None and pane.readout.id != kept,
                    timeout=WAIT_MS)
    tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: pane.text.toPlainText() == "", timeout=WAIT_MS)
