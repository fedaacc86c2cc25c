"""The standalone bundle builds, starts, shows its window and quits (slow: opt-in)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "build-bundle.sh"


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("READOUT_DESK_BUNDLE_TEST") != "1",
                    reason="builds the PyInstaller bundle (minutes); set "
                           "READOUT_DESK_BUNDLE_TEST=1 to run it")
@pytest.mark.skipif(sys.platform != "linux", reason="the build script is for Linux")
def test_bundle_builds_starts_shows_its_window_and_quits(tmp_path: Path) -> None:
    for tool in ("Xvfb", "xwininfo"):
        if not shutil.which(tool):
            pytest.skip(f"{tool} is not installed")
    env = {**os.environ, "PYTHON": sys.executable}
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run(["bash", str(SCRIPT), str(tmp_path)], env=env,
                            capture_output=True, text=True, timeout=3600, check=False)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-4000:]
    assert "OK: the bundle builds, starts, shows its window and quits cleanly" in output
    app = tmp_path / "dist" / "ReadoutDesk"
    assert (app / "readout-desk").is_file()
    assert (app / "readout-desk-cli").is_file()
    assert "window shown after" in output
