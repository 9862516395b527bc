"""Headings, list items and paragraphs run together on one line of the source.

Scraped and exported postings often lose their line breaks: a duties list becomes
"... at home.* Assess needs * Plan care ...", a heading is glued to the sentence before it.
The layout stage (``readers/layout.py``) recovers the pieces so every other rule reads them
right; this rule tells the author that a candidate sees them run together, once per posting
(one export lost the breaks everywhere), at the first such line.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..options import Option
from ..packs import Rule
from ..posting import Block
from .context import Context

KIND = "run-together"
OPTIONS = {
    "min_pieces": Option(int, 3, doc="report a line of the source that holds this many pieces"),
}
MESSAGE_FIELDS = ("pieces", "what", "lines")
NEEDS: frozenset[str] = frozenset()

_NAMES = {"heading": ("heading", "headings"), "list_item": ("list item", "list items")}


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    groups: list[list[Block]] = []
    group: list[Block] = []
    for block in [*ctx.posting.blocks, None]:
        if block is not None and block.joined and group:
            group.append(block)
            continue
        if len(group) >= rule.options["min_pieces"]:
            groups.append(group)
        group = [block] if block is not None else []
    if groups:
        first = groups[0]
        start, end = first[0].source_span()
        lines = "" if len(groups) == 1 else f"; {len(groups) - 1} more lines like it"
        yield rule.finding(start, end, pieces=len(first), what=_describe(first), lines=lines)


def _describe(group: list[Block]) -> str:
    counts: dict[str, int] = {}
    for block in group:
        counts[block.kind] = counts.get(block.kind, 0) + 1
    parts = []
    for kind in ("heading", "list_item", "paragraph"):
        n = counts.get(kind, 0)
        if n:
            one, many = _NAMES.get(kind, ("paragraph", "paragraphs"))
            parts.append(f"{n} {one if n == 1 else many}")
    return ", ".join(parts)
