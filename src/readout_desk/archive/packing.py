"""Long text stored deflated in an archive file, read back as the same text.

A summary point's text is most of what a readout stores beside its index. On SQLite it
is kept as a ``BLOB``: one byte naming the method (:data:`DEFLATE`), then the UTF-8 text
compressed with raw deflate (``zlib``, no header), about 0.6 of the text. A text that
would not get shorter (a short one) stays as it was, as ``TEXT``, so a column holds both
and the storage class says which each value is: what an older version of the program
wrote reads as before, and a value is packed again only when it is written again.

Every reader goes through :func:`unpack`: the ORM and Core statements through the column
type (:class:`~readout_desk.archive.models.PackedText`), SQL through the function
``readout_text`` that every SQLite connection of the archive registers
(:func:`.sqlite_index.register_functions`), which the view of the index's text calls. A
team archive's server compresses long values itself (PostgreSQL's TOAST): it keeps the
text as text.
"""

from __future__ import annotations

import zlib

from readout_desk.archive.errors import ArchiveDamagedError
from readout_desk.domain.messages import Message

#: The SQL function every SQLite connection of the archive registers to read a stored
#: text (:func:`unpack`).
SQL_FUNCTION = "readout_text"
#: The first byte of a packed value: raw deflate of the UTF-8 text follows.
DEFLATE = 1
_METHOD = bytes((DEFLATE,))
#: Raw deflate (no zlib header or checksum: the database checks its pages), read with the
#: largest window, so that a text packed with any window reads back.
_WBITS = -15
#: Texts shorter than this many bytes stay text (deflate seldom makes them shorter).
SHORTEST = 64


def pack(text: str | bytes | None) -> str | bytes | None:
    """``text`` as stored: deflated behind its method byte when that is shorter. A value
    already packed (bytes) is returned as it is."""
    if text is None or isinstance(text, bytes) or len(text) < SHORTEST // 4:
        return text
    raw = text.encode()
    if len(raw) < SHORTEST:
        return text
    window = _window_bits(len(raw))
    deflate = zlib.compressobj(6, zlib.DEFLATED, -window, min(8, window - 6))
    packed = _METHOD + deflate.compress(raw) + deflate.flush()
    return packed if len(packed) < len(raw) else text


def _window_bits(size: int) -> int:
    """The window for a text of ``size`` bytes: room for all of it, up to deflate's 32 kB.
    A window (and match table) no larger than the text needs is what makes packing a
    short text cheap: deflate's full-size state is a quarter of a megabyte to set up."""
    return min(15, max(10, (size + 300).bit_length()))


def unpack(value: object) -> str | None:
    """The text a stored value holds (a text as it is, a packed one inflated)."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        data = memoryview(value)
        if data[:1] != _METHOD:
            raise _unreadable(f"packed by an unknown method, {bytes(data[:1])!r}")
        try:
            return zlib.decompress(data[1:], _WBITS).decode()
        except (zlib.error, UnicodeDecodeError) as exc:
            raise _unreadable(str(exc)) from None
    return str(value)


def _unreadable(problem: str) -> ArchiveDamagedError:
    return ArchiveDamagedError(Message(
        "A text stored in the archive cannot be read ({problem}): the archive is damaged; "
        "restore it from a backup.", problem=problem))
