"""The backend seam: SQL lives in the backend modules only, and each backend implements the
protocol."""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import pytest

from readout_desk.archive import Archive, Backend, backend_for
from readout_desk.archive.postgres import PostgresBackend
from readout_desk.archive.sqlite import SqliteBackend

SRC = Path(__file__).resolve().parents[2] / "src" / "readout_desk"
#: Where SQL may be written: the SQLite backend (``sqlite.py`` and its search language,
#: ``sqlite_search.py``, its index and its bulk rows, ``sqlite_rows.py``), the PostgreSQL
#: backend (``postgres.py``, ``postgres_search.py``,
#: ``postgres_page.py``, ``postgres_changes.py``, ``postgres_photos.py`` and
#: ``postgres_rows.py``), the conditions on whole topics and people both backends share
#: (``exact_filters.py``, plain SQL either server runs), and the migrations (their own
#: history).
ALLOWED = ("archive/sqlite.py", "archive/sqlite_search.py", "archive/sqlite_index.py",
           "archive/sqlite_rows.py", "archive/exact_filters.py",
           "archive/sqlite_first_page.py",
           "archive/sqlite_kept.py",
           "archive/sqlite_page_index.py",
           "archive/sqlite_terms.py",
           "archive/postgres.py",
           "archive/postgres_search.py", "archive/postgres_page.py", "archive/postgres_changes.py",
           "archive/postgres_photos.py", "archive/postgres_rows.py", "archive/migrations/")

_SQL = re.compile(r"\b(SELECT|INSERT\s+INTO|DELETE\s+FROM|UPDATE\s+\w+\s+SET|PRAGMA|"
                  r"CREATE\s+(VIRTUAL\s+)?TABLE|MATCH|bm25|fts5)\b")


def sql_in(source: str) -> list[str]:
    """Where ``source`` writes SQL: string literals in SQL, or raw-SQL calls (docstrings aside)."""
    tree = ast.parse(source)
    docstrings = {
        id(node.body[0].value) for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    # SQLAlchemy's text() under any local name (a Qt widget's .text() is no SQL).
    raw_sql = {alias.asname or alias.name for node in ast.walk(tree)
               if isinstance(node, ast.ImportFrom) and node.module == "sqlalchemy"
               for alias in node.names if alias.name == "text"}
    found = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                and id(node) not in docstrings and _SQL.search(node.value)):
            found.append(f"line {node.lineno}: {node.value[:60]!r}")
        elif isinstance(node, ast.Call):
            func = node.func
            if ((isinstance(func, ast.Attribute) and func.attr == "exec_driver_sql")
                    or (isinstance(func, ast.Name) and func.id in raw_sql)):
                found.append(f"line {node.lineno}: raw SQL call")
    return found


@pytest.mark.parametrize("source", [
    'from sqlalchemy import text as t\nrows = conn.execute(t(sql))\n',
    'conn.exec_driver_sql(sql)\n',
    'SQL = "DELETE FROM readouts WHERE id = ?"\n',
    'x = f"PRAGMA {name}"\n',
    'where = "readout_fts MATCH :q"\n',
    'order = "bm25(readout_fts)"\n',
])
def test_the_check_finds_sql(source: str) -> None:
    assert sql_in(source)


@pytest.mark.parametrize("source", [
    '"""Runs SELECT through the backend."""\n',
    'def f() -> None:\n    """Nothing here says PRAGMA in code."""\n',
    'label = "Select all readouts"\n',
    'caption = self.entry.text()\n',
    'stmt = select(Row).where(Row.id == 1)\n',
])
def test_the_check_leaves_prose_and_core_expressions_alone(source: str) -> None:
    assert sql_in(source) == []


def test_sql_is_written_only_in_the_sqlite_backend() -> None:
    offenders = {}
    for path in sorted(SRC.rglob("*.py")):
        relative = path.relative_to(SRC).as_posix()
        if relative.startswith(ALLOWED):
            continue
        found = sql_in(path.read_text(encoding="utf-8"))
        if found:
            offenders[relative] = found
    assert offenders == {}


def _methods(cls: type) -> dict[str, inspect.Signature]:
    return {name: inspect.signature(member) for name, member in vars(cls).items()
            if callable(member) and not name.startswith("_")}


@pytest.mark.parametrize("backend", [SqliteBackend, PostgresBackend])
def test_each_backend_implements_every_method_of_the_protocol(backend: type) -> None:
    wanted = _methods(Backend)
    assert wanted  # the protocol is read, not an empty class
    for name, signature in wanted.items():
        assert hasattr(backend, name), name
        have = inspect.signature(getattr(backend, name))
        assert list(have.parameters) == list(signature.parameters), name
    for attribute in ("name", "driver_errors", "side_suffixes", "written_suffixes"):
        assert hasattr(backend, attribute), attribute


def test_an_archive_names_its_backend() -> None:
    with Archive.open(None) as archive:
        assert archive.backend is backend_for(":memory:")
        assert archive.backend.name == "sqlite"
