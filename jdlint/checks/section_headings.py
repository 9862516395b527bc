"""A posting of some length with no section a reader can find: one finding, not one per section."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..options import Option
from ..packs import Rule
from ..posting import Block
from .context import Context
from .required_section import headings_list

KIND = "section-headings"
OPTIONS = {
    "min_words": Option(int, 150, doc="shorter postings are not checked"),
    "min_words_with_lists": Option(
        int,
        150,
        doc="a posting this long is checked when it has list_items list items that no line "
        "introduces (duties and requirements in lists with nothing to tell them apart)",
    ),
    "list_items": Option(int, 5, doc="for min_words_with_lists: how many list items"),
}
MESSAGE_FIELDS = ("words", "found")
NEEDS: frozenset[str] = frozenset()
FULL_POSTING = True


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    posting = ctx.posting
    words = posting.words
    opts = rule.options
    if ctx.keyed_sections():
        return
    if words < opts["min_words"] and not (
        words >= opts["min_words_with_lists"]
        and _bare_items(posting.blocks, posting.format) >= opts["list_items"]
    ):
        return
    headings = [
        s.title.rstrip(":").strip()
        for s in posting.sections
        if s.heading is not None and s.heading.source_span() != posting.title_span
    ]
    if headings:
        seen = headings_list("headings seen", headings)
        found = f"No heading names a section candidates look for ({seen})"
    else:
        found = "No section headings found"
    start = posting.anchor()
    yield rule.finding(start, start, words=words, found=found)


def _bare_items(blocks: list[Block], fmt: str) -> int:
    """List items that no heading or lead-in line ("All applicants must:") introduces. In
    plain text, a list that starts a new paragraph right after another list is a new list."""
    count = 0
    introduced = False
    prev: Block | None = None
    for block in blocks:
        if block.kind == "list_item":
            if (
                fmt == "text"
                and prev is not None
                and prev.kind == "list_item"
                and prev.origin != block.origin
            ):
                introduced = False
            count += not introduced
        else:
            introduced = block.kind == "heading" or block.text.rstrip().endswith(":")
        prev = block
    return count
