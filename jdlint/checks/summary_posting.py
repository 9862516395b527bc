"""The posting is a summary that points to the full job description: said once, as info.

Rules that judge a whole posting (its sections, duties, length and statements) declare
``FULL_POSTING`` and are not run on a summary (``engine.Linter``); this rule says why they
are silent. What a summary says is still checked (wording, readability, pay laws).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..packs import Rule
from .context import Context

KIND = "summary-posting"
OPTIONS: dict = {}
MESSAGE_FIELDS = ("pointer",)
NEEDS: frozenset[str] = frozenset()


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    summary = ctx.teaser()
    if summary is not None:
        start, end, pointer = summary
        yield rule.finding(start, end, pointer=pointer)
