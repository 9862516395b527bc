"""What the job-board title rules (K201-K209) do not cover: the employment type or work
arrangement in the title ("| Remote | FT", "FULLY REMOTE - Frontend Developer",
"Full-Time Mental Health Provider"), and pipes or bars stringing parts together.

``problem: extras`` reports "full-time", "part-time", "per diem", "fully remote", "100%
remote", "work from home" anywhere in the title, and "Remote", "Hybrid", "On-site", "FT",
"PRN", "Temporary", "Contract" as a part of their own, set off by a bar, dash, comma,
slash or brackets ("Case Manager (Remote)"), so "Remote Patient Monitoring Nurse" or
"Contract Manager" are job names, not extras. ``problem: separators`` reports "|" bars.
A title with both is one finding (``Finding.fact``): the extras one, which asks for the
bars to go as well. K207 reports a place in the title; a remote "place" is reported here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..findings import Finding
from ..options import Option
from ..packs import Rule
from .context import Context
from .title_guideline import _locate

KIND = "title-hygiene"
OPTIONS = {
    "problem": Option(str, doc="extras (employment type or work arrangement) or separators (bars)"),
}
MESSAGE_FIELDS = ("title", "found", "also")
NEEDS: frozenset[str] = frozenset()

_ANYWHERE = re.compile(
    r"(?<![\w-])(?:full[\s-]?time|part[\s-]?time|per[\s-]diem|(?:fully|100\s?%|completely)\s+remote|"
    r"work[\s-]+from[\s-]+home|telecommute)(?![\w-])|(?<!\w)WFH(?!\w)",
    re.I,
)
# A part of the title between separators that is only an arrangement or a type.
_PART_WORDS = re.compile(
    r"(?:(?i:remote|hybrid|on-?site|in[- ]office|temporary|temp|contract|permanent|seasonal|"
    r"fixed[- ]term|locum\s+only)|FT|PRN)"
)
_FILLER = re.compile(r"\b(?i:job|position|role|opportunity|only|available|us|usa|uk|eligible)\b")
_SEPARATORS = re.compile(r"\s[|｜¦•·–—-]\s|[|｜¦()\[\],/]|\s-|-\s")
_BARS = re.compile(r"[|｜¦]")


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    title = ctx.posting.title
    if not title or not title.strip():
        return
    problem = rule.options["problem"]
    bars = [m for m in _BARS.finditer(title)]
    if problem == "separators":
        if not bars:
            return
        a, z = _locate(ctx, title, bars[0].start(), bars[-1].end())
        finding = rule.finding(a, z, title=title, found="|", also="")
        finding.fact = ("title-hygiene",)
        yield finding
        return
    spans = sorted(_extras(title))
    if not spans:
        return
    found = ", ".join(f"'{title[a:z]}'" for a, z in spans)
    also = ", without the '|' bars" if bars else ""
    a, z = _locate(ctx, title, spans[0][0], spans[-1][1])
    finding = rule.finding(a, z, title=title, found=found, also=also)
    finding.fact = ("title-hygiene",)
    yield finding


def _extras(title: str) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in _ANYWHERE.finditer(title)]
    cuts = [0, *(i for m in _SEPARATORS.finditer(title) for i in (m.start(), m.end())), len(title)]
    if len(cuts) > 2:
        for a, z in zip(cuts[::2], cuts[1::2], strict=True):
            part = title[a:z]
            rest = _FILLER.sub(" ", part)
            m = _PART_WORDS.search(rest)
            if m is None:
                continue
            leftover = (rest[: m.start()] + rest[m.end() :]).strip(" .:;")
            anywhere = any(s <= a + m.start() < e for s, e in spans)
            if not leftover and not anywhere:
                start = a + part.find(m.group())
                spans.append((start, start + len(m.group())))
    return spans
