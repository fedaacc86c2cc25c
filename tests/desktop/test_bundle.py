"""The standalone bundle builds, passes its smoke test, and is fit to hand out (slow: opt-in).

``READOUT_DESK_BUNDLE_TEST=1`` builds it with packaging/build-bundle.sh (minutes);
``READOUT_DESK_BUNDLE=DIR`` checks a bundle built before (DIR is its ``dist/ReadoutDesk``).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.packaging.conftest import load

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "build-bundle.sh"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform != "linux", reason="the build script is for Linux"),
    pytest.mark.skipif(os.environ.get("READOUT_DESK_BUNDLE_TEST") != "1"
                       and not os.environ.get("READOUT_DESK_BUNDLE"),
                       reason="builds the PyInstaller bundle (minutes); set "
                              "READOUT_DESK_BUNDLE_TEST=1 to run it"),
]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    built = os.environ.get("READOUT_DESK_BUNDLE")
    if built:
        yield Path(built)
        return
    for tool in ("Xvfb", "xwininfo", "patchelf", "readelf"):
        if not shutil.which(tool):
            pytest.skip(f"{tool} is not installed")
    build = tmp_path_factory.mktemp("bundle")
    env = {**os.environ, "PYTHON": sys.executable}
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run(["bash", str(SCRIPT), str(build)], env=env,
                            capture_output=True, text=True, timeout=3600, check=False)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-4000:]
    assert "OK: the bundle builds, starts, shows its window and quits cleanly" in output
    assert re.search(r"first page: [1-9]\d* of [1-9]\d* readouts", output)
    assert "window shown after" in output
    assert list(build.glob("ReadoutDesk-*-linux-*.tar.gz"))
    yield build / "dist" / "ReadoutDesk"


def test_both_programs_are_one(bundle: Path) -> None:
    assert (bundle / "readout-desk").is_file()
    cli = bundle / "readout-desk-cli"
    assert cli.is_symlink() and os.readlink(cli) == "readout-desk"


def test_every_bundled_component_has_its_licence(bundle: Path) -> None:
    notices = load("notices")
    assert notices.check(bundle) == []
    text = (bundle / notices.NOTICES_NAME).read_text(encoding="utf-8")
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text
    assert "Replacing the Qt libraries" in text
    assert (bundle / "LICENSE").read_text(encoding="utf-8") == (ROOT / "LICENSE").read_text(
        encoding="utf-8")


def test_no_library_carries_a_search_path_of_the_build_machine(bundle: Path) -> None:
    bundle_elf = load("bundle_elf")
    leaks = []
    for path in bundle_elf.elf_files(bundle):
        dynamic = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True,
                                 check=True).stdout
        for paths in re.findall(r"\((?:RPATH|RUNPATH)\).*\[(.*)\]", dynamic):
            leaks += [f"{path}: {p}" for p in paths.split(":") if not p.startswith("$ORIGIN")]
    assert leaks == []


def test_what_the_target_system_provides_is_not_bundled(bundle: Path) -> None:
    internal = bundle / "_internal"
    names = {p.name for p in internal.rglob("*.so*")}
    for library in ("libstdc++.so.6", "libgcc_s.so.1", "libglib-2.0.so.0", "libexpat.so.1",
                    "libfontconfig.so.1", "libfreetype.so.6", "libX11.so.6", "libxcb.so.1",
                    "libz.so.1", "libcairo.so.2", "libpango-1.0.so.0"):
        assert library not in names
    plugins = internal / "PySide6" / "Qt" / "plugins"
    assert not (plugins / "platformthemes" / "libqgtk3.so").exists()
    for unused in ("platforms/libqeglfs.so", "platforms/libqvnc.so", "platforms/libqlinuxfb.so",
                   "generic", "egldeviceintegrations", "imageformats/libqtga.so"):
        assert not (plugins / unused).exists(), unused
    for used in ("platforms/libqxcb.so", "platforms/libqwayland.so", "platforms/libqoffscreen.so",
                 "imageformats/libqjpeg.so", "imageformats/libqsvg.so",
                 "iconengines/libqsvgicon.so"):
        assert (plugins / used).exists(), used
