"""A posting that never says "you": it talks about the reader instead of to them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..findings import Finding
from ..options import Option
from ..packs import Rule
from .context import Context

KIND = "second-person"
OPTIONS = {
    "min_words": Option(int, 100, doc="shorter postings are not checked"),
}
MESSAGE_FIELDS = ("words",)
NEEDS: frozenset[str] = frozenset()

_YOU = re.compile(r"\b(?:you|your|yours|yourself)\b|\byou['’](?:ll|re|ve|d)\b", re.IGNORECASE)


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    posting = ctx.posting
    body = posting.body_blocks()
    words = sum(b.words for b in body)
    if words < rule.options["min_words"]:
        return
    if any(_YOU.search(b.text) for b in posting.blocks):
        return
    # Where "you" belongs first: the opening paragraph.
    first = body[0]
    start, end = first.source_span()
    yield rule.finding(start, end, words=words)
