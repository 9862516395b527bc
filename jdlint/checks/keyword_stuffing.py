"""A target keyword repeated far past what reads naturally: keyword stuffing.

Counts each keyword's role phrase in the body (headings and title excluded) and reports
it when it occurs at least ``min_count`` times and more than ``max_per_1000`` times per
1,000 words. The finding points at the occurrence that crosses the line.
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import keywords as kw
from ..findings import Finding
from ..options import Option
from ..packs import Rule
from .context import Context

KIND = "keyword-stuffing"
OPTIONS = {
    "max_per_1000": Option(float, 25.0, doc="most occurrences per 1,000 words that read naturally"),
    "min_count": Option(int, 8, doc="fewer occurrences than this are never stuffing"),
}
MESSAGE_FIELDS = ("keyword", "count", "words", "per_1000", "max_per_1000")
NEEDS = frozenset({"nlp"})


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    targets = kw.prepared(ctx)
    if not targets:
        return
    posting = ctx.posting
    words = posting.words
    if words == 0:
        return
    body = posting.body_blocks()
    tokens = {b.index: kw.block_tokens(ctx, b.index) for b in body}
    seen: set[str] = set()
    for k in targets:
        if k.role.lower() in seen:
            continue
        seen.add(k.role.lower())
        hits = [
            (b, t, a, z)
            for b in body
            for (a, z) in kw.occurrences(k, tokens[b.index])
            for t in [tokens[b.index]]
        ]
        count = len(hits)
        per_1000 = count * 1000 / words
        if count < rule.options["min_count"] or per_1000 <= rule.options["max_per_1000"]:
            continue
        block, toks, a, z = hits[rule.options["min_count"] - 1]
        start, end = block.source_span(toks[a][2], toks[z][3])
        yield rule.finding(
            start,
            end,
            keyword=k.role,
            count=count,
            words=words,
            per_1000=f"{per_1000:.0f}",
            max_per_1000=f"{rule.options['max_per_1000']:g}",
        )
