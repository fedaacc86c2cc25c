"""Long text stored deflated in an archive file, read back as the same text.

A summary point's text is most of what a readout stores beside its index. On SQLite it
is kept as a ``BLOB``: one byte naming the method (:data:`DEFLATE`), then the UTF-8 text
compressed with raw deflate (no header), about 0.6 of the text. A text that
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

from isal import isal_zlib

from readout_desk.archive.errors import ArchiveDamagedError
from readout_desk.domain.messages import Message

#: The SQL function every SQLite connection of the archive registers to read a stored
#: text (:func:`unpack`).
SQL_FUNCTION = "readout_text"
#: The first byte of a packed value: raw deflate of the UTF-8 text follows.
DEFLATE = 1
_METHOD = bytes((DEFLATE,))
#: Raw deflate (no zlib header or checksum: the database checks its pages), read with the
#: largest window, so that a text packed with any window reads back (``zlib``'s own, as
#: the program before packed them, or ISA-L's).
_WBITS = -15
#: ISA-L's level for a packed text (its default; its levels 1-3 give the same size on
#: summary points).
_LEVEL = 2
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
    # Deflated by ISA-L (the ``isal`` package): the same raw deflate that ``zlib`` reads
    # back, made in 6-7 µs for a summary point of 380 bytes where ``zlib`` takes 14-17 µs
    # at any level or window (for a short stream its set-up and code tables are most of
    # the cost), and as small (0.569 of the text against 0.573).
    packed = _METHOD + isal_zlib.compress(raw, _LEVEL, _WBITS)
    return packed if len(packed) < len(raw) else text


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
