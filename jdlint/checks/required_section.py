"""A section a candidate looks for is missing (overview, responsibilities, ...).

The finding points where the section belongs: the heading of the section it would
follow, else the title, else the start of the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from .. import safe_regex
from ..findings import Finding
from ..options import Option
from ..packs import Rule
from .context import Context

KIND = "required-section"
OPTIONS = {
    "sections": Option(list[str], doc="canonical section keys; any one of them satisfies the rule"),
    "label": Option(str, doc="what the missing section is called in messages"),
    "min_words": Option(int, 0, doc="postings shorter than this are not checked"),
    "front_matter": Option(
        list[str], [], doc="front matter keys that, when set, satisfy the rule (salary)"
    ),
    "text_pattern": Option(
        str, "", doc="a regular expression that, found in the body, satisfies the rule"
    ),
}
MESSAGE_FIELDS = ("label", "after")
NEEDS: frozenset[str] = frozenset()

# The order a reader expects; a missing section belongs after the last one before it.
ORDER = (
    "overview",
    "about_company",
    "responsibilities",
    "qualifications",
    "benefits",
    "how_to_apply",
    "eeo",
)


def validate(options: dict[str, Any]) -> list[str]:
    """Errors in the options (called when the pack or config is loaded)."""
    return safe_regex.validate("text_pattern", options.get("text_pattern") or "", re.IGNORECASE)


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    posting = ctx.posting
    wanted = set(rule.options["sections"])
    if posting.words < rule.options["min_words"]:
        return
    if not ctx.keyed_sections():
        # A posting with no recognisable sections gets one finding for that (S105), not
        # one per section.
        return
    if any(s.key in wanted for s in posting.sections):
        return
    if any(posting.meta.get(k) not in (None, "", []) for k in rule.options["front_matter"]):
        return
    pattern = rule.options["text_pattern"]
    if pattern and any(_compiled(pattern).search(b.text) for b in posting.body_blocks()):
        return
    # It belongs after the present section that comes closest before it in reading order.
    first = min((ORDER.index(k) for k in wanted if k in ORDER), default=len(ORDER))
    before = [
        (ORDER.index(s.key), i, s)
        for i, s in enumerate(posting.sections)
        if s.key in ORDER and ORDER.index(s.key) < first and (s.heading or s.implicit)
    ]
    anchor_section = max(before, key=lambda t: (t[0], t[1]))[2] if before else None
    if anchor_section and anchor_section.implicit and anchor_section.blocks:
        start, end = anchor_section.blocks[-1].source_span()
        after = " (it belongs after the opening paragraphs)"
    elif anchor_section and anchor_section.heading:
        start, end = anchor_section.heading.source_span()
        after = f" (it belongs after '{anchor_section.title.rstrip(':').strip()}')"
    elif posting.title_span:
        start, end = posting.title_span
        after = ""
    else:
        start = end = 0
        after = ""
    yield rule.finding(start, end, label=rule.options["label"], after=after)


@lru_cache(maxsize=64)
def _compiled(pattern: str) -> re.Pattern[str]:
    return safe_regex.compile(pattern, re.IGNORECASE)
