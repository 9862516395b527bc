"""A posting of some length with no section a reader can find: one finding, not one per section."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..options import Option
from ..packs import Rule
from .context import Context
from .required_section import headings_list

KIND = "section-headings"
OPTIONS = {"min_words": Option(int, 150, doc="shorter postings are not checked")}
MESSAGE_FIELDS = ("words", "found")
NEEDS: frozenset[str] = frozenset()
FULL_POSTING = True


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    posting = ctx.posting
    words = posting.words
    if words < rule.options["min_words"] or ctx.keyed_sections():
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
