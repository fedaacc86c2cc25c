"""The Source tab beside the readout: what it was read from, the fields' words marked,
and Read Again to compare a newer extractor's reading field by field.

The text is escaped (:func:`readout_desk.domain.sources.marked_html`) and the browser
loads nothing at all, so a page's snapshot can hold anything: it is only ever text here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from readout_desk.domain.records import Readout
from readout_desk.domain.sources import marked_html
from readout_desk.ui.language import QT_TRANSLATE_NOOP
from readout_desk.ui.settings import format_date

if TYPE_CHECKING:
    from readout_desk.ui.main_window import MainWindow

KIND_WORDS = {"text": QT_TRANSLATE_NOOP("SourcePane", "Pasted text"),
              "file": QT_TRANSLATE_NOOP("SourcePane", "File"),
              "page": QT_TRANSLATE_NOOP("SourcePane", "Web page")}


class SourceText(QTextBrowser):
    """The source text, read-only, marks and all; it never loads a resource."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourceText")
        self.setAccessibleName(self.tr("Source text"))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.requested_urls: list[QUrl] = []

    def loadResource(self, kind: int, url: QUrl | str) -> Any:
        """QTextBrowser.loadResource: refuses everything (a source is only text here)."""
        self.requested_urls.append(QUrl(url) if isinstance(url, str) else QUrl(url))
        return None


class SourcePane(QWidget):
    """Where the shown readout came from, with its text; Read Again compares readings."""

    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourcePane")
        self.window_ = window
        self.readout: Readout | None = None
        self.about = QLabel(self)
        self.about.setObjectName("sourceAbout")
        self.about.setWordWrap(True)
        self.text = SourceText(self)
        self.reread_button = QPushButton(self.tr("Read &Again…"), self)
        self.reread_button.setObjectName("rereadButton")
        self.reread_button.setToolTip(self.tr("Read the kept source again with this version's "
                                              "extractor and choose, field by field, what to "
                                              "take"))
        self.reread_button.clicked.connect(self._reread)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.about)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.reread_button)
        self._text_laid_out = True
        self.show_readout(None)

    def show_readout(self, readout: Readout | None) -> None:
        """Show the source of ``readout`` (or say there is none). Behind the Readout tab,
        its text is laid out when the tab is first shown: a page's snapshot can take
        longer to lay out than the readout, and the reading pane follows every row."""
        self.readout = readout
        self._text_laid_out = False
        if self.isVisible():
            self._lay_out_text()
        source = readout.source if readout is not None else None
        if source is None:
            self.about.setText(self.tr("This readout keeps no source: it was typed in or "
                                       "imported without one.") if readout is not None else "")
            self.reread_button.setEnabled(False)
            return
        facts = [QCoreApplication.translate("SourcePane", KIND_WORDS[source.kind])
                 if source.kind in KIND_WORDS else source.kind]
        if source.name:
            facts.append(source.name)
        if source.url:
            facts.append(source.url)
        if source.retrieved_at:
            facts.append(self.tr("retrieved {date} {time} UTC").format(
                date=format_date(source.retrieved_at.date(), "long"),
                time=f"{source.retrieved_at:%H:%M}"))
        self.about.setText(" · ".join(facts))
        self.reread_button.setEnabled(not self.window_.archive.read_only
                                      and readout is not None and readout.id is not None)

    def _lay_out_text(self) -> None:
        if not self._text_laid_out:
            self._text_laid_out = True
            source = self.readout.source if self.readout is not None else None
            self.text.setHtml(marked_html(source) if source is not None else "")

    def showEvent(self, event: QShowEvent) -> None:
        """QWidget.showEvent: the text of the readout shown meanwhile is laid out now."""
        self._lay_out_text()
        super().showEvent(event)

    def plain_text(self) -> str:
        """The source text as shown."""
        self._lay_out_text()
        return self.text.toPlainText()

    def _reread(self) -> None:
        from readout_desk.ui.reextract import reread

        if self.readout is not None:
            reread(self.window_, self.readout)


def install(window: MainWindow) -> None:
    """Put the reading pane and the Source tab side by side in tabs."""
    splitter = window.reading_splitter
    index = splitter.indexOf(window.detail)
    tabs = QTabWidget(window)
    tabs.setObjectName("detailTabs")
    # Tab goes from the results straight into the readout; Ctrl+Tab switches the tabs.
    tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)
    state = splitter.saveState()  # the sizes set or restored so far, shown or not
    if index >= 0:
        splitter.replaceWidget(index, tabs)
    else:
        splitter.addWidget(tabs)
    tabs.addTab(window.detail, QCoreApplication.translate("SourceView", "Readout"))
    pane = SourcePane(window, tabs)
    tabs.addTab(pane, QCoreApplication.translate("SourceView", "Source"))
    tabs.setTabToolTip(1, QCoreApplication.translate(
        "SourceView", "What the readout was read from, with the fields' words marked"))
    window.detail.readoutShown.connect(pane.show_readout)
    # The tabs take the reading pane's place and share of the width.
    splitter.setStretchFactor(splitter.indexOf(tabs), 2)
    splitter.restoreState(state)
    QWidget.setTabOrder(window.results, window.detail)
