"""THIRD-PARTY-NOTICES: the licences of everything the standalone bundle carries.

The bundle's files come from four kinds of source, each with its own licence record:

- **Python distributions** (SQLAlchemy, PySide6, ...): their licence texts are collected from
  the installed distributions' metadata by pip-licenses. PySide6-Essentials and shiboken6
  ship no licence file in their wheels; their texts (LGPL-3.0, and the GPL-3.0 it builds on)
  come from ``packaging/licenses/``.
- **Qt** (inside PySide6): the LGPL text above, and Qt's own notice
  (``packaging/licenses/Qt-NOTICE.txt``), which also says how to replace the Qt libraries.
- **Python** itself (the interpreter library and the standard library): its ``LICENSE.txt``.
- **System libraries** copied from the build machine: the copyright file of the package that
  installed each one (``dpkg`` or ``rpm`` is asked which package that is).

``write_notices`` is called by ``readout-desk.spec`` with the files PyInstaller collected;
``python packaging/notices.py check BUNDLE`` reads a built bundle on its own (the Python
modules inside its executable and the files beside it) and fails if a distribution, Python or
a system library found there has no entry in the bundle's notices.
"""

from __future__ import annotations

import argparse
import importlib.metadata as metadata
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
LICENCES = HERE / "licenses"
NOTICES_NAME = "THIRD-PARTY-NOTICES.txt"

#: Distributions whose wheels carry no licence file, with the texts that apply to them.
LICENCE_FILES_FOR: Mapping[str, tuple[str, ...]] = {
    "pyside6-essentials": ("LGPL-3.0.txt", "GPL-3.0.txt"),
    "shiboken6": ("LGPL-3.0.txt", "GPL-3.0.txt"),
}

#: Distributions that bring Qt, whose notice goes with them.
QT_DISTRIBUTIONS = frozenset({"pyside6-essentials", "pyside6", "pyside6-addons"})

#: Files PyInstaller makes from Python's standard library.
STANDARD_LIBRARY_ARCHIVES = frozenset({"base_library.zip"})

#: The kinds of entry, as they appear in the notices' headings.
DISTRIBUTION, PYTHON, QT, SYSTEM = ("Python distribution", "Python", "Qt", "System package")

RULE = "=" * 78
_HEADING = re.compile(rf"^{RULE}\n(?P<kind>[^:\n]+): (?P<name>\S+) (?P<version>\S+)\n",
                      re.MULTILINE)


def normalise(name: str) -> str:
    """A distribution name as PEP 503 compares them."""
    return re.sub(r"[-_.]+", "-", name).lower()


@dataclass
class Entry:
    """One heading of the notices, with the licence texts under it."""

    kind: str
    name: str
    version: str
    licence: str
    texts: list[str]
    home_page: str = ""
    files: list[str] = field(default_factory=list)

    def render(self) -> str:
        lines = [RULE, f"{self.kind}: {self.name} {self.version}", f"Licence: {self.licence}"]
        if self.home_page:
            lines.append(f"Home page: {self.home_page}")
        if self.files:
            lines.append("Files: " + ", ".join(sorted(self.files)))
        lines.append("-" * 78)
        return "\n".join(lines) + "\n\n" + "\n\n".join(t.strip("\n") for t in self.texts) + "\n"


# ---- where a collected file comes from -----------------------------------------------------

def distribution_files() -> dict[Path, str]:
    """Every file of every installed distribution, resolved, to its distribution's name."""
    owners: dict[Path, str] = {}
    for dist in metadata.distributions():
        name = dist.metadata["Name"]
        for item in dist.files or ():
            try:
                owners[Path(str(dist.locate_file(item))).resolve()] = name
            except OSError:
                continue
    return owners


def python_roots() -> list[Path]:
    """Folders whose files belong to the Python installation itself (not site-packages)."""
    paths = sysconfig.get_paths()
    roots = {Path(paths["stdlib"]), Path(paths["platstdlib"])}
    if sysconfig.get_config_var("DESTSHARED"):
        roots.add(Path(sysconfig.get_config_var("DESTSHARED")))  # lib-dynload
    return [root.resolve() for root in roots]


def is_python_library(path: Path) -> bool:
    """The interpreter's shared library (libpython3.X.so..., python3X.dll, Python)."""
    name = path.name.lower()
    return name.startswith("libpython") or re.fullmatch(r"python3\d*\.dll", name) is not None


def _under(path: Path, roots: Iterable[Path]) -> bool:
    return any(path == root or root in path.parents for root in roots)


@dataclass
class Sources:
    """The collected files sorted by where their licence is recorded."""

    distributions: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    python: list[str] = field(default_factory=list)
    system: dict[Path, str] = field(default_factory=dict)  # source file -> bundled name


def sort_sources(collected: Iterable[tuple[str, str]], program_roots: Iterable[Path]) -> Sources:
    """Sort ``(bundled name, source path)`` pairs by owner.

    Files under ``program_roots`` are Readout Desk's own (covered by its LICENSE)."""
    owners = distribution_files()
    program = [Path(root).resolve() for root in program_roots]
    site = {Path(p).resolve() for p in (sysconfig.get_paths()["purelib"],
                                        sysconfig.get_paths()["platlib"])}
    python = python_roots()
    sources = Sources()
    for dest, src in collected:
        path = Path(src).resolve()
        if dest in STANDARD_LIBRARY_ARCHIVES:
            sources.python.append(dest)
        elif _under(path, program):
            continue  # Readout Desk's own, under its LICENSE
        elif path in owners:
            sources.distributions[owners[path]].append(dest)
        elif is_python_library(path) or (_under(path, python) and not _under(path, site)):
            sources.python.append(dest)
        elif _under(path, site):
            raise SystemExit(f"{src} is in site-packages but no installed distribution lists "
                             "it; its licence cannot be found")
        else:
            sources.system[path] = dest
    return sources


# ---- licence texts -------------------------------------------------------------------------

def distribution_entries(names: Iterable[str]) -> list[Entry]:
    """Licence entries of installed distributions, collected by pip-licenses."""
    wanted = sorted(set(names), key=normalise)
    if not wanted:
        return []
    result = subprocess.run(
        [sys.executable, "-m", "piplicenses", "--from=mixed", "--with-urls",
         "--with-license-file", "--with-notice-file", "--no-license-path", "--format=json",
         "--packages", *wanted],
        capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit("pip-licenses could not list the licences (pip install pip-licenses, "
                         f"or the bundle extra): {result.stderr.strip()}")
    found = {normalise(row["Name"]): row for row in json.loads(result.stdout)}
    entries: list[Entry] = []
    for name in wanted:
        row = found.get(normalise(name))
        if row is None:
            raise SystemExit(f"pip-licenses does not know the distribution {name}")
        texts = [t for t in (row["LicenseText"], row["NoticeText"]) if t and t != "UNKNOWN"]
        for extra in LICENCE_FILES_FOR.get(normalise(name), ()):
            texts.append((LICENCES / extra).read_text(encoding="utf-8"))
        if not texts:
            raise SystemExit(f"the distribution {row['Name']} carries no licence text; add the "
                             "text it is published under to LICENCE_FILES_FOR in "
                             "packaging/notices.py")
        entries.append(Entry(DISTRIBUTION, row["Name"], row["Version"], row["License"], texts,
                             home_page="" if row["URL"] == "UNKNOWN" else row["URL"]))
    return entries


def python_entry() -> Entry:
    """Python's own licence (the interpreter library and the standard library): its
    LICENSE.txt, or, for a distribution's Python without one, its package's copyright."""
    licence = Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"
    files = [licence] if licence.is_file() else []
    if not files:
        owner = _package_manager_owner(Path(os.__file__).resolve())
        files = owner[2] if owner is not None else []
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files if f.is_file()]
    if not texts:
        raise SystemExit(f"Python's licence is neither at {licence} nor in the copyright "
                         "file of the package that installed it")
    return Entry(PYTHON, "CPython", sys.version.split()[0], "PSF-2.0", texts,
                 home_page="https://www.python.org")


def qt_entry(version: str) -> Entry:
    """Qt's notice and the LGPL under which the bundle uses it."""
    texts = [(LICENCES / name).read_text(encoding="utf-8")
             for name in ("Qt-NOTICE.txt", "LGPL-3.0.txt", "GPL-3.0.txt")]
    return Entry(QT, "Qt", version, "LGPL-3.0-only", texts, home_page="https://www.qt.io")


def _package_manager_owner(path: Path) -> tuple[str, str, list[Path]] | None:
    """``(package, version, licence files)`` for a system file, from dpkg or rpm."""
    candidates = {str(path)}
    for prefix in ("/usr/lib", "/lib", "/usr/lib64", "/lib64"):
        if str(path).startswith(prefix + "/"):
            rest = str(path)[len(prefix):]
            candidates |= {p + rest for p in ("/usr/lib", "/lib", "/usr/lib64", "/lib64")}
    if shutil.which("dpkg-query"):
        for candidate in sorted(candidates):
            found = subprocess.run(["dpkg-query", "-S", candidate], capture_output=True,
                                   text=True, check=False)
            if found.returncode == 0:
                package = found.stdout.split(":")[0].strip()
                version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package],
                                         capture_output=True, text=True, check=False).stdout
                base = package.split(":")[0]
                return base, version or "?", [Path("/usr/share/doc") / base / "copyright"]
    if shutil.which("rpm"):
        for candidate in sorted(candidates):
            found = subprocess.run(["rpm", "-qf", "--qf", "%{NAME} %{VERSION}-%{RELEASE}\n",
                                    candidate], capture_output=True, text=True, check=False)
            if found.returncode == 0:
                package, version = found.stdout.split("\n")[0].split(" ", 1)
                files = subprocess.run(["rpm", "-qL", package], capture_output=True,
                                       text=True, check=False).stdout.split()
                return package, version, [Path(f) for f in files]
    return None


def system_entries(system: Mapping[Path, str]) -> list[Entry]:
    """One entry per system package that provided bundled libraries."""
    packages: dict[str, Entry] = {}
    for path, dest in sorted(system.items()):
        owner = _package_manager_owner(path)
        if owner is None:
            raise SystemExit(f"no package manager knows {path} (bundled as {dest}); its "
                             "licence cannot be found")
        package, version, licence_files = owner
        texts = [f.read_text(encoding="utf-8", errors="replace")
                 for f in licence_files if f.is_file()]
        if not texts:
            raise SystemExit(f"the package {package} (which provides {path}) has no copyright "
                             "or licence file installed")
        entry = packages.setdefault(package, Entry(SYSTEM, package, version,
                                                   "see the copyright file below", texts))
        entry.files.append(Path(dest).name)
    return list(packages.values())


# ---- the document --------------------------------------------------------------------------

def render(program: str, entries: Sequence[Entry]) -> str:
    """The notices document: an index, then each entry with its licence texts."""
    index = "\n".join(f"  {e.kind}: {e.name} {e.version} ({e.licence})" for e in entries)
    head = (f"{program}: third-party notices\n\n"
            f"{program} itself is released under the MIT licence (the file LICENSE beside "
            "this one).\nThe bundle also carries the following software, each under its own "
            "licence, whose\ntext follows below.\n\n" + index + "\n\n")
    return head + "\n".join(e.render() for e in entries)


def write_notices(target: Path, program: str, collected: Iterable[tuple[str, str]],
                  program_roots: Iterable[Path], *, system_libraries: bool = True) -> list[Entry]:
    """Collect the licences of ``collected`` (``(bundled name, source)``) into ``target``.

    ``system_libraries=False`` leaves out the libraries from outside Python (on Windows and
    macOS they come with Python's installer, and no package manager records them)."""
    sources = sort_sources(collected, program_roots)
    entries = distribution_entries(sources.distributions)
    if any(normalise(e.name) in QT_DISTRIBUTIONS for e in entries):
        from PySide6.QtCore import qVersion

        entries.append(qt_entry(qVersion()))
    if sources.python:
        entries.append(python_entry())
    if system_libraries:
        entries += system_entries(sources.system)
    target.write_text(render(program, entries), encoding="utf-8")
    return entries


def parse(text: str) -> dict[tuple[str, str], str]:
    """``(kind, normalised name) -> body`` of each entry in a notices document."""
    marks = list(_HEADING.finditer(text))
    bodies: dict[tuple[str, str], str] = {}
    for mark, following in zip(marks, [*marks[1:], None], strict=True):
        end = following.start() if following is not None else len(text)
        bodies[(mark["kind"], normalise(mark["name"]))] = text[mark.end():end]
    return bodies


def missing_entries(text: str, distributions: Iterable[str], *, python: bool = False,
                    qt: bool = False, system_files: Iterable[str] = ()) -> list[str]:
    """What has no entry with a licence text in the notices ``text``."""
    bodies = parse(text)
    missing: list[str] = []

    def has_text(kind: str, name: str) -> bool:
        body = bodies.get((kind, normalise(name)), "")
        return len(body.split("-" * 78, 1)[-1].strip()) > 0

    for name in sorted(set(distributions), key=normalise):
        if not has_text(DISTRIBUTION, name):
            missing.append(f"{DISTRIBUTION} {name}")
    if python and not has_text(PYTHON, "CPython"):
        missing.append("Python")
    if qt and not (has_text(QT, "Qt") and "GNU LESSER GENERAL PUBLIC LICENSE" in text):
        missing.append("Qt (its notice and the LGPL text)")
    listed: set[str] = set()
    for body in (b for (kind, _), b in bodies.items() if kind == SYSTEM):
        files = re.search(r"^Files: (.*)$", body, re.MULTILINE)
        if files:
            listed |= {f.strip() for f in files.group(1).split(",")}
    missing += [f"system library {f}" for f in sorted(set(system_files)) if f not in listed]
    return missing


# ---- what a built bundle holds -------------------------------------------------------------

def bundled_modules(executable: Path) -> set[str]:
    """The Python modules inside a PyInstaller executable's archive."""
    from PyInstaller.archive.readers import CArchiveReader  # type: ignore[import-untyped]

    archive = CArchiveReader(str(executable))
    names: set[str] = set()
    for name, entry in archive.toc.items():
        if entry[-1] == "z":  # the PYZ archive of modules
            names |= set(archive.open_embedded_archive(name).toc)
    return names


def bundle_contents(bundle: Path, executable: str) -> tuple[set[str], bool, set[str]]:
    """``(distributions, has Python's standard library, system library files)`` of a bundle."""
    internal = bundle / "_internal"
    modules = bundled_modules(bundle / executable)
    tops = {m.split(".")[0] for m in modules}
    tops |= {p.name.split(".")[0] for p in internal.iterdir()
             if not p.name.endswith(".dist-info")}
    owners = metadata.packages_distributions()
    distributions = {dist for top in tops for dist in owners.get(top, ())}
    stdlib = bool(tops & set(sys.stdlib_module_names))
    from_distributions = {path.name for path in distribution_files()}
    system = {p.name for p in internal.glob("*.so*")
              if p.is_file() and not p.is_symlink() and not p.name.startswith("libpython")
              and p.name not in from_distributions}
    return distributions - {"readout-desk"}, stdlib, system


def check(bundle: Path, executable: str = "readout-desk") -> list[str]:
    """What the bundle holds without an entry in its notices."""
    notices = bundle / NOTICES_NAME
    if not notices.is_file():
        return [f"{notices} is missing"]
    distributions, stdlib, system = bundle_contents(bundle, executable)
    qt = any(normalise(d) in QT_DISTRIBUTIONS for d in distributions)
    return missing_entries(notices.read_text(encoding="utf-8"), distributions, python=stdlib,
                           qt=qt, system_files=system)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check a bundle's third-party notices.")
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="fail if something bundled has no entry")
    check_parser.add_argument("bundle", type=Path)
    args = parser.parse_args(argv)
    missing = check(args.bundle)
    for item in missing:
        print(f"no licence entry for {item}", file=sys.stderr)
    if not missing:
        print(f"{args.bundle / NOTICES_NAME}: every bundled component has its licence entry")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
