"""Physical and sensory abilities stated as requirements, in any wording.

"Normal hearing", "close visual acuity", "lift and carry up to 50 lbs", "stand for long
periods", "climb ladders and crawl": a posting that names the body instead of the task
screens out people who would do the task another way. Each entry is a term pattern plus
what makes a match a requirement rather than a duty or a figure of speech:

- ``measure``: a weight must follow within a few words ("lift ... 50 lbs"), or
- ``framed``: an ability frame ("must", "able to", "ability to", "required to") comes
  before it in the sentence, or the text sits under a physical-demands or
  qualifications heading; ``followed_by`` then lists the words that may come right after
  it ("stand, walk", "stand for") so "stand out" or "walk clients through" stay quiet;
- neither: the wording is a standard on its face ("normal hearing", "able-bodied").

``if_sentence`` and ``unless_sentence`` hold words the sentence must or must not have
("drive" counts only where the task is travel). The rule's ``level`` splits the cases: a
requirement (warning) unless the posting frames it as an essential function and says how
to ask for an accommodation, which is the ADA's own form (info); a remote job with
physical requirements is always the warning. One finding per ability and block.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from .. import location, statements, terms
from ..findings import Finding
from ..options import Option
from ..packs import Rule
from .context import Context
from .term import suggestions_for

KIND = "physical-requirement"
OPTIONS = {
    "terms": Option(
        list[dict],
        [],
        doc="entries: id, pattern, label, suggest, measure, framed, followed_by, "
        "if_sentence, unless_sentence, window, general",
    ),
    "terms_from": Option(
        str, "", doc="use another rule's terms (a rule code), so two levels share one list"
    ),
    "level": Option(
        str,
        "requirement",
        doc="requirement: stated as a requirement, or any for a remote job; "
        "essential-function: framed as an essential function, with an accommodation statement",
    ),
    "framing": Option(
        list[str],
        [
            "able",
            "ability",
            "abilities",
            "must",
            "require",
            "required",
            "requirement",
            "requirements",
            "capable",
            "capability",
            "need to",
            "needs to",
        ],
        doc="words before a match that make it a stated ability",
    ),
    "framing_sections": Option(
        list[str],
        ["physical", "qualifications"],
        doc="sections whose text states requirements by itself",
    ),
    "essential": Option(
        list[str],
        [
            "essential function",
            "essential functions",
            "essential job functions",
            "essential duties",
            "with or without reasonable accommodation",
            "with or without accommodation",
            "with or without an accommodation",
            "with or without reasonable accommodations",
            "with or without accommodations",
        ],
        doc="phrases that frame the text as the job's essential functions",
    ),
}
MESSAGE_FIELDS = ("term", "ability", "suggestion", "where", "note")
NEEDS = frozenset({"nlp"})

_ENTRY_KEYS = {
    "general",
    "id",
    "pattern",
    "label",
    "suggest",
    "measure",
    "framed",
    "followed_by",
    "if_sentence",
    "unless_sentence",
    "window",
}
# How far back an ability frame may stand ("must be able to frequently stand").
_FRAME_WINDOW = 8
_REMOTE = re.compile(
    r"#LI-Remote\b|\b(?:fully|100%|entirely|completely|100\s+percent)\s+remote\b|"
    r"\bremote\s+(?:position|role|job|opportunity)\b|"
    r"\b(?:position|role|job)\s+is\s+(?:fully\s+|100%\s+)?remote\b|"
    r"\bwork\s+from\s+home\s+(?:position|role|job)\b",
    re.I,
)
_HYBRID = re.compile(r"\bhybrid\b", re.I)


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
        for key in ("id", "label"):
            if not isinstance(entry.get(key), str):
                errors.append(f"{where}: '{key}' (a string) is required")
        for key in ("suggest", "measure", "followed_by", "if_sentence", "unless_sentence"):
            value = entry.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                errors.append(f"{where}: '{key}' must be a list of strings")
        for key in ("framed", "general"):
            if not isinstance(entry.get(key, False), bool):
                errors.append(f"{where}: '{key}' must be true or false")
        if not isinstance(entry.get("window", 8), int) or entry.get("window", 8) < 1:
            errors.append(f"{where}: 'window' must be a positive integer")
    if not options.get("terms") and not options.get("terms_from"):
        errors.append("give 'terms' or 'terms_from' (the code of a rule whose terms to use)")
    if options.get("level") not in (None, "requirement", "essential-function"):
        errors.append("level must be 'requirement' or 'essential-function'")
    return errors


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    opts = rule.options
    # The matches first (shared by both levels): most postings state no physical
    # requirement, and then nothing else needs to be read.
    entries = _terms(ctx, opts)
    found = ctx.memo(
        ("physical.matches", id(entries), tuple(opts["framing"]), tuple(opts["framing_sections"])),
        lambda: list(_matches(ctx, opts, entries)),
    )
    if not found:
        return
    remote = _is_remote(ctx)
    accommodation = ctx.memo(
        ("physical.accommodation",),
        lambda: statements.find_first(ctx.posting, statements.ACCOMMODATION) is not None,
    )
    essential_level = opts["level"] == "essential-function"
    if essential_level and (remote or not accommodation):
        return
    for block, stream, span, entry in found:
        essential = _essential(ctx, block, opts["essential"])
        if essential_level != (essential and accommodation and not remote):
            continue
        if remote:
            where, note = " for a remote job", "; if the job is done from home, drop it"
        elif accommodation:
            where, note = "", ""
        else:
            where = ""
            note = "; the posting has no reasonable-accommodation statement: say how to ask for one"
        suggestions = suggestions_for(ctx, entry["id"], entry.get("suggest", []))
        matched = block.text[span[0] : span[1]]
        start, end = block.source_span(*span)
        yield rule.finding(
            start,
            end,
            suggestions=suggestions,
            term=terms.fold(matched) if stream.folded(*span) else matched,
            ability=entry["label"],
            suggestion=suggestions[0] if suggestions else "",
            where=where,
            note=note,
        )


def _terms(ctx: Context, opts: dict[str, Any]) -> list[dict]:
    """The rule's entries, or those of the rule it takes them from: the pack's own list,
    never a copy (its identity keys the shared matches and ``terms.entry_patterns``)."""
    if opts["terms"] or not opts["terms_from"]:
        return opts["terms"]
    other = ctx.settings.get("rules", {}).get(opts["terms_from"])
    return other.options.get("terms", _NO_TERMS) if other is not None else _NO_TERMS


_NO_TERMS: list[dict] = []


def _matches(
    ctx: Context, opts: dict[str, Any], entries: list[dict]
) -> Iterator[tuple[Any, terms.Stream, tuple[int, int], dict]]:
    """(block, stream, span, entry): the first requirement of each ability in each block;
    a ``general`` entry ("physical labor") only where nothing more specific is said."""
    flat, index = terms.entry_patterns(entries)
    frame = _frame(tuple(opts["framing"]), index.all_forms())
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
        in_section = _section_key(ctx, block) in opts["framing_sections"]
        skip = terms.phrase_spans(text, allowed)
        # The first (leftmost) requirement of each ability in the block, with its entry.
        first: dict[str, tuple[tuple[int, int], dict]] = {}
        for i, spans in matches:
            entry, _ = flat[i]
            for span in spans:
                if terms.inside(span, skip) or _quoted(text, span):
                    continue
                found = _requirement(stream, sents, span, entry, frame, in_section)
                if found is None:
                    continue
                key = entry["id"]
                if key not in first or found[0] < first[key][0][0]:
                    first[key] = (found, entry)
        specific = any(not entry.get("general") for _, entry in first.values())
        for found, entry in sorted(first.values(), key=lambda v: v[0]):
            if not (entry.get("general") and specific):
                yield block, stream, found, entry


def _requirement(
    stream: terms.Stream,
    sents: terms.Sentences,
    span: tuple[int, int],
    entry: dict,
    frame: _Frame,
    in_section: bool,
) -> tuple[int, int] | None:
    """The span to report when the match states a physical requirement, else None: from
    the ability frame ("Must be able to lift") to the weight ("... 50 lbs") when there are."""
    k = sents.at(span[0])
    sent = sents.span(k)
    unless = tuple(entry.get("unless_sentence", ()))
    if unless and terms.has_words(stream, sent, unless):
        return None
    needed = tuple(entry.get("if_sentence", ()))
    if needed and not terms.has_words(stream, sent, needed):
        return None
    first, last = terms.token_range(stream, span)
    after = entry.get("followed_by")
    if after and not terms.followed_by(stream, sents.text, last, sent, set(after)):
        return None  # "carry out", "stand out", "walk clients through", "carrying students"
    framed_at = frame.find(stream, first, sent)
    start = stream.starts[framed_at] if framed_at is not None else span[0]
    measure = entry.get("measure")
    if measure:
        units = set(measure)
        for j in range(last + 1, min(len(stream.forms), last + 1 + entry.get("window", 8))):
            if stream.starts[j] >= sent[1]:
                break
            if any(c in ";:" for c in sents.text[stream.ends[j - 1] : stream.starts[j]]):
                break  # the clause ended: "hoist; staff never lift more than 35 lbs"
            if stream.forms[j][0] in units or stream.forms[j][1] in units:
                if j + 1 < len(stream.forms) and stream.forms[j + 1][0] == "of":
                    return None  # "move 50 lbs of equipment between rooms" names the task
                return start, stream.ends[j]
    if not entry.get("framed"):
        return None if measure else span
    if framed_at is None and not in_section:
        return None
    return start, span[1]


class _Frame:
    """Finds the ability frame ("must", "able to", "ability to", "required to") that
    governs a match: walking back over "to", "be", adverbs and the other physical words
    of a list ("Ability to stand, walk, climb stairs"), never over other words ("the
    ability to understand the data pulled" is no frame for "pulled")."""

    def __init__(self, framing: tuple[str, ...], vocabulary: frozenset[str]) -> None:
        self.framing = frozenset(w for f in framing for w in f.split())
        self.phrases = framing
        self.bridge = vocabulary | _BRIDGE

    def find(self, stream: terms.Stream, first: int, sent: tuple[int, int]) -> int | None:
        j = first - 1
        found = None
        while j >= 0 and first - j <= _FRAME_WINDOW and stream.starts[j] >= sent[0]:
            low, lemma = stream.forms[j]
            if low in self.framing or lemma in self.framing:
                found = j  # keep walking: "must be able to" starts at "must"
            elif not (low in self.bridge or lemma in self.bridge or low.endswith("ly")):
                break
            j -= 1
        if found is None:
            return None
        # The frame words themselves must make a frame ("need to", not a lone "need").
        if not terms.has_words(
            stream, (stream.starts[found], stream.ends[first - 1]), self.phrases
        ):
            return None
        return found


# Words a frame may reach a physical word across: "must be able to frequently stand".
_BRIDGE = frozenset({"to", "be", "of", "and", "or", "/", "&", "also", "perform", "do"})


@lru_cache(maxsize=64)
def _frame(framing: tuple[str, ...], vocabulary: frozenset[str]) -> _Frame:
    """The ``_Frame`` of these framing words over these physical words (every word form
    the physical patterns use, for walking back over a list of them), built once."""
    return _Frame(framing, vocabulary)


def _essential(ctx: Context, block: Any, phrases: list[str]) -> bool:
    """The block's section (its heading or any of its text) frames the job's essential
    functions ("The essential functions of this job include..."); worked out once per
    section, not once per match."""
    sections = ctx.posting.sections
    if not sections:
        return bool(terms.phrase_spans(block.text, phrases))

    def build() -> bool:
        section = sections[block.section]
        texts = [section.title] + [b.text for b in section.blocks]
        return any(terms.phrase_spans(t, phrases) for t in texts)

    return bool(ctx.memo(("physical.essential", block.section, tuple(phrases)), build))


def _section_key(ctx: Context, block: Any) -> str | None:
    """The block's canonical section, or that of the nearest heading above it of a higher
    level ("### Credential/Licensure" under "## Requirements")."""
    sections = ctx.posting.sections
    if not sections:
        return None
    return ctx.memo(("physical.section-keys",), lambda: _inherited_keys(sections))[block.section]


def _inherited_keys(sections: list[Any]) -> list[str | None]:
    """Each section's key, a keyless one taking its parent heading's: one pass with a
    stack of open headings."""
    out: list[str | None] = []
    stack: list[tuple[int, str | None]] = []  # (level, effective key) of open headings
    for section in sections:
        if section.heading is None:
            out.append(section.key)
            continue
        while stack and stack[-1][0] >= section.level:
            stack.pop()
        key = section.key or (stack[-1][1] if stack else None)
        stack.append((section.level, key))
        out.append(key)
    return out


def _is_remote(ctx: Context) -> bool:
    """The job is done remotely: front matter, title, "Remote (US)" in the text, or a
    statement such as "this role is fully remote" (and no word of hybrid or on-site work)."""

    def build() -> bool:
        posting = ctx.posting
        meta = posting.meta
        if meta.get("remote") is True:
            return True
        loc = meta.get("location")
        if isinstance(loc, str) and re.search(r"\bremote\b", loc, re.I):
            return True
        if isinstance(loc, dict) and loc.get("remote") is True:
            return True
        text = posting.text
        if _HYBRID.search(text):
            return False
        if posting.title and re.search(r"\bremote\b", posting.title, re.I):
            return True
        places, _ = location.of_posting(posting)
        return any(p.remote for p in places) or _REMOTE.search(text) is not None

    return bool(ctx.memo(("physical.remote",), build))


def _quoted(text: str, span: tuple[int, int]) -> bool:
    before = text[span[0] - 1] if span[0] > 0 else ""
    after = text[span[1]] if span[1] < len(text) else ""
    return bool(before and after) and before in "\"“‘'" and after in "\"”’'"
