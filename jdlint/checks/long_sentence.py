"""A sentence too long to read in one breath: reported at the sentence, with its length."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .. import readability, safe_regex
from ..findings import Finding
from ..options import Option
from ..packs import Rule
from .context import Context

KIND = "long-sentence"
OPTIONS = {
    "max_words": Option(int, 40, doc="sentences longer than this are reported"),
    "blocks": Option(
        list[str],
        ["paragraph"],
        doc="block kinds whose sentences are checked: paragraph, list_item "
        "(a bullet as a whole is the long-block kind's job)",
    ),
    "except_sections": Option(list[str], [], doc="section keys not checked"),
    "ignore_pattern": Option(
        str, "", doc="regex: sentences it matches are not checked (legal boilerplate)"
    ),
}
MESSAGE_FIELDS = ("words", "max_words")
NEEDS = frozenset({"nlp"})


def validate(options: dict[str, Any]) -> list[str]:
    """Errors in the options (called when the pack or config is loaded)."""
    return safe_regex.validate("ignore_pattern", options.get("ignore_pattern") or "")


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    limit = rule.options["max_words"]
    kinds = set(rule.options["blocks"])
    skip = set(rule.options["except_sections"])
    sections = ctx.posting.sections
    ignore = (
        safe_regex.compile(rule.options["ignore_pattern"])
        if rule.options["ignore_pattern"]
        else None
    )
    for sent in readability.get(ctx).sentences:
        if sent.block.kind not in kinds or sections[sent.block.section].key in skip:
            continue
        if sent.words > limit and not (ignore and ignore.search(sent.text)):
            start, end = sent.source_span()
            finding = rule.finding(start, end, words=sent.words, max_words=limit)
            # The sentence a readability score points at is one fact with it (R101, R106).
            finding.fact = ("hard-sentence", start, end)
            yield finding
