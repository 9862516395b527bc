"""Template placeholders left in a published posting: "[Company Name]", "{{title}}", "XX
years", "$XX,XXX", "Lorem ipsum", "TBD", "Enter department name here", "Insert job
description".

Each form is narrow on purpose, since this is an error: a bracket counts when it names what
a template asks for (a name, a date, a salary, "insert ...") and is no Markdown link; "Enter"
or "Insert" counts capitalised in the middle of a sentence ("with the Enter program name
here") or before a placeholder noun and "here", never "Enter your details here" (which is
said to the candidate) or "Insert and maintain IV lines" (a duty). Code and URLs are
blanked before any check sees them, so "{{ }}" in a code sample is not reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import lazy_regex
from ..findings import Finding
from ..options import Option
from ..packs import Rule
from .context import Context
from .keyword_placement import title_span

KIND = "placeholder"
OPTIONS = {
    "nouns": Option(
        list[str],
        [],
        doc="words that make a bracketed phrase a fill-in ('[Company Name]', '[insert date]')",
    ),
    "tokens": Option(
        list[str], [], doc="words that are placeholders on their own, matched in capitals (TBD)"
    ),
}
MESSAGE_FIELDS = ("found",)
NEEDS: frozenset[str] = frozenset()

_BRACKET = re.compile(r"\[\s*([^\[\]\n]{1,60}?)\s*\](?!\s?\()")
_TEMPLATE = re.compile(
    r"\{\{\s*[\w .|:-]{1,60}?\s*\}\}"  # {{title}}, {{ company_name }}
    r"|\$\{\s*[\w.]{1,40}\s*\}"  # ${salary}
    r"|(?<![{\w])\{\s*[A-Za-z_][\w.]{0,40}\s*\}(?![}\w])"  # {title}
    r"|<<\s*[\w .-]{1,40}?\s*>>"  # <<Company>>
    r"|%[A-Z][A-Z_]{2,40}%"  # %COMPANY_NAME%
)
_XX = lazy_regex.compile(
    r"(?<![\w$£€])(?:"
    r"[Xx]{1,3}\+?\s*(?:-|to)?\s*(?:[Xx]{1,3}\+?\s*)?(?:years?|yrs?|months?|hours?|hrs?|weeks?|days?)\b"
    r"|[$£€]\s?[Xx]{1,3}(?:,[Xx]{3})*(?:\.[Xx]{2})?(?![\w])"
    r"|XX?/XX?/XX(?:XX)?\b"
    r"|X{3}[-. ]X{3}[-. ]X{4}\b"
    r")"
)
_LETTERS = re.compile(r"[a-z]+")
_XX_ONLY = re.compile(r"[Xx]{2,}")
# r"\b[Xx]\b" led by its letter (the character before it tested after it), so the
# search skips to x's instead of trying every position.
_LONE_X = re.compile(r"[Xx](?<!\w[Xx])(?!\w)")
_LOREM = re.compile(r"\blorem\s+ipsum\b", re.I)
_ENTER = lazy_regex.compile(
    r"(?P<lead>\b[a-z][\w'’]*\s+)?\b(?P<verb>Enter|Insert|ENTER|INSERT)\s+(?!your\b|you\b|the\s+"
    r"(?:building|room|site|premises|home|community|field|workforce|data|information)\b)"
    r"(?P<middle>(?:[\w'’/-]+\s+){0,6}?)(?P<here>here|HERE)\b"
)
# "Insert company description." ends there: "Insert job codes into the billing system" is
# a duty.
_INSERT_NOUN = lazy_regex.compile(
    r"\b(?:Insert|INSERT)\s+(?:the\s+|a\s+)?(?:company|organi[sz]ation|employer|job|"
    r"position|role|salary|pay|location|city|date|link|url|text|description|details|"
    r"department|team|program|programme|manager|contact|name|title)\b"
    r"(?:\s+[\w'’-]+){0,2}?(?=\s*(?:$|[.:;)\]]|\s+here\b))",
    re.M,
)
# Words a bracketed fill-in is made of besides its nouns: "[Name of the hiring manager]",
# "[insert full job title here]". A bracket with any other word is filled in ("[Location:
# Boston]") or is no placeholder at all ("[Sales team]").
_FILL = "of the a an your our their here and or full job hiring first last start end per hour year annual s"
_FILL_WORDS = frozenset(_FILL.split())

# "Interview date: TBC", "Start date: TBD": a date not fixed yet is said plainly, not left in.
_DATE_LABEL = re.compile(
    r"\b(?:dates?|interviews?|shortlisting|start(?:ing)?)\b[^.;\n]{0,12}$", re.I
)


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    nouns = {n.lower() for n in rule.options["nouns"]}
    tokens = tuple(rule.options["tokens"])
    token_re = (
        re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(t) for t in tokens) + r")(?![\w-])")
        if tokens
        else None
    )
    posting = ctx.posting
    fm_title = posting.meta.get("title")
    if isinstance(fm_title, str) and posting.front_matter is not None:
        start, _ = title_span(ctx)
        for a, z, found in _find(fm_title, nouns, token_re, tokens):
            offset = posting.text.find(fm_title, start)
            if offset >= 0:
                yield rule.finding(offset + a, offset + z, found=found)
            else:
                yield rule.finding(start, start + len(fm_title), found=found)
            break
    for block in posting.blocks:
        if block.lang is not None:
            continue
        for a, z, found in _find(block.text, nouns, token_re, tokens):
            start, end = block.source_span(a, z)
            yield rule.finding(start, end, found=found)


def _find(
    text: str, nouns: set[str], token_re: re.Pattern[str] | None, tokens: tuple[str, ...] = ()
) -> Iterator[tuple[int, int, str]]:
    spans: list[tuple[int, int]] = []

    def fresh(a: int, z: int) -> bool:
        if any(a < e and s < z for s, e in spans):
            return False
        spans.append((a, z))
        return True

    hits: list[tuple[int, int, str]] = []
    if "[" in text:
        for m in _BRACKET.finditer(text):
            inner = m.group(1)
            words = _LETTERS.findall(inner.lower())
            xx = _XX_ONLY.fullmatch(inner) is not None
            instruction = bool(words) and words[0] in ("insert", "enter", "add")
            fill_in = bool(nouns.intersection(words)) and all(
                w in nouns or w in _FILL_WORDS for w in words
            )
            if xx or instruction or fill_in:
                hits.append((m.start(), m.end(), m.group(0)))
    if "{" in text or "<<" in text or "%" in text:
        hits += [(m.start(), m.end(), m.group(0)) for m in _TEMPLATE.finditer(text)]
    if "XX" in text or "xx" in text or _LONE_X.search(text):
        hits += [(m.start(), m.end(), m.group(0).strip()) for m in _XX.finditer(text)]
    if "psum" in text:
        hits += [(m.start(), m.end(), m.group(0)) for m in _LOREM.finditer(text)]
    if "NTER" in text or "nter " in text or "NSERT" in text or "nsert " in text:
        for m in _ENTER.finditer(text):
            mid = m["middle"].lower().split()
            if (
                m["lead"]
                or nouns.intersection(w.rstrip("s") for w in mid)
                or nouns.intersection(mid)
            ):
                hits.append((m.start("verb"), m.end(), text[m.start("verb") : m.end()]))
        hits += [(m.start(), m.end(), m.group(0)) for m in _INSERT_NOUN.finditer(text)]
    if token_re is not None and any(t in text for t in tokens):
        for m in token_re.finditer(text):
            if not _DATE_LABEL.search(text[max(0, m.start() - 40) : m.start()]):
                hits.append((m.start(), m.end(), m.group(0)))
    hits.sort()
    for a, z, found in hits:
        if fresh(a, z):
            yield a, z, found
