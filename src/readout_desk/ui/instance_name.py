"""The name under which the instance owning an archive listens, and the lock that says
which instance owns it (no Qt here).

Kept free of Qt so that start-up can ask "does another instance own this archive?"
(:class:`OwnerLock`) before deciding what to import: only a launch on an archive that is
already open needs Qt's local sockets, to hand its request over.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
from pathlib import Path

if sys.platform == "win32":
    import msvcrt
else:
    import fcntl


def archive_key(location: str) -> str:
    """A stable text for the archive: its resolved path, or the URL as given."""
    raw = location
    if location.startswith("sqlite") and ":///" in location:
        raw = location.split(":///", 1)[1].split("?", 1)[0]
        if raw.startswith("file:"):
            raw = raw[len("file:"):]
    elif "://" in location:
        return location
    if raw in ("", ":memory:"):
        return ":memory:"
    path = Path(raw).expanduser()
    try:
        path = path.resolve()
    except OSError:
        path = path.absolute()
    return os.path.normcase(str(path))


def _user() -> str:
    """The login name as ``getpass.getuser`` gives it (the environment, then the password
    database), without importing ``getpass`` and the terminal modules it needs."""
    for variable in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        if name := os.environ.get(variable):
            return name
    try:
        import pwd

        return pwd.getpwuid(os.getuid()).pw_name
    except Exception:  # noqa: BLE001 - no login name (containers, Windows); the uid will do
        return str(os.getuid()) if hasattr(os, "getuid") else "user"


def _sha256_hex(data: bytes) -> str:
    """SHA-256 in hex, from Python's own implementation where it has one: ``hashlib``
    loads OpenSSL first (2 ms of a start that waits for this name)."""
    for module in ("_sha2", "_sha256", "hashlib"):  # Python 3.12+, 3.10-3.11, any
        with contextlib.suppress(ImportError, AttributeError):
            sha256 = importlib.import_module(module).sha256
            break
    return str(sha256(data).hexdigest())


def server_name(location: str) -> str:
    """The local-socket name for ``location``, private to this user."""
    digest = _sha256_hex(f"{_user()}\0{archive_key(location)}".encode())
    return f"readout-desk-{digest[:24]}"


def temp_dir() -> Path:
    """The temporary folder as Qt's ``QDir.tempPath()`` names it, where the instance's
    socket (on Unix) and its lock file are."""
    if sys.platform == "win32":
        return Path(os.environ.get("TMP") or os.environ.get("TEMP") or Path.home())
    return Path(os.environ.get("TMPDIR") or "/tmp")


class OwnerLock:
    """The lock held by the instance that owns an archive for as long as it runs.

    An advisory lock of the operating system on a file in the temporary folder
    (``flock``; a locked byte on Windows): the system releases it when the process
    ends, a crash included, so a lock is never left behind, and two launches at the
    same moment cannot both take it.
    """

    def __init__(self, name: str, folder: Path | None = None) -> None:
        self.path = (folder or temp_dir()) / f"{name}.owner"
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        """Take the lock if nobody holds it; ``True`` when this process holds it."""
        if self._fd is not None:
            return True
        for _ in range(3):  # the file may be removed by its owner between open and lock
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            except OSError:
                return False
            if not _lock(fd):
                os.close(fd)
                return False
            if _same_file(fd, self.path):
                self._fd = fd
                return True
            os.close(fd)  # a file its owner removed on leaving: take the new one
        return False

    def release(self) -> None:
        """Let the archive go, removing the file first (while still holding it, so that
        whoever opened the old file sees it is gone and opens a new one)."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        if sys.platform != "win32":  # an open file cannot be removed there; it stays
            with contextlib.suppress(OSError):
                self.path.unlink()
        with contextlib.suppress(OSError):
            _unlock(fd)
        os.close(fd)


def _lock(fd: int) -> bool:
    try:
        if sys.platform == "win32":
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)


def _same_file(fd: int, path: Path) -> bool:
    """Whether ``path`` still names the open file ``fd``."""
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path))
    except OSError:
        return False


def probably_running(location: str) -> bool:
    """Whether an instance may already own ``location`` (cheap, without Qt).

    On Unix a listening instance has a socket file in the temporary folder (Qt's
    ``QDir.tempPath()``: ``$TMPDIR``, else ``/tmp``); a crash may leave one behind, so
    ``True`` means "check properly". Elsewhere the answer is always ``True``.
    """
    if sys.platform == "win32":
        return True
    return (temp_dir() / server_name(location)).exists()
