"""Which language a paragraph is in, when it is not English.

Postings in Canada, Switzerland or Belgium often carry a translation under the English
text, and an English readability formula scores French as very hard English. A block is
given another language when its common function words are mostly that language's: a cheap
count that needs no model and no download, and never fires on a short English line.
"""

from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# Words frequent in running text of each language and rare in the others' (words shared
# by two of these languages, such as "de", "la", "en", are left out).
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "the",
            "and",
            "of",
            "to",
            "is",
            "for",
            "with",
            "you",
            "we",
            "our",
            "are",
            "will",
            "be",
            "as",
            "an",
            "or",
            "at",
            "by",
            "this",
            "that",
            "your",
            "from",
            "have",
            "it",
            "they",
            "their",
            "who",
            "which",
        ]
    ),
    "fr": frozenset(
        [
            "le",
            "les",
            "des",
            "et",
            "du",
            "une",
            "pour",
            "dans",
            "est",
            "nous",
            "vous",
            "avec",
            "sur",
            "qui",
            "au",
            "aux",
            "par",
            "pas",
            "ce",
            "sont",
            "être",
            "plus",
            "ou",
            "leur",
            "cette",
            "ces",
            "selon",
            "afin",
        ]
    ),
    "es": frozenset(
        [
            "el",
            "los",
            "las",
            "y",
            "del",
            "una",
            "por",
            "con",
            "para",
            "es",
            "su",
            "al",
            "lo",
            "como",
            "más",
            "está",
            "son",
            "sus",
            "nuestro",
            "nuestra",
            "usted",
            "este",
            "esta",
        ]
    ),
    "de": frozenset(
        [
            "der",
            "die",
            "das",
            "und",
            "ist",
            "zu",
            "den",
            "mit",
            "von",
            "für",
            "auf",
            "ein",
            "eine",
            "nicht",
            "sie",
            "wir",
            "im",
            "dem",
            "des",
            "sich",
            "auch",
            "wird",
            "oder",
            "bei",
            "unser",
        ]
    ),
}
NAMES = {"fr": "French", "es": "Spanish", "de": "German"}
# Fewer function words than this: too little to tell.
MIN_HITS = 4


_LANG_OF: dict[str, str] = {w: lang for lang, words in _FUNCTION_WORDS.items() for w in words}


def detect(text: str) -> str | None:
    """The language code of ``text`` when it is clearly not English, else None."""
    # Counted in C, only the function words (most words are none); languages keep the
    # order of their first word, as ties are settled.
    counts = Counter(filter(None, map(_LANG_OF.get, _WORD.findall(text.lower()))))
    english = counts.pop("en", 0)
    if not counts:
        return None
    lang, hits = max(counts.items(), key=lambda kv: kv[1])
    if hits >= MIN_HITS and hits > 2 * english:
        return lang
    return None
