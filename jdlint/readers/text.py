"""Plain text: paragraphs separated by blank lines, each line kept as a line.

Plain text carries no markup, so this reader only groups lines: a run of non-blank lines is
one paragraph whose lines are joined by "\\n". Everything a reader sees in the layout
(headings, bullets, lists without bullets, glued headings) is recovered by
``readers/layout.py``, the same way for every format.
"""

from __future__ import annotations

import re

from ..posting import Block
from ..source import MappedText

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


def read_blocks(text: str, start: int) -> list[Block]:
    """Paragraph blocks of the plain text in text[start:], with offsets into ``text``."""
    blocks: list[Block] = []
    cur: MappedText | None = None
    last_end = start
    for m in _LINE.finditer(text, start):
        if m.start() == m.end():
            break
        line = m.group().rstrip("\r\n")
        lo = m.start() + len(line) - len(line.lstrip())
        hi = m.start() + len(line.rstrip())
        if hi <= lo:
            if cur is not None:
                blocks.append(Block("paragraph", cur))
                cur = None
            continue
        if cur is None:
            cur = MappedText()
        else:
            cur.add_synthetic("\n", last_end)
        cur.add_source(text, lo, hi)
        last_end = hi
    if cur is not None:
        blocks.append(Block("paragraph", cur))
    return blocks
