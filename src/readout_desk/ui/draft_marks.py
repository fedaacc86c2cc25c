"""The editor's form fields marked by where a draft's values came from: tinted when read
from the text (the words as their tooltip, until the person changes the field), marked as
proposed when the text prints none (a title made from the section, kind and offices)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from readout_desk.domain.extract import Draft

#: Form fields (by object name) filled from a span of the text.
_FORM_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("titleField",), "section": ("sectionField",),
    "meeting_date": ("meetingDateField",), "published_date": ("publishedDateField",),
    "mode": ("modeField",), "occasion": ("occasionField",),
    "place": ("cityField", "countryField"),
}
EXTRACTED_STYLE = ("QLineEdit[extracted=\"true\"], QComboBox[extracted=\"true\"] "
                   "{ background: #fff2a8; } "
                   "QLineEdit[proposed=\"true\"] { background: #e8f0fe; font-style: italic; }")
PROPOSED_NOTE = ("Proposed from the section, the kind of meeting and the participants' "
                 "offices: the text prints no title.")


def italic(font: QFont) -> QFont:
    font.setItalic(True)
    return font


def mark_extracted(editor: QWidget, draft: Draft) -> list[QWidget]:
    """Tint the form fields the text filled, with the source words as their tooltip; the
    tint goes as soon as the user changes the field. Returns the marked widgets."""
    marked: list[QWidget] = []
    for key, names in _FORM_FIELDS.items():
        span = draft.spans.get(key)
        if span is None:
            continue
        words = " ".join(draft.source[span[0]:span[1]].split())
        for name in names:
            widget = editor.findChild(QWidget, name)
            if widget is None:
                continue
            widget.setProperty("extracted", True)
            widget.setToolTip(
                QCoreApplication.translate("DraftMarks", "Read from the text: “{words}”").format(
                    words=words))
            _clear_on_edit(widget)
            marked.append(widget)
    for key in draft.proposed:
        for name in _FORM_FIELDS.get(key, ()):
            widget = editor.findChild(QWidget, name)
            if widget is not None:
                widget.setProperty("proposed", True)
                widget.setToolTip(PROPOSED_NOTE)
                widget.setAccessibleDescription(
                    QCoreApplication.translate("DraftMarks", "Proposed: the text prints none"))
                marked.append(widget)
    editor.setStyleSheet(editor.styleSheet() + EXTRACTED_STYLE)
    return marked


def _clear_on_edit(widget: QWidget) -> None:
    def clear(*_args: object) -> None:
        if widget.property("extracted"):
            widget.setProperty("extracted", False)
            widget.setToolTip("")
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    if isinstance(widget, QLineEdit):
        widget.textEdited.connect(clear)
    elif isinstance(widget, QComboBox):
        widget.activated.connect(clear)
