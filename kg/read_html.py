"""Extracting the article text, title and date from an HTML page with the stdlib parser.

Navigation, scripts, sidebars and forms are dropped; <article> (else <main>) is preferred; block
elements become paragraphs separated by a blank line. Iterative (an explicit stack), so deeply
nested markup cannot exhaust the recursion limit.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser

DROPPED = frozenset(
    [
        "script",
        "style",
        "nav",
        "aside",
        "footer",
        "header",
        "form",
        "noscript",
        "template",
        "svg",
        "iframe",
        "button",
        "select",
        "textarea",
        "object",
        "canvas",
        "figcaption",
        "head",
    ]
)
BLOCKS = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "main",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "table",
        "tr",
        "td",
        "th",
        "figure",
        "hr",
        "address",
        "center",
        "body",
        "html",
        "caption",
        "tbody",
        "thead",
        "tfoot",
        "details",
        "summary",
    ]
)
VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
CONTAINERS = ("article", "main")
TITLE_META = ("og:title", "twitter:title")
DATE_META = (
    "article:published_time", "og:published_time", "date", "pubdate", "publishdate",
    "datepublished", "dc.date", "dc.date.issued",
)  # fmt: skip
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Page:
    text: str
    title: str | None
    date: str | None


def sniff_charset(data: bytes) -> str | None:
    """The charset a page declares in a <meta> tag near its start, if any."""
    match = _CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def extract_html(markup: str) -> Page:
    """Article text (paragraphs joined by blank lines), title and publication date of a page."""
    parser = _Extractor()
    parser.feed(markup)
    parser.close()
    return Page(text="\n\n".join(parser.chosen_paragraphs()), title=parser.title(), date=parser.date())


@dataclass
class _Open:
    tag: str
    dropped: bool
    container: int | None  # index of the <article>/<main> this element opened, if it did


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[_Open] = []
        self.open_count: Counter[str] = Counter()
        self.drop_depth = 0
        self.containers: list[str] = []  # kind of each container, by index
        self.active: list[int] = []  # innermost container last
        self.parts: list[str] = []
        self.paragraphs: list[tuple[int | None, str]] = []
        self.meta: dict[str, str] = {}
        self.capture: str | None = None  # "title" / "h1" while inside those
        self.captured: dict[str, list[str]] = {"title": [], "h1": []}
        self.time_values: list[tuple[int | None, str]] = []
        self.sidebar_depth = 0

    # --- parser callbacks -------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            self._meta(values)
        elif tag == "time" and values.get("datetime") and self.sidebar_depth == 0:
            self.time_values.append((self._container(), values["datetime"]))
        if tag == "br":
            self.parts.append("\n")
            return
        if tag in VOID:
            if tag == "hr":
                self._flush()
            return
        self._push(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.open_count[tag] == 0:
            return  # stray end tag: ignore rather than unwinding unrelated elements
        while self.stack:
            if self._pop() == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.capture is not None:
            self.captured[self.capture].append(data)
        if self.drop_depth == 0:
            self.parts.append(data)

    # --- element bookkeeping -----------------------------------------------------------------
    def _push(self, tag: str) -> None:
        if tag in BLOCKS:
            self._flush()
        container = None
        if tag in CONTAINERS and self.drop_depth == 0:
            container = len(self.containers)
            self.containers.append(tag)
            self.active.append(container)
        dropped = tag in DROPPED
        self.drop_depth += dropped
        self.sidebar_depth += tag in ("aside", "nav", "footer")
        self.stack.append(_Open(tag, dropped, container))
        self.open_count[tag] += 1
        if tag in ("title", "h1") and self.capture is None and not self.captured[tag]:
            self.capture = tag

    def _pop(self) -> str:
        item = self.stack.pop()
        self.open_count[item.tag] -= 1
        if item.tag in BLOCKS:
            self._flush()
        self.drop_depth -= item.dropped
        self.sidebar_depth -= item.tag in ("aside", "nav", "footer")
        if item.container is not None:
            self.active.pop()
        if self.capture == item.tag:
            self.capture = None
        return item.tag

    def _container(self) -> int | None:
        return self.active[-1] if self.active else None

    def _meta(self, values: dict[str, str]) -> None:
        key = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
        content = values.get("content", "").strip()
        if key and content and key not in self.meta:
            self.meta[key] = content

    def _flush(self) -> None:
        if not self.parts:
            return
        raw, self.parts = "".join(self.parts), []
        lines = (" ".join(line.split()) for line in raw.split("\n"))
        text = "\n".join(line for line in lines if line)
        if text:
            self.paragraphs.append((self._container(), text))

    # --- results -------------------------------------------------------------------------------
    def chosen_paragraphs(self) -> list[str]:
        self._flush()
        best = self._best_container()
        return [text for container, text in self.paragraphs if best is None or container == best]

    def _best_container(self) -> int | None:
        sizes: Counter[int] = Counter()
        for container, text in self.paragraphs:
            if container is not None:
                sizes[container] += len(text)
        for kind in CONTAINERS:  # any <article> beats <main>
            ranked = sorted((-size, idx) for idx, size in sizes.items() if self.containers[idx] == kind)
            if ranked:
                return ranked[0][1]
        return None

    def title(self) -> str | None:
        for key in TITLE_META:
            if self.meta.get(key):
                return self.meta[key]
        for tag in ("h1", "title"):
            text = " ".join("".join(self.captured[tag]).split())
            if text:
                return text
        return None

    def date(self) -> str | None:
        for key in DATE_META:
            if self.meta.get(key):
                return self.meta[key]
        best = self._best_container()
        inside = [value for container, value in self.time_values if best is not None and container == best]
        values = inside or [value for _, value in self.time_values]
        return (values[0].strip() or None) if values else None
