"""Sentences for a person, made below the interface and translated by it.

A :class:`Message` is the English sentence itself (a ``str``: the command line prints it,
joins it and compares it as before, byte for byte) that also keeps the template it was made
from and its named values. The window turns it into its own language with the same
template as the source text of a translation (``ui/messages.py``), so the domain and the
archive never import Qt. A value may itself be a message ("Session 2: {problem}"), and is
translated in turn.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any


class Message(str):
    """An English sentence made from ``template`` and its named ``values``."""

    template: str
    values: Mapping[str, object]

    def __new__(cls, template: str, /, **values: object) -> Message:
        """The sentence ``template.format(**values)``, remembering both."""
        made = super().__new__(cls, template.format(**values))
        made.template = template
        made.values = values
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled and copied with its template and values (for a process pool)."""
        return (_rebuild, (self.template, dict(self.values)))


def _rebuild(template: str, values: dict[str, object]) -> Message:
    return Message(template, **values)


class Moment(str):
    """A clock time or a day as English writes it inside a sentence ("9:10 a.m.", "May 3"),
    keeping the time or day itself, so that the window writes it its own way (午前9時10分)."""

    value: dt.date | dt.datetime | dt.time
    kind: str  # "clock" or "day"

    def __new__(cls, text: str, value: dt.date | dt.datetime | dt.time, kind: str) -> Moment:
        """``text`` standing for ``value``, a ``kind`` of moment."""
        made = super().__new__(cls, text)
        made.value, made.kind = value, kind
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled and copied with its value."""
        return (Moment, (str(self), self.value, self.kind))


def of_error(exc: BaseException) -> str:
    """What an error says: the :class:`Message` it was raised with, else its text."""
    if len(exc.args) == 1 and isinstance(exc.args[0], Message):
        return exc.args[0]
    return str(exc)
