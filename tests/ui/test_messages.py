"""Sentences made by the domain and the archive, shown in the interface's language."""

from __future__ import annotations

import ast
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

import readout_desk
from readout_desk.domain import validation
from readout_desk.domain.messages import Message
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
    found = set()
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id == "Message" and node.args):
            continue
        first = node.args[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            found.add(first.value)
        elif isinstance(first, ast.Name) and first.id in named:
            found.add(named[first.id])
        else:
            raise AssertionError(f"a message made from {ast.unparse(first)}: use a literal")
    return found


def test_the_template_reader_finds_literals_and_named_templates() -> None:
    source = ('_T = "{x!r} is odd."\n'
              'def f(v):\n    return [Message("Plain."), Message(_T, x=v)]\n')
    assert templates_in(source) == {"Plain.", "{x!r} is odd."}


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
