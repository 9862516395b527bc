"""Open documents as the client sees them: text, version, and LSP positions.

LSP counts lines as the editor does: only ``\\n``, ``\\r\\n`` and a lone ``\\r`` end one
(``str.splitlines`` also splits at U+2028, form feeds and U+0085, which scraped postings
hold, and would put every later edit in the wrong place). Columns are counted in the
encoding agreed at ``initialize``: UTF-16 code units unless the client offers UTF-32 or
UTF-8 (an emoji is two UTF-16 units, one code point, four UTF-8 bytes). Python strings
index code points, as the Linter's offsets do.

Every conversion clamps: a position past the end of its line is the line's end, a line
past the last is the end of the text, a column inside a surrogate pair or a UTF-8
sequence moves to the end of that character. No edit a client sends can raise here.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import PurePath

from ..source import LineIndex

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def units(text: str, encoding: str = UTF16) -> int:
    """The length of ``text`` in the client's code units."""
    if encoding == UTF32 or text.isascii():
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


def _unit(c: str, encoding: str) -> int:
    if encoding == UTF32:
        return 1
    code = ord(c)
    if encoding == UTF8:
        return 1 if code < 0x80 else 2 if code < 0x800 else 3 if code < 0x10000 else 4
    return 2 if code > 0xFFFF else 1


class Positions:
    """Offsets (code points) to and from (line, column in code units) for one text."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.text = text
        self.encoding = encoding
        self.starts = LineIndex(text).starts

    def line_end(self, line: int) -> int:
        """Offset of the end of a 0-based line's content (before its line break)."""
        end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)
        if end > self.starts[line] and self.text[end - 1] == "\n":
            end -= 1
        if end > self.starts[line] and self.text[end - 1] == "\r":
            end -= 1
        return end

    def position(self, offset: int) -> tuple[int, int]:
        """(line, character) of an offset, both 0-based, the character in code units."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.starts, offset) - 1
        start = self.starts[line]
        # An offset between "\r" and "\n" is no place in the editor: the line's end.
        offset = min(offset, self.line_end(line))
        return line, units(self.text[start:offset], self.encoding)

    def offset(self, line: int, character: int) -> int:
        """The offset of a position, clamped into the text (see the module's doc)."""
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        start, end = self.starts[line], self.line_end(line)
        character = max(0, character)
        segment = self.text[start:end]
        if self.encoding == UTF32 or segment.isascii():
            return start + min(character, len(segment))
        count = 0
        for i, c in enumerate(segment):
            if count >= character:
                return start + i
            count += _unit(c, self.encoding)
        return end


@dataclass
class Change:
    """One content change: ``range`` is None for the whole text."""

    text: str
    range: tuple[tuple[int, int], tuple[int, int]] | None = None


def apply_changes(text: str, changes: list[Change], encoding: str = UTF16) -> str:
    """The text after the changes, applied in order as LSP says (each against the text the
    ones before it left)."""
    for change in changes:
        if change.range is None:
            text = change.text
            continue
        positions = Positions(text, encoding)
        (l1, c1), (l2, c2) = change.range
        start, end = positions.offset(l1, c1), positions.offset(l2, c2)
        if end < start:
            start, end = end, start
        text = text[:start] + change.text + text[end:]
    return text


# Language identifiers (as editors name them) to the reader jdlint uses.
LANGUAGES = {
    "markdown": "markdown",
    "mdx": "markdown",
    "html": "html",
    "plaintext": "text",
    "text": "text",
}


@dataclass
class Document:
    uri: str
    text: str
    version: int | None
    language: str
    path: str | None  # the file on disk, for config discovery and per-file-ignores
    _positions: Positions | None = field(default=None, repr=False)

    def positions(self, encoding: str) -> Positions:
        if (
            self._positions is None
            or self._positions.text is not self.text
            or (self._positions.encoding != encoding)
        ):
            self._positions = Positions(self.text, encoding)
        return self._positions

    @property
    def format(self) -> str | None:
        """The reader: by extension as on the command line (None: the engine decides by
        extension and content), else by the editor's language."""
        if self.path and PurePath(self.path).suffix.lower() in _EXTENSIONS:
            return None
        return LANGUAGES.get(self.language.lower())

    @property
    def lint_path(self) -> str:
        return self.path or "<text>"


def is_posting(language: str, path: str | None) -> bool:
    """Whether jdlint lints a document: a posting's language or a posting's extension."""
    if language.lower() in LANGUAGES:
        return True
    return bool(path) and PurePath(path or "").suffix.lower() in _EXTENSIONS


def _extensions() -> set[str]:
    from ..readers import EXTENSIONS

    return set(EXTENSIONS)


_EXTENSIONS = _extensions()
