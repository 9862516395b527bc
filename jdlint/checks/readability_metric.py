"""A readability formula (textstat) over the posting's prose, past a threshold.

The value is computed once per posting (``jdlint.readability``) and is the one the JSON
report shows. The finding points at the sentence that needs the work: the one with the
highest Flesch-Kincaid grade, or for ``words_per_sentence`` the longest sentence.
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import readability
from ..errors import ConfigError
from ..findings import Finding
from ..options import Option
from ..packs import Rule
from .context import Context

KIND = "readability-metric"
OPTIONS = {
    "metric": Option(
        str,
        doc="flesch_reading_ease, flesch_kincaid_grade, gunning_fog, smog_index, dale_chall "
        "or words_per_sentence",
    ),
    "max": Option(float, None, doc="report values above this"),
    "min": Option(float, None, doc="report values below this"),
    "min_words": Option(int, 100, doc="prose shorter than this is not scored"),
    "min_sentence_words": Option(
        int, 8, doc="sentences shorter than this are not candidates for the hardest sentence"
    ),
}
MESSAGE_FIELDS = ("value", "limit", "sentence_value", "sentence_words", "words")
NEEDS = frozenset({"nlp"})

_KNOWN = {**readability.METRICS, **readability.EXTRA_METRICS}


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    opts = rule.options
    metric = opts["metric"]
    if metric not in _KNOWN:
        raise ConfigError(
            f"rule {rule.code}: unknown metric '{metric}' (metrics: {', '.join(_KNOWN)})"
        )
    r = readability.get(ctx)
    if r.words < opts["min_words"] or metric not in r.metrics:
        return
    value = round(r.metrics[metric], 1)
    if opts["max"] is not None and value > opts["max"]:
        limit = opts["max"]
    elif opts["min"] is not None and value < opts["min"]:
        limit = opts["min"]
    else:
        return
    if metric == "words_per_sentence":
        worst = max(r.sentences, key=lambda s: s.words)
        worst_value = float(worst.words)
    else:
        worst, worst_value = _hardest(ctx, r, opts["min_sentence_words"])
    start, end = worst.source_span()
    finding = rule.finding(
        start,
        end,
        value=value,
        limit=_num(limit),
        sentence_value=round(worst_value, 1),
        sentence_words=worst.words,
        words=r.words,
    )
    # Two scores, or a score and R201, pointing at the same sentence ask for one fix: only
    # the most severe rule's finding shows, and its message names the sentence's length.
    finding.fact = ("hard-sentence", start, end)
    yield finding


def _hardest(
    ctx: Context, r: readability.Readability, min_words: int
) -> tuple[readability.Sentence, float]:
    """The sentence with the highest grade and its grade, worked out once per posting for
    all the formulas that fire (up to five rules ask)."""

    def build() -> tuple[readability.Sentence, float]:
        candidates = [s for s in r.sentences if s.words >= min_words] or r.sentences
        grades = readability.grades([s.text for s in candidates])
        return max(zip(candidates, grades, strict=False), key=lambda p: p[1])

    return ctx.memo(("hardest-sentence", min_words), build)


def _num(x: float) -> float | int:
    return int(x) if float(x).is_integer() else x
