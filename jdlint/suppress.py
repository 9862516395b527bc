"""Inline suppression comments in Markdown and HTML.

``<!-- jdlint-disable [CODES] -->`` turns rules off until ``<!-- jdlint-enable [CODES] -->``
or the end of the file; ``<!-- jdlint-disable-next-line [CODES] -->`` covers the next
non-blank line and ``<!-- jdlint-disable-line [CODES] -->`` its own line (the ESLint and
markdownlint habit). A comment that starts with "jdlint" and nearly names one of these
(``jdlint: disable``, ``jdlint-disable-next``, ``jdlint-ignore``) is a near miss that the
engine reports (S002) instead of ignoring. CODES are codes, prefixes or names separated by commas or spaces; none
(or ``all``) means every rule. ``<!-- jdlint-enable S201 -->`` after a wider disable
(``<!-- jdlint-disable -->`` or ``<!-- jdlint-disable S2 -->``) turns S201 back on and
leaves the rest off.

Every step is linear in the posting: comments are found with one forward scan (an opener
that is never closed costs no more than the text up to the next ``>``), the line each
``disable-next-line`` covers is found in one pass, and a finding is checked against an
index of the regions, not each region in turn.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from .source import LineIndex

# ``<!--\s*jdlint-ACTION:?([^>]*?)-->``, matched in two steps so that no opener scans the
# rest of the text: the head, then the first ">" after it, which must end "-->". The action
# ends at white space, ":" or the comment's end: "jdlint-disable-next" is a near miss.
ACTIONS = ("disable-next-line", "disable-line", "disable", "enable")
_HEAD = re.compile(
    r"<!--\s*jdlint-(disable-next-line|disable-line|disable|enable)(?=[\s:]|-->):?",
    re.IGNORECASE,
)
# A comment that starts with "jdlint" (near misses are judged on the word after it).
_NEAR = re.compile(r"<!--\s*jdlint(?![A-Za-z0-9])", re.IGNORECASE)
_NEAR_WORD = re.compile(r"(\s*[-:_.]?\s*)([A-Za-z][A-Za-z_-]{0,30})")
# Words people type for an action that is spelled otherwise here.
_HABITS = {
    "disable-file": "disable",
    "ignore": "disable",
    "off": "disable",
    "ignore-line": "disable-line",
    "ignore-next-line": "disable-next-line",
    "on": "enable",
}
_GT = re.compile(">")
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


def comments(text: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, action, selectors text) of each suppression comment, in order."""
    gt = -1  # the first ">" at or after the last head, found once for every head before it
    resume = 0
    for m in _HEAD.finditer(text):
        if m.start() < resume:
            continue  # inside the comment found before
        if gt < m.end():
            found = _GT.search(text, m.end())
            if found is None:
                return  # no ">" left: no comment can close
            gt = found.start()
        if gt - 2 >= m.end() and text.startswith("-->", gt - 2):
            resume = gt + 1
            yield m.start(), gt + 1, m.group(1).lower(), text[m.end() : gt - 2]


@dataclass(frozen=True)
class Mention:
    """A suppression comment's codes, to check against the packs: where, which action."""

    line: int
    action: str
    selectors: tuple[str, ...]


@dataclass(frozen=True)
class NearMiss:
    """A comment that looks like a suppression and is none: what was typed, what was meant."""

    line: int
    typed: str
    meant: str


@dataclass
class Scan:
    regions: list[Region]
    mentions: list[Mention]
    near_misses: list[NearMiss]


def parse(text: str, lines: LineIndex) -> tuple[list[Region], list[tuple[int, str]]]:
    """Suppressed regions, and (line, selector) pairs for codes to check against the packs."""
    found = scan(text, lines)
    return found.regions, [(m.line, s) for m in found.mentions for s in m.selectors]


def near_misses(text: str, lines: LineIndex) -> list[NearMiss]:
    """Comments starting with "jdlint" whose next word is close to an action but is not
    one. Each is read in a window of a few dozen characters, so the scan stays linear."""
    from .didyoumean import close_match

    out = []
    for m in _NEAR.finditer(text):
        word = _NEAR_WORD.match(text, m.end(), m.end() + 40)
        if word is None:
            continue
        typed = word.group(2).lower().replace("_", "-").rstrip("-")
        if word.group(1) == "-" and typed in ACTIONS:
            continue  # a suppression comment (closed or not: comments() judges that)
        started = [a for a in ACTIONS if a.startswith(typed) and len(typed) >= 4]
        meant = (
            _HABITS.get(typed)
            or (started[-1] if started else None)
            or close_match(typed, ACTIONS, cutoff=0.8)
        )
        if meant is None:
            continue  # a comment about jdlint, not an attempt at a suppression
        shown = text[m.start() + 4 : word.end()].strip().rstrip("-")
        out.append(NearMiss(lines.line_col(m.start())[0], shown, f"jdlint-{meant}"))
    return out


def scan(text: str, lines: LineIndex) -> Scan:
    """Suppressed regions, the codes comments name, and the near misses."""
    regions: list[Region] = []
    # selector -> (start line, comment line, exempt selectors)
    open_: dict[str, tuple[int, int, tuple[str, ...]]] = {}
    mentions: list[Mention] = []
    last_line = len(lines.starts)
    content = _ContentLines(text, lines)
    for start, end, action, body in comments(text):
        raw = tuple(s for s in re.split(r"[\s,]+", body.strip()) if s)
        line = lines.line_col(start)[0]
        end_line = lines.line_col(end)[0]
        named = tuple(s for s in raw if _normalise(s) != ALL)
        if named:
            mentions.append(Mention(line, action, named))
        selectors = tuple(dict.fromkeys(_normalise(s) for s in raw)) or (ALL,)
        if ALL in selectors:
            selectors = (ALL,)
        if action == "disable-next-line":
            target = content.after(end_line)
            regions.append(Region(target, target, selectors, line))
        elif action == "disable-line":
            regions.append(Region(line, end_line, selectors, line))
        elif action == "disable":
            for s in selectors:
                if s not in open_:
                    open_[s] = (line, line, ())
                else:  # disabled again: it is no longer exempt
                    start_line, comment, exempt = open_[s]
                    if exempt:
                        regions.append(Region(start_line, line, (s,), comment, exempt))
                        open_[s] = (line, comment, ())
        else:
            for s in list(open_):
                start_line, comment, exempt = open_[s]
                if selectors == (ALL,) or s in selectors:
                    regions.append(Region(start_line, line, (s,), comment, exempt))
                    del open_[s]
                else:
                    narrower = tuple(x for x in selectors if _covers(s, x) and x not in exempt)
                    if narrower:
                        regions.append(Region(start_line, line, (s,), comment, exempt))
                        open_[s] = (line, comment, exempt + narrower)
    for s, (start_line, comment, exempt) in open_.items():
        regions.append(Region(start_line, last_line, (s,), comment, exempt))
    return Scan(regions, mentions, near_misses(text, lines))


class _ContentLines:
    """The first non-blank line after a given line, for lines asked in increasing order:
    one pass over the text for all the comments of a posting."""

    def __init__(self, text: str, lines: LineIndex) -> None:
        self.text, self.lines = text, lines
        self.count = len(lines.starts)
        self.found = 0  # the answer for every line from ``asked`` up to it

    def after(self, line: int) -> int:
        if self.found <= line:
            self.found = line + 1
            while self.found <= self.count and not self._has_content(self.found):
                self.found += 1
            if self.found > self.count:
                self.found = 0  # none: not kept, so a later question scans from its line
                return line + 1
        return self.found

    def _has_content(self, line: int) -> bool:
        lo, hi = self.lines.offset(line), self.lines.line_end(line)
        return bool(self.text[lo:hi].strip())


def _selects(selector: str, code: str, name: str) -> bool:
    return selector == ALL or code.startswith(selector.upper()) or name == selector.lower()


def suppressed(regions: list[Region], line: int, code: str, name: str) -> bool:
    """Whether any region suppresses the finding (one check per region; see Suppressions
    for many findings)."""
    for r in regions:
        if (
            r.start_line <= line <= r.end_line
            and any(_selects(s, code, name) for s in r.selectors)
            and not any(_selects(s, code, name) for s in r.exempt)
        ):
            return True
    return False


def _keys(code: str, name: str) -> tuple[str, ...]:
    """Every selector that selects a rule: ALL, each prefix of its code, its name."""
    return (ALL, *(code[:i].upper() for i in range(1, len(code) + 1)), name.lower())


class Suppressions:
    """The regions of a posting indexed for checking many findings.

    One-line regions without exemptions (``disable-next-line``) go in a set of (selector,
    line); the ranges of ``disable`` ... ``enable`` in a list per selector sorted by start,
    where they do not overlap (a selector is disabled once at a time; two ranges share at
    most a boundary line). A finding looks up the few selectors that select it.
    """

    def __init__(self, regions: list[Region]) -> None:
        self._lines: set[tuple[str, int]] = set()
        ranges: dict[str, list[Region]] = {}
        for r in regions:
            for s in r.selectors:
                if r.start_line == r.end_line and not r.exempt:
                    self._lines.add((s, r.start_line))
                else:
                    ranges.setdefault(s, []).append(r)
        self._ranges = {
            s: ([r.start_line for r in rs], rs)
            for s, rs in ((s, sorted(rs, key=lambda r: r.start_line)) for s, rs in ranges.items())
        }

    def covers(self, line: int, code: str, name: str) -> bool:
        keys = _keys(code, name)
        for key in keys:
            if (key, line) in self._lines:
                return True
            entry = self._ranges.get(key)
            if entry is None:
                continue
            starts, rs = entry
            # Back from the last range starting at or before the line: their end lines do
            # not decrease, so the first that ends above the line ends the search.
            j = bisect_right(starts, line) - 1
            while j >= 0 and rs[j].end_line >= line:
                if not any(x in rs[j].exempt for x in keys):
                    return True
                j -= 1
        return False
