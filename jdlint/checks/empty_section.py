"""A section heading with nothing under it before the next heading of the same or a higher level.

Only headings that name a known section (Benefits, Schedule, Qualifications) are checked:
an unknown empty heading is as often a banner, a company name above the title, or a
value scraped into a heading ("Licenses" then "Registered Nurse") as a forgotten section.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..options import Option
from ..packs import Rule
from .context import Context

KIND = "empty-section"
OPTIONS = {
    "ignore_sections": Option(
        list[str],
        ["how_to_apply"],
        doc="section keys whose heading may stand alone (an apply link)",
    ),
    "umbrella_sections": Option(
        list[str],
        ["overview"],
        doc="section keys whose heading, right above another heading, heads the sections "
        "below it ('Job Description' over 'Duties')",
    ),
}
MESSAGE_FIELDS = ("heading",)
NEEDS: frozenset[str] = frozenset()


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    posting = ctx.posting
    headed = [s for s in posting.sections if s.heading is not None]
    seen_body = False
    for i, section in enumerate(headed):
        heading = section.heading
        assert heading is not None
        masthead = not seen_body
        seen_body = seen_body or bool(section.blocks)
        if section.blocks or section.key is None or section.key in rule.options["ignore_sections"]:
            continue
        if masthead:
            continue  # the lines above the posting's first text: title, employer, place
        if posting.title_span and heading.source_span() == posting.title_span:
            continue
        nxt = headed[i + 1] if i + 1 < len(headed) else None
        if nxt is not None and (
            nxt.level > section.level
            or nxt.key in (None, section.key)
            or section.key in rule.options["umbrella_sections"]
        ):
            # A parent of subsections ("Requirements" over "Education:", "JOB
            # DESCRIPTION" over "DUTIES:"), or a value set as a heading ("Licenses" over
            # "Registered Nurse").
            continue
        start, end = heading.source_span()
        yield rule.finding(start, end, heading=heading.text.strip())
