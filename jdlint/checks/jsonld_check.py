"""JobPosting JSON-LD embedded in an HTML posting, checked against Google's rules.

``level`` picks what a rule reports: ``required`` properties that are missing, the
``recommended`` ones that are missing, or ``value`` problems (wrong type, an
employmentType outside Google's list, an expired validThrough, JSON that does not parse).
Findings point at the ``<script>`` tag. Only HTML postings are checked.
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import jsonld
from ..findings import Finding
from ..options import Option
from ..packs import Rule
from .context import Context

KIND = "jsonld-check"
OPTIONS = {
    "level": Option(str, doc="required, recommended or value"),
}
MESSAGE_FIELDS = ("problem",)
NEEDS: frozenset[str] = frozenset()


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    posting = ctx.posting
    if posting.format != "html" or "ld+json" not in posting.text.lower():
        return
    level = rule.options["level"]
    for offset, data, error in jsonld.extract(posting.text):
        end = posting.text.find(">", offset) + 1 or offset
        if error is not None:
            if level == "value":
                yield rule.finding(offset, end, problem=f"JSON-LD is {error}")
            continue
        for job in jsonld.job_postings(data):
            for p in jsonld.validate(job, ctx.today):
                if p.level == level:
                    yield rule.finding(offset, end, problem=p.message)
