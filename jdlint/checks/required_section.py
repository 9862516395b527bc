"""A section a candidate looks for is missing (overview, responsibilities, ...).

The message says what jdlint saw, so it stays true when the section is there under a
heading it did not recognise: "No section recognised as qualifications (headings not
recognised: ...)". A posting with no recognised section at all is S105's to report; there this rule
checks the text instead, when the rule has a ``stated`` pattern ("you will need", "a
degree" for qualifications), and reports only content that is really absent. The finding
points where the section belongs: after the heading of the section it would follow, else
the title, else the start of the file.
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
from ..posting import Posting
from .context import Context

KIND = "required-section"
OPTIONS = {
    "sections": Option(list[str], doc="canonical section keys; any one of them satisfies the rule"),
    "label": Option(str, doc="what the missing section is called in messages"),
    "plain": Option(
        str,
        "",
        doc="what the message calls it when every heading was recognised (default: LABEL section)",
    ),
    "min_words": Option(int, 0, doc="postings shorter than this are not checked"),
    "front_matter": Option(
        list[str], [], doc="front matter keys that, when set, satisfy the rule (salary)"
    ),
    "text_pattern": Option(
        str, "", doc="a regular expression that, found in the body, satisfies the rule"
    ),
    "stated": Option(
        str,
        "",
        doc="a regular expression for the section's content: in a posting with no recognised "
        "section, the rule reports only when the body has no match (empty: not checked)",
    ),
    "stated_label": Option(str, "", doc="what the content is called in messages (duties)"),
}
MESSAGE_FIELDS = ("missing", "after")
NEEDS: frozenset[str] = frozenset()
FULL_POSTING = True

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
# Headings named in a message, at most.
SEEN = 5
# A posting with no sections is checked for its content from this length: a shorter one
# is K301's to report, which asks for duties, requirements and pay at once.
STATED_MIN_WORDS = 150


def validate(options: dict[str, Any]) -> list[str]:
    """Errors in the options (called when the pack or config is loaded)."""
    return safe_regex.validate(
        "text_pattern", options.get("text_pattern") or "", re.IGNORECASE
    ) + safe_regex.validate("stated", options.get("stated") or "", re.IGNORECASE)


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    posting = ctx.posting
    opts = rule.options
    wanted = set(opts["sections"])
    if posting.words < opts["min_words"]:
        return
    if posting.sections_with(*wanted):
        return
    if any(posting.meta.get(k) not in (None, "", []) for k in opts["front_matter"]):
        return
    body = posting.body_blocks()
    pattern = opts["text_pattern"]
    if pattern and any(_compiled(pattern).search(b.text) for b in body):
        return
    if ctx.keyed_sections():
        unknown = _unrecognised(posting)
        if unknown:
            missing = f"section recognised as {opts['label']} ({unknown})"
        else:
            missing = opts["plain"] or f"{opts['label']} section"
        if "responsibilities" in wanted:
            missing += _duties_elsewhere(posting)
    elif opts["stated"]:
        if posting.words < STATED_MIN_WORDS:
            return
        if any(_compiled(opts["stated"]).search(b.text) for b in body):
            return
        missing = f"{opts['stated_label'] or opts['label']} stated"
    else:
        # No recognised section at all: S105 reports that once.
        return
    start, end, after = place_after(posting, wanted)
    yield rule.finding(start, end, missing=missing, after=after)


def place_after(posting: Posting, wanted: set[str]) -> tuple[int, int, str]:
    """Where a missing section belongs: (start, end, " (it belongs after ...)").

    After the present section that comes closest before it in the expected order; but
    never past a section that should follow it: in a posting with "About you" before
    "About us", missing duties belong before "About you", not after "About us".
    """
    first = min((ORDER.index(k) for k in wanted if k in ORDER), default=len(ORDER))
    placed = [
        (ORDER.index(s.key), i, s)
        for i, s in enumerate(posting.sections)
        if s.key in ORDER and (s.heading or s.implicit)
    ]
    before = [p for p in placed if p[0] < first]
    anchor = max(before, key=lambda t: (t[0], t[1])) if before else None
    # The section that should come right after it (qualifications after duties).
    following = min((order for order, _, _ in placed if order > first), default=None)
    later = [i for order, i, _ in placed if order == following]
    if anchor is not None and later and anchor[1] > later[0]:
        earlier = [p for p in before if p[1] < later[0]]
        anchor = earlier[-1] if earlier else None
    section = anchor[2] if anchor else None
    if section and section.implicit and section.blocks:
        start, end = section.blocks[-1].source_span()
        return start, end, " (it belongs after the opening paragraphs)"
    if section and section.heading:
        start, end = section.heading.source_span()
        return start, end, f" (it belongs after '{section.title.rstrip(':').strip()}')"
    if posting.title_span:
        return posting.title_span[0], posting.title_span[1], ""
    return 0, 0, ""


def _unrecognised(posting: Posting) -> str:
    """ "headings not recognised: 'A', 'B'" for the headings that name no known section (one
    of them may be the missing section under another name), or ""."""
    first_text = next((b.index for b in posting.body_blocks()), 0)
    titles = [
        s.title.rstrip(":").strip()
        for s in posting.sections
        if s.heading is not None
        and s.key is None
        and s.heading.source_span() != posting.title_span
        # Lines above the first text are the masthead (team, place), not sections.
        and s.heading.index > first_text
    ]
    return headings_list("headings not recognised", titles)


def _duties_elsewhere(posting: Posting) -> str:
    """ "; the duties are written into 'About us'" when another section states duties."""
    for section in posting.sections:
        if section.duties >= 2:
            where = (
                f"'{section.title.rstrip(':').strip()}'"
                if section.heading
                else "the opening paragraphs"
            )
            return f"; the duties are written into {where}"
    return ""


def headings_list(what: str, titles: list[str]) -> str:
    """ "WHAT: 'A', 'B' and 2 more", or "" without titles."""
    titles = list(dict.fromkeys(t for t in titles if t))
    if not titles:
        return ""
    shown = ", ".join(f"'{t}'" for t in titles[:SEEN])
    more = f" and {len(titles) - SEEN} more" if len(titles) > SEEN else ""
    return f"{what}: {shown}{more}"


@lru_cache(maxsize=64)
def _compiled(pattern: str) -> re.Pattern[str]:
    return safe_regex.compile(pattern, re.IGNORECASE)
