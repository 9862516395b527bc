"""A remote job that asks for on-site physical work: "Remote" in the title, and "lift and
carry up to 50 lbs", "crawl and twist", "invasive patient contact" or "restraint
certification" in the requirements. One of the two is wrong, or the posting leaves out
where and how often the on-site part happens; a candidate cannot tell which.

A posting is remote when its title, front matter ``location``, a header, a "#LI-Remote"
tag or a sentence says so plainly ("fully remote", "work remotely", "this is a remote
position"); one that also says hybrid, on-site or in-office is not judged, since it has
an on-site part. Reported once, at the first demand, naming where the posting says remote.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import hygiene
from ..findings import Finding
from ..packs import Rule
from ..posting import Block
from .context import Context

KIND = "remote-demands"
OPTIONS: dict = {}
MESSAGE_FIELDS = ("remote", "line", "demand")
NEEDS: frozenset[str] = frozenset()

_REMOTE_TITLE = re.compile(
    r"(?<![\w-])(?:(?:fully|100\s?%|completely)\s+)?remote(?![\w-])(?!\s+(?:patient|monitoring|"
    r"sensing|support|access|site))|\bwork\s+from\s+home\b|\bWFH\b|\btelecommut\w+",
    re.I,
)
_REMOTE_TEXT = re.compile(
    r"\b(?:fully|100\s?%|completely|entirely|totally)\s+remote\b|\bremote[- ]first\b|"
    r"\bwork(?:ing)?\s+(?:fully\s+|entirely\s+|100\s?%\s+)?remotely\b|"
    r"\b(?:this|the)\s+(?:is\s+an?\s+|position\s+is\s+(?:an?\s+)?|role\s+is\s+(?:an?\s+)?|"
    r"job\s+is\s+(?:an?\s+)?)(?:fully\s+|100\s?%\s+)?remote\b(?:\s+(?:position|role|job|opportunity))?|"
    r"#LI-Remote\b|^\W*remote\W*$",
    re.I | re.M,
)
_DEMAND = re.compile(
    r"\b(?:lift|lifting|carry|carrying|push|pushing|pull|pulling)\b[^.;\n]{0,60}?\b\d+\s*"
    r"(?:lbs?|pounds|kg|kilos|kilograms)\b"
    r"|\b(?:crawl|crawling|kneel|kneeling|stoop|stooping|crouch|crouching)\b"
    r"|\bclimb(?:ing)?\s+(?:a\s+)?(?:ladders?|stairs|steps|scaffold\w*)\b"
    r"|\b(?:stand|standing|walk|walking)\s+for\s+(?:long|extended|prolonged)\s+periods\b"
    r"|\binvasive\s+(?:and\s+non-invasive\s+)?patient\s+contact\b"
    r"|\b(?:at\s+the\s+)?bedside\s+(?:care|nursing)\b"
    r"|\bexposure\s+to\s+(?:blood|bod(?:y|ily)\s+fluids|blood-?borne)"
    r"|\b(?:physical\s+)?restraints?\b(?:\s+(?:certification|training|techniques))?",
    re.I,
)


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    posting = ctx.posting
    remote = _remote(ctx)
    if remote is None:
        return
    said = hygiene.arrangements(posting, hashtags=True)
    if any(m.kind != "remote" for m in said):
        return  # hybrid or on-site somewhere: the posting has an on-site part
    where, phrase = remote
    for block in posting.blocks:
        if block.kind == "heading":
            continue
        m = _DEMAND.search(block.text)
        if m is None:
            continue
        start, end = block.source_span(m.start(), m.end())
        line = posting.lines.line_col(where)[0] if where >= 0 else 1
        yield rule.finding(start, end, remote=phrase, line=line, demand=m.group(0))
        return


def _remote(ctx: Context) -> tuple[int, str] | None:
    """Where the posting plainly says the job is remote, and the words."""
    posting = ctx.posting
    title = posting.title or ""
    m = _REMOTE_TITLE.search(title)
    if m:
        span = posting.title_span
        return (span[0] if span else -1), m.group(0)
    loc = posting.meta.get("location")
    text = (
        hygiene.meta_text(loc)
        if not isinstance(loc, dict)
        else ("remote" if loc.get("remote") else "")
    )
    if re.search(r"\bremote\b", text, re.I) or posting.meta.get("remote") is True:
        fm = posting.front_matter
        line = fm.key_lines.get("location", 1) if fm is not None else 1
        return posting.lines.offset(line), text or "remote"
    for block in posting.blocks:
        if "emote" not in block.text and "EMOTE" not in block.text and block.kind != "heading":
            continue
        found = _REMOTE_TEXT.search(_text(ctx, block))
        if found:
            return block.source_span(found.start(), found.end())[0], found.group(0).strip()
    return None


def _text(ctx: Context, block: Block) -> str:
    # Headers in code spans ("🌎 Remote") are blanked in the clean text.
    return hygiene.source_text(ctx.posting, block) if block.kind == "heading" else block.text
