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


def test_the_check_reads_every_module() -> None:
    modules = layers.read_modules(SRC)
    assert sorted(m.path for m in modules) == sorted((SRC / "readout_desk").rglob("*.py"))
    names = {m.name for m in modules}
    assert {
        "readout_desk",
        "readout_desk.domain",
        "readout_desk.archive",
        "readout_desk.archive.migrations.env",
        "readout_desk.ui",
        "readout_desk.paths",
        "readout_desk.cli",
    } <= names


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


def said(path: str, line: int, module: str, imported: str, why: str) -> str:
    """How the checker reports one import that breaks a rule."""
    return f"{path}:{line}: {module} imports {imported}: {why}"


STORE, TIMING = "readout_desk/archive/store.py", "readout_desk/domain/timing.py"
RECORDS, WINDOW = "readout_desk/domain/records.py", "readout_desk/ui/main_window.py"
CLI, CLI_TRANSFER = "readout_desk/cli/__init__.py", "readout_desk/cli/transfer.py"
LAZY_PDF = "def pdf():\n    from {}\n"

# Each probe: files replaced in the clean tree, and exactly what the checker must say.
PROBES = [
    pytest.param(
        {STORE: "from ..ui import main_window\n"},
        [said(STORE, 1, "readout_desk.archive.store", "readout_desk.ui", layers.WHY_ARCHIVE)],
        id="relative-import-from-archive-into-ui",
    ),
    pytest.param(
        {"readout_desk/domain/__init__.py": "from .. import paths\n"},
        [said("readout_desk/domain/__init__.py", 1, "readout_desk.domain",
              "readout_desk.paths", layers.WHY_DOMAIN)],
        id="relative-import-from-a-package-init",
    ),
    pytest.param(
        {TIMING: "import importlib\ndef show():\n"
                 "    return importlib.import_module('readout_desk.ui.main_window')\n"},
        [said(TIMING, 3, "readout_desk.domain.timing", "readout_desk.ui.main_window",
              layers.WHY_DOMAIN)],
        id="import-module-string-into-ui-inside-domain",
    ),
    pytest.param(
        {RECORDS: "from importlib import import_module\n"
                  "qt = __import__('PySide6.QtCore')\n"
                  "store = import_module('.archive.store', package='readout_desk')\n"},
        [said(RECORDS, 2, "readout_desk.domain.records", "PySide6.QtCore", layers.WHY_QT),
         said(RECORDS, 3, "readout_desk.domain.records", "readout_desk.archive.store",
              layers.WHY_DOMAIN)],
        id="dunder-import-and-relative-import-module",
    ),
    pytest.param(
        {TIMING: "from importlib import import_module\n"
                 "def show():\n"
                 "    return import_module('..ui.about', __package__)\n"},
        [said(TIMING, 3, "readout_desk.domain.timing", "readout_desk.ui.about",
              layers.WHY_DOMAIN)],
        id="import-module-relative-to-its-own-package",
    ),
    *(
        pytest.param(
            {STORE: source},
            [said(STORE, 1, "readout_desk.archive.store", imported, layers.WHY_ARCHIVE)],
            id=f"archive-importing-{imported}",
        )
        for source, imported in [
            ("from readout_desk import cli_transfer\n", "readout_desk.cli_transfer"),
            ("import readout_desk.cli_transfer\n", "readout_desk.cli_transfer"),
            ("from readout_desk.cli.transfer import main\n", "readout_desk.cli.transfer"),
            ("from readout_desk.cli import main\n", "readout_desk.cli"),
        ]
    ),
    *(
        pytest.param(
            {where: LAZY_PDF.format("readout_desk.ui import pdf_export")},
            [said(where, 2, module, "readout_desk.ui", layers.WHY_CLI_UI)],
            id=f"command-line-{module}-importing-ui",
        )
        for where, module in [(CLI, "readout_desk.cli"),
                              ("readout_desk/cli_desktop.py", "readout_desk.cli_desktop")]
    ),
    pytest.param(
        {CLI_TRANSFER: LAZY_PDF.format("PySide6.QtGui import QPdfWriter")},
        [said(CLI_TRANSFER, 2, "readout_desk.cli.transfer", "PySide6.QtGui", layers.WHY_QT)],
        id="command-line-importing-qt",
    ),
    pytest.param(
        {CLI_TRANSFER: "from readout_desk import printing\n"},
        [said(CLI_TRANSFER, 1, "readout_desk.cli.transfer", "readout_desk.printing",
              layers.WHY_PRINTING_LAZY)],
        id="command-line-importing-printing-at-module-level",
    ),
    pytest.param(
        {"readout_desk/desktop.py": "import shiboken6\n"},
        [said("readout_desk/desktop.py", 1, "readout_desk.desktop", "shiboken6", layers.WHY_QT)],
        id="qt-outside-ui-and-printing",
    ),
    pytest.param(
        {RECORDS: "from sqlalchemy import Integer\nimport alembic.op\n"},
        [said(RECORDS, 1, "readout_desk.domain.records", "sqlalchemy", layers.WHY_DOMAIN),
         said(RECORDS, 2, "readout_desk.domain.records", "alembic.op", layers.WHY_DOMAIN)],
        id="domain-importing-storage",
    ),
    pytest.param(
        {STORE: "from appdirs import user_data_dir\n"},
        [said(STORE, 1, "readout_desk.archive.store", "appdirs", layers.WHY_APPDIRS)],
        id="appdirs-outside-paths",
    ),
    *(
        pytest.param(
            {WINDOW: source},
            [said(WINDOW, 1, "readout_desk.ui.main_window", submodule, layers.WHY_ARCHIVE_ROOT)],
            id=f"ui-reaching-into-{submodule}-{n}",
        )
        for n, (source, submodule) in enumerate([
            ("from readout_desk.archive.store import name_key\n", "readout_desk.archive.store"),
            ("from readout_desk.archive import store\n", "readout_desk.archive.store"),
            ("from ..archive import sqlite\n", "readout_desk.archive.sqlite"),
            ("import readout_desk.archive.sqlite\n", "readout_desk.archive.sqlite"),
        ])
    ),
    pytest.param(
        {CLI_TRANSFER: LAZY_PDF.format("readout_desk.archive.demo import load_demo")},
        [said(CLI_TRANSFER, 2, "readout_desk.cli.transfer", "readout_desk.archive.demo",
              layers.WHY_ARCHIVE_ROOT)],
        id="command-line-reaching-into-the-archive-package",
    ),
    *(
        pytest.param(
            {STORE: source},
            [f"{STORE}:1: {marker} in a string outside the SQLite backend module"],
            id=f"sql-{marker}",
        )
        for source, marker in [
            ("conn.exec_driver_sql('pragma foreign_keys=ON')\n", "PRAGMA"),
            ("SQL = 'SELECT rowid FROM readout_fts WHERE readout_fts match :q'\n", "MATCH"),
            ("SQL = f'SELECT rowid FROM {table} WHERE {table} MATCH {param}'\n", "MATCH"),
            ("SQL = 'ORDER BY BM25(readout_fts)'\n", "bm25"),
            ("SQL = 'create virtual table t using FTS5(a)'\n", "fts5"),
            ("SQL = 'SELECT Highlight (readout_fts, 0, ?, ?)'\n", "highlight("),
            ("SQL = 'SELECT SNIPPET(readout_fts, 11, ?, ?, ?, 12)'\n", "snippet("),
        ]
    ),
]


@pytest.mark.parametrize("changes, expected", PROBES)
def test_the_check_reports_each_violation(
    tmp_path: Path, changes: dict[str, str], expected: list[str]
) -> None:
    assert check(tmp_path, changes) == expected


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
