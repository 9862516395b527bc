"""Age limits, age ranges, birth years and graduation years that screen candidates by age.

"Must be under 40", "applicants aged 21-35", "between 25 and 35 years old", "born after
1990", "over 50s need not apply", "class of 2025": each entry is a term pattern with "#"
for the number, and a ``check`` that says what the number must be for the match to be a
screen:

- ``limit``: an age (``min_age``..``max_age``) in any direction: always a screen;
- ``minimum``: a minimum age; ages a law commonly sets (``legal_minimums``: 16, 18 or 21
  to work, drive, serve alcohol or hold a licence) are not reported, nor a minimum whose
  sentence names its reason (``minimum_reasons``: "licence", "insurance", "alcohol");
- ``year``: a calendar year (``min_year``..``max_year``): a birth or graduation year;
- ``any``: the wording alone is the screen ("within a year of graduation").

Context decides who the number is about. The nearest person noun before the match (in
its sentence, else the sentence before when this one states no requirement) makes it
the people served ("clients aged 60 and over", "young people aged 16-25") or the
candidate ("applicants aged 21-35"); with none, a requirement is about the candidate. A
sentence that names the legal basis of the limit (``legal_basis``: "required by law",
"scheme rules"), an equal-opportunity sentence, a quotation and an allowed phrase are
left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .. import terms
from ..findings import Finding
from ..options import Option
from ..packs import Rule
from .context import Context
from .term import eeo_sentence, suggestions_for

KIND = "age-screen"
OPTIONS = {
    "terms": Option(
        list[dict],
        doc="entries: pattern, check (limit, minimum, year, any), reason, suggest, id, "
        "followed_by, preceded_by",
    ),
    "population": Option(
        list[str], [], doc="nouns for the people served: an age after them describes them"
    ),
    "candidate": Option(list[str], [], doc="nouns for the person hired"),
    "hiring_verbs": Option(
        list[str],
        [
            "consider",
            "considering",
            "hire",
            "hiring",
            "recruit",
            "recruiting",
            "accept",
            "accepting",
            "seek",
            "seeking",
            "want",
            "invite",
            "inviting",
            "welcome",
        ],
        doc="verbs that make the people after them the candidates ('only considering students')",
    ),
    "requirement_words": Option(
        list[str],
        ["must", "should", "require", "required", "requirement", "eligible", "only"],
        doc="words that make a sentence a requirement of the candidate",
    ),
    "legal_basis": Option(list[str], [], doc="phrases naming a law or scheme that sets the limit"),
    "minimum_reasons": Option(
        list[str], [], doc="reasons in the sentence that make a minimum age a legal one"
    ),
    "legal_minimums": Option(list[int], [16, 17, 18, 19, 21], doc="minimum ages laws commonly set"),
    "min_age": Option(int, 16, doc="smallest number read as a candidate's age"),
    "max_age": Option(int, 99, doc="largest number read as an age"),
    "min_year": Option(int, 1900, doc="smallest number read as a year"),
    "max_year": Option(int, 2100, doc="largest number read as a year"),
}
MESSAGE_FIELDS = ("term", "reason", "suggestion")
NEEDS = frozenset({"nlp"})

_ENTRY_KEYS = {"id", "pattern", "check", "reason", "suggest", "followed_by", "preceded_by"}
_CHECKS = ("limit", "minimum", "year", "any")
_WORD_NUMBERS = {
    w: n
    for n, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
# How far back the person a number describes is looked for.
_LOOKBACK = 40


def validate(options: dict[str, Any]) -> list[str]:
    errors = []
    for i, entry in enumerate(options.get("terms", [])):
        where = f"terms[{i}]"
        if not isinstance(entry, dict):
            errors.append(f"{where}: an entry is a mapping")
            continue
        unknown = set(entry) - _ENTRY_KEYS
        if unknown:
            errors.append(f"{where}: unknown key(s) {sorted(unknown)}")
        pattern = entry.get("pattern")
        patterns = [pattern] if isinstance(pattern, str) else pattern
        if not (
            isinstance(patterns, list) and patterns and all(isinstance(p, str) for p in patterns)
        ):
            errors.append(f"{where}: 'pattern' must be a string or a list of strings")
        if entry.get("check") not in _CHECKS:
            errors.append(f"{where}: 'check' must be one of {', '.join(_CHECKS)}")
        for key in ("suggest", "followed_by", "preceded_by"):
            value = entry.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                errors.append(f"{where}: '{key}' must be a list of strings")
        if "reason" in entry and not isinstance(entry["reason"], str):
            errors.append(f"{where}: 'reason' must be a string")
    return errors


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    opts = rule.options
    flat, index = terms.entry_patterns(opts["terms"])
    people = {
        "population": set(opts["population"]),
        "candidate": set(opts["candidate"]),
        "hiring": set(opts["hiring_verbs"]),
    }
    allowed = list(ctx.settings["config"].get("allow", []))
    analysis = ctx.analysis
    by_block = index.found(analysis)
    for block in ctx.posting.body_blocks():
        matches = by_block.get(block.index)
        if not matches:
            continue
        stream = terms.stream(analysis.doc(block.index), analysis)
        text = block.text
        sents = terms.sentences(analysis, block.index, text)
        skip = terms.phrase_spans(text, allowed)
        hits: list[tuple[tuple[int, int], dict]] = []
        for i, spans in matches:
            entry, _ = flat[i]
            for span in spans:
                if terms.inside(span, skip) or _quoted(text, span):
                    continue
                if _screens(stream, sents, span, entry, opts, people):
                    hits.append((span, entry))
        # One finding per screen: overlapping wordings of it are one problem.
        hits.sort(key=lambda h: (h[0][0], -(h[0][1] - h[0][0])))
        last_end = -1
        for span, entry in hits:
            if span[0] < last_end:
                continue
            last_end = span[1]
            suggestions = suggestions_for(ctx, entry.get("id"), entry.get("suggest", []))
            matched = text[span[0] : span[1]]
            start, end = block.source_span(*span)
            yield rule.finding(
                start,
                end,
                suggestions=suggestions,
                term=terms.fold(matched) if stream.folded(*span) else matched,
                reason=entry.get("reason", ""),
                suggestion=suggestions[0] if suggestions else "",
            )


def _screens(
    stream: terms.Stream,
    sents: terms.Sentences,
    span: tuple[int, int],
    entry: dict,
    opts: dict[str, Any],
    people: dict[str, set[str]],
) -> bool:
    first, last = terms.token_range(stream, span)
    written = [stream.forms[j][0] for j in range(first, last + 1) if stream.is_number(j)]
    numbers = [n for n in map(_number, written) if n is not None]
    check = entry["check"]
    ages = [n for n in numbers if opts["min_age"] <= n <= opts["max_age"]]
    if check in ("limit", "minimum") and not ages:
        return False
    # A year is written as four digits: "2,000 graduates" is a count, not a class.
    years = [int(w) for w in written if re.fullmatch(r"\d{4}", w)]
    if check == "year" and not any(opts["min_year"] <= y <= opts["max_year"] for y in years):
        return False
    k = sents.at(span[0])
    sent = sents.span(k)
    after = entry.get("followed_by")
    if after and not terms.followed_by(stream, sents.text, last, sent, set(after)):
        return False
    before = entry.get("preceded_by")
    if before and not (
        first > 0
        and stream.starts[first - 1] >= sent[0]
        and not set(stream.forms[first - 1]).isdisjoint(before)
    ):
        return False
    if sents.test(k, "eeo", lambda k, s=sents: eeo_sentence(s, k)):
        return False
    legal = tuple(opts["legal_basis"])
    if legal and sents.test(k, ("legal", legal), lambda _: terms.has_words(stream, sent, legal)):
        return False
    if check == "minimum":
        if all(a in opts["legal_minimums"] for a in ages):
            return False
        reasons = tuple(opts["minimum_reasons"])
        if reasons and terms.has_words(stream, sent, reasons):
            return False
    return _about(stream, sents, k, first, opts, people) != "population"


def _about(
    stream: terms.Stream,
    sents: terms.Sentences,
    k: int,
    first: int,
    opts: dict[str, Any],
    people: dict[str, set[str]],
) -> str | None:
    """Whom the number describes: the nearest person noun before it in its sentence, else
    (when the sentence states no requirement) in the sentence before."""
    sent = sents.span(k)
    found = _nearest(stream, first, sent[0], people)
    if found or k == 0:
        return found
    if terms.has_words(stream, sent, tuple(opts["requirement_words"]) + tuple(people["candidate"])):
        return None
    return _nearest(stream, first, sents.span(k - 1)[0], people)


def _nearest(
    stream: terms.Stream, first: int, floor: int, people: dict[str, set[str]]
) -> str | None:
    j = first - 1
    while j >= 0 and first - j <= _LOOKBACK and stream.starts[j] >= floor:
        low, lemma = stream.forms[j]
        if low in people["candidate"] or lemma in people["candidate"]:
            return "candidate"
        if low in people["population"] or lemma in people["population"]:
            # "we will only be considering students ...": the people hired, not served.
            for k in range(j - 1, max(-1, j - 4), -1):
                if stream.starts[k] < floor:
                    break
                if not {stream.forms[k][0], stream.forms[k][1]}.isdisjoint(people["hiring"]):
                    return "candidate"
            return "population"
        j -= 1
    return None


def _number(text: str) -> int | None:
    text = text.replace(",", "")
    if re.fullmatch(r"\d+", text):
        return int(text)
    return _WORD_NUMBERS.get(text)


def _quoted(text: str, span: tuple[int, int]) -> bool:
    before = text[span[0] - 1] if span[0] > 0 else ""
    after = text[span[1]] if span[1] < len(text) else ""
    return bool(before and after) and before in "\"“‘'" and after in "\"”’'"
