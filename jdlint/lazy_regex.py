"""Regular expressions compiled the first time they are used.

Compiling a long alternation (every US state, a pay sentence's many shapes) costs a
millisecond or two, paid at import by every run. Where a module-level pattern serves a
branch most postings never take (an exclusion list of states, euro pay written the
continental way, a placeholder's rarer shapes), ``compile`` defers that cost to its
first use. After it, the pattern's methods are plain attributes of the stand-in, so a
call costs what it costs on the compiled pattern.
"""

from __future__ import annotations

import re
from typing import Any, cast

# What callers use of a pattern; copied from the compiled one on first use.
_FORWARD = (
    "search",
    "match",
    "fullmatch",
    "finditer",
    "findall",
    "sub",
    "subn",
    "split",
    "scanner",
    "pattern",
    "flags",
    "groups",
    "groupindex",
)


class _Deferred:
    def __init__(self, pattern: str, flags: int) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        # Reached only for what the instance does not hold yet: before the first use.
        if name.startswith("__") or name == "_source":
            raise AttributeError(name)
        compiled = re.compile(*self._source)
        for attr in _FORWARD:
            setattr(self, attr, getattr(compiled, attr))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_regex.compile({self._source[0]!r}, {self._source[1]!r})"


def compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, compiled when first used (see the module's doc)."""
    return cast("re.Pattern[str]", _Deferred(pattern, int(flags)))
