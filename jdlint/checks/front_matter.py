"""Front matter keys jdlint reads must have the types it can use, and a ``profile`` must
name a role profile.

A profile that names none ("psychiatric-case-manger") is reported on its line with the
close match, and the posting is linted with the profile it would have had without it
(config's, else the one its title names), so one typo does not hide every other finding.
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import frontmatter
from ..didyoumean import close_match
from ..findings import Finding
from ..packs import Rule
from ..roles import GENERAL
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
    problem = _profile_problem(ctx)
    if problem:
        line = fm.key_lines.get("profile", 1)
        yield rule.finding(lines.offset(line), lines.line_end(line), problem=problem)


def _profile_problem(ctx: Context) -> str | None:
    value = ctx.posting.meta.get("profile")
    roles = ctx.settings.get("roles")
    if not isinstance(value, str) or not value.strip() or roles is None:
        return None
    known = [GENERAL, *roles.profiles]
    if value.strip() in known:
        return None
    match = close_match(value.strip(), known)
    guess = f" (did you mean '{match}'?)" if match else " (see 'jdlint profiles')"
    used = ctx.settings.get("profile", GENERAL)
    return (
        f"front matter profile '{value.strip()}' is not a role profile{guess}; "
        f"the posting was checked as '{used}'"
    )
