"""A duty or qualification the posting's role profile must show is not there.

Which concepts apply comes from the profile (``rules/roles/*.yaml``); how each is said
comes from its concept. One rule reports the required duties, another the required
qualifications, and so on, each at the heading of the section the concept belongs in.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..options import Option
from ..packs import Rule
from .context import Context

KIND = "role-coverage"
OPTIONS = {
    "level": Option(str, doc="which concepts of the profile: required or recommended"),
    "section": Option(
        str, doc="concepts that belong in this section: responsibilities or qualifications"
    ),
    "min_words": Option(
        int, 150, doc="shorter postings (teasers, summaries) are not checked for every duty"
    ),
    "summarize_over": Option(
        int, 4, doc="when more concepts than this are missing, report them in one finding"
    ),
}
MESSAGE_FIELDS = ("profile", "concept", "example", "section")
NEEDS = frozenset({"nlp"})
FULL_POSTING = True

_SECTION_NAMES = {"responsibilities": "responsibilities", "qualifications": "qualifications"}


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    if ctx.posting.words < rule.options["min_words"]:
        return
    coverage = ctx.coverage()
    if coverage is None:
        return
    level, section = rule.options["level"], rule.options["section"]
    missing = [
        item.concept
        for item in coverage.items
        if item.level == level and item.concept.section == section and item.evidence is None
    ]
    if not missing:
        return
    start, end = _anchor(ctx, section)
    if len(missing) > rule.options["summarize_over"]:
        # A posting that leaves out most of the role reads as one problem, not a wall of them.
        labels = "; ".join(c.label for c in missing)
        message = (
            f"{coverage.profile.label} posting does not mention {len(missing)} of the "
            f"{_SECTION_NAMES.get(section, section)} the role needs: {labels}. "
            f'For example: "{missing[0].example}"'
        )
        yield rule.finding(
            start,
            end,
            message,
            profile=coverage.profile.label,
            concept=labels,
            example=missing[0].example,
            section=_SECTION_NAMES.get(section, section),
        )
        return
    for concept in missing:
        yield rule.finding(
            start,
            end,
            profile=coverage.profile.label,
            concept=concept.label,
            example=concept.example,
            section=_SECTION_NAMES.get(section, section),
        )


def _anchor(ctx: Context, section: str) -> tuple[int, int]:
    """The heading of the section the concept belongs in, else the title, else 1:1."""
    for s in ctx.posting.sections_with(section):
        if s.heading is not None:
            return s.heading.source_span()
    if ctx.posting.title_span:
        return ctx.posting.title_span
    return 0, 0
