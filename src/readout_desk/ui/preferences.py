"""The preferences dialog: home time zone, date format, font size, the interface's language
(used from the next start)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSortFilterProxyModel, QStringListModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListView,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from readout_desk.domain import timing
from readout_desk.ui import language, parts
from readout_desk.ui.first_run import LanguageChoice
from readout_desk.ui.settings import DATE_FORMATS, MAX_FONT_SIZE, MIN_FONT_SIZE, Settings

ZONE_ROLE = Qt.ItemDataRole.UserRole + 1


class ZoneListModel(QStringListModel):
    """Every IANA zone labelled with its offset at one instant ("Asia/Tokyo (UTC+9, JST)")."""

    def __init__(self, at: dt.datetime, parent: QWidget | None = None) -> None:
        self.zones = list(timing.all_zones())
        super().__init__([timing.zone_offset_label(z, at) for z in self.zones], parent)

    def data(self, index: object, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """QStringListModel.data, plus the bare zone name under ZONE_ROLE."""
        from PySide6.QtCore import QModelIndex

        assert isinstance(index, QModelIndex)
        if role == ZONE_ROLE and index.isValid():
            return self.zones[index.row()]
        return super().data(index, role)


class PreferencesDialog(QDialog):
    """Edit the preferences; :meth:`apply` writes them to :class:`Settings`."""

    def __init__(self, settings: Settings, parent: QWidget | None = None,
                 *, at: dt.datetime | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        self.setObjectName("preferencesDialog")
        self.setAccessibleName(self.tr("Preferences"))
        at = at or dt.datetime.now(timing.UTC)

        self.zone_filter = parts.filter_field(
            "zoneFilter", self.tr("Find a time zone"),
            self.tr("Type to find a zone: Tokyo, Lima, Europe/…"),
            self.tr("Filter the list of time zones"), self)

        self.zones = ZoneListModel(at, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.zones)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.zone_list = QListView(self)
        self.zone_list.setObjectName("zoneList")
        self.zone_list.setModel(self.proxy)
        self.zone_list.setAccessibleName(self.tr("Home time zone"))
        self.zone_list.setToolTip(self.tr("Times in readouts are also shown in this zone"))
        self.zone_list.setMinimumHeight(220)
        self.zone_filter.textChanged.connect(self._filter)
        self.current_zone = QLabel(self)
        self.current_zone.setObjectName("currentZone")
        self.current_zone.setToolTip(self.tr("The zone that is chosen now, with its offset"))
        self.zone_list.selectionModel().currentChanged.connect(self._zone_changed)
        self._at = at

        self.date_format = QComboBox(self)
        self.date_format.setObjectName("dateFormat")
        self.date_format.setAccessibleName(self.tr("Date format"))
        self.date_format.setToolTip(self.tr("How dates are shown in the results and the readout"))
        for key, example in DATE_FORMATS.items():
            self.date_format.addItem(example, key)
        self.date_format.setCurrentIndex(max(0, self.date_format.findData(
            settings.date_format())))

        self.font_size = QSpinBox(self)
        self.font_size.setObjectName("fontSize")
        self.font_size.setAccessibleName(self.tr("Font size"))
        self.font_size.setToolTip(self.tr("Text size of the results and the readout, in points"))
        self.font_size.setRange(MIN_FONT_SIZE, MAX_FONT_SIZE)
        self.font_size.setSuffix(" pt")
        self.font_size.setValue(settings.font_size())

        self.language = LanguageChoice(self, current=language.shown(),
                                       choice=settings.language(), labelled=False)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for role, tip in ((QDialogButtonBox.StandardButton.Ok,
                           self.tr("Use and keep these choices")),
                          (QDialogButtonBox.StandardButton.Cancel,
                           self.tr("Close without changes"))):
            button = buttons.button(role)
            button.setToolTip(tip)
            button.setAccessibleName(button.text().replace("&", ""))

        form = QFormLayout()
        zone_box = QVBoxLayout()
        zone_box.addWidget(self.zone_filter)
        zone_box.addWidget(self.zone_list)
        zone_box.addWidget(self.current_zone)
        form.addRow(self.tr("Home time zone:"), zone_box)
        form.addRow(self.tr("Date format:"), self.date_format)
        form.addRow(self.tr("Font size:"), self.font_size)
        form.addRow(self.tr("Language:"), self.language)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

        self.select_zone(settings.home_zone())

    def selected_zone(self) -> str | None:
        index = self.zone_list.currentIndex()
        value = index.data(ZONE_ROLE) if index.isValid() else None
        return str(value) if value else None

    def select_zone(self, zone: str) -> None:
        if zone not in self.zones.zones:
            return
        source = self.zones.index(self.zones.zones.index(zone), 0)
        index = self.proxy.mapFromSource(source)
        if index.isValid():
            self.zone_list.setCurrentIndex(index)
            self.zone_list.scrollTo(index)
        self.current_zone.setText(self.tr("Chosen: {zone}").format(
            zone=timing.zone_offset_label(zone, self._at)))

    def _filter(self, text: str) -> None:
        chosen = self.selected_zone()
        self.proxy.setFilterFixedString(text.strip().replace(" ", "_"))
        if chosen:
            self.select_zone(chosen)
        if not self.zone_list.currentIndex().isValid() and self.proxy.rowCount() == 1:
            self.zone_list.setCurrentIndex(self.proxy.index(0, 0))

    def _zone_changed(self) -> None:
        zone = self.selected_zone()
        if zone:
            self.current_zone.setText(self.tr("Chosen: {zone}").format(
                zone=timing.zone_offset_label(zone, self._at)))

    def apply(self) -> None:
        """Write the choices to the settings file."""
        zone = self.selected_zone()
        if zone:
            self.settings.set_home_zone(zone)
        self.settings.set_date_format(str(self.date_format.currentData()))
        self.settings.set_font_size(self.font_size.value())
        self.settings.set_language(self.language.choice())
        self.settings.sync()
