"""A requirement stated with "must" that reads like a preference.

"Must have Epic experience preferred", "must ideally hold a CCM", or "must" under a
"Preferred" or "Nice to have" heading: the reader cannot tell whether it screens them out.
Plain-language guidance keeps "must" for requirements; say "preferred" without "must", or
move it to the required list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..findings import Finding
from ..options import Option
from ..packs import Rule
from ..prefilter import lacks
from .context import Context

KIND = "must-preference"
OPTIONS = {
    "preferred_headings": Option(
        list[str],
        ["preferred", "nice to have", "nice-to-have", "bonus", "desired", "desirable", "a plus"],
        doc="a heading containing one of these starts a list of preferences",
    ),
}
MESSAGE_FIELDS = ("marker",)
NEEDS: frozenset[str] = frozenset()

_MUST = re.compile(r"\bmust\b", re.IGNORECASE)
_MARKER = re.compile(
    r"\b(?:preferred|preferably|ideally|(?:is|are|would be)\s+(?:a\s+)?(?:plus|bonus|"
    r"advantage|an\s+advantage|an\s+asset|desirable|helpful|beneficial)|"
    r"a\s+plus|nice[\s-]to[\s-]have|desirable|if\s+possible)\b",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"[^;,.!?()]+")


@lru_cache(maxsize=256)
def _marker_regex(marker: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(marker)}\b")


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    markers = [_marker_regex(h.lower()) for h in rule.options["preferred_headings"]]
    posting = ctx.posting
    preferred: dict[int, bool] = {}  # by section
    for block in posting.body_blocks():
        text = block.text
        if not _may_match(text):
            continue
        if block.section not in preferred:
            heading = posting.sections[block.section].title.lower()
            preferred[block.section] = any(m.search(heading) for m in markers)
        under_preferred = preferred[block.section]
        for clause in _CLAUSE.finditer(text):
            must = _MUST.search(clause.group())
            if not must:
                continue
            marker = _MARKER.search(clause.group())
            if marker:
                found = marker.group(0)
            elif under_preferred and block.kind == "list_item":
                found = f'the "{posting.sections[block.section].title.strip(": ")}" heading'
            else:
                continue
            if marker:
                found = f'"{found}"'
            lo = clause.start() + len(clause.group()) - len(clause.group().lstrip())
            hi = clause.start() + len(clause.group().rstrip())
            start, end = block.source_span(lo, hi)
            yield rule.finding(start, end, marker=found)
            break


def _may_match(text: str) -> bool:
    """False only for text where ``_MUST`` finds nothing, so no clause of it is read."""
    return not lacks(text, ("must",))
