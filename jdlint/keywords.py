"""Target keywords: where they come from and where a posting carries them.

Targets come from the most specific source that gives any: front matter ``keywords``, else
config ``keywords``, else the role profile's ``keywords``. A posting with profile
``general`` and no keywords has no targets, and the keyword rules stay quiet.

A keyword that ends in "job description" ("psychiatric case manager job description") is
a search query for the role: the posting covers it when it covers the role ("psychiatric
case manager"). Matching compares words and their lemmas, case-insensitively, so "case
managers" covers "case manager"; punctuation between words is ignored ("substance-use").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import lemmas

if TYPE_CHECKING:
    from .checks.context import Context

_SUFFIX = re.compile(
    r"\s+(?:job\s+descriptions?|job\s+postings?|job\s+ads?|jobs?|careers?|vacanc(?:y|ies))\s*$",
    re.I,
)


@dataclass(frozen=True)
class Keyword:
    text: str  # as configured
    role: str  # the role phrase it stands for ("x job description" -> "x")
    words: tuple[tuple[str, str], ...]  # (lower, lemma) per word of ``role``


def targets(ctx: Context) -> tuple[list[str], str]:
    """(keywords, source): ``front-matter``, ``config``, ``profile`` or ``none``."""
    fm = ctx.posting.meta.get("keywords")
    if isinstance(fm, str):
        fm = [k.strip() for k in fm.split(",")]
    if isinstance(fm, list):
        got = [k.strip() for k in fm if isinstance(k, str) and k.strip()]
        if got:
            return got, "front-matter"
    config = ctx.settings.get("config")
    got = [
        k.strip() for k in (config.get("keywords", []) if config is not None else []) if k.strip()
    ]
    if got:
        return got, "config"
    roles = ctx.settings.get("roles")
    pid = ctx.settings.get("profile")
    if roles is not None and pid in getattr(roles, "profiles", {}):
        got = [k for k in roles.profiles[pid].keywords if k.strip()]
        if got:
            return got, "profile"
    return [], "none"


def prepared(ctx: Context, *, explicit: bool = False, titles: bool = False) -> list[Keyword]:
    """The targets, ready to match. ``explicit`` keeps only keywords the author chose
    (front matter or config), not the profile's defaults; ``titles`` adds, when the
    targets are the profile's, the profile's titles ("Frailty Case Manager" is a
    geriatric case manager's title too) as acceptable names for the role."""

    def build() -> list[Keyword]:
        raw, source = targets(ctx)
        if explicit and source == "profile":
            raw = []
        if titles and source == "profile":
            roles = ctx.settings.get("roles")
            raw = raw + list(roles.profiles[ctx.settings.get("profile")].titles)
        out: list[Keyword] = []
        seen: set[str] = set()
        for text in raw:
            role = _SUFFIX.sub("", text).strip() or text
            words = tuple(forms(ctx, role))
            if words and role.lower() not in seen:
                seen.add(role.lower())
                out.append(Keyword(text, role, words))
        return out

    return ctx.memo(("keywords", explicit, titles), build)


def _nlp(ctx: Context) -> Any:
    factory = ctx._nlp_factory
    if callable(factory):
        return factory()
    from .nlp import get_nlp

    return get_nlp(None)


def forms(ctx: Context, text: str) -> list[tuple[str, str]]:
    """(lower, lemma) for each word of a free-standing text (a title, a keyword).

    The same keywords come back with every posting, so with jdlint's own lemma table
    their forms are remembered by pipeline and text (they depend on nothing else),
    bounded like the lemma memo."""
    nlp = _nlp(ctx)
    if ctx.analysis.lemma_table is not lemmas.TABLE:
        return token_forms(ctx, nlp(text))  # a trained pipeline's lemmas: not remembered
    key = (nlp, text)
    found = _FORMS.get(key)
    if found is None:
        if len(_FORMS) >= _FORMS_SIZE:
            _FORMS.clear()
        found = _FORMS[key] = tuple(token_forms(ctx, nlp(text)))
    return list(found)


_FORMS: dict[tuple[Any, str], tuple[tuple[str, str], ...]] = {}
_FORMS_SIZE = 10_000


def token_forms(ctx: Context, doc: Any) -> list[tuple[str, str]]:
    return [(t.lower_, ctx.analysis.lemma(t)) for t in doc if not (t.is_punct or t.is_space)]


def block_tokens(ctx: Context, block_index: int) -> list[tuple[str, str, int, int]]:
    """(lower, lemma, start, end) of each word of a block, in clean-text offsets; built once
    per posting and shared by the keyword rules."""
    analysis = ctx.analysis

    def build() -> list[tuple[str, str, int, int]]:
        toks = analysis.tokens(block_index)
        texts, idxs, lows, lems = toks.texts, toks.idxs, toks.lows, toks.lemmas
        return [
            (lows[i], lems[i], idxs[i], idxs[i] + len(texts[i]))
            for i, skip in enumerate(toks.skip)
            if not skip
        ]

    return analysis.memo(("keywords.block_tokens", block_index), build)


def _same(a: tuple[str, str], b: tuple[str, ...]) -> bool:
    return a[0] in b[:2] or a[1] in b[:2]


def occurrences(keyword: Keyword, tokens: list[Any]) -> list[tuple[int, int]]:
    """(first, last) token positions where the keyword occurs in ``tokens``, left to right,
    not overlapping."""
    words = keyword.words
    k = len(words)
    first = words[0][:2]
    hits = []
    after = 0  # a match ends before the next one starts
    last = len(tokens) - k
    # Only where the first word stands can a match start (every word is one token).
    for i in [j for j, t in enumerate(tokens) if t[0] in first or t[1] in first]:
        if i < after or i > last:
            continue
        if all(_same(words[j], tokens[i + j]) for j in range(1, k)):
            hits.append((i, i + k - 1))
            after = i + k
    return hits


def in_text(ctx: Context, keyword: Keyword, text: str) -> bool:
    return bool(occurrences(keyword, forms(ctx, text)))
