"""What the editor shows when its readout was saved elsewhere while it was being edited.

The archive refuses to save over a version the editor did not read (``ConflictError``),
so nothing is overwritten unseen. The editor then shows the version now stored
("theirs") beside its form ("mine"), field by field, the fields that differ marked, and
the person takes theirs or mine for each (or all of one side). The merge is saved on top
of the stored version, which stays in the history; a save that meets yet another
version comes back here.

From the keyboard: Tab goes from field to field (onto the side chosen), the arrow keys
switch sides, Alt+T and Alt+M take all of one side, Alt+S saves the merge.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from readout_desk.domain.draft import ReadoutDraft
from readout_desk.ui.editor.merging import Comparison, FieldComparison, Side, saved_when
from readout_desk.ui.editor.widgets import tab_chain

#: Pale marks: the side taken for a field that differs, and the side left.
_TAKEN_STYLE = "background-color: #dff0d8; border: 1px solid #5a9a5a; padding: 3px;"
_LEFT_STYLE = "background-color: #fff4c2; color: #606060; padding: 4px;"
_SAME_STYLE = "color: #505050; padding: 4px;"


class _Row:
    """One field that differs: its two texts and the two choices."""

    def __init__(self, comparison: FieldComparison, theirs: QRadioButton, mine: QRadioButton,
                 theirs_text: QLabel, mine_text: QLabel) -> None:
        self.comparison = comparison
        self.theirs = theirs
        self.mine = mine
        self.theirs_text = theirs_text
        self.mine_text = mine_text
        self.group = QButtonGroup(theirs.parent())
        self.group.setExclusive(True)
        self.group.addButton(theirs)
        self.group.addButton(mine)

    def side(self) -> Side:
        return "mine" if self.mine.isChecked() else "theirs"

    def mark(self) -> None:
        """Mark the side taken; Tab enters the row at it (the arrow keys switch sides)."""
        mine = self.mine.isChecked()
        self.mine_text.setStyleSheet(_TAKEN_STYLE if mine else _LEFT_STYLE)
        self.theirs_text.setStyleSheet(_LEFT_STYLE if mine else _TAKEN_STYLE)
        taken, left = (self.mine, self.theirs) if mine else (self.theirs, self.mine)
        taken.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        left.setFocusPolicy(Qt.FocusPolicy.ClickFocus)


class ConflictDialog(QDialog):
    """The stored version beside the form; ``accepted`` means: save :meth:`merged_draft`.

    ``history_requested`` asks the editor to show the readout's history instead."""

    history_requested = Signal()

    def __init__(self, comparison: Comparison, read_version: int, home_zone: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.comparison = comparison
        self.setObjectName("conflictView")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setWindowTitle(self.tr("Saved elsewhere: compare and merge"))
        self.setAccessibleName(self.tr("Compare and merge"))
        self.resize(1000, 640)
        theirs = comparison.theirs
        when = saved_when(theirs, home_zone)
        if when:
            stored = self.tr("version {version}, saved {when}").format(
                version=theirs.version, when=when)
        else:
            stored = self.tr("version {version}").format(version=theirs.version)
        differing = len(comparison.differing)
        intro = QLabel(self.tr(
            "Readout {id} was saved elsewhere while you were editing it: you started from "
            "version {read}, and the archive now holds {stored}. Nothing was overwritten, "
            "and your changes are still in the form.").format(
                id=theirs.id, read=read_version, stored=stored), self)
        intro.setObjectName("conflictIntro")
        intro.setWordWrap(True)
        self.summary = QLabel(self.tr(
            "Fields that differ: {count}, marked ≠. For each, choose theirs or mine (the "
            "side taken is green); the merge is saved on top of their version, which "
            "stays in the history.").format(count=differing) if differing else self.tr(
            "Both versions hold the same fields; saving keeps them as they are."), self)
        self.summary.setObjectName("conflictSummary")
        self.summary.setWordWrap(True)

        self.rows: dict[str, _Row] = {}
        body = QWidget(self)
        body.setObjectName("conflictFields")
        grid = QGridLayout(body)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        heads = (self.tr("Field"), self.tr("Theirs, as now stored ({stored})").format(
            stored=stored), self.tr("Mine, in this form"))
        for column, text in enumerate(heads):
            head = QLabel(f"<b>{text}</b>", body)
            head.setTextFormat(Qt.TextFormat.RichText)
            grid.addWidget(head, 0, column)
        for line, field in enumerate(self._shown(), start=1):
            self._add_row(grid, line, field, body)
        grid.setRowStretch(grid.rowCount(), 1)
        scroll = QScrollArea(self)
        scroll.setObjectName("conflictScroll")
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the choices inside
        scroll.setWidget(body)

        self.keep_theirs = self._button(self.tr("Keep all &theirs"), "conflictKeepTheirs")
        self.keep_mine = self._button(self.tr("Keep all &mine"), "conflictKeepMine")
        self.history = self._button(self.tr("Show the &history"), "conflictHistory",
                                    self.tr("Close this and show the readout's versions"))
        self.save_button = self._button(self.tr("&Save the merge"), "conflictSave",
                                        self.tr("Save the fields chosen on top of their "
                                                "version"))
        cancel = self._button(self.tr("Cancel"), "conflictCancel",
                              self.tr("Go on editing; nothing is saved"))
        self.save_button.setDefault(True)
        self.keep_theirs.clicked.connect(lambda: self.keep_all("theirs"))
        self.keep_mine.clicked.connect(lambda: self.keep_all("mine"))
        self.history.clicked.connect(self._show_history)
        self.save_button.clicked.connect(self.accept)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.keep_theirs, self.keep_mine):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.history, self.save_button, cancel):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        radios = [r for row in self.rows.values() for r in (row.theirs, row.mine)]
        tab_chain(*radios, self.keep_theirs, self.keep_mine, self.history, self.save_button,
                  cancel)
        first = next(iter(self.rows.values()), None)
        if first is not None:
            (first.mine if first.mine.isChecked() else first.theirs).setFocus()
        else:
            self.save_button.setFocus()

    def _button(self, text: str, name: str, tip: str = "") -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        if tip:
            button.setToolTip(tip)
        return button

    def _shown(self) -> list[FieldComparison]:
        """The fields worth a line: those that differ, and those either side fills."""
        return [f for f in self.comparison.fields if f.differs or f.theirs or f.mine]

    def _label(self, key: str) -> str:
        labels = {
            "section": self.tr("Section"), "meeting_date": self.tr("Meeting date"),
            "published_date": self.tr("Published"), "title": self.tr("Title"),
            "mode": self.tr("Mode"), "occasion": self.tr("Occasion"),
            "place": self.tr("Place"), "relation": self.tr("Countries involved"),
            "participants": self.tr("Participants"), "sessions": self.tr("Sessions"),
            "lead": self.tr("Lead"), "points": self.tr("Points"), "topics": self.tr("Topics"),
            "photos": self.tr("Photos"), "publisher": self.tr("Publisher"),
            "source_url": self.tr("Source address"), "notes": self.tr("Notes"),
        }
        return labels.get(key, key)

    def _add_row(self, grid: QGridLayout, line: int, field: FieldComparison,
                 body: QWidget) -> None:
        key = field.field.key
        label = self._label(key)
        name = QLabel(f"<b>≠ {label}</b>" if field.differs else label, body)
        name.setTextFormat(Qt.TextFormat.RichText)
        name.setObjectName(f"conflictLabel_{key}")
        name.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(name, line, 0)
        texts = []
        for column, value in ((1, field.theirs), (2, field.mine)):
            text = QLabel(value or self.tr("(empty)"), body)
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.setObjectName(f"conflict{'Theirs' if column == 1 else 'Mine'}_{key}")
            text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            text.setStyleSheet(_SAME_STYLE)  # a field that differs is marked by its row
            texts.append(text)
        if not field.differs:
            grid.addWidget(texts[0], line, 1)
            grid.addWidget(texts[1], line, 2)
            return
        theirs = QRadioButton(self.tr("Use theirs"), body)
        mine = QRadioButton(self.tr("Use mine"), body)
        for radio, side, column, text in ((theirs, "Theirs", 1, texts[0]),
                                          (mine, "Mine", 2, texts[1])):
            radio.setObjectName(f"conflict{side}Choice_{key}")
            radio.setAccessibleName((self.tr("{field}: use theirs") if side == "Theirs"
                                     else self.tr("{field}: use mine")).format(field=label))
            radio.setAccessibleDescription(text.text())
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(radio)
            cell.addWidget(text)
            grid.addLayout(cell, line, column)
        row = _Row(field, theirs, mine, texts[0], texts[1])
        (mine if field.proposed == "mine" else theirs).setChecked(True)
        row.mark()
        mine.toggled.connect(lambda _on, r=row: r.mark())
        self.rows[key] = row

    def choices(self) -> dict[str, Side]:
        """The side taken for each field that differs."""
        return {key: row.side() for key, row in self.rows.items()}

    def choose(self, key: str, side: Side) -> None:
        """Take ``side`` for the field ``key``."""
        row = self.rows[key]
        (row.mine if side == "mine" else row.theirs).setChecked(True)

    def keep_all(self, side: Side) -> None:
        """Take ``side`` for every field that differs."""
        for key in self.rows:
            self.choose(key, side)

    def merged_draft(self) -> ReadoutDraft:
        """The form's contents the choices make, based on their version."""
        return self.comparison.merged(self.choices())

    def _show_history(self) -> None:
        self.history_requested.emit()
        self.reject()
