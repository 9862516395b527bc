"""A posting's text as HTML for the HTML report, with every finding marked in place.

Every character of the posting is in the output exactly once, in order, escaped: the text
nodes of a posting's view, read in document order, are the posting's text (``shown``
replaces only the characters HTML cannot hold or that would reorder what is shown). So a
finding's highlight holds exactly the source text under its span, whatever the markup.

- Markdown is rendered from markdown-it-py's tokens, never with its HTML renderer: every
  piece of visible text is a slice of the source found in order, and the characters the
  markup consumed (``**``, ``#``, ``](url)``, indentation) are kept in hidden
  ``<span class="md-s">`` elements, so the reader sees headings, lists and emphasis and the
  text stays whole. Raw HTML in Markdown, links and images are shown as text; nothing is
  ever a link, an image or markup from the posting. An inline that cannot be aligned to
  the source is shown as written.
- HTML postings are read with the same parser as jdlint's HTML reader and shown as a
  reader of the page sees them: tags and attributes are hidden markup, headings,
  paragraphs, list items, bold and line breaks become the report's own elements, character
  references show the character they stand for, and a link's address is shown as text.
  A script and a comment are shown as text, never run. Should the parser's positions not
  match the source, the posting is shown as written instead.
- Plain text is shown as written (``white-space: pre-wrap``).

Findings are ``<mark>`` elements, nested soundly: at each point the open marks are the
findings covering it, outer before inner (earlier start, then longer span); a mark that
ends while a later one is open is closed with it, and that later one reopens as a second
fragment of the same finding (``data-f`` names the finding in every fragment). Element
boundaries close all marks, which reopen inside. The first fragment of a finding holds a
numbered reference link (its number is CSS generated content, so the text stays the
source) to the finding's card. A finding about something missing is not marked: it is a
callout inserted after the block where the missing part belongs.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import unescape as html_unescape
from itertools import pairwise

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup, escape

from ..readers.htmlscan import COMMENT_CLOSE, LinearHTMLParser
from ..source import LineIndex

# The same parser settings as jdlint's Markdown reader, so blocks are what the rules saw;
# raw HTML inside Markdown is shown as text.
_md = MarkdownIt("commonmark").enable("table")
_md.disable("text_join")

# Characters shown as U+FFFD, one for one: NUL (HTML drops it), other control characters,
# bidi overrides and isolates (they would reorder the text around them) and lone
# surrogates (not UTF-8).
_UNSHOWABLE = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def shown(text: str) -> str:
    """The text as the report shows it: one character for each character of ``text``."""
    return _UNSHOWABLE.sub("\ufffd", text)


def _text(value: str) -> str:
    # A carriage return written as a reference stays one (HTML turns a literal CR LF into LF).
    return str(escape(shown(value))).replace("\r", "&#13;")


# -- the events a view is built from ------------------------------------------------------

TEXT, SYNTAX = "text", "syntax"

# Tags and attribute names come from this module only; values are always escaped.
_TAGS = frozenset(
    {"h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "blockquote", "pre", "code", "strong", "em"}
    | {"span", "div", "table", "thead", "tbody", "tr", "th", "td", "br"}
)
_ATTRS = frozenset({"class", "start", "data-glyph", "role"})


@dataclass
class Atom:
    """Source text [start, end): shown (``TEXT``) or markup kept hidden (``SYNTAX``);
    ``glyph`` shows the character an entity stands for in place of its hidden source."""

    start: int
    end: int
    kind: str = TEXT
    glyph: str = ""


@dataclass
class Open:
    tag: str
    attrs: tuple[tuple[str, str], ...] = ()
    void: bool = False

    def __post_init__(self) -> None:
        assert self.tag in _TAGS and all(k in _ATTRS for k, _ in self.attrs), self


@dataclass
class Close:
    tag: str


@dataclass
class Insert:
    """Report markup (a callout) placed between top-level blocks."""

    html: Markup


Event = Atom | Open | Close | Insert


def _open_tag(ev: Open) -> str:
    attrs = "".join(f' {k}="{escape(v)}"' for k, v in ev.attrs)
    return f"<{ev.tag}{attrs}>"


# -- marks ---------------------------------------------------------------------------------


@dataclass
class Mark:
    """A finding shown in place: its span and what its elements carry."""

    key: str  # the finding's id in the document ("p1-f3")
    start: int
    end: int
    severity: str
    category: str  # the code's letter
    number: int
    card: str  # the id of its card
    label: str  # the reference link's accessible name

    def attrs(self) -> str:
        return (
            f' data-f="{escape(self.key)}" data-sev="{escape(self.severity)}"'
            f' data-cat="{escape(self.category)}"'
        )

    def ref(self) -> str:
        return (
            f'<a class="ref sev-{escape(self.severity)}" href="#{escape(self.card)}"'
            f' data-n="{self.number}" aria-label="{escape(self.label)}"></a>'
        )


@dataclass
class _Marker:
    """Writes events as HTML, opening and closing marks around the text they cover."""

    marks: Sequence[Mark]
    out: list[str] = field(default_factory=list)
    stack: list[Mark] = field(default_factory=list)
    started: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.starts = sorted(range(len(self.marks)), key=lambda i: self.marks[i].start)
        self.ends = sorted(range(len(self.marks)), key=lambda i: self.marks[i].end)
        self.start_at = [self.marks[i].start for i in self.starts]
        self.end_at = [self.marks[i].end for i in self.ends]
        cuts = {m.start for m in self.marks} | {m.end for m in self.marks}
        self.cuts = sorted(cuts)
        self.points = sorted((m.start, i) for i, m in enumerate(self.marks) if m.end <= m.start)
        self.active: set[int] = set()
        self.s = self.e = self.p = 0  # positions in starts, ends, points

    def _advance(self, offset: int) -> None:
        """Findings covering the character at ``offset`` become active; zero-width
        findings at ``offset`` are written first."""
        while self.s < len(self.starts) and self.start_at[self.s] <= offset:
            i = self.starts[self.s]
            if self.marks[i].end > self.marks[i].start:
                self.active.add(i)
            self.s += 1
        while self.e < len(self.ends) and self.end_at[self.e] <= offset:
            self.active.discard(self.ends[self.e])
            self.e += 1

    def _points(self, upto: int) -> None:
        while self.p < len(self.points) and self.points[self.p][0] <= upto:
            mark = self.marks[self.points[self.p][1]]
            self._sync()
            self.out.append(
                f'<mark class="f pt" id="{escape(mark.key)}"{mark.attrs()}>{mark.ref()}</mark>'
            )
            self.started.add(mark.key)
            self.p += 1

    def _sync(self) -> None:
        target = sorted(self.active, key=lambda i: (self.marks[i].start, -self.marks[i].end, i))
        want = [self.marks[i] for i in target]
        keep = 0
        while keep < len(self.stack) and keep < len(want) and self.stack[keep] is want[keep]:
            keep += 1
        for _ in range(len(self.stack) - keep):
            self.out.append("</mark>")
        del self.stack[keep:]
        for mark in want[keep:]:
            first = mark.key not in self.started
            ident = f' id="{escape(mark.key)}"' if first else ""
            self.out.append(f'<mark class="f"{ident}{mark.attrs()}>')
            if first:
                self.out.append(mark.ref())
                self.started.add(mark.key)
            self.stack.append(mark)

    def close_all(self) -> None:
        self.out.extend("</mark>" for _ in self.stack)
        self.stack.clear()

    def atom(self, atom: Atom, src: str) -> None:
        lo = bisect_right(self.cuts, atom.start)
        hi = bisect_left(self.cuts, atom.end)
        bounds = [atom.start, *self.cuts[lo:hi], atom.end]
        for a, b in pairwise(bounds):
            self._advance(a)
            self._points(a)
            self._sync()
            piece = src[a:b]
            if atom.kind == SYNTAX:
                if atom.glyph and a == atom.start:
                    self.out.append(
                        f'<span class="md-ent" data-glyph="{escape(shown(atom.glyph))}">'
                        f'<span class="md-s">{_text(piece)}</span></span>'
                    )
                else:
                    self.out.append(f'<span class="md-s">{_text(piece)}</span>')
            else:
                self.out.append(_text(piece))

    def finish(self, end: int) -> None:
        self._advance(end)
        self._points(end)
        self.close_all()


def serialise(events: Iterable[Event], src: str, marks: Sequence[Mark]) -> Markup:
    """The events as HTML, with the marks placed. Every value written is escaped."""
    marker = _Marker(marks)
    out = marker.out
    end = 0
    for ev in events:
        if isinstance(ev, Atom):
            marker.atom(ev, src)
            end = ev.end
        elif isinstance(ev, Open):
            marker.close_all()
            out.append(_open_tag(ev))
        elif isinstance(ev, Close):
            marker.close_all()
            out.append(f"</{ev.tag}>")
        else:
            marker.close_all()
            out.append(str(ev.html))
    marker.finish(end)
    return Markup("".join(out))


# -- building the events -------------------------------------------------------------------


class _Builder:
    """Events for source[lo:hi]; ``text`` and ``syntax`` advance a cursor, so every
    character between two pieces of shown text is kept, hidden, as markup."""

    def __init__(self, src: str, lo: int) -> None:
        self.src = src
        self.pos = lo
        self.events: list[Event] = []

    def hide_to(self, at: int) -> None:
        if at > self.pos:
            self.events.append(Atom(self.pos, at, SYNTAX))
            self.pos = at

    def text(self, start: int, end: int) -> None:
        self.hide_to(start)
        if end > self.pos:
            self.events.append(Atom(self.pos, end))
            self.pos = end

    def entity(self, start: int, end: int, glyph: str) -> None:
        self.hide_to(start)
        self.events.append(Atom(start, end, SYNTAX, glyph))
        self.pos = end

    def open(self, tag: str, *attrs: tuple[str, str], void: bool = False) -> None:
        self.events.append(Open(tag, tuple(attrs), void))

    def close(self, tag: str) -> None:
        self.events.append(Close(tag))


class _Misaligned(Exception):
    """Token text not found in the source where it should be."""


_BREAK = re.compile(r"\r\n|\r|\n")
_HEADINGS = {"h1": "h3", "h2": "h4", "h3": "h5", "h4": "h6", "h5": "h6", "h6": "h6"}
_BLOCKS = {
    "bullet_list": "ul",
    "ordered_list": "ol",
    "list_item": "li",
    "blockquote": "blockquote",
    "table": "table",
    "thead": "thead",
    "tbody": "tbody",
    "tr": "tr",
    "th": "th",
    "td": "td",
}


def markdown_events(src: str, lo: int) -> list[Event]:
    """Events for the Markdown in src[lo:] (the body after any front matter)."""
    lines = LineIndex(src)
    first = lines.line_col(lo)[0]
    b = _Builder(src, lo)

    def span(tok: Token) -> tuple[int, int]:
        assert tok.map is not None
        return (
            max(lines.offset(first + tok.map[0]), lo),
            lines.line_end(first + tok.map[1] - 1),
        )

    for tok in _md.parse(src[lo:]):
        t = tok.type
        base = t.rsplit("_", 1)[0]
        if t == "heading_open":
            b.open(_HEADINGS[tok.tag], ("class", f"md-{tok.tag}"))
        elif t == "heading_close":
            b.close(_HEADINGS[tok.tag])
        elif t == "paragraph_open" and not tok.hidden:
            b.open("p")
        elif t == "paragraph_close" and not tok.hidden:
            b.close("p")
        elif base in _BLOCKS and t.endswith("_open"):
            attrs: list[tuple[str, str]] = []
            start = tok.attrs.get("start")
            if t == "ordered_list_open" and isinstance(start, int | str) and str(start).isdigit():
                attrs.append(("start", str(int(start))))
            b.open(_BLOCKS[base], *attrs)
        elif base in _BLOCKS and t.endswith("_close"):
            b.close(_BLOCKS[base])
        elif t == "inline" and tok.map:
            start, end = span(tok)
            # A table cell shares its line with the next: its trailing pipe stays for it.
            last = b.events[-1] if b.events else None
            in_cell = isinstance(last, Open) and last.tag in ("th", "td")
            _inline(b, tok.children or [], start, end, to_line_end=not in_cell)
        elif t in ("fence", "code_block") and tok.map:
            _code(b, tok, lines, first, span(tok))
        elif t == "hr" and tok.map:
            b.open("div", ("class", "md-hr"), ("role", "separator"))
            b.hide_to(span(tok)[1])
            b.close("div")
        elif t == "html_block" and tok.map:
            start, end = span(tok)
            b.open("pre", ("class", "md-html"))
            b.open("code")
            first_line = tok.content.lstrip().split("\n", 1)[0].rstrip()
            at = src.find(first_line, max(b.pos, start), end) if first_line else -1
            b.text(at if at >= 0 else b.pos, end)
            b.close("code")
            b.close("pre")
    b.hide_to(len(src))
    return b.events


def _inline(b: _Builder, children: list[Token], lo: int, hi: int, *, to_line_end: bool) -> None:
    mark = (len(b.events), b.pos)
    try:
        _align(b, children, max(lo, b.pos), hi)
    except _Misaligned:
        # Shown as written: the source of the whole inline, as text.
        del b.events[mark[0] :]
        b.pos = mark[1]
        first = b.src[max(lo, b.pos) : hi]
        b.text(max(lo, b.pos) + len(first) - len(first.lstrip()), hi)
    if to_line_end:
        b.hide_to(hi)


def _find(b: _Builder, needle: str, hi: int) -> int:
    at = b.src.find(needle, b.pos, hi)
    if at < 0:
        raise _Misaligned(needle)
    return at


def _align(b: _Builder, children: list[Token], lo: int, hi: int) -> None:
    b.hide_to(lo)
    src = b.src
    for c in children:
        t = c.type
        if t == "text":
            if c.content:
                at = _find(b, c.content, hi)
                b.text(at, at + len(c.content))
        elif t == "text_special":
            at = _find(b, c.markup, hi)
            if c.info == "escape":
                b.hide_to(at + 1)  # the backslash
                b.text(at + 1, at + len(c.markup))
            else:
                b.entity(at, at + len(c.markup), c.content)
        elif t in ("softbreak", "hardbreak"):
            m = _BREAK.search(src, b.pos, hi + 2)
            if m is None:
                raise _Misaligned(t)
            if t == "hardbreak":
                b.hide_to(m.start())  # two spaces or a backslash
                b.open("br", void=True)
            b.text(m.start(), m.end())  # a line break in the text: a space once rendered
        elif t == "code_inline":
            at = _find(b, c.content, hi) if c.content else b.pos
            b.hide_to(at)
            b.open("code")
            b.text(at, at + len(c.content))
            b.close("code")
        elif t in ("strong_open", "em_open"):
            b.open(t[:-5] if t == "strong_open" else "em")
        elif t in ("strong_close", "em_close"):
            b.close("strong" if t == "strong_close" else "em")
        elif t == "link_open":
            b.open("span", ("class", "md-link"))
        elif t == "link_close":
            b.close("span")
            if c.markup != "autolink":
                _destination(b, hi)
        elif t == "image":
            b.open("span", ("class", "md-img"))
            _align(b, c.children or [], b.pos, hi)
            b.close("span")
            _destination(b, hi)
        elif t == "html_inline":
            at = _find(b, c.content, hi)
            b.hide_to(at)
            b.open("code", ("class", "md-html"))
            b.text(at, at + len(c.content))
            b.close("code")


def _destination(b: _Builder, hi: int) -> None:
    """After a link's or image's text: show an inline destination (``](URL "title")``) as
    text; the brackets and a reference label stay hidden markup."""
    src = b.src
    start = src.find("](", b.pos, hi)
    if start < 0 or src[b.pos : start].strip():
        return
    j = start + 2
    while j < hi and src[j] in " \t\r\n":
        j += 1
    if j < hi and src[j] == "<":
        k = src.find(">", j, hi)
        end = k + 1 if k >= 0 else j
    else:
        depth = 0
        k = j
        while k < hi and not src[k].isspace():
            if src[k] == "\\":
                k += 2
                continue
            if src[k] == "(":
                depth += 1
            elif src[k] == ")":
                if depth == 0:
                    break
                depth -= 1
            k += 1
        end = min(k, hi)
    if end > j:
        b.hide_to(j)
        b.open("span", ("class", "md-url"))
        b.text(j, end)
        b.close("span")


def _code(b: _Builder, tok: Token, lines: LineIndex, first: int, span: tuple[int, int]) -> None:
    """A code block, line by line: each content line is the end of its source line."""
    assert tok.map is not None
    b.open("pre", ("class", "md-code"))
    b.open("code")
    skip = 1 if tok.type == "fence" else 0
    content = tok.content.split("\n")
    if content and content[-1] == "":
        content.pop()
    for i, text in enumerate(content):
        line = first + tok.map[0] + skip + i
        line_start, line_end = lines.offset(line), lines.line_end(line)
        if line_end < b.pos:
            continue
        at = line_end - len(text)
        if text and b.src[max(at, 0) : line_end] != text:
            at = max(line_start, b.pos)  # tabs expanded: the line as written
        b.text(max(at, b.pos), line_end)
        m = _BREAK.match(b.src, line_end)
        if m and m.end() <= span[1]:
            b.text(m.start(), m.end())
    b.close("code")
    b.close("pre")
    b.hide_to(span[1])


# HTML elements that start a new block of text, as jdlint's HTML reader has them.
_HTML_BLOCKS = frozenset(
    {"p", "div", "li", "dt", "dd", "td", "th", "tr", "blockquote", "section", "article"}
    | {"header", "footer", "main", "aside", "ul", "ol", "dl", "table", "pre", "address"}
    | {"figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "body", "html", "form", "center"}
)
# What jdlint's reader leaves out is left out of the view too (its source stays, hidden).
_HTML_HIDDEN = frozenset({"style", "template", "noscript", "head", "title", "svg"})
_HTML_INLINE = {"strong": "strong", "b": "strong", "em": "em", "i": "em", "a": "span"}
_HREF = re.compile(r"""\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)


class _HTMLView(LinearHTMLParser):
    """Builds the events of an HTML posting while the standard parser walks it.

    The view is a flat run of top-level blocks (a heading, a paragraph, a list item, a
    cell): a posting's markup may nest or close in any order, and the report's markup must
    stay sound whatever it does. A block opens at its first visible text, so empty
    wrappers leave nothing behind.
    """

    def __init__(self, src: str, lo: int) -> None:
        super().__init__(convert_charrefs=False)
        self.src = src
        self.b = _Builder(src, lo)
        # HTMLParser counts lines by "\n" alone; its (line, column) maps back the same way.
        self.nl = [lo] + [i + 1 for i in range(lo, len(src)) if src[i] == "\n"]
        self.context: list[str] = []  # open block elements of the posting
        self.block: str | None = None  # the tag of the view's open block
        self.inline: list[str] = []  # open bold, italic and link elements of the posting
        self.hidden = 0
        self.script = False

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.nl[line - 1] + col

    def _inline_open(self, tag: str) -> None:
        if tag == "a":
            self.b.open("span", ("class", "md-link"))
        else:
            self.b.open(_HTML_INLINE[tag])

    def _ensure_block(self, at: int) -> None:
        """Opens a block for the text at ``at``; the markup before it stays outside."""
        if self.block is not None:
            return
        self.b.hide_to(at)
        inner = next((t for t in reversed(self.context) if t not in ("ul", "ol", "dl")), "p")
        if inner[0] == "h" and inner[1:].isdigit():
            self.block = _HEADINGS[inner]
            self.b.open(self.block, ("class", f"md-{inner}"))
        elif inner == "li":
            self.block = "div"
            depth = min(sum(t in ("ul", "ol") for t in self.context), 4)
            self.b.open("div", ("class", f"h-li h-d{max(depth, 1)}"))
        elif inner == "pre":
            self.block = "pre"
            self.b.open("pre", ("class", "h-pre"))
        else:
            self.block = "p"
            self.b.open("p")
        for tag in self.inline:  # bold or a link still open from the block before
            self._inline_open(tag)

    def _close_block(self) -> None:
        if self.block is None:
            return
        if self.script:
            self.b.close("code")
            self.script = False
        for tag in reversed(self.inline):
            self.b.close(_HTML_INLINE[tag])
        self.b.close(self.block)
        self.block = None

    def _text(self, at: int, data: str) -> None:
        if at < self.b.pos or not self.src.startswith(data, at):
            raise _Misaligned(data)
        self.b.text(at, at + len(data))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        at = self._pos()
        raw = self.get_starttag_text() or ""
        if not self.src.startswith(raw, at):
            raise _Misaligned(raw)
        if tag == "body":
            self.hidden = 0  # a head left open ends where the body starts
        if tag in _HTML_HIDDEN:
            self.hidden += not raw.endswith("/>")
            return
        end = at + len(raw)
        if tag == "script" and not self.script:
            # Shown as text, whole: a reader of the report should see what it carries.
            self._ensure_block(at)
            self.b.hide_to(at)
            self.b.open("code", ("class", "md-html"))
            self._text(at, raw)
            self.script = True
        elif self.hidden:
            return
        elif tag in _HTML_BLOCKS:
            self._close_block()
            self.context.append(tag)
        elif tag == "br":
            if self.block is not None:
                self.b.hide_to(end)
                self.b.open("br", void=True)
        elif tag in _HTML_INLINE:
            self.inline.append(tag)
            if self.block is None and tag != "a":
                return  # opens with the block, at the first text
            self._ensure_block(at)
            self.b.hide_to(at)
            self._inline_open(tag)
            href = _HREF.search(raw) if tag == "a" else None
            if href:
                group = next(g for g in (1, 2, 3) if href.group(g) is not None)
                self.b.hide_to(at + href.start(group))
                self.b.open("span", ("class", "h-url"))
                self.b.text(at + href.start(group), at + href.end(group))
                self.b.close("span")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":  # any other self-closed element is hidden markup
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        at = self._pos()
        if tag == "script" and self.script:
            close = self.src.find(">", at)
            self._text(at, self.src[at : close + 1 if close >= 0 else len(self.src)])
            self.b.close("code")
            self.script = False
        elif tag in _HTML_HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif self.hidden:
            return
        elif tag in _HTML_BLOCKS:
            self._close_block()
            if tag in self.context:
                del self.context[len(self.context) - 1 - self.context[::-1].index(tag) :]
        elif tag in _HTML_INLINE and tag in self.inline:
            k = len(self.inline) - 1 - self.inline[::-1].index(tag)
            if self.block is not None:
                self.b.hide_to(at)
                for t in reversed(self.inline[k:]):
                    self.b.close(_HTML_INLINE[t])
                for t in self.inline[k + 1 :]:
                    self._inline_open(t)
            del self.inline[k]

    def handle_data(self, data: str) -> None:
        if not data or (self.hidden and not self.script):
            return
        at = self._pos()
        if self.block is None and not data.strip():
            return  # white space between blocks stays hidden
        self._ensure_block(at)
        self._text(at, data)

    def _reference(self, body: str) -> None:
        if self.hidden:
            return
        at = self._pos()
        end = at + len(body)
        if self.src.startswith(";", end):
            end += 1
        raw = self.src[at:end]
        self._ensure_block(at)
        glyph = html_unescape(raw)
        if glyph == raw:  # not a reference HTML knows: the text as written
            self._text(at, raw)
        else:
            self.b.entity(at, end, glyph)

    def handle_entityref(self, name: str) -> None:
        self._reference("&" + name)

    def handle_charref(self, name: str) -> None:
        self._reference("&#" + name)

    def handle_comment(self, data: str) -> None:
        if self.hidden:
            return
        at = self._pos()
        if not self.src.startswith("<!--", at):
            return  # a bogus comment (``<!x>``, ``</ x>``): hidden markup
        close = COMMENT_CLOSE.match(self.src, at + 4 + len(data))
        end = close.end() if close else at + 4 + len(data)
        self._ensure_block(at)
        self.b.hide_to(at)
        self.b.open("code", ("class", "md-html"))
        self._text(at, self.src[at:end])
        self.b.close("code")

    def finish(self) -> list[Event]:
        self.close()
        self._close_block()
        self.b.hide_to(len(self.src))
        return self.b.events


def html_events(src: str, lo: int) -> list[Event] | None:
    """Events for the HTML in src[lo:]; None when the parser's positions do not line up
    with the source (the caller shows it as written)."""
    view = _HTMLView(src, lo)
    try:
        view.feed(src[lo:])
        return view.finish()
    except _Misaligned:
        return None


def plain_events(src: str, lo: int, cuts: Iterable[int] = ()) -> list[Event]:
    """Events for plain text (and HTML shown as text): blocks of text as written, split
    at ``cuts`` (offsets where the report inserts something)."""
    events: list[Event] = []
    points = sorted({c for c in cuts if lo < c < len(src)})
    for a, b in pairwise([lo, *points, len(src)]):
        if b > a:
            events += [Open("div", (("class", "plain"),)), Atom(a, b), Close("div")]
    return events


def line_after(src: str, offset: int) -> int:
    """The start of the line after the one holding the character before ``offset``."""
    if offset <= 0:
        return 0
    m = _BREAK.search(src, offset - 1)
    return m.end() if m else len(src)


def insert_after(events: list[Event], inserts: list[tuple[int, Markup]], first: int) -> list[Event]:
    """``events`` with each insert placed after the top-level element holding the
    character before its offset (before everything when that lies before ``first``)."""
    if not inserts:
        return events
    pending = sorted(inserts, key=lambda t: t[0])
    out: list[Event] = []
    depth = 0
    reached = first
    k = 0
    # Inserts at the start go before the first element.
    while k < len(pending) and pending[k][0] <= first:
        out.append(Insert(pending[k][1]))
        k += 1
    for ev in events:
        out.append(ev)
        if isinstance(ev, Atom):
            reached = max(reached, ev.end)
        elif isinstance(ev, Open) and not ev.void:
            depth += 1
        elif isinstance(ev, Close):
            depth -= 1
            if depth == 0:
                while k < len(pending) and pending[k][0] <= reached:
                    out.append(Insert(pending[k][1]))
                    k += 1
    while k < len(pending):
        out.append(Insert(pending[k][1]))
        k += 1
    return out
