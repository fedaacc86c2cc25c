"""Start-up on a team archive whose server cannot be reached: retry, the local archive
instead, or quit; never a traceback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from readout_desk import paths
from readout_desk.archive import Archive, ArchiveUnreachableError
from readout_desk.ui.team.startup import Choice, ask_when_unreachable, open_at_start

UNREACHABLE = "postgresql://nobody@/readout_test?host=/nonexistent/readout-desk-socket"


def test_retry_then_the_local_archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths, "default_archive_path", lambda: tmp_path / "local.sqlite3")
    answers: Iterator[Choice] = iter(["retry", "local"])
    asked: list[str] = []

    def ask(problem: str) -> Choice:
        asked.append(problem)
        return next(answers)

    archive = open_at_start(UNREACHABLE, Archive.open, ask)
    try:
        assert archive.path == tmp_path / "local.sqlite3"
    finally:
        archive.close()
    assert len(asked) == 2 and all("cannot be reached" in p for p in asked)


def test_quit_gives_up_with_the_sentence() -> None:
    with pytest.raises(ArchiveUnreachableError, match="cannot be reached"):
        open_at_start(UNREACHABLE, Archive.open, lambda _problem: "quit")


@pytest.mark.parametrize(("button", "choice"), [("teamRetry", "retry"),
                                                ("teamOpenLocal", "local"),
                                                ("teamQuit", "quit")])
def test_the_question_offers_three_ways(qtbot: QtBot, button: str, choice: str) -> None:
    seen: list[str] = []

    def click() -> None:
        box = next(w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QMessageBox) and w.objectName() == "teamUnreachable"
                   and w.isVisible())
        seen.append(box.text())
        found = box.findChild(QPushButton, button)
        assert found is not None
        found.click()

    QTimer.singleShot(100, click)
    assert ask_when_unreachable("The team archive server cannot be reached.") == choice
    assert seen == ["The team archive server cannot be reached."]
