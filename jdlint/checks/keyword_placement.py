"""The role keyword is missing from a place search engines and job boards weigh most.

``place: title`` checks the posting's title and, when the title is front matter only and
the first heading differs from it, that heading;
``place: opening`` checks the first ``words`` words of the body. Any target keyword's role
phrase satisfies the check (``jdlint/keywords.py``); the message names the first target.
Postings without target keywords are not checked.
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import keywords as kw
from ..findings import Finding
from ..options import Option
from ..packs import Rule
from .context import Context

KIND = "keyword-placement"
OPTIONS = {
    "place": Option(str, doc="title (title and first heading) or opening (the first words)"),
    "words": Option(int, 100, doc="for place: opening, how many words of the body count"),
}
MESSAGE_FIELDS = ("keyword", "where", "words", "near")
NEEDS = frozenset({"nlp"})


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    targets = kw.prepared(ctx, titles=True)
    if not targets:
        return
    primary = targets[0]
    posting = ctx.posting
    if rule.options["place"] == "title":
        places: list[tuple[str, tuple[int, int], str]] = []
        if posting.title:
            places.append((posting.title, title_span(ctx), "title"))
        first = next((b for b in posting.blocks if b.kind == "heading"), None)
        if (
            # The first heading matters when the title lives in front matter only; a title
            # read from the posting's own lines is the heading a reader sees.
            posting.title_span is None
            and first is not None
            and (
                not posting.title
                or " ".join(first.text.lower().split()) != " ".join(posting.title.lower().split())
            )
            and first.level <= 1
        ):
            places.append((first.text, first.source_span(), "first heading"))
        for text, (start, end), where in places:
            if any(kw.in_text(ctx, k, text) for k in targets):
                continue
            yield rule.finding(start, end, keyword=primary.role, where=where, words="", near="")
        return
    limit = rule.options["words"]
    seen = 0
    body = posting.body_blocks()
    near = ""
    for block in body:
        tokens = kw.block_tokens(ctx, block.index)
        take = tokens[: max(0, limit - seen)]
        if any(kw.occurrences(k, take) for k in targets):
            return
        if not near:
            near = _misspelt(block.text, take, targets)
        seen += len(tokens)
        if seen >= limit:
            break
    if not body:
        return
    start, end = body[0].source_span()
    yield rule.finding(
        start, end, keyword=primary.role, where="opening", words=str(limit), near=near
    )


def _misspelt(text: str, tokens: list[tuple[str, str, int, int]], targets: list[kw.Keyword]) -> str:
    """ "; 'Case Manger' reads as a misspelling of it" when the opening names the role with
    one letter wrong in a word, so the message says what a reader sees."""
    for k in targets:
        n = len(k.words)
        for i in range(len(tokens) - n + 1):
            window = tokens[i : i + n]
            if all(_close(t[0], w[0]) for t, w in zip(window, k.words, strict=True)):
                return f"; '{text[window[0][2] : window[-1][3]]}' reads as a misspelling of it"
    return ""


def _close(word: str, target: str) -> bool:
    """The same word, or one edit away in a word of five letters or more."""
    if word == target:
        return True
    if len(target) < 5 or abs(len(word) - len(target)) > 1:
        return False
    if len(word) == len(target):
        return sum(a != b for a, b in zip(word, target, strict=True)) == 1
    short, long = sorted((word, target), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def title_span(ctx: Context) -> tuple[int, int]:
    """Where the title is: its heading, else its front matter line, else the start."""
    posting = ctx.posting
    if posting.title_span:
        return posting.title_span
    fm = posting.front_matter
    if fm is not None and "title" in fm.key_lines:
        line = fm.key_lines["title"]
        start, end = posting.lines.offset(line), posting.lines.line_end(line)
        i = posting.text.find(posting.title or "", start, end) if posting.title else -1
        if i >= 0:
            return i, i + len(posting.title or "")
        return start, end
    a = posting.anchor()
    return a, a
