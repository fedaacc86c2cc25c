"""The archive package's public names: every one resolves, and importing the package is free."""

from __future__ import annotations

import subprocess
import sys

import readout_desk.archive as archive


def test_every_public_name_resolves() -> None:
    missing = [name for name in archive.__all__ if getattr(archive, name, None) is None]
    assert missing == []


def test_public_names_are_listed_once() -> None:
    assert sorted(set(archive.__all__)) == archive.__all__


def test_importing_the_package_loads_no_sqlalchemy() -> None:
    code = (
        "import sys, readout_desk.archive\n"
        "print(sorted(m for m in sys.modules\n"
        "             if m.startswith(('sqlalchemy', 'readout_desk.archive.'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
