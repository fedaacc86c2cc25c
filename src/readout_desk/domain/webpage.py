"""A web page's HTML without what surrounds the readout: navigation, banners, scripts.

:func:`readable_html` drops the elements that are never a readout's text (``script``,
``style``, ``nav``, ``aside``, forms, frames) and those a page marks as navigation by
their role, class or id ("global-nav", "breadcrumb", "cookie-banner", "sidebar"). A
``header`` or ``footer`` goes too, unless it lies inside the page's ``article`` or
``main`` (where a readout's own title and date line often sit). Nothing is fetched and
nothing is run: this only reads text.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

#: Elements dropped with everything inside them, wherever they are.
ALWAYS_DROPPED = frozenset({"script", "style", "noscript", "template", "iframe", "object",
                            "embed", "nav", "aside", "form", "button", "select", "svg",
                            "canvas", "dialog", "menu"})
#: Elements dropped outside the article (a page's own banner and footer).
FRAME_ELEMENTS = frozenset({"header", "footer"})
#: Words in a role, class or id that mark navigation, menus and banners.
NAVIGATION_WORDS = frozenset({
    "nav", "navi", "navbar", "navigation", "gnav", "lnav", "menu", "menubar", "submenu",
    "breadcrumb", "breadcrumbs", "banner", "cookie", "cookies", "consent", "sidebar",
    "share", "sharing", "social", "sns", "skip", "pagetop", "toolbar", "search",
    "complementary", "contentinfo", "masthead", "related", "popup", "modal", "advert", "ads",
})
#: The same words marking a page's frame, dropped outside the article only.
FRAME_WORDS = frozenset({"header", "footer", "site-header", "site-footer"})
VOID_ELEMENTS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input",
                           "link", "meta", "source", "track", "wbr"})
CONTENT_ELEMENTS = frozenset({"article", "main"})
_WORD = re.compile(r"[a-z]+")


def _marks(attrs: list[tuple[str, str | None]]) -> set[str]:
    """The words of an element's role, class and id ("global_nav-menu" -> nav, menu…)."""
    words: set[str] = set()
    for name, value in attrs:
        if name in ("role", "class", "id") and value:
            lowered = value.lower()
            words.update(lowered.split())
            words.update(_WORD.findall(lowered))
    return words


class _Stripper(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.open: list[str] = []  # the elements open, to know when a dropped one ends
        self.dropping_at: int | None = None  # depth of the element being dropped
        self.content_depth = 0

    def _drops(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        if tag in ALWAYS_DROPPED:
            return True
        marks = _marks(attrs)
        if marks & NAVIGATION_WORDS:
            return True
        outside = self.content_depth == 0
        return outside and (tag in FRAME_ELEMENTS or bool(marks & FRAME_WORDS))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_ELEMENTS:
            if self.dropping_at is None and tag not in ("link", "meta", "base", "embed"):
                self.out.append(self._tag(tag, attrs))
            return
        if self.dropping_at is None and self._drops(tag, attrs):
            self.dropping_at = len(self.open)
        self.open.append(tag)
        if tag in CONTENT_ELEMENTS:
            self.content_depth += 1
        if self.dropping_at is None:
            self.out.append(self._tag(tag, attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.dropping_at is None and tag not in ALWAYS_DROPPED and tag not in (
                "link", "meta", "base"):
            self.out.append(self._tag(tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.open:
            return  # a stray end tag
        while self.open:
            top = self.open.pop()
            if top in CONTENT_ELEMENTS:
                self.content_depth -= 1
            if self.dropping_at is None:
                self.out.append(f"</{top}>")
            elif len(self.open) == self.dropping_at:
                self.dropping_at = None
            if top == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.dropping_at is None:
            self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        self.handle_data(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.handle_data(f"&#{name};")

    @staticmethod
    def _tag(tag: str, attrs: list[tuple[str, str | None]]) -> str:
        kept = "".join(f' {n}="{html.escape(v or "", quote=True)}"' for n, v in attrs
                       if not n.startswith("on") and n not in ("style", "src", "href"))
        return f"<{tag}{kept}>"


def readable_html(page: str) -> str:
    """``page`` without navigation, banners, menus, scripts and styles; links and image
    addresses are left out too, so nothing in what remains can be fetched."""
    stripper = _Stripper()
    stripper.feed(page)
    stripper.close()
    while stripper.open:  # elements the page never closed
        stripper.handle_endtag(stripper.open[-1])
    return "".join(stripper.out)
