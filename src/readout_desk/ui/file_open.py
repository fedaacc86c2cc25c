"""Files handed to the program: ``readout-desk export.json``, ``readout-desk readout.txt``,
a double-click or "Open with" in the file manager, or a later launch passing its file to
the running window.

A ``.json`` export is offered for import (after a confirmation, never silently). Any other
file whose bytes are text (a readout saved as ``.txt`` or ``.html``, whatever its name) is
read as New from Text reads it: the draft opens in the editor beside its source, for
review; nothing is saved until the person saves. A file that cannot be read, a binary
one (a picture, a PDF, a word processor's file) and an archive get a sentence saying why.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

from readout_desk.ui import parts
from readout_desk.ui.messages import error_text, message_text

if TYPE_CHECKING:
    from readout_desk.archive import Archive
    from readout_desk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

IMPORTABLE_SUFFIXES = frozenset({".json"})
SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class ImportOutcome:
    """What an import of opened files did, as the user reads it."""

    imported_ids: tuple[int, ...]
    lines: tuple[str, ...]


def import_json_files(archive: Archive, files: Sequence[Path]) -> ImportOutcome:
    """Import JSON exports into ``archive`` (runs off the UI thread).

    Uses the import engine (duplicates skipped, one transaction per file) when it is
    installed, else adds the readouts of each file in one transaction.
    """
    try:
        from readout_desk.archive import import_files
    except ImportError:
        return _add_json_files(archive, files)
    summary = import_files(archive, list(files))
    return ImportOutcome(tuple(summary.imported_ids),
                         tuple(message_text(line) for line in summary.lines()))


def _add_json_files(archive: Archive, files: Sequence[Path]) -> ImportOutcome:
    import json

    from readout_desk.domain import jsonformat
    from readout_desk.domain.validation import InvalidReadoutError

    ids: list[int] = []
    lines: list[str] = []
    for path in files:
        try:
            data = json.loads(path.read_bytes().decode("utf-8-sig"))
            readouts = [r.with_id(None) for r in jsonformat.readouts_from_json(data)]
            if not readouts:
                lines.append(QCoreApplication.translate(
                    "FileOpen", "Nothing imported from {name}: it holds no readouts.").format(
                        name=path.name))
                continue
            added = archive.add_many(readouts)
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, jsonformat.FormatError,
                InvalidReadoutError) as exc:
            lines.append(QCoreApplication.translate(
                "FileOpen", "Nothing imported from {name}: {exc}").format(name=path.name,
                                                                 exc=error_text(exc)))
            continue
        ids.extend(added)
        n = len(added)
        lines.append((QCoreApplication.translate("FileOpen", "Imported %n readout from {name}.",
                                                 "", n) if n == 1 else
                      QCoreApplication.translate("FileOpen", "Imported %n readouts from {name}.",
                                                 "", n)).format(name=path.name))
    return ImportOutcome(tuple(ids), tuple(lines))


def _looks_like_archive(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


class FileOpener(QObject):
    """Turns opened files into import offers for one window."""

    #: The summary lines after an import finished (or failed), for listeners and tests.
    importFinished = Signal(list)  # noqa: N815 - Qt signal naming

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("fileOpener")
        self._window = window
        self._texts: list[tuple[Path, bytes]] = []  # text files waiting to be read

    def open_files(self, files: Sequence[str | Path]) -> None:
        """Offer the ``.json`` files among ``files`` for import, read the texts among them
        into drafts for review; explain the rest."""
        importable: list[Path] = []
        texts: list[tuple[Path, bytes]] = []
        refused: list[str] = []
        for name in files:
            path = Path(name).expanduser().absolute()
            if not path.is_file():
                refused.append(self.tr("There is no file {path}.").format(path=path))
            elif path.suffix.lower() in IMPORTABLE_SUFFIXES:
                importable.append(path)
            elif _looks_like_archive(path):
                refused.append(self.tr("{name} is an archive. To work in it, start Readout "
                                       "Desk with: readout-desk --db \"{path}\"").format(
                                           name=path.name, path=path))
            else:
                data, problem = self._text_of(path)
                if problem:
                    refused.append(problem)
                else:
                    texts.append((path, data))
        if texts and self._window.archive.read_only:
            where = self._window.archive.path or self._window.archive.location
            refused.extend(self.tr("The archive {where} is open read-only, so no readout can "
                                   "be added from {name}.").format(where=where, name=path.name)
                           for path, _data in texts)
            texts = []
        if refused:
            self._tell(self.tr("Cannot open"), "\n\n".join(refused), "fileOpenRefused",
                       QMessageBox.Icon.Information)
        if importable:
            self.offer_import(importable)
        if texts:
            self._texts.extend(texts)
            self._read_next_text()

    def _text_of(self, path: Path) -> tuple[bytes, str]:
        """The bytes of a file to be read as a readout's text, or why it cannot be."""
        from readout_desk.domain.extract import MAX_INPUT_BYTES, binary_problem

        try:
            size = path.stat().st_size
            if size > MAX_INPUT_BYTES:
                return b"", self.tr("{name} is {size} MB: a readout's text is a few pages, so "
                                    "it is not read.").format(name=path.name,
                                                              size=f"{size / 1_048_576:.1f}")
            data = path.read_bytes()
        except OSError as exc:
            return b"", self.tr("{name} cannot be read: {reason}.").format(
                name=path.name, reason=exc.strerror or exc)
        problem = binary_problem(data[:8192])
        if problem is not None:
            return b"", self.tr("{name} is not a Readout Desk export (.json). {reason}").format(
                name=path.name, reason=message_text(problem))
        if not data.strip():
            return b"", self.tr("{name} is empty: there is no readout in it.").format(
                name=path.name)
        return data, ""

    def _read_next_text(self) -> None:
        """Read the next text file given into a draft, in the editor beside its source
        (one at a time: each opens in an editor of its own)."""
        from readout_desk.ui.paste import Extraction

        if not self._texts:
            return
        found = self._window.findChild(Extraction, "pasteExtraction")
        extraction = found if isinstance(found, Extraction) else Extraction(self._window)
        if extraction.busy:  # a pasted text is being read: this file's turn comes after
            QTimer.singleShot(200, self._read_next_text)
            return
        path, data = self._texts.pop(0)

        def failed(message: str) -> None:
            self._tell(self.tr("Cannot open"),
                       self.tr("{name} cannot be read as a readout: {reason}").format(
                           name=path.name, reason=message),
                       "fileOpenRefused", QMessageBox.Icon.Information)
            self._read_next_text()

        extraction.start(data, on_done=self._read_next_text, on_error=failed, kind="file",
                         name=path.name)

    def offer_import(self, files: Sequence[Path]) -> None:
        """Ask whether to import ``files``; import them off the UI thread if so."""
        window = self._window
        names = "\n".join(f"  {f.name}" for f in files)
        archive = window.archive
        where = str(archive.path) if archive.path is not None else archive.location
        if archive.read_only:
            self._tell(self.tr("Cannot import"),
                       self.tr("The archive {where} is open read-only, so the readouts in\n"
                               "{names}\ncannot be added to it.").format(where=where,
                                                                         names=names),
                       "importRefusedDialog",
                       QMessageBox.Icon.Warning)
            return
        box, accept = parts.question(
            window, QMessageBox.Icon.Question, self.tr("Import readouts"),
            self.tr("Import the readouts in\n{names}\ninto the archive {where}?\n\n"
                    "Readouts already in the archive are skipped.").format(names=names,
                                                                           where=where),
            "importOfferDialog", self.tr("&Import"),
            answer_name="importOfferAccept")
        box.button(QMessageBox.StandardButton.Cancel).setObjectName("importOfferCancel")
        box.setDefaultButton(accept)
        chosen = list(files)

        def answered() -> None:
            box.deleteLater()
            if box.clickedButton() is accept:
                self._start_import(chosen)

        box.finished.connect(answered)
        box.open()

    def _start_import(self, files: list[Path]) -> None:
        window = self._window
        archive = window.archive
        window.statusBar().showMessage(self.tr("Importing %n file(s)…", "", len(files)))
        window.runner.run(lambda: import_json_files(archive, files),
                          self._imported, self._failed)

    def _imported(self, outcome: ImportOutcome) -> None:
        window = self._window
        window.statusBar().clearMessage()
        window.refresh(select_id=outcome.imported_ids[0] if outcome.imported_ids else None)
        self._tell(self.tr("Import finished"), "\n".join(outcome.lines), "importResultDialog",
                   QMessageBox.Icon.Information)
        self.importFinished.emit(list(outcome.lines))

    def _failed(self, exc: BaseException) -> None:
        self._window.statusBar().clearMessage()
        log.error("Import of opened files failed", exc_info=exc)
        line = self.tr("Nothing was imported: {exc}").format(exc=error_text(exc))
        self._tell(self.tr("Import failed"), line, "importResultDialog", QMessageBox.Icon.Warning)
        self.importFinished.emit([line])

    def _tell(self, title: str, text: str, name: str, icon: QMessageBox.Icon) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self._window)
        box.setObjectName(name)
        box.finished.connect(box.deleteLater)
        box.open()


def opener(window: MainWindow) -> FileOpener:
    """The window's file opener (created on first use)."""
    found = window.findChild(FileOpener, "fileOpener")
    return found if isinstance(found, FileOpener) else FileOpener(window)


def open_files(window: MainWindow, files: Sequence[str | Path]) -> None:
    """Handle files given on the command line or by a later launch."""
    if files:
        opener(window).open_files(files)
