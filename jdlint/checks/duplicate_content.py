"""Text pasted twice: a paragraph, a list or a whole block of sections that appears again.

The posting's words (letters and digits, case folded, so line breaks, bullets, markup and
punctuation do not matter) are read in order across every block; each run of ``window``
words is hashed and remembered where it first appeared. A run seen before marks its words
as a copy, and copied words that follow each other make one finding when there are at
least ``min_words`` of them: at the second copy, naming the line of the first. One pass,
one dictionary: linear in the posting's length. A translation is no copy, and neither is a
phrase of a few words ("as part of a team") that two sentences share.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..findings import Finding
from ..options import Option
from ..packs import Rule
from ..posting import Block
from .context import Context

KIND = "duplicate-content"
OPTIONS = {
    "min_words": Option(int, 25, doc="report copies of at least this many words"),
    "window": Option(int, 8, doc="words hashed together: shorter shared phrases never count"),
}
MESSAGE_FIELDS = ("words", "line", "first")
NEEDS: frozenset[str] = frozenset()

_WORD = re.compile(r"[^\W_]+")


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    posting = ctx.posting
    k = max(2, rule.options["window"])
    min_words = max(k, rule.options["min_words"])
    words: list[str] = []
    where: list[tuple[Block, int, int]] = []
    for block in posting.blocks:
        for m in _WORD.finditer(block.text):
            words.append(m.group().casefold())
            where.append((block, m.start(), m.end()))
    if len(words) < 2 * min_words:
        return
    seen: dict[tuple[str, ...], int] = {}
    # copy_of[i]: where the window starting at word i appeared first, or -1.
    copy_of = [-1] * len(words)
    for i in range(len(words) - k + 1):
        key = tuple(words[i : i + k])
        first = seen.setdefault(key, i)
        if first + k <= i:
            copy_of[i] = first
    # Words covered by a copied window, and runs of them.
    i, n = 0, len(words)
    while i < n:
        if copy_of[i] < 0:
            i += 1
            continue
        start, first, end = i, copy_of[i], i + k
        j = i + 1
        while j < n and (copy_of[j] >= 0 or j < end):
            if copy_of[j] >= 0:
                end = max(end, j + k)
            j += 1
        end = min(end, n)
        count = end - start
        if count >= min_words:
            yield _finding(rule, ctx, where, start, end, first, count)
        i = end


def _finding(
    rule: Rule,
    ctx: Context,
    where: list[tuple[Block, int, int]],
    start: int,
    end: int,
    first: int,
    count: int,
) -> Finding:
    lines = ctx.posting.lines
    b0, a0, _ = where[start]
    b1, _, z1 = where[end - 1]
    s = b0.source_span(a0, a0 + 1)[0]
    e = b1.source_span(z1 - 1, z1)[1]
    fb, fa, _ = where[first]
    first_at = fb.source_span(fa, fa + 1)[0]
    line = lines.line_col(first_at)[0]
    # The first copy's opening words, as written, from its first block.
    same = [z for b, _, z in where[first : first + 6] if b is fb]
    preview = fb.text[fa : same[-1]]
    more = len(same) < count
    return rule.finding(
        s, max(s, e), words=count, line=line, first=preview + (" ..." if more else "")
    )
