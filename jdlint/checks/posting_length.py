"""The posting's length, in words of prose and list items, is outside the range that performs.

Also ``sections``: a responsibilities or qualifications section too short to tell a
candidate what the job is (``min_words``), checked when the option lists sections.
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import pay as pay_mod
from ..findings import Finding
from ..options import Option
from ..packs import Rule
from ..posting import Posting
from .context import Context

KIND = "posting-length"
OPTIONS = {
    "min_words": Option(int, 0, doc="fewer words than this is too short (0: no minimum)"),
    "max_words": Option(int, 0, doc="more words than this is too long (0: no maximum)"),
    "sections": Option(
        list[str], [], doc="check these sections' length instead of the whole posting's"
    ),
}
MESSAGE_FIELDS = ("words", "limit", "heading", "describe")
NEEDS: frozenset[str] = frozenset()


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    posting = ctx.posting
    lo, hi = rule.options["min_words"], rule.options["max_words"]
    if rule.options["sections"]:
        # All the sections of one kind count together: "Education" and "Licenses" are
        # both qualifications, and a one-line license section beside them is fine.
        for key in rule.options["sections"]:
            group = [s for s in posting.sections if s.key == key and s.heading is not None]
            if not group or not any(s.blocks for s in group):
                continue  # missing (S102/S103) or empty (S201)
            words = sum(s.words for s in group) + sum(
                s.words
                for s in posting.sections
                if s.key != key and any(s.level > g.level and _inside(posting, g, s) for g in group)
            )
            if lo and words < lo:
                first = group[0]
                start, end = first.heading.source_span()
                yield rule.finding(
                    start, end, words=words, limit=lo, heading=first.title.rstrip(":").strip()
                )
        return
    words = posting.words
    if words == 0:
        return
    limit = None
    if lo and words < lo:
        limit = lo
    elif hi and words > hi:
        limit = hi
    if limit is None:
        return
    a = posting.anchor()
    end = posting.title_span[1] if posting.title_span else a
    yield rule.finding(a, end, words=words, limit=limit, heading="", describe=_describe(posting))


def _describe(posting: Posting) -> str:
    """What a short posting should say more about: pay only when it states none."""
    pay, _ = pay_mod.of_posting(posting)
    if posting.meta.get("salary") not in (None, "", []) or (
        pay is not None and pay.kind != "vague"
    ):
        return "the duties and requirements"
    return "the duties, requirements, pay and benefits"


def _inside(posting, parent, child) -> bool:
    """``child`` is a subsection of ``parent`` ("Nice to have" under "What you'll bring")."""
    sections = posting.sections
    i, j = sections.index(parent), sections.index(child)
    if j <= i:
        return False
    return all(s.level > parent.level for s in sections[i + 1 : j + 1])
