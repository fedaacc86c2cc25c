"""Turning whatever was pasted or dropped into clean plain text.

Everything the extractor reads passes through :func:`prepare` first: bytes are decoded
(UTF-8, UTF-16/32 with a byte-order mark, UTF-16 without one, else Windows-1252 and
finally Latin-1, which never fails), binary files are refused with a sentence that says
what they look like, HTML loses its scripts, styles, menus and banners, and the text is
normalised (line ends, non-breaking spaces, curly quotes) so that the character offsets
the extractor reports refer to one stable string.

Input is bounded: more than :data:`MAX_INPUT_BYTES` is refused outright, and only the
first :data:`MAX_TEXT_CHARS` characters of the cleaned text are read, so the time spent
on any input is bounded too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from readout_desk.domain.messages import Message

#: Larger input is refused: no published readout page comes near it.
MAX_INPUT_BYTES = 24 * 1024 * 1024
#: Only this much cleaned text is read; a readout is a few thousand characters.
MAX_TEXT_CHARS = 200_000


class ExtractionError(ValueError):
    """Input that cannot become a draft; the message is one sentence for the user."""


@dataclass(frozen=True)
class PreparedText:
    """Clean text ready for extraction, and how it was obtained."""

    text: str
    encoding: str
    was_html: bool
    notes: tuple[str, ...] = ()


_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document; open it and copy its text"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive, perhaps a Word or OpenDocument file; save it as text"),
    (b"\xd0\xcf\x11\xe0", "an old Office document; save it as text"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a program"),
    (b"SQLite format 3", "an SQLite database"),
    (b"\x1f\x8b", "a compressed (gzip) file"),
)


def _utf16_without_bom(sample: bytes) -> str | None:
    """``utf-16-le``/``-be`` when every other byte is NUL, as in UTF-16 English text."""
    if len(sample) < 8:
        return None
    even = sample[0::2]
    odd = sample[1::2]
    even_nul = even.count(0) / len(even)
    odd_nul = odd.count(0) / len(odd)
    if odd_nul > 0.6 and even_nul < 0.1:
        return "utf-16-le"
    if even_nul > 0.6 and odd_nul < 0.1:
        return "utf-16-be"
    return None


def describe_binary(data: bytes) -> str | None:
    """What a binary file looks like ("a PNG image"), or ``None`` when it looks like text."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    sample = data[:8192]
    if not sample:
        return None
    if sample.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return None
    if _utf16_without_bom(sample):
        return None
    if b"\x00" in sample:
        return "a binary file"
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    if controls / len(sample) > 0.05:
        return "a binary file"
    return None


def binary_problem(data: bytes) -> Message | None:
    """Why ``data`` (a file's first few kilobytes will do) is not a readout's text, in a
    sentence; ``None`` when it looks like text."""
    what = describe_binary(data)
    if not what:
        return None
    head, _, advice = what.partition("; ")
    return (Message("This is {what}, not the text of a readout; {advice}.", what=head,
                    advice=advice) if advice else
            Message("This is {what}, not the text of a readout.", what=head))


def decode(data: bytes) -> tuple[str, str]:
    """The text of ``data`` and the encoding it was read with.

    Byte-order marks win; then UTF-16 recognised by its NUL bytes; then strict UTF-8;
    then Windows-1252 (the usual encoding of text saved on Windows), and Latin-1 as the
    last resort because it accepts every byte.
    """
    boms = (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    )
    for bom, name in boms:
        if data.startswith(bom):
            return data[len(bom):].decode(name.replace("-sig", ""), errors="replace"), name
    guess = _utf16_without_bom(data[:8192])
    if guess:
        return data.decode(guess, errors="replace"), guess
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


_HTML_SIGNS = re.compile(
    r"<(?:!doctype\s+html|html|head|body|div|p|br|span|table|li|h[1-6]|article|main|meta)\b",
    re.IGNORECASE,
)


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is HTML markup rather than plain text."""
    head = text[:20000]
    return len(_HTML_SIGNS.findall(head)) >= 2 or head.lstrip().lower().startswith(
        ("<!doctype html", "<html"))


# Elements whose content is never the readout.
_SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "svg", "nav", "footer", "aside",
    "form", "button", "select", "option", "iframe", "object", "canvas", "head", "title",
    "menu", "dialog",
})
# class/id words that mark menus, banners and other page furniture.
_SKIP_MARKERS = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|banner|cookie|cookies|"
    r"footer|site-header|sidebar|side-bar|skip|social|share|sharing|pagetop|page-top|"
    r"related|gnav|lnav|topicpath|sns|print|language|lang-switch)(?:$|[\s_-])",
    re.IGNORECASE,
)
_BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "br", "hr", "h1", "h2", "h3", "h4", "h5",
    "h6", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "blockquote", "figure",
    "figcaption", "pre", "address", "caption",
})
_VOID_TAGS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
})


class _TextParser(HTMLParser):
    """Collects the visible text of a page, leaving out furniture and code."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_stack: list[str] = []  # tags of open skipped elements
        self.lists: list[list[int]] = []  # per open list: [is_ordered, counter]

    def _skipping(self) -> bool:
        return bool(self.skip_stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = tag.lower()
        if tag in _VOID_TAGS:
            if self._skipping():
                return
            if tag == "br":
                self.parts.append("\n")
            elif tag == "img":
                alt = dict(attrs).get("alt") or ""
                if len(alt.split()) >= 3:
                    self.parts.append(f"\n{alt.strip()}\n")
            return
        if self._skipping():
            if tag == self.skip_stack[-1] or tag in _SKIP_TAGS:
                self.skip_stack.append(tag)
            return
        marker = " ".join(v or "" for k, v in attrs if k in ("class", "id", "role"))
        if tag in _SKIP_TAGS or (marker and _SKIP_MARKERS.search(marker)):
            self.skip_stack.append(tag)
            return
        if tag in ("ol", "ul"):
            self.lists.append([1 if tag == "ol" else 0, 0])
        if tag == "li":
            self.parts.append("\n")
            if self.lists and self.lists[-1][0]:
                self.lists[-1][1] += 1
                depth = sum(1 for kind, _ in self.lists if kind)
                number = self.lists[-1][1]
                self.parts.append(f"{number}. " if depth <= 1 else f"({number}) ")
            return
        if tag in _BLOCK_TAGS:
            self.parts.append("\n\n" if tag in ("p", "h1", "h2", "h3", "h4", "div") else "\n")

    def handle_endtag(self, tag: str) -> None:
        tag = tag.lower()
        if self._skipping():
            if tag in self.skip_stack:
                while self.skip_stack:
                    if self.skip_stack.pop() == tag:
                        break
            return
        if tag in ("ol", "ul") and self.lists:
            self.lists.pop()
        if tag in _BLOCK_TAGS:
            self.parts.append("\n\n" if tag in ("p", "h1", "h2", "h3", "h4", "div") else "\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping():
            self.parts.append(re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> str:
    """The readable text of an HTML page without scripts, styles, menus or banners."""
    parser = _TextParser()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # noqa: BLE001 - html.parser copes with nearly all soup; keep what we have
        pass
    return "".join(parser.parts)


_TRANSLATE = str.maketrans({
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
    "\u2002": " ", "\u2003": " ", "\t": " ", "\u3000": " ",
    "\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2212": "-",
    "\u200b": None, "\u200c": None, "\u200d": None, "\ufeff": None, "\u00ad": None,
    "\u2028": "\n", "\u2029": "\n\n", "\x0c": "\n",
})
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_SPACES = re.compile(r" {2,}")
_BLANKS = re.compile(r"\n{3,}")


def clean_text(text: str) -> str:
    """Plain text with uniform line ends, spaces and quotes; offsets refer to this string."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_TRANSLATE)
    text = _CONTROL.sub("", text)
    lines = [_SPACES.sub(" ", line).rstrip() for line in text.split("\n")]
    # Keep a list item's indentation small but present: it tells nesting.
    out = []
    for line in lines:
        stripped = line.lstrip()
        indent = len(line) - len(stripped)
        out.append(("  " if indent else "") + stripped)
    return _BLANKS.sub("\n\n", "\n".join(unwrap(out))).strip("\n")


_POINT_START = re.compile(r"^\s*(?:\d{1,2}[.)]|\(\w{1,4}\)|[•●▪◦*-])\s")
_WRAP_END = re.compile(r"(?:,|\b(?:of|the|and|a|an|to|for|with|at|in|on|by|from|his|her|"
                       r"their|its|H\.E\.|Mr\.|Ms\.|Mrs\.|Dr\.)|\d|\()$")


def unwrap(lines: list[str]) -> list[str]:
    """Join the lines of a hard-wrapped paragraph (text pasted from an e-mail or a PDF).

    A line is joined to the next when the sentence plainly goes on: the next line starts
    in lower case, or this one ends with a comma, an article, a preposition or a number.
    Headings, captions and numbered points stay on their own lines.
    """
    out: list[str] = []
    for line in lines:
        if out and out[-1].strip() and line.strip() and not _POINT_START.match(line):
            previous = out[-1].rstrip()
            nxt = line.strip()
            if len(previous) >= 40 and (nxt[:1].islower() or _WRAP_END.search(previous)):
                out[-1] = previous + " " + nxt
                continue
        out.append(line)
    return out


def prepare(source: str | bytes) -> PreparedText:
    """Decode, de-HTML and clean ``source``; :class:`ExtractionError` when it is not text."""
    notes: list[str] = []
    if isinstance(source, bytes):
        if len(source) > MAX_INPUT_BYTES:
            raise ExtractionError(Message(
                "The input is {size} MB; a readout is at most a few pages, so anything over "
                "{limit} MB is not read.", size=f"{len(source) / 1_048_576:.1f}",
                limit=MAX_INPUT_BYTES // 1_048_576))
        problem = binary_problem(source)
        if problem is not None:
            raise ExtractionError(problem)
        text, encoding = decode(source)
    else:
        if len(source) > MAX_INPUT_BYTES:
            raise ExtractionError(Message(
                "The text is {size} characters long; a readout is at most a few pages, so "
                "anything over {limit} characters is not read.", size=f"{len(source):,}",
                limit=f"{MAX_INPUT_BYTES:,}"))
        text, encoding = source, "text"
        if "\x00" in text[:8192]:
            raise ExtractionError(Message("This is a binary file, not the text of a readout."))
    was_html = looks_like_html(text)
    if was_html:
        text = html_to_text(text)
    text = clean_text(text)
    if len(text) > MAX_TEXT_CHARS:
        text = text[:MAX_TEXT_CHARS]
        cut = text.rfind("\n")
        if cut > MAX_TEXT_CHARS // 2:
            text = text[:cut]
        notes.append(Message("Only the first {count} characters were read; a readout is "
                             "rarely longer, so the rest was left out.",
                             count=f"{len(text):,}"))
    if not text.strip():
        raise ExtractionError(Message(
            "There is no text to read: the input is empty once the page's code and menus are "
            "removed." if was_html else "There is no text to read: the input is empty."))
    return PreparedText(text=text, encoding=encoding, was_html=was_html, notes=tuple(notes))
