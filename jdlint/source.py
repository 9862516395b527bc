"""Positions in the original text: offsets, lines and columns, and clean text mapped back to source.

Every reader turns markup into clean text for the rules, but findings must point at the
original file. ``MappedText`` keeps, for each run of clean characters, where it came from.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Converts offsets to 1-based (line, column); \\r\\n, lone \\r and \\n each end a line."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]

    def line_col(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, len(self.text)))
        i = bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1

    def offset(self, line: int, col: int = 1) -> int:
        """Offset of a 1-based line and column (clamped to the text)."""
        line = max(1, min(line, len(self.starts)))
        return min(self.starts[line - 1] + col - 1, len(self.text))

    def line_end(self, line: int) -> int:
        """Offset just past the last character of a line, before its line break."""
        start = self.offset(line)
        m = _LINE_BREAK.search(self.text, start)
        return m.start() if m else len(self.text)


class MappedText:
    """Clean text plus a map from each clean offset to a source offset.

    ``runs`` holds (clean_start, source_start, length, literal): a literal run copies source
    characters one to one; a synthetic run (a decoded entity, an inserted space) maps every
    character to the same source offset, the start of what it replaced. Appended pieces are
    joined when the text is first read, so building a block of many lines stays linear.
    """

    __slots__ = ("_len", "_parts", "_text", "runs")

    def __init__(
        self, text: str = "", runs: list[tuple[int, int, int, bool]] | None = None
    ) -> None:
        self._text = text
        self._parts: list[str] = []
        self._len = len(text)
        self.runs: list[tuple[int, int, int, bool]] = [] if runs is None else runs

    @property
    def text(self) -> str:
        if self._parts:
            self._text = "".join([self._text, *self._parts])
            self._parts = []
        return self._text

    @text.setter
    def text(self, value: str) -> None:
        self._text, self._parts, self._len = value, [], len(value)

    def __repr__(self) -> str:
        return f"MappedText({self.text!r})"

    def add_source(self, source: str, start: int, end: int, *, mask: bool = False) -> None:
        """Append source[start:end] verbatim, or as blanks of the same length (code)."""
        if end <= start:
            return
        piece = " " * (end - start) if mask else source[start:end]
        clean_start = self._len
        self._parts.append(piece)
        self._len += end - start
        if self.runs:
            c, s, n, literal = self.runs[-1]
            if literal and c + n == clean_start and s + n == start:
                self.runs[-1] = (c, s, n + end - start, True)
                return
        self.runs.append((clean_start, start, end - start, True))

    def add_synthetic(self, text: str, source_offset: int) -> None:
        """Append text that has no one-to-one source (an entity's character, a separator)."""
        if text:
            self.runs.append((self._len, source_offset, len(text), False))
            self._parts.append(text)
            self._len += len(text)

    def to_source(self, offset: int) -> int:
        """Source offset of a clean offset; offsets at the very end map past the last run."""
        if not self.runs:
            return 0
        i = bisect_right(self.runs, (offset, float("inf"))) - 1
        i = max(i, 0)
        c, s, n, literal = self.runs[i]
        if offset >= c + n:
            return s + n if literal else s + 1
        return s + (offset - c) if literal else s

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source span of the clean span [start, end)."""
        if end <= start:
            s = self.to_source(start)
            return s, s
        return self.to_source(start), self.to_source(end - 1) + 1

    def strip(self) -> MappedText:
        """A copy without leading and trailing white space, offsets still mapped."""
        left = len(self.text) - len(self.text.lstrip())
        right = len(self.text.rstrip())
        return self.slice(left, right)

    def slice(self, start: int, end: int) -> MappedText:
        out = MappedText()
        # Start at the run holding ``start``: slicing many pieces out of one long block
        # (a 100,000-line list) must not walk every run each time.
        runs = self.runs
        first = max(0, bisect_right(runs, (start, float("inf"))) - 1)
        for i in range(first, len(runs)):
            c, s, n, literal = runs[i]
            if c >= end:
                break
            lo, hi = max(c, start), min(c + n, end)
            if lo >= hi:
                continue
            if literal:
                out.runs.append((lo - start, s + lo - c, hi - lo, True))
            else:
                out.runs.append((lo - start, s, hi - lo, False))
        out.text = self.text[start:end]
        return out


_MASK = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s<>()\[\]\"']+[^\s<>()\[\]\"'.,;:!?]"
    # The look-behind starts an address only where a run of address characters starts, so
    # a long word with no "@" is scanned once, not once per character (quadratic).
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
)


def mask_literals(text: str) -> str:
    """Blank URLs and e-mail addresses, keeping length so offsets never shift.

    A run of more than ``LONG_RUN`` characters without white space is no word of prose
    (a rule of dashes, a pasted hash, "((((("); every ``LONG_RUN``-th character of it is
    blanked too, because spaCy's tokenizer splits the affixes of one such run in time
    quadratic in its length (20,000 brackets took half a minute).
    """
    # Every address has "@" and every URL "://" or "www.": most blocks have neither.
    if "@" in text or "://" in text or "www." in text:
        text = _MASK.sub(lambda m: " " * len(m.group()), text)
    if len(text) > LONG_RUN:
        text = _LONG.sub(_break_run, text)
    return text


LONG_RUN = 100
_LONG = re.compile(rf"\S{{{LONG_RUN + 1},}}")


def _break_run(m: re.Match[str]) -> str:
    run = list(m.group())
    for i in range(LONG_RUN, len(run), LONG_RUN + 1):
        run[i] = " "
    return "".join(run)
