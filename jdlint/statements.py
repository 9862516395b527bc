"""Recognise the statements compliance rules look for, in their common wordings.

- equal opportunity: "an equal opportunity employer", "EOE", "EEO", "without regard to
  race, ...", "does not discriminate on the basis of", "regardless of race", and the UK's
  "we welcome applications from all", "committed to equality (and diversity)";
- reasonable accommodation: "reasonable accommodation", "if you need an accommodation",
  "request an accommodation", the UK's "reasonable adjustments";
- a benefits description: a benefits section with content, or benefit words (medical,
  dental, 401(k), paid time off, pension, ...) anywhere;
- an application deadline: a date with "apply", "applications", "deadline" or "closing" in
  the same sentence, or a date under "How to apply"; "until filled" alone is no date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import lazy_regex
from .posting import Block, Posting
from .prefilter import lacks

EEO = re.compile(
    r"\b(equal(?:[- ]employment)?[- ]opportunit(?:y|ies)|EOE|EEO|E\.O\.E\.?|"
    r"affirmative[- ]action\s+employer|"
    r"without\s+regard\s+to\s+(?:their\s+|an?\s+(?:applicant|individual)'s\s+)?(?:race|color|colour|religion|sex|age|disability|national|gender|veteran|protected)|"
    r"regardless\s+of\s+(?:their\s+)?(?:race|color|colour|religion|sex|age|disability|gender|background|ethnicity)|"
    r"(?:does|do|will)\s+not\s+discriminate|not\s+discriminate\s+(?:on\s+the\s+basis|against)|"
    r"(?:welcome[sd]?|encourage[sd]?)\s+(?:applications|applicants|candidates|staff(?:\s+members)?)\s+from\s+(?:all|everyone|people\s+of\s+all|candidates\s+of\s+all)|"
    r"equality\s+(?:and|&)\s+diversity|"
    r"committed\s+to\s+(?:promoting\s+)?equality|equality,?\s+diversity\s+(?:and|&)\s+inclusion|"
    r"Disability\s+Confident|M/F/D/V|Minorities/Females)\b",
    re.I,
)
ACCOMMODATION = lazy_regex.compile(
    r"\b(reasonable\s+(?:accommodations?|adjustments?)|"
    r"(?:need|needs|require|requires|request|requesting|requests|ask\s+for)\s+(?:an?\s+|any\s+)?"
    r"(?:accommodations?|adjustments?)|"
    r"accommodations?\s+(?:is|are)\s+available|accommodations?\s+(?:during|for|in)\s+(?:the\s+|any\s+|our\s+)?"
    r"(?:application|hiring|interview|recruitment|selection))",
    re.I,
)
# Legal notices an author copies in and cannot rewrite: privacy, screening, at-will.
LEGAL = re.compile(
    r"\b(privacy\s+(?:policy|notice|statement)|personal\s+(?:data|information)|data\s+protection|"
    r"GDPR|CCPA|E-Verify|at[- ]will|drug[- ]free\s+(?:workplace|employer)|"
    r"background\s+(?:check|screening)|criminal\s+(?:record|reference|background)\s+check|"
    r"Pay\s+Transparency\s+Nondiscrimination|Fair\s+Chance|conviction\s+records?|"
    r"Americans\s+with\s+Disabilities\s+Act|Title\s+VII|OFCCP|VEVRAA|Section\s+503|"
    r"(?:hereby|I)\s+(?:acknowledge|certify|understand|consent)|"
    r"pay\s+(?:equity|transparency)\s+laws?|in\s+good\s+faith\s+(?:believes?|estimates?)|"
    r"by\s+(?:applying|submitting)\b[^.]{0,60}\b(?:acknowledge|agree|consent))\b",
    re.I,
)
BENEFIT_WORDS = lazy_regex.compile(
    r"\b(medical|dental|vision|health\s+(?:insurance|coverage|care\s+(?:plan|benefits))|"
    r"401\s?\(?k\)?|403\s?\(?b\)?|retirement|pension|paid\s+time\s+off|PTO|paid\s+(?:holidays|leave|vacation)|"
    r"annual\s+leave|vacation|life\s+insurance|disability\s+insurance|tuition|parental\s+leave|"
    r"sick\s+(?:leave|pay|time)|benefits?\s+(?:package|include|includes|including))\b",
    re.I,
)
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|Jun(?:e)?|Jul(?:y)?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
DATE = lazy_regex.compile(
    rf"\b(?:{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}(?:,?\s+\d{{4}})?|"
    r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})\b",
    re.I,
)
_DEADLINE_WORDS = lazy_regex.compile(
    r"\b(apply|applying|application|applications|deadline|clos(?:e|es|ed|ing)|accept(?:ed|ing)?|"
    r"submit|posting\s+(?:ends|expires)|expires?|by)\b",
    re.I,
)


# A word every match of the pattern holds (``prefilter.lacks``).
_NEEDS: dict[re.Pattern[str], tuple[str, ...]] = {
    EEO: (
        "equal",
        "eoe",
        "eeo",
        "e.o.e",
        "affirmative",
        "without",
        "regardless",
        "discriminate",
        "welcome",
        "encourage",
        "disability",
        "m/f/d/v",
        "minorities",
    ),
    ACCOMMODATION: ("accommodation", "adjustment"),
    LEGAL: (
        "privacy",
        "personal",
        "protection",
        "gdpr",
        "ccpa",
        "verify",
        "will",
        "drug",
        "background",
        "criminal",
        "nondiscrimination",
        "chance",
        "conviction",
        "americans",
        "title",
        "ofccp",
        "vevraa",
        "503",
        "acknowledge",
        "certify",
        "understand",
        "consent",
        "equity",
        "transparency",
        "faith",
        "agree",
    ),
}


def search(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """``pattern.search(text)``, skipping text that lacks every word the pattern needs."""
    needs = _NEEDS.get(pattern)
    if needs is not None and lacks(text, needs):
        return None
    return pattern.search(text)


_SENTENCE_END = re.compile(r"[.!?](?:\s+|$)")


def _sentences(block: Block) -> Iterator[tuple[int, int]]:
    start = 0
    for m in _SENTENCE_END.finditer(block.text):
        yield start, m.end()
        start = m.end()
    if start < len(block.text):
        yield start, len(block.text)


def find_first(
    posting: Posting, pattern: re.Pattern[str], *, headings: bool = False
) -> tuple[Block, re.Match[str]] | None:
    blocks = posting.blocks if headings else posting.body_blocks()

    def build() -> int | None:
        return next((i for i, b in enumerate(blocks) if search(pattern, b.text)), None)

    # Several rules ask for the same statement: the posting is searched once, and the
    # memo keeps the block's place (a report travels between processes with its posting,
    # and a match object cannot be pickled).
    at = posting.memo(("statements.find_first", pattern.pattern, headings), build)
    if at is None:
        return None
    m = pattern.search(blocks[at].text)
    assert m is not None
    return blocks[at], m


def is_boilerplate(block: Block, section_key: str | None) -> bool:
    """Legal text: an equal-opportunity, accommodation or privacy notice, or a screening or
    at-will clause, which the author copies in and readability advice cannot change."""
    if block.kind == "heading":
        return False
    if section_key == "eeo":
        return True
    first = next(_sentences(block), (0, len(block.text)))
    head = block.text[first[0] : first[1]]
    return bool(search(EEO, head) or search(LEGAL, head))


def has_eeo(posting: Posting) -> bool:
    return find_first(posting, EEO) is not None


def has_accommodation(posting: Posting) -> bool:
    return find_first(posting, ACCOMMODATION) is not None


def has_benefits(posting: Posting) -> bool:
    # A job board's benefits field in front matter ("benefits", "b_benefits") is shown
    # with the posting.
    if any(
        "benefit" in str(k).lower() and v not in (None, "", [], {}) for k, v in posting.meta.items()
    ):
        return True
    if any(
        s.key == "benefits"
        and s.words >= 3
        and BENEFIT_WORDS.search(" ".join(b.text for b in s.blocks))
        for s in posting.sections
    ):
        return True
    return find_first(posting, BENEFIT_WORDS) is not None


def deadline(posting: Posting) -> tuple[Block, re.Match[str]] | None:
    """Where the posting says when applications close."""
    for section in posting.sections:
        if section.key == "how_to_apply":
            for block in section.blocks:
                m = DATE.search(block.text)
                if m:
                    return block, m
    for block in posting.body_blocks():
        for s, e in _sentences(block):
            sentence = block.text[s:e]
            m = DATE.search(sentence)
            if m and _DEADLINE_WORDS.search(sentence):
                shifted = DATE.search(block.text, s + m.start())
                if shifted:
                    return block, shifted
    return None
