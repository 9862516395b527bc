"""A cheap test in front of a costly case-insensitive pattern: the words every match holds.

Python's regular expressions try an IGNORECASE alternation at every character, which is
most of the cost on the many blocks that hold none of it. ``lacks(text, words)`` is True
only when the text cannot match: it is ASCII and holds none of the words (lower case, as
plain substrings). Non-ASCII text is never ruled out, since under IGNORECASE "ſ" matches
"s" and the Kelvin sign "k", which lower-casing does not show. ``tests/test_prefilters.py``
compares each guarded search with the pattern alone.
"""

from __future__ import annotations


def lacks(text: str, words: tuple[str, ...]) -> bool:
    if not text.isascii():
        return False
    low = text.lower()
    return not any(word in low for word in words)
