"""The layers import one way: ui -> archive -> domain, and the command line -> archive -> domain.

One test reads the whole program (``tests/layers.py``) and lists every import that points
the wrong way. The other tests feed the checker small made-up trees, each holding one kind
of violation it must report, and one tree it must find clean.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import layers

SRC = Path(__file__).resolve().parents[1] / "src"

def test_the_program_keeps_its_layers() -> None:
    found = layers.check_tree(SRC)
    assert found == [], "\n".join(["", *found])


def test_the_check_reads_every_layer() -> None:
    names = {m.name for m in layers.read_modules(SRC)}
    assert {
        "readout_desk.domain.timing",
        "readout_desk.archive.store",
        "readout_desk.archive.migrations.env",
        "readout_desk.ui.main_window",
        "readout_desk.paths",
    } <= names
    assert any(layers.is_cli(n) for n in names)


# A small program laid out like the real one, importing every way the rules allow.
CLEAN: dict[str, str] = {
    "readout_desk/__init__.py": "",
    "readout_desk/paths.py": "import appdirs\n",
    "readout_desk/desktop.py": "from readout_desk import paths\n",
    "readout_desk/printing.py": (
        "from PySide6.QtGui import QTextDocument\n"
        "from readout_desk.archive import Archive\n"
    ),
    "readout_desk/domain/__init__.py": "",
    "readout_desk/domain/records.py": "import datetime\nfrom zoneinfo import ZoneInfo\n",
    "readout_desk/domain/timing.py": (
        "from .records import Readout\n"
        "from . import records\n"
        "import importlib\n"
        "def extract():\n"
        "    return importlib.import_module('readout_desk.domain.records')\n"
    ),
    "readout_desk/archive/__init__.py": (
        "import importlib\n"
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from .store import Archive\n"
        "def __getattr__(name):\n"
        "    return importlib.import_module(f'{__name__}.store')\n"
    ),
    "readout_desk/archive/store.py": (
        '"""The façade. Ranking is BM25; an FTS5 table holds the words."""\n'
        "import sqlalchemy\n"
        "from ..domain.records import Readout\n"
        "from . import sqlite as backend\n"
        "COLUMNS = 'kind, printed_mismatch, zone'\n"
        "NOTE = 'nothing can match.'\n"
    ),
    "readout_desk/archive/sqlite.py": (
        "PRAGMAS = 'PRAGMA foreign_keys=ON'\n"
        "RANK = 'SELECT rowid, bm25(readout_fts) FROM readout_fts WHERE readout_fts MATCH ?'\n"
        "CUT = 'snippet(readout_fts, 11, ?, ?, ?, 12), highlight(readout_fts, 0, ?, ?)'\n"
        "TABLE = 'CREATE VIRTUAL TABLE readout_fts USING fts5(title)'\n"
    ),
    "readout_desk/archive/migrations/__init__.py": "",
    "readout_desk/archive/migrations/versions/__init__.py": "",
    "readout_desk/archive/migrations/versions/0001_initial.py": (
        "import alembic\n"
        "SQL = 'create virtual table readout_fts using fts5(title)'\n"
    ),
    "readout_desk/ui/__init__.py": "",
    "readout_desk/ui/main_window.py": (
        "from PySide6.QtWidgets import QMainWindow\n"
        "import shiboken6\n"
        "from readout_desk.archive import Archive, ArchiveError\n"
        "from ..archive import Facets\n"
        "from readout_desk import printing\n"
        "TIP = 'How many readouts match and how long the search took'\n"
    ),
    "readout_desk/cli/__init__.py": (
        "import argparse\n"
        "from typing import TYPE_CHECKING\n"
        "from readout_desk.archive import Archive\n"
        "if TYPE_CHECKING:\n"
        "    from readout_desk.printing import PdfOptions\n"
        "from readout_desk.domain import timing\n"
        "def export_pdf():\n"
        "    from readout_desk.printing import write_pdf\n"
        "    return write_pdf\n"
    ),
    "readout_desk/cli/transfer.py": (
        "from . import Archive\n"
        "from readout_desk.archive import load_demo\n"
    ),
    "readout_desk/cli_desktop.py": "from readout_desk import desktop\n",
}


def check(tmp_path: Path, changes: dict[str, str]) -> list[str]:
    """Check the clean tree with ``changes`` (path -> source) applied."""
    for rel, text in {**CLEAN, **changes}.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return layers.check_tree(tmp_path)


def test_a_clean_tree_has_no_violations(tmp_path: Path) -> None:
    assert check(tmp_path, {}) == []


def test_relative_import_from_archive_into_ui(tmp_path: Path) -> None:
    found = check(tmp_path, {"readout_desk/archive/store.py": "from ..ui import main_window\n"})
    assert found == [
        "readout_desk/archive/store.py:1: readout_desk.archive.store imports readout_desk.ui: "
        + layers.WHY_ARCHIVE
    ]


def test_relative_import_from_a_package_init(tmp_path: Path) -> None:
    found = check(tmp_path, {"readout_desk/domain/__init__.py": "from .. import paths\n"})
    assert found == [
        "readout_desk/domain/__init__.py:1: readout_desk.domain imports readout_desk.paths: "
        + layers.WHY_DOMAIN
    ]


def test_import_module_string_into_ui_inside_domain(tmp_path: Path) -> None:
    source = (
        "import importlib\n"
        "def show():\n"
        "    return importlib.import_module('readout_desk.ui.main_window')\n"
    )
    found = check(tmp_path, {"readout_desk/domain/timing.py": source})
    assert found == [
        "readout_desk/domain/timing.py:3: readout_desk.domain.timing imports "
        f"readout_desk.ui.main_window: {layers.WHY_DOMAIN}"
    ]


def test_dunder_import_and_relative_import_module(tmp_path: Path) -> None:
    source = (
        "from importlib import import_module\n"
        "qt = __import__('PySide6.QtCore')\n"
        "store = import_module('.archive.store', package='readout_desk')\n"
    )
    found = check(tmp_path, {"readout_desk/domain/records.py": source})
    assert found == [
        f"readout_desk/domain/records.py:2: readout_desk.domain.records imports PySide6.QtCore: "
        f"{layers.WHY_QT}",
        "readout_desk/domain/records.py:3: readout_desk.domain.records imports "
        f"readout_desk.archive.store: {layers.WHY_DOMAIN}",
    ]


@pytest.mark.parametrize(
    "source, imported",
    [
        ("from readout_desk import cli_transfer\n", "readout_desk.cli_transfer"),
        ("import readout_desk.cli_transfer\n", "readout_desk.cli_transfer"),
        ("from readout_desk.cli.transfer import main\n", "readout_desk.cli.transfer"),
        ("from readout_desk.cli import main\n", "readout_desk.cli"),
    ],
)
def test_archive_importing_any_command_line_module(
    tmp_path: Path, source: str, imported: str
) -> None:
    found = check(tmp_path, {"readout_desk/archive/store.py": source})
    assert found == [
        f"readout_desk/archive/store.py:1: readout_desk.archive.store imports {imported}: "
        + layers.WHY_ARCHIVE
    ]


@pytest.mark.parametrize(
    "where", ["readout_desk/cli/__init__.py", "readout_desk/cli_desktop.py"]
)
def test_command_line_importing_ui(tmp_path: Path, where: str) -> None:
    found = check(tmp_path, {where: "def pdf():\n    from readout_desk.ui import pdf_export\n"})
    module = where.removesuffix(".py").removesuffix("/__init__").replace("/", ".")
    assert found == [f"{where}:2: {module} imports readout_desk.ui: {layers.WHY_CLI_UI}"]


def test_command_line_importing_qt(tmp_path: Path) -> None:
    source = "def pdf():\n    from PySide6.QtGui import QPdfWriter\n"
    found = check(tmp_path, {"readout_desk/cli/transfer.py": source})
    assert found == [
        "readout_desk/cli/transfer.py:2: readout_desk.cli.transfer imports PySide6.QtGui: "
        + layers.WHY_QT
    ]


def test_command_line_importing_printing_at_module_level(tmp_path: Path) -> None:
    found = check(tmp_path, {"readout_desk/cli/transfer.py": "from readout_desk import printing\n"})
    assert found == [
        "readout_desk/cli/transfer.py:1: readout_desk.cli.transfer imports "
        f"readout_desk.printing: {layers.WHY_PRINTING_LAZY}"
    ]


def test_qt_outside_ui_and_printing(tmp_path: Path) -> None:
    found = check(tmp_path, {"readout_desk/desktop.py": "import shiboken6\n"})
    assert found == [
        f"readout_desk/desktop.py:1: readout_desk.desktop imports shiboken6: {layers.WHY_QT}"
    ]


def test_domain_importing_storage(tmp_path: Path) -> None:
    source = "from sqlalchemy import Integer\nimport alembic.op\n"
    found = check(tmp_path, {"readout_desk/domain/records.py": source})
    assert found == [
        "readout_desk/domain/records.py:1: readout_desk.domain.records imports sqlalchemy: "
        + layers.WHY_DOMAIN,
        "readout_desk/domain/records.py:2: readout_desk.domain.records imports alembic.op: "
        + layers.WHY_DOMAIN,
    ]


def test_appdirs_outside_paths(tmp_path: Path) -> None:
    source = "from appdirs import user_data_dir\n"
    found = check(tmp_path, {"readout_desk/archive/store.py": source})
    assert found == [
        "readout_desk/archive/store.py:1: readout_desk.archive.store imports appdirs: "
        + layers.WHY_APPDIRS
    ]


@pytest.mark.parametrize(
    "source, submodule",
    [
        ("from readout_desk.archive.store import name_key\n", "readout_desk.archive.store"),
        ("from readout_desk.archive import store\n", "readout_desk.archive.store"),
        ("from ..archive import sqlite\n", "readout_desk.archive.sqlite"),
        ("import readout_desk.archive.sqlite\n", "readout_desk.archive.sqlite"),
    ],
)
def test_ui_reaching_into_the_archive_package(tmp_path: Path, source: str, submodule: str) -> None:
    found = check(tmp_path, {"readout_desk/ui/main_window.py": source})
    assert found == [
        f"readout_desk/ui/main_window.py:1: readout_desk.ui.main_window imports {submodule}: "
        + layers.WHY_ARCHIVE_ROOT
    ]


def test_command_line_reaching_into_the_archive_package(tmp_path: Path) -> None:
    source = "def demo():\n    from readout_desk.archive.demo import load_demo\n"
    found = check(tmp_path, {"readout_desk/cli/transfer.py": source})
    assert found == [
        "readout_desk/cli/transfer.py:2: readout_desk.cli.transfer imports "
        f"readout_desk.archive.demo: {layers.WHY_ARCHIVE_ROOT}"
    ]


@pytest.mark.parametrize(
    "source, marker",
    [
        ("conn.exec_driver_sql('pragma foreign_keys=ON')\n", "PRAGMA"),
        ("SQL = 'SELECT rowid FROM readout_fts WHERE readout_fts match :q'\n", "MATCH"),
        ("SQL = f'SELECT rowid FROM {table} WHERE {table} MATCH {param}'\n", "MATCH"),
        ("SQL = 'ORDER BY BM25(readout_fts)'\n", "bm25"),
        ("SQL = 'create virtual table t using FTS5(a)'\n", "fts5"),
        ("SQL = 'SELECT Highlight (readout_fts, 0, ?, ?)'\n", "highlight("),
        ("SQL = 'SELECT SNIPPET(readout_fts, 11, ?, ?, ?, 12)'\n", "snippet("),
    ],
)
def test_sqlite_sql_outside_the_backend_module(tmp_path: Path, source: str, marker: str) -> None:
    found = check(tmp_path, {"readout_desk/archive/store.py": source})
    assert found == [
        f"readout_desk/archive/store.py:1: {marker} in a string outside the SQLite backend module"
    ]


def test_the_backend_may_be_renamed(tmp_path: Path) -> None:
    sql = CLEAN["readout_desk/archive/sqlite.py"]
    assert check(tmp_path, {"readout_desk/archive/sqlite_backend.py": sql}) == []


def test_every_violation_is_listed_at_once(tmp_path: Path) -> None:
    found = check(
        tmp_path,
        {
            "readout_desk/archive/store.py": "from ..ui import main_window\nX = 'PRAGMA x'\n",
            "readout_desk/paths.py": "import appdirs\nimport PySide6\n",
        },
    )
    assert [line.split(": ")[0] for line in found] == [
        "readout_desk/archive/store.py:1",
        "readout_desk/archive/store.py:2",
        "readout_desk/paths.py:2",
    ]
