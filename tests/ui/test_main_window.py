"""The main window driven the way a person uses it: type, press keys, click."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive, ArchiveLockedError
from readout_desk.archive.demo import demo_readouts
from readout_desk.domain.messages import Message
from readout_desk.ui import main_window as main_window_module
from readout_desk.ui.facets import COUNTRIES, PEOPLE, TOPICS, FacetsView
from readout_desk.ui.main_window import PAGE_BROWSE, PAGE_EMPTY, MainWindow
from readout_desk.ui.results_model import COL_DATE, COL_MODE, COL_PLACE, COL_TITLE
from readout_desk.ui.search_field import FilterChip
from readout_desk.ui.settings import Settings
from tests.ui.conftest import WAIT_MS, wait_for_search

OpenWindow = Callable[..., MainWindow]


def lima_readout_only(archive: Archive) -> Archive:
    """An archive holding just the published Lima readout."""
    lima = next(r for r in demo_readouts() if r.place and r.place.city == "Lima")
    archive.add(lima.with_id(None))
    return archive


def type_query(qtbot: QtBot, window: MainWindow, text: str) -> None:
    window.search_field.setFocus()
    qtbot.keyClicks(window.search_field, text)
    wait_for_search(qtbot, window)


def shown_titles(window: MainWindow) -> list[str]:
    model = window.model
    return [str(model.index(r, COL_TITLE).data()) for r in range(model.rowCount())]


def test_typing_a_query_updates_the_table_and_the_status(
        qtbot: QtBot, open_window: OpenWindow, demo_archive: Archive) -> None:
    window = open_window(demo_archive)
    everything = window.model.total
    assert everything == demo_archive.search("").total > 1
    type_query(qtbot, window, "Gervasi")
    expected = demo_archive.search("Gervasi")
    assert 0 < window.model.total == expected.total < everything
    assert window.model.rowCount() == expected.total
    status = window.findChild(type(window.status_hits), "statusHits")
    assert status is not None
    noun = "readout" if expected.total == 1 else "readouts"
    assert status.text().startswith(f"{expected.total} {noun} · ")
    assert status.text().endswith(" ms")
    assert set(window.model.loaded_ids()) == set(expected.ids)


def test_cptpp_selects_the_lima_readout_with_tokyo_times(
        qtbot: QtBot, open_window: OpenWindow, archive: Archive) -> None:
    window = open_window(lima_readout_only(archive), home_zone="Asia/Tokyo")
    type_query(qtbot, window, "CPTPP")
    qtbot.waitUntil(lambda: window.detail.readout is not None, timeout=WAIT_MS)
    assert window.model.total == 1
    shown = window.detail.readout
    assert shown is not None
    assert window.current_readout_id() == shown.id
    text = window.detail.toPlainText()
    assert "Japan-Peru Foreign Ministers' Meeting" in text
    # the session line (not only the lead, which quotes the published text)
    assert ("Small group meeting: commencing at 9:10 a.m. "
            "(local time; 11:10 p.m. on May 3 JST) for approximately 15 minutes") in text


def test_cptpp_in_the_full_demo_archive_selects_lima(
        qtbot: QtBot, open_window: OpenWindow, demo_archive: Archive) -> None:
    window = open_window(demo_archive, home_zone="Asia/Tokyo")
    type_query(qtbot, window, "CPTPP")
    titles = shown_titles(window)
    assert len(titles) > 1  # samples discuss the CPTPP too; the published readout ranks first
    assert titles[0] == "Japan-Peru Foreign Ministers' Meeting"
    qtbot.waitUntil(lambda: window.detail.readout is not None
                    and window.detail.readout.title == titles[0], timeout=WAIT_MS)
    shown = window.detail.readout
    assert shown is not None
    assert window.current_readout_id() == shown.id
    assert "11:10 p.m. on May 3 JST) for approximately 15 minutes" in \
        window.detail.toPlainText()
    # the searched word is highlighted in the detail
    assert "background-color:#fff1a8" in window.detail.toHtml().replace(" ", "")


def test_down_arrow_moves_and_the_detail_follows(
        qtbot: QtBot, open_window: OpenWindow, demo_archive: Archive) -> None:
    window = open_window(demo_archive)
    qtbot.waitUntil(lambda: window.detail.readout is not None, timeout=WAIT_MS)
    first = window.detail.readout
    assert first is not None and first.id == window.model.id_at(0)
    window.results.setFocus()
    qtbot.keyClick(window.results, Qt.Key.Key_Down)
    second_id = window.model.id_at(1)
    qtbot.waitUntil(lambda: window.detail.readout is not None
                    and window.detail.readout.id == second_id, timeout=WAIT_MS)
    assert window.current_readout_id() == second_id
    shown = window.detail.readout
    assert shown is not None
    assert shown.title in window.detail.toPlainText()
    qtbot.keyClick(window.results, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: window.detail.readout is not None
                    and window.detail.readout.id == first.id, timeout=WAIT_MS)


def test_enter_and_double_click_activate_the_readout(
        qtbot: QtBot, open_window: OpenWindow, demo_archive: Archive) -> None:
    window = open_window(demo_archive)
    window.results.setFocus()
    qtbot.keyClick(window.results, Qt.Key.Key_Down)
    expected = window.model.id_at(1)
    with qtbot.waitSignal(window.readoutActivated, timeout=WAIT_MS) as blocker:
        qtbot.keyClick(window.results, Qt.Key.Key_Return)
    assert blocker.args == [expected]
    rect = window.results.visualRect(window.model.index(2, COL_TITLE))
    qtbot.mouseClick(window.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(window.readoutActivated, timeout=WAIT_MS) as blocker:
        qtbot.mouseDClick(window.results.viewport(), Qt.MouseButton.LeftButton,
                          pos=rect.center())
    assert blocker.args == [window.model.id_at(2)]


def _facet_value_rect(view: FacetsView, group: int, row: int) -> QPoint:
    index = view.model().index(row, 0, view.model().index(group, 0))
    view.scrollTo(index)
    return view.visualRect(index).center()


def test_clicking_a_facet_narrows_and_the_chip_removes_the_filter(
        qtbot: QtBot, open_window: OpenWindow, demo_archive: Archive) -> None:
    window = open_window(demo_archive)
    everything = window.model.total
    facets = window.findChild(FacetsView, "facetsView")
    assert facets is not None
    model = facets.model()
    countries = model.index(COUNTRIES, 0)
    qtbot.waitUntil(lambda: model.rowCount(countries) > 1, timeout=WAIT_MS)
    # pick a country other than the most common one, so the results really narrow
    label = str(model.index(1, 0, countries).data())
    count = int(label.rsplit("(", 1)[1].rstrip(")").replace(",", ""))
    assert count < everything
    qtbot.mouseClick(facets.viewport(), Qt.MouseButton.LeftButton,
                     pos=_facet_value_rect(facets, COUNTRIES, 1))
    wait_for_search(qtbot, window)
    assert window.current_query().startswith("country:")
    assert 0 < window.model.total < everything
    assert window.model.total == count  # the readouts the facet counted, no more
    chips = window.search_bar.findChildren(FilterChip)
    assert [c.token for c in chips] == [window.current_query()]
    assert chips[0].isVisible()
    qtbot.mouseClick(chips[0], Qt.MouseButton.LeftButton)
    wait_for_search(qtbot, window)
    assert window.current_query() == ""
    assert window.model.total == everything


def _facet_labels(qtbot: QtBot, window: MainWindow, group: int) -> tuple[FacetsView, list[str]]:
    """The facets sidebar and what one group's values say, once it has more than one."""
    facets = window.findChild(FacetsView, "facetsView")
    assert facets is not None
    model = facets.model()
    parent = model.index(group, 0)
    qtbot.waitUntil(lambda: model.rowCount(parent) > 1, timeout=WAIT_MS)
    return facets, [str(model.index(r, 0, parent).data()) for r in range(model.rowCount(parent))]


def test_the_counts_of_the_results_before_are_greyed_until_the_new_ones_come(
        qtbot: QtBot, open_window: OpenWindow, demo_archive: Archive) -> None:
    """New results are shown before their counts are made: meanwhile the sidebar's values,
    counted for the results before, are greyed and a click on one does nothing; then the
    new results' counts replace them, and can be clicked."""
    window = open_window(demo_archive)
    facets, before = _facet_labels(qtbot, window, COUNTRIES)
    model = facets.model()
    countries = model.index(COUNTRIES, 0)

    def enabled() -> list[bool]:
        return [bool(model.index(r, 0, countries).flags() & Qt.ItemFlag.ItemIsEnabled)
                for r in range(model.rowCount(countries))]

    assert all(enabled())
    window.search_field.setFocus()
    with qtbot.waitSignal(window.search_controller.pageReady, timeout=WAIT_MS):
        qtbot.keyClicks(window.search_field, "Gervasi")
    assert window.model.query == "Gervasi"
    labels = [str(model.index(r, 0, countries).data()) for r in range(model.rowCount(countries))]
    assert labels == before and not any(enabled())  # the counts of every readout, greyed
    qtbot.mouseClick(facets.viewport(), Qt.MouseButton.LeftButton,
                     pos=_facet_value_rect(facets, COUNTRIES, 1))
    assert window.current_query() == "Gervasi"  # a greyed value adds no filter
    with qtbot.waitSignal(window.facetsFinished, timeout=WAIT_MS):
        pass
    expected = demo_archive.facets("Gervasi").countries
    assert model.rowCount(countries) == len(expected) and all(enabled())
    assert [str(model.index(r, 0, countries).data()).rsplit("  (", 1)[1]
            for r in range(len(expected))] == [f"{c.count:,})" for c in expected]


def test_a_persons_facet_finds_the_readouts_printing_the_name_either_way_round(
        qtbot: QtBot, open_window: OpenWindow, demo_archive: Archive) -> None:
    """ONO Haruka is printed "Haruka Ono" in the British readout; another person shares
    neither order of her name."""
    window = open_window(demo_archive)
    facets, labels = _facet_labels(qtbot, window, PEOPLE)
    row = next(r for r, label in enumerate(labels) if label.startswith("ONO Haruka"))
    count = int(labels[row].rsplit("(", 1)[1].rstrip(")"))
    assert count == demo_archive.search("person:ono").total  # every Ono of the demo is she
    qtbot.mouseClick(facets.viewport(), Qt.MouseButton.LeftButton,
                     pos=_facet_value_rect(facets, PEOPLE, row))
    wait_for_search(qtbot, window)
    assert window.current_query() == 'person="ONO Haruka"'
    assert window.model.total == count
    assert any(str(window.model.index(r, COL_TITLE).data()).startswith(
        "Foreign Secretary's video call with Japanese Foreign Minister Ono")
        for r in range(window.model.rowCount()))


def test_a_topics_facet_finds_the_readouts_it_counted(
        qtbot: QtBot, open_window: OpenWindow, archive: Archive) -> None:
    """Clicking "Indo-Pacific" shows the readouts filed under it, not those filed under
    "Free and Open Indo-Pacific" alone, whose words ``topic:`` would find too."""
    lima = next(r for r in demo_readouts() if r.place and r.place.city == "Lima")
    for title, filed in (("Talks on the Free and Open Indo-Pacific",
                          ("Free and Open Indo-Pacific",)),
                         ("Talks on the region", ("Indo-Pacific",))):
        archive.add(dataclasses.replace(lima.with_id(None), title=title, topics=filed))
    window = open_window(archive)
    facets, labels = _facet_labels(qtbot, window, TOPICS)
    row = next(r for r, label in enumerate(labels) if label.startswith("Indo-Pacific"))
    qtbot.mouseClick(facets.viewport(), Qt.MouseButton.LeftButton,
                     pos=_facet_value_rect(facets, TOPICS, row))
    wait_for_search(qtbot, window)
    assert window.current_query() == 'topic="Indo-Pacific"'
    assert window.model.total == 1 == int(labels[row].rsplit("(", 1)[1].rstrip(")"))
    assert str(window.model.index(0, COL_TITLE).data()) == "Talks on the region"


def test_clicking_the_date_header_sorts_by_date_in_sql(
        qtbot: QtBot, open_window: OpenWindow, demo_archive: Archive) -> None:
    window = open_window(demo_archive)
    header = window.results.horizontalHeader()

    def click_date() -> None:
        x = header.sectionViewportPosition(COL_DATE) + header.sectionSize(COL_DATE) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(x, header.height() // 2))
        wait_for_search(qtbot, window)

    def dates() -> list[dt.date]:
        hits = [window.model.hit(r) for r in range(window.model.rowCount())]
        return [h.meeting_date for h in hits if h is not None and h.meeting_date]

    click_date()
    first_order = dates()
    assert window.model.sort_key == "date"
    assert len(first_order) > 2
    click_date()
    second_order = dates()
    assert {tuple(first_order), tuple(second_order)} == {
        tuple(sorted(first_order)), tuple(sorted(first_order, reverse=True))}
    assert first_order != second_order
    assert window.model.loaded_ids() == demo_archive.search_ids(
        "", sort="date", descending=window.model.descending)


def test_columns_are_remembered_when_the_window_is_reopened(
        qtbot: QtBot, open_window: OpenWindow, demo_archive: Archive) -> None:
    settings = Settings()
    window = open_window(demo_archive, settings)
    header = window.results.horizontalHeader()
    window.set_column_visible(COL_MODE, False)
    header.moveSection(header.visualIndex(COL_PLACE), 0)
    header.resizeSection(COL_TITLE, 413)
    window.results.sortByColumn(COL_DATE, Qt.SortOrder.AscendingOrder)
    wait_for_search(qtbot, window)
    window.close()

    again = open_window(demo_archive, Settings())
    header2 = again.results.horizontalHeader()
    assert header2.isSectionHidden(COL_MODE)
    assert header2.visualIndex(COL_PLACE) == 0
    assert header2.sectionSize(COL_TITLE) == 413
    assert not header2.isSectionHidden(COL_TITLE)
    assert (again.model.sort_key, again.model.descending) == ("date", False)
    assert again.model.loaded_ids() == demo_archive.search_ids("", sort="date",
                                                               descending=False)


def test_ctrl_f_and_ctrl_k_focus_the_field_and_escape_clears(
        qtbot: QtBot, open_window: OpenWindow, demo_archive: Archive) -> None:
    window = open_window(demo_archive)
    window.activateWindow()
    for key in ("Ctrl+F", "Ctrl+K"):
        window.results.setFocus()
        qtbot.waitUntil(window.results.hasFocus, timeout=WAIT_MS)
        action = window.find_action
        assert any(s.toString() == key for s in action.shortcuts())
        qtbot.keyClick(window.results, key[-1], Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(window.search_field.hasFocus, timeout=WAIT_MS)
    type_query(qtbot, window, "Gervasi")
    assert window.model.total < demo_archive.search("").total
    qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    wait_for_search(qtbot, window)
    assert window.search_field.text() == ""
    assert window.model.total == demo_archive.search("").total


def test_a_malformed_query_shows_a_gentle_hint_not_a_dialog(
        qtbot: QtBot, open_window: OpenWindow, demo_archive: Archive,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window(demo_archive)
    boxes: list[str] = []
    for name in ("critical", "warning", "information"):
        monkeypatch.setattr(QMessageBox, name,
                                        lambda *a, **k: boxes.append(str(a)))
    type_query(qtbot, window, 'mode:bicycle "CPTPP')
    hint = window.search_bar.hint
    assert hint.isVisible()
    assert "quote was not closed" in hint.text()
    assert "bicycle" in hint.text()
    assert boxes == []
    assert QApplication.activeModalWidget() is None
    qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    wait_for_search(qtbot, window)
    assert not hint.isVisible()


def test_a_locked_archive_shows_a_banner_not_a_traceback(
        qtbot: QtBot, open_window: OpenWindow, demo_archive: Archive,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window(demo_archive)

    def locked(*_a: object, **_k: object) -> object:
        raise ArchiveLockedError("The archive is busy: another process is writing to it.")

    monkeypatch.setattr(Archive, "search", locked)  # every connection is busy
    qtbot.keyClicks(window.search_field, "Lima")
    qtbot.waitUntil(window.banner.isVisible, timeout=WAIT_MS)
    assert window.banner.text() == "The archive is busy: another process is writing to it."
    assert "Traceback" not in window.banner.text()


def test_stale_answers_never_replace_newer_ones(
        qtbot: QtBot, open_window: OpenWindow, demo_archive: Archive,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window(demo_archive)
    window.search_controller.debounce.setInterval(0)  # every keystroke searches: the worst case
    shown: list[str] = []
    window.searchFinished.connect(lambda _n: shown.append(window.model.query))
    type_query(qtbot, window, "Hayashi CPTPP")
    assert window.model.query == "Hayashi CPTPP"
    assert shown[-1] == "Hayashi CPTPP"
    # answers arrive in the order asked; a shorter query never comes after the full one
    assert all(len(q) <= len(shown[-1]) for q in shown)
    assert shown == sorted(shown, key=len)


def test_an_empty_archive_invites_to_load_the_demo(
        qtbot: QtBot, open_window: OpenWindow, archive: Archive) -> None:
    window = open_window(archive)
    assert window.stack.currentIndex() == PAGE_EMPTY
    assert window.empty_state.isVisible()
    button = window.empty_state.demo_button
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.model.total > 0, timeout=WAIT_MS)
    assert window.stack.currentIndex() == PAGE_BROWSE
    assert window.model.total == archive.search("").total == len(demo_readouts())


def test_a_search_without_hits_does_not_show_the_empty_state(
        qtbot: QtBot, open_window: OpenWindow, demo_archive: Archive) -> None:
    window = open_window(demo_archive)
    type_query(qtbot, window, "zzzzqqq")
    assert window.model.total == 0
    assert window.stack.currentIndex() == PAGE_BROWSE
    assert "No readout matches" in window.detail.toPlainText()


def test_saved_searches_appear_in_the_sidebar_and_run_on_click(
        qtbot: QtBot, open_window: OpenWindow, demo_archive: Archive) -> None:
    window = open_window(demo_archive)
    type_query(qtbot, window, "Gervasi")
    with qtbot.waitSignal(window.savedSearchesLoaded, timeout=WAIT_MS):
        window.save_search("Peru minister")
    assert demo_archive.saved_searches() == [("Peru minister", "Gervasi")]
    qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    wait_for_search(qtbot, window)
    facets = window.facets
    saved_group = facets.model().index(0, 0)
    assert facets.model().rowCount(saved_group) == 1
    assert facets.model().index(0, 0, saved_group).data() == "Peru minister"
    qtbot.mouseClick(facets.viewport(), Qt.MouseButton.LeftButton,
                     pos=_facet_value_rect(facets, 0, 0))
    wait_for_search(qtbot, window)
    assert window.current_query() == "Gervasi"
    assert window.model.total == demo_archive.search("Gervasi").total
    with qtbot.waitSignal(window.savedSearchesLoaded, timeout=WAIT_MS):
        facets.deleteSavedRequested.emit("Peru minister")
    assert demo_archive.saved_searches() == []
    assert facets.model().index(0, 0, saved_group).data(Qt.ItemDataRole.UserRole + 3) is None


def test_refresh_and_show_readout_keep_the_selection(
        qtbot: QtBot, open_window: OpenWindow, demo_archive: Archive) -> None:
    window = open_window(demo_archive)
    target = window.model.id_at(3)
    assert target is not None
    window.show_readout(target)
    qtbot.waitUntil(lambda: window.detail.readout is not None
                    and window.detail.readout.id == target, timeout=WAIT_MS)
    window.refresh()
    wait_for_search(qtbot, window)
    assert window.current_readout_id() == target
    assert window.selected_readout_ids() == [target]
    other = window.model.id_at(5)
    assert other is not None
    window.refresh(select_id=other)
    wait_for_search(qtbot, window)
    assert window.current_readout_id() == other
    # when the current readout goes (to the trash), the next one takes its place
    following = window.model.id_at(6)
    demo_archive.delete(other)
    window.refresh()
    wait_for_search(qtbot, window)
    assert window.current_readout_id() == following


def test_feature_modules_are_installed(qtbot: QtBot, archive: Archive,
                                       monkeypatch: pytest.MonkeyPatch,
                                       open_window: OpenWindow) -> None:
    import sys
    import types

    from PySide6.QtGui import QAction

    module = types.ModuleType("readout_desk_test_feature")

    def install(window: MainWindow) -> None:
        action = QAction("New Readout", window)
        action.setShortcut("Ctrl+N")
        window.menu("Readout").addAction(action)
        window.add_toolbar_action(action)
        action.triggered.connect(lambda: setattr(window, "new_was_asked", True))

    vars(module)["install"] = install
    monkeypatch.setitem(sys.modules, "readout_desk_test_feature", module)
    monkeypatch.setattr(main_window_module, "FEATURE_MODULES",
                                    ("readout_desk_test_feature",))
    window = open_window(archive)
    assert window.menu("Readout").actions()[0].text() == "New Readout"
    # the empty state's "Add a first readout" uses the editor's Ctrl+N action
    button = window.empty_state.add_button
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert getattr(window, "new_was_asked", False)


def test_the_relation_column_names_the_countries_when_no_section_was_entered(
        qtbot: QtBot, archive: Archive, open_window: OpenWindow) -> None:
    from readout_desk.domain.records import Readout
    from readout_desk.ui.results_model import COL_RELATION

    archive.add(Readout(title="Untitled section", relation=("JP", "PE"),
                        meeting_date=dt.date(2024, 1, 5)))
    archive.add(Readout(title="Filed", section="Economic Diplomacy", relation=("JP",),
                        meeting_date=dt.date(2024, 1, 4)))
    window = open_window(archive)
    shown = {window.model.index(r, COL_TITLE).data(): window.model.index(r, COL_RELATION).data()
             for r in range(window.model.rowCount())}
    assert shown == {"Untitled section": "Japan-Peru Relations", "Filed": "Economic Diplomacy"}


def test_columns_menu_hides_and_shows_columns_and_relevance_sort_returns(
        qtbot: QtBot, open_window: OpenWindow, demo_archive: Archive) -> None:
    window = open_window(demo_archive)
    header = window.results.horizontalHeader()
    menu = window.window_layout.fill_columns_menu(window.columns_menu)
    place = next(a for a in menu.actions() if a.text() == "Place")
    assert place.isChecked()
    place.trigger()
    assert header.isSectionHidden(COL_PLACE)
    menu = window.window_layout.fill_columns_menu(window.columns_menu)
    assert not next(a for a in menu.actions() if a.text() == "Place").isChecked()
    next(a for a in menu.actions() if a.text() == "Place").trigger()
    assert not header.isSectionHidden(COL_PLACE)
    # sort by date, then back to best match first for a word query
    type_query(qtbot, window, "Minister")
    window.results.sortByColumn(COL_DATE, Qt.SortOrder.AscendingOrder)
    wait_for_search(qtbot, window)
    assert window.model.sort_key == "date"
    window.relevance_action.trigger()
    wait_for_search(qtbot, window)
    assert window.model.sort_key == "relevance"
    assert header.sortIndicatorSection() == -1
    assert window.model.loaded_ids() == list(demo_archive.search("Minister").ids)


def test_a_read_only_archive_says_so_in_the_banner(
        qtbot: QtBot, open_window: OpenWindow, demo_archive: Archive) -> None:
    assert demo_archive.path is not None
    read_only = Archive.open(demo_archive.path, read_only=True)
    try:
        window = open_window(read_only)
        assert window.banner.isVisible()
        assert "read-only" in window.banner.text()
        assert window.model.total == demo_archive.search("").total
    finally:
        read_only.close()


@pytest.fixture
def held_search(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Searches for "Gervasi" wait until the event is set; for "broken", then fail."""
    release = threading.Event()
    search = Archive.search

    def held(self: Archive, query: object, **kwargs: object) -> object:
        if query in ("Gervasi", "broken"):
            release.wait(WAIT_MS / 1000)
            if query == "broken":
                raise ArchiveLockedError(Message("The archive is busy."))
        return search(self, query, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Archive, "search", held)
    return release


def test_a_slow_search_says_so_until_its_results_come(
        qtbot: QtBot, open_window: OpenWindow, demo_archive: Archive,
        held_search: threading.Event) -> None:
    window = open_window(demo_archive)
    everything = window.model.total
    window.search_field.setFocus()
    qtbot.keyClicks(window.search_field, "Gervasi")
    qtbot.waitUntil(lambda: window.status_hits.text() == "Searching…", timeout=WAIT_MS)
    assert window.model.total == everything  # the last results stay meanwhile
    held_search.set()
    expected = demo_archive.search("Gervasi").total
    qtbot.waitUntil(lambda: window.model.total == expected, timeout=WAIT_MS)
    noun = "readout" if expected == 1 else "readouts"
    assert window.status_hits.text().startswith(f"{expected} {noun} · ")


def test_a_slow_search_that_fails_gives_the_status_back_to_the_results_shown(
        qtbot: QtBot, open_window: OpenWindow, demo_archive: Archive,
        held_search: threading.Event) -> None:
    window = open_window(demo_archive)
    shown = window.status_hits.text()
    assert shown.endswith(" ms")
    window.search_field.setFocus()
    qtbot.keyClicks(window.search_field, "broken")
    qtbot.waitUntil(lambda: window.status_hits.text() == "Searching…", timeout=WAIT_MS)
    held_search.set()
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=WAIT_MS)
    assert window.status_hits.text() == shown


def test_a_quick_search_leaves_its_count_in_the_status_bar(
        qtbot: QtBot, open_window: OpenWindow, demo_archive: Archive) -> None:
    window = open_window(demo_archive)
    type_query(qtbot, window, "CPTPP")
    qtbot.wait(2 * main_window_module.SEARCHING_NOTICE_MS)  # no notice comes after it
    assert window.status_hits.text().endswith(" ms")
