"""Two words run together by a bad export or a lost space: "passionateabout", "withtools",
"Asthe", "Spring Healthwe are".

A word is reported when it splits into two English words and is not a word itself, by
wordfreq's large English list (``jdlint/words.py``, Zipf scale): each half is a function
word ("a", "to", "the", "we") or a word of four letters or more at least ``min_zipf``
common, and the whole is not in the list (``max_zipf``); two function words run together
("asthe", "ofthe") are reported unless the whole is common (``function_max_zipf``: "into",
"cannot", "within"). Closed compounds the list lacks ("keyworker", "throughcare") end in a
word that builds compounds (``compound_heads``) and are left alone. Names and product
names are left alone too: a word with a capital inside ("GitLab", "NameClare") or in
capitals is never judged, and a capitalised word only when one half is a function word
("Asthe", "Healthwe"), so "Northzone" or "Instacart" are not split. Hashtags, handles,
file names, URL schemes, code and URLs are skipped (code and URLs are blanked before any
check reads the text), and so is text in another language. Each word is reported once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import words as words_mod
from ..findings import Finding
from ..options import Option
from ..packs import Rule
from ..posting import Block
from .context import Context

KIND = "glued-words"
OPTIONS = {
    "max_zipf": Option(
        float, 0.0, doc="a word more common than this is English (0: any word in the list)"
    ),
    "function_max_zipf": Option(
        float, 4.0, doc="two function words run together are a word above this ('into')"
    ),
    "min_zipf": Option(float, 3.0, doc="each half that is not a function word is this common"),
    "compound_heads": Option(
        list[str], [], doc="second halves that build closed compounds ('worker', 'care')"
    ),
    "allow": Option(list[str], [], doc="words never reported (a product or place name)"),
    "prefixes": Option(
        list[str], [], doc="first halves that are prefixes, not words ('multi', 'inter')"
    ),
}
MESSAGE_FIELDS = ("found", "split")
NEEDS: frozenset[str] = frozenset()

# Closed-class words that run into their neighbours ("asthe", "Healthwe", "dedicatedto").
_FUNCTION = (
    "a an the to of in on at as by for with from and or but is are was be we you our your "
    "it its this that us i am can will have has not all who which their they he she his "
    "her my me so if do into about than then also"
)
FUNCTION_WORDS = frozenset(_FUNCTION.split())
_TOKEN = re.compile(r"(?<![\w@#/&.’'-])[A-Za-z]{5,30}(?![\w@/&:-]|\.\w|['’]\w\w)")
_CAPITALISED = re.compile(r"[A-Z]?[a-z]+")


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    opts = rule.options
    allow = {w.lower() for w in opts["allow"]}
    prefixes = {w.lower() for w in opts["prefixes"]}
    heads = {w.lower() for w in opts["compound_heads"]}
    settings = (
        opts["function_max_zipf"],
        opts["max_zipf"],
        opts["min_zipf"],
        frozenset(prefixes),
        frozenset(heads),
    )
    # One object for equal options, so a memo look-up compares them by identity.
    settings = _SETTINGS.setdefault(settings, settings)
    blocks = [b for b in ctx.posting.blocks if b.lang is None]
    if not _any_candidate(blocks, allow, opts, settings):
        return
    seen: set[str] = set()
    judged: dict[str, bool] = {}  # a word met again (a long list) is judged once
    for block in blocks:
        text = block.text
        for m in _TOKEN.finditer(text):
            token = m.group()
            low = token.lower()
            if low in seen or low in allow or judged.get(low) is False:
                continue
            if not _CAPITALISED.fullmatch(token):
                continue
            split = _judged(low, token[0].isupper(), opts, settings)
            judged[low] = split is not None
            if split is None:
                continue
            start, end = block.source_span(m.start(), m.end())
            if _in_code(ctx.posting.text, start):
                continue
            seen.add(low)
            a, b = split
            shown = (a.capitalize() if token[0].isupper() else a) + " " + b
            yield rule.finding(start, end, suggestions=[shown], found=token, split=shown)


# Words judged before, in any posting of this process, with the options that judged them:
# the word-frequency look-ups of a word are made once (bounded, like the lemma memo).
_JUDGED: dict[tuple[str, bool, tuple], tuple[str, str] | None] = {}
_JUDGED_SIZE = 100_000
_SETTINGS: dict[tuple, tuple] = {}
# Every token _TOKEN finds is a whole run of ASCII letters (no word character on either
# side), so the runs of five or more letters hold every token, and more.
_RUN = re.compile(r"[A-Za-z]{5,}")
# By settings, whether a run of letters is a token that could be reported (allow aside).
_CANDIDATE: dict[tuple, dict[str, bool]] = {}


def _judged(low: str, capitalised: bool, opts: dict, settings: tuple) -> tuple[str, str] | None:
    key = (low, capitalised, settings)
    try:
        return _JUDGED[key]
    except KeyError:
        pass
    split = _judge(low, opts, settings[3], settings[4], capitalised=capitalised)
    if len(_JUDGED) >= _JUDGED_SIZE:
        _JUDGED.clear()
    _JUDGED[key] = split
    return split


def _any_candidate(blocks: list[Block], allow: set[str], opts: dict, settings: tuple) -> bool:
    """Whether some token of the blocks could be reported. Most postings have none, and
    then the token-by-token loop (its positions, its order of first judgements, the code
    test) has nothing to find. Each distinct run is judged once per process."""
    # A line break is a non-word on either side, as the start and end of a block are.
    runs = set(_RUN.findall("\n".join([b.text for b in blocks])))
    known = _CANDIDATE.get(settings)
    if known is None or len(known) >= _JUDGED_SIZE:
        known = _CANDIDATE[settings] = {}
    for run in runs:
        can = known.get(run)
        if can is None:
            can = known[run] = (
                len(run) <= 30
                and _CAPITALISED.fullmatch(run) is not None
                and _judged(run.lower(), run[0].isupper(), opts, settings) is not None
            )
        if can and run.lower() not in allow:
            return True
    return False


_CODE_TAG = re.compile(r"<(/?)(?:code|pre|kbd|samp|tt)\b", re.I)


def _in_code(source: str, offset: int) -> bool:
    """Inside an HTML <code>, <pre>, <kbd> element (Markdown code is blanked already)."""
    tags = list(_CODE_TAG.finditer(source, max(0, offset - 300), offset))
    return bool(tags) and not tags[-1].group(1)


def _judge(
    low: str,
    opts: dict,
    prefixes: frozenset[str],
    heads: frozenset[str],
    *,
    capitalised: bool,
) -> tuple[str, str] | None:
    """The two words ``low`` runs together, or None when it is a word of its own."""
    zipf = words_mod.zipf(low)
    if zipf > opts["function_max_zipf"]:
        return None  # common: "coordinate", "within"
    if zipf > opts["max_zipf"] and not _two_function_words(low):
        return None  # a word in the list, and no "asthe"
    split = _split(low, opts["min_zipf"], prefixes, capitalised=capitalised)
    if split is None or split[1] in heads:
        return None
    both_function = split[0] in FUNCTION_WORDS and split[1] in FUNCTION_WORDS
    limit = opts["function_max_zipf"] if both_function else opts["max_zipf"]
    return split if zipf <= limit else None


def _two_function_words(word: str) -> bool:
    return any(
        word[:i] in FUNCTION_WORDS and word[i:] in FUNCTION_WORDS
        for i in range(1, min(len(word), 6))
    )


def _split(
    word: str, min_zipf: float, prefixes: frozenset[str], *, capitalised: bool
) -> tuple[str, str] | None:
    best: tuple[float, str, str] | None = None
    for i in range(1, len(word)):
        a, b = word[:i], word[i:]
        if a in prefixes:
            continue
        fa, fb = a in FUNCTION_WORDS, b in FUNCTION_WORDS
        if (not fa and len(a) < 4) or (not fb and len(b) < 4):
            continue  # "Soans" is no "So ans"
        if capitalised and not fa and not fb:
            continue  # "Northzone", "Instacart": a name more likely than two words
        za, zb = words_mod.zipf(a), words_mod.zipf(b)
        if (fa or za >= min_zipf) and (fb or zb >= min_zipf):
            score = min(za, zb)
            if best is None or score > best[0]:
                best = (score, a, b)
    return (best[1], best[2]) if best else None
