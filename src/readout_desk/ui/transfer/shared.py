"""What the dialogs of this package share: progress and Cancel, and a row of buttons.

The import and export dialogs run one task at a time with a progress panel; the work
itself runs through :class:`~readout_desk.ui.tasks.TaskRunner` like all background
work, and this module only shows how far it got and passes Cancel on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from readout_desk.domain.messages import Message
from readout_desk.ui.language import translate
from readout_desk.ui.messages import message_text
from readout_desk.ui.tasks import CancelFn, ProgressFn, TaskHandle, TaskRunner

if TYPE_CHECKING:
    from readout_desk.ui.main_window import MainWindow

T = TypeVar("T")


def button_row(dialog: QDialog, *buttons: QPushButton) -> QHBoxLayout:
    """``buttons`` on the left and, on the right, Close (which accepts ``dialog``)."""
    close = QPushButton(translate("Transfer", "Close"), dialog)
    close.clicked.connect(dialog.accept)
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    row.addWidget(close)
    return row


def side_by_side(left: QWidget, right: QWidget) -> QHBoxLayout:
    """Two widgets of equal width, such as a list and a preview of its current item."""
    row = QHBoxLayout()
    row.addWidget(left, 1)
    row.addWidget(right, 1)
    return row


class ProgressPanel(QWidget):
    """A progress bar with what is being done and a Cancel button.

    The work tells how many of its steps (files) are done; a label that is a
    :class:`~readout_desk.domain.messages.Message` with a value ``read`` (from 0 to 1)
    also tells how far into the current step it is, and the bar moves within the step:
    one large file does not leave it at 0 % until the end.
    """

    #: Parts of a step the bar can show.
    PARTS = 100

    cancelRequested = Signal()  # noqa: N815

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar(self)
        self.bar.setObjectName(f"{name}Progress")
        self.bar.setAccessibleName(self.tr("Progress"))
        self.label = QLabel(self)
        self.label.setObjectName(f"{name}ProgressLabel")
        self.cancel_button = QPushButton(self.tr("&Cancel"), self)
        self.cancel_button.setObjectName(f"{name}Cancel")
        self.cancel_button.setToolTip(
            self.tr("Stop after the current file; nothing half-done is kept"))
        self.cancel_button.clicked.connect(self._cancel)
        row = QHBoxLayout()
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.label)
        self.hide()

    def start(self, text: str) -> None:
        self.bar.setRange(0, 0)
        self.label.setText(text)
        self.cancel_button.setEnabled(True)
        self.show()

    def update_progress(self, done: int, total: int, label: str) -> None:
        if label:
            text = message_text(label)
            self.label.setText(self.tr("{done} of {total}: {label}").format(
                done=min(done + 1, total), total=total, label=text) if total else text)
        if total > 0:
            read = label.values.get("read") if isinstance(label, Message) else None
            within = (min(self.PARTS, max(0, int(read * self.PARTS)))
                      if isinstance(read, float) and done < total else 0)
            self.bar.setRange(0, total * self.PARTS)
            self.bar.setValue(done * self.PARTS + within)

    def _cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.label.setText(self.tr("Cancelling after the current step…"))
        self.cancelRequested.emit()

    def finish(self) -> None:
        """The work answered: the panel goes (what came of it is said elsewhere)."""
        self.cancel_button.setEnabled(False)
        self.hide()


class ProgressDialog(QDialog):
    """A dialog running one piece of long work at a time, with progress and Cancel.

    Subclasses add their fields, put :attr:`progress` and :attr:`buttons` in their
    layout, and start the work with :meth:`run_task`. Closing the dialog cancels the
    work and waits for it to stop at its next safe point.
    """

    def __init__(self, window: MainWindow, name: str, title: str) -> None:
        super().__init__(window)
        self.main_window = window
        self.setObjectName(f"{name}Dialog")
        self.setWindowTitle(title)
        self.runner = TaskRunner(self, max_threads=1)
        self.task: TaskHandle | None = None
        self.progress = ProgressPanel(name, self)
        self.progress.cancelRequested.connect(self.cancel)
        self.buttons = QDialogButtonBox(self)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.clicked.connect(self.reject)

    def add_start_button(self, text: str, name: str, start: Callable[[], None]) -> QPushButton:
        """The button that starts the work (before Close)."""
        button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
        button.setObjectName(name)
        button.clicked.connect(start)
        return button

    def run_task(self, text: str, work: Callable[[ProgressFn, CancelFn], T],
                 on_done: Callable[[T], None], on_failed: Callable[[BaseException], None]
                 ) -> None:
        """Run ``work(progress, cancelled)`` in the background, showing its progress."""
        self.progress.start(text)

        def done(result: Any) -> None:
            self.task = None
            self.progress.finish()
            on_done(result)

        def failed(exc: BaseException) -> None:
            self.task = None
            self.progress.finish()
            on_failed(exc)

        self.task = self.runner.run_with_progress(work, self.progress.update_progress,
                                                  done, failed)

    def busy(self) -> bool:
        """Whether work started here has not answered yet."""
        return self.task is not None

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def reject(self) -> None:  # QDialog.reject
        if self.task is not None:
            self.task.cancel()
            self.runner.wait_for_done()
        super().reject()
