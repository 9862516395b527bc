"""Passive voice in the sentences where who does what matters (the duties, the overview).

Blank pipeline: a form of "be", up to two adverbs, then a past participle (an irregular
participle, or an "-ed" word the lookup lemmatizer knows as an inflected verb). With a
trained pipeline, the dependency parse decides (``auxpass`` / ``nsubjpass`` on a VBN).

Not reported, as in plain-language guidance these read as adjectives or as the idiomatic
way to state a fact whose actor does not matter: participles that describe a state
("is located", "are based", "is committed", "are interested", "is licensed") and the
requirement idiom ("is required", "is preferred", "are encouraged to apply"). The list is
the ``allow`` option. Findings are information: passive is a style choice, not an error.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from .. import readability
from ..findings import Finding
from ..options import Option
from ..packs import Rule
from .context import Context

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

KIND = "passive-voice"
OPTIONS = {
    "sections": Option(
        list[str],
        ["overview", "responsibilities"],
        doc="section keys checked (the opening paragraphs count as the overview)",
    ),
    "allow": Option(
        list[str], [], doc="more participles that read as adjectives and are never reported"
    ),
}
MESSAGE_FIELDS = ("phrase",)
NEEDS = frozenset({"nlp"})

BE = frozenset({"am", "is", "are", "was", "were", "be", "been", "being", "'re", "’re"})
ADVERBS = frozenset(
    {"not", "also", "often", "always", "never", "then", "still", "all", "each", "both", "only"}
)
IRREGULAR = frozenset(
    [
        "given",
        "taken",
        "done",
        "made",
        "known",
        "seen",
        "written",
        "held",
        "paid",
        "brought",
        "built",
        "kept",
        "led",
        "met",
        "taught",
        "sent",
        "spent",
        "found",
        "told",
        "shown",
        "chosen",
        "driven",
        "drawn",
        "begun",
        "broken",
        "bought",
        "caught",
        "dealt",
        "fed",
        "forgotten",
        "forgiven",
        "frozen",
        "gotten",
        "grown",
        "heard",
        "hidden",
        "hurt",
        "laid",
        "lent",
        "lost",
        "said",
        "sold",
        "shaken",
        "shut",
        "sung",
        "sat",
        "slept",
        "spoken",
        "stolen",
        "struck",
        "sworn",
        "thrown",
        "understood",
        "undertaken",
        "withdrawn",
        "won",
        "worn",
        "overseen",
        "undergone",
    ]
)
# Participles that describe a state, and the idioms postings use for requirements.
STATIVE = frozenset(
    [
        "located",
        "based",
        "situated",
        "headquartered",
        "committed",
        "dedicated",
        "devoted",
        "interested",
        "excited",
        "thrilled",
        "delighted",
        "pleased",
        "motivated",
        "skilled",
        "experienced",
        "qualified",
        "licensed",
        "certified",
        "registered",
        "credentialed",
        "trained",
        "required",
        "preferred",
        "needed",
        "desired",
        "encouraged",
        "welcomed",
        "involved",
        "engaged",
        "organized",
        "organised",
        "oriented",
        "focused",
        "focussed",
        "driven",
        "equipped",
        "prepared",
        "tired",
        "married",
        "concerned",
        "related",
        "supposed",
        "used",
        "accustomed",
        "acquainted",
        "aligned",
        "entitled",
        "limited",
        "closed",
        "complicated",
        "advanced",
        "talented",
        "exposed",
        "known",
        "expected",
        "varied",
        "grounded",
    ]
)
# "expected" and "known" are in STATIVE: "you are expected to" and "is known for" are the
# idiom in postings, and reporting them was wrong more often than right on real text.


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    keys = set(rule.options["sections"])
    allow = STATIVE | {w.lower() for w in rule.options["allow"]}
    sections = ctx.posting.sections
    r = readability.get(ctx)
    trained = ctx.analysis.trained
    for sent in r.sentences:
        if sections[sent.block.section].key not in keys:
            continue
        doc = ctx.analysis.doc(sent.block.index)
        parsed = trained and doc.has_annotation("DEP")
        # Without a parse, a passive starts at a form of "be": a sentence, or a whole
        # block, without one has none (its token lists are shared, made once per posting).
        lows = None if parsed else ctx.analysis.tokens(sent.block.index).lows
        if lows is not None and BE.isdisjoint(lows):
            continue
        span = doc.char_span(sent.start, sent.end, alignment_mode="expand")
        if span is None:
            continue
        if lows is not None and BE.isdisjoint(lows[span.start : span.end]):
            continue
        phrase = passive_phrase(span, allow, parsed=parsed, lemma=ctx.analysis.raw_lemma)
        if phrase:
            start, end = sent.source_span()
            yield rule.finding(start, end, phrase=phrase)


def passive_phrase(
    span: Span,
    allow: frozenset[str] | set[str],
    parsed: bool,
    lemma: Callable[[Token], str] | None = None,
) -> str | None:
    """The first passive "be ... participle" in the span, as written, or None. ``lemma``
    gives a token's lemma as the pipeline has it (``token.lemma_`` by default)."""
    lemma = lemma or _pipeline_lemma
    if parsed:
        for tok in span:
            if tok.dep_ == "auxpass" and tok.head.tag_ == "VBN":
                head = tok.head
                if head.lower_ not in allow:
                    lo, hi = sorted((tok.i, head.i))
                    return span.doc[lo : hi + 1].text
        return None
    toks = list(span)
    for i, tok in enumerate(toks):
        if tok.lower_ not in BE:
            continue
        j = i + 1
        while j < len(toks) and j <= i + 2 and _adverb(toks[j]):
            j += 1
        if j < len(toks) and _participle(toks[j], lemma) and toks[j].lower_ not in allow:
            if j + 1 < len(toks) and toks[j + 1].text in {"-", "–"}:
                continue  # "is well-known", "are self-directed": compounds, adjectives
            return span.doc[tok.i : toks[j].i + 1].text
    return None


def _adverb(tok: Token) -> bool:
    w = tok.lower_
    return w in ADVERBS or (len(w) > 4 and w.endswith("ly") and w.isalpha())


def _pipeline_lemma(tok: Token) -> str:
    return str(tok.lemma_)


def _participle(tok: Token, lemma: Callable[[Token], str]) -> bool:
    w = tok.lower_
    if not w.isalpha() or not tok.text.islower():
        return False
    if w in IRREGULAR:
        return True
    return len(w) > 4 and w.endswith("ed") and lemma(tok).lower() not in ("", w)
