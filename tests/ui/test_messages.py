"""Sentences made by the domain and the archive, shown in the interface's language."""

from __future__ import annotations

import ast
import datetime as dt
import pickle
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

import readout_desk
from readout_desk.archive import Archive
from readout_desk.domain import validation
from readout_desk.domain.messages import Message, of_error
from readout_desk.domain.records import MeetingSession, Readout
from readout_desk.ui import messages
from readout_desk.ui.editor import ReadoutEditor
from readout_desk.ui.main_window import MainWindow
from tests.ui.editor.conftest import new_editor, type_into
from tests.ui.translation import japanese

__all__ = ["japanese", "new_editor"]  # fixtures used by the tests below

PACKAGE = Path(readout_desk.__file__).parent


def strings_named_in(source: str) -> dict[str, str]:
    """The module-level strings of a module's source, by name."""
    return {target.id: node.value.value for node in ast.parse(source).body
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
            for target in node.targets if isinstance(target, ast.Name)}


def templates_in(source: str, imported: dict[str, str] | None = None) -> set[str]:
    """The templates ``Message(...)`` is called with in a module's source: a literal, or the
    name of a module-level string of its own or of ``imported`` (other modules')."""
    tree = ast.parse(source)
    named = {**(imported or {}), **strings_named_in(source)}

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
    sources = [path.read_text(encoding="utf-8") for path in sorted(PACKAGE.rglob("*.py"))
               if path.relative_to(PACKAGE).parts[0] not in ("ui", "cli")
               and path.name != "messages.py"]
    imported = {name: text for source in sources
                for name, text in strings_named_in(source).items()}
    used: set[str] = set()
    for source in sources:
        used |= templates_in(source, imported)
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


def test_the_notes_of_a_draft_read_from_text_are_shown_in_japanese(
        qtbot: QtBot, japanese: None) -> None:
    from PySide6.QtWidgets import QLabel, QPlainTextEdit

    from readout_desk.domain.extract import extract
    from readout_desk.ui.paste import ExtractedPane

    text = (Path("/work/shared/examples") / "variant-inconsistent-stated-time.txt").read_text(
        encoding="utf-8")
    draft = extract(text, today=None)
    assert draft.flagged
    source = QPlainTextEdit(text)
    qtbot.addWidget(source)
    pane = ExtractedPane(draft, source)
    qtbot.addWidget(pane)
    warnings = pane.findChild(QLabel, "crossCheckWarnings")
    assert warnings is not None
    shown = warnings.text()
    assert "タイムゾーンの規則では" in shown, shown
    assert "time-zone rules give" not in shown


def test_an_archive_error_is_shown_in_japanese_in_the_banner(
        qtbot: QtBot, japanese: None, archive_path: Path,
        open_window: Callable[..., MainWindow]) -> None:
    from readout_desk.archive import ArchiveReadOnlyError

    Archive.open(archive_path).close()
    read_only = Archive.open(archive_path, read_only=True)
    try:
        with pytest.raises(ArchiveReadOnlyError) as refused:
            read_only.add(Readout(title="Talks", meeting_date=dt.date(2023, 5, 3)))
        assert str(refused.value) == (f"The archive {read_only.location} is open read-only, "
                                      "so nothing can be changed.")
        window = open_window(read_only)
        window.show_problem(refused.value)
        assert window.banner.text() == (f"アーカイブ {read_only.location} は読み取り専用で"
                                        "開かれているため、何も変更できません。")
    finally:
        read_only.close()


def test_check_timings_explains_a_flag_in_japanese(
        qtbot: QtBot, japanese: None, archive: Archive,
        open_window: Callable[..., MainWindow]) -> None:
    from readout_desk.ui.timing_check import TimingCheckDialog
    from tests.archive.helpers import brazil_readout

    archive.add(brazil_readout())
    window = open_window(archive)
    dialog = TimingCheckDialog(window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.flags is not None, timeout=10_000)
    item = dialog.table.topLevelItem(0)
    assert item is not None
    assert "タイムゾーンの規則では" in item.text(3) and "rules give" not in item.text(3)
    assert dialog.flags and "the time-zone rules give" in dialog.flags[0].message


def test_a_paste_that_is_no_text_is_refused_in_japanese(japanese: None) -> None:
    from readout_desk.domain.extract import ExtractionError, prepare
    from readout_desk.ui.paste import failure_message

    with pytest.raises(ExtractionError) as refused:
        prepare("a\x00b")
    assert str(refused.value) == "This is a binary file, not the text of a readout."
    assert failure_message(refused.value, "text") == (
        "これは会談記録の本文ではなく、バイナリファイルです。")


def test_clock_times_and_days_in_a_message_are_written_the_interface_s_way(
        japanese: None) -> None:
    from readout_desk.domain import timing

    with pytest.raises(timing.NonexistentTimeError) as skipped:
        timing.resolve(dt.datetime(2011, 12, 30, 10, 0), "Pacific/Apia")
    assert messages.error_text(skipped.value) == (
        "Pacific/Apia では 12月30日 午前10時 は存在しません。時計が 12月30日午前0時 から "
        "12月31日午前0時 に進められました。最も近い有効な時刻は 12月29日午後11時59分 と "
        "12月31日午前0時 です。")
    assert str(skipped.value) == (
        "10:00 a.m. on December 30 does not exist in Pacific/Apia: the clocks went forward "
        "from 12:00 a.m. on December 30 to 12:00 a.m. on December 31; the nearest valid times "
        "are 11:59 p.m. on December 29 and 12:00 a.m. on December 31.")
    # A moment survives being sent to another process, as a message does.
    again = pickle.loads(pickle.dumps(skipped.value.args[0]))
    assert messages.message_text(again) == messages.error_text(skipped.value)


def test_the_editor_offers_the_nearest_times_in_japanese(
        qtbot: QtBot, japanese: None, new_editor: ReadoutEditor) -> None:
    editor = new_editor
    type_into(qtbot, editor.when.meeting_date, "2025-03-30")
    editor.sessions.rows.table.setFocus()
    qtbot.keyClick(editor.sessions.rows.table, Qt.Key.Key_Insert)
    type_into(qtbot, editor.sessions.zone, "Europe/Berlin")
    type_into(qtbot, editor.sessions.time, "2:30")
    assert "午前3時" in editor.sessions.use_after.text()
    assert "午前1時59分" in editor.sessions.use_before.text()
    assert "3月30日 午前2時30分 は存在しません" in editor.sessions.time_issue.text()


def test_a_backup_that_is_not_there_is_said_in_japanese(japanese: None, tmp_path: Path) -> None:
    from readout_desk.archive import ArchiveError
    from readout_desk.archive.backup import load_backup

    with pytest.raises(ArchiveError) as missing:
        load_backup(tmp_path / "nothing")
    assert str(missing.value) == f"There is no backup at {tmp_path / 'nothing'}."
    assert messages.error_text(missing.value) == (
        f"{tmp_path / 'nothing'} にバックアップはありません。")


def test_an_export_s_notes_are_said_in_japanese(japanese: None, archive: Archive,
                                                 tmp_path: Path) -> None:
    from readout_desk.archive.transfer import export_readouts

    saved = archive.add(Readout(title="Talks", meeting_date=dt.date(2023, 5, 3),
                                sessions=(MeetingSession("meeting"),)))
    result = export_readouts(archive, [saved.id or 0], "ics", tmp_path / "talks.ics")
    assert list(result.notes) == [
        "1 session without a start time and zone were left out of the calendar."]
    assert [messages.message_text(note) for note in result.notes] == [
        "開始時刻とタイムゾーンのない会合 1 件はカレンダーに含めませんでした。"]
