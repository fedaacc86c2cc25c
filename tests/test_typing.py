"""The program, its tests and its benchmarks type-check: a plain mypy run finds no error."""

from __future__ import annotations

from pathlib import Path

import pytest
from mypy import api

ROOT = Path(__file__).resolve().parents[1]
CHECKED = ("src", "tests", "bench")
SCRATCH = ROOT / "bench" / "out"  # excluded in pyproject.toml: what benchmark runs leave


def _sources() -> list[Path]:
    return [path for folder in CHECKED for path in (ROOT / folder).rglob("*.py")
            if SCRATCH not in path.parents]


def test_mypy_finds_no_error_in_src_tests_and_bench(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """What the README's `.venv/bin/mypy` does: files and strictness from pyproject.toml.

    The cache goes to a fresh folder, so the run sees the files as they are and never
    shares a cache with a mypy someone is running by hand."""
    monkeypatch.chdir(ROOT)
    expected = len(_sources())
    report, errors, status = api.run(["--cache-dir", str(tmp_path / "mypy-cache")])
    assert status == 0, report + errors
    assert f"no issues found in {expected} source files" in report, report
