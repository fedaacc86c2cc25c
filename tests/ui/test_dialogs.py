"""Preferences and relations, used the way a person would."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from readout_desk import paths
from readout_desk.archive import Archive
from readout_desk.ui.main_window import MainWindow
from readout_desk.ui.preferences import PreferencesDialog
from readout_desk.ui.relations import RelationsDialog
from readout_desk.ui.settings import Settings
from tests.ui.conftest import WAIT_MS


def _rows(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    """The top-level rows of ``tree``, in order."""
    rows = []
    for i in range(tree.topLevelItemCount()):
        row = tree.topLevelItem(i)
        assert row is not None
        rows.append(row)
    return rows

OpenWindow = Callable[..., MainWindow]
AT = dt.datetime(2023, 5, 3, 14, 10, tzinfo=dt.timezone.utc)


def test_preferences_find_a_zone_by_typing_and_save_choices(qtbot: QtBot) -> None:
    settings = Settings()
    settings.set_home_zone("UTC")
    dialog = PreferencesDialog(settings, at=AT)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.zone_filter, "Tokyo")
    assert dialog.proxy.rowCount() == 1
    assert dialog.proxy.index(0, 0).data() == "Asia/Tokyo (UTC+9, JST)"
    assert dialog.selected_zone() == "Asia/Tokyo"
    assert "Asia/Tokyo (UTC+9, JST)" in dialog.current_zone.text()
    dialog.date_format.setCurrentIndex(dialog.date_format.findData("iso"))
    dialog.font_size.setValue(14)
    dialog.apply()
    again = Settings()
    assert again.path.parent == paths.config_dir()
    assert "Asia/Tokyo" in again.path.read_text(encoding="utf-8")
    assert again.home_zone() == "Asia/Tokyo"
    assert again.date_format() == "iso"
    assert again.font_size() == 14


def test_preferences_apply_to_the_open_window(qtbot: QtBot, demo_archive: Archive,
                                              open_window: OpenWindow) -> None:
    window = open_window(demo_archive, home_zone="Asia/Tokyo")
    qtbot.waitUntil(lambda: window.detail.readout is not None, timeout=WAIT_MS)
    settings = window.settings
    settings.set_date_format("iso")
    settings.set_font_size(15)
    settings.set_home_zone("Europe/Paris")
    window.apply_preferences()
    hit = window.model.hit(0)
    assert hit is not None and hit.meeting_date is not None
    day = hit.meeting_date.isoformat()
    assert window.model.index(0, 0).data() == day
    assert window.results.font().pointSize() == 15
    qtbot.waitUntil(lambda: day in window.detail.toPlainText(), timeout=WAIT_MS)


def test_relations_list_a_country_pair_in_date_order(qtbot: QtBot, demo_archive: Archive,
                                                     open_window: OpenWindow) -> None:
    window = open_window(demo_archive)
    window.open_relations()
    dialog = window.findChild(RelationsDialog, "relationsDialog")
    assert dialog is not None and dialog.isVisible()
    dialog.choose_countries("JP", "PE")
    qtbot.waitUntil(lambda: dialog.country_list.topLevelItemCount() > 0, timeout=WAIT_MS)
    assert dialog.country_title.text().startswith("Japan-Peru Relations")
    titles = [row.text(1) for row in _rows(dialog.country_list)]
    assert "Japan-Peru Foreign Ministers' Meeting" in titles
    ids = [row.data(0, Qt.ItemDataRole.UserRole + 1) for row in _rows(dialog.country_list)]
    days = [r.meeting_date for r in demo_archive.get_many(ids)]
    assert days == sorted(day for day in days if day is not None)
    # a single country lists more (or as many) readouts than the pair
    dialog.choose_countries("JP")
    qtbot.waitUntil(lambda: dialog.country_list.topLevelItemCount() > len(titles),
                    timeout=WAIT_MS)
    # double-clicking shows the readout in the main window
    lima_id = ids[titles.index("Japan-Peru Foreign Ministers' Meeting")]
    dialog.choose_countries("JP", "PE")
    qtbot.waitUntil(lambda: dialog.country_list.topLevelItemCount() == len(titles),
                    timeout=WAIT_MS)
    item = dialog.country_list.topLevelItem(titles.index("Japan-Peru Foreign Ministers' Meeting"))
    dialog.country_list.itemActivated.emit(item, 0)
    qtbot.waitUntil(lambda: window.detail.readout is not None
                    and window.detail.readout.id == lima_id, timeout=WAIT_MS)


def test_relations_show_a_persons_readouts_and_offices(qtbot: QtBot, demo_archive: Archive,
                                                       open_window: OpenWindow) -> None:
    window = open_window(demo_archive)
    window.open_relations()
    dialog = window.findChild(RelationsDialog, "relationsDialog")
    assert dialog is not None
    dialog.tabs.setCurrentIndex(1)
    qtbot.keyClicks(dialog.person_filter, "Gervasi")
    qtbot.waitUntil(lambda: dialog.people.count() == 1
                    and "Gervasi" in dialog.people.item(0).text(), timeout=WAIT_MS)
    dialog.people.setCurrentRow(0)
    qtbot.waitUntil(lambda: dialog.person_readouts.topLevelItemCount() > 0, timeout=WAIT_MS)
    assert "Minister of Foreign Affairs of the Republic of Peru" in dialog.offices.text()
    rows = _rows(dialog.person_readouts)
    assert "Japan-Peru Foreign Ministers' Meeting" in [r.text(1) for r in rows]
    assert all(r.text(2) for r in rows)  # the office held at each meeting
