"""The close match for a mistyped name: a rule code, a rule name, a profile, a comment.

``S2O1`` is ``S201``, ``psychiatric-case-manger`` is ``psychiatric-case-manager``,
``empty-sections`` is ``empty-section``. Codes are compared in upper case and names in
lower case, and a letter O typed for a zero counts as a zero, the commonest slip in a code.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

_CODE_LIKE = re.compile(r"^[A-Za-z][0-9Oo]{1,3}$")


def close_match(value: str, candidates: Iterable[str], cutoff: float = 0.75) -> str | None:
    """The one candidate closest to ``value`` (at least ``cutoff`` alike), else None."""
    options = list(dict.fromkeys(candidates))
    if not value or not options:
        return None
    if _CODE_LIKE.match(value):
        typed = value[0].upper() + value[1:].upper().replace("O", "0")
        if typed in options:
            return typed
        codes = [c for c in options if _CODE_LIKE.match(c) and len(c) == len(typed)]
        # A code differs from its neighbours by one digit: only a swap or an O counts.
        for c in codes:
            if (
                sorted(c) == sorted(typed)
                and sum(a != b for a, b in zip(c, typed, strict=True)) == 2
            ):
                return c
        return None
    lowered = {o.lower(): o for o in options}
    if value.lower() in lowered and lowered[value.lower()] != value:
        return lowered[value.lower()]
    found = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=cutoff)
    if found:
        return lowered[found[0]]
    # The first word of a hyphenated name ("psychiatric" for psychiatric-case-manager)
    # is too short for a ratio to catch, and means that name when no other starts so.
    starting = [o for low, o in lowered.items() if low.startswith(value.lower() + "-")]
    return starting[0] if len(starting) == 1 else None


def hint(value: str, candidates: Iterable[str], cutoff: float = 0.75) -> str:
    """`` (did you mean 'X'?)``, or "" when nothing is close."""
    match = close_match(value, candidates, cutoff)
    return f" (did you mean '{match}'?)" if match else ""
