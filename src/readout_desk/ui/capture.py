"""File > New from Web Page… and a link dropped on the window: capture the page, read a
draft from it and open the draft beside its source, as a pasted text is.

The fetch (:mod:`readout_desk.capture`) runs off the UI thread through the window's
:class:`~readout_desk.ui.tasks.TaskRunner`; Cancel stops it at its next read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QObject, Qt, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout

from readout_desk import paths
from readout_desk.capture import Capture, CaptureError, capture
from readout_desk.ui import parts
from readout_desk.ui.paste import failure_message, open_draft
from readout_desk.ui.tasks import TaskHandle

if TYPE_CHECKING:
    from readout_desk.ui.main_window import MainWindow



def web_links(mime: QMimeData) -> list[QUrl]:
    """The http(s) links a drag carries."""
    return [u for u in mime.urls() if u.scheme().lower() in ("http", "https")]


class CaptureDialog(QDialog):
    """Asks for a page's address, fetches it with a Cancel button, opens the draft."""

    def __init__(self, window: MainWindow, address: str = "") -> None:
        super().__init__(window)
        parts.frame_dialog(self, "captureDialog", self.tr("New Readout from Web Page"),
                           self.tr("New readout from a web page"), (640, 180))
        self.window_ = window
        self.handle: TaskHandle | None = None
        self.stopped = False  # closed or cancelled: a late answer is dropped
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("The &address of a published readout. Only the page itself is "
                       "fetched (no scripts, images or other pages); the draft opens in the "
                       "editor beside the page's text, and nothing is saved until you save."),
                       self)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.address = QLineEdit(address, self)
        self.address.setObjectName("captureAddress")
        self.address.setAccessibleName(self.tr("Web page address"))
        self.address.setPlaceholderText("https://…")
        label.setBuddy(self.address)
        layout.addWidget(self.address)
        self.status = QLabel(self)
        self.status.setObjectName("captureStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(self)
        self.fetch_button = buttons.addButton(
            self.tr("&Capture"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.fetch_button.setObjectName("captureButton")
        self.fetch_button.setDefault(True)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("captureCancelButton")
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def start(self) -> None:
        """Fetch and read the page at the address given."""
        if self.handle is not None:
            return
        address = self.address.text().strip()
        if not address:
            self.status.setText(self.tr("Give the address of a web page."))
            return
        self.status.setText(self.tr("Fetching {address}…").format(address=address))
        self.fetch_button.setEnabled(False)
        self.address.setReadOnly(True)
        topics, kinds = paths.topic_file(), paths.kind_file()

        def work(_progress: object, cancelled: object) -> Capture:
            assert callable(cancelled)
            return capture(address, topic_file=topics, kind_file=kinds, cancelled=cancelled)

        self.handle = self.window_.runner.run_with_progress(
            work, lambda *_a: None, self._done, self._failed)

    def _done(self, got: Capture) -> None:
        if self.stopped:
            return
        self.handle = None
        page = got.page
        self.accept()
        open_draft(self.window_, got.draft, kind="page", original=page.text, url=page.url,
                   retrieved_at=page.retrieved_at)

    def _failed(self, exc: BaseException) -> None:
        if self.stopped:
            return
        self.handle = None
        message = str(exc) if isinstance(exc, CaptureError) else failure_message(exc, "page")
        self.status.setText(message)
        self.fetch_button.setEnabled(True)
        self.address.setReadOnly(False)

    def reject(self) -> None:
        """QDialog.reject: Cancel also stops a fetch under way."""
        self.stopped = True
        if self.handle is not None:
            self.handle.cancel()
            self.handle = None
        super().reject()


class LinkDrop(QObject):
    """A web link dropped on the window opens the capture of that page."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("captureLinkDrop")
        self.window_ = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # QObject.eventFilter
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            assert isinstance(event, QDragEnterEvent | QDropEvent)
            links = web_links(event.mimeData())
            if not links:
                return False
            event.acceptProposedAction()
            if kind == QEvent.Type.Drop:
                show_dialog(self.window_, links[0].toString(), start=True)
            return True
        return False


def show_dialog(window: MainWindow, address: str = "", *, start: bool = False
                ) -> CaptureDialog:
    """Open the capture dialog (and fetch at once when ``start``)."""
    dialog = CaptureDialog(window, address)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.open()
    if start:
        dialog.start()
    return dialog


def install(window: MainWindow) -> None:
    """Add File > New from Web Page… and capturing a link dropped on the window."""
    action = QAction(QCoreApplication.translate("Capture", "New from &Web Page…"), window)
    action.setObjectName("actionNewFromWebPage")
    action.setToolTip(QCoreApplication.translate(
        "Capture", "Capture a published readout from its web page and review the draft read "
        "from it; you can also drop a link on the window"))
    action.triggered.connect(lambda: show_dialog(window))
    file_menu = window.menu("File")
    paste = window.findChild(QAction, "actionNewFromText")
    actions = file_menu.actions()
    if paste is not None and paste in actions and actions.index(paste) + 1 < len(actions):
        file_menu.insertAction(actions[actions.index(paste) + 1], action)
    else:
        file_menu.addAction(action)
    if window.archive.read_only:
        action.setEnabled(False)
        return
    window.setAcceptDrops(True)
    window.installEventFilter(LinkDrop(window))
