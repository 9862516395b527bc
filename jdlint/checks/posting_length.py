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
            words = _words_with_subsections(posting, key)
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


def _words_with_subsections(posting: Posting, key: str) -> int:
    """Words of the sections headed as ``key`` and of their subsections of other kinds
    ("Nice to have" under "What you'll bring"), in one walk over the sections: a
    subsection is any section after a ``key`` heading until one at that heading's level or
    above. A ``key`` section nested in another only extends the outer one's reach, so the
    outermost open one is all the walk keeps (a posting of thousands of sections stays
    linear; comparing every section with every heading was cubic)."""
    words = 0
    open_level: int | None = None  # level of the outermost ``key`` heading still open
    for s in posting.sections:
        if open_level is not None and s.level <= open_level:
            open_level = None
        if s.key == key:
            if s.heading is not None:
                words += s.words
                if open_level is None:
                    open_level = s.level
        elif open_level is not None:
            words += s.words
    return words
