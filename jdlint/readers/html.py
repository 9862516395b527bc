"""HTML documents and fragments through the standard library's HTML parser.

Character references are handled one by one (``convert_charrefs=False``) so every piece
of text maps to its exact place in the file.
"""

from __future__ import annotations

import re
from html import unescape

from ..posting import Block
from ..source import MappedText
from .htmlscan import LinearHTMLParser

_BLOCK_TAGS = {
    "p",
    "div",
    "li",
    "dt",
    "dd",
    "td",
    "th",
    "tr",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "ul",
    "ol",
    "dl",
    "table",
    "pre",
    "address",
    "figcaption",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "body",
    "html",
    "form",
    "center",
}
_SKIP_TAGS = {"script", "style", "template", "noscript", "head", "title", "svg"}
_BOLD_TAGS = {"strong", "b"}
_LINK_TAGS = {"a"}
_VOID_TAGS = {"br", "hr", "img", "input", "meta", "link", "wbr", "area", "base", "col", "source"}
_ENTITY = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")


class _Reader(LinearHTMLParser):
    def __init__(self, text: str, start: int, end: int) -> None:
        super().__init__(convert_charrefs=False)
        self.text, self.base = text, start
        # HTMLParser counts lines by "\n" alone; map its (line, col) with the same rule.
        self.nl = [start] + [i + 1 for i in range(start, end) if text[i] == "\n"]
        self.blocks: list[Block] = []
        self.kind_stack: list[tuple[str, int]] = []
        self.skip = 0
        # Open <b>/<strong> and <a> elements; a span still open when a block ends runs to
        # its end, and the next block starts inside it.
        self.bold = 0
        self.in_link = 0
        self.list_depth = 0
        self._new()

    def _new(self) -> None:
        self.cur = MappedText()
        self.cur_bold: list[tuple[int, int]] = []
        self.cur_links: list[tuple[int, int]] = []
        self.bold_from = 0
        self.link_from = 0

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.nl[line - 1] + col if line - 1 < len(self.nl) else self.base

    def _flush(self) -> None:
        if self.cur.text.strip():
            kind, level = self.kind_stack[-1] if self.kind_stack else ("paragraph", 0)
            end = len(self.cur.text)
            bold = [*self.cur_bold, (self.bold_from, end)] if self.bold else self.cur_bold
            links = [*self.cur_links, (self.link_from, end)] if self.in_link else self.cur_links
            self.blocks.append(
                Block(
                    kind,  # type: ignore[arg-type]
                    self.cur,
                    level=level,
                    bold=tuple(s for s in bold if s[1] > s[0]),
                    links=tuple(s for s in links if s[1] > s[0]),
                )
            )
        self._new()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skip += tag not in _VOID_TAGS
            return
        if tag in _BOLD_TAGS:
            if not self.bold:
                self.bold_from = len(self.cur.text)
            self.bold += 1
        if tag in _LINK_TAGS:
            if not self.in_link:
                self.link_from = len(self.cur.text)
            self.in_link += 1
        if tag == "br":
            self._line_break()
            return
        if tag in _BLOCK_TAGS:
            self._flush()
            if tag in ("ul", "ol"):
                self.list_depth += 1
            if tag[0] == "h" and tag[1:].isdigit():
                self.kind_stack.append(("heading", int(tag[1])))
            elif tag == "li":
                self.kind_stack.append(("list_item", self.list_depth))
            elif tag not in ("ul", "ol", "dl", "table", "tr", "html", "body"):
                # A paragraph inside a list item is still part of that item.
                inherited = self.kind_stack[-1] if self.kind_stack else None
                if inherited and inherited[0] == "list_item":
                    self.kind_stack.append(inherited)
                else:
                    self.kind_stack.append(("paragraph", 0))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._line_break()

    def _line_break(self) -> None:
        """``<br>`` ends a line inside the block; the layout stage decides what it means."""
        if self.cur.text.strip() and not self.skip:
            self.cur.add_synthetic("\n", self._pos())

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
            return
        if tag in _BOLD_TAGS and self.bold:
            self.bold -= 1
            if not self.bold:
                self.cur_bold.append((self.bold_from, len(self.cur.text)))
        if tag in _LINK_TAGS and self.in_link:
            self.in_link -= 1
            if not self.in_link:
                self.cur_links.append((self.link_from, len(self.cur.text)))
        if tag in _BLOCK_TAGS:
            self._flush()
            if tag in ("ul", "ol"):
                self.list_depth = max(0, self.list_depth - 1)
            elif tag not in ("dl", "table", "tr", "html", "body") and self.kind_stack:
                self.kind_stack.pop()

    def handle_data(self, data: str) -> None:
        if self.skip or not data:
            return
        at = self._pos()
        self.cur.add_source(self.text, at, at + len(data))

    def _entity(self) -> None:
        if self.skip:
            return
        at = self._pos()
        m = _ENTITY.match(self.text, at)
        raw = m.group() if m else "&"
        decoded = unescape(raw)
        # A non-breaking space is white space to a reader.
        decoded = decoded.replace("\xa0", " ")
        self.cur.add_synthetic(decoded, at)

    def handle_entityref(self, name: str) -> None:
        self._entity()

    def handle_charref(self, name: str) -> None:
        self._entity()

    def close(self) -> None:
        super().close()
        self._flush()


def read_blocks(text: str, start: int, end: int | None = None) -> list[Block]:
    """Blocks of the HTML in text[start:end], with offsets into ``text``."""
    end = len(text) if end is None else end
    reader = _Reader(text, start, end)
    reader.feed(text[start:end])
    reader.close()
    return reader.blocks


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:2000].lower()
    if head.startswith(("<!doctype html", "<html")):
        return True
    tags = re.findall(r"</?(?:p|div|ul|ol|li|br|h[1-6]|strong|b|em|span|table|section)\b", head)
    return head.startswith("<") and len(tags) >= 2
