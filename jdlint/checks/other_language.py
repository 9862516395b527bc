"""Text in another language, left out of the readability scores: said once, as info.

A posting may carry a translation under the English text (French in Canada). English
readability formulas score French as very hard English, so such blocks are left out of the
metrics and of the sentence and bullet rules (``readability.scored``); this rule says so,
once, at the first of them.
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import language
from ..findings import Finding
from ..packs import Rule
from .context import Context

KIND = "other-language"
OPTIONS: dict = {}
MESSAGE_FIELDS = ("count", "blocks", "language", "words")
NEEDS: frozenset[str] = frozenset()


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    other = [b for b in ctx.posting.body_blocks() if b.lang]
    if not other:
        return
    langs = sorted({b.lang for b in other if b.lang})
    start, end = other[0].source_span()
    yield rule.finding(
        start,
        end,
        count=len(other),
        blocks="paragraph" if len(other) == 1 else "paragraphs",
        language=" and ".join(language.NAMES.get(code, code) for code in langs),
        words=sum(b.words for b in other),
    )
