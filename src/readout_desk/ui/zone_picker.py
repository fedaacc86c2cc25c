"""A searchable choice of IANA time zone, each shown with its offset.

Typing any part of a name ("lima", "tokyo", "new_y") narrows the list; the zones
suggested for a place come first. The field reads back the plain IANA name.
"""

from __future__ import annotations

import datetime as dt
import functools

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from readout_desk.domain import geography, timing

UTC = dt.timezone.utc


def zone_of_text(text: str) -> str:
    """The IANA name in a picker's text: "America/Lima (UTC-5)" reads as "America/Lima"."""
    value = text.strip()
    return value.split(" (", 1)[0].strip() if " (" in value else value


def zone_labels(zones: list[str] | tuple[str, ...], at: dt.datetime) -> list[str]:
    """Each zone with its offset at ``at``; unknown names are shown as they are."""
    if tuple(zones) == timing.all_zones():
        return list(_all_zone_labels(at.replace(minute=0, second=0, microsecond=0)))
    labels = []
    for zone in zones:
        try:
            labels.append(timing.zone_offset_label(zone, at))
        except timing.UnknownZoneError:
            labels.append(zone)
    return labels


@functools.lru_cache(maxsize=8)
def _all_zone_labels(hour: dt.datetime) -> tuple[str, ...]:
    # Every picker lists every zone; offsets are worked out once per hour shown.
    labels = []
    for zone in timing.all_zones():
        try:
            labels.append(timing.zone_offset_label(zone, hour))
        except timing.UnknownZoneError:
            labels.append(zone)
    return tuple(labels)


class ZonePicker(QComboBox):
    """An editable list of every IANA zone; suggested zones first.

    ``zoneEdited`` is emitted when the person types or picks; :meth:`set_zone` is silent.
    """

    zoneEdited = Signal(str)  # noqa: N815

    def __init__(self, parent: QWidget | None = None, *, at: dt.datetime | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(22)
        self._at = at or dt.datetime.now(UTC)
        self._suggested: list[str] = []
        self._completion_model = QStringListModel(self)
        completer = QCompleter(self._completion_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        line = self.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("Type to search, e.g. Lima"))
        line.textEdited.connect(lambda _t: self.zoneEdited.emit(self.zone()))
        self.activated.connect(lambda _i: self.zoneEdited.emit(self.zone()))
        completer.activated.connect(self._completed)
        self._fill()

    def _completed(self, text: str) -> None:
        line = self.lineEdit()
        if line is not None:
            line.setText(text)
        self.zoneEdited.emit(self.zone())

    def _fill(self) -> None:
        current = self.currentText()
        self.blockSignals(True)
        self.clear()
        suggested = [z for z in self._suggested if timing.is_valid_zone(z)]
        for label, zone in zip(zone_labels(suggested, self._at), suggested, strict=True):
            self.addItem(label, zone)
        if suggested:
            self.insertSeparator(self.count())
        everything = timing.all_zones()
        all_labels = zone_labels(everything, self._at)
        for label, zone in zip(all_labels, everything, strict=True):
            self.addItem(label, zone)
        self._completion_model.setStringList(
            zone_labels(suggested, self._at) + [lb for lb in all_labels
                                                if zone_of_text(lb) not in suggested])
        self.setCurrentIndex(-1)
        self.setEditText(current)
        self.blockSignals(False)

    def set_reference_time(self, at: dt.datetime) -> None:
        """Show offsets as they were at ``at`` (an aware instant), e.g. the meeting's time."""
        if at.tzinfo is None:
            raise ValueError("the reference time must be aware")
        if at.date() != self._at.date():
            self._at = at
            zone = self.zone()
            self._fill()
            if zone:
                self.set_zone(zone)  # relabel with the offset of that day

    def set_suggestions(self, zones: list[str]) -> None:
        """Put ``zones`` at the top of the list."""
        if zones != self._suggested:
            self._suggested = list(zones)
            self._fill()

    def suggest_for_place(self, city: str, country: str | None) -> list[str]:
        """Suggest the zones of a place (its city's zone first); returns them."""
        zones = geography.suggest_zones(city, country) if (city or country) else []
        self.set_suggestions(zones)
        return zones

    def suggestions(self) -> list[str]:
        """The zones shown first."""
        return list(self._suggested)

    def zone(self) -> str:
        """The IANA name typed or picked ("" when empty); it may not be a valid zone."""
        return zone_of_text(self.currentText())

    def set_zone(self, zone: str) -> None:
        """Show ``zone`` without emitting :attr:`zoneEdited`."""
        self.blockSignals(True)
        label = zone
        if zone and timing.is_valid_zone(zone):
            label = zone_labels([zone], self._at)[0]
        index = self.findText(label)
        if index >= 0 and zone:
            self.setCurrentIndex(index)
        else:
            self.setCurrentIndex(-1)
        self.setEditText(label)
        self.blockSignals(False)
