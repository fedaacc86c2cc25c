"""Reads every import of the program and says which ones point the wrong way.

The layers of ``docs/ARCHITECTURE.md``: ``ui`` -> ``archive`` -> ``domain``, and the
command line -> ``archive`` -> ``domain``. An import is any of ``import a.b``,
``from a import b``, a relative ``from ..a import b`` (resolved against the importing
module) and ``importlib.import_module("a.b")`` / ``__import__("a.b")`` with a literal name.
The checker reports every violation at once, one line each, so that a failing test names
all of them.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PACKAGE = "readout_desk"
ARCHIVE = "readout_desk.archive"

#: Where Qt's PDF writer lives outside ``ui/``. The command line may import it, but only
#: inside a function, so that commands which print nothing never load Qt.
PRINTING_MODULES: tuple[str, ...] = ("readout_desk.printing",)

#: Everything only SQLite understands lives in the SQLite backend (its connection and
#: writes, under either name, and its search language) and in the migrations, which are
#: SQLite's own history.
SQL_BACKEND_MODULES: tuple[str, ...] = (
    "readout_desk.archive.sqlite",
    "readout_desk.archive.sqlite_backend",
    "readout_desk.archive.sqlite_search",
    "readout_desk.archive.sqlite_index",
    "readout_desk.archive.sqlite_first_page",
    "readout_desk.archive.sqlite_kept",
    "readout_desk.archive.sqlite_page_index",
    "readout_desk.archive.sqlite_terms",
    "readout_desk.archive.postgres",
    "readout_desk.archive.postgres_search",
)
SQL_MIGRATIONS = "readout_desk.archive.migrations"

#: SQL that only SQLite runs, matched without regard to case. MATCH is an English word
#: too ("nothing can match."), so it counts only when an operand follows it: a parameter,
#: a quoted string, an f-string field or a parenthesis.
SQL_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("PRAGMA", re.compile(r"\bpragma\b", re.IGNORECASE)),
    ("MATCH", re.compile(r"\bmatch\s+[?:'\"{(]", re.IGNORECASE)),
    ("bm25", re.compile(r"\bbm25\b", re.IGNORECASE)),
    ("fts5", re.compile(r"\bfts5\b", re.IGNORECASE)),
    ("highlight(", re.compile(r"\bhighlight\s*\(", re.IGNORECASE)),
    ("snippet(", re.compile(r"\bsnippet\s*\(", re.IGNORECASE)),
)

_DOMAIN_FORBIDDEN = (
    "sqlalchemy",
    "alembic",
    "readout_desk.archive",
    "readout_desk.ui",
    "readout_desk.desktop",
    "readout_desk.paths",
    "readout_desk.capture",
)
_QT = ("PySide6", "shiboken6")

WHY_DOMAIN = "domain imports no storage, paths or front end"
WHY_ARCHIVE = "archive imports no front end"
WHY_CLI_UI = "the command line imports nothing from ui"
WHY_QT = "only readout_desk.ui and the printing module import Qt"
WHY_PRINTING_LAZY = "the command line imports the printing module inside a function only"
WHY_APPDIRS = "only readout_desk.paths imports appdirs"
WHY_ARCHIVE_ROOT = "ui and the command line import archive names from readout_desk.archive only"


def within(name: str, prefix: str) -> bool:
    """Whether ``name`` is ``prefix`` or a module or name inside it."""
    return name == prefix or name.startswith(prefix + ".")


def is_cli(name: str) -> bool:
    """The command line: ``readout_desk.cli``, ``readout_desk.cli.*`` and ``readout_desk.cli_*``."""
    return name.startswith("readout_desk.cli")


def _is_qt(name: str) -> bool:
    return any(within(name, q) for q in _QT)


def _is_printing(name: str) -> bool:
    return any(within(name, p) for p in PRINTING_MODULES)


@dataclass(frozen=True)
class Imported:
    """One import statement or literal dynamic import, with its target made absolute."""

    target: str
    names: tuple[str, ...]  # the names of ``from target import ...``; empty for ``import``
    line: int
    lazy: bool  # inside a function body or ``if TYPE_CHECKING:``, so not run on import

    def candidates(self) -> list[str]:
        """The target, then ``target.name`` for each name (which may be a submodule)."""
        return [self.target] + [f"{self.target}.{n}" for n in self.names if n != "*"]


@dataclass(frozen=True)
class Module:
    name: str
    path: Path
    is_package: bool
    tree: ast.Module


def module_name(path: Path, src: Path) -> tuple[str, bool]:
    """The dotted name of the module at ``path`` under ``src``, and whether it is a package."""
    parts = list(path.relative_to(src).with_suffix("").parts)
    is_package = parts[-1] == "__init__"
    if is_package:
        parts.pop()
    return ".".join(parts), is_package


def absolute(module: str, is_package: bool, level: int, name: str | None) -> str:
    """The absolute name of ``from <level dots><name> import ...`` inside ``module``."""
    if level == 0:
        return name or ""
    parts = module.split(".") if is_package else module.split(".")[:-1]
    parts = parts[: len(parts) - (level - 1)]
    base = ".".join(parts)
    return f"{base}.{name}" if name else base


def _dynamic_import(node: ast.Call, module: Module) -> str | None:
    """The literal module name of ``import_module("x")`` / ``__import__("x")``, if it is one."""
    func = node.func
    called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    if called not in ("import_module", "__import__") or not node.args:
        return None
    first = node.args[0]
    if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
        return None
    name: str = first.value
    if called != "import_module" or not name.startswith("."):
        return name
    level = len(name) - len(name.lstrip("."))
    rest = name.lstrip(".") or None
    package = node.args[1] if len(node.args) > 1 else next(
        (k.value for k in node.keywords if k.arg == "package"), None
    )
    if isinstance(package, ast.Constant) and isinstance(package.value, str):
        return absolute(package.value, True, level, rest)
    # ``__package__`` (or a name we cannot read): relative to the module's own package.
    return absolute(module.name, module.is_package, level, rest)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


class _ImportReader(ast.NodeVisitor):
    def __init__(self, module: Module) -> None:
        self.module = module
        self.found: list[Imported] = []
        self._depth = 0  # functions and TYPE_CHECKING blocks we are inside

    def _nested(self, node: ast.AST) -> None:
        self._depth += 1
        self.generic_visit(node)
        self._depth -= 1

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self._nested(node)

    def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> None:
        self._nested(node)

    def visit_Lambda(self, node: ast.Lambda) -> None:
        self._nested(node)

    def visit_If(self, node: ast.If) -> None:
        if not _is_type_checking(node.test):
            self.generic_visit(node)
            return
        self._depth += 1
        for child in node.body:
            self.visit(child)
        self._depth -= 1
        for child in node.orelse:
            self.visit(child)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self.found.append(Imported(alias.name, (), node.lineno, self._depth > 0))

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        target = absolute(self.module.name, self.module.is_package, node.level, node.module)
        names = tuple(alias.name for alias in node.names)
        self.found.append(Imported(target, names, node.lineno, self._depth > 0))

    def visit_Call(self, node: ast.Call) -> None:
        target = _dynamic_import(node, self.module)
        if target is not None:
            self.found.append(Imported(target, (), node.lineno, self._depth > 0))
        self.generic_visit(node)


def imports_of(module: Module) -> list[Imported]:
    """Every import of ``module``, static or literal dynamic, with absolute targets."""
    reader = _ImportReader(module)
    reader.visit(module.tree)
    return reader.found


def _qt_problem(importer: str, imp: Imported, name: str) -> str | None:
    if not (_is_qt(name) or _is_printing(name)):
        return None
    if within(importer, "readout_desk.ui") or _is_printing(importer):
        return None
    if is_cli(importer) and _is_printing(name):
        return None if imp.lazy else WHY_PRINTING_LAZY
    return WHY_QT


def _layer_problem(importer: str, name: str) -> str | None:
    if within(importer, "readout_desk.domain") and (
        any(within(name, f) for f in _DOMAIN_FORBIDDEN) or is_cli(name)
    ):
        return WHY_DOMAIN
    if within(importer, ARCHIVE) and (within(name, "readout_desk.ui") or is_cli(name)):
        return WHY_ARCHIVE
    if is_cli(importer) and within(name, "readout_desk.ui"):
        return WHY_CLI_UI
    if within(name, "appdirs") and importer != "readout_desk.paths":
        return WHY_APPDIRS
    return None


def _reaches_into_archive(imp: Imported, modules: set[str]) -> str | None:
    """The archive submodule ``imp`` names, if it names one."""
    if within(imp.target, ARCHIVE) and imp.target != ARCHIVE:
        return imp.target
    if imp.target == ARCHIVE:
        for name in imp.names:
            if f"{ARCHIVE}.{name}" in modules:
                return f"{ARCHIVE}.{name}"
    return None


def import_problems(module: Module, modules: set[str]) -> Iterator[tuple[int, str, str]]:
    """``(line, imported name, why)`` for each import of ``module`` that breaks a rule."""
    for imp in imports_of(module):
        seen: set[str] = set()
        for name in imp.candidates():
            for why in (_qt_problem(module.name, imp, name), _layer_problem(module.name, name)):
                if why is not None and why not in seen:
                    seen.add(why)
                    yield imp.line, name, why
        if within(module.name, "readout_desk.ui") or is_cli(module.name):
            submodule = _reaches_into_archive(imp, modules)
            if submodule is not None:
                yield imp.line, submodule, WHY_ARCHIVE_ROOT


def _docstrings(tree: ast.Module) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def string_literals(tree: ast.Module) -> Iterator[tuple[int, str]]:
    """Every string the code could run: f-strings whole (``{}`` for each field), no docstrings."""
    skip = _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            parts = []
            for value in node.values:
                skip.add(id(value))
                text = value.value if isinstance(value, ast.Constant) else None
                parts.append(text if isinstance(text, str) else "{}")
            yield node.lineno, "".join(parts)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and (
            id(node) not in skip
        ):
            yield node.lineno, node.value


def sql_problems(module: Module) -> Iterator[tuple[int, str]]:
    """``(line, marker)`` for SQLite-only SQL in a module other than the backend's."""
    if module.name in SQL_BACKEND_MODULES or within(module.name, SQL_MIGRATIONS):
        return
    for line, text in string_literals(module.tree):
        for marker, pattern in SQL_MARKERS:
            if pattern.search(text):
                yield line, marker


def read_modules(src: Path) -> list[Module]:
    """Every module of the package under ``src`` (the folder holding ``readout_desk/``)."""
    found = []
    for path in sorted((src / PACKAGE).rglob("*.py")):
        name, is_package = module_name(path, src)
        tree = ast.parse(path.read_text("utf-8"), str(path))
        found.append(Module(name, path, is_package, tree))
    return found


def check_tree(src: Path) -> list[str]:
    """Every violation in the package under ``src``, one line each: ``file:line: what, why``."""
    modules = read_modules(src)
    names = {m.name for m in modules}
    violations: list[str] = []
    for module in modules:
        where = module.path.relative_to(src).as_posix()
        for line, name, why in import_problems(module, names):
            violations.append(f"{where}:{line}: {module.name} imports {name}: {why}")
        for line, marker in sql_problems(module):
            violations.append(
                f"{where}:{line}: {marker} in a string outside the SQLite backend module"
            )
    return violations
