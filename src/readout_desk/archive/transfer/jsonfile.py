"""A JSON import file read in this process: its readouts one at a time, its problems told in
one sentence, and the problems of its readouts counted.

The file's text is decoded as it is read (UTF-8, with or without a byte order mark, or
UTF-16) and cut into readout objects by :mod:`.jsonstream`; each object becomes a
:class:`~readout_desk.domain.records.Readout` (:func:`readout_of`). Whatever stops the
reading (text that is not JSON, a document that does not describe readouts) is a
:class:`FileProblem`; a readout that reads but fails its checks is one of the file's
:class:`Problems`, which are counted to the end of the file before the file is refused.
The import reads a file so here, or in other processes (:mod:`.readers`) that use the
same pieces.
"""

from __future__ import annotations

import io
import os
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from readout_desk.archive.transfer import jsonstream
from readout_desk.archive.writes import Prepared
from readout_desk.domain import jsonformat, jsonread
from readout_desk.domain.records import Readout


class FileProblem(Exception):
    """A file that cannot be imported; the message says why in one sentence."""


def describe(r: Readout | Prepared) -> str:
    """A readout as one short line for a summary: "2023-05-03 Japan-Peru Foreign …"."""
    if isinstance(r, Prepared):  # the date as stored on SQLite is already ISO text
        when, title, section = (r.main["meeting_date"], r.main["title"], r.main["section"])
    else:
        when, title, section = r.meeting_date, r.title, r.section
    day = (when if isinstance(when, str) else when.isoformat()) if when else "undated"
    return f"{day} {title or section or '(untitled)'}"


def utf16(raw: bytes) -> str | None:
    """The UTF-16 codec a file is written in (by its byte order mark, or by the zero
    bytes that Latin letters have in UTF-16), or ``None`` for other text."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = raw[:4096]
    if len(sample) >= 4 and sample.count(0) * 3 >= len(sample):
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        return "utf-16-le" if odd > even else "utf-16-be"
    return None


def json_stream(path: Path, opened: list[IO[bytes]] | None = None) -> io.TextIOWrapper:
    """The file as text in its encoding (UTF-8, with or without a byte order mark, or
    UTF-16), read as it is consumed; the file itself is added to ``opened``."""
    try:
        raw = path.open("rb")
    except FileNotFoundError:
        raise FileProblem("the file does not exist.") from None
    except OSError as exc:
        raise FileProblem(f"the file cannot be read ({exc.strerror}).") from None
    wide = utf16(raw.peek(4096)[:4096])
    if opened is not None:
        opened.append(raw)
    return io.TextIOWrapper(raw, encoding=wide or "utf-8-sig", newline="")


def share_read(opened: list[IO[bytes]]) -> float | None:
    """How much of the file last opened (:func:`json_stream`) has been read, from 0 to 1,
    or ``None`` when that cannot be told."""
    try:
        raw = opened[-1]
        return raw.tell() / max(1, os.fstat(raw.fileno()).st_size)
    except (IndexError, OSError, ValueError):
        return None


@contextmanager
def told_in_one_sentence() -> Iterator[None]:
    """What stops the reading of a JSON file, as a :class:`FileProblem`."""
    try:
        yield
    except jsonstream.JsonSyntaxError as exc:
        raise FileProblem(f"not valid JSON (line {exc.line}, column {exc.column}: "
                          f"{exc.msg}).") from None
    except RecursionError:
        raise FileProblem("the JSON is nested too deeply to be a readout document.") from None
    except jsonformat.FormatError as exc:
        raise FileProblem(f"{exc}.") from None
    except UnicodeDecodeError as exc:
        what = "UTF-8" if "utf-8" in exc.encoding else exc.encoding.upper()
        raise FileProblem(f"the file is not {what} text.") from None
    except ValueError as exc:  # an integer of thousands of digits
        raise FileProblem(f"the JSON cannot be read: {exc}.") from None


def readout_objects(path: Path, opened: list[IO[bytes]] | None = None
                    ) -> Generator[tuple[str, Any, bool], None, None]:
    """A JSON file's readout objects, undecoded, with their places and whether each is
    plain text (:func:`.jsonstream.readout_objects`); the file goes into ``opened``."""
    with json_stream(path, opened) as handle, told_in_one_sentence():
        yield from jsonstream.readout_objects(handle)


def readout_of(data: Any, where: str) -> Readout:
    """The readout a readout object describes (:class:`FileProblem` if it describes none)."""
    with told_in_one_sentence():
        return jsonread.readout_from_dict(data, where)


def iter_json(path: Path, opened: list[IO[bytes]] | None = None
              ) -> Iterator[tuple[Readout, bool]]:
    """A JSON file's readouts, one at a time (the file goes into ``opened``: how far?), each
    with whether its text is plain (:func:`.jsonstream.readout_objects`)."""
    for where, data, plain in readout_objects(path, opened):
        yield readout_of(data, where), plain


@dataclass
class Problems:
    """The problems found in a file's readouts: the first, said, and how many others."""

    first: tuple[int, str] | None = None  # the readout's number in the file, and the line
    more: int = 0

    def add(self, number: int, r: Readout, found: list[str]) -> None:
        """Count the problems ``found`` in the ``number``-th readout (from 1) of the file."""
        if not found:
            return
        if self.first is None:
            self.first = (number, f"readout {number} ({describe(r)}): {found[0]}")
            self.more += len(found) - 1
        else:
            self.more += len(found)

    def joined(self, other: Problems) -> Problems:
        """These and ``other``'s (found in other readouts of the same file) as one count."""
        if other.first is None:
            return self
        if self.first is None:
            return other
        first = min(self.first, other.first)
        return Problems(first, self.more + other.more + 1)

    def problem(self) -> FileProblem:
        """The file's refusal, naming its first problem and counting the others."""
        assert self.first is not None
        more = self.more
        extra = f" (and {more} more problem{'s' if more != 1 else ''})" if more else ""
        return FileProblem(self.first[1] + extra)
