"""A cheap test in front of a costly case-insensitive pattern: the words every match holds.

Python's regular expressions try an IGNORECASE alternation at every character, which is
most of the cost on the many blocks that hold none of it. ``lacks(text, words)`` is True
only when the text cannot match: it holds none of the words (lower case, as plain
substrings). Under IGNORECASE a few other letters match ASCII ones: "ſ" is "s", "ı" and
"İ" are "i" (and the Kelvin sign is "k", which lower-casing gives too). Lower-casing does
not turn those three into their ASCII letter alone, so a text holding one of them is never
ruled out. ``tests/test_prefilters.py`` compares each guarded search with the pattern
alone, and checks that list against every character Python's IGNORECASE matches to an
ASCII letter.
"""

from __future__ import annotations

# Characters that IGNORECASE matches to an ASCII letter while ``str.lower`` does not give
# that letter alone.
UNSAFE = ("ſ", "ı", "İ")


def lacks(text: str, words: tuple[str, ...]) -> bool:
    if not text.isascii() and any(c in text for c in UNSAFE):
        return False
    low = text.lower()
    return not any(word in low for word in words)
