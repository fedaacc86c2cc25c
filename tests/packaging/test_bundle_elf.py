"""The bundle's libraries: search paths of the build machine found and removed, glibc read."""

from __future__ import annotations

import shutil
import subprocess
import sysconfig
from pathlib import Path

import pytest

from tests.packaging.conftest import load

bundle_elf = load("bundle_elf")

pytestmark = pytest.mark.skipif(not (shutil.which("readelf") and shutil.which("patchelf")),
                                reason="needs readelf (binutils) and patchelf")


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A copy of one of Python's extension modules, with a search path like a build's."""
    dynload = Path(sysconfig.get_config_var("DESTSHARED") or "")
    source = next(iter(sorted(dynload.glob("select*.so"))), None)
    if source is None:
        pytest.skip(f"no extension module in {dynload}")
    copy = tmp_path / "_internal" / source.name
    copy.parent.mkdir()
    shutil.copyfile(source, copy)
    subprocess.run(["patchelf", "--set-rpath", "$ORIGIN/../lib:/home/builder/python/lib",
                    str(copy)], check=True)
    return copy


def test_a_build_machine_search_path_is_reported_and_origin_kept(library: Path) -> None:
    assert bundle_elf.search_paths(library) == ["$ORIGIN/../lib", "/home/builder/python/lib"]
    report = bundle_elf.inspect(library.parent.parent)
    assert report.foreign == ((library, "/home/builder/python/lib"),)
    assert bundle_elf.main([str(library.parent.parent)]) == 1

    assert bundle_elf.drop_foreign_search_paths(library) == ["/home/builder/python/lib"]
    assert bundle_elf.search_paths(library) == ["$ORIGIN/../lib"]
    assert bundle_elf.inspect(library.parent.parent).foreign == ()
    assert bundle_elf.main([str(library.parent.parent)]) == 0


def test_only_foreign_paths_means_no_search_path_at_all(library: Path) -> None:
    subprocess.run(["patchelf", "--set-rpath", "/opt/build/lib", str(library)], check=True)
    assert bundle_elf.drop_foreign_search_paths(library) == ["/opt/build/lib"]
    assert bundle_elf.search_paths(library) == []
    assert "RPATH" not in subprocess.run(["readelf", "-d", str(library)], capture_output=True,
                                         text=True, check=True).stdout.replace("RUNPATH", "")


def test_glibc_baseline_is_the_highest_version_named(library: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    needed = bundle_elf.glibc_needed(library)
    assert needed is not None and needed >= (2, 2)
    bundle_elf.drop_foreign_search_paths(library)
    root = library.parent.parent
    assert bundle_elf.inspect(root).glibc == needed
    text = bundle_elf.version_text(needed)
    assert bundle_elf.main([str(root), "--max-glibc", text]) == 0
    below = f"{needed[0]}.{needed[1] - 1}"
    assert bundle_elf.main([str(root), "--max-glibc", below]) == 1
    assert f"glibc baseline {text}" in capsys.readouterr().out
