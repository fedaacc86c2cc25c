"""One instance per archive: a later launch hands over its files and the first window comes
forward."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from PySide6.QtNetwork import QLocalServer
from pytestqt.qtbot import QtBot

from readout_desk.ui import instance_name
from readout_desk.ui.single_instance import (
    Forwarded,
    InstanceGuard,
    SystemFileOpens,
    archive_key,
    decode_request,
    encode_request,
    server_name,
)
from tests.desktop.conftest import (
    EXIT_TIMEOUT_S,
    XServer,
    app_env,
    launch,
    launcher_command,
    quit_app,
)

SECOND_LAUNCH = """
import json, sys
from PySide6.QtCore import QCoreApplication
from readout_desk.ui.single_instance import InstanceGuard
app = QCoreApplication([])
guard = InstanceGuard(sys.argv[1])
outcome = guard.acquire(sys.argv[2:])
print(json.dumps({"outcome": outcome.value, "listening": guard.listening}))
guard.close()
"""


#: The first launch as start-up runs it: the archive's lock taken at once, the socket
#: listened on only "after the first paint" (``argv[2]`` ms later).
STARTING_OWNER = """
import json, sys
from PySide6.QtCore import QCoreApplication, QTimer
from readout_desk.ui.single_instance import claim
app = QCoreApplication([])
guard = claim(sys.argv[1])
print(json.dumps({"claimed": guard is not None,
                  "network": "PySide6.QtNetwork" in sys.modules}), flush=True)
got = []
guard.filesReceived.connect(lambda files: (got.extend(files), app.quit()))
QTimer.singleShot(int(sys.argv[2]), guard.listen_if_owner)
QTimer.singleShot(60_000, app.quit)
app.exec()
print(json.dumps({"files": got, "listening": guard.listening}), flush=True)
guard.close()
"""


def _starting_owner(location: Path, listen_after_ms: int) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-c", STARTING_OWNER, str(location), str(listen_after_ms)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _second_launch(location: Path, *files: str) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen([sys.executable, "-c", SECOND_LAUNCH, str(location), *files],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture
def guard(qtbot: QtBot, archive_path: Path) -> Iterator[InstanceGuard]:
    first = InstanceGuard(str(archive_path))
    assert first.acquire() is Forwarded.NONE
    assert first.listening
    yield first
    first.close()


def test_the_name_follows_the_resolved_archive_path(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "data" / "archive.sqlite3"
    target.parent.mkdir()
    target.touch()
    link = tmp_path / "link.sqlite3"
    link.symlink_to(target)
    monkeypatch.chdir(tmp_path)
    spellings = [str(target), "data/archive.sqlite3", "data/../data/archive.sqlite3",
                 str(link), f"sqlite:///{target}"]
    assert {server_name(s) for s in spellings} == {server_name(str(target))}
    assert archive_key(f"sqlite:///{target}") == str(target.resolve())
    assert server_name(str(tmp_path / "other.sqlite3")) != server_name(str(target))
    assert server_name(str(target)).startswith("readout-desk-")


def test_probably_running_sees_the_socket_of_a_listening_instance(
        guard: InstanceGuard, archive_path: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    if sys.platform == "win32":
        pytest.skip("named pipes have no file to look at")
    monkeypatch.setenv("TMPDIR", QDir.tempPath())
    assert instance_name.probably_running(str(archive_path))
    assert not instance_name.probably_running(str(tmp_path / "nobody-has-this.sqlite3"))
    guard.close()
    assert not instance_name.probably_running(str(archive_path))


def test_requests_round_trip_and_garbage_is_refused() -> None:
    assert decode_request(encode_request(["/a.json", "/b c.json"]).rstrip(b"\n")) == [
        "/a.json", "/b c.json"]
    assert decode_request(b"not json") is None
    assert decode_request(json.dumps({"protocol": 99, "files": []}).encode()) is None
    assert decode_request(json.dumps({"protocol": 1, "files": [1]}).encode()) is None


def test_a_second_launch_hands_its_files_to_the_first(
        qtbot: QtBot, guard: InstanceGuard, archive_path: Path, tmp_path: Path) -> None:
    export = tmp_path / "export one.json"
    activations: list[bool] = []
    guard.activationRequested.connect(lambda: activations.append(True))
    with qtbot.waitSignal(guard.filesReceived, timeout=30_000) as blocker:
        proc = _second_launch(archive_path, str(export))
    qtbot.waitUntil(lambda: proc.poll() is not None, timeout=30_000)
    out, err = proc.communicate()
    assert proc.returncode == 0, err
    assert json.loads(out) == {"outcome": "delivered", "listening": False}
    assert blocker.args == [[str(export)]]
    assert activations == [True]


def test_a_launch_while_the_first_is_still_starting_waits_and_hands_over(
        qtbot: QtBot, archive_path: Path, tmp_path: Path) -> None:
    owner = _starting_owner(archive_path, 3_000)
    try:
        assert owner.stdout is not None
        # Owning the archive needs no QtNetwork: it loads once the window has painted.
        assert json.loads(owner.stdout.readline()) == {"claimed": True, "network": False}
        assert not instance_name.probably_running(str(archive_path))  # not listening yet
        export = tmp_path / "while starting.json"
        second = _second_launch(archive_path, str(export))
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=30_000)
        out, err = second.communicate()
        assert second.returncode == 0, err
        assert json.loads(out) == {"outcome": "delivered", "listening": False}
        owner_out, owner_err = owner.communicate(timeout=30)
        assert json.loads(owner_out.splitlines()[-1]) == {"files": [str(export)],
                                                          "listening": True}, owner_err
    finally:
        if owner.poll() is None:
            owner.kill()
            owner.communicate()


def test_the_lock_of_an_instance_that_died_is_free_at_once(tmp_path: Path) -> None:
    location = tmp_path / "died.sqlite3"
    owner = _starting_owner(location, 60_000)
    try:
        assert owner.stdout is not None
        assert json.loads(owner.stdout.readline())["claimed"] is True
        assert not InstanceGuard(str(location)).lock.acquire()  # held while it runs
    finally:
        owner.kill()  # as a crash ends it: nothing is cleaned up
        owner.communicate()
    guard = InstanceGuard(str(location))
    try:
        assert guard.acquire(timeout_ms=5_000) is Forwarded.NONE
        assert guard.listening
    finally:
        guard.close()


def test_the_lock_file_goes_with_its_owner_and_a_late_taker_gets_the_new_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if sys.platform == "win32":
        pytest.skip("an open file cannot be removed there; the lock file stays")
    owner = instance_name.OwnerLock("archive", tmp_path)
    assert owner.acquire()
    owner.release()
    assert not owner.path.exists()  # nothing left behind in the temporary folder
    assert owner.acquire()
    # A launch opens the file, then its owner leaves (removing it) before the launch
    # locks it: the lock on the removed file must not count, or a third launch would
    # make a second owner.
    late = instance_name.OwnerLock("archive", tmp_path)
    real_lock = instance_name._lock  # noqa: SLF001

    def lock_after_the_owner_left(fd: int) -> bool:
        if owner.held:
            owner.release()
        return real_lock(fd)

    monkeypatch.setattr(instance_name, "_lock", lock_after_the_owner_left)
    assert late.acquire()
    monkeypatch.setattr(instance_name, "_lock", real_lock)
    assert late.path.exists()
    assert not instance_name.OwnerLock("archive", tmp_path).acquire()
    late.release()


def test_a_launch_on_another_archive_is_not_forwarded(
        qtbot: QtBot, guard: InstanceGuard, tmp_path: Path) -> None:
    proc = _second_launch(tmp_path / "another.sqlite3")
    qtbot.waitUntil(lambda: proc.poll() is not None, timeout=30_000)
    out, err = proc.communicate()
    assert proc.returncode == 0, err
    assert json.loads(out) == {"outcome": "none", "listening": True}


def test_a_socket_left_by_a_crashed_instance_is_replaced(qtbot: QtBot, tmp_path: Path) -> None:
    if sys.platform == "win32":
        pytest.skip("named pipes vanish with their process")
    location = str(tmp_path / "crashed.sqlite3")
    name = server_name(location)
    stale = Path(QDir.tempPath()) / name
    QLocalServer.removeServer(name)
    leftover = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    leftover.bind(str(stale))
    leftover.close()  # the file stays, with nobody listening: what a crash leaves
    assert stale.exists()
    guard = InstanceGuard(location)
    try:
        assert guard.acquire() is Forwarded.NONE
        assert guard.listening
    finally:
        guard.close()


def test_starting_the_app_twice_leaves_one_process_and_one_window(
        tmp_path: Path, xserver: XServer) -> None:
    archive = tmp_path / "twice.sqlite3"
    env = app_env(xserver.display, tmp_path / "home")
    command = [*launcher_command(), "--db", str(archive)]
    first = launch(command, env)
    try:
        xserver.wait_for_window(proc=first)
        second = launch(command, env)
        try:
            second.wait(timeout=EXIT_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            second.kill()
            raise AssertionError("the second launch did not return") from None
        output = second.stdout.read().decode(errors="replace") if second.stdout else ""
        assert second.returncode == 0, output
        assert first.poll() is None, "the first instance must keep running"
        # The second launch has exited, so only the first could still open a window in
        # answer. A third launch is answered only once the first has handled the second.
        third = launch(command, env)
        assert third.wait(timeout=EXIT_TIMEOUT_S) == 0
        windows = [t for t in xserver.app_windows() if str(archive) in t]
        assert len(windows) == 1, windows
    finally:
        code = quit_app(first)
    assert code == 0


def test_opening_an_export_with_the_app_offers_it_to_the_running_window(
        tmp_path: Path, xserver: XServer) -> None:
    from readout_desk.archive import Archive
    from readout_desk.archive.demo import load_demo
    from readout_desk.domain import jsonformat

    source = Archive.open(tmp_path / "source.sqlite3")
    load_demo(source)
    readouts = source.get_many(source.search_ids(""))
    source.close()
    export = tmp_path / "export.json"
    export.write_text(json.dumps(jsonformat.document(readouts)), encoding="utf-8")

    archive = tmp_path / "target.sqlite3"
    env = app_env(xserver.display, tmp_path / "home")
    command = [*launcher_command(), "--db", str(archive)]
    first = launch(command, env)
    try:
        xserver.wait_for_window(proc=first)
        second = launch([*command, str(export)], env)
        assert second.wait(timeout=EXIT_TIMEOUT_S) == 0
        assert xserver.wait_for_window("Import readouts", proc=first)
        assert len([t for t in xserver.app_windows() if str(archive) in t]) == 1
    finally:
        code = quit_app(first)
    assert code == 0


#: An owner that is closing: it holds the archive's lock and listens, takes one request
#: without answering it, and exits (its lock goes with it).
LEAVING_OWNER = """
import json, os, sys
from PySide6.QtCore import QCoreApplication
from PySide6.QtNetwork import QLocalServer
from readout_desk.ui.single_instance import InstanceGuard
app = QCoreApplication([])
guard = InstanceGuard(sys.argv[1])
assert guard.lock.acquire()
QLocalServer.removeServer(guard.name)
server = QLocalServer()
assert server.listen(guard.name)
print(json.dumps({"listening": True}), flush=True)
server.waitForNewConnection(60_000)
peer = server.nextPendingConnection()
peer.waitForReadyRead(10_000)
peer.abort()
os._exit(0)
"""


def test_a_launch_whose_owner_closes_without_answering_takes_the_archive(
        tmp_path: Path) -> None:
    location = tmp_path / "archive.sqlite3"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    owner = subprocess.Popen([sys.executable, "-c", LEAVING_OWNER, str(location)], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert owner.stdout is not None
        assert json.loads(owner.stdout.readline()) == {"listening": True}
        later = _second_launch(location)
        out, err = later.communicate(timeout=EXIT_TIMEOUT_S)
        assert json.loads(out.strip().splitlines()[-1]) == {"outcome": "none",
                                                            "listening": True}, err
        owner.wait(timeout=EXIT_TIMEOUT_S)
    finally:
        owner.kill()
        owner.wait()


def test_a_file_the_system_asks_to_open_reaches_the_window(qtbot: QtBot,
                                                           tmp_path: Path) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QFileOpenEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert app is not None
    opens = SystemFileOpens()
    app.installEventFilter(opens)
    try:
        export = tmp_path / "desk.readout.json"
        with qtbot.waitSignal(opens.filesReceived, timeout=2_000) as got:
            QApplication.sendEvent(app, QFileOpenEvent(str(export)))
        assert got.args == [[str(export)]]
        with qtbot.waitSignal(opens.filesReceived, timeout=2_000) as got:
            QApplication.sendEvent(app, QFileOpenEvent(QUrl.fromLocalFile(str(export))))
        assert got.args == [[str(export)]]
    finally:
        app.removeEventFilter(opens)


@pytest.mark.parametrize("environment", [
    {"LOGNAME": "ana"}, {"USER": "ben"}, {"LNAME": "chi"}, {"USERNAME": "dai"},
    {"LOGNAME": "", "USER": "eve"}, {}])
def test_the_instance_name_is_the_one_getpass_and_hashlib_give(
        monkeypatch: pytest.MonkeyPatch, environment: dict[str, str]) -> None:
    """Another version of the program running on the same archive must find this one."""
    import getpass
    import hashlib

    for variable in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.delenv(variable, raising=False)
    for variable, value in environment.items():
        monkeypatch.setenv(variable, value)
    location = "/tmp/some archive.sqlite3"
    user = getpass.getuser()
    expected = hashlib.sha256(f"{user}\0{instance_name.archive_key(location)}".encode())
    assert instance_name._user() == user  # noqa: SLF001
    assert instance_name.server_name(location) == f"readout-desk-{expected.hexdigest()[:24]}"
