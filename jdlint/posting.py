"""The Posting model every reader produces and every check reads."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from .source import LineIndex, MappedText

BlockKind = Literal["heading", "paragraph", "list_item"]

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
# _WORD with possessive repeats: its first way through always matches, so the matches are
# the same, with no places to come back to kept on the way.
_WORD_ONCE = re.compile(r"[^\W_]++(?:['’\-][^\W_]++)*+")


def count_words(text: str) -> int:
    """How many matches of ``_WORD`` the text holds (counted without making their strings)."""
    return _WORD_ONCE.subn("", text)[1]


@dataclass
class Block:
    """A heading, paragraph or list item: clean text mapped to its place in the source.

    ``marked`` tells a list item with a visible bullet or number from a line that only
    reads as one (plain text that lost its bullets). What the markup says is kept for the
    layout stage (``readers/layout.py``): ``bold`` and ``links`` are clean spans in bold and
    in link text, ``soft`` the offsets of line breaks that only wrap a paragraph (a Markdown
    soft break; every other line break in the clean text is a "\\n" that ends a line).
    ``joined`` marks a block that began inside a line of the source, run into the text
    before it (scraped text that lost its line breaks); ``origin`` numbers the reader's
    block (a Markdown paragraph, an HTML element) it was recovered from. ``labelled`` marks a paragraph that opens with a short label ("Care planning: ...");
    ``lang`` is the language when it is not English, and ``boilerplate`` marks legal text
    the author cannot rewrite (equal-opportunity and privacy notices).
    """

    kind: BlockKind
    mapped: MappedText
    level: int = 0
    marked: bool = True
    index: int = 0
    section: int = 0
    bold: tuple[tuple[int, int], ...] = ()
    links: tuple[tuple[int, int], ...] = ()
    soft: frozenset[int] = frozenset()
    joined: bool = False
    origin: int = 0  # which of the reader's blocks it was recovered from
    labelled: bool = False
    lang: str | None = None
    boilerplate: bool = False
    _words: tuple[str, int] | None = field(default=None, repr=False, compare=False)

    @property
    def text(self) -> str:
        return self.mapped.text

    @property
    def start(self) -> int:
        return self.mapped.to_source(0)

    @property
    def end(self) -> int:
        return self.mapped.source_span(0, len(self.mapped.text))[1]

    @property
    def words(self) -> int:
        # Rules ask this hundreds of times per posting; recount only if the text changed.
        text = self.mapped.text
        cached = self._words
        if cached is None or cached[0] is not text:
            cached = self._words = (text, count_words(text))
        return cached[1]

    def source_span(self, start: int = 0, end: int | None = None) -> tuple[int, int]:
        return self.mapped.source_span(start, len(self.text) if end is None else end)


@dataclass
class Section:
    """A heading and the blocks up to the next heading of the same or a higher level.

    ``key`` is the canonical section ("responsibilities", ...) or None; a section without a
    heading (the text before the first heading) has ``heading`` None.
    """

    heading: Block | None
    key: str | None
    level: int
    blocks: list[Block] = field(default_factory=list)
    implicit: bool = False
    # Other sections this one also holds: "About the role" written as duty after duty
    # ("To assess ... To plan ...") is the responsibilities section too.
    also: set[str] = field(default_factory=set)
    # Sentences that state a duty ("You will coordinate ...", "To assess ...").
    duties: int = 0

    @property
    def title(self) -> str:
        return self.heading.text if self.heading else ""

    @property
    def words(self) -> int:
        return sum(b.words for b in self.blocks)

    @property
    def anchor(self) -> int:
        """Where a finding about this section points."""
        if self.heading:
            return self.heading.start
        return self.blocks[0].start if self.blocks else 0


@dataclass
class FrontMatter:
    data: dict[str, Any]
    start: int
    end: int
    key_lines: dict[str, int] = field(default_factory=dict)
    syntax: str = "yaml"


@dataclass
class Posting:
    text: str
    path: str
    format: str
    blocks: list[Block]
    sections: list[Section]
    front_matter: FrontMatter | None = None
    title: str | None = None
    title_span: tuple[int, int] | None = None
    lines: LineIndex = field(init=False)
    # What several rules and modules read from the whole posting (its pay, its places):
    # worked out once per posting, not once per caller.
    _memo: dict[Any, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.lines = LineIndex(self.text)

    def memo(self, key: Any, build: Any) -> Any:
        """``build()`` on first use of ``key`` for this posting, then the same value. The
        posting is not changed after it is read, so nothing it derives goes stale."""
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = build()
            return value

    @property
    def meta(self) -> dict[str, Any]:
        return self.front_matter.data if self.front_matter else {}

    def sections_with(self, *keys: str) -> list[Section]:
        return [s for s in self.sections if s.key in keys or not s.also.isdisjoint(keys)]

    def body_blocks(self) -> list[Block]:
        """Blocks of prose and lists, without headings (a new list each call)."""
        return list(self._body()[0])

    @property
    def words(self) -> int:
        return self._body()[1]

    def _body(self) -> tuple[list[Block], int]:
        # Most rules ask for these; worked out again only if ``blocks`` is another list or
        # changed length (the posting is not changed after it is read).
        blocks = self.blocks
        got = self._memo.get("body")
        if got is None or got[0] is not blocks or got[1] != len(blocks):
            body = [b for b in blocks if b.kind != "heading"]
            got = self._memo["body"] = (blocks, len(blocks), body, sum(b.words for b in body))
        return got[2], got[3]

    def anchor(self) -> int:
        """Where a finding about the whole posting points: the title, else the start."""
        if self.title_span:
            return self.title_span[0]
        for b in self.blocks:
            return b.start
        return 0
