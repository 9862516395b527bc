"""A posting of some length with no section a reader can find: one finding, not one per section."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..options import Option
from ..packs import Rule
from .context import Context

KIND = "section-headings"
OPTIONS = {"min_words": Option(int, 150, doc="shorter postings are not checked")}
MESSAGE_FIELDS = ("words",)
NEEDS: frozenset[str] = frozenset()


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    words = ctx.posting.words
    if words < rule.options["min_words"] or ctx.keyed_sections():
        return
    start = ctx.posting.anchor()
    yield rule.finding(start, start, words=words)
