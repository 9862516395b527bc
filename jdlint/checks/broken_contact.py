"""An e-mail address or web address broken by a space: "Careers @example.org",
"jane@example. org", "www. example.org", "https:// example.org".

A candidate who copies it gets an address that does not work. The text is read as the
source has it (the reader blanks addresses; ``hygiene.source_text`` puts them back), and
the address is suggested without the space. A social handle ("@acme") has no domain and is
not reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import hygiene
from ..findings import Finding
from ..packs import Rule
from .context import Context

KIND = "broken-contact"
OPTIONS: dict = {}
MESSAGE_FIELDS = ("found", "what", "fixed")
NEEDS: frozenset[str] = frozenset()

_TLD = r"(?:com|org|net|edu|gov|mil|int|info|biz|io|co|uk|us|ca|au|nz|ie|de|fr|nl|nhs|jobs|careers)"
_DOMAIN = r"[A-Za-z0-9][\w-]*(?:\.[\w-]+)*\." + _TLD + r"\b(?!\.?\w*@)"
_EMAIL = re.compile(
    # "Careers @example.org", "jane @ example.org", "jane@ example.org"
    r"(?<![\w.+@-])(?P<local>[A-Za-z0-9][\w.+-]*)(?:\s+@\s*|@\s+)(?P<domain>" + _DOMAIN + r")"
    # "jane@example .org", "jane@example. org"
    r"|(?<![\w.+@-])(?P<local2>[A-Za-z0-9][\w.+-]*)@(?P<host>[A-Za-z0-9][\w-]*(?:\.[\w-]+)*)"
    r"(?:\s+\.\s*|\.\s+)(?P<tld>" + _TLD + r")\b"
)
_URL = re.compile(
    r"\b(?P<scheme>https?:\s*//|www\.)\s+(?P<rest>[\w-]+(?:\.[\w-]+)+)"  # "www. example.org"
    r"|\bhttps?:\s+//\S+"  # "http: //example.org"
    r"|\bwww\s+\.\s*[\w-]+(?:\.[\w-]+)+"  # "www .example.org"
    r"|\b(?:https?://|www\.)[\w-]+(?:\.[\w-]+)*(?:\s+\.\s*|\.\s+)" + _TLD + r"\b(?:/\S*)?"
)


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    posting = ctx.posting
    for block in posting.blocks:
        text = hygiene.source_text(posting, block)
        if "@" not in text and "www" not in text and "http" not in text:
            continue
        for m in _EMAIL.finditer(text):
            fixed = re.sub(r"\s+", "", m.group(0))
            start, end = block.source_span(m.start(), m.end())
            yield rule.finding(
                start,
                end,
                suggestions=[fixed],
                found=m.group(0),
                what="e-mail address",
                fixed=fixed,
            )
        for m in _URL.finditer(text):
            fixed = re.sub(r"\s+", "", m.group(0))
            start, end = block.source_span(m.start(), m.end())
            yield rule.finding(
                start, end, suggestions=[fixed], found=m.group(0), what="web address", fixed=fixed
            )
