"""Tools > Check Timings: every session whose printed time disagrees with the zone rules.

The archive keeps printed second times exactly as the source gave them; this lists those
that the IANA rules contradict ("printed 1:20 a.m. on September 26 JST; the time-zone
rules give 2:20 a.m. ..."), across the whole archive. Activating a row shows that readout.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from readout_desk.archive import TimingFlag
from readout_desk.ui import parts
from readout_desk.ui.messages import error_text, message_text
from readout_desk.ui.tasks import run_in_background

if TYPE_CHECKING:
    from readout_desk.ui.main_window import MainWindow


class TimingCheckDialog(QDialog):
    """The flagged sessions of the archive, read off the UI thread."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        parts.frame_dialog(self, "timingCheckDialog", self.tr("Check Timings"),
                           self.tr("Sessions whose printed time disagrees with the time-zone "
                                   "rules"),
                           (900, 420))
        self.main_window = window
        layout = QVBoxLayout(self)
        self.summary = QLabel(self.tr("Checking the printed times…"), self)
        self.summary.setObjectName("timingCheckSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTreeWidget(self)
        self.table.setObjectName("timingFlags")
        self.table.setAccessibleName(self.tr("Flagged sessions"))
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels([self.tr("Date"), self.tr("Readout"), self.tr("Session"),
                                    self.tr("What disagrees")])
        self.table.setColumnWidth(0, 95)
        self.table.setColumnWidth(1, 250)
        self.table.setColumnWidth(2, 150)
        self.table.itemActivated.connect(self._open)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.flags: list[TimingFlag] | None = None
        archive = window.archive
        run_in_background(self, archive.timing_flags, self._show, self._failed)

    def _show(self, flags: list[TimingFlag]) -> None:
        self.flags = flags
        if not flags:
            self.summary.setText(self.tr("No printed time disagrees with the time-zone rules."))
            return
        self.summary.setText(
            self.tr("%n session with a printed time that disagrees with the time-zone rules. "
                    "The printed times are kept as printed; press Enter on a row to show its "
                    "readout.", "", len(flags)) if len(flags) == 1 else
            self.tr("%n sessions with a printed time that disagrees with the time-zone rules. "
                    "The printed times are kept as printed; press Enter on a row to show its "
                    "readout.", "", len(flags)))
        for flag in flags:
            item = QTreeWidgetItem([
                flag.meeting_date.isoformat() if flag.meeting_date else "",
                flag.title or self.tr("(untitled)"),
                f"{flag.session_index + 1}: {flag.kind}",
                message_text(flag.message),
            ])
            item.setData(0, Qt.ItemDataRole.UserRole, flag.readout_id)
            item.setToolTip(3, message_text(flag.message))
            self.table.addTopLevelItem(item)
        first = self.table.topLevelItem(0)
        if first is not None:
            self.table.setCurrentItem(first)

    def _failed(self, exc: BaseException) -> None:
        self.flags = []
        self.summary.setText(self.tr("The timings could not be checked: {exc}").format(
            exc=error_text(exc)))

    def _open(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        readout_id = item.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(readout_id, int):
            self.main_window.show_readout(readout_id)


def install(window: MainWindow) -> None:
    """Add Tools > Check Timings…."""
    action = parts.action(
        QCoreApplication.translate("TimingCheck", "Check &Timings…"), "actionCheckTimings",
        window, QCoreApplication.translate(
            "TimingCheck",
            "List every session whose printed time disagrees with the time-zone rules"))

    def show() -> None:
        parts.opened(TimingCheckDialog(window))

    action.triggered.connect(show)
    window.menu("Tools").addAction(action)
