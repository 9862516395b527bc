"""A section candidates scan (responsibilities, qualifications) written as prose, not a list."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..options import Option
from ..packs import Rule
from .context import Context

KIND = "list-required"
OPTIONS = {
    "sections": Option(list[str], doc="canonical section keys to check"),
    "min_words": Option(int, 60, doc="shorter sections read fine as prose"),
}
MESSAGE_FIELDS = ("heading", "words")
NEEDS: frozenset[str] = frozenset()
FULL_POSTING = True


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    for section in ctx.posting.sections_with(*rule.options["sections"]):
        if section.heading is None or section.implicit:
            continue
        if any(b.kind == "list_item" for b in section.blocks):
            continue
        labelled = sum(1 for b in section.blocks if b.labelled)
        if labelled >= 3 and labelled * 3 >= len(section.blocks) * 2:
            continue  # "Care planning: ..." paragraph after paragraph scans like a list
        words = section.words
        if words < rule.options["min_words"]:
            continue
        start, end = section.heading.source_span()
        yield rule.finding(start, end, heading=section.title.rstrip(":").strip(), words=words)
