"""Photos: image files with captions, shown as thumbnails.

Files added here stay where they are until the readout is saved; saving copies them
into the archive's attachment folder (see :mod:`readout_desk.ui.editor.saving`).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QImage, QImageReader, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from readout_desk.domain.draft import Built, PhotoDraft, ReadoutDraft
from readout_desk.ui.editor.rows import ListSection, kept_row, remove_current
from readout_desk.ui.editor.widgets import (
    IssueLabel,
    TextLine,
    button,
    button_line,
    key_in,
    section_group,
)
from readout_desk.ui.tasks import TaskRunner

THUMB = QSize(96, 72)
IMAGE_FILTER = "Images (*.png *.jpg *.jpeg *.gif *.webp *.bmp *.tif *.tiff)"


def thumbnail(path: Path) -> QImage:
    """A small picture of the image at ``path`` (read at reduced size); null if unreadable.

    Safe to call off the UI thread (it makes a QImage, not a QPixmap).
    """
    if not path.is_file():
        return QImage()
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid():
        reader.setScaledSize(size.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio))
    return reader.read()


class PhotosSection(ListSection[PhotoDraft]):
    """Thumbnails with captions; add image files, remove, edit a caption."""

    prefix = "photos"

    def __init__(self, attachments_dir: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.attachments_dir = attachments_dir
        self._thumbs: dict[str, QPixmap] = {}
        self._loading_thumbs: set[str] = set()
        self.runner = TaskRunner(self, max_threads=1)
        layout = QVBoxLayout(section_group(self.tr("Photos"), "photosGroup", self))
        self.list = QListWidget(self)
        self.list.setObjectName("photosList")
        self.list.setAccessibleName(self.tr("Photos"))
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(THUMB)
        self.list.setGridSize(QSize(THUMB.width() + 60, THUMB.height() + 40))
        self.list.setWordWrap(True)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setMaximumHeight(THUMB.height() + 60)
        self.list.setMinimumHeight(THUMB.height() + 50)
        layout.addWidget(self.list)
        self.add_button = button(self.tr("Add images…"), "photosAdd",
                                 self.tr("Add image files"), self, self._choose_files)
        self.caption_button = button(
            self.tr("Add caption only"), "photosAddCaption",
            self.tr("Add a caption for a photo that is not at hand"), self, self._add_caption_only)
        self.remove_button = button(self.tr("Remove"), "photosRemove",
                                    self.tr("Remove the selected photo (Delete)"), self,
                                    self._remove_current)
        layout.addLayout(button_line(self.add_button, self.caption_button, self.remove_button))
        form = QFormLayout()
        self.caption = TextLine("caption", "captionField", self.tr("Photo caption"),
                                self.tr("what the photo shows, as captioned"), self)
        self.issue = IssueLabel("photoIssue", self)
        form.addRow(self.tr("Caption:"), self.caption)
        form.addRow("", self.issue)
        layout.addLayout(form)
        if attachments_dir is None:
            self.add_button.setEnabled(False)
            self.add_button.setToolTip(
                self.tr("This archive has no folder for images (it is kept in memory)"))

        self.caption.edited.connect(self._field_edited)
        self.list.currentRowChanged.connect(self._show_current)
        key_in(self.list, QKeySequence(QKeySequence.StandardKey.Delete), self._remove_current)
        self._begin(self.list.currentRow, PhotoDraft(), self.caption, self.remove_button)

    def _path(self, p: PhotoDraft) -> Path | None:
        if p.source:
            return Path(p.source)
        if p.file and self.attachments_dir is not None:
            return self.attachments_dir / p.file
        return None

    def _icon(self, p: PhotoDraft) -> QIcon:
        path = self._path(p)
        if path is None:
            return QIcon()
        key = str(path)
        if key in self._thumbs:
            return QIcon(self._thumbs[key])
        if key not in self._loading_thumbs:
            # Large photos take a while to read: read them off the UI thread.
            self._loading_thumbs.add(key)
            self.runner.run(lambda: thumbnail(path),
                            lambda image: self._thumbnail_read(key, image),
                            lambda _exc: self._thumbnail_read(key, QImage()))
        return QIcon()

    def _thumbnail_read(self, key: str, image: QImage) -> None:
        self._loading_thumbs.discard(key)
        self._thumbs[key] = QPixmap.fromImage(image) if not image.isNull() else QPixmap()
        for row, p in enumerate(self._items):
            path = self._path(p)
            item = self.list.item(row)
            if path is not None and str(path) == key and item is not None:
                item.setIcon(QIcon(self._thumbs[key]))

    def has_thumbnail(self, row: int) -> bool:
        """Whether the photo in ``row`` shows a picture."""
        item = self.list.item(row)
        return item is not None and not item.icon().isNull()

    def _fill(self, current: int) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for p in self._items:
            item = QListWidgetItem(self._icon(p), p.caption or self.tr("(no caption)"))
            item.setToolTip(p.caption)
            self.list.addItem(item)
        self.list.setCurrentRow(current)
        self.list.blockSignals(False)
        self._show_current(current)

    def _choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(self, self.tr("Add photos"), "", IMAGE_FILTER)
        if names:
            self.add_files([Path(n) for n in names])

    def add_files(self, paths: list[Path]) -> None:
        """Add image files (copied into the archive when the readout is saved)."""
        for path in paths:
            self._items.append(PhotoDraft(caption="", source=str(path.resolve())))
        self._fill(len(self._items) - 1)
        self.edited.emit("photos.add")
        self.caption.setFocus()

    def _add_caption_only(self) -> None:
        self._items.append(PhotoDraft())
        self._fill(len(self._items) - 1)
        self.edited.emit("photos.add")
        self.caption.setFocus(Qt.FocusReason.OtherFocusReason)  # type the caption at once
        self.caption.setFocus()

    def _remove_current(self) -> None:
        if remove_current(self.list, self._items, self._fill):
            self.edited.emit("photos.remove")

    def _load(self, item: PhotoDraft) -> None:
        self.caption.set_value(item.caption)

    def _read(self, old: PhotoDraft, key: str) -> PhotoDraft:
        return replace(old, caption=self.caption.text())

    def _show_row(self, row: int, old: PhotoDraft, item: PhotoDraft) -> None:
        self.list.item(row).setText(item.caption or self.tr("(no caption)"))

    def set_draft(self, d: ReadoutDraft) -> None:
        """Show the draft's photos."""
        if list(d.photos) == self._items:
            return
        self._items = list(d.photos)
        self._fill(kept_row(self.list.currentRow(), len(self._items)))

    def focus_order(self) -> list[QWidget]:
        """The fields in the order Tab visits them."""
        return [self.list, self.add_button, self.caption_button, self.remove_button,
                self.caption]

    def apply(self, d: ReadoutDraft) -> ReadoutDraft:
        """``d`` with the photos as shown."""
        return replace(d, photos=tuple(self._items))

    def show_issues(self, built: Built) -> None:
        """Show problems of the current photo."""
        self.issue.show_issues(built.for_key(f"photos.{self.list.currentRow()}"))
