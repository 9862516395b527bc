"""A posting's prose and its readability metrics, computed once and shared.

The prose is every paragraph and list item (headings and front matter left out), one
sentence per line, without legal notices, text in another language and link-only blocks
(``scored``). Each bullet ends a sentence: a bullet without a full stop gets one, so a
list of fragments never merges into one giant sentence. The metrics are textstat's own
functions run on that prose, so ``jdlint`` and ``textstat`` agree on the same text.

Offline syllables. textstat 0.7.9 and later look syllables up in NLTK's cmudict and call
``nltk.download`` when it is missing, which fails without a network (and loading it costs
about half a second). jdlint never lets textstat take that path: while it computes, the
cmudict lookup returns nothing, so textstat uses its own fallback, Pyphen's hyphenation
dictionary, which ships inside the ``pyphen`` wheel (textstat <= 0.7.4 counted syllables
this way for every language). The switch is scoped to jdlint's own calls and guarded by a
lock; it depends on textstat internals, so pyproject.toml pins the textstat version and
``tests/test_readability_offline.py`` proves the route with the network blocked.

textstat is imported on first use, never when jdlint is imported, so ``jdlint rules``
stays fast. Importing textstat imports NLTK (about a quarter of a second) only to name it in
the cmudict lookup that jdlint switches off; ``_import_textstat`` gives textstat a stand-in
that imports the real NLTK only if something in the process ever uses it (textstat's own
functions, called by someone else), so a jdlint run never pays for NLTK.
"""

from __future__ import annotations

import importlib
import itertools
import re
import sys
import threading
import types
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .posting import Block, count_words

if TYPE_CHECKING:
    from .checks.context import Context

# JSON key -> textstat function name. Reported rounded to one decimal.
METRICS: dict[str, str] = {
    "flesch_reading_ease": "flesch_reading_ease",
    "flesch_kincaid_grade": "flesch_kincaid_grade",
    "gunning_fog": "gunning_fog",
    "smog_index": "smog_index",
    "dale_chall": "dale_chall_readability_score",
}
# Used by rules, not reported in the JSON metrics.
EXTRA_METRICS: dict[str, str] = {"words_per_sentence": "words_per_sentence"}

_LOCK = threading.Lock()
_ENDS_SENTENCE = re.compile(r"[.!?][\"'”’)\]]*$")
_HAS_WORD = re.compile(r"[^\W_]")


@dataclass(frozen=True)
class Sentence:
    """A sentence of a paragraph, or of a list item, at clean offsets in its block."""

    block: Block
    start: int
    end: int
    words: int

    @property
    def text(self) -> str:
        return self.block.text[self.start : self.end]

    @property
    def in_list(self) -> bool:
        return self.block.kind == "list_item"

    def source_span(self) -> tuple[int, int]:
        return self.block.source_span(self.start, self.end)


@dataclass
class Readability:
    sentences: list[Sentence]
    prose: str
    words: int
    metrics: dict[str, float] = field(default_factory=dict)
    """Unrounded textstat values by key (METRICS and EXTRA_METRICS); empty without prose."""

    def rounded(self) -> dict[str, float]:
        return {k: round(self.metrics[k], 1) for k in METRICS if k in self.metrics}


def scored(block: Block) -> bool:
    """Blocks whose prose the readability rules judge: not legal notices the author cannot
    rewrite, not text in another language, not a block that is only a link's words, not a
    list of terms ("Skills: RN, LPN, case management, UM, ...")."""
    if block.boilerplate or block.lang:
        return False
    linked = sum(b - a for a, b in block.links)
    if linked * 2 >= len(block.text.strip()):
        return False
    return not _term_list(block.text)


_LABEL = re.compile(r"^[^:.!?]{1,40}:\s*")
_ITEM_SEP = re.compile(r"[,;]")
_INNER_SENTENCE = re.compile(r"[.!?]\s+\S")


def _term_list(text: str) -> bool:
    """Comma after comma of a few words each, with no sentence inside: terms, not prose."""
    if text.count(",") + text.count(";") < 4:
        return False  # fewer than five items, even before the label is taken off
    body = _LABEL.sub("", text.strip(), count=1)
    items = [i for i in _ITEM_SEP.split(body) if i.strip()]
    if len(items) < 5 or _INNER_SENTENCE.search(body):
        return False
    return sum(count_words(i) for i in items) / len(items) <= 3


def sentence_units(ctx: Context) -> list[Sentence]:
    """Sentences of every scored paragraph and list item, in order, from the shared docs."""
    out: list[Sentence] = []
    for block in ctx.posting.body_blocks():
        if not scored(block):
            continue
        doc = ctx.analysis.doc(block.index)
        text = block.text
        for sent in doc.sents:
            for start, end in _pieces(text, sent.start_char, sent.end_char):
                out.append(Sentence(block, start, end, count_words(text[start:end])))
    return out


# Where scraped text lost its list markup, items are glued together: "technicalStrong",
# "framework.Experience", "teams * Conduct". Each piece is its own sentence. The cuts are
# where this finds a match (its start tells a glued word, its end is the cut):
GLUE = re.compile(
    r"(?<=[a-z])(?=[A-Z][a-z])"
    r"|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])"
    r"|\s[*•▪◦·●]\s|:-\s*|\s[-–]\s(?=[A-Z])"
)
# ``GLUE`` led by one class of characters, so the search skips to capitals, colons, bullets
# and dashes instead of trying every position (a pattern whose alternatives each start
# with a class gets no such skip): the character before the match is tested after the
# first. A glue before a capital is matched as that capital (the glue is at its start), a
# bullet or dash between spaces from the bullet or dash (the glue starts at the space
# before it). ``_glue`` turns its matches into GLUE's.
_GLUE_LED = re.compile(
    r"[A-Z:*•▪◦·●\-–](?:"
    r"(?<=[a-z][A-Z])(?=[a-z])"
    r"|(?<=[a-z]{2}[.!?][A-Z])(?=[a-z])"
    r"|(?<=\s[*•▪◦·●])\s|(?<=:)-\s*|(?<=\s[-–])\s(?=[A-Z]))"
)
_LEAD = re.compile(r"[\s.,;:!?)\]*•·-]+")


def _glue(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each match of ``GLUE.finditer(text, start, end)``."""
    last = start  # where GLUE's search goes on: the end of its last match
    for m in _GLUE_LED.finditer(text, start, end):
        at = m.start()
        c = text[at]
        if "A" <= c <= "Z":
            yield at, at  # an empty match before the capital
            last = at
            continue
        if c != ":":
            at -= 1  # the space before a bullet or dash
            if at < last:
                continue  # that space ended GLUE's match before: no match here
        last = m.end()
        yield at, last


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    cuts = [start]
    for at, cut in _glue(text, start, end):
        if _glued_word(text, at):
            cuts.append(cut)
    cuts.append(end)
    for lo, hi in itertools.pairwise(cuts):
        m = _LEAD.match(text, lo, hi)
        if m:
            lo = m.end()
        while hi > lo and (text[hi - 1].isspace() or text[hi - 1] in "*•▪◦·●"):
            hi -= 1
        if lo < hi and _HAS_WORD.search(text, lo, hi):
            yield lo, hi


def _glued_word(text: str, pos: int) -> bool:
    """A cut inside a word only when the left part is a lowercase word ("optionsUnlimited"),
    never inside a camel-case name ("PointClickCare", "iPhone")."""
    if pos == 0 or not text[pos - 1].islower():
        return True
    i = pos
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    left = text[i:pos]
    return len(left) >= 3 and left.islower()


def prose_of(texts: list[str]) -> str:
    """Sentences one per line, each ending in a full stop or its own end mark."""
    lines = []
    for t in texts:
        # str.split and the pattern's \s take the same characters for white space.
        t = " ".join(t.split())
        if not t:
            continue
        if not _ENDS_SENTENCE.search(t):
            t = t.rstrip(":;,-–— ") + "."
        lines.append(t)
    return "\n".join(lines)


def get(ctx: Context) -> Readability:
    """The posting's readability, computed on first use and shared through the Context."""

    def build() -> Readability:
        sentences = sentence_units(ctx)
        prose = prose_of([s.text for s in sentences])
        words = sum(s.words for s in sentences)
        return Readability(sentences, prose, words, compute(prose) if words else {})

    return ctx.memo("readability", build)


def compute(prose: str) -> dict[str, float]:
    """textstat's values for ``prose`` (``METRICS`` and ``EXTRA_METRICS``), in one pass
    over its words: the same definitions and the same floats as textstat's functions
    (``tests/test_readability.py`` compares them), with syllables from Pyphen counted
    once per distinct word (``Syllables``)."""
    removed = _remove_punctuation(prose)
    words = removed.split()  # textstat's list_words(prose)
    n = len(words)
    syl = SYLLABLES
    # count_syllables(prose): every word of list_words(prose, lowercase=True).
    # (Summed per distinct word: the same integer, a tenth of the look-ups.)
    pyphen, count, easy = syl.pyphen, syl.count, syl.easy()
    syllables = (
        sum(pyphen(w) * k for w, k in Counter(removed.lower().split()).items()) if prose else 0
    )
    sentences = count_sentences(prose)
    difficult = hard = poly = 0
    for word, times in Counter(words).items():
        # is_difficult_word(word, threshold): a word of one piece (every word of a split
        # is) that is not an easy word, and for gunning_fog of at least three syllables
        # (dale_chall's threshold of 0 takes every other word).
        low = word.lower()
        if low not in easy:
            hard += times
            if count(low) >= _FOG_SYLLABLES:
                difficult += times
        if count(word) >= 3:  # count_polysyllable_words
            poly += times
    wps = n / sentences if sentences else 0.0  # words_per_sentence
    spw = syllables / n if n else 0.0  # syllables_per_word
    if wps == 0 or spw == 0:
        fre = fk = 0.0
    else:
        fre = 206.835 - 1.015 * wps - 84.6 * spw
        fk = (0.39 * wps) + (11.8 * spw) - 15.59
    fog = 0.4 * (wps + 100 * difficult / n) if n else 0.0
    smog = (1.043 * (30 * (poly / sentences)) ** 0.5) + 3.1291 if sentences else 0.0
    if n:
        per_difficult = 100 * hard / n
        dale = (0.1579 * per_difficult) + (0.0496 * wps)
        if per_difficult > 5:
            dale += 3.6365
    else:
        dale = 0.0
    values = {
        "flesch_reading_ease": fre,
        "flesch_kincaid_grade": fk,
        "gunning_fog": fog,
        "smog_index": smog,
        "dale_chall": dale,
        "words_per_sentence": wps,
    }
    return {key: float(values[key]) for key in {**METRICS, **EXTRA_METRICS}}


def grades(texts: list[str]) -> list[float]:
    """Flesch-Kincaid grade of each sentence on its own (textstat's definition, Pyphen
    syllables)."""
    return [_grade(prose_of([t])) for t in texts]


def _grade(text: str) -> float:
    """textstat's flesch_kincaid_grade(text)."""
    removed = _remove_punctuation(text)
    n = len(removed.split())
    sentences = count_sentences(text)
    wps = n / sentences if sentences else 0.0
    syllables = sum(SYLLABLES.pyphen(w) for w in removed.lower().split()) if text else 0
    spw = syllables / n if n else 0.0
    if wps == 0 or spw == 0:
        return 0.0
    return float((0.39 * wps) + (11.8 * spw) - 15.59)


# textstat's English settings (backend/utils/constants.py): the Gunning fog index counts
# words of this many syllables as hard.
_FOG_SYLLABLES = 3
# textstat's list_words: apostrophes kept only in contractions, other punctuation removed.
_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s\']")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")


def _remove_punctuation(text: str) -> str:
    return _PUNCTUATION.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text))


def count_sentences(text: str) -> int:
    """textstat's count_sentences: pieces ending in . ! or ?, of more than two words."""
    if not text:
        return 0
    found = _SENTENCE.findall(text)
    short = sum(1 for s in found if len(_remove_punctuation(s).split()) <= 2)
    return max(1, len(found) - short)


class Syllables:
    """Syllables as textstat counts them with Pyphen, once per distinct word.

    ``pyphen(word)`` is Pyphen's hyphenation points plus one, for a word of textstat's
    lower-cased word list; ``count(text)`` is textstat's ``count_syllables`` of a short
    text (one word). Both are remembered for every posting of the process, up to
    ``MEMO_SIZE`` distinct words, after which the memo starts again (a stream of postings
    in many languages cannot grow it without bound). Pyphen's dictionary and textstat's
    list of easy words are loaded on first use.
    """

    MEMO_SIZE = 100_000

    def __init__(self) -> None:
        self._pyphen: dict[str, int] = {}
        self._count: dict[str, int] = {}
        self._dic: Any = None
        self._easy: frozenset[str] | None = None
        self._lock = threading.Lock()

    def pyphen(self, word: str) -> int:
        try:
            return self._pyphen[word]
        except KeyError:
            pass
        dic = self._dic or self._load()
        value = len(dic.positions(word)) + 1
        if len(self._pyphen) >= self.MEMO_SIZE:
            self._pyphen.clear()
            dic.hd.cache.clear()  # Pyphen's own memo of every word it was asked
        self._pyphen[word] = value
        return value

    def count(self, text: str) -> int:
        try:
            return self._count[text]
        except KeyError:
            pass
        value = (
            sum(self.pyphen(w) for w in _remove_punctuation(text).lower().split()) if text else 0
        )
        if len(self._count) >= self.MEMO_SIZE:
            self._count.clear()
        self._count[text] = value
        return value

    def easy(self) -> frozenset[str]:
        """textstat's Dale-Chall list of easy words (resources/en/easy_words.txt)."""
        if self._easy is None:
            with self._lock:
                if self._easy is None:
                    self._easy = _easy_words()
        return self._easy

    def _load(self) -> Any:
        with self._lock:
            if self._dic is None:
                from .hyphenation import english

                # textstat's own: Pyphen(lang=textstat's language, "en_US"), its patterns
                # from the user cache (jdlint/hyphenation.py).
                self._dic = english()
        return self._dic


def _easy_words() -> frozenset[str]:
    """textstat's English easy words, read from its package without importing it."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("textstat")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover
        raise RuntimeError("textstat is not installed (see pyproject.toml)")
    folder = Path(next(iter(spec.submodule_search_locations)))
    with (folder / "resources" / "en" / "easy_words.txt").open() as f:
        return frozenset(line.strip() for line in f)


SYLLABLES = Syllables()


_instance: Any = None


class _LazyModule(types.ModuleType):
    """Stands in for a module while another imports it; the real one is imported on first
    attribute access (``nltk.data``, ``nltk.corpus``)."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(importlib.import_module(self.__name__), name)


def _import_textstat() -> None:
    """Import textstat without importing NLTK (see the module's docstring)."""
    if "textstat.backend.utils._get_cmudict" in sys.modules or "nltk" in sys.modules:
        import textstat.textstat  # already paid for, or NLTK is loaded anyway

        return
    stand_in = _LazyModule("nltk")
    sys.modules["nltk"] = stand_in
    try:
        import textstat.textstat  # noqa: F401
    finally:
        # Whoever imports nltk from now on gets the real module; textstat keeps the
        # stand-in, which forwards to it.
        if sys.modules.get("nltk") is stand_in:
            del sys.modules["nltk"]


def _no_cmudict(lang: str) -> None:
    return None


@contextmanager
def offline_syllables() -> Iterator[Any]:
    """A private textstat instance whose syllable counts come from Pyphen only.

    textstat's ``count_syllables`` falls back to Pyphen for any word its cmudict lookup
    does not give; with the lookup returning None, every word takes that path and
    ``nltk`` never touches the disk or the network.
    """
    global _instance
    with _LOCK:
        _import_textstat()
        from textstat.backend.counts import _count_syllables as counts
        from textstat.textstat import textstatistics

        saved: Callable[[str], Any] | None = getattr(counts, "get_cmudict", None)
        if saved is None:  # pragma: no cover - guarded by the version pin
            raise RuntimeError(
                "this textstat version has no cmudict hook; install the pinned textstat "
                "(see pyproject.toml)"
            )
        if _instance is None:
            _instance = textstatistics()
        counts.get_cmudict = _no_cmudict  # type: ignore[assignment]
        try:
            yield _instance
        finally:
            counts.get_cmudict = saved  # type: ignore[assignment]
