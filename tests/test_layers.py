"""The layers import one way: ui -> archive -> domain. Checked by reading every import."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "readout_desk"


def _modules() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if "migrations" not in p.parts)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"), str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _layer(path: Path) -> str:
    rel = path.relative_to(SRC).parts
    return rel[0] if len(rel) > 1 else rel[0].removesuffix(".py")


def _starts(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


FORBIDDEN = {
    "domain": ("PySide6", "shiboken6", "sqlalchemy", "alembic", "appdirs", "readout_desk.archive",
               "readout_desk.ui", "readout_desk.cli", "readout_desk.paths"),
    "archive": ("PySide6", "shiboken6", "appdirs", "readout_desk.ui", "readout_desk.cli"),
}


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_imports_respect_the_layers(path: Path) -> None:
    layer = _layer(path)
    imports = _imports(path)
    for name in imports:
        for forbidden in FORBIDDEN.get(layer, ()):
            assert not _starts(name, (forbidden,)), f"{layer} module imports {name}"
        if _starts(name, ("PySide6", "shiboken6")):
            assert layer == "ui", f"only readout_desk.ui may import Qt ({name})"
        if name == "appdirs":
            assert path.name == "paths.py", "only readout_desk.paths asks appdirs"


def test_the_check_sees_the_modules() -> None:
    layers = {_layer(p) for p in _modules()}
    assert {"domain", "archive", "paths", "cli"} <= layers


SQLITE_ONLY = ("PRAGMA ", " MATCH ", "bm25(", "fts5(")


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_sqlite_only_sql_stays_in_one_module(path: Path) -> None:
    if path.name == "sqlite.py" and _layer(path) == "archive":
        return
    text = path.read_text("utf-8")
    for marker in SQLITE_ONLY:
        assert marker not in text, f"{marker.strip()} outside archive/sqlite.py"
