"""The standard library's HTML parser, linear in its input on every Python jdlint supports.

Until the fix for CVE-2025-6069 (gh-135462: 3.9.23, 3.10.18, 3.11.13, 3.12.11, 3.13.4),
``html.parser`` recovers from a construct that never closes (``<!--`` without ``-->``,
``<a`` without ``>``, ``<![CDATA[`` without ``]]>``) by scanning to the end of the input,
giving up, and going on one construct later, where it scans to the end again: a posting
made of many such openers (``'<!--' * 20000``, 80 KB) took tens of seconds, 5 MB hours.

``LinearHTMLParser`` remembers, once per buffer, where the last ``>`` and the last closer
of each kind are, and answers "never closes" at once for an opener after them; what the
parser then does with the opener (text up to the next ``>``) is unchanged. An unknown
``<![name`` is read as a bogus comment, as HTML5 does, where the old parser raised an
AssertionError. On a Python whose parser has the fix, it is the standard parser.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# The closers the old parser searches for (_markupbase), and the name after "<![".
COMMENT_CLOSE = re.compile(r"--\s*>")
SECTION_CLOSE = re.compile(r"]\s*]\s*>")
MS_SECTION_CLOSE = re.compile(r"]\s*>")
DECL_NAME = re.compile(r"[a-zA-Z][-_.a-zA-Z0-9]*\s*")
_SECTIONS = {"temp", "cdata", "ignore", "include", "rcdata"}
_MS_SECTIONS = {"if", "else", "endif"}


def _old_end_of_input_recovery() -> bool:
    """Whether this Python's parser turns an unclosed comment into text (the old, quadratic
    recovery) rather than closing it at the end of the input (the fixed one)."""

    class Probe(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=False)
            self.data: list[str] = []

        def handle_data(self, data: str) -> None:
            self.data.append(data)

    probe = Probe()
    probe.feed("<!--x")
    probe.close()
    return "".join(probe.data).startswith("<")


_OLD = _old_end_of_input_recovery()


def _last_start(pattern: re.Pattern[str], text: str) -> int:
    """Start of the last match of ``pattern`` in ``text`` (-1 for none), in one pass."""
    last = -1
    for m in pattern.finditer(text):
        last = m.start()
    return last


class LinearHTMLParser(HTMLParser):
    """HTMLParser whose end-of-input recovery costs no rescans (see the module's doc)."""

    def reset(self) -> None:
        super().reset()
        self._scanned: str | None = None
        self._last: dict[str, int] = {}

    def _last_of(self, what: str) -> int:
        """Where the last ``>`` (or the last closer of a kind) starts in the buffer. The
        parser keeps one buffer per ``feed``/``close``, so this is computed twice at most."""
        raw = self.rawdata
        if self._scanned is not raw:
            self._scanned = raw
            self._last = {">": raw.rfind(">")}
        if what not in self._last:
            pattern = {"comment": COMMENT_CLOSE, "section": SECTION_CLOSE}.get(
                what, MS_SECTION_CLOSE
            )
            self._last[what] = _last_start(pattern, raw)
        return self._last[what]

    if _OLD:

        def parse_starttag(self, i: int) -> int:
            if i > self._last_of(">"):
                return -1  # no ">" left: it never closes
            return super().parse_starttag(i)

        def parse_endtag(self, i: int) -> int:
            if i > self._last_of(">"):
                return -1
            return super().parse_endtag(i)

        def parse_pi(self, i: int) -> int:
            if i > self._last_of(">"):
                return -1
            return super().parse_pi(i)

        def parse_comment(self, i: int, report: int = 1) -> int:
            if i + 4 > self._last_of("comment"):
                return -1  # no "-->" after it
            return super().parse_comment(i, report)

        def parse_html_declaration(self, i: int) -> int:
            if i > self._last_of(">"):
                return -1
            if self.rawdata.startswith("<![", i):
                return self._marked_section(i)
            return super().parse_html_declaration(i)

        def _marked_section(self, i: int) -> int:
            raw = self.rawdata
            name = DECL_NAME.match(raw, i + 3)
            if name is None:
                return self.parse_bogus_comment(i)
            if name.end() == len(raw):
                return -1
            keyword = name.group().strip().lower()
            if keyword in _SECTIONS:
                kind, pattern = "section", SECTION_CLOSE
            elif keyword in _MS_SECTIONS:
                kind, pattern = "ms-section", MS_SECTION_CLOSE
            else:
                return self.parse_bogus_comment(i)
            if i + 3 > self._last_of(kind):
                return -1
            close = pattern.search(raw, i + 3)
            if close is None:
                return -1
            self.unknown_decl(raw[i + 3 : close.start()])
            return close.end()
