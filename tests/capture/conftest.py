"""A web server on the loopback address, in a thread, serving pages written for the
tests: a readout among menus, banners and scripts, redirect chains, a slow answer, a
50 MB answer (announced and not), a PDF, plain text and a missing page."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

READOUT = (
    "<h1>Japan-Chile Foreign Ministers' Meeting</h1>"
    "<p>Japan-Chile Relations</p><p>June 12, 2024</p>"
    "<p>On June 12, commencing at 4:05 p.m. (local time) for approximately 45 minutes, "
    "Mr. OKADA Ren, Minister for Foreign Affairs of Japan, held a meeting with "
    "H.E. Mr. Tomas Irarrazaval, Minister of Foreign Affairs of the Republic of Chile, "
    "in Santiago.</p>"
    "<p>1. Minister Okada welcomed the visit and said trade ties keep growing.</p>"
)
PAGE = (
    "<!DOCTYPE html><html><head><title>Japan-Chile Foreign Ministers' Meeting</title>"
    "<script>document.write('<p>Injected by a script</p>');</script>"
    "<style>body { color: red }</style><link rel='stylesheet' href='/style.css'></head>"
    "<body><header><a href='/'>Ministry home</a> <form>Search the site</form></header>"
    "<div class='global-nav'><ul><li>Press room</li><li>Policy areas</li></ul></div>"
    "<div id='cookie-banner'>This site uses cookies</div>"
    "<ul class='breadcrumb'><li>Home</li><li>Chile</li></ul>"
    f"<main><img src='/tracker.gif'>{READOUT}<aside>Related pages</aside></main>"
    "<nav>Back to top</nav><footer>Copyright of the ministry</footer></body></html>"
)
NAVIGATION = ("Ministry home", "Search the site", "Press room", "cookies", "Home",
              "Related pages", "Back to top", "Copyright", "Injected by a script", "color")
BIG = 50 * 1024 * 1024
STROLL = ("Japan-Chile Relations\nJune 12, 2024\nOn June 12, commencing at 4:05 p.m. "
          "(local time) for approximately 45 minutes, Mr. OKADA Ren, Minister for Foreign "
          "Affairs of Japan, held a garden stroll with H.E. Mr. Tomas Irarrazaval, Minister "
          "of Foreign Affairs of the Republic of Chile, in Santiago.\n")


class Pages(BaseHTTPRequestHandler):
    requested: list[str] = []
    sent: dict[str, int] = {}

    def log_message(self, *args: object) -> None:  # BaseHTTPRequestHandler.log_message
        pass

    def _answer(self, code: int, kind: str, body: bytes, length: bool = True) -> None:
        self.send_response(code)
        self.send_header("Content-Type", kind)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _stream(self, announce: bool) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        if announce:
            self.send_header("Content-Length", str(BIG))
        self.end_headers()
        chunk = b"<p>" + b"x" * 65_532 + b"</p>"
        sent = 0
        try:
            while sent < BIG:
                self.wfile.write(chunk)
                sent += len(chunk)
        except OSError:
            pass  # the client stopped reading
        Pages.sent[self.path] = sent
        self.close_connection = True

    def do_GET(self) -> None:  # BaseHTTPRequestHandler.do_GET
        Pages.requested.append(self.path)
        path = self.path
        if path == "/readout":
            self._answer(200, "text/html; charset=utf-8", PAGE.encode("utf-8"))
        elif path == "/plain":
            text = READOUT.replace("</p>", "\n").replace("<p>", "").replace("<h1>", "")
            self._answer(200, "text/plain; charset=utf-8",
                         text.replace("</h1>", "\n").encode("utf-8"))
        elif path.startswith("/hop"):
            left = int(path[4:])
            self.send_response(302)
            self.send_header("Location", "/readout" if left == 0 else f"/hop{left - 1}")
            self.end_headers()
        elif path == "/to-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
        elif path == "/slow":
            time.sleep(2)
            self._answer(200, "text/html", PAGE.encode("utf-8"))
        elif path == "/huge":
            self._stream(announce=True)
        elif path == "/huge-unannounced":
            self._stream(announce=False)
        elif path == "/stroll":
            self._answer(200, "text/plain; charset=utf-8", STROLL.encode("utf-8"))
        elif path == "/report.pdf":
            self._answer(200, "application/pdf", b"%PDF-1.4 not a page")
        elif path == "/menu-only":
            self._answer(200, "text/html", b"<html><body><nav>Home</nav></body></html>")
        else:
            self._answer(404, "text/html", b"<h1>Not Found</h1>")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy",
                 "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    Pages.requested.clear()


