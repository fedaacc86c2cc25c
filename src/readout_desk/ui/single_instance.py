"""One running Readout Desk per archive.

The first instance to open an archive listens on a local socket (a Unix socket or a
Windows named pipe) whose name is derived from the archive's resolved path and the
user. A later launch on the same archive connects, hands over what it was asked to
do (files to open) and exits; the first instance raises its window.

This runs before the archive is opened, so it stays light: QtCore and QtNetwork
only, no SQLAlchemy.
"""

from __future__ import annotations

import enum
import json
import logging
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QDir, QLockFile, QObject, Qt, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from readout_desk.ui.instance_name import archive_key, server_name

__all__ = ["Forwarded", "InstanceGuard", "archive_key", "bring_to_front", "claim",
           "decode_request", "encode_request", "server_name"]

log = logging.getLogger(__name__)

PROTOCOL = 1
ACK = b"ok\n"
#: The most a message may hold; anything longer is not one of ours.
MAX_MESSAGE = 1 << 20


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
    (and the caller exits) or starts listening. While listening, requests from later
    launches arrive as :attr:`activationRequested` and :attr:`filesReceived`.
    """

    activationRequested = Signal()  # noqa: N815 - Qt signal naming
    filesReceived = Signal(list)  # noqa: N815 - Qt signal naming

    def __init__(self, location: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(location)
        self._server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytearray] = {}

    @property
    def listening(self) -> bool:
        return self._server is not None and self._server.isListening()

    def acquire(self, files: list[str] | None = None, timeout_ms: int = 3000) -> Forwarded:
        """Hand ``files`` to a running instance, or become the running instance.

        Returns :attr:`Forwarded.NONE` when this process now owns the archive. A
        lock file serialises two launches started at the same moment.
        """
        request = encode_request([str(Path(f).absolute()) for f in files or []])
        lock = QLockFile(QDir.temp().filePath(self.name + ".lock"))
        lock.setStaleLockTime(10_000)
        locked = lock.tryLock(timeout_ms)
        try:
            outcome = self.forward(request, timeout_ms)
            if outcome is not Forwarded.NONE:
                return outcome
            self.listen()
            return Forwarded.NONE
        finally:
            if locked:
                lock.unlock()

    def forward(self, request: bytes, timeout_ms: int = 3000) -> Forwarded:
        """Send ``request`` to the instance listening on this archive, if any."""
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
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # Nobody answered (forward() came first), so a leftover socket is stale.
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
        """Stop listening (the socket name is freed for the next instance)."""
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None

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

    Returns the guard to keep (listening) or ``None`` when another instance has the
    archive and this launch should end. An in-memory archive is never shared.
    """
    guard = InstanceGuard(location)
    if archive_key(location) == ":memory:":
        return guard
    outcome = guard.acquire(files or [])
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
