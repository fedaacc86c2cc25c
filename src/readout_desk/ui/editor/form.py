"""The readout editor window: the form in reading order, saving, undo and history.

The form's contents live in one value, a :class:`~readout_desk.domain.draft.ReadoutDraft`.
Every edit replaces it and pushes the change on an undo stack (typing in one field
merges into one step), so Ctrl+Z and Ctrl+Shift+Z work the same in every field.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from readout_desk.archive import Archive, ArchiveError, ArchiveUnreachableError, ConflictError
from readout_desk.domain import geography, timing
from readout_desk.domain.draft import Built, ReadoutDraft, build, draft_of
from readout_desk.domain.records import Readout
from readout_desk.ui import parts
from readout_desk.ui.editor import questions
from readout_desk.ui.editor.conflict import ConflictDialog
from readout_desk.ui.editor.fields import SourceSection, WhenWhereSection
from readout_desk.ui.editor.history import HistoryDialog
from readout_desk.ui.editor.host import EditorHost
from readout_desk.ui.editor.merging import compare
from readout_desk.ui.editor.participants import ParticipantsSection
from readout_desk.ui.editor.photos import PhotosSection
from readout_desk.ui.editor.points import SummarySection
from readout_desk.ui.editor.saving import find_similar, save_readout
from readout_desk.ui.editor.sessions import SessionsSection
from readout_desk.ui.editor.topics import TopicsSection
from readout_desk.ui.editor.undo import FormEdit, FormShortcuts
from readout_desk.ui.editor.widgets import ERROR_STYLE, FORM_STYLE, tab_chain
from readout_desk.ui.messages import bullets, error_text
from readout_desk.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

class ReadoutEditor(QMainWindow):
    """Enter a new readout or correct one; ``saved`` carries the readout as stored."""

    saved = Signal(object)

    def __init__(self, archive: Archive, readout: Readout | None = None, *,
                 home_zone: str | None = None, source_text: str | None = None,
                 host: EditorHost | None = None) -> None:
        super().__init__(host if isinstance(host, QWidget) else None)
        #: The window told about saves (``None`` when opened on its own).
        self.host = host
        self.archive = archive
        self.home_zone = home_zone or timing.system_zone()
        self.setObjectName("readoutEditor")
        self.setAccessibleName(self.tr("Readout editor"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.resize(1100 if source_text else 820, 900)
        self.runner = TaskRunner(self, max_threads=1)
        self.undo_stack = QUndoStack(self)
        self.on_saved: Callable[[Readout], None] | None = None
        self._applying = False
        self._saving = False
        self._close_after_save = False
        self._focus_before_save: QWidget | None = None
        self.words_typed = 0  # counts word breaks typed; undo steps end at each
        self._suggest_generation = 0
        self._show_problems = False  # empty required fields are pointed out once saving is tried
        self.last_error = ""
        self.title_note = ""  # e.g. "draft from text", shown after the title

        self.when = WhenWhereSection(self)
        self.participants = ParticipantsSection(archive, self)
        self.sessions = SessionsSection(self.home_zone, self)
        self.summary = SummarySection(self)
        self.topics = TopicsSection(archive, self)
        self.photos = PhotosSection(archive.attachments_dir, self)
        self.source = SourceSection(self)
        self.sections = (self.when, self.participants, self.sessions, self.summary,
                         self.topics, self.photos, self.source)

        self.problems = parts.problems_panel("problemsPanel", self.tr("Problems that stop saving"),
                                             self, padding=6, extra_style=ERROR_STYLE)
        self.problems.hide()

        body = QWidget(self)
        column = QVBoxLayout(body)
        for section in self.sections:
            column.addWidget(section)
        column.addStretch(1)
        self.form_scroll = QScrollArea(self)
        self.form_scroll.setObjectName("editorScroll")
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setWidget(body)

        self.source_text: QPlainTextEdit | None = None
        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.addWidget(self.problems)
        if source_text is not None:
            split = QSplitter(Qt.Orientation.Horizontal, self)
            split.setObjectName("editorSplitter")
            split.addWidget(self.form_scroll)
            self.source_text = QPlainTextEdit(self)
            self.source_text.setObjectName("sourceText")
            self.source_text.setAccessibleName(self.tr("Source text"))
            self.source_text.setReadOnly(True)
            self.source_text.setPlainText(source_text)
            split.addWidget(self.source_text)
            split.setStretchFactor(0, 3)
            split.setStretchFactor(1, 2)
            outer.addWidget(split, 1)
        else:
            outer.addWidget(self.form_scroll, 1)
        self.setCentralWidget(central)
        self._body = central
        self._build_actions()
        tab_chain(*(w for section in self.sections for w in section.focus_order()))

        for section in self.sections:
            section.edited.connect(self._edited)
        self.when.placeChanged.connect(self._place_changed)
        self._suggest_timer = QTimer(self)
        self._suggest_timer.setSingleShot(True)
        self._suggest_timer.setInterval(250)
        self._suggest_timer.timeout.connect(lambda: self._suggest_zones(fill=True))

        self._shortcuts = FormShortcuts(self)
        for widget in self.findChildren(QLineEdit) + self.findChildren(QPlainTextEdit):
            widget.installEventFilter(self._shortcuts)

        # Set last: a style sheet set before the widgets exist makes building them slow.
        self.setStyleSheet(FORM_STYLE)
        start = draft_of(readout) if readout is not None else ReadoutDraft()
        # A draft handed over unsaved (from a paste) counts as unsaved changes.
        self._saved = start if readout is not None and readout.id is not None else \
            ReadoutDraft(base=start.base)
        self._draft = start
        self._built: Built = build(start, self.home_zone)
        self.show_draft(start)
        self._suggest_zones(fill=False)  # opening a readout changes nothing in it
        self.when.section.setFocus(Qt.FocusReason.OtherFocusReason)  # typing starts at the top

    # ----- actions -------------------------------------------------------------------

    def _build_actions(self) -> None:
        bar = QToolBar(self.tr("Editor"), self)
        bar.setObjectName("editorToolbar")
        bar.setMovable(False)
        self.addToolBar(bar)

        self.save_action = QAction(self.tr("&Save"), self)
        self.save_action.setObjectName("actionSaveReadout")
        self.save_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.save_action.setToolTip(self.tr("Save the readout (Ctrl+S)"))
        self.save_action.triggered.connect(self.save)

        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setObjectName("actionUndo")
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setObjectName("actionRedo")
        redo_keys = [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")]
        self.redo_action.setShortcuts(redo_keys)
        self.redo_keys = {k[0].toCombined() for k in redo_keys}  # type: ignore[index]

        self.history_action = QAction(self.tr("&History…"), self)
        self.history_action.setObjectName("actionReadoutHistory")
        self.history_action.setShortcut(QKeySequence("Ctrl+Shift+H"))
        self.history_action.setToolTip(self.tr("Earlier versions of this readout (Ctrl+Shift+H)"))
        self.history_action.triggered.connect(self.show_history)

        close = QAction(self.tr("&Close"), self)
        close.setObjectName("actionCloseEditor")
        close.setShortcuts(QKeySequence.StandardKey.Close)  # Ctrl+W as well as Ctrl+F4
        close.triggered.connect(self.close)

        for action in (self.save_action, self.undo_action, self.redo_action,
                       self.history_action):
            bar.addAction(action)
        for action in (self.save_action, self.undo_action, self.redo_action,
                       self.history_action, close):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)
        file_menu = self.menuBar().addMenu(self.tr("&Readout"))
        for action in (self.save_action, self.history_action, close):
            file_menu.addAction(action)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)

    # ----- the form's contents --------------------------------------------------------

    def draft(self) -> ReadoutDraft:
        """What the form holds now."""
        return self._draft

    def built(self) -> Built:
        """The form read as a readout, with its issues."""
        return self._built

    def is_dirty(self) -> bool:
        """Whether the form holds changes that are not saved."""
        return self._draft != self._saved

    def readout_id(self) -> int | None:
        """The id of the readout being edited (``None`` until a new one is saved)."""
        return self._draft.base.id

    def _collect(self) -> ReadoutDraft:
        draft = self._draft
        for section in self.sections:
            draft = section.apply(draft)
        return draft

    def _edited(self, key: str) -> None:
        if self._applying:
            return
        after = self._collect()
        if after == self._draft:
            return
        before = self._draft
        self._draft = after
        self.undo_stack.push(FormEdit(self, before, after, key))
        self._refresh()

    def show_draft(self, draft: ReadoutDraft) -> None:
        """Make the form show ``draft`` (used by undo and redo, and when loading)."""
        self._applying = True
        try:
            self._draft = draft
            for section in self.sections:
                section.set_draft(draft)
        finally:
            self._applying = False
        self._refresh()

    def _refresh(self) -> None:
        self._built = build(self._draft, self.home_zone)
        day = self._built.readout.meeting_date
        if day is not None:
            # Zone pickers show each zone's offset on the meeting's day (EDT in September).
            noon = dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.timezone.utc)
            for picker in (self.when.zone, self.sessions.zone, self.sessions.printed_zone):
                picker.set_reference_time(noon)
        shown = self._built
        if not self._show_problems:
            shown = Built(shown.readout, tuple(i for i in shown.issues if i.kind != "required"))
        questions = (self.sessions.nearest, self.sessions.ambiguity)
        hidden = [w for w in questions if w.isHidden()]
        for section in self.sections:
            section.show_issues(shown)
        for widget in hidden:
            if not widget.isHidden():  # a question just asked is scrolled into view
                QTimer.singleShot(0, lambda w=widget: self.form_scroll.ensureWidgetVisible(w))
        self.summary.set_speakers(self.participants.names())
        errors = self._built.errors
        if errors:
            n = len(errors)
            head = (self.tr("%n problem stops saving:", "", n) if n == 1
                    else self.tr("%n problems stop saving:", "", n))
            self.problems.setText(head + "\n" + bullets(e.message for e in errors))
        self.problems.setVisible(bool(errors) and self._show_problems)
        self.history_action.setEnabled(self.readout_id() is not None)
        self._update_title()

    def _update_title(self) -> None:
        title = self._draft.title.strip() or self._draft.section.strip()
        name = " — ".join(part for part in (title, self.title_note) if part)
        titles = (self.tr("New readout[*] — Readout Desk"), self.tr("Edit readout[*] — Readout "
                  "Desk"), self.tr("New readout — {name}[*] — Readout Desk"),
                  self.tr("Edit readout — {name}[*] — Readout Desk"))
        which = (self.readout_id() is not None) + 2 * bool(name)  # new/edit, without/with name
        self.setWindowTitle(titles[which].format(name=name))
        self.setWindowModified(self.is_dirty())

    # ----- zone suggestions -----------------------------------------------------------

    def _place_changed(self) -> None:
        self._suggest_timer.start()

    def _suggest_zones(self, *, fill: bool) -> None:
        """Suggest zones for the place (the city list loads slowly, so off the UI thread);
        with ``fill``, an empty zone field of the place takes the first suggestion."""
        city = self._draft.city.strip()
        country = geography.find_country(self._draft.country) if self._draft.country.strip() \
            else None
        self._suggest_generation += 1
        generation = self._suggest_generation
        if not city and not country:
            self._zones_suggested(generation, [], fill)
            return
        self.runner.run(lambda: geography.suggest_zones(city, country),
                        lambda zones: self._zones_suggested(generation, zones, fill),
                        lambda exc: log.warning("zone suggestion failed: %s", exc))

    def _zones_suggested(self, generation: int, zones: list[str], fill: bool) -> None:
        if generation != self._suggest_generation:
            return
        self.when.zone.set_suggestions(zones)
        default = self._draft.place_zone or (zones[0] if zones else "")
        self.sessions.set_zone_suggestions(zones, default)
        if fill and zones and not self._draft.place_zone:
            self.when.zone.set_zone(zones[0])
            self._edited("place_zone.suggested")

    def zone_suggestions(self) -> list[str]:
        """The zones offered first for the place."""
        return self.when.zone.suggestions()

    # ----- saving ---------------------------------------------------------------------

    def is_saving(self) -> bool:
        """Whether a save is under way."""
        return self._saving

    def save(self) -> bool:
        """Save if nothing stands in the way (asking about warnings and likely duplicates);
        whether a save was started (the ``saved`` signal says when it is done)."""
        if self._saving:
            return False
        self._built = build(self._draft, self.home_zone)
        built = self._built
        if built.errors:
            self._show_problems = True
            self._refresh()
            self.statusBar().showMessage(
                self.tr("Not saved: correct the problems listed at the top."))
            self.form_scroll.ensureVisible(0, 0)
            return False
        if built.warnings and not questions.confirm_warnings(self, built):
            return False
        readout = built.readout
        pending = {i: Path(p.source) for i, p in enumerate(self._draft.photos) if p.source}
        self._set_saving(True)
        self.statusBar().showMessage(self.tr("Looking for the same meeting in the archive…"))

        def checked(similar: list[Readout]) -> None:
            if similar and not self._confirm_duplicate(similar[0]):
                self._set_saving(False)
                self._close_after_save = False
                self.statusBar().clearMessage()
                return
            self.statusBar().showMessage(self.tr("Saving…"))
            self.runner.run(lambda: save_readout(self.archive, readout, pending),
                            self._save_done, self._save_failed)

        def check_failed(exc: BaseException) -> None:
            if not isinstance(exc, ArchiveError):
                self._save_failed(exc)
                return
            log.warning("duplicate check failed: %s", exc)
            checked([])

        # The duplicate check searches the archive: off the UI thread, like the save.
        self.runner.run(lambda: find_similar(self.archive, readout), checked, check_failed)
        return True

    def _set_saving(self, saving: bool) -> None:
        """While a save is under way the form cannot be edited or saved again.

        The field that had the keyboard has it back afterwards, so typing goes on there.
        """
        self._saving = saving
        if saving:
            self._focus_before_save = self.focusWidget()
        self._body.setEnabled(not saving)
        self.save_action.setEnabled(not saving)
        if not saving and self._focus_before_save is not None:
            self._focus_before_save.setFocus(Qt.FocusReason.OtherFocusReason)
            self._focus_before_save = None

    def _confirm_duplicate(self, other: Readout) -> bool:
        answer = questions.ask_about_duplicate(self, other)
        if answer == "open" and other.id is not None:
            from readout_desk.ui.editor import open_editor

            open_editor(self.host, self.archive, readout_id=other.id,
                        home_zone=self.home_zone)
        return answer == "save"

    def _save_done(self, stored: Readout) -> None:
        self._set_saving(False)
        self._show_problems = False
        self.last_error = ""
        self.title_note = ""  # e.g. "draft from text", shown after the title
        draft = draft_of(stored)
        self._saved = draft
        self.show_draft(draft)
        self._stored(stored, self.tr("Saved (version {version}).").format(
            version=stored.version))
        if self.on_saved is not None:
            self.on_saved(stored)
        if self._close_after_save:
            self.close()

    def _save_failed(self, exc: BaseException) -> None:
        self._set_saving(False)
        self._close_after_save = False
        if isinstance(exc, ConflictError):
            self._save_conflict(exc)
            return
        if isinstance(exc, ArchiveUnreachableError):
            return questions.offer_retry(self, error_text(exc), self.save)
        if not isinstance(exc, (ArchiveError, OSError, ValueError)):
            log.error("saving failed", exc_info=exc)
        self.last_error = str(exc)
        self.statusBar().showMessage(self.tr("Not saved."))
        QMessageBox.warning(self, self.tr("Not saved"), self.tr(
            "The readout was not saved: {exc}").format(exc=error_text(exc)))

    def _save_conflict(self, exc: ConflictError) -> None:
        self.last_error = str(exc)
        self.statusBar().showMessage(self.tr("Not saved: the readout was saved elsewhere."))

        def compare_with(theirs: Readout) -> None:
            # The stored version beside the form, to take either side field by field.
            comparison = compare(self._saved.base, theirs, self._built.readout, self._draft)
            view = ConflictDialog(comparison, exc.read_version, self.home_zone, self)
            view.accepted.connect(lambda: self._save_merge(view.merged_draft(), theirs))
            view.history_requested.connect(self.show_history)
            view.open()

        self.runner.run(lambda: self.archive.get(exc.readout_id), compare_with,
                        self._save_failed)

    def _save_merge(self, merged: ReadoutDraft, theirs: Readout) -> None:
        # Saved on top of their version; undo brings back what the form held.
        self._saved, before = draft_of(theirs), self._draft
        self.show_draft(merged)
        self.undo_stack.push(FormEdit(self, before, merged, "conflict.merge.remove"))
        self.save()

    # ----- history --------------------------------------------------------------------

    def show_history(self) -> HistoryDialog | None:
        """Open the history of the readout being edited."""
        readout_id = self.readout_id()
        if readout_id is None:
            return None
        dialog = HistoryDialog(self.archive, readout_id, self, home_zone=self.home_zone)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.restored.connect(self._restored)
        dialog.open()
        return dialog

    def _restored(self, stored: Readout) -> None:
        # Pushed as an edit: undo brings back what the form held before the restore.
        draft = draft_of(stored)
        before = self._draft
        self._saved = draft
        self.show_draft(draft)
        self.undo_stack.push(FormEdit(self, before, draft, "history.restore.remove"))
        self._stored(stored, self.tr("Restored; now version {version}.").format(
            version=stored.version))

    def _stored(self, stored: Readout, message: str) -> None:
        """The form shows ``stored``: clean, said in the status bar, announced, selected."""
        self.undo_stack.setClean()
        self.statusBar().showMessage(message, 5000)
        self.saved.emit(stored)
        if self.host is not None:
            self.host.refresh(select_id=stored.id)

    # ----- closing --------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        """QWidget.closeEvent: ask about unsaved changes (Save, Discard, Cancel)."""
        if self._saving:
            self._close_after_save = True
            event.ignore()
            return
        if self.is_dirty():
            answer = questions.ask_about_unsaved_changes(self)
            if answer == QMessageBox.StandardButton.Cancel:
                event.ignore()
                return
            if answer == QMessageBox.StandardButton.Save:
                event.ignore()
                if self.save():
                    self._close_after_save = True
                return
        for runner in (self.runner, self.photos.runner, self.participants.runner,
                       self.topics.runner):
            runner.shutdown()
        super().closeEvent(event)
