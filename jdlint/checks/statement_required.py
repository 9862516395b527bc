"""A statement a posting should carry (equal opportunity, reasonable accommodation) is missing.

The statements are recognised in their common wordings (``jdlint/statements.py``). The
finding points at the heading of the equal-opportunity section when there is one, else at
the end of the posting, where such statements belong.
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import statements
from ..findings import Finding
from ..options import Option
from ..packs import Rule
from .context import Context

KIND = "statement-required"
OPTIONS = {
    "statement": Option(str, doc="which statement: eeo or accommodation"),
    "min_words": Option(int, 150, doc="shorter postings (teasers, summaries) are not checked"),
}
MESSAGE_FIELDS = ("where",)
NEEDS: frozenset[str] = frozenset()
FULL_POSTING = True

_PATTERNS = {"eeo": statements.EEO, "accommodation": statements.ACCOMMODATION}


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    posting = ctx.posting
    which = rule.options["statement"]
    pattern = _PATTERNS.get(which)
    if pattern is None:
        return
    if posting.words < rule.options["min_words"]:
        return
    if statements.find_first(posting, pattern) is not None:
        return
    eeo = posting.sections_with("eeo")
    if eeo and eeo[0].heading is not None:
        start, end = eeo[0].heading.source_span()
        where = f" (under '{eeo[0].title.rstrip(':').strip()}')"
    else:
        body = posting.body_blocks()
        if body:
            start, end = body[-1].source_span()
        else:
            start = end = posting.anchor()
        where = " (at the end of the posting)"
    yield rule.finding(start, end, where=where)
