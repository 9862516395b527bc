"""Front matter keys jdlint reads must have the types it can use."""

from __future__ import annotations

from collections.abc import Iterator

from .. import frontmatter
from ..findings import Finding
from ..packs import Rule
from .context import Context

KIND = "front-matter"
OPTIONS: dict = {}
MESSAGE_FIELDS = ("problem",)
NEEDS: frozenset[str] = frozenset()


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    fm = ctx.posting.front_matter
    if fm is None:
        return
    lines = ctx.posting.lines
    for _key, line, problem in frontmatter.type_problems(fm):
        start = lines.offset(line)
        yield rule.finding(start, lines.line_end(line), problem=problem)
