"""All zone rules are read in one module: only ``domain/timing.py`` imports ``zoneinfo``."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "readout_desk"
TIMING = PACKAGE / "domain" / "timing.py"


def importers_of_zoneinfo(source: str) -> bool:
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import) and any(a.name.split(".")[0] == "zoneinfo"
                                                for a in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "zoneinfo":
            return True
    return False


def test_only_timing_reads_zone_rules() -> None:
    found = sorted(str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")
                   if p != TIMING and importers_of_zoneinfo(p.read_text("utf-8")))
    assert found == []
    assert importers_of_zoneinfo(TIMING.read_text("utf-8"))


def test_the_check_sees_both_forms_of_import() -> None:
    assert importers_of_zoneinfo("def f():\n    from zoneinfo import ZoneInfo\n")
    assert importers_of_zoneinfo("import zoneinfo as z\n")
    assert not importers_of_zoneinfo("import tzdata  # zoneinfo data\n")
