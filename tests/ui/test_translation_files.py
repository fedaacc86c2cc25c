"""The translation files are current: ``resources/i18n/readout_desk_ja.ts`` holds exactly the
strings the interface's sources mark for translation, every one translated with the same
placeholders and mnemonic, and ``readout_desk_ja.qm`` is what ``pyside6-lrelease`` builds
from it. ``resources/i18n/update.sh`` brings both up to date."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path

import pytest

from readout_desk.ui import language

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "src" / "readout_desk" / "ui"
I18N = ROOT / "resources" / "i18n"
TS = I18N / "readout_desk_ja.ts"
QM = I18N / "readout_desk_ja.qm"

Key = tuple[str, str, str, bool]  # context, source, comment, plural


def _tool(name: str) -> str:
    """A Qt tool shipped with PySide6 (beside this Python, else on PATH)."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    assert found, f"{name} is not installed (it comes with PySide6)"
    return found


def read_ts(path: Path) -> dict[Key, ET.Element]:
    """The messages of a .ts file by (context, source, comment, plural)."""
    out: dict[Key, ET.Element] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "",
                   message.get("numerus") == "yes")
            out[key] = message
    return out


def _translations(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


def _sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in UI.rglob("*.py"))


def test_the_ts_file_holds_exactly_the_strings_of_the_sources(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh_ja.ts"
    listing = tmp_path / "sources.lst"
    listing.write_text("\n".join(_sources()) + "\n", encoding="utf-8")
    subprocess.run([_tool("pyside6-lupdate"), "-locations", "none", "-source-language", "en",
                    "-target-language", "ja", f"@{listing}", "-ts", str(fresh)],
                   cwd=ROOT, check=True, capture_output=True)
    wanted, committed = set(read_ts(fresh)), set(read_ts(TS))
    new = sorted(f"{c}: {s!r}" for c, s, _, _ in wanted - committed)
    gone = sorted(f"{c}: {s!r}" for c, s, _, _ in committed - wanted)
    assert (new, gone) == ([], []), (
        "resources/i18n/readout_desk_ja.ts is not current; run resources/i18n/update.sh and "
        "translate what is new.\nnew: " + "\n  ".join(new) + "\nno longer used: "
        + "\n  ".join(gone))


def test_every_string_is_translated() -> None:
    messages = read_ts(TS)
    assert len(messages) > 500
    left = sorted(f"{c}: {s!r}" for (c, s, _, _), m in messages.items()
                  if (m.find("translation").get("type") or "")  # type: ignore[union-attr]
                  in ("unfinished", "vanished", "obsolete")
                  or not all(t.strip() for t in _translations(m)))
    assert left == [], "untranslated:\n" + "\n".join(left)


_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%L?n|%\d")
_MNEMONIC = re.compile(r"&([^&\s])")


def placeholder_problems(source: str, translation: str) -> list[str]:
    """What a translation gets wrong about its source's placeholders and mnemonic."""
    problems = []
    if sorted(_PLACEHOLDER.findall(source)) != sorted(_PLACEHOLDER.findall(translation)):
        problems.append(f"placeholders {_PLACEHOLDER.findall(source)} became "
                        f"{_PLACEHOLDER.findall(translation)}")
    wanted = [m.upper() for m in _MNEMONIC.findall(source)]
    found = [m.upper() for m in _MNEMONIC.findall(translation)]
    if wanted != found:
        problems.append(f"mnemonic {wanted} became {found}")
    return problems


def test_translations_keep_placeholders_and_mnemonics() -> None:
    problems = [f"{c}: {s!r} → {t!r}: {p}" for (c, s, _, _), m in read_ts(TS).items()
                for t in _translations(m) for p in placeholder_problems(s, t)]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize(("source", "translation", "problem"), [
    ("Saved {name}.", "{name} を保存しました。", ""),
    ("Saved {name}.", "保存しました。", "placeholders"),
    ("%n readouts", "会談記録 %n 件", ""),
    ("%n readouts", "会談記録", "placeholders"),
    ("&File", "ファイル(&F)", ""),
    ("&File", "ファイル(&G)", "mnemonic"),
    ("&File", "ファイル", "mnemonic"),
])
def test_the_placeholder_check_catches_a_lost_one(source: str, translation: str,
                                                  problem: str) -> None:
    found = placeholder_problems(source, translation)
    assert (problem in found[0]) if problem else found == []


def test_the_qm_file_is_built_from_the_ts_file(tmp_path: Path) -> None:
    rebuilt = tmp_path / "rebuilt.qm"
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(rebuilt)],
                   check=True, capture_output=True)
    assert rebuilt.read_bytes() == QM.read_bytes(), (
        "readout_desk_ja.qm is not the lrelease of readout_desk_ja.ts; run "
        "resources/i18n/update.sh")


def test_the_translation_is_installed_with_the_package() -> None:
    packaged = resources.files("readout_desk.resources") / "i18n" / "readout_desk_ja.qm"
    assert packaged.is_file()
    assert language.catalogue("ja").is_file()


def _call_name(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def unreadable_calls(source: str) -> list[int]:
    """Lines where a string is built inside tr(), translate() or QT_TRANSLATE_NOOP() (an
    f-string, a sum, a call): lupdate cannot read it, so it is never translated. A name is
    fine: a label marked where it is defined, translated where it is shown."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = _call_name(node)
        texts = (node.args[:1] if name == "tr" else node.args[1:2]
                 if name in ("translate", "QT_TRANSLATE_NOOP") else [])
        lines += [t.lineno for t in texts if isinstance(t, ast.JoinedStr | ast.BinOp | ast.Call)]
    return lines


def test_every_marked_string_is_a_literal_lupdate_reads() -> None:
    found = [f"{p.relative_to(ROOT)}:{line}" for p in sorted(UI.rglob("*.py"))
             for line in unreadable_calls(p.read_text(encoding="utf-8"))
             if p.name != "language.py"]  # where translate() itself is defined and wrapped
    assert found == [], "\n".join(found)


def test_the_literal_check_finds_an_fstring_and_a_sum() -> None:
    assert unreadable_calls('self.tr(f"Saved {name}")\nself.tr("ok")\n'
                            'translate("Ctx", "a " + b)\nQT_TRANSLATE_NOOP("C", "fine")\n'
                            'translate("Ctx", LABELS[key])\n') == [1, 3]
