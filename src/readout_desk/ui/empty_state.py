"""What a new, empty archive shows instead of a blank table."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyState(QWidget):
    """An invitation: load the demo archive, or add a first readout."""

    demoRequested = Signal()  # noqa: N815
    addRequested = Signal()  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.setAccessibleName(self.tr("The archive is empty"))

        title = QLabel(self.tr("Your archive is empty"), self)
        title.setObjectName("emptyTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)

        text = QLabel(
            self.tr("Readout Desk keeps the readouts of diplomatic meetings: who met whom, when "
                    "(in local time and yours), what was said. Search them as you type, narrow "
                    "them by country, year, topic or person, and read each one as published.\n\n"
                    "Start with the demo archive — the Japan-Peru Foreign Ministers' Meeting in "
                    "Lima and a set of sample readouts — or enter a readout of your own."), self)
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setFixedWidth(560)
        text.setMinimumHeight(text.heightForWidth(560))
        text.setObjectName("emptyText")

        self.demo_button = QPushButton(self.tr("Load the demo archive"), self)
        self.demo_button.setObjectName("loadDemoButton")
        self.demo_button.setAccessibleName(self.tr("Load the demo archive"))
        self.demo_button.setToolTip(
            self.tr("Add the Lima readout and sample readouts to this archive"))
        self.demo_button.setDefault(True)
        self.demo_button.clicked.connect(self.demoRequested)

        self.add_button = QPushButton(self.tr("Add a first readout…"), self)
        self.add_button.setObjectName("addFirstButton")
        self.add_button.setAccessibleName(self.tr("Add a first readout"))
        self.add_button.setToolTip(self.tr("Enter a readout by hand (Ctrl+N)"))
        self.add_button.clicked.connect(self.addRequested)

        self.status = QLabel("", self)
        self.status.setObjectName("emptyStatus")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.demo_button)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)

        column = QVBoxLayout(self)
        column.addStretch(2)
        column.addWidget(title)
        column.addSpacing(12)
        column.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addSpacing(18)
        column.addLayout(buttons)
        column.addWidget(self.status)
        column.addStretch(3)

    def set_busy(self, message: str) -> None:
        """Say what is happening and keep the buttons from being pressed twice."""
        self.status.setText(message)
        self.demo_button.setEnabled(not message)
        self.add_button.setEnabled(not message and self._can_add)

    _can_add = True

    def set_can_add(self, can_add: bool, why_not: str = "") -> None:
        """Enable "Add a first readout" only when an editor is installed."""
        self._can_add = can_add
        self.add_button.setEnabled(can_add)
        if not can_add and why_not:
            self.add_button.setToolTip(why_not)
