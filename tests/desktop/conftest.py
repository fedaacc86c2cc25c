"""Fixtures for desktop-integration tests: a private X server and launching the real app."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

# How long a launched app may take to show its window on a busy machine. Tests only use
# these as upper bounds for waiting, never as measurements.
WINDOW_TIMEOUT_S = 60.0
EXIT_TIMEOUT_S = 30.0

#: Main windows are titled "Readout Desk — <archive>"; Qt's hidden client-leader window is
#: titled "Readout Desk" alone and exists before the main window does.
MAIN_WINDOW = "Readout Desk — "

_TITLE = re.compile(r'^\s*0x[0-9a-f]+ "(?P<title>[^"]*)"', re.MULTILINE)


class XServer:
    """An Xvfb display for this test run."""

    def __init__(self, display: str) -> None:
        self.display = display

    def window_titles(self) -> list[str]:
        """Titles of the named windows that exist on the display."""
        result = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True, text=True,
                                env={**os.environ, "DISPLAY": self.display}, timeout=20,
                                check=False)
        return _TITLE.findall(result.stdout)

    def app_windows(self, prefix: str = MAIN_WINDOW) -> list[str]:
        return [t for t in self.window_titles() if t.startswith(prefix)]

    def wait_for_window(self, prefix: str = MAIN_WINDOW, proc: subprocess.Popen[bytes] |
                        None = None, timeout: float = WINDOW_TIMEOUT_S) -> list[str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.app_windows(prefix)
            if found:
                return found
            if proc is not None and proc.poll() is not None:
                out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
                raise AssertionError(f"the app exited ({proc.returncode}) before showing a "
                                     f"window:\n{out}")
            time.sleep(0.1)
        raise AssertionError(f"no window titled {prefix!r} appeared")

    def screenshot(self, target: Path) -> bool:
        if not shutil.which("import"):
            return False
        result = subprocess.run(["import", "-window", "root", str(target)],
                                env={**os.environ, "DISPLAY": self.display},
                                capture_output=True, timeout=30, check=False)
        return result.returncode == 0


@pytest.fixture(scope="session")
def xserver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[XServer]:
    """A private Xvfb display (skips where Xvfb or xwininfo are not installed)."""
    for tool, package in (("Xvfb", "xvfb"), ("xwininfo", "x11-utils")):
        if not shutil.which(tool):
            pytest.skip(f"{tool} is not installed (Debian package {package})")
    folder = tmp_path_factory.mktemp("xvfb")
    number_file = folder / "display"
    with number_file.open("w") as out:
        proc = subprocess.Popen(["Xvfb", "-displayfd", str(out.fileno()), "-screen", "0",
                                 "1280x800x24", "-nolisten", "tcp"],
                                pass_fds=(out.fileno(),), stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not number_file.read_text().strip():
        if proc.poll() is not None:
            pytest.skip("Xvfb could not start")
        time.sleep(0.05)
    number = number_file.read_text().strip()
    if not number:
        proc.kill()
        pytest.skip("Xvfb did not report a display")
    yield XServer(f":{number.splitlines()[0]}")
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def app_env(display: str, home: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for a launched app: the X display, a private data folder."""
    env = dict(os.environ)
    env.pop("READOUT_DESK_DB", None)
    env.update({"DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "READOUT_DESK_HOME": str(home)})
    env.update(extra or {})
    return env


def launcher_command() -> list[str]:
    """The installed ``readout-desk`` beside this interpreter, else ``python -m``."""
    launcher = Path(sys.executable).parent / "readout-desk"
    if launcher.exists():
        return [str(launcher)]
    return [sys.executable, "-m", "readout_desk"]


def launch(command: Sequence[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(list(command), env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)


def quit_app(proc: subprocess.Popen[bytes]) -> int:
    """Ask the app to quit the way a session manager does (SIGTERM); its exit code."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
    try:
        return proc.wait(timeout=EXIT_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        raise AssertionError("the app did not quit after SIGTERM") from None


@pytest.fixture
def demo_archive_copy(tmp_path: Path) -> Iterator[object]:
    """A second archive, holding the demo readouts (the ``archive`` fixture stays empty)."""
    from readout_desk.archive import Archive
    from readout_desk.archive.demo import load_demo

    other = Archive.open(tmp_path / "demo-source.sqlite3")
    load_demo(other)
    yield other
    other.close()
