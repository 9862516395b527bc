"""Gender-coded wording (Gaucher, Friesen & Kay 2011): the balance of masculine- and
feminine-coded trait words, per 1,000 words, with the words that drove it.

The study's stems are not matched as prefixes: each list item names the whole words of
one trait ("aggressive|aggressively|aggression"), compared with tokens and lemmas, and
senses that are not traits are excluded by phrase ("Lead Case Manager", "emotional
needs", "support services") or because the word describes the workplace or the market,
not a person ("a supportive environment", "a competitive market": ``place_nouns``).

A posting under ``min_words`` is too short for a rate per 1,000 words, but a blurb made
of masculine-coded traits still reads as one: for the strong-skew rule, ``short_min_coded``
such words with no feminine-coded one, or two in a very short text (``short_per_1000``),
are reported too. The finding points at the first word on the side the posting leans.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from .. import terms
from ..findings import Finding
from ..options import Option
from ..packs import Rule
from .context import Context

KIND = "gender-coded"
OPTIONS = {
    "masculine": Option(list[str], doc="masculine-coded trait words (whole words or lemmas)"),
    "feminine": Option(list[str], doc="feminine-coded trait words"),
    "not_traits": Option(list[str], [], doc="phrases where a listed word is not a trait"),
    "min_words": Option(int, 150, doc="shorter postings are not scored"),
    "min_per_1000": Option(float, 2.0, doc="smallest imbalance per 1,000 words worth reporting"),
    "min_coded": Option(int, 3, doc="fewest coded words on the leaning side worth reporting"),
    "strong_per_1000": Option(
        float, 6.0, doc="masculine minus feminine words per 1,000 words for a strong skew"
    ),
    "level": Option(
        str, "any", doc="any: every skew short of strong; strong: only strong masculine skews"
    ),
    "place_nouns": Option(
        list[str], [], doc="nouns for a workplace or market: a trait word before one is no trait"
    ),
    "short_min_coded": Option(
        int, 3, doc="under min_words: this many masculine-coded words, none feminine (strong only)"
    ),
    "short_per_1000": Option(
        float, 100.0, doc="under min_words: two masculine-coded words at this rate (strong only)"
    ),
    "short_skip": Option(
        list[str],
        [],
        doc="masculine-coded words not counted under min_words: skills and settings "
        "('analytical', 'independent') that alone do not make a blurb a persona",
    ),
}
MESSAGE_FIELDS = ("direction", "masculine", "feminine", "per_1000", "words")
NEEDS = frozenset({"nlp"})


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    opts = rule.options
    posting = ctx.posting
    total = posting.words
    if total == 0:
        return
    short = total < opts["min_words"]
    if short and opts["level"] != "strong":
        return
    masc, masc_at = _count(ctx, opts["masculine"], opts)
    fem, fem_at = _count(ctx, opts["feminine"], opts)
    m, f = sum(masc.values()), sum(fem.values())
    diff = (m - f) * 1000 / total
    if short:
        # Too short for a rate: a blurb of masculine-coded traits with nothing to balance.
        skip = set(opts["short_skip"])
        persona = sum(n for w, n in masc.items() if w not in skip)
        if f or not (
            persona >= opts["short_min_coded"]
            or (persona >= 2 and persona * 1000 / total >= opts["short_per_1000"])
        ):
            return
    else:
        strong = diff >= opts["strong_per_1000"]
        if opts["level"] == "strong" and not strong:
            return
        if opts["level"] == "any" and (strong or abs(diff) < opts["min_per_1000"]):
            return  # strong skews are the warning rule's; a near balance says nothing
        if max(m, f) < opts["min_coded"]:
            return
    direction = "masculine" if m > f else "feminine"
    at = masc_at if direction == "masculine" else fem_at
    if at is not None:
        start, end = at
    else:
        start = posting.anchor()
        end = posting.title_span[1] if posting.title_span else start
    yield rule.finding(
        start,
        end,
        direction=direction,
        masculine=_list(masc),
        feminine=_list(fem),
        per_1000=f"{abs(diff):.1f}",
        words=total,
    )


def _count(
    ctx: Context, words: list[str], opts: dict[str, Any]
) -> tuple[Counter[str], tuple[int, int] | None]:
    """How often each trait occurs, and the source span of the first occurrence."""
    patterns = terms.pattern_set(tuple(words))
    places = set(opts["place_nouns"])
    found: Counter[str] = Counter()
    first: tuple[int, int] | None = None
    by_block = patterns.found(ctx.analysis)
    for block in ctx.posting.blocks:
        matches = by_block.get(block.index)
        if not matches:
            continue
        s = terms.stream(ctx.analysis.doc(block.index), ctx.analysis)
        excluded = None
        spans: list[tuple[int, int]] = []
        # Only the words that can start a match in this block, in the list's order.
        for i, spans_of_word in matches:
            word = words[i]
            for span in spans_of_word:
                if excluded is None:
                    excluded = terms.phrase_spans(block.text, opts["not_traits"])
                if (
                    terms.inside(span, excluded)
                    or _describes_place(s, block.text, span, places)
                    or _describes_us(s, block.text, span)
                ):
                    continue
                found[word.split("|")[0]] += 1
                spans.append(span)
        if spans and first is None and block.kind != "heading":
            first = block.source_span(*min(spans))
    return found, first


# Words that end the phrase a trait word may describe ("aggressive closer who ...").
_STOP = frozenset(
    [
        "who",
        "whom",
        "that",
        "which",
        "with",
        "to",
        "in",
        "into",
        "of",
        "for",
        "on",
        "at",
        "by",
        "as",
        "from",
        "than",
        "when",
        "while",
        "where",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "will",
        "would",
        "can",
        "could",
        "should",
        "must",
        "may",
        "might",
        "you",
        "your",
        "we",
        "our",
        "they",
        "their",
        "he",
        "she",
        "it",
        "this",
        "these",
        "those",
    ]
)
# Team words that name a person in the team, not the team: "a supportive team member".
_MEMBER = frozenset(
    {"player", "players", "member", "members", "leader", "leaders", "mate", "mates"}
)


def _describes_place(s: terms.Stream, text: str, span: tuple[int, int], places: set[str]) -> bool:
    """The trait word describes a workplace or market: "supportive environment",
    "competitive and fast-moving market", "a collaborative, supportive team"."""
    if not places:
        return False
    _, j = terms.token_range(s, span)
    j += 1
    fillers = 0
    while j < len(s.forms) and fillers <= 2:
        if any(c in ".!?;:" for c in text[s.ends[j - 1] : s.starts[j]]):
            return False  # the sentence or clause ended
        low, lemma = s.forms[j]
        if low in places or lemma in places:
            nxt = s.forms[j + 1][0] if j + 1 < len(s.forms) else ""
            return nxt not in _MEMBER
        if low in ("and", "or", "&", "/"):
            j += 1
            continue
        if low in _STOP:
            return False
        fillers += 1
        j += 1
    return False


# "We innovate fearlessly", "we are ambitious", "our team is supportive": the employer
# describing itself. An article or a word for the candidate in between ("we want an
# ambitious closer", "we are looking for someone supportive") makes it a trait again.
_US = frozenset({"we", "we're", "our", "us"})
_THEM = frozenset(
    {
        "a",
        "an",
        "the",
        "you",
        "your",
        "who",
        "someone",
        "somebody",
        "candidate",
        "candidates",
        "person",
        "people",
        "applicant",
        "applicants",
        "hire",
    }
)


def _describes_us(s: terms.Stream, text: str, span: tuple[int, int]) -> bool:
    first, _ = terms.token_range(s, span)
    for j in range(first - 1, max(-1, first - 4), -1):
        if any(c in ".!?;:" for c in text[s.ends[j] : s.starts[j + 1]]):
            return False
        low = s.forms[j][0]
        if low in _THEM:
            return False
        if low in _US:
            return True
    return False


def _list(counts: Counter[str]) -> str:
    if not counts:
        return "none"
    return ", ".join(f"{w} ({n})" if n > 1 else w for w, n in counts.most_common(8))
