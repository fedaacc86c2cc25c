"""Object names and keys of the editor's row tables are the same in every language.

A translator changes what a person reads; the names tests and accessibility tools find
widgets by, and the keys that add a row, must not pass through it. A translator that
marks every string of the program's own shows any that do, before a real translation of
that string exists (Qt's own strings, such as the names of keys, are left to Qt).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from readout_desk.ui.editor import ReadoutEditor


class _MarkEverything(QTranslator):
    """Translates every string of the program's own into itself between brackets."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        """QTranslator.translate: the source between brackets; none for Qt's own."""
        if context.startswith("Q"):  # QShortcut, QDialogButtonBox...
            return super().translate(context, source, disambiguation, n)
        return f"⟦{source}⟧"

    def isEmpty(self) -> bool:  # noqa: N802
        """QTranslator.isEmpty: never empty."""
        return False


@pytest.fixture
def marked(qapp: QApplication) -> Iterator[None]:
    translator = _MarkEverything(qapp)
    assert qapp.installTranslator(translator)
    assert qapp.translate("RowTable", "Remove") == "⟦Remove⟧"
    yield
    qapp.removeTranslator(translator)


@pytest.fixture
def marked_editor(marked: None, new_editor: ReadoutEditor) -> ReadoutEditor:
    return new_editor


@pytest.mark.parametrize("rows", ["participants", "sessions"])
def test_row_buttons_keep_their_names_in_any_language(marked_editor: ReadoutEditor,
                                                      rows: str) -> None:
    table = getattr(marked_editor, rows).rows
    assert table.add_button.text().startswith("⟦")  # the translator was asked
    names = {b.objectName() for b in table.findChildren(QPushButton)}
    assert names == {f"{rows}Add", f"{rows}Remove", f"{rows}Up", f"{rows}Down"}


@pytest.mark.parametrize("rows", ["participants", "sessions"])
def test_insert_adds_a_row_in_any_language(qtbot: QtBot, marked_editor: ReadoutEditor,
                                           rows: str) -> None:
    table = getattr(marked_editor, rows).rows.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Insert)
    assert table.rowCount() == 1


def test_insert_adds_a_point_in_any_language(qtbot: QtBot,
                                             marked_editor: ReadoutEditor) -> None:
    points = marked_editor.summary.list
    points.setFocus()
    qtbot.keyClick(points, Qt.Key.Key_Insert)
    assert points.count() == 1
