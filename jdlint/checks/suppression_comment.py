"""A suppression comment that names no known rule (a typo such as S2O1) suppresses nothing
for that code, and a comment that nearly is one (``jdlint: disable``) suppresses nothing.

The engine finds these while it applies suppressions and reports them through this kind,
so the rule can be selected, ignored and given a severity like any other.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding
from ..packs import Rule
from .context import Context

KIND = "suppression-comment"
OPTIONS: dict = {}
MESSAGE_FIELDS = ("problem", "selector")
NEEDS: frozenset[str] = frozenset()


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    return iter(())  # reported by the engine, which sees the comments and the rule set
