"""The first start asks for the home zone: the zone readouts' times are also shown in.

The computer's own zone is suggested (Enter takes it); Japan time, in which the
ministry's readouts print their second times, is one key away (Alt+J); any other zone
can be typed. Until a zone is chosen here or in the preferences, the question comes back.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from readout_desk.domain import timing
from readout_desk.ui.zone_picker import ZonePicker

if TYPE_CHECKING:
    from readout_desk.ui.main_window import MainWindow

JAPAN = "Asia/Tokyo"


class HomeZoneDialog(QDialog):
    """Which zone the reader lives in; :meth:`chosen` reads the answer."""

    def __init__(self, parent: QWidget | None = None, *, system_zone: str | None = None,
                 at: dt.datetime | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("homeZoneDialog")
        self.setWindowTitle("Your home time zone")
        now = at or dt.datetime.now(dt.timezone.utc)
        system = system_zone or timing.system_zone()
        intro = QLabel("Readout Desk shows each meeting's time where it was held and also in "
                       "your home time zone. Which zone is yours?", self)
        intro.setWordWrap(True)
        self.picker = ZonePicker(self, at=now)
        self.picker.setObjectName("homeZonePicker")
        self.picker.setAccessibleName("Home time zone")
        self.picker.set_suggestions([system, JAPAN] if system != JAPAN else [JAPAN])
        self.picker.set_zone(system)
        label = QLabel("&Zone (this computer's is suggested; type to find another):", self)
        label.setBuddy(self.picker)
        self.problem = QLabel(self)
        self.problem.setObjectName("homeZoneProblem")
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.hide()
        buttons = QDialogButtonBox(self)
        self.use_zone = buttons.addButton("&Use This Zone", QDialogButtonBox.ButtonRole.AcceptRole)
        self.use_zone.setObjectName("useHomeZone")
        self.use_zone.setDefault(True)
        self.use_japan = QPushButton(f"Use &Japan Time ({timing.zone_offset_label(JAPAN, now)})",
                                     self)
        self.use_japan.setObjectName("useJapanTime")
        buttons.addButton(self.use_japan, QDialogButtonBox.ButtonRole.ActionRole)
        later = buttons.addButton("Ask &Later", QDialogButtonBox.ButtonRole.RejectRole)
        later.setObjectName("askLater")
        self.use_zone.clicked.connect(self._take_typed)
        self.use_japan.clicked.connect(lambda: self._take(JAPAN))
        later.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, label, self.picker, self.problem, buttons):
            layout.addWidget(widget)
        self._chosen = ""
        self.picker.setFocus(Qt.FocusReason.OtherFocusReason)
        line = self.picker.lineEdit()
        if line is not None:
            line.selectAll()  # typing replaces the suggestion; Enter keeps it

    def chosen(self) -> str:
        """The zone chosen ("" when the question was put off)."""
        return self._chosen

    def _take_typed(self) -> None:
        zone = self.picker.zone()
        if not timing.is_valid_zone(zone):
            self.problem.setText(f"{zone or 'Nothing'} is not a time zone such as Asia/Tokyo.")
            self.problem.show()
            return
        self._take(zone)

    def _take(self, zone: str) -> None:
        self._chosen = zone
        self.accept()


def ask_home_zone(window: MainWindow) -> HomeZoneDialog:
    """Put the question over ``window``; the answer becomes the home zone at once."""
    dialog = HomeZoneDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

    def answered() -> None:
        if dialog.chosen():
            window.settings.set_home_zone(dialog.chosen())
            window.apply_preferences()

    dialog.accepted.connect(answered)
    dialog.open()
    return dialog
