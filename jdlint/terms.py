"""Term patterns: word sequences matched on tokens and lemmas, never on raw prefixes.

A pattern is written as words separated by spaces. Each word may list alternatives with
"|" and may be optional with a trailing "?": ``clean drug? test|screen|urine``. Hyphens
are ignored on both sides ("non-compliant" matches "non compliant" and "non-compliant");
"/" is a word of its own ("he/she"). A word matches a token when it equals the token's
lower-case text or its lemma, so "addict" matches "addicts" and "chairman" "chairmen",
while "share" never matches "SharePoint" and "compete" never matches "competence". The
word ``#`` matches any number ("50", "fifty"): ``lift up? to? # lbs|pounds``.

The text is matched as readers see it, not as it is encoded: invisible characters (zero-
width spaces, soft hyphens, bidirectional controls), full-width letters and Cyrillic or
Greek look-alikes are folded away, so "chair\u200bman" and "ch\u0430irman" are
"chairman". Such a token is marked ``hidden`` so nobody rewrites it blindly; words glued
together by "&", ";", brackets or parentheses ("competitive&driven") are words of their own.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import groupby
from typing import TYPE_CHECKING, Any, NamedTuple

from . import lemmas

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .nlp import Analysis

# Punctuation that never carries meaning inside a term; "/" and "&" do ("he/she").
_SKIP = re.compile(r"^[-–—,.;:!?()\[\]{}\"“”‘’'`*_]+$")

# The commonest tokens _SKIP drops, tested without a regular expression.
_SKIP_CHARS = frozenset("-–—,.;:!?()[]{}\"“”‘’'`*_")

# The form a number token also has, so the pattern word "#" matches any number. It
# cannot occur in text (NUL bytes are refused when a file is read).
NUMBER = "\x00#"
_NUMBER_WORDS = frozenset(
    [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
    ]
)
_DIGITS = re.compile(r"^\d+(?:[.,]\d+)*$")
# "50lbs", "25kg", "50s": a number glued to a unit or a decade's "s" is two words.
_NUMBER_UNIT = re.compile(r"^(\d+(?:[.,]\d+)*)([^\W\d_]+)$")
# Inside a token: dashes join a compound ("self-confident", "21–35"); these glue words
# that a space should have separated ("competitive&driven", "assertive;decisive").
_DASHES = re.compile(r"[-\u2010\u2011\u2013\u2014]")
_GLUE = re.compile(r"([&;()\[\]{}])")

# Letters that look like Latin ones, for text that mixes them in to hide a word.
_LOOKALIKES = str.maketrans(
    "аеорсуххіјѕԁԛԝһӏАВЕКМНОРСТХІЈЅαονικρτυΑΒΕΖΗΙΚΜΝΟΡΤΥΧı",
    "aeopcyxxijsdqwhlABEKMHOPCTXIJSaovikptuABEZHIKMNOPTYXi",
)


def fold(text: str) -> str:
    """Text as a reader sees it: compatibility forms (full-width, ligatures) folded,
    invisible format characters (zero-width, soft hyphen, bidi controls) removed, and
    Cyrillic or Greek look-alikes inside a Latin word mapped to Latin letters."""
    if text.isascii():
        return text
    out = unicodedata.normalize("NFKC", text)
    out = "".join(c for c in out if unicodedata.category(c) != "Cf")
    if any("a" <= c.lower() <= "z" for c in out):
        out = out.translate(_LOOKALIKES)
    return out


class Word(NamedTuple):
    """One word of a pattern: the forms it matches, and whether it may be left out. (A
    named tuple: patterns are cache keys, hashed on every look-up, in C.)"""

    forms: frozenset[str]
    optional: bool = False


@lru_cache(maxsize=4096)
def compile_pattern(pattern: str) -> tuple[Word, ...]:
    text = pattern.lower().replace("’", "'").replace("/", " / ").replace("-", " ")
    words = []
    for slot in text.split():
        optional = slot.endswith("?") and len(slot) > 1
        slot = slot.rstrip("?") if optional else slot
        forms = frozenset(NUMBER if f == "#" else f for f in slot.split("|") if f)
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
    # Tokens read through ``fold`` (hidden or look-alike characters), ascending: such a
    # match is reported but never fixed.
    hidden: tuple[int, ...] = ()
    _where: dict[str, list[int]] | None = field(default=None, repr=False, compare=False)
    _found: dict[str, list[tuple[int, int]]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def where(self) -> dict[str, list[int]]:
        """Token positions by form (lower text or lemma), ascending, built once."""
        if self._where is None:
            self._where = positions_by_form(self.forms)
        return self._where

    def spans_of(self, phrase: str) -> list[tuple[int, int]]:
        """Every match of a pattern, left to right, found once per stream."""
        if phrase not in self._found:
            self._found[phrase] = find_all(self, compile_pattern(phrase))
        return self._found[phrase]

    def is_number(self, i: int) -> bool:
        return self.forms[i][1] == NUMBER

    def folded(self, start: int, end: int) -> bool:
        """Some token starting between the character offsets was read through ``fold``."""
        if not self.hidden:
            return False
        first = bisect_left(self.starts, start)
        k = bisect_left(self.hidden, first)
        return k < len(self.hidden) and self.starts[self.hidden[k]] < end


def positions_by_form(forms: list[tuple[str, str]]) -> dict[str, list[int]]:
    """Token positions by form (lower text, and lemma where it differs), ascending."""
    where: dict[str, list[int]] = {}
    _add_places(where, forms, 0)
    return where


def _add_places(where: dict[str, list[int]], forms: list[tuple[str, str]], place: int) -> None:
    """Add each token's place (``place`` for the first, counting up) under its forms."""
    get = where.get
    for low, lemma in forms:
        # (``get`` then a new list only for a new form: ``setdefault`` would make a list
        # for every token.)
        at = get(low)
        if at is None:
            where[low] = [place]
        else:
            at.append(place)
        if lemma != low:
            at = get(lemma)
            if at is None:
                where[lemma] = [place]
            else:
                at.append(place)
        place += 1


def stream(doc: Doc, analysis: Analysis) -> Stream:
    """The doc's token stream, built once per posting (cached on the Analysis)."""
    memo = getattr(analysis, "memo", None)
    if memo is None:
        return _stream(doc, analysis)
    return memo(("terms.stream", id(doc)), lambda: _stream(doc, analysis))


# A token's place in a posting, as one int: its block index above, its position in the
# block's stream below (ints sort block by block, then position by position).
_BLOCK_SHIFT = 32
_POSITION = (1 << _BLOCK_SHIFT) - 1


def posting_where(analysis: Analysis) -> dict[str, list[int]]:
    """Every token's place in the posting (``_BLOCK_SHIFT``) by form (lower text, and
    lemma where it differs), ascending; built once per posting, for every pattern set."""

    def build() -> dict[str, list[int]]:
        where: dict[str, list[int]] = {}
        for b, doc in enumerate(analysis.docs):
            _add_places(where, stream(doc, analysis).forms, b << _BLOCK_SHIFT)
        return where

    memo = getattr(analysis, "memo", None)
    return memo(("terms.where",), build) if memo is not None else build()


def _stream(doc: Doc, analysis: Analysis) -> Stream:
    forms: list[tuple[str, str]] = []
    starts: list[int] = []
    ends: list[int] = []
    group: list[tuple[int, int]] = []
    hidden: list[int] = []
    table = getattr(analysis, "lemma_table", None)

    def add(piece: str, seen: str, pos: int, lemma: str | None) -> None:
        if seen != piece:
            hidden.append(len(forms))
            lemma = None
        low = seen.lower().replace("’", "'")
        if lemma is None:
            lemma = str(table.get(low, low)).lower() if table is not None else low
        if (low[0].isdigit() and _DIGITS.match(low)) or low in _NUMBER_WORDS:
            lemma = NUMBER
        forms.append((low, lemma))
        starts.append(pos)
        ends.append(pos + len(piece))

    # The doc's tokens as the analysis lists them (text, offset, lemma), read once.
    tokens = analysis.tokens_of(doc)
    texts, idxs, lems = tokens.texts, tokens.idxs, tokens.lemmas
    # The common case, kept cheap: a plain ASCII word, its (lower text, lemma) looked up
    # once per distinct word when the lemmas come from jdlint's table (``_plain_forms``).
    table_lemmas = getattr(analysis, "lemma_table", None) is lemmas.TABLE
    if table_lemmas:
        known = list(map(_plain_memo.get, texts))
        if None not in known:
            # Every token one plain word or a dropped one, each seen before: the stream
            # built by list operations, as the loop below would build it.
            keep = [i for i, pair in enumerate(known) if pair is not _DROPPED]
            return Stream(
                [known[i] for i in keep],  # type: ignore[misc]
                [idxs[i] for i in keep],
                [idxs[i] + len(texts[i]) for i in keep],
                [(j, j + 1) for j in range(len(keep))],
                (),
            )
    for i, text in enumerate(texts):
        if text.isalpha() and text.isascii():
            if table_lemmas:
                pair = _plain_memo.get(text) or _plain_forms(text)
                n = len(forms)
                forms.append(pair)
                starts.append(idxs[i])
                ends.append(idxs[i] + len(text))
                group.append((n, n + 1))
                continue
            # A trained pipeline's own lemma.
            add(text, text, idxs[i], lems[i].replace("’", "'"))
            group.append((len(forms) - 1, len(forms)))
            continue
        if text in _SKIP_CHARS or text.isspace():
            if table_lemmas:
                _remember(text, _DROPPED)
            continue
        seen = fold(text)
        if not seen or _SKIP.match(seen):
            continue
        if _plain(text):
            add(text, seen, idxs[i], lems[i].replace("’", "'"))
            group.append((len(forms) - 1, len(forms)))
            if table_lemmas and seen == text:
                # Nothing folded: one token, one pair, the same wherever the text occurs.
                _remember(text, forms[-1])
            continue
        offset = idxs[i]
        for segment in _GLUE.split(text):
            if segment == "&":
                add(segment, segment, offset, segment)
                group.append((len(forms) - 1, len(forms)))
            elif segment and segment not in "&;()[]{}":
                # "H-1B", "self-confident", "21–35": the parts of one compound.
                first = len(forms)
                pos = offset
                parts = _DASHES.split(segment)
                for part in parts:
                    # "50lbs" is a number and a unit; "H-1B" stays "h" and "1b".
                    for piece, at in _pieces(part, pos) if len(parts) == 1 else [(part, pos)]:
                        folded = fold(piece)
                        if folded and not _SKIP.match(folded):
                            add(piece, folded, at, None)
                    pos += len(part) + 1
                group += [(first, len(forms))] * (len(forms) - first)
            offset += len(segment)
    return Stream(forms, starts, ends, group, tuple(hidden))


# By token text: the (lower text, lemma) of a token that is one plain word (nothing to
# split or fold), or _DROPPED for one the stream leaves out.
_plain_memo: dict[str, tuple[str, str]] = {}


# In _plain_memo: a token the stream leaves out (punctuation of _SKIP_CHARS, white space).
_DROPPED = ("", "")


def _plain_forms(text: str) -> tuple[str, str]:
    """(lower text, lemma) of a plain ASCII word, as ``add`` would give them, remembered
    (bounded like the lemma memo)."""
    low = text.lower()
    pair = (low, NUMBER if low in _NUMBER_WORDS else lemmas.lemma(text).replace("’", "'"))
    _remember(text, pair)
    return pair


def _remember(text: str, pair: tuple[str, str]) -> None:
    if len(_plain_memo) >= lemmas.MEMO_SIZE:
        _plain_memo.clear()
    _plain_memo[text] = pair


def _plain(text: str) -> bool:
    """A token with nothing to split: no dash, glue character or number glued to letters."""
    if text.isalpha() or text.isdigit():
        return True
    return (
        _DASHES.search(text.strip("-")) is None
        and _GLUE.search(text) is None
        and _NUMBER_UNIT.match(text) is None
    )


def _pieces(part: str, pos: int) -> list[tuple[str, int]]:
    m = _NUMBER_UNIT.match(part)
    if m:
        return [(m.group(1), pos), (m.group(2), pos + len(m.group(1)))]
    return [(part, pos)] if part else []


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
        found = [where[f] for f in first & where.keys()]
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
    only searched for the patterns it could contain (``by_block``, in list order)."""

    def __init__(self, patterns: tuple[str, ...]) -> None:
        self.patterns = patterns
        self.compiled = [compile_pattern(p) for p in patterns]
        self.by_first: dict[str, list[int]] = {}
        self.always: list[int] = []  # every word optional: no index can rule them out
        self._all_forms: frozenset[str] | None = None
        for i, pat in enumerate(self.compiled):
            first = _first_forms(pat)
            if first is None:
                self.always.append(i)
            else:
                for form in first:
                    self.by_first.setdefault(form, []).append(i)

    def all_forms(self) -> frozenset[str]:
        """Every word form any of the patterns uses (built once)."""
        if self._all_forms is None:
            self._all_forms = frozenset(f for pat in self.compiled for w in pat for f in w.forms)
        return self._all_forms

    def found(self, analysis: Analysis) -> dict[int, list[tuple[int, list[tuple[int, int]]]]]:
        """Every match in the posting, by block index: (pattern index, its character
        spans as ``find_all`` gives them) in list order, blocks and patterns without a
        match left out. A pattern is tried only where one of the forms its matches can
        start with stands, found in the posting's index of forms (``posting_where``)."""
        where = posting_where(analysis)
        by_first = self.by_first
        held: dict[int, list[list[int]]] = {}
        for form in by_first.keys() & where.keys():
            at = where[form]
            for p in by_first[form]:
                held.setdefault(p, []).append(at)
        out: dict[int, list[tuple[int, list[tuple[int, int]]]]] = {}
        for p, lists in held.items():
            # A place held under two of a pattern's first forms (a text and its lemma) is
            # one start.
            places = lists[0] if len(lists) == 1 else sorted(set().union(*lists))
            pattern = self.compiled[p]
            for b, in_block in groupby(places, key=lambda place: place >> _BLOCK_SHIFT):
                s = stream(analysis.docs[b], analysis)
                spans: list[tuple[int, int]] = []
                after = 0  # matches do not overlap: the next starts at or after this token
                for place in in_block:
                    i = place & _POSITION
                    if i < after:
                        continue
                    end = _match_at(s, pattern, 0, i)
                    if end is not None and end > i and _whole(s, i, end):
                        spans.append((s.starts[i], s.ends[end - 1]))
                        after = end
                if spans:
                    out.setdefault(b, []).append((p, spans))
        for p in self.always:
            for b, doc in enumerate(analysis.docs):
                spans = find_all(stream(doc, analysis), self.compiled[p])
                if spans:
                    out.setdefault(b, []).append((p, spans))
        for hits in out.values():
            hits.sort()
        return out


def entry_patterns(entries: list[dict]) -> tuple[tuple[tuple[dict, str], ...], PatternSet]:
    """Every (entry, pattern) of a rule's entries in order (an entry's ``pattern`` is one
    pattern or a list of them) and their ``PatternSet``; worked out once per entries list
    (a rule's options live as long as its pack), not once per posting."""
    cached = _ENTRIES.get(id(entries))
    if cached is not None and cached[0] is entries:
        return cached[1], cached[2]
    flat = tuple(
        (entry, pattern)
        for entry in entries
        for pattern in (
            [entry["pattern"]] if isinstance(entry["pattern"], str) else entry["pattern"]
        )
    )
    index = pattern_set(tuple(pattern for _, pattern in flat))
    if len(_ENTRIES) >= 1024:
        _ENTRIES.clear()
    # The list itself is kept with its id, so an id handed on to a new list never matches.
    _ENTRIES[id(entries)] = (entries, flat, index)
    return flat, index


_ENTRIES: dict[int, tuple[list[dict], tuple[tuple[dict, str], ...], PatternSet]] = {}


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


class Sentences:
    """A block's sentences, found for any character offset by bisecting their starts, with
    what the checks ask of a whole sentence (its text, lower-cased; whether it is an
    equal-opportunity statement) worked out once per sentence, not once per match."""

    def __init__(self, sents: Any, text: str) -> None:
        self.spans = [(s.start_char, s.end_char) for s in sents] or [(0, len(text))]
        self.starts = [a for a, _ in self.spans]
        self.text = text
        self._lower: dict[int, str] = {}
        self._flags: dict[tuple[int, Any], bool] = {}

    def at(self, offset: int) -> int:
        """Index of the sentence holding ``offset`` (the last one starting at or before it)."""
        return max(0, bisect_right(self.starts, offset) - 1)

    def span(self, i: int) -> tuple[int, int]:
        return self.spans[i]

    def lower(self, i: int) -> str:
        if i not in self._lower:
            a, b = self.spans[i]
            self._lower[i] = self.text[a:b].lower().replace("’", "'")
        return self._lower[i]

    def test(self, i: int, key: Any, predicate: Any) -> bool:
        """``predicate(sentence index)``, computed once per sentence and key."""
        k = (i, key)
        if k not in self._flags:
            self._flags[k] = bool(predicate(i))
        return self._flags[k]


def sentences(analysis: Analysis, block_index: int, text: str) -> Sentences:
    """The block's ``Sentences``, built once per posting."""

    def build() -> Sentences:
        sents = (
            analysis.sents(block_index)
            if hasattr(analysis, "sents")
            else list(analysis.doc(block_index).sents)
        )
        return Sentences(sents, text)

    memo = getattr(analysis, "memo", None)
    return memo(("terms.sentences", block_index), build) if memo is not None else build()


def has_words(s: Stream, span: tuple[int, int], phrases: tuple[str, ...]) -> bool:
    """Some phrase occurs, as whole words (text or lemma), within the character span:
    "serve" is in "the program serves adults", never in "reserve"."""
    for phrase in phrases:
        found = s.spans_of(phrase)
        k = bisect_left(found, (span[0], -1))
        if k < len(found) and found[k][1] <= span[1]:
            return True
    return False


def followed_by(s: Stream, text: str, last: int, sent: tuple[int, int], after: set[str]) -> bool:
    """The token after token ``last`` (within the sentence) is one of ``after``; "." in
    ``after`` stands for punctuation or the end of the sentence, "#" for a number."""
    rest = text[s.ends[last] : sent[1]].lstrip()
    if "." in after and (not rest or rest[0] in ".,;:/)–—-!?"):
        return True
    j = last + 1
    if j >= len(s.forms) or s.starts[j] >= sent[1]:
        return "." in after
    low, lemma = s.forms[j]
    return low in after or lemma in after or ("#" in after and lemma == NUMBER)


def token_range(s: Stream, span: tuple[int, int]) -> tuple[int, int]:
    """Indices of the first and last tokens of a match's character span."""
    first = bisect_left(s.starts, span[0])
    last = max(first, bisect_left(s.ends, span[1]))
    return first, min(last, len(s.forms) - 1)


def phrase_spans(text: str, phrases: list[str]) -> list[tuple[int, int]]:
    """Case-insensitive spans of literal phrases in text (for allow lists and exceptions)."""
    spans: list[tuple[int, int]] = []
    if not phrases:
        return spans
    low = text.lower().replace("’", "'")
    for phrase in _phrases_to_try(low, tuple(phrases)):
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


# A long list (a rule's exceptions) is first narrowed by the words of the text.
_LONG_LIST = 8
_WORD_RUN = re.compile(r"\w+")


def _phrases_to_try(low: str, phrases: tuple[str, ...]) -> tuple[str, ...] | list[str]:
    """The phrases that may occur in ``low``, in list order. A phrase whose first word is
    a run of word characters can only match where that run stands whole (the phrase's
    regular expression wants no word character on either side of it), so it is tried
    only when the text has that run."""
    if len(phrases) <= _LONG_LIST:
        return phrases
    by_word, always = _phrase_index(phrases)
    found = list(always)
    for word in by_word.keys() & set(_WORD_RUN.findall(low)):
        found += by_word[word]
    found.sort()
    return [phrases[i] for i in found]


@lru_cache(maxsize=256)
def _phrase_index(phrases: tuple[str, ...]) -> tuple[dict[str, list[int]], tuple[int, ...]]:
    """Phrase indices by their first word, and those whose first word is not one run of
    word characters (always tried)."""
    by_word: dict[str, list[int]] = {}
    always = []
    for i, phrase in enumerate(phrases):
        compiled = _phrase_regex(phrase)
        if compiled is None:
            continue
        first = compiled[1][0]
        if _WORD_RUN.fullmatch(first):
            by_word.setdefault(first, []).append(i)
        else:
            always.append(i)
    return by_word, tuple(always)


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
    """The replacement in the original's case, word by word: chairman→chair, Chairman→Chair,
    CHAIRMAN→CHAIR, Substance Abuse→Substance Use."""
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    words = original.split()
    if len(words) > 1 and all(w[:1].isupper() for w in words):
        return " ".join(w[:1].upper() + w[1:] for w in replacement.split(" "))
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


_NAME_WORD = re.compile(r"[^\W\d_][\w'’.&-]*")
# Small words that Title Case names keep in lower case ("Center for Substance Abuse Treatment").
_CONNECTORS = frozenset({"of", "for", "and", "&", "the", "on", "in", "to", "at", "de", "du"})
_SENTENCE_END = frozenset(".!?:;\n\r•*")


def in_proper_name(text: str, span: tuple[int, int]) -> bool:
    """The match is part of a name written in Title Case ("Center for Substance Abuse
    Treatment", "Drug Abuse Resistance Education (D.A.R.E.)"): a rewrite would change an
    official name. A capital that only starts a sentence does not make a name."""
    words = _NAME_WORD.findall(text[span[0] : span[1]])
    titled = [_titled(w) for w in words]
    if not any(titled):
        return False
    if len(words) > 1 and all(titled):
        return True
    return _titled_neighbour(text, span[0], -1) or _titled_neighbour(text, span[1], 1)


def _titled(word: str) -> bool:
    return word[:1].isupper() and not (word.isupper() and len(word) > 1)


def _titled_neighbour(text: str, pos: int, step: int) -> bool:
    """The nearest word before (step -1) or after (+1) ``pos``, skipping connectors, is
    in Title Case and does not merely start a sentence; "(ABC)" after counts too."""
    for _ in range(4):
        word, start, end = _next_word(text, pos, step)
        if word is None:
            return False
        if step > 0 and text[pos:start].strip() == "(" and word.isupper():
            return True  # "Drug Abuse Resistance Education (DARE)"
        if word.lower() in _CONNECTORS and not _titled(word):
            pos = start if step < 0 else end
            continue
        if not _titled(word):
            return False
        return step > 0 or not _starts_sentence(text, start)
    return False


def _next_word(text: str, pos: int, step: int) -> tuple[str | None, int, int]:
    i = pos
    if step < 0:
        while i > 0 and not (text[i - 1].isalnum()):
            if text[i - 1] in _SENTENCE_END:
                return None, 0, 0
            i -= 1
        end = i
        while i > 0 and (text[i - 1].isalnum() or text[i - 1] in "'’-&."):
            i -= 1
        return (text[i:end], i, end) if end > i else (None, 0, 0)
    n = len(text)
    while i < n and not text[i].isalnum():
        if text[i] in _SENTENCE_END:
            return None, 0, 0
        i += 1
    start = i
    while i < n and (text[i].isalnum() or text[i] in "'’-&"):
        i += 1
    return (text[start:i], start, i) if i > start else (None, 0, 0)


def _starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"“‘'(")
    return not before or before[-1] in _SENTENCE_END
