"""The results table paints from texts made with the page, one call per cell.

A page read for the window carries its rows' texts, made in the worker that read it;
painting asks the model once per cell (``multiData``) for every role a delegate wants,
and the answers are the ones ``data`` gives role by role.
"""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QModelRoleData, QModelRoleDataSpan, Qt
from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot

from readout_desk.archive import Archive
from readout_desk.domain.records import SearchHit
from readout_desk.ui import results_model
from readout_desk.ui.results_model import (
    COL_SESSIONS,
    COL_SNIPPET,
    COLUMNS,
    ResultsModel,
    ShownPage,
    search_page,
)
from readout_desk.ui.results_view import ResultsView

#: The roles QStyledItemDelegate asks of a cell it paints.
DELEGATE_ROLES = (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.TextAlignmentRole,
                  Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.CheckStateRole,
                  Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.DisplayRole,
                  Qt.ItemDataRole.BackgroundRole)


def _with_a_sample(archive: Archive) -> Archive:
    first = archive.get(archive.all_ids()[0])
    archive.add_many([dataclasses.replace(first, title="A made-up example", is_sample=True,
                                          id=None)], validate=False)
    return archive


def _many_roles(model: ResultsModel, row: int, col: int) -> list[object]:
    wanted = [QModelRoleData(int(role)) for role in DELEGATE_ROLES]
    answers = []
    for one in wanted:  # a span of one, as PySide hands a single role over
        model.multiData(model.index(row, col), QModelRoleDataSpan(one))
        answers.append(one.data())
    return answers


def _painted(qtbot: QtBot, model: ResultsModel, height: int) -> ResultsView:
    """A view of ``model`` shown ``height`` pixels high, every visible cell painted."""
    view = ResultsView(model)
    qtbot.addWidget(view)
    view.resize(900, height)
    view.show()
    qtbot.waitExposed(view)
    view.grab()  # paints every visible cell
    return view


def test_a_page_for_the_window_carries_its_rows_texts(demo_archive: Archive) -> None:
    page = search_page(_with_a_sample(demo_archive), "", sort="date", date_format="iso")
    assert isinstance(page, ShownPage) and page.date_format == "iso"
    assert len(page.texts) == len(page.hits) > 0
    plain = search_page(demo_archive, "", sort="date")
    assert not isinstance(plain, ShownPage) and plain.hits == page.hits
    model = ResultsModel(demo_archive)
    model.date_format = "iso"
    model.reset_to("", plain)  # texts made by the model itself, as before
    shown = ResultsModel(demo_archive)
    shown.date_format = "iso"
    shown.reset_to("", page)  # texts from the page, its snippets cut by the model
    for row, texts in enumerate(page.texts):
        made = tuple(model.index(row, c).data() for c in range(len(COLUMNS)))
        assert texts[COL_SNIPPET] == ""  # a snippet is cut when its row is painted
        assert (*texts[:COL_SNIPPET], made[COL_SNIPPET], *texts[COL_SNIPPET + 1:]) == made
        assert tuple(shown.index(row, c).data() for c in range(len(COLUMNS))) == made
        day = page.hits[row].meeting_date
        assert texts[0] == (day.isoformat() if day else "")
    assert any(t[1].endswith("(sample)") for t in page.texts)


def test_only_the_painted_rows_snippets_are_cut(
        qtbot: QtBot, demo_archive: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    model = ResultsModel(demo_archive)
    page = search_page(demo_archive, "", sort="date", date_format=model.date_format)
    cut: list[int] = []
    original = results_model.snippet_text

    def counted(hit: SearchHit) -> str:
        cut.append(hit.id)
        return original(hit)

    monkeypatch.setattr(results_model, "snippet_text", counted)
    search_page(demo_archive, "", sort="date", date_format=model.date_format)
    assert cut == []  # the worker makes every text of the page but the snippets
    model.reset_to("", page)
    _painted(qtbot, model, 200)
    assert 0 < len(cut) < len(page.hits)
    assert len(cut) == len(set(cut))  # once each


def test_a_shown_page_is_painted_without_making_texts(
        qtbot: QtBot, demo_archive: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    model = ResultsModel(demo_archive)
    page = search_page(demo_archive, "minister", date_format=model.date_format)
    assert isinstance(page, ShownPage)
    made: list[int] = []
    original = results_model.row_texts

    def counted(hit: SearchHit, date_format: str) -> tuple[str, ...]:
        made.append(hit.id)
        return original(hit, date_format)

    monkeypatch.setattr(results_model, "row_texts", counted)
    model.reset_to("minister", page)
    view = _painted(qtbot, model, 500)
    assert made == []
    assert model.index(0, 1).data() == page.texts[0][1]
    model.date_format = "iso"  # another format: the rows' texts are made again, once each
    view.grab()  # paints every visible cell
    assert made and len(made) == len(set(made))
    assert model.index(0, 0).data() == original(page.hits[0], "iso")[0]


def test_one_call_per_cell_answers_as_data_does(demo_archive: Archive) -> None:
    model = ResultsModel(_with_a_sample(demo_archive))
    model.load("")
    assert model.rowCount() > 1
    for row in range(model.rowCount()):
        for col in range(len(COLUMNS)):
            role_by_role = [model.index(row, col).data(role) for role in DELEGATE_ROLES]
            assert _many_roles(model, row, col) == role_by_role
    sample = next(r for r, hit in enumerate(map(model.hit, range(model.rowCount())))
                  if hit is not None and hit.is_sample)
    font = _many_roles(model, sample, 1)[0]
    assert isinstance(font, QFont) and font.italic()


def test_a_span_handed_from_cell_to_cell_keeps_nothing_of_the_last_cell(
        demo_archive: Archive) -> None:
    """The view reuses its span of roles for every cell it paints: the sessions column's right
    alignment must not carry over to the title painted next."""
    model = ResultsModel(demo_archive)
    model.reset_to("", search_page(demo_archive, "", sort="date", date_format="iso"))
    wanted = [QModelRoleData(int(role)) for role in DELEGATE_ROLES]
    for column in (COL_SESSIONS, 0, COL_SESSIONS, 1):
        for one in wanted:
            model.multiData(model.index(0, column), QModelRoleDataSpan(one))
        answers = [one.data() for one in wanted]
        assert answers == _many_roles(model, 0, column)
        assert answers == [model.index(0, column).data(role) for role in DELEGATE_ROLES]
    for one in wanted:  # a row past the page clears the span too
        model.multiData(model.index(10_000, 0), QModelRoleDataSpan(one))
    assert all(one.data() is None for one in wanted)
