"""Capture a readout from a web page: fetch the page itself, keep its snapshot, read it.

Only the page is fetched (with the standard library's ``urllib.request``): no script is
run, no image, style sheet or frame is loaded, and only http and https are spoken (no
file, ftp or data addresses, before or after a redirect). Each fetch has a timeout per
read and for the whole answer, a size cap (an answer announcing more is refused before
its body is read; one that runs past the cap is cut off and refused), and at most
:data:`MAX_REDIRECTS` redirects. The snapshot is kept whole; what is read is the page
without its navigation (:func:`readout_desk.domain.webpage.readable_html`).

Used by the window (File > New from Web Page…) and the command line (``capture``); it sits
beside :mod:`readout_desk.paths`, outside the layers, because it does I/O the domain may
not do and needs nothing of the archive.
"""

from __future__ import annotations

import datetime as dt
import email.message
import functools
import http.client
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from readout_desk.domain import sources, webpage
from readout_desk.domain.extract import Draft, ExtractionError, extract
from readout_desk.domain.records import Readout

TIMEOUT_SECONDS = 20.0
MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
CHUNK = 64 * 1024
USER_AGENT = "ReadoutDesk (readout capture; one page, no scripts)"
#: Answers read as a page; plain text is read as pasted text would be.
PAGE_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._:-]+)""", re.I)


class CaptureError(Exception):
    """A page that could not be fetched or read, said in one sentence."""


@dataclass(frozen=True)
class Page:
    """A fetched answer: the address it came from (after redirects), its text, when."""

    url: str
    text: str
    content_type: str
    retrieved_at: dt.datetime  # aware, UTC
    redirects: int = 0


@dataclass(frozen=True)
class Capture:
    """A page and the draft read from it."""

    page: Page
    draft: Draft

    @functools.cached_property
    def readout(self) -> Readout:
        """The draft's readout keeping the page as its source (the window opens the draft
        with the page instead, so it is made only when asked for)."""
        return sources.with_source(self.draft, kind="page", original=self.page.text,
                                   url=self.page.url, retrieved_at=self.page.retrieved_at)


def web_address(text: str) -> str:
    """``text`` as an http(s) address ("www.example.org/x" gets https://), or
    :class:`CaptureError` for anything else (a file, ftp or data address)."""
    address = text.strip()
    if not address:
        raise CaptureError("Give the address of a web page.")
    if "://" not in address and not address.lower().startswith(("data:", "file:", "mailto:")):
        address = "https://" + address
    parts = urllib.parse.urlsplit(address)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise CaptureError(f"Only web pages (http and https addresses) can be captured, "
                           f"not {address[:80]}.")
    return address


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows at most ``limit`` redirects, to http(s) addresses only."""

    max_redirections = 1000  # counted here instead, to say so in a sentence

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.followed = 0

    def http_error_302(self, req: urllib.request.Request, fp: IO[bytes], code: int,
                       msg: str, headers: http.client.HTTPMessage) -> Any:
        target = headers.get("Location") or headers.get("URI") or ""
        newurl = urllib.parse.urljoin(req.full_url, target)
        if urllib.parse.urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise CaptureError(f"The page redirects to {newurl[:80]}, which is not a web "
                               "page address.")
        if self.followed >= self.limit:
            raise CaptureError(f"The page at {req.full_url} redirects more than "
                               f"{self.limit} times, so it was not followed to the end.")
        self.followed += 1
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _opener(redirects: _Redirects) -> urllib.request.OpenerDirector:
    # Built by hand: build_opener would also add file:, ftp: and data: handlers.
    opener = urllib.request.OpenerDirector()
    for handler in (urllib.request.ProxyHandler(), urllib.request.HTTPHandler(),
                    urllib.request.HTTPSHandler(), urllib.request.HTTPDefaultErrorHandler(),
                    urllib.request.HTTPErrorProcessor(), redirects):
        opener.add_handler(handler)
    return opener


def _charset(headers: email.message.Message, body: bytes) -> str:
    declared = headers.get_content_charset()
    if not declared:
        found = _META_CHARSET.search(body[:4096])
        declared = found.group(1).decode("ascii") if found else ""
    return declared or "utf-8"


def _decoded(body: bytes, charset: str) -> str:
    try:
        return body.decode(charset, "replace")
    except LookupError:
        return body.decode("utf-8", "replace")


def _read_capped(answer: Any, max_bytes: int, deadline: float,
                 cancelled: Callable[[], bool], url: str) -> bytes:
    announced = answer.headers.get("Content-Length")
    if announced and announced.strip().isdigit() and int(announced) > max_bytes:
        raise CaptureError(f"The page at {url} is {int(announced) / 1_048_576:.1f} MB; "
                           f"pages over {max_bytes // 1_048_576} MB are not captured.")
    chunks: list[bytes] = []
    size = 0
    while True:
        if cancelled():
            raise CaptureError("The capture was cancelled.")
        if time.monotonic() > deadline:
            raise TimeoutError("whole answer")
        chunk = answer.read(min(CHUNK, max_bytes + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            raise CaptureError(f"The page at {url} is larger than "
                               f"{max_bytes // 1_048_576} MB, so it is not captured.")


def fetch(url: str, *, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_BYTES,
          max_redirects: int = MAX_REDIRECTS,
          cancelled: Callable[[], bool] = lambda: False,
          now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.timezone.utc)) -> Page:
    """Fetch the page at ``url`` and nothing else; :class:`CaptureError` says why not."""
    address = web_address(url)
    redirects = _Redirects(max_redirects)
    request = urllib.request.Request(address, headers={
        "User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,text/plain"})
    deadline = time.monotonic() + timeout
    try:
        with _opener(redirects).open(request, timeout=timeout) as answer:
            final = answer.geturl()
            kind = answer.headers.get_content_type()
            if kind not in PAGE_TYPES + TEXT_TYPES:
                raise CaptureError(f"The address {final} gives {kind}, not a web page; "
                                   "capture reads HTML pages (and plain text).")
            body = _read_capped(answer, max_bytes, deadline, cancelled, final)
            text = _decoded(body, _charset(answer.headers, body))
    except urllib.error.HTTPError as exc:
        if exc.code in (301, 302, 303, 307, 308):  # the same address again and again
            raise CaptureError(f"The page at {address} redirects in a loop, so it was not "
                               "followed.") from None
        raise CaptureError(f"The server answered {exc.code} {exc.reason} for "
                           f"{exc.geturl() or address}.") from None
    except TimeoutError:
        raise CaptureError(f"The page at {address} did not answer within {timeout:g} "
                           "seconds.") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise CaptureError(f"The page at {address} did not answer within {timeout:g} "
                               "seconds.") from None
        raise CaptureError(f"The page at {address} cannot be reached ({reason}).") from None
    except (OSError, ValueError) as exc:
        raise CaptureError(f"The page at {address} cannot be fetched ({exc}).") from None
    return Page(final, text, kind, now(), redirects.followed)


def read_page(page: Page, *, topic_file: Path | None = None,
              kind_file: Path | None = None) -> Capture:
    """The draft read from a fetched page, its navigation left out, keeping the page."""
    readable = page.text
    if page.content_type in PAGE_TYPES:
        readable = webpage.readable_html(page.text)
    try:
        draft = extract(readable, topic_file=topic_file, kind_file=kind_file, today=None)
    except ExtractionError as exc:
        raise CaptureError(f"The page at {page.url} cannot be read: {exc}") from None
    return Capture(page, draft)


def capture(url: str, *, topic_file: Path | None = None, kind_file: Path | None = None,
            cancelled: Callable[[], bool] = lambda: False, **limits: Any) -> Capture:
    """Fetch the page at ``url`` and read a draft from it (``limits``: as for
    :func:`fetch`)."""
    page = fetch(url, cancelled=cancelled, **limits)
    if cancelled():
        raise CaptureError("The capture was cancelled.")
    return read_page(page, topic_file=topic_file, kind_file=kind_file)
