"""Reading the HTML report back: the elements, the text under each finding, the cards;
and the postings both HTML report tests render (the examples and three hostile ones).

Used by tests/test_html_report.py and tests/test_html_browser.py. The parser is the
standard library's, so what it finds does not depend on the report's own code.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

VOID = {"meta", "br", "input", "link", "img", "hr", "rect"}

EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").rglob("*.md"))
EXAMPLES = [p for p in EXAMPLES if p.name != "README.md"]

HOSTILE_MD = """\
---
title: "Nurse <script>window.__pwned = 1</script>"
profile: case-manager
---

# Case Manager <img src=x onerror="window.__pwned = 1">

<script>window.__pwned = 1; document.title = "pwned"</script>

Apply [here](javascript:window.__pwned=1) or [there](https://evil.example/track.png "t").
<a href="javascript:window.__pwned=1">click</a> and ![pixel](https://evil.example/p.gif)

<iframe src="https://evil.example/"></iframe><style>body{display:none}</style>

Quote "> and '> and </textarea></style></script><!-- and &lt;b&gt; &amp; \\*not em\\*

## Responsibilities

- Chairman of the <b onmouseover="window.__pwned=1">committee</b>, a rockstar
- Work with `code <script>` and <svg onload="window.__pwned=1"></svg>
"""

HOSTILE_HTML = """\
<html><head><script>window.__pwned = 1</script>
<link rel="stylesheet" href="https://evil.example/x.css"></head>
<body onload="window.__pwned=1"><h1>Case Manager</h1>
<p>We need a rockstar. <a href="javascript:window.__pwned=1">Apply</a>
<img src="https://evil.example/p.gif" onerror="window.__pwned=1"></p>
<h2>Responsibilities</h2><ul><li>Chairman of meetings</li></ul>
</body></html>
"""

HOSTILE_TEXT = """\
Case Manager <script>window.__pwned = 1</script>

We want a rockstar who answers to the chairman. javascript:window.__pwned=1
Bidi \u202eevil\u202c and a control \x1b[31m character.
"""


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    parent: Element | None = None
    children: list[Element | str] = field(default_factory=list)

    def text(self, skip: frozenset[str] = frozenset()) -> str:
        """Text content; elements with a class in ``skip`` are left out."""
        out: list[str] = []
        for c in self.children:
            if isinstance(c, str):
                out.append(c)
            elif not skip & set(c.attrs.get("class", "").split()):
                out.append(c.text(skip))
        return "".join(out)

    def iter(self):
        yield self
        for c in self.children:
            if isinstance(c, Element):
                yield from c.iter()

    def has_class(self, name: str) -> bool:
        return name in self.attrs.get("class", "").split()

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class _Tree(HTMLParser):
    """Builds the element tree and checks that every end tag closes the element on top
    of the stack: the report's nesting must be sound, not repaired by a parser."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.node = self.root
        self.problems: list[str] = []
        self.comments: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el = Element(tag, {k: v or "" for k, v in attrs}, self.node)
        self.node.children.append(el)
        if tag not in VOID:
            self.node = el

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.node.children.append(Element(tag, {k: v or "" for k, v in attrs}, self.node))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if self.node.tag != tag:
            self.problems.append(f"</{tag}> closes <{self.node.tag}>")
            return
        assert self.node.parent is not None
        self.node = self.node.parent

    def handle_data(self, data: str) -> None:
        self.node.children.append(data)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


def parse(page: str) -> Element:
    tree = _Tree()
    tree.feed(page)
    tree.close()
    assert not tree.problems, tree.problems[:5]
    assert tree.node is tree.root, f"<{tree.node.tag}> never closed"
    return tree.root


@dataclass
class PostingPage:
    """One posting's section of the report."""

    section: Element
    text: Element  # the article holding the posting
    cards: dict[str, Element]  # finding key -> card
    marks: dict[str, list[Element]]  # finding key -> its mark fragments, in order
    callouts: dict[str, list[Element]]  # finding key -> its "missing here" callouts

    def marked_text(self, key: str) -> str:
        """The text under a finding's marks, each character once (an inner fragment is
        inside an outer one of the same finding never: fragments do not nest)."""
        return "".join(m.text() for m in self.marks[key])

    def shown_text(self) -> str:
        """The posting as the report shows it: the article without the callouts."""
        return self.text.text(skip=frozenset({"missing"}))


def postings(root: Element) -> list[PostingPage]:
    out = []
    for section in root.iter():
        if section.tag != "section" or not section.has_class("posting"):
            continue
        article = next((e for e in section.iter() if e.tag == "article"), None)
        cards = {e.attrs["data-card"]: e for e in section.iter() if e.has_class("card")}
        marks: dict[str, list[Element]] = defaultdict(list)
        callouts: dict[str, list[Element]] = defaultdict(list)
        for e in section.iter():
            if e.tag == "mark" and e.has_class("f"):
                marks[e.attrs["data-f"]].append(e)
            elif e.tag == "aside" and e.has_class("missing"):
                callouts[e.attrs["data-f"]].append(e)
        out.append(PostingPage(section, article, cards, marks, callouts))  # type: ignore[arg-type]
    return out


def visible_text(el: Element) -> str:
    """What a reader sees of the posting, as text: hidden markup, link addresses, the
    reference numbers and callouts, the front matter and raw HTML shown as text left out;
    an entity as the character it stands for."""
    out: list[str] = []
    for c in el.children:
        if isinstance(c, str):
            out.append(c)
            continue
        classes = set(c.attrs.get("class", "").split())
        if "md-ent" in classes:
            out.append(c.attrs["data-glyph"])
        elif not classes & {"md-s", "md-url", "h-url", "missing", "fm", "md-html", "ref"}:
            out.append(visible_text(c))
    return "".join(out)
