"""docs/ARCHITECTURE.md is kept true: every path it names exists, every module of the package
is in it, and a module over 500 lines is there only with a line saying why it stays whole.

A name is read against the package (``archive/search.py``), against the layer whose section it
stands in (``search.py`` under "## archive/"), or against the repository (``tests/layers.py``).
A sub-package named with its trailing slash (``ui/transfer/``) stands for the modules inside it;
a whole layer (``ui/``) does not.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "readout_desk"
DOC = ROOT / "docs" / "ARCHITECTURE.md"
LONG_MODULE_LINES = 500

_NAMED = re.compile(r"`((?:[A-Za-z_.-]+/)*[A-Za-z_-]+(?:\.py|\.md|\.json|\.toml|/))`")
_SECTION = re.compile(r"^## ([a-z_]+/)", re.M)


def modules() -> set[str]:
    """Every module of the package by its path in the package (migrations count as one folder)."""
    found = set()
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative.startswith("archive/migrations/"):
            continue
        if path.name == "__init__.py" and path.parent != PACKAGE:
            continue  # a package is named by its folder
        found.add(relative)
    return found


def _resolve(name: str, layer: str) -> str | None:
    """The package path ``name`` stands for, "" for a file outside the package, None if none."""
    for candidate in (name, layer + name):
        if candidate and (PACKAGE / candidate).exists():
            return candidate
    if (ROOT / name).exists() or (ROOT / "src" / name).exists():
        return ""
    return None


def named_in(text: str) -> tuple[set[str], list[str]]:
    """The package paths the document names, and the names that exist nowhere."""
    named: set[str] = set()
    missing: list[str] = []
    layer = ""
    cuts = [(m.start(), m.group(1)) for m in _SECTION.finditer(text)]
    for match in _NAMED.finditer(text):
        for start, prefix in cuts:
            if start < match.start():
                layer = prefix
        # headings of other kinds ("## The rules") end a layer's section
        heading = text.rfind("\n## ", 0, match.start())
        if heading >= 0 and not _SECTION.match(text, heading + 1):
            layer = ""
        resolved = _resolve(match.group(1), layer)
        if resolved is None:
            missing.append(match.group(1))
        elif resolved:
            named.add(resolved)
    return named, missing


def long_modules_explained(text: str) -> set[str]:
    """Modules listed under "Long modules", each followed by a reason of some length."""
    explained = set()
    for part in text.split("\n## Long modules")[1:]:
        section = part.split("\n## ", 1)[0]
        lines = re.finditer(r"^- `([^`]+\.py)`\W+\w.{20,}", section, re.M)
        explained |= {m.group(1) for m in lines}
    return explained


def problems(doc_text: str, long_module_lines: int = LONG_MODULE_LINES) -> list[str]:
    named, missing = named_in(doc_text)
    out = [f"the document names {n}, which does not exist" for n in sorted(set(missing))]
    # A sub-package named as a folder stands for its modules; a layer (`ui/`) does not.
    folders = {n for n in named if n.endswith("/") and n.count("/") >= 2}
    for module in sorted(modules()):
        if module not in named and not any(module.startswith(f) for f in folders):
            out.append(f"{module} is not in the document")
    explained = long_modules_explained(doc_text)
    for module in sorted(modules()):
        lines = len((PACKAGE / module).read_text("utf-8").splitlines())
        if lines > long_module_lines and module not in explained:
            out.append(f"{module} has {lines} lines and no line under 'Long modules' says why")
    return out


def test_the_architecture_document_matches_the_package() -> None:
    found = problems(DOC.read_text("utf-8"))
    assert found == [], "\n".join(["", *found])


def test_the_check_notices_a_module_left_out_and_a_path_that_is_not_there() -> None:
    text = DOC.read_text("utf-8")
    assert "`search_controller.py`" in text
    without = text.replace("`search_controller.py`", "it")
    without = without.replace("`ui/search_controller.py`", "it")
    left_out = problems(without)
    assert left_out == ["ui/search_controller.py is not in the document"]
    assert problems(text + "\n`ui/nowhere.py`\n") == [
        "the document names ui/nowhere.py, which does not exist"]


def test_the_check_wants_a_reason_for_a_long_module() -> None:
    text = DOC.read_text("utf-8")
    found = problems(text, long_module_lines=100)
    long_ones = [p.split(" ")[0] for p in found if "no line under 'Long modules'" in p]
    assert long_ones, "some module of the package has over 100 lines"
    reason = (f"\n## Long modules\n\n- `{long_ones[0]}`: "
              "kept whole because its parts share one state.\n")
    assert long_ones[0] not in [
        p.split(" ")[0] for p in problems(text + reason, long_module_lines=100)
        if "no line under 'Long modules'" in p]
