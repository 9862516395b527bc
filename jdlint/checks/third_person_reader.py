"""The reader addressed in the third person: "the ideal candidate", "the successful applicant".

Plain-language guidance: write to "you"; Textio finds third-person framing slows hiring.
Each phrase is reported where it stands. The equal-opportunity statement is left alone
("qualified applicants will receive consideration" is the legal formula).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..findings import Finding
from ..options import Option
from ..packs import Rule
from ..prefilter import lacks
from .context import Context

KIND = "third-person-reader"
OPTIONS = {
    "except_sections": Option(list[str], ["eeo"], doc="section keys not checked"),
}
MESSAGE_FIELDS = ("phrase",)
NEEDS: frozenset[str] = frozenset()

_ROLE = r"(?:candidate|applicant|individual|person|hire|incumbent|jobholder|post-?holder)"
_PHRASE = re.compile(
    r"\b(?:(?:the|an?|our|this)\s+(?:ideal|successful|selected|chosen|right|perfect|"
    r"preferred|qualified|strong|best)\s+" + _ROLE + r"s?"
    r"|(?:ideal|successful|selected|serious)\s+(?:candidate|applicant)s"
    r"|the\s+(?:candidate|applicant|incumbent|jobholder|post-?holder)(?:['’]s)?"
    r")\b",
    re.IGNORECASE,
)


# Every phrase ends in one of these words (``prefilter.lacks``).
_ROLE_WORDS = ("candidate", "applicant", "individual", "person", "hire", "incumbent", "holder")


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    skip = set(rule.options["except_sections"])
    sections = ctx.posting.sections
    for block in ctx.posting.body_blocks():
        if sections[block.section].key in skip:
            continue
        text = block.text
        if not _may_match(text):
            continue
        for m in _PHRASE.finditer(text):
            start, end = block.source_span(m.start(), m.end())
            yield rule.finding(start, end, phrase=m.group(0), suggestions=["you"])


def _may_match(text: str) -> bool:
    """False only for text where ``_PHRASE`` finds nothing."""
    return not lacks(text, _ROLE_WORDS)
