"""The first start asks for the home zone (the zone readouts' times are also shown in) and
the interface's language.

The computer's own zone is suggested (Enter takes it); Japan time, in which the
ministry's readouts print their second times, is one key away (Alt+J); any other zone
can be typed. Until a zone is chosen here or in the preferences, the question comes back.
The language (Alt+G) follows the system unless another is chosen; it is asked every first
start, whatever the system's locale, because readers of Japanese readouts often work on
a computer set up in English. A language other than the one shown applies at the next
start, and the dialog says so.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from readout_desk.domain import timing
from readout_desk.ui import language, parts
from readout_desk.ui.zone_picker import ZonePicker

if TYPE_CHECKING:
    from readout_desk.ui.main_window import MainWindow

JAPAN = "Asia/Tokyo"


class LanguageChoice(QWidget):
    """The interface's language (System, English, 日本語) with a note when the choice
    differs from the language shown now: it applies at the next start."""

    def __init__(self, parent: QWidget, *, current: str = "", choice: str = "",
                 labelled: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("languageChoice")
        self.current = current or language.resolve()
        self.combo = parts.named(QComboBox(self), "languageCombo", self.tr("Interface language"),
                                 self.tr("The language of menus, dialogs and messages"))
        for key, name in language.language_names().items():
            self.combo.addItem(name, key)
        self.combo.setCurrentIndex(max(0, self.combo.findData(choice or language.SYSTEM)))
        self.setFocusProxy(self.combo)
        self.note = parts.named(QLabel(self), "languageNote")
        self.note.setWordWrap(True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        if labelled:
            label = QLabel(self.tr("Lan&guage of the interface:"), self)
            label.setBuddy(self.combo)
            row.addWidget(label)
        row.addWidget(self.combo, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.note)
        self.combo.currentIndexChanged.connect(self._update_note)
        self._update_note()

    def choice(self) -> str:
        """"system", "en" or "ja"."""
        return str(self.combo.currentData())

    def _update_note(self) -> None:
        later = language.resolve(self.choice(), environ={}) != self.current
        self.note.setText(self.tr("Readout Desk shows this language from its next start.")
                          if later else "")
        self.note.setVisible(later)


class HomeZoneDialog(QDialog):
    """Which zone the reader lives in; :meth:`chosen` reads the answer."""

    def __init__(self, parent: QWidget | None = None, *, system_zone: str | None = None,
                 at: dt.datetime | None = None, current_language: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("homeZoneDialog")
        self.setWindowTitle(self.tr("Your home time zone"))
        now = at or dt.datetime.now(dt.timezone.utc)
        system = system_zone or timing.system_zone()
        intro = QLabel(self.tr("Readout Desk shows each meeting's time where it was held and "
                               "also in your home time zone. Which zone is yours?"), self)
        intro.setWordWrap(True)
        self.picker = ZonePicker(self, at=now)
        self.picker.setObjectName("homeZonePicker")
        self.picker.setAccessibleName(self.tr("Home time zone"))
        self.picker.set_suggestions([system, JAPAN] if system != JAPAN else [JAPAN])
        self.picker.set_zone(system)
        label = QLabel(self.tr("&Zone (this computer's is suggested; type to find another):"),
                       self)
        label.setBuddy(self.picker)
        self.problem = QLabel(self)
        self.problem.setObjectName("homeZoneProblem")
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.hide()
        self.language = LanguageChoice(self, current=current_language)
        buttons = QDialogButtonBox(self)
        self.use_zone = buttons.addButton(
            self.tr("&Use This Zone"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.use_zone.setObjectName("useHomeZone")
        self.use_zone.setDefault(True)
        self.use_japan = QPushButton(
            self.tr("Use &Japan Time ({offset})").format(
                offset=timing.zone_offset_label(JAPAN, now)), self)
        self.use_japan.setObjectName("useJapanTime")
        buttons.addButton(self.use_japan, QDialogButtonBox.ButtonRole.ActionRole)
        later = buttons.addButton(self.tr("Ask &Later"), QDialogButtonBox.ButtonRole.RejectRole)
        later.setObjectName("askLater")
        self.use_zone.clicked.connect(self._take_typed)
        self.use_japan.clicked.connect(lambda: self._take(JAPAN))
        later.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, label, self.picker, self.problem, self.language, buttons):
            layout.addWidget(widget)
        self._chosen = ""
        self.picker.setFocus(Qt.FocusReason.OtherFocusReason)
        line = self.picker.lineEdit()
        if line is not None:
            line.selectAll()  # typing replaces the suggestion; Enter keeps it

    def chosen(self) -> str:
        """The zone chosen ("" when the question was put off)."""
        return self._chosen

    def chosen_language(self) -> str:
        """The interface language chosen: "system", "en" or "ja"."""
        return self.language.choice()

    def _take_typed(self) -> None:
        zone = self.picker.zone()
        if not timing.is_valid_zone(zone):
            self.problem.setText(
                self.tr("{zone} is not a time zone such as Asia/Tokyo.").format(zone=zone)
                if zone else self.tr("Nothing is not a time zone such as Asia/Tokyo."))
            self.problem.show()
            return
        self._take(zone)

    def _take(self, zone: str) -> None:
        self._chosen = zone
        self.accept()


def ask_home_zone(window: MainWindow) -> HomeZoneDialog:
    """Put the question at the top of ``window``, above what it shows (the empty archive's
    page, or the results), so that it covers none of it; the answer becomes the home zone
    at once. Once answered or put off, the keys go to the empty archive's first action,
    else to the search field."""
    dialog = HomeZoneDialog(window, current_language=language.shown())
    dialog.setWindowFlags(Qt.WindowType.Widget)  # a panel in the window, not over it
    dialog.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    dialog.setStyleSheet("#homeZoneDialog { border-bottom: 1px solid palette(mid); }")
    central = window.centralWidget()
    column = central.layout() if central is not None else None
    if isinstance(column, QBoxLayout):
        column.insertWidget(column.indexOf(window.banner) + 1, dialog)
    else:
        dialog.setWindowFlags(Qt.WindowType.Dialog)

    def answered() -> None:
        window.settings.set_language(dialog.chosen_language())
        if dialog.chosen():
            window.settings.set_home_zone(dialog.chosen())
            window.apply_preferences()

    def closed() -> None:
        dialog.deleteLater()
        first = window.empty_state.demo_button
        if window.empty_state.isVisible() and first.isEnabled():
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            window.focus_search()

    dialog.accepted.connect(answered)
    dialog.finished.connect(closed)
    dialog.show()
    window.activateWindow()  # its keys (Alt+J, Enter) work before anything is clicked
    dialog.picker.setFocus(Qt.FocusReason.OtherFocusReason)
    return dialog
