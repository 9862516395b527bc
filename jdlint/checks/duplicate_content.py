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
    # The posting's words in one search: a line break is no word character, so no word
    # runs from one block into the next. Casefolding maps each character on its own and
    # adds no spaces, so the words line up with the search's.
    found = _WORD.findall("\n".join([b.text for b in posting.blocks]))
    words = " ".join(found).casefold().split(" ") if found else []
    n = len(words)
    if n < 2 * min_words:
        return
    # The windows of k words, built in C by zip. No window twice, no copy: most postings
    # stop here without a Python-level loop over their words.
    windows = list(zip(*(words[j:] for j in range(k)), strict=False))
    if len(set(windows)) == len(windows):
        return
    # Where each window first appears: a dict built from the windows in reverse keeps the
    # first position.
    first_at = dict(zip(reversed(windows), range(len(windows) - 1, -1, -1), strict=True))
    firsts = list(map(first_at.__getitem__, windows))
    # Word i starts a window that first appeared at copy_of[i] (not overlapping it).
    copy_of = {i: f for i, f in enumerate(firsts) if f + k <= i}
    if not copy_of:
        return
    owner: list[int] = []  # the block each word is in
    local: list[int] = []  # its place among that block's words
    for bi, block in enumerate(posting.blocks):
        size = len(_WORD.findall(block.text))
        owner.extend([bi] * size)
        local.extend(range(size))
    # Words covered by a copied window, and runs of them.
    starts = sorted(copy_of)
    pos = 0
    while pos < len(starts):
        start = starts[pos]
        first, end = copy_of[start], start + k
        pos += 1
        while pos < len(starts) and starts[pos] < end:
            end = max(end, starts[pos] + k)
            pos += 1
        end = min(end, n)
        count = end - start
        if count >= min_words:
            yield _finding(rule, ctx, owner, local, start, end, first, count)


def _span(ctx: Context, owner: list[int], local: list[int], i: int) -> tuple[Block, int, int]:
    """The block of word i and the word's clean span in it."""
    block = ctx.posting.blocks[owner[i]]
    m = next(m for j, m in enumerate(_WORD.finditer(block.text)) if j == local[i])
    return block, m.start(), m.end()


def _finding(
    rule: Rule,
    ctx: Context,
    owner: list[int],
    local: list[int],
    start: int,
    end: int,
    first: int,
    count: int,
) -> Finding:
    lines = ctx.posting.lines
    b0, a0, _ = _span(ctx, owner, local, start)
    b1, _, z1 = _span(ctx, owner, local, end - 1)
    s = b0.source_span(a0, a0 + 1)[0]
    e = b1.source_span(z1 - 1, z1)[1]
    fb, fa, _ = _span(ctx, owner, local, first)
    first_at = fb.source_span(fa, fa + 1)[0]
    line = lines.line_col(first_at)[0]
    # The first copy's opening words, as written, from its first block.
    same = [i for i in range(first, min(first + 6, len(owner))) if owner[i] == owner[first]]
    _, _, last_end = _span(ctx, owner, local, same[-1])
    preview = fb.text[fa:last_end]
    more = len(same) < count
    return rule.finding(
        s, max(s, e), words=count, line=line, first=preview + (" ..." if more else "")
    )
