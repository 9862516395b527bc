"""A target keyword never appears in the posting, in any word form.

Only keywords the author chose (front matter or config ``keywords``) are checked; a
role profile's default keywords are suggestions, not promises the posting made.

A keyword like "x job description" is covered when "x" is (``jdlint/keywords.py``). The
title and headings count: that is where a search engine looks first.
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import keywords as kw
from ..findings import Finding
from ..packs import Rule
from .context import Context
from .keyword_placement import title_span

KIND = "keyword-coverage"
OPTIONS: dict = {}
MESSAGE_FIELDS = ("keyword",)
NEEDS = frozenset({"nlp"})


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    targets = kw.prepared(ctx, explicit=True)
    if not targets:
        return
    posting = ctx.posting
    texts = [kw.block_tokens(ctx, b.index) for b in posting.blocks]
    title = kw.forms(ctx, posting.title) if posting.title else []
    reported: set[str] = set()
    for k in targets:
        if k.role.lower() in reported:
            continue
        if kw.occurrences(k, title) or any(kw.occurrences(k, t) for t in texts):
            continue
        reported.add(k.role.lower())
        start, end = title_span(ctx)
        yield rule.finding(start, end, keyword=k.text)
