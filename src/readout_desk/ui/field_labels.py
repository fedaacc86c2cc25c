"""A field of a readout named as a person reads it, in the interface's language:
"sessions[1].printed_other" is "Session 2 printed time", as New from Text lists the fields it
read from the text."""

from __future__ import annotations

from readout_desk.ui.language import QT_TRANSLATE_NOOP, translate

# Field names and how the parts of a field path read, translated where they are shown.
_FIELD_NAMES = {
    "title": QT_TRANSLATE_NOOP("FieldLabel", "Title"),
    "section": QT_TRANSLATE_NOOP("FieldLabel", "Section"),
    "published_date": QT_TRANSLATE_NOOP("FieldLabel", "Published"),
    "meeting_date": QT_TRANSLATE_NOOP("FieldLabel", "Meeting date"),
    "mode": QT_TRANSLATE_NOOP("FieldLabel", "Mode"),
    "place": QT_TRANSLATE_NOOP("FieldLabel", "Place"),
    "occasion": QT_TRANSLATE_NOOP("FieldLabel", "Occasion"),
}
_SUB_NAMES = {"office": QT_TRANSLATE_NOOP("FieldLabel", "{item} office"),
              "start": QT_TRANSLATE_NOOP("FieldLabel", "{item} start"),
              "duration": QT_TRANSLATE_NOOP("FieldLabel", "{item} duration"),
              "printed_other": QT_TRANSLATE_NOOP("FieldLabel", "{item} printed time")}
_LIST_NAMES = {  # (one of them, the numbered one)
    "participants": (QT_TRANSLATE_NOOP("FieldLabel", "Participant"),
                     QT_TRANSLATE_NOOP("FieldLabel", "Participant {number}")),
    "sessions": (QT_TRANSLATE_NOOP("FieldLabel", "Session"),
                 QT_TRANSLATE_NOOP("FieldLabel", "Session {number}")),
    "points": (QT_TRANSLATE_NOOP("FieldLabel", "Point"),
               QT_TRANSLATE_NOOP("FieldLabel", "Point {number}")),
    "photos": (QT_TRANSLATE_NOOP("FieldLabel", "Photo caption"),
               QT_TRANSLATE_NOOP("FieldLabel", "Photo caption {number}")),
    "topics": (QT_TRANSLATE_NOOP("FieldLabel", "Topic"),
               QT_TRANSLATE_NOOP("FieldLabel", "Topic {number}")),
}


def field_label(key: str) -> str:
    """A field path as a person reads it: "sessions[1].printed_other" -> "Session 2 printed
    time"."""
    def shown(text: str) -> str:
        return translate("FieldLabel", text)

    if key in _FIELD_NAMES:
        return shown(_FIELD_NAMES[key])
    head, _, sub = key.partition(".")
    name, _, index = head.partition("[")
    number = int(index.rstrip("]") or 0) + 1 if index else 0
    one, numbered = _LIST_NAMES.get(name, (name, name + " {number}"))
    label = shown(numbered).format(number=number) if number else shown(one)
    if not sub:
        return label
    return shown(_SUB_NAMES[sub]).format(item=label) if sub in _SUB_NAMES else f"{label} {sub}"
