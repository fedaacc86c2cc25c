"""A readout's history: every saved version, what changed, and restoring an earlier one."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from readout_desk.archive import Archive, ArchiveError, VersionInfo
from readout_desk.domain import timing
from readout_desk.domain.records import Readout
from readout_desk.ui import parts
from readout_desk.ui.editor.changes import changes
from readout_desk.ui.language import translate
from readout_desk.ui.messages import error_text
from readout_desk.ui.tasks import TaskRunner


def saved_text(value: dt.datetime | None, zone: str | None = None) -> str:
    """When a version was saved, in the reader's home zone (UTC when none is known)."""
    if value is None:
        return translate("HistoryDialog", "time not recorded")
    return timing.format_instant(value, zone)


class HistoryDialog(QDialog):
    """The versions of one readout, newest first; ``restored`` carries the restored readout."""

    restored = Signal(object)
    loaded = Signal()  # the versions are listed

    def __init__(self, archive: Archive, readout_id: int, parent: QWidget | None = None,
                 home_zone: str | None = None) -> None:
        super().__init__(parent)
        self.home_zone = home_zone
        self.archive = archive
        self.readout_id = readout_id
        self.setObjectName("historyDialog")
        self.setWindowTitle(self.tr("Readout history"))
        self.setAccessibleName(self.tr("Readout history"))
        self.resize(900, 520)
        self._versions: list[tuple[int | None, Readout]] = []  # (version, None = current)
        self.runner = TaskRunner(self, max_threads=1)

        self.versions = QListWidget(self)
        self.versions.setObjectName("historyVersions")
        self.versions.setAccessibleName(self.tr("Saved versions"))
        self.changes = QTableWidget(0, 3, self)
        self.changes.setObjectName("historyChanges")
        self.changes.setAccessibleName(self.tr("What changed"))
        self.changes.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Before"),
                                                self.tr("After")])
        self.changes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.changes.verticalHeader().setVisible(False)
        # Rows follow their text as the columns are resized.
        self.changes.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.changes.setWordWrap(True)
        header = self.changes.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.compare_current = QCheckBox(self.tr("Compare with the current version"), self)
        self.compare_current.setObjectName("historyCompareCurrent")
        self.caption = QLabel(self)
        self.caption.setObjectName("historyCaption")
        self.caption.setWordWrap(True)

        right = parts.column(self, self.caption, self.changes, self.compare_current,
                             stretch=(0, 1))
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.versions)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        split.setSizes([300, 600])

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = self.buttons.addButton(
            self.tr("&Restore this version"), QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.setObjectName("historyRestore")
        self.restore_button.setToolTip(
            self.tr("Make the selected version current again; the current version stays in "
                    "the history"))
        self.buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        self.versions.currentRowChanged.connect(self._show_changes)
        self.compare_current.toggled.connect(lambda _on: self._show_changes(
            self.versions.currentRow()))

        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        self.reload()

    def reload(self) -> None:
        """Read the versions again from the archive (off the UI thread); ``loaded`` follows."""
        archive, readout_id = self.archive, self.readout_id

        def work() -> tuple[Readout, list[VersionInfo]]:
            return archive.get(readout_id), archive.history(readout_id)

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, ArchiveError):
                raise exc
            self.caption.setText(error_text(exc))

        self.runner.run(work, lambda found: self._show_versions(*found), failed)

    def _show_versions(self, current: Readout, history: list[VersionInfo]) -> None:
        self._versions = [(None, current)] + [(v.version, v.readout) for v in history]
        self.versions.blockSignals(True)
        self.versions.clear()
        item = QListWidgetItem(self.tr("Current (version {version}) — {saved}").format(
            version=current.version, saved=saved_text(current.updated_at, self.home_zone)))
        self.versions.addItem(item)
        for info in history:
            when = info.readout.updated_at or info.saved_at
            self.versions.addItem(QListWidgetItem(self.tr("Version {version} — {saved}").format(
                version=info.version, saved=saved_text(when, self.home_zone))))
        self.versions.blockSignals(False)
        self.versions.setCurrentRow(1 if len(self._versions) > 1 else 0)
        self._show_changes(self.versions.currentRow())
        self.loaded.emit()

    def version_labels(self) -> list[str]:
        """The versions as listed."""
        return [self.versions.item(i).text() for i in range(self.versions.count())]

    def _show_changes(self, row: int) -> None:
        if not 0 <= row < len(self._versions):
            return
        version, readout = self._versions[row]
        self.restore_button.setEnabled(version is not None)
        if version is None:
            if len(self._versions) > 1:
                before, after = self._versions[1][1], readout
                self.caption.setText(self.tr("What the last save changed:"))
            else:
                before = after = readout
                self.caption.setText(self.tr("This readout has been saved once; there is no "
                                             "earlier version."))
        elif self.compare_current.isChecked():
            before, after = readout, self._versions[0][1]
            self.caption.setText(
                self.tr("How version {version} differs from the current version:").format(
                        version=version))
        else:
            before, after = readout, self._versions[row - 1][1]
            self.caption.setText(
                self.tr("What the save after version {version} changed:").format(version=version))
        found = changes(before, after)
        self.changes.setRowCount(len(found))
        for r, change in enumerate(found):
            for c, text in enumerate((change.field, change.before, change.after)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.changes.setItem(r, c, item)

    def change_rows(self) -> list[tuple[str, str, str]]:
        """The changes shown, as (field, before, after)."""
        rows = []
        for r in range(self.changes.rowCount()):
            cells = [self.changes.item(r, c) for c in range(3)]
            rows.append(tuple(c.text() if c else "" for c in cells))
        return rows  # type: ignore[return-value]

    def restore_selected(self, *, confirm: bool = True) -> None:
        """Make the selected version current (asking first)."""
        row = self.versions.currentRow()
        if not 0 <= row < len(self._versions):
            return
        version, _readout = self._versions[row]
        if version is None:
            return
        if confirm and not parts.confirm(
                self, QMessageBox.Icon.Question, self.tr("Restore version"),
                self.tr("Make version {version} the current version? The current version is "
                        "kept in the history.").format(version=version), "confirmRestore",
                self.tr("Restore")):
            return
        archive, readout_id = self.archive, self.readout_id

        def done(restored: Readout) -> None:
            self.reload()
            self.restored.emit(restored)

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, (ArchiveError, ValueError)):
                raise exc
            self.restore_button.setEnabled(True)
            QMessageBox.warning(self, self.tr("Restore version"), error_text(exc))

        self.restore_button.setEnabled(False)
        self.runner.run(lambda: archive.restore_version(readout_id, version), done, failed)
