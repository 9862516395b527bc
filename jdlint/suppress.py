"""Inline suppression comments in Markdown and HTML.

``<!-- jdlint-disable [CODES] -->`` turns rules off until ``<!-- jdlint-enable [CODES] -->``
or the end of the file; ``<!-- jdlint-disable-next-line [CODES] -->`` covers the next
non-blank line. CODES are codes, prefixes or names separated by commas or spaces; none
(or ``all``) means every rule. ``<!-- jdlint-enable S201 -->`` after a wider disable
(``<!-- jdlint-disable -->`` or ``<!-- jdlint-disable S2 -->``) turns S201 back on and
leaves the rest off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .source import LineIndex

_COMMENT = re.compile(
    r"<!--\s*jdlint-(disable-next-line|disable|enable)\b:?([^>]*?)-->", re.IGNORECASE
)
_CODE_LIKE = re.compile(r"[A-Za-z]\d{0,3}")

ALL = "ALL"


@dataclass
class Region:
    start_line: int
    end_line: int  # inclusive
    selectors: tuple[str, ...]
    comment_line: int
    # Selectors turned back on inside the region (an enable narrower than the disable).
    exempt: tuple[str, ...] = ()


def _normalise(selector: str) -> str:
    """Codes and prefixes upper case, names lower case, ``all`` as ALL."""
    if selector.upper() == ALL:
        return ALL
    return selector.upper() if _CODE_LIKE.fullmatch(selector) else selector.lower()


def _covers(wide: str, narrow: str) -> bool:
    """Whether selector ``wide`` includes everything ``narrow`` selects."""
    if wide in (ALL, narrow):
        return True
    both_codes = _CODE_LIKE.fullmatch(wide) and _CODE_LIKE.fullmatch(narrow)
    return bool(both_codes) and narrow.startswith(wide)


def parse(text: str, lines: LineIndex) -> tuple[list[Region], list[tuple[int, str]]]:
    """Suppressed regions, and (line, selector) pairs for codes to check against the packs."""
    regions: list[Region] = []
    # selector -> (start line, comment line, exempt selectors)
    open_: dict[str, tuple[int, int, tuple[str, ...]]] = {}
    mentioned: list[tuple[int, str]] = []
    last_line = len(lines.starts)
    for m in _COMMENT.finditer(text):
        action = m.group(1).lower()
        raw = tuple(s for s in re.split(r"[\s,]+", m.group(2).strip()) if s)
        line = lines.line_col(m.start())[0]
        end_line = lines.line_col(m.end())[0]
        mentioned.extend((line, s) for s in raw if _normalise(s) != ALL)
        selectors = tuple(dict.fromkeys(_normalise(s) for s in raw)) or (ALL,)
        if ALL in selectors:
            selectors = (ALL,)
        if action == "disable-next-line":
            target = _next_content_line(text, lines, end_line)
            regions.append(Region(target, target, selectors, line))
        elif action == "disable":
            for s in selectors:
                if s not in open_:
                    open_[s] = (line, line, ())
                else:  # disabled again: it is no longer exempt
                    start, comment, exempt = open_[s]
                    if exempt:
                        regions.append(Region(start, line, (s,), comment, exempt))
                        open_[s] = (line, comment, ())
        else:
            for s in list(open_):
                start, comment, exempt = open_[s]
                if selectors == (ALL,) or s in selectors:
                    regions.append(Region(start, line, (s,), comment, exempt))
                    del open_[s]
                else:
                    narrower = tuple(x for x in selectors if _covers(s, x) and x not in exempt)
                    if narrower:
                        regions.append(Region(start, line, (s,), comment, exempt))
                        open_[s] = (line, comment, exempt + narrower)
    for s, (start, comment, exempt) in open_.items():
        regions.append(Region(start, last_line, (s,), comment, exempt))
    return regions, mentioned


def _next_content_line(text: str, lines: LineIndex, after: int) -> int:
    for line in range(after + 1, len(lines.starts) + 1):
        lo, hi = lines.offset(line), lines.line_end(line)
        if text[lo:hi].strip():
            return line
    return after + 1


def _selects(selector: str, code: str, name: str) -> bool:
    return selector == ALL or code.startswith(selector.upper()) or name == selector.lower()


def suppressed(regions: list[Region], line: int, code: str, name: str) -> bool:
    for r in regions:
        if (
            r.start_line <= line <= r.end_line
            and any(_selects(s, code, name) for s in r.selectors)
            and not any(_selects(s, code, name) for s in r.exempt)
        ):
            return True
    return False
