"""A finding's source line as a short excerpt with the span marked (a ruff-style code frame).

::

       |
    25 | …are looking for a rockstar psychiatric case manager who…
       |                    ^^^^^^^^

The excerpt is a window of the line around the span, so a paragraph written on one line
of 800 characters shows the words that matter; "…" marks a cut. The line is data from the
posting: control characters are escaped (``display.text``) segment by segment so the marks
stay under the span, tabs are one space, and wide characters (CJK, emoji) count twice.
"""

from __future__ import annotations

import unicodedata

from .. import display
from ..source import LineIndex

ELLIPSIS = "…"
# Characters of context kept before the span when the line must be cut.
BEFORE = 24


def width(text: str) -> int:
    """Terminal cells ``text`` takes: wide characters 2, combining marks 0."""
    if text.isascii():
        return len(text)
    cells = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        cells += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return cells


def _clip(text: str, cells: int) -> str:
    """The longest start of ``text`` that fits in ``cells`` terminal cells."""
    if width(text) <= cells:
        return text
    out, used = [], 0
    for ch in text:
        w = width(ch)
        if used + w > cells:
            break
        out.append(ch)
        used += w
    return "".join(out)


def _clip_left(text: str, cells: int) -> str:
    """The longest end of ``text`` that fits in ``cells`` terminal cells."""
    return _clip(text[::-1], cells)[::-1]


def _show(text: str) -> str:
    return display.text(text.replace("\t", " "))


def frame(lines: LineIndex, start: int, end: int, columns: int) -> list[str]:
    """The lines of the frame for the span ``start:end`` of ``lines.text``, at most
    ``columns`` cells wide (never narrower than 40); the span is marked on its first line."""
    text = lines.text
    line = lines.line_col(start)[0]
    line_start, line_end = lines.offset(line), lines.line_end(line)
    a = start - line_start
    z = max(a, min(end, line_end) - line_start)
    source = text[line_start:line_end].rstrip()
    a, z = min(a, len(source)), min(z, len(source))
    before, span, after = _show(source[:a]), _show(source[a:z]), _show(source[z:])
    gutter = str(line)
    room = max(40, columns) - len(gutter) - 3  # "NN | "
    head = tail = ""
    if width(before) + width(span) + width(after) > room:
        # Keep some context before the span, the span (cut if it alone is too long), and
        # as much after it as fits.
        keep = min(width(before), BEFORE)
        if keep < width(before):
            before, head = _clip_left(before, keep - 1), ELLIPSIS
        left = room - width(head) - width(before)
        if width(span) > left - 1:
            span, after, tail = _clip(span, left - 1), "", ELLIPSIS
        else:
            rest = left - width(span)
            if width(after) > rest:
                after, tail = _clip(after, rest - 1), ELLIPSIS
    marks = "^" * max(1, width(span))
    pad = " " * len(gutter)
    return [
        f"{pad} |",
        f"{gutter} | {head}{before}{span}{after}{tail}".rstrip(),
        f"{pad} | {' ' * (width(head) + width(before))}{marks}",
    ]
