"""Term patterns: word sequences matched on tokens and lemmas, never on raw prefixes.

A pattern is written as words separated by spaces. Each word may list alternatives with
"|" and may be optional with a trailing "?": ``clean drug? test|screen|urine``. Hyphens
are ignored on both sides ("non-compliant" matches "non compliant" and "non-compliant");
"/" is a word of its own ("he/she"). A word matches a token when it equals the token's
lower-case text or its lemma, so "addict" matches "addicts" and "chairman" "chairmen",
while "share" never matches "SharePoint" and "compete" never matches "competence".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .nlp import Analysis

# Punctuation that never carries meaning inside a term; "/" and "&" do ("he/she").
_SKIP = re.compile(r"^[-–—,.;:!?()\[\]{}\"“”‘’'`*_]+$")


@dataclass(frozen=True)
class Word:
    forms: frozenset[str]
    optional: bool = False


@lru_cache(maxsize=4096)
def compile_pattern(pattern: str) -> tuple[Word, ...]:
    text = pattern.lower().replace("’", "'").replace("/", " / ").replace("-", " ")
    words = []
    for slot in text.split():
        optional = slot.endswith("?") and len(slot) > 1
        slot = slot.rstrip("?") if optional else slot
        forms = frozenset(f for f in slot.split("|") if f)
        if forms:
            words.append(Word(forms, optional))
    return tuple(words)


@dataclass
class Stream:
    """A doc's meaningful tokens: (lower text, lemma) with character offsets."""

    forms: list[tuple[str, str]]
    starts: list[int]
    ends: list[int]
    # For the parts of a hyphenated token ("psycho-social"): the index of its first part
    # and one past its last, so a match covers a compound whole or not at all.
    group: list[tuple[int, int]] | None = None
    _where: dict[str, list[int]] | None = field(default=None, repr=False, compare=False)

    def where(self) -> dict[str, list[int]]:
        """Token positions by form (lower text or lemma), ascending, built once."""
        if self._where is None:
            where: dict[str, list[int]] = {}
            for i, (low, lemma) in enumerate(self.forms):
                where.setdefault(low, []).append(i)
                if lemma != low:
                    where.setdefault(lemma, []).append(i)
            self._where = where
        return self._where


def stream(doc: Doc, analysis: Analysis) -> Stream:
    """The doc's token stream, built once per posting (cached on the Analysis)."""
    memo = getattr(analysis, "memo", None)
    if memo is None:
        return _stream(doc, analysis)
    return memo(("terms.stream", id(doc)), lambda: _stream(doc, analysis))


def _stream(doc: Doc, analysis: Analysis) -> Stream:
    forms, starts, ends, group = [], [], [], []
    for t in doc:
        if t.is_space or _SKIP.match(t.text):
            continue
        if "-" in t.text.strip("-"):
            # "H-1B" is one token; patterns split on hyphens, so split it the same way.
            pos = t.idx
            first = len(forms)
            for part in t.text.split("-"):
                if part:
                    forms.append((part.lower(), part.lower()))
                    starts.append(pos)
                    ends.append(pos + len(part))
                pos += len(part) + 1
            group += [(first, len(forms))] * (len(forms) - first)
            continue
        forms.append((t.lower_.replace("’", "'"), analysis.lemma(t).replace("’", "'")))
        starts.append(t.idx)
        ends.append(t.idx + len(t.text))
        group.append((len(forms) - 1, len(forms)))
    return Stream(forms, starts, ends, group)


@lru_cache(maxsize=4096)
def _first_forms(pattern: tuple[Word, ...]) -> frozenset[str] | None:
    """Every form a match's first token can have (the words up to the first required
    one); None when every word is optional."""
    forms: set[str] = set()
    for word in pattern:
        forms |= word.forms
        if not word.optional:
            return frozenset(forms)
    return None


def find_all(s: Stream, pattern: tuple[Word, ...]) -> list[tuple[int, int]]:
    """Character spans (start, end) of every non-overlapping match, left to right."""
    out: list[tuple[int, int]] = []
    first = _first_forms(pattern)
    # A match consumes its first token, so it can only start where one of the forms its
    # first word(s) allow occurs: try those positions only, in order.
    if first is None:
        candidates: Any = range(len(s.forms))
    else:
        where = s.where()
        found = [where[f] for f in first if f in where]
        if not found:
            return out
        candidates = found[0] if len(found) == 1 else sorted({i for f in found for i in f})
    i = 0
    for c in candidates:
        if c < i:
            continue
        end = _match_at(s, pattern, 0, c)
        if end is not None and end > c and _whole(s, c, end):
            out.append((s.starts[c], s.ends[end - 1]))
            i = end
    return out


class PatternSet:
    """Many patterns, indexed by the forms their matches can start with, so a block is
    only searched for the patterns it could contain (``candidates``, in list order)."""

    def __init__(self, patterns: tuple[str, ...]) -> None:
        self.patterns = patterns
        self.compiled = [compile_pattern(p) for p in patterns]
        self.by_first: dict[str, list[int]] = {}
        self.always: list[int] = []  # every word optional: no index can rule them out
        for i, pat in enumerate(self.compiled):
            first = _first_forms(pat)
            if first is None:
                self.always.append(i)
            else:
                for form in first:
                    self.by_first.setdefault(form, []).append(i)

    def candidates(self, s: Stream) -> list[int]:
        """Indices of the patterns that may match in ``s``, ascending."""
        where = s.where()
        by_first = self.by_first
        found = set(self.always)
        small, big = (where, by_first) if len(where) < len(by_first) else (by_first, where)
        for form in small:
            if form in big:
                found.update(by_first[form])
        return sorted(found)


@lru_cache(maxsize=1024)
def pattern_set(patterns: tuple[str, ...]) -> PatternSet:
    return PatternSet(patterns)


def _whole(s: Stream, i: int, end: int) -> bool:
    """The match starts and ends on token boundaries: "psycho" is not "psycho-social"."""
    if not s.group:
        return True
    return s.group[i][0] == i and s.group[end - 1][1] == end


def _match_at(s: Stream, pattern: tuple[Word, ...], k: int, i: int) -> int | None:
    """Token index just past a match of pattern[k:] starting at token i, else None."""
    if k == len(pattern):
        return i
    word = pattern[k]
    if i < len(s.forms) and (s.forms[i][0] in word.forms or s.forms[i][1] in word.forms):
        end = _match_at(s, pattern, k + 1, i + 1)
        if end is not None:
            return end
    if word.optional:
        return _match_at(s, pattern, k + 1, i)
    return None


def phrase_spans(text: str, phrases: list[str]) -> list[tuple[int, int]]:
    """Case-insensitive spans of literal phrases in text (for allow lists and exceptions)."""
    spans = []
    low = text.lower().replace("’", "'")
    for phrase in phrases:
        compiled = _phrase_regex(phrase)
        if compiled is None:
            continue
        regex, pieces = compiled
        # Every word of the phrase must be in the text for the phrase to be: a quick test
        # that spares the regular expression for most blocks.
        if not all(piece in low for piece in pieces):
            continue
        for m in regex.finditer(low):
            spans.append((m.start(), m.end()))
    return spans


@lru_cache(maxsize=8192)
def _phrase_regex(phrase: str) -> tuple[re.Pattern[str], tuple[str, ...]] | None:
    p = phrase.lower().replace("’", "'")
    if not p:
        return None
    regex = re.compile(r"(?<!\w)" + re.escape(p).replace(r"\ ", r"[\s\-]+") + r"(?!\w)")
    return regex, tuple(piece for piece in p.split(" ") if piece)


def inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in spans)


def keep_case(original: str, replacement: str) -> str:
    """The replacement in the original's case: chairman→chair, Chairman→Chair, CHAIRMAN→CHAIR."""
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement
