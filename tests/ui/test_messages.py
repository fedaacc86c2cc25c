"""Sentences made by the domain and the archive, shown in the interface's language."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

import readout_desk
from readout_desk.domain import validation
from readout_desk.domain.messages import Message, of_error
from readout_desk.domain.records import Readout
from readout_desk.ui import messages
from readout_desk.ui.editor import ReadoutEditor
from tests.ui.editor.conftest import new_editor, type_into
from tests.ui.translation import japanese

__all__ = ["japanese", "new_editor"]  # fixtures used by the tests below

PACKAGE = Path(readout_desk.__file__).parent


def templates_in(source: str) -> set[str]:
    """The templates ``Message(...)`` is called with in a module's source: a literal, or the
    name of a module-level string."""
    tree = ast.parse(source)
    named = {target.id: node.value.value for node in tree.body if isinstance(node, ast.Assign)
             and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
             for target in node.targets if isinstance(target, ast.Name)}

    def templates(node: ast.expr) -> set[str]:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return {node.value}
        if isinstance(node, ast.Name) and node.id in named:
            return {named[node.id]}
        if isinstance(node, ast.IfExp):  # one sentence or another ("1 file", "2 files")
            return templates(node.body) | templates(node.orelse)
        raise AssertionError(f"a message made from {ast.unparse(node)}: use a literal")

    found: set[str] = set()
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id == "Message" and node.args):
            found |= templates(node.args[0])
    return found


def test_the_template_reader_finds_literals_and_named_templates() -> None:
    source = ('_T = "{x!r} is odd."\n'
              'def f(v, n):\n    return [Message("Plain."), Message(_T, x=v),\n'
              '            Message("{n} file." if n == 1 else "{n} files.", n=n)]\n')
    assert templates_in(source) == {"Plain.", "{x!r} is odd.", "{n} file.", "{n} files."}
    with pytest.raises(AssertionError, match="use a literal"):
        templates_in("def f(t):\n    return Message(t)\n")


def test_every_template_below_the_interface_is_listed_for_translation() -> None:
    used: set[str] = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).parts
        if parts[0] in ("ui", "cli") or path.name == "messages.py":
            continue
        used |= templates_in(path.read_text(encoding="utf-8"))
    assert used, "no message found: the reader is broken"
    assert sorted(used - messages.TEMPLATES) == [], "missing from ui/messages.py"
    assert sorted(messages.TEMPLATES - used) == [], "listed in ui/messages.py but unused"


def test_in_english_a_message_reads_exactly_as_the_command_line_prints_it() -> None:
    readout = Readout(title="", meeting_date=None, relation=("XQ",))
    found = validation.problems(readout)
    assert found and all(isinstance(m, Message) for m in found)
    assert [messages.message_text(m) for m in found] == [str(m) for m in found]
    assert messages.message_text("plain text") == "plain text"


def test_the_japanese_interface_translates_a_message_and_what_it_holds(japanese: None) -> None:
    inner = Message("the session ends before it starts")
    outer = Message("Session {number} ({kind}): {problem}", number=2, kind="dinner",
                    problem=inner)
    assert messages.message_text(outer) == "会合 2（dinner）: 会合の終了が開始より前です"
    assert str(outer) == "Session 2 (dinner): the session ends before it starts"


def test_a_japanese_user_saving_an_impossible_date_is_told_in_japanese(
        qtbot: QtBot, japanese: None, new_editor: ReadoutEditor) -> None:
    editor = new_editor
    type_into(qtbot, editor.when.title, "Talks in Lima")
    type_into(qtbot, editor.when.meeting_date, "2023-02-30")
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow, timeout=2000)
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(editor.problems.isVisible, timeout=2000)
    text = editor.problems.text()
    assert "'2023-02-30' は暦にない日付です。" in text, text
    assert "not a date" not in text
    assert editor.is_dirty()


def test_an_import_summary_is_shown_in_japanese_and_printed_in_english(japanese: None) -> None:
    from readout_desk.archive.transfer.importing import FileOutcome, ImportSummary

    refused = validation.InvalidReadoutError([Message("Summary point {number} is empty.",
                                                      number=2)])
    summary = ImportSummary((FileOutcome(Path("b.json"), error=of_error(refused)),))
    assert [messages.message_text(line) for line in summary.lines()] == [
        "1 個のファイルのうち 0 個から会談記録を 0 件インポートしました。",
        "b.json からは何もインポートしていません: 要点 2 が空です。"]
    assert summary.lines() == ["Imported 0 readouts from 0 of 1 file.",
                               "Nothing imported from b.json: Summary point 2 is empty."]
