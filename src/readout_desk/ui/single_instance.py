"""One running Readout Desk per archive.

The instance that opens an archive first holds its lock (:class:`.OwnerLock`, a file lock
the system releases when the process ends) and, once its window has painted, listens on
a local socket (a Unix socket or a Windows named pipe) whose name is derived from the
archive's resolved path and the user. A later launch on the same archive finds the lock
taken, connects (waiting while the first instance is still starting), hands over what
it was asked to do (files to open) and exits; the first instance raises its window.

This runs before the archive is opened, so it stays light: a launch that owns its archive
imports QtCore only, and QtNetwork loads when the socket is needed (to listen, after the
first paint, or to hand a request over).

Files opened from a file manager that sends them to the running application instead of
starting it with them (macOS's Finder: a ``QFileOpenEvent``) come through
:class:`SystemFileOpens`, the same way as a later launch's.
"""

from __future__ import annotations

import enum
import json
import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QObject,
    Qt,
    QThread,
    Signal,
    Slot,
)

from readout_desk.ui.instance_name import OwnerLock, archive_key, server_name

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket
    from PySide6.QtWidgets import QWidget

__all__ = ["Forwarded", "InstanceGuard", "SystemFileOpens", "archive_key", "bring_to_front",
           "claim", "decode_request", "encode_request", "server_name"]

log = logging.getLogger(__name__)

PROTOCOL = 1
ACK = b"ok\n"
#: The most a message may hold; anything longer is not one of ours.
MAX_MESSAGE = 1 << 20
#: How long a later launch waits for the instance owning the archive to listen (it
#: listens once its window has painted; a start on a loaded machine takes seconds).
OWNER_STARTING_MS = 10_000
#: Between two tries to reach an owner that does not listen yet.
RETRY_MS = 50
#: How long a launch whose request went unanswered waits for the owner's lock to come
#: free (an owner that was closing) before saying the owner is busy.
OWNER_LEAVING_MS = 2_000


class Forwarded(enum.Enum):
    """What happened when a launch looked for a running instance."""

    NONE = "none"            # nobody is running on this archive
    DELIVERED = "delivered"  # the running instance took the request
    BUSY = "busy"            # it is running but did not answer in time


def encode_request(files: list[str]) -> bytes:
    """The message a later launch sends: one JSON line."""
    message = {"protocol": PROTOCOL, "files": files}
    return json.dumps(message).encode("utf-8") + b"\n"


def decode_request(data: bytes) -> list[str] | None:
    """The files of a message, or ``None`` if it is not a valid request."""
    try:
        message = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not isinstance(message, dict) or message.get("protocol") != PROTOCOL:
        return None
    files = message.get("files", [])
    if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
        return None
    return list(files)


class InstanceGuard(QObject):
    """Keeps one instance per archive.

    Call :meth:`acquire` first: it either hands the request to a running instance
    (and the caller exits) or takes the archive's lock and (unless told to wait)
    starts listening. While listening, requests from later launches arrive as
    :attr:`activationRequested` and :attr:`filesReceived`.
    """

    activationRequested = Signal()  # noqa: N815 - Qt signal naming
    filesReceived = Signal(list)  # noqa: N815 - Qt signal naming

    def __init__(self, location: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(location)
        self.lock = OwnerLock(self.name)
        self._server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytearray] = {}

    @property
    def listening(self) -> bool:
        return self._server is not None and self._server.isListening()

    def acquire(self, files: list[str] | None = None, timeout_ms: int = OWNER_STARTING_MS,
                *, listen: bool = True) -> Forwarded:
        """Hand ``files`` to a running instance, or become the running instance.

        Returns :attr:`Forwarded.NONE` when this process now owns the archive (listening
        for later launches unless ``listen`` is false: then :meth:`listen` comes later).
        While another process holds the lock, its socket is tried until it answers or
        ``timeout_ms`` have passed (it may be starting: it listens once it has painted).
        """
        request = encode_request([str(Path(f).absolute()) for f in files or []])
        deadline = time.monotonic() + timeout_ms / 1000
        while True:
            if self.lock.acquire():
                if listen:
                    self.listen()
                return Forwarded.NONE
            left_ms = max(1, int((deadline - time.monotonic()) * 1000))
            outcome = self.forward(request, left_ms)
            if outcome is Forwarded.BUSY and self._lock_within(OWNER_LEAVING_MS):
                # It took the request but answered nothing because it was closing: its
                # lock came free, so this launch is the instance now.
                if listen:
                    self.listen()
                return Forwarded.NONE
            if outcome is not Forwarded.NONE:
                return outcome
            if time.monotonic() >= deadline:
                log.warning("Readout Desk holds this archive but did not listen in time.")
                return Forwarded.BUSY
            QThread.msleep(RETRY_MS)

    def _lock_within(self, timeout_ms: int) -> bool:
        """Whether the archive's lock comes free within ``timeout_ms`` (and is now ours)."""
        deadline = time.monotonic() + timeout_ms / 1000
        while not self.lock.acquire():
            if time.monotonic() >= deadline:
                return False
            QThread.msleep(RETRY_MS)
        return True

    def listen_if_owner(self) -> None:
        """Listen for later launches, once this process holds the archive's lock."""
        if self.lock.held and self._server is None:
            self.listen()

    def forward(self, request: bytes, timeout_ms: int = 3000) -> Forwarded:
        """Send ``request`` to the instance listening on this archive, if any."""
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(min(timeout_ms, 1000)):
            return Forwarded.NONE
        socket.write(QByteArray(request))
        if not socket.waitForBytesWritten(timeout_ms):
            socket.abort()
            return Forwarded.BUSY
        answer = b""
        while len(answer) < len(ACK) and socket.waitForReadyRead(timeout_ms):
            answer += bytes(socket.readAll().data())
        socket.disconnectFromServer()
        if answer.startswith(ACK):
            return Forwarded.DELIVERED
        log.warning("Readout Desk is running on this archive but did not answer in time.")
        return Forwarded.BUSY

    def listen(self) -> bool:
        """Start listening; a socket left behind by a crashed instance is replaced."""
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # This process holds the archive's lock, so a leftover socket is stale.
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                log.warning("Cannot listen for other launches (%s); a second launch on "
                            "this archive will open a second window.", server.errorString())
                server.deleteLater()
                return False
        server.newConnection.connect(self._on_new_connection)
        self._server = server
        return True

    def close(self) -> None:
        """Stop listening and let the archive go (the socket name and the lock are freed
        for the next instance)."""
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
        self.lock.release()

    @Slot()
    def _on_new_connection(self) -> None:
        server = self._server
        if server is None:
            return
        while server.hasPendingConnections():
            socket = server.nextPendingConnection()
            self._buffers[socket] = bytearray()
            socket.readyRead.connect(lambda s=socket: self._on_ready_read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))
            if socket.bytesAvailable():
                self._on_ready_read(socket)

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()

    def _on_ready_read(self, socket: QLocalSocket) -> None:
        buffer = self._buffers.get(socket)
        if buffer is None:
            return
        buffer.extend(bytes(socket.readAll().data()))
        if len(buffer) > MAX_MESSAGE:
            socket.abort()
            return
        if b"\n" not in buffer:
            return
        line = bytes(buffer.split(b"\n", 1)[0])
        self._buffers[socket] = bytearray()
        files = decode_request(line)
        if files is None:
            log.warning("Ignored a malformed request from another launch.")
            socket.abort()
            return
        socket.write(QByteArray(ACK))
        socket.flush()
        self.activationRequested.emit()
        if files:
            self.filesReceived.emit(files)


class SystemFileOpens(QObject):
    """Files the system asks the running application to open, as :attr:`filesReceived`.

    Installed on the application as an event filter: a ``QFileOpenEvent`` (a document
    double-clicked or dropped on the Dock icon on macOS) names one file or URL.
    """

    filesReceived = Signal(list)  # noqa: N815 - Qt signal naming

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        from PySide6.QtGui import QFileOpenEvent

        if event.type() != QEvent.Type.FileOpen or not isinstance(event, QFileOpenEvent):
            return False
        path = event.file() or event.url().toLocalFile()
        if path:
            self.filesReceived.emit([path])
        return True


def bring_to_front(window: QWidget) -> None:
    """Show ``window`` un-minimised, on top and focused (as far as the desktop allows)."""
    state = window.windowState()
    if state & Qt.WindowState.WindowMinimized:
        window.setWindowState((state & ~Qt.WindowState.WindowMinimized)
                              | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()


def claim(location: str, files: list[str] | None = None) -> InstanceGuard | None:
    """Become the instance for ``location``, or hand ``files`` to the one running.

    Returns the guard to keep, holding the archive's lock, or ``None`` when another
    instance has the archive and this launch should end. The guard listens for later
    launches once :meth:`InstanceGuard.listen_if_owner` is called (after the first
    paint: QtNetwork is not needed before). An in-memory archive is never shared.
    """
    guard = InstanceGuard(location)
    if archive_key(location) == ":memory:":
        return guard
    outcome = guard.acquire(files or [], listen=False)
    if outcome is Forwarded.NONE:
        return guard
    if outcome is Forwarded.BUSY:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(
            None, QCoreApplication.translate("SingleInstance", "Readout Desk"),
            QCoreApplication.translate(
                "SingleInstance",
                "Readout Desk is already open on this archive but is not answering right now "
                "(it may be busy). Wait a moment and switch to its window, or close it first."))
    guard.deleteLater()
    return None
