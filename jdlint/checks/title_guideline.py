"""Job-board title guidelines: the title names the job, and nothing else.

One kind, one ``problem`` per rule:

- ``too-long``: more than ``max_chars`` characters;
- ``all-caps``: two or more words in capitals (industry acronyms such as RN, LPN, LCSW
  and Roman numerals, "Case Manager II", are not shouting);
- ``phrases``: words from ``phrases`` ("urgent", "hiring now", "rockstar"), whole words,
  any case;
- ``punctuation``: "!", "*", "?" and decorative symbols (★, emoji);
- ``salary``: a pay figure or pay words (``jdlint/pay.py``);
- ``location``: a place ("Chicago, IL"), or the city or state of front matter
  ``location``;
- ``code``: a requisition or job code ("REQ-12345", "#4471", "(028959)");
- ``company``: the company's name (front matter ``company`` or config ``employer.name``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .. import location as loc_mod
from .. import pay as pay_mod
from ..findings import Finding
from ..options import Option
from ..packs import Rule
from ..posting import Block
from .context import Context
from .keyword_placement import title_span
from .term import words_fact

KIND = "title-guideline"
OPTIONS = {
    "problem": Option(
        str,
        doc="too-long, all-caps, phrases, punctuation, salary, location, code or company",
    ),
    "max_chars": Option(int, 60, doc="for too-long: the longest title"),
    "phrases": Option(list[str], [], doc="for phrases: words and phrases that do not belong"),
    "allow": Option(list[str], [], doc="for all-caps: acronyms that are not shouting"),
}
MESSAGE_FIELDS = ("title", "found", "chars", "max_chars")
NEEDS: frozenset[str] = frozenset()

_ROMAN = re.compile(r"^(?:X{0,3})(?:IX|IV|V?I{0,3})$")
_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_PUNCT = re.compile(r"!+|\*+|\?+|[★☆✨🔥⭐✅💰📣🚨]+|[\U0001F300-\U0001FAFF]+")
_MONEY = re.compile(r"[$£€]\s?\d[\d,.]*[kK]?")
_NUMBER = re.compile(r"\d{5,}")
_CODE = re.compile(
    r"(?:#\s?\d{3,}|\b(?:req(?:uisition)?|job\s*(?:id|code|no\.?|number)|ref(?:erence)?|posting\s*(?:id|no\.?))"
    r"\b[\s#:.-]*[A-Z]*-?\d[\w-]*|\(\s*\d{4,}\s*\)|\b[A-Z]{1,5}-\d{3,}\b|\b\d{5,}\b)",
    re.I,
)


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    posting = ctx.posting
    title = posting.title
    if not title or not title.strip():
        return
    problem = rule.options["problem"]
    spans = list(_problems(problem, title, rule, ctx))
    if not spans:
        return
    a, z, found = spans[0]
    start, end = _locate(ctx, title, a, z)
    finding = rule.finding(
        start,
        end,
        title=title,
        found=found,
        chars=len(title),
        max_chars=rule.options["max_chars"],
    )
    if problem == "phrases":
        # "Rockstar" is the title rule's and a term rule's (I502): one finding for it.
        finding.fact = words_fact(start, end)
    yield finding


def _problems(problem: str, title: str, rule: Rule, ctx: Context) -> Iterator[tuple[int, int, str]]:
    if problem == "too-long":
        if len(title) > rule.options["max_chars"]:
            yield 0, len(title), title
    elif problem == "all-caps":
        allow = {a.upper() for a in rule.options["allow"]} | set(loc_mod.US_STATES)
        words = [m for m in _WORDS.finditer(title) if len(m.group()) >= 2]
        shouting = [
            m
            for m in words
            if m.group().isupper() and m.group() not in allow and not _ROMAN.match(m.group())
        ]
        if len(shouting) >= 2 and len(shouting) / len(words) >= 0.6:
            yield shouting[0].start(), shouting[-1].end(), title
    elif problem == "phrases":
        for phrase in rule.options["phrases"]:
            m = _phrase_regex(phrase).search(title)
            if m:
                yield m.start(), m.end(), m.group()
    elif problem == "punctuation":
        for m in _PUNCT.finditer(title):
            yield m.start(), m.end(), m.group()
    elif problem == "salary":
        for p in pay_mod.find(title):
            yield p.start, p.end, p.phrase
        m = _MONEY.search(title)
        if m:
            yield m.start(), m.end(), m.group()
    elif problem == "location":
        for loc in loc_mod.parse(title):
            if not loc.remote:
                yield loc.start, loc.end, loc.phrase
        for loc in loc_mod.from_front_matter(ctx.posting.meta.get("location")):
            names = [loc.city] if loc.city else []
            if loc.region:
                names += [
                    loc.region,
                    loc_mod.US_STATES.get(loc.region, loc_mod.CA_PROVINCES.get(loc.region, "")),
                ]
            for name in names:
                if not name or (len(name) == 2 and name not in title):
                    continue
                m = _name_regex(name, 0 if len(name) == 2 else re.I).search(title)
                if m:
                    yield m.start(), m.end(), m.group()
    elif problem == "code":
        for m in _CODE.finditer(title):
            if _NUMBER.fullmatch(m.group()) and pay_mod.find(title):
                continue
            yield m.start(), m.end(), m.group().strip()
    elif problem == "company":
        names = []
        company = ctx.posting.meta.get("company")
        if isinstance(company, str) and company.strip():
            names.append(company.strip())
        config = ctx.settings.get("config")
        employer = (config.get("employer", {}) if config is not None else {}) or {}
        if isinstance(employer.get("name"), str):
            names.append(employer["name"].strip())
        for name in names:
            m = _name_regex(name, re.I).search(title)
            if m:
                yield m.start(), m.end(), m.group()


# Patterns made from options and front matter, compiled once each (re's own cache holds
# 512 and is shared with every other module).
@lru_cache(maxsize=4096)
def _phrase_regex(phrase: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in phrase.split()]
    # "Urgent Care Nurse" names a setting.
    return re.compile(r"(?<![\w-])" + r"[\s-]*".join(words) + r"(?![\w-])(?!\s+care\b)", re.I)


@lru_cache(maxsize=4096)
def _name_regex(name: str, flags: int) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)", flags)


def _locate(ctx: Context, title: str, a: int, z: int) -> tuple[int, int]:
    """Source span of title[a:z]: inside its heading, else inside its front matter line."""
    posting = ctx.posting
    if posting.title_span:
        block: Block | None = next(
            (
                b
                for b in posting.blocks
                if b.kind == "heading" and b.source_span() == posting.title_span
            ),
            None,
        )
        if block is not None:
            offset = block.text.find(title)
            if offset >= 0:
                return block.source_span(offset + a, offset + z)
        return posting.title_span
    start, end = title_span(ctx)
    if end - start == len(title):
        return start + a, start + z
    return start, end
