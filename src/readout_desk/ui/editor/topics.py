"""Topics as tags: type a topic and press Enter (or a comma); topics complete from the archive."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QListView,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from readout_desk.archive import Archive, ArchiveError
from readout_desk.domain import geography
from readout_desk.domain.draft import Built, ReadoutDraft
from readout_desk.ui.editor.widgets import TextLine, button, section_group
from readout_desk.ui.tasks import TaskRunner


class TagList(QListWidget):
    """The topics as tags; Delete or Backspace removes the selected one (``removeRequested``)."""

    removeRequested = Signal()  # noqa: N815

    def keyPressEvent(self, event: QKeyEvent) -> None:  # QWidget.keyPressEvent
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.removeRequested.emit()
            return
        super().keyPressEvent(event)


class TopicsSection(QWidget):
    """A tag editor: an entry field with completion above the list of tags."""

    edited = Signal(str)

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.runner = TaskRunner(self, max_threads=1)  # topics known to the archive
        self._topics: list[str] = []
        layout = QVBoxLayout(section_group(self.tr("Topics"), "topicsGroup", self))
        entry = QHBoxLayout()
        self.entry = TextLine("topic_entry", "topicEntry", self.tr("New topic"),
                              self.tr("type a topic and press Enter, e.g. CPTPP"), self)
        self.add_button = button(
            self.tr("Add"), "topicAdd", self.tr("Add the topic typed (Enter)"), self)
        self.remove_button = button(self.tr("Remove"), "topicRemove",
                                    self.tr("Remove the selected topic (Delete)"), self)
        entry.addWidget(self.entry, 1)
        entry.addWidget(self.add_button)
        entry.addWidget(self.remove_button)
        layout.addLayout(entry)
        self.tags = TagList(self)
        self.tags.setObjectName("topicsList")
        self.tags.setAccessibleName(self.tr("Topics"))
        self.tags.setFlow(QListView.Flow.LeftToRight)
        self.tags.setWrapping(True)
        self.tags.setSpacing(4)
        self.tags.setMaximumHeight(70)
        layout.addWidget(self.tags)

        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setObjectName("topicCompleter")
        self.entry.setCompleter(completer)
        self.completer = completer
        self.entry.textEdited.connect(self._typed)
        self.entry.returnPressed.connect(self.add_typed)
        self.add_button.clicked.connect(self.add_typed)
        self.remove_button.clicked.connect(self.remove_selected)
        self.tags.removeRequested.connect(self.remove_selected)

    def _typed(self, text: str) -> None:
        if "," in text:
            *done, rest = text.split(",")
            for topic in done:
                self._add(topic)
            self.entry.setText(rest.lstrip())
            return
        prefix = text.strip()
        if prefix:
            archive = self.archive
            self.runner.run(lambda: archive.topics(prefix, limit=20),
                            lambda found: self._found(prefix, found), self._not_found)

    def _found(self, prefix: str, topics: list[str]) -> None:
        if self.entry.text().strip() != prefix:
            return  # typing went on: a newer list is on its way
        self._model.setStringList(topics)
        if topics and self.entry.hasFocus():
            self.completer.setCompletionPrefix(prefix)
            self.completer.complete()

    @staticmethod
    def _not_found(exc: BaseException) -> None:
        if not isinstance(exc, ArchiveError):
            raise exc

    def _add(self, topic: str) -> bool:
        topic = " ".join(topic.split())
        key = geography.match_key(topic)
        if not topic or any(geography.match_key(t) == key for t in self._topics):
            return False
        self._topics.append(topic)
        self.tags.addItem(topic)
        self.edited.emit("topics")
        return True

    def add_typed(self) -> None:
        """Add what is typed in the entry field as a topic."""
        popup = self.completer.popup()
        if popup is not None and popup.isVisible():
            popup.hide()
        self._add(self.entry.text())
        self.entry.clear()

    def remove_selected(self) -> None:
        """Remove the selected topic."""
        row = self.tags.currentRow()
        if row >= 0:
            del self._topics[row]
            self.tags.takeItem(row)
            self.edited.emit("topics")

    def set_draft(self, d: ReadoutDraft) -> None:
        """Show the draft's topics."""
        if list(d.topics) == self._topics:
            return
        self._topics = list(d.topics)
        self.tags.clear()
        self.tags.addItems(self._topics)

    def focus_order(self) -> list[QWidget]:
        """The fields in the order Tab visits them."""
        return [self.entry, self.add_button, self.remove_button, self.tags]

    def apply(self, d: ReadoutDraft) -> ReadoutDraft:
        """``d`` with the topics as shown."""
        return replace(d, topics=tuple(self._topics))

    def show_issues(self, built: Built) -> None:
        """Topics cannot be wrong."""
