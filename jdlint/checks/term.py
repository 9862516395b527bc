"""Terms to avoid, each with its reason, suggestions and, where one is safe, a fix.

Context decides more than the word: a match inside an exception phrase ("young adults",
"Substance Abuse and Mental Health Services Administration"), inside quotes (a mention,
not a use), in an equal-opportunity sentence, or in a phrase the user allowed is not
reported. The posting's own title and target keywords are the searched job title: a
rule with ``title: skip`` leaves them alone and one with ``title: only`` reports them.

The equal-opportunity exception covers equal-opportunity wording ("we encourage women to
apply"), not labels: a rule with ``skip_eeo: false`` still reports "recovering addicts are
encouraged to apply". A fix is offered only where it is safe: the exact form the entry
names, written plainly (no markup, no hidden or look-alike characters) and not inside a
Title Case name ("Center for Substance Abuse Treatment"). Suggestions come from the
posting's role family when its profile has its own for the entry's ``id``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from .. import keywords as kw
from .. import safe_regex, terms
from ..findings import Edit, Finding
from ..options import Option
from ..packs import Rule
from .context import Context

KIND = "term"
OPTIONS = {
    "terms": Option(
        list[dict],
        doc="entries: pattern, suggest, fix, reason, unless, unless_sentence, joined, id",
    ),
    "title": Option(
        str,
        "check",
        doc="check: the title like any text; skip: leave the title and target keywords to a "
        "title rule (a searched job title kept on purpose); only: report just those",
    ),
    "skip_eeo": Option(
        bool, True, doc="leave equal-opportunity and positive-action sentences alone"
    ),
    "absent_pattern": Option(
        str, "", doc="a regular expression; when the posting lacks it, add absent_note"
    ),
    "absent_note": Option(str, "", doc="appended to the message when absent_pattern is not found"),
}
MESSAGE_FIELDS = ("term", "reason", "suggestion", "note")
NEEDS = frozenset({"nlp"})
# This kind's findings may carry fixes; fix_words says which words a fix needs.
FIXES = True

_TERM_KEYS = {
    "id",
    "pattern",
    "suggest",
    "fix",
    "reason",
    "unless",
    "unless_sentence",
    "joined",
}
_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")

EEO_SENTENCE = re.compile(
    r"equal (?:employment )?opportunit|without regard to|regardless of|encouraged? to apply|"
    r"encourage (?:applications|applicants)|welcome applications|applications from|positive action|"
    r"guaranteed interview|disability confident|affirmative action|\beoe\b|all qualified applicants|"
    r"reasonable (?:accommodation|adjustment)",
    re.IGNORECASE,
)
_OPEN_QUOTES = "\"“‘'"
_CLOSE_QUOTES = "\"”’'"


def validate(options: dict[str, Any]) -> list[str]:
    """Errors in the term entries (called when the pack is loaded)."""
    errors = []
    for i, entry in enumerate(options.get("terms", [])):
        where = f"terms[{i}]"
        unknown = set(entry) - _TERM_KEYS
        if unknown:
            errors.append(f"{where}: unknown key(s) {sorted(unknown)}")
        pattern = entry.get("pattern")
        if not (
            isinstance(pattern, str)
            or (isinstance(pattern, list) and pattern and all(isinstance(p, str) for p in pattern))
        ):
            errors.append(f"{where}: 'pattern' must be a string or a list of strings")
        else:
            for p in [pattern] if isinstance(pattern, str) else pattern:
                errors += _pattern_size(where, p)
        for key in ("suggest", "unless", "unless_sentence"):
            value = entry.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                errors.append(f"{where}: '{key}' must be a list of strings")
        for key in ("fix", "reason"):
            if key in entry and not isinstance(entry[key], str):
                errors.append(f"{where}: '{key}' must be a string")
        if "id" in entry and not (isinstance(entry["id"], str) and _ID.match(entry["id"])):
            errors.append(f"{where}: 'id' must be kebab-case")
        if "joined" in entry and not isinstance(entry["joined"], bool):
            errors.append(f"{where}: 'joined' must be true or false")
        if "fix" in entry and not (isinstance(pattern, str) and not re.search(r"[|?]", pattern)):
            # A fix replaces exactly what was written: one plain form, no alternatives,
            # so "salesmen" (matched by lemma) never becomes "salesperson".
            errors.append(f"{where}: a term with 'fix' needs a single pattern without '|' or '?'")
    if options.get("title") not in (None, "check", "skip", "only"):
        errors.append("title must be 'check', 'skip' or 'only'")
    errors += safe_regex.validate(
        "absent_pattern", options.get("absent_pattern") or "", re.IGNORECASE
    )
    return errors


# A term is matched word by word, trying each optional word both ways: the time is
# exponential in the optional words, so a pattern from data is kept small.
MAX_TERM_WORDS = 12
MAX_OPTIONAL_WORDS = 4


def _pattern_size(where: str, pattern: str) -> list[str]:
    words = terms.compile_pattern(pattern)
    if not words:
        return [f"{where}: pattern {pattern!r} has no words"]
    if len(words) > MAX_TERM_WORDS:
        return [f"{where}: pattern {pattern!r} has {len(words)} words (at most {MAX_TERM_WORDS})"]
    optional = sum(w.optional for w in words)
    if optional > MAX_OPTIONAL_WORDS:
        return [
            f"{where}: pattern {pattern!r} has {optional} optional words "
            f"(at most {MAX_OPTIONAL_WORDS})"
        ]
    return []


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    opts = rule.options
    posting = ctx.posting
    allowed = list(ctx.settings["config"].get("allow", []))
    mode = opts["title"]
    keywords = target_keywords(ctx) if mode != "check" else []
    note = ""
    if opts["absent_pattern"] and not _compiled(opts["absent_pattern"]).search(posting.text):
        note = opts["absent_note"]
    title_block = _title_block(ctx) if mode != "check" else None  # (read only then)
    reported: set[str] = set()
    # Every (entry, pattern) in order, indexed by the forms a match can start with: a
    # block is searched only for the patterns it could contain, in the same order.
    flat, index = terms.entry_patterns(opts["terms"])
    analysis = ctx.analysis
    by_block = index.found(analysis)
    for block in posting.blocks:
        matches = by_block.get(block.index)
        if not matches:
            continue
        stream = terms.stream(analysis.doc(block.index), analysis)
        text = block.text
        kept: list[tuple[int, int]] | None = None
        skip: list[tuple[int, int]] | None = None
        sents = terms.sentences(analysis, block.index, text)
        hits: list[tuple[tuple[int, int], dict]] = []
        unless_of: dict[int, list[tuple[int, int]]] = {}
        for i, spans in matches:
            entry, _ = flat[i]
            for span in spans:
                if mode != "check":
                    if kept is None:
                        kept = terms.phrase_spans(text, keywords)
                        if block is title_block:
                            kept.append((0, len(text)))
                    if (mode == "only") != terms.inside(span, kept):
                        continue
                if skip is None:
                    skip = terms.phrase_spans(text, allowed)
                if id(entry) not in unless_of:
                    unless_of[id(entry)] = terms.phrase_spans(text, entry.get("unless", []))
                if (
                    terms.inside(span, unless_of[id(entry)])
                    or terms.inside(span, skip)
                    or _quoted(text, span)
                    or (entry.get("joined") and any(c.isspace() for c in text[span[0] : span[1]]))
                ):
                    continue
                k = sents.at(span[0])
                if opts["skip_eeo"] and sents.test(k, "eeo", lambda k, s=sents: eeo_sentence(s, k)):
                    continue
                if not _sentence_allows(stream, sents, k, entry):
                    continue
                hits.append((span, entry))
        # Overlapping matches of one rule are one problem: keep the longest.
        hits.sort(key=lambda h: (h[0][0], -(h[0][1] - h[0][0]), not _exact(text, h[0], h[1])))
        last_end = -1
        for span, entry in hits:
            if span[0] < last_end:
                continue
            last_end = span[1]
            if mode == "only":
                # A note about the searched title is said once, not at every repetition.
                key = " ".join(text[span[0] : span[1]].lower().split())
                if key in reported:
                    continue
                reported.add(key)
            yield _finding(rule, ctx, block, stream, span, entry, note)


def eeo_sentence(sents: terms.Sentences, k: int) -> bool:
    """The sentence is an equal-opportunity or positive-action statement."""
    a, b = sents.span(k)
    return EEO_SENTENCE.search(sents.text, a, b) is not None


def _sentence_allows(stream: terms.Stream, sents: terms.Sentences, k: int, entry: dict) -> bool:
    """No ``unless_sentence`` word is in the sentence (whole words, by text or lemma)."""
    span = sents.span(k)
    unless = tuple(entry.get("unless_sentence", ()))
    return not unless or not sents.test(
        k, ("unless", unless), lambda _: terms.has_words(stream, span, unless)
    )


def suggestions_for(ctx: Context, term_id: str | None, default: list[str]) -> list[str]:
    """The entry's suggestions as the posting's role family words them: a profile's
    ``suggest`` (inherited along ``extends``) replaces or adds to the pack's neutral ones."""
    roles = ctx.settings.get("roles")
    profile = ctx.settings.get("profile")
    if not term_id or roles is None or profile not in roles.profiles:
        return list(default)
    chain = []
    seen: set[str] = set()
    pid: str | None = profile
    while pid and pid in roles.profiles and pid not in seen:
        seen.add(pid)
        chain.append(roles.profiles[pid])
        pid = roles.profiles[pid].extends
    for p in chain:  # the most specific profile that words this term wins
        spec = getattr(p, "suggest", {}).get(term_id)
        if spec is not None:
            mode, words = spec
            if mode == "add":
                return list(words) + [w for w in default if w not in words]
            return list(words)
    return list(default)


def _finding(
    rule: Rule,
    ctx: Context,
    block: Any,
    stream: terms.Stream,
    span: tuple[int, int],
    entry: dict,
    note: str,
) -> Finding:
    text = block.text
    matched = text[span[0] : span[1]]
    hidden = stream.folded(*span)
    suggestions = suggestions_for(ctx, entry.get("id"), entry.get("suggest", []))
    start, end = block.source_span(*span)
    finding = rule.finding(
        start,
        end,
        suggestions=suggestions,
        # Hidden or look-alike characters are shown as the word a reader sees.
        term=terms.fold(matched) if hidden else matched,
        reason=entry.get("reason", ""),
        suggestion=suggestions[0] if suggestions else "",
        note=note,
    )
    # The same words reported by another rule (a title rule's "Rockstar") are one fact:
    # one finding, one fix (findings.one_per_fact).
    finding.fact = words_fact(start, end)
    fix = entry.get("fix")
    # A fix is offered only for the exact form the entry names (not another form of the
    # lemma), where the source is the clean text itself (no markup inside), nothing is
    # hidden in it, and it is not part of an official name in Title Case.
    exact = (
        _norm(matched) == _norm(entry["pattern"]) if isinstance(entry["pattern"], str) else False
    )
    if (
        fix
        and exact
        and not hidden
        and end - start == span[1] - span[0]
        and not terms.in_proper_name(text, span)
    ):
        finding.fix = [Edit(start, end, terms.keep_case(matched, fix))]
    return finding


def fix_words(rule: Rule) -> set[str]:
    """Words one of which a posting must hold, in any case, for this rule to fix anything:
    the first word of each entry with a fix. A fix applies only to the exact form its
    entry names, written plainly in the source (``_finding``), so a posting without any of
    these words needs no lint at all to know it has nothing to fix (``--fix-only`` then
    never loads spaCy)."""
    words = set()
    for entry in rule.options.get("terms") or []:
        pattern = entry.get("pattern")
        if entry.get("fix") and isinstance(pattern, str) and _norm(pattern):
            words.add(_norm(pattern).split()[0])
    return words


def words_fact(start: int, end: int) -> tuple[str, int, int]:
    """The fact of a finding about exactly these words of the source."""
    return ("words", start, end)


def _exact(text: str, span: tuple[int, int], entry: dict) -> bool:
    """The match is the very form the entry names, not another form of its lemma."""
    pattern = entry["pattern"]
    return isinstance(pattern, str) and _norm(text[span[0] : span[1]]) == _norm(pattern)


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("-", " ").replace("’", "'").split())


def _title_block(ctx: Context) -> Any:
    span = ctx.posting.title_span
    if span is None:
        return None
    return next(
        (b for b in ctx.posting.blocks if b.kind == "heading" and b.source_span() == span), None
    )


def target_keywords(ctx: Context) -> list[str]:
    """The posting's search keywords (as the keyword rules read them), plus the role
    profile's: a profile keyword is a searched title even when front matter sets others."""
    out, _ = kw.targets(ctx)
    roles = ctx.settings.get("roles")
    profile = ctx.settings.get("profile")
    if roles is not None and profile in roles.profiles:
        out = out + [k for k in roles.profiles[profile].keywords if k not in out]
    return out


def _quoted(text: str, span: tuple[int, int]) -> bool:
    before = text[span[0] - 1] if span[0] > 0 else ""
    after = text[span[1]] if span[1] < len(text) else ""
    return before in _OPEN_QUOTES and after in _CLOSE_QUOTES and before != "" and after != ""


@lru_cache(maxsize=64)
def _compiled(pattern: str) -> re.Pattern[str]:
    return safe_regex.compile(pattern, re.IGNORECASE)
