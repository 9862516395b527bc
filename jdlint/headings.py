"""Which lines are headings, and which canonical section a heading names.

The synonyms are data (``rules/sections.yaml``); the shape tests here are shared by all
readers so a bold Markdown paragraph, an HTML ``<p><strong>`` and a plain-text
"Responsibilities:" line are judged alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_NON_WORD = re.compile(r"[^a-z0-9']+")
_LETTER = re.compile(r"[^\W\d_]")
_ASCII_LOWER = re.compile(r"[a-z]")
_TERMINAL = re.compile(r"[.!?,;]\s*$")
_ELLIPSIS = re.compile(r"\s*(?:…|\.\.)[.…]*:?\s*$")
_SMALL_WORDS = {
    "a",
    "an",
    "and",
    "as",
    "at",
    "by",
    "for",
    "from",
    "in",
    "of",
    "on",
    "or",
    "the",
    "to",
    "with",
    "you",
    "your",
    "we",
    "our",
    "us",
    "is",
    "are",
    "will",
    "be",
    "what",
    "who",
}


def normalize(text: str) -> str:
    """Lower case, curly quotes straightened, punctuation and ellipses to single spaces."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    return " ".join(_NON_WORD.sub(" ", text).replace(" '", " ").replace("' ", " ").split())


@dataclass
class SectionVocabulary:
    """Canonical section keys, each with the heading phrases that name it.

    A heading names the key whose phrase it contains as whole words, preferring the
    longest phrase: "Preferred Qualifications" is qualifications, "About the role" is
    overview even though "about" alone would be about_company.
    """

    phrases: dict[str, list[str]] = field(default_factory=dict)
    # Words that name a job ("manager", "nurse"): a line holding one can be a title.
    title_words: list[str] = field(default_factory=list)
    # Each phrase (as words) and the key it names: the first key listing it wins.
    _phrase_key: dict[tuple[str, ...], tuple[str, int]] = field(default_factory=dict, init=False)
    _longest: int = field(default=0, init=False)
    _job_words: frozenset[str] = field(default=frozenset(), init=False)

    def __post_init__(self) -> None:
        self._job_words = frozenset(normalize(w) for w in self.title_words)
        for order, (key, phrases) in enumerate(self.phrases.items()):
            for phrase in phrases:
                words = tuple(normalize(phrase).split())
                if words and words not in self._phrase_key:
                    self._phrase_key[words] = (key, order)
                    self._longest = max(self._longest, len(words))

    def key_for(self, heading: str) -> str | None:
        found = self._match(heading)
        return found[1] if found else None

    def matched_phrase(self, heading: str) -> tuple[str, ...] | None:
        """The vocabulary phrase (as words) that names the heading's section, if any."""
        found = self._match(heading)
        return found[0] if found else None

    def _match(self, heading: str) -> tuple[tuple[str, ...], str] | None:
        """The longest phrase the heading holds as whole words (earlier keys win ties),
        looked up by the heading's own word n-grams: a dictionary probe per n-gram instead
        of a scan of every phrase (headings are looked up many times per posting)."""
        words = normalize(heading).split()
        if not words or len(words) > 14:
            return None
        best: tuple[int, int, tuple[str, ...], str] | None = None
        for n in range(min(self._longest, len(words)), 0, -1):
            for i in range(len(words) - n + 1):
                gram = tuple(words[i : i + n])
                hit = self._phrase_key.get(gram)
                if hit is not None and (best is None or hit[1] < best[1]):
                    best = (n, hit[1], gram, hit[0])
            if best is not None:
                return best[2], best[3]
        return None

    def names_job(self, line: str) -> bool:
        """The line holds a word that names a job ("Case Manager - Band 7", "RNs")."""
        words = self._job_words
        return any(
            w in words or (w.endswith("s") and w[:-1] in words) for w in normalize(line).split()
        )

    def exact_key(self, heading: str) -> str | None:
        """The key whose phrase is the whole heading, for headings found inside running text."""
        hit = self._phrase_key.get(tuple(normalize(heading).split()))
        return hit[0] if hit else None


def is_title_case(text: str) -> bool:
    words = [w for w in re.split(r"[\s/&\-–—]+", text) if _LETTER.search(w)]
    if not words:
        return False
    major = [w for w in words if w.lower().strip("'’():,") not in _SMALL_WORDS]
    if not major:
        return False
    return all(_first_letter(w).isupper() for w in major) and _first_letter(words[0]).isupper()


def is_all_caps(text: str) -> bool:
    if _ASCII_LOWER.search(text):
        # Most lines are prose: a lower-case letter near their start settles it without
        # collecting every letter.
        return False
    letters = _LETTER.findall(text)
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _first_letter(word: str) -> str:
    m = _LETTER.search(word)
    return m.group() if m else ""


def looks_like_heading(text: str, vocab: SectionVocabulary, *, set_apart: bool = False) -> bool:
    """True when a standalone line or paragraph reads as a heading.

    ``set_apart`` is for a paragraph that is bold from end to end, or a line standing
    alone. A sentence ending in a full stop is never a heading; a short line ending in a
    colon is one only when it is Title Case, ALL CAPS or names a known section, so "This
    position is eligible for:" stays a lead-in to its list. Set apart, a line that names a
    known section may be longer ("Some of the perks of working here:") or ask a question
    ("What will you be doing?").
    """
    stripped = text.strip()
    words = stripped.split()
    if not words or len(words) > 10 or not _LETTER.search(stripped):
        return False
    ends_colon = stripped.endswith(":")
    # "About the Role…." trails off rather than ending a sentence.
    trailing = _ELLIPSIS.search(stripped)
    core = (stripped[: trailing.start()] if trailing else stripped.rstrip(":")).strip()
    if ":" in core or not core or re.search(r"\]\(|https?:|www\.|@", core):
        return False
    question = stripped.endswith("?")
    if question and set_apart and len(words) <= 8 and vocab.key_for(core.rstrip("?")):
        return True
    if not trailing and _TERMINAL.search(stripped):
        return False
    known = vocab.key_for(core) is not None
    shaped = is_all_caps(core) or is_title_case(core)
    if ends_colon:
        return shaped or (known and (len(words) <= 4 or set_apart) and "," not in core)
    if set_apart:
        # "Full-Time (40 hours per week)" or "Salary £30,000" in bold is a fact, not a heading.
        return not re.search(r"\d", core) and (shaped or known or bool(trailing))
    return is_all_caps(core) and len(words) <= 8
