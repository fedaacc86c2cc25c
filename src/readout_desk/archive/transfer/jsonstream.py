"""Reading a JSON import one readout at a time, so a file of any size needs little memory.

The exchange format (:mod:`readout_desk.domain.jsonformat`) is a document whose readouts
are one list, a bare list, or one readout. Only the outer level needs reading by hand:
each readout (and each other value of the document) is decoded whole by the standard
library's own decoder (``json.JSONDecoder.raw_decode``, in C) from a window of the file
that slides on as readouts are taken. Memory therefore holds one window (a few
megabytes, or one readout if a readout is larger) whatever the file's size, and the
speed is that of ``json.loads``. A separate streaming parser (such as ``ijson``) would
give the same for a dependency, and its C speed only when it builds whole objects too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, TextIO

from readout_desk.domain import jsonformat

#: Characters read from the file at a time.
CHUNK = 1 << 20
#: One value (a readout, or the document's other fields) larger than this is refused.
MAX_VALUE_CHARS = 256 * 1024 * 1024

#: An error this near the end of the window may be a value the window cuts off (``nul``
#: of ``null``, half an escape): the window reads on before calling it an error.
_TAIL = 16

#: The only way a decoded string can hold a character no archive text may hold (NUL, half
#: of a surrogate pair): the decoder refuses them written plainly, and the file's own
#: decoding refuses lone surrogates. A valid pair (an emoji written as two escapes)
#: matches too, which only costs the closer look.
_ODD_ESCAPE = re.compile(r"\\u(?:0000|[dD][89a-fA-F][0-9a-fA-F]{2})")

_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


class JsonSyntaxError(ValueError):
    """Text that is not JSON; the message says where, by line and column."""

    def __init__(self, msg: str, line: int, column: int) -> None:
        self.msg, self.line, self.column = msg, line, column
        super().__init__(f"line {line}, column {column}: {msg}")


class _Window:
    """The part of the file being read, and how much of the file came before it."""

    def __init__(self, handle: TextIO) -> None:
        self.handle = handle
        self.text = ""
        self.pos = 0
        self.eof = False
        self.lines_before = 0  # newlines in the text already dropped
        self.last_line_start = 0  # where the line holding ``text[0]`` started, before it
        self.odd_escape = True  # whether the last value read may hold an unstorable character

    def more(self) -> bool:
        """Read another chunk (dropping what was read); False at the end of the file."""
        if self.eof:
            return False
        dropped = self.text[:self.pos]
        newlines = dropped.count("\n")
        if newlines:
            self.lines_before += newlines
            self.last_line_start = -(len(dropped) - dropped.rfind("\n") - 1)
        else:
            self.last_line_start -= len(dropped)
        chunk = self.handle.read(CHUNK)
        self.text = self.text[self.pos:] + chunk
        self.pos = 0
        if not chunk:
            self.eof = True
        return bool(chunk)

    def where(self, pos: int) -> tuple[int, int]:
        """The line and column (from 1) of ``pos`` in the window."""
        before = self.text[:pos]
        newlines = before.count("\n")
        if newlines:
            return self.lines_before + newlines + 1, pos - before.rfind("\n")
        return self.lines_before + 1, pos - self.last_line_start + 1

    def error(self, msg: str, pos: int | None = None) -> JsonSyntaxError:
        line, column = self.where(self.pos if pos is None else pos)
        return JsonSyntaxError(msg, line, column)

    def peek(self) -> str:
        """The next character that is not white space ("" at the end of the file)."""
        while True:
            self.pos = _SPACE.match(self.text, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.text) or not self.more():
                return self.text[self.pos:self.pos + 1]

    def expect(self, char: str, what: str) -> None:
        if self.peek() != char:
            raise self.error(f"Expecting {what}")
        self.pos += 1

    def next_member(self, close: str) -> bool:
        """Past the comma or the ``close`` after a member of a list or an object: whether
        another member follows."""
        after = self.peek()
        self.pos += 1
        if after == close:
            return False
        if after != ",":
            raise self.error("Expecting ',' delimiter", self.pos - 1)
        return True

    def value(self) -> Any:
        """The next JSON value, decoded whole."""
        self.peek()
        while True:
            try:
                value, end = _DECODER.raw_decode(self.text, self.pos)
            except json.JSONDecodeError as exc:
                # Cut off by the end of the window, not wrong: read on and try again.
                cut = (exc.pos >= len(self.text) - _TAIL
                       or exc.msg.startswith("Unterminated string"))
                if cut and not self.eof and len(self.text) - self.pos < MAX_VALUE_CHARS:
                    self.more()
                    continue
                if cut and not self.eof:
                    raise self.error(f"a value longer than {MAX_VALUE_CHARS // 2**20} million "
                                     "characters") from None
                raise self.error(exc.msg, exc.pos) from None
            # A number at the very end of the window may go on in the next chunk.
            if end >= len(self.text) and not self.eof and self.more():
                continue
            self.odd_escape = _ODD_ESCAPE.search(self.text, self.pos, end) is not None
            self.pos = end
            return value


def _items(window: _Window, where: str) -> Iterator[tuple[str, Any, bool]]:
    """The values of the list that starts at the window's position, with their places and
    whether each is plain text (see :func:`readout_objects`)."""
    window.expect("[", "'['")
    if window.peek() == "]":
        window.pos += 1
        return
    index = 0
    while True:
        value = window.value()
        yield f"{where}[{index}]", value, not window.odd_escape
        index += 1
        if not window.next_member("]"):
            return


def _check_document(fields: dict[str, Any]) -> None:
    """The document's own fields (all but its readouts), checked as the reader checks them."""
    probe = dict(fields, readouts=[])
    jsonformat.readouts_from_json(probe)


def readout_objects(handle: TextIO) -> Iterator[tuple[str, Any, bool]]:
    """Each readout object of a JSON import with its place ("readouts[3]"), in file order,
    and whether its text is *plain*: written without an escape that could make a NUL or a
    lone surrogate, so that its strings hold only characters an archive can store.

    Raises :class:`JsonSyntaxError` for text that is not JSON and
    :class:`~readout_desk.domain.jsonformat.FormatError` for a document that does not
    describe readouts (its fields are checked as soon as they have been read).
    """
    window = _Window(handle)
    first = window.peek()
    if first == "[":
        yield from _items(window, "")
    elif first == "{":
        yield from _object(window)
    else:
        yield "readout", window.value(), False  # not a readout: the reader says what it is
    if window.peek():
        raise window.error("Extra data")


def _object(window: _Window) -> Iterator[tuple[str, Any, bool]]:
    """A document's readouts as they come, or the one readout an object is."""
    window.pos += 1
    fields: dict[str, Any] = {}
    streamed = False
    while True:
        if window.peek() == "}" and not fields and not streamed:
            window.pos += 1
            break
        start = window.pos
        key = window.value()
        if not isinstance(key, str):
            raise window.error("Expecting property name enclosed in double quotes", start)
        window.expect(":", "':' delimiter")
        if key == "readouts" and not streamed and window.peek() == "[":
            _check_document(fields)
            streamed = True
            yield from (("readouts" + where, item, plain)
                        for where, item, plain in _items(window, ""))
        else:
            fields[key] = window.value()
            if streamed:
                _check_document(fields)
        if not window.next_member("}"):
            break
    if not streamed:
        # No list of readouts: a single readout, or a document whose readouts are not a
        # list (small either way; the reader says what is wrong with the latter).
        if "readouts" in fields:
            jsonformat.readouts_from_json(fields)
        yield "readout", fields, False
