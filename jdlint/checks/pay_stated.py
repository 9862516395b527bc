"""No pay stated: the posting gives no pay figure, in its text or its front matter.

The message says what is missing as a reader sees it: the pay range when benefits are
listed, the pay and benefits section when neither is there. An empty pay and benefits
heading is S201's to report. A pay figure under the pay and
benefits heading counts in any currency ("RM2,250 a month", "SGD1,500"); elsewhere the pay
parser (``jdlint/pay.py``) decides, so a sign-on bonus or a stipend is not pay. This is the
same fact as C101's and C102's missing range, and only the most severe of them is shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import pay as pay_mod
from ..findings import Finding
from ..packs import Rule
from .context import Context
from .required_section import STATED_MIN_WORDS, place_after

KIND = "pay-stated"
OPTIONS: dict = {}
MESSAGE_FIELDS = ("missing", "advice", "after")
NEEDS: frozenset[str] = frozenset()
FULL_POSTING = True

# An NHS Agenda for Change band names a pay scale without saying the pay.
_BAND = re.compile(r"\bBand\s+[2-9][abcd]?\b", re.I)
_FIGURE = re.compile(
    r"(?:[$£€¥₹]|\b(?:USD|CAD|GBP|EUR|AUD|NZD|SGD|MYR|RM|INR|CHF)\s?\$?)\s?\d", re.I
)


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    posting = ctx.posting
    if posting.meta.get("salary") not in (None, "", []):
        return
    pay, _ = pay_mod.of_posting(posting)
    if pay is not None and pay.kind != "vague":
        return
    benefits = posting.sections_with("benefits")
    if any(_FIGURE.search(b.text) for s in benefits for b in s.blocks):
        return
    if benefits and not any(s.blocks for s in benefits):
        return  # an empty pay and benefits heading: S201 reports it, one fix for both
    heading = next((s.heading for s in benefits if s.heading is not None and s.blocks), None)
    if heading is not None:
        start, end = heading.source_span()
        missing = "pay range"
        advice = "state the minimum and maximum pay"
        after = f" (the benefits are under '{heading.text.rstrip(':').strip()}')"
    elif ctx.keyed_sections():
        start, end, after = place_after(posting, {"benefits"})
        missing = "pay or benefits section"
        advice = "state the pay range and the main benefits"
    elif posting.words < STATED_MIN_WORDS:
        return  # a short posting without sections: K301 asks for the pay with the rest
    else:
        # Without sections there is no place it belongs: the finding is about the posting.
        start = end = posting.anchor()
        if posting.title_span:
            start, end = posting.title_span
        after = ""
        missing = "pay stated"
        advice = "state the pay range and the main benefits"
    band = _BAND.search(" ".join(b.text for b in posting.blocks[:40]))
    if band and missing != "pay or benefits section":
        missing += f" ({band.group()} is named, but not its pay)"
    finding = rule.finding(start, end, missing=missing, advice=advice, after=after)
    finding.fact = ("pay-missing",)
    yield finding
