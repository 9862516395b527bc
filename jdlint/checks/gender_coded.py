"""Gender-coded wording (Gaucher, Friesen & Kay 2011): the balance of masculine- and
feminine-coded trait words, per 1,000 words, with the words that drove it.

The study's stems are not matched as prefixes: each list holds whole words, compared
with tokens and lemmas, and senses that are not traits are excluded by phrase
("Lead Case Manager", "emotional needs", "support services", "connect clients").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

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
}
MESSAGE_FIELDS = ("direction", "masculine", "feminine", "per_1000", "words")
NEEDS = frozenset({"nlp"})


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    opts = rule.options
    posting = ctx.posting
    total = posting.words
    if total < opts["min_words"]:
        return
    masc = _count(ctx, opts["masculine"], opts["not_traits"])
    fem = _count(ctx, opts["feminine"], opts["not_traits"])
    m, f = sum(masc.values()), sum(fem.values())
    diff = (m - f) * 1000 / total
    strong = diff >= opts["strong_per_1000"]
    if opts["level"] == "strong" and not strong:
        return
    if opts["level"] == "any" and (strong or abs(diff) < opts["min_per_1000"]):
        return  # strong skews are the warning rule's; a near balance says nothing
    if max(m, f) < opts["min_coded"]:
        return
    direction = "masculine" if m > f else "feminine"
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


def _count(ctx: Context, words: list[str], not_traits: list[str]) -> Counter[str]:
    patterns = terms.pattern_set(tuple(words))
    found: Counter[str] = Counter()
    for block in ctx.posting.blocks:
        doc = ctx.analysis.doc(block.index)
        s = terms.stream(doc, ctx.analysis)
        excluded = None
        # Only the words that can start a match in this block, in the list's order.
        for i in patterns.candidates(s):
            word = words[i]
            for span in terms.find_all(s, patterns.compiled[i]):
                if excluded is None:
                    excluded = terms.phrase_spans(block.text, not_traits)
                if not terms.inside(span, excluded):
                    found[word.split("|")[0]] += 1
    return found


def _list(counts: Counter[str]) -> str:
    if not counts:
        return "none"
    return ", ".join(f"{w} ({n})" if n > 1 else w for w, n in counts.most_common(8))
