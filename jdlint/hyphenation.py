"""Pyphen's English hyphenation patterns, which textstat counts syllables with.

Pyphen parses its ``hyph_en_US.dic`` (11,000 patterns) with a regular expression per line
each time a process first asks for it: about a seventh of a second of every run that
scores readability. The parsed patterns are plain data (a pattern's letters, where its
values start, its digits), so they are kept in the user cache as JSON
(``jdlint/cache.py``) and handed to Pyphen in place of parsing the file again: the
``HyphDict`` built from them holds exactly what Pyphen's own parse gives, and every
later ``Pyphen(lang="en_US")`` in the process (textstat's too) shares it through
Pyphen's own per-file cache (``pyphen.hdcache``).
"""

from __future__ import annotations

from typing import Any

LANG = "en_US"
_NAME = "hyphenation"


def english() -> Any:
    """``pyphen.Pyphen(lang="en_US")``, its patterns read from the cache when they can be."""
    import pyphen

    path = pyphen.LANGUAGES[pyphen.language_fallback(LANG)]
    if path not in pyphen.hdcache:
        patterns = _patterns(pyphen, path)
        if patterns is not None:
            hd = pyphen.HyphDict.__new__(pyphen.HyphDict)
            hd.patterns = patterns
            hd.cache = {}
            hd.maxlen = max(len(key) for key in patterns)
            pyphen.hdcache[path] = hd
    return pyphen.Pyphen(lang=LANG)


def _patterns(pyphen: Any, path: Any) -> dict[str, tuple[int, tuple[int, ...]]] | None:
    """The parsed patterns of ``path``: from the cache, else parsed by Pyphen and stored.
    None when Pyphen's own parse is to be used (no cache, or patterns with data that
    plain digits cannot hold)."""
    from . import cache

    try:
        data = path.read_bytes()
    except (OSError, AttributeError):
        return None
    digest = cache.key(_NAME, str(pyphen.__version__), str(path), data, code=False)
    stored = cache.read(_NAME, digest)
    if stored is not None:
        try:
            tags, starts, digits = stored
            # 11,000 patterns share 720 digit strings: each is made into numbers once.
            numbers = {d: tuple(map(int, d)) for d in set(digits)}
            return {
                tag: (start, numbers[values])
                for tag, start, values in zip(tags, starts, digits, strict=True)
            }
        except (TypeError, ValueError):
            pass  # another shape: parse again, and overwrite it
    hd = pyphen.HyphDict(path)
    pyphen.hdcache[path] = hd  # parsed now: Pyphen uses it as it is
    patterns = hd.patterns
    values = [v for _, vs in patterns.values() for v in vs]
    # Nonstandard hyphenation (``DataInt`` with data) and values above 9 are not digits.
    if all(type(v) is int and 0 <= v <= 9 for v in values):
        cache.write(
            _NAME,
            digest,
            [
                list(patterns),
                [start for start, _ in patterns.values()],
                ["".join(map(str, vs)) for _, vs in patterns.values()],
            ],
        )
    return None
