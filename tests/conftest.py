"""Shared fixtures: every test gets its own data folder and archive; Qt runs offscreen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The interface is English in the tests, whatever the machine's locale; a test that wants
# another language installs its translator itself (tests/ui/translation.py).
os.environ["READOUT_DESK_LANG"] = "en"

from readout_desk import paths  # noqa: E402
from readout_desk.archive import Archive  # noqa: E402

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EXAMPLES = SHARED / "examples"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
                  ) -> Iterator[Path]:
    """Point data, config, log and cache folders at a fresh temporary folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.delenv(paths.DB_ENV, raising=False)
    paths.set_base_dir(home)
    yield home
    paths.set_base_dir(None)


@pytest.fixture
def archive_path(tmp_path: Path) -> Path:
    return tmp_path / "archive.sqlite3"


@pytest.fixture
def archive(archive_path: Path) -> Iterator[Archive]:
    """A fresh, empty archive in a temporary file."""
    opened = Archive.open(archive_path)
    yield opened
    opened.close()


@pytest.fixture
def demo_archive(archive: Archive) -> Archive:
    """An archive holding the demo readouts."""
    from readout_desk.archive.demo import load_demo

    load_demo(archive)
    return archive


@pytest.fixture
def examples_dir() -> Path:
    """The shared example readouts; tests that need them skip where they are absent."""
    if not EXAMPLES.is_dir():
        pytest.skip(f"the shared examples are not beside the repository ({EXAMPLES})")
    return EXAMPLES
