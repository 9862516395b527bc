"""Inline suppression comments in Markdown and HTML.

``<!-- jdlint-disable [CODES] -->`` turns rules off until ``<!-- jdlint-enable [CODES] -->``
or the end of the file; ``<!-- jdlint-disable-next-line [CODES] -->`` covers the next
non-blank line. CODES are codes, prefixes or names separated by commas or spaces; none
means every rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .source import LineIndex

_COMMENT = re.compile(
    r"<!--\s*jdlint-(disable-next-line|disable|enable)\b([^>]*?)-->", re.IGNORECASE
)

ALL = "ALL"


@dataclass
class Region:
    start_line: int
    end_line: int  # inclusive
    selectors: tuple[str, ...]
    comment_line: int


def parse(text: str, lines: LineIndex) -> tuple[list[Region], list[tuple[int, str]]]:
    """Suppressed regions, and (line, selector) pairs for codes to check against the packs."""
    regions: list[Region] = []
    open_: dict[str, int] = {}
    mentioned: list[tuple[int, str]] = []
    last_line = len(lines.starts)
    for m in _COMMENT.finditer(text):
        action = m.group(1).lower()
        selectors = tuple(s for s in re.split(r"[\s,]+", m.group(2).strip()) if s) or (ALL,)
        line = lines.line_col(m.start())[0]
        end_line = lines.line_col(m.end())[0]
        mentioned.extend((line, s) for s in selectors if s != ALL)
        if action == "disable-next-line":
            target = _next_content_line(text, lines, end_line)
            regions.append(Region(target, target, selectors, line))
        elif action == "disable":
            for s in selectors:
                open_.setdefault(s, line)
        else:
            closing = list(open_) if selectors == (ALL,) else [s for s in selectors if s in open_]
            for s in closing:
                regions.append(Region(open_.pop(s), line, (s,), open_.get(s, line)))
    for s, start in open_.items():
        regions.append(Region(start, last_line, (s,), start))
    return regions, mentioned


def _next_content_line(text: str, lines: LineIndex, after: int) -> int:
    for line in range(after + 1, len(lines.starts) + 1):
        lo, hi = lines.offset(line), lines.line_end(line)
        if text[lo:hi].strip():
            return line
    return after + 1


def suppressed(regions: list[Region], line: int, code: str, name: str) -> bool:
    for r in regions:
        if r.start_line <= line <= r.end_line and any(
            s == ALL or code.startswith(s.upper()) or name == s.lower() for s in r.selectors
        ):
            return True
    return False
