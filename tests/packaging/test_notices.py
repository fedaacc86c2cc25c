"""THIRD-PARTY-NOTICES: an entry with a licence text for every bundled distribution."""

from __future__ import annotations

import importlib.metadata as metadata
import importlib.util
import re
from pathlib import Path

import pytest

from tests.packaging.conftest import load

notices = load("notices")


def runtime_distributions() -> set[str]:
    """Readout Desk's dependencies and theirs, as installed (what the bundle carries)."""
    seen: set[str] = set()
    queue = ["readout-desk"]
    while queue:
        name = queue.pop()
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # an optional dependency that is not installed
        if dist.name in seen:
            continue
        seen.add(dist.name)
        for requirement in dist.requires or ():
            if "extra ==" in requirement:
                continue
            queue.append(re.split(r"[ ;<>=!~\[(]", requirement, maxsplit=1)[0])
    return seen - {"readout-desk"}


def one_file_of(name: str) -> tuple[str, str]:
    """``(bundled name, source)`` of one installed file of a distribution."""
    dist = metadata.distribution(name)
    for item in dist.files or ():
        path = Path(str(dist.locate_file(item)))
        if path.suffix == ".py" and path.is_file():
            return str(item), str(path)
    raise AssertionError(f"{name} has no Python file")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> str:
    if importlib.util.find_spec("piplicenses") is None:
        pytest.skip("pip-licenses is not installed (pip install '.[bundle]')")
    target: Path = tmp_path_factory.mktemp("notices") / notices.NOTICES_NAME
    collected = [one_file_of(name) for name in sorted(runtime_distributions())]
    collected.append(("json/__init__.py", str(Path(metadata.__file__).parent.parent
                                              / "json" / "__init__.py")))
    notices.write_notices(target, "Readout Desk", collected, program_roots=[],
                          system_libraries=False)
    return target.read_text(encoding="utf-8")


def test_every_runtime_distribution_has_an_entry_with_its_licence_text(generated: str) -> None:
    distributions = runtime_distributions()
    assert {"SQLAlchemy", "alembic", "PySide6_Essentials", "shiboken6", "tzdata",
            "appdirs"} <= {notices.normalise(d) for d in distributions} | distributions
    assert notices.missing_entries(generated, distributions, python=True, qt=True) == []


def test_qt_entry_carries_the_lgpl_the_gpl_and_how_to_replace_qt(generated: str) -> None:
    body = notices.parse(generated)[(notices.QT, "qt")]
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in body
    assert "GNU GENERAL PUBLIC LICENSE" in body
    assert "Replacing the Qt libraries" in body
    pyside = notices.parse(generated)[(notices.DISTRIBUTION, "pyside6-essentials")]
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in pyside


def test_python_entry_is_the_psf_licence(generated: str) -> None:
    body = notices.parse(generated)[(notices.PYTHON, "cpython")]
    assert "PYTHON SOFTWARE FOUNDATION LICENSE" in body


def test_a_distribution_without_an_entry_is_reported(generated: str) -> None:
    without_sqlalchemy = re.sub(r"Python distribution: SQLAlchemy ", "Python distribution: X ",
                                generated)
    assert notices.missing_entries(without_sqlalchemy, {"SQLAlchemy", "alembic"}) == [
        "Python distribution SQLAlchemy"]
    assert notices.missing_entries(generated, {"not-bundled-here"}) == [
        "Python distribution not-bundled-here"]


def test_an_entry_without_text_counts_as_missing() -> None:
    empty = notices.Entry(notices.DISTRIBUTION, "appdirs", "1.4.4", "MIT", [""]).render()
    assert notices.missing_entries(notices.render("P", []) + empty, {"appdirs"}) == [
        "Python distribution appdirs"]
    full = notices.Entry(notices.DISTRIBUTION, "appdirs", "1.4.4", "MIT", ["MIT text"]).render()
    assert notices.missing_entries(full, {"appdirs"}) == []


def test_system_libraries_are_checked_by_file_name() -> None:
    entry = notices.Entry(notices.SYSTEM, "libssl3", "3.0", "see below", ["copyright"],
                          files=["libssl.so.3", "libcrypto.so.3"]).render()
    assert notices.missing_entries(entry, (), system_files={"libssl.so.3"}) == []
    assert notices.missing_entries(entry, (), system_files={"libffi.so.8"}) == [
        "system library libffi.so.8"]


def test_collected_files_are_traced_to_distribution_python_system_or_program(
        tmp_path: Path) -> None:
    import sysconfig

    libpython = Path(sysconfig.get_config_var("LIBDIR") or "/") / str(
        sysconfig.get_config_var("LDLIBRARY"))
    system = next(iter(sorted(Path("/usr/lib").rglob("libz.so.1"))), None)
    if not libpython.is_file() or system is None:
        pytest.skip("needs a Python with a shared libpython and a system zlib")
    program = tmp_path / "stage" / "readout_desk" / "__init__.py"
    program.parent.mkdir(parents=True)
    program.write_text("", encoding="utf-8")
    sources = notices.sort_sources([
        one_file_of("SQLAlchemy"),
        ("json/__init__.py", str(Path(metadata.__file__).parent.parent / "json" / "__init__.py")),
        ("base_library.zip", str(tmp_path / "work" / "base_library.zip")),
        (libpython.name, str(libpython)),
        ("libz.so.1", str(system)),
        ("readout_desk/__init__.pyc", str(program)),
    ], program_roots=[tmp_path / "stage"])
    assert set(sources.distributions) == {"SQLAlchemy"}
    assert sorted(sources.python) == sorted(["json/__init__.py", "base_library.zip",
                                             libpython.name])
    assert list(sources.system.values()) == ["libz.so.1"]
