"""A paragraph (or list item) so long that readers skip it: a wall of text."""

from __future__ import annotations

from collections.abc import Iterator

from .. import readability
from ..findings import Finding
from ..options import Option
from ..packs import Rule
from .context import Context

KIND = "long-block"
OPTIONS = {
    "max_words": Option(int, 150, doc="blocks longer than this are reported"),
    "blocks": Option(list[str], ["paragraph"], doc="block kinds to check: paragraph, list_item"),
    "except_sections": Option(
        list[str], [], doc="section keys left to another rule (S202 covers prose responsibilities)"
    ),
    "scored_only": Option(
        bool,
        False,
        doc="only blocks the readability rules score (no legal notices, other languages or "
        "link-only blocks)",
    ),
}
MESSAGE_FIELDS = ("words", "max_words")
NEEDS: frozenset[str] = frozenset()


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    limit = rule.options["max_words"]
    kinds = set(rule.options["blocks"])
    skip = set(rule.options["except_sections"])
    sections = ctx.posting.sections
    scored_only = rule.options["scored_only"]
    for block in ctx.posting.blocks:
        if scored_only and not readability.scored(block):
            continue
        if block.kind in kinds and sections[block.section].key not in skip:
            words = block.words
            if words > limit:
                start, end = block.source_span()
                yield rule.finding(start, end, words=words, max_words=limit)
