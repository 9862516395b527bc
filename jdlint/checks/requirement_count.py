"""How many requirements the qualifications section lists.

There is no authoritative cap (the Behavioural Insights Team found people judge from their
overall impression of the list), so this is house style and off by default; the count is
always in the JSON ``metrics`` as ``requirements``.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..options import Option
from ..packs import Rule
from ..posting import Posting
from .context import Context

KIND = "requirement-count"
OPTIONS = {
    "max": Option(int, 10, doc="report a qualifications section with more bullets than this"),
    "sections": Option(list[str], ["qualifications"], doc="section keys counted"),
}
MESSAGE_FIELDS = ("count", "max")
NEEDS: frozenset[str] = frozenset()


def count(posting: Posting, keys: tuple[str, ...] = ("qualifications",)) -> int:
    """List items in the given sections (all of them: required and preferred)."""
    return sum(1 for s in posting.sections_with(*keys) for b in s.blocks if b.kind == "list_item")


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    keys = tuple(rule.options["sections"])
    n = count(ctx.posting, keys)
    if n > rule.options["max"]:
        section = next(s for s in ctx.posting.sections_with(*keys) if s.blocks)
        start = section.anchor
        end = section.heading.end if section.heading else section.blocks[0].end
        yield rule.finding(start, end, count=n, max=rule.options["max"])
