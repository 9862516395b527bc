"""Regular expressions from packs and config: checked before they are ever run.

A pack or config may give a regular expression (``text_pattern``, ``absent_pattern``,
``ignore_pattern``). Python's ``re`` backtracks, so a pattern such as ``(a+)+$`` or
``(a|aa)*b`` takes time exponential in the length of a line it fails on: one posting
would hang the linter. Each such pattern is parsed with Python's own regex parser when
the pack or config is loaded and refused, with the pack's file and line, when it has

- a quantified group that itself holds an unbounded quantifier (``(a+)+``, ``(\\w*\\s?)*``),
  that is a star height above one;
- an alternation under an unbounded quantifier whose branches can start with the same
  character or match nothing (``(a|aa)*``, ``(x|)+``): many ways to split one string;
- a back-reference (``(a)\\1``), which no automaton can match and which makes matching
  NP-hard in general;
- two unbounded repeats in a row that can take the same character, with nothing between
  them that could not take it too (``.*.*``, ``\\w+\\s*\\w+``, ``.*Q.*Q``): a run of that
  character splits between them in as many ways as it is long, so matching takes time
  polynomial of a high degree (``(?s).*.*.*.*Q`` ran for hours on 281 bytes);
- more than ``MAX_LENGTH`` characters, or more than ``MAX_UNBOUNDED`` unbounded quantifiers.

What is left runs in polynomial time, and postings are bounded by ``max-file-size``; the
per-posting CPU budget (``budget.py``) interrupts a search that still takes too long. A
pattern is only ever compiled and searched; nothing in it is evaluated.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from typing import Any

if sys.version_info >= (3, 11):
    from re import _constants as _c
    from re import _parser as _sre_parse
else:  # pragma: no cover
    import sre_constants as _c
    import sre_parse as _sre_parse

MAX_LENGTH = 1000
MAX_UNBOUNDED = 12

_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT}
# Possessive quantifiers and atomic groups (3.11+) never backtrack into what they matched.
_POSSESSIVE = {_c.POSSESSIVE_REPEAT} if hasattr(_c, "POSSESSIVE_REPEAT") else set()
_ATOMIC = {_c.ATOMIC_GROUP} if hasattr(_c, "ATOMIC_GROUP") else set()
_GROUPREFS = {
    getattr(_c, name)
    for name in ("GROUPREF", "GROUPREF_IGNORE", "GROUPREF_LOC_IGNORE", "GROUPREF_UNI_IGNORE")
    if hasattr(_c, name)
}
_UNBOUNDED = 100  # a repeat allowing more than this many is treated as unbounded

# A first-character set that stands for "could be many characters": categories, ANY, ...
_WIDE: Any = None


class UnsafePattern(ValueError):
    """A regular expression that is invalid or could backtrack catastrophically."""


def problem(pattern: str, flags: int = 0) -> str | None:
    """Why ``pattern`` may not be used, or None when it is safe to compile and run."""
    if len(pattern) > MAX_LENGTH:
        return f"is {len(pattern):,} characters long (at most {MAX_LENGTH:,})"
    try:
        re.compile(pattern, flags)
        parsed = _sre_parse.parse(pattern, flags)
    except (re.error, OverflowError, RecursionError) as e:
        return f"is not a valid regular expression: {e}"
    ignore_case = bool((flags | parsed.state.flags) & re.IGNORECASE)
    checker = _Checker(ignore_case)
    try:
        checker.walk(list(parsed), inside_unbounded=False)
        _Adjacent(ignore_case, bool((flags | parsed.state.flags) & re.DOTALL)).check(list(parsed))
    except UnsafePattern as e:
        return str(e)
    except RecursionError:
        return "is nested too deeply"
    if checker.unbounded > MAX_UNBOUNDED:
        return (
            f"has {checker.unbounded} unbounded repeats (at most {MAX_UNBOUNDED}); "
            "split it or use bounded ones such as {0,20}"
        )
    return None


@lru_cache(maxsize=512)
def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile`` for a pattern from data; raises UnsafePattern instead of compiling
    one that could hang."""
    why = problem(pattern, flags)
    if why:
        raise UnsafePattern(f"regular expression {pattern!r} {why}")
    return re.compile(pattern, flags)


def validate(name: str, pattern: str, flags: int = 0) -> list[str]:
    """Errors for an option holding a regular expression (for a kind's ``validate``)."""
    if not pattern:
        return []
    why = problem(pattern, flags)
    return [f"{name} {why}"] if why else []


class _Checker:
    def __init__(self, ignore_case: bool) -> None:
        self.ignore_case = ignore_case
        self.unbounded = 0

    def walk(self, items: list[tuple[Any, Any]], inside_unbounded: bool) -> bool:
        """Walk a sequence; True when it holds an unbounded repeat."""
        found = False
        for op, av in items:
            if op in _REPEATS:
                _lo, hi, body = av
                unbounded = hi is _c.MAXREPEAT or hi > _UNBOUNDED
                if unbounded:
                    self.unbounded += 1
                    if inside_unbounded:
                        raise UnsafePattern(
                            "nests an unbounded repeat inside another one, as in (a+)+: "
                            "it can take exponential time on a line it does not match"
                        )
                inner = self.walk(list(body), inside_unbounded or unbounded)
                if inner and hi > 1 and not unbounded:
                    # (a+){2,5}: a bounded repeat of an unbounded one still multiplies.
                    raise UnsafePattern(
                        "repeats a group that holds an unbounded repeat, as in (a+){2,9}: "
                        "it can take exponential time on a line it does not match"
                    )
                if unbounded:
                    self._check_body(list(body))
                found = found or unbounded or inner
            elif op in _POSSESSIVE or op in _ATOMIC:
                body = av[2] if op in _POSSESSIVE else av
                found = self.walk(list(body), False) or found
            elif op is _c.SUBPATTERN:
                found = self.walk(list(av[-1]), inside_unbounded) or found
            elif op is _c.BRANCH:
                for alt in av[1]:
                    found = self.walk(list(alt), inside_unbounded) or found
            elif op in (_c.ASSERT, _c.ASSERT_NOT):
                found = self.walk(list(av[1]), inside_unbounded) or found
            elif op is _c.GROUPREF_EXISTS:
                raise UnsafePattern("uses a conditional group, which is not allowed")
            elif op in _GROUPREFS:
                raise UnsafePattern("uses a back-reference, which is not allowed")
        return found

    def _check_body(self, body: list[tuple[Any, Any]]) -> None:
        """A repeated body must split a string one way only: alternatives start differently,
        and an optional part at its end cannot also start the next repetition ((a|aa)*,
        (aa?)*: the number of ways to split "aaaa..." grows exponentially)."""
        start, _ = self._first(body)
        self._scan(body, start, tail=True)

    def _scan(self, items: list[tuple[Any, Any]], start: Any, tail: bool) -> None:
        for i, (op, av) in enumerate(items):
            in_tail = tail and all(self._first_of(o, a)[1] for o, a in items[i + 1 :])
            if op is _c.SUBPATTERN:
                self._scan(list(av[-1]), start, in_tail)
            elif op is _c.BRANCH:
                alts = [self._first(list(alt)) for alt in av[1]]
                firsts = [f for f, _ in alts]
                for j, a in enumerate(firsts):
                    for b in firsts[j + 1 :]:
                        if _overlap(a, b):
                            raise UnsafePattern(
                                "repeats an alternation whose branches can start alike, as in "
                                "(a|ab)*: it can take exponential time; make the branches "
                                "start differently"
                            )
                optional = any(nullable for _, nullable in alts)
                for alt in av[1]:
                    self._scan(list(alt), start, in_tail)
                if optional and in_tail and any(_overlap(f, start) for f in firsts):
                    raise _ambiguous()
            elif op in _REPEATS and av[0] < av[1]:
                first, _ = self._first(list(av[2]))
                if in_tail and _overlap(first, start):
                    raise _ambiguous()

    def _first(self, items: list[tuple[Any, Any]]) -> tuple[Any, bool]:
        """(characters a match can start with, or _WIDE; whether it can match nothing)."""
        out: set[str] = set()
        for op, av in items:
            first, nullable = self._first_of(op, av)
            if first is _WIDE:
                return _WIDE, False
            out |= first
            if not nullable:
                return frozenset(out), False
        return frozenset(out), True

    def _first_of(self, op: Any, av: Any) -> tuple[Any, bool]:
        if op is _c.LITERAL:
            return self._chars(chr(av)), False
        if op is _c.IN:
            chars: set[str] = set()
            for kind, value in av:
                if kind is _c.LITERAL:
                    chars |= self._chars(chr(value))
                elif kind is _c.RANGE and value[1] - value[0] < 256:
                    for code in range(value[0], value[1] + 1):
                        chars |= self._chars(chr(code))
                else:  # NEGATE, CATEGORY, wide RANGE
                    return _WIDE, False
            return frozenset(chars), False
        if op is _c.SUBPATTERN:
            return self._first(list(av[-1]))
        if op in _REPEATS or op in _POSSESSIVE:
            first, nullable = self._first(list(av[2]))
            return first, nullable or av[0] == 0
        if op is _c.BRANCH:
            out: set[str] = set()
            any_null = False
            for alt in av[1]:
                first, nullable = self._first(list(alt))
                if first is _WIDE:
                    return _WIDE, False
                out |= first
                any_null = any_null or nullable
            return frozenset(out), any_null
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            return frozenset(), True
        return _WIDE, False

    def _chars(self, ch: str) -> frozenset[str]:
        if self.ignore_case:
            return frozenset({ch.lower(), ch.upper()})
        return frozenset({ch})


def _overlap(a: Any, b: Any) -> bool:
    return a is _WIDE or b is _WIDE or bool(a & b)


def _ambiguous() -> UnsafePattern:
    return UnsafePattern(
        "repeats a group whose optional end can also start the next repetition, as in "
        "(a|aa)* or (aa?)*: it can take exponential time"
    )


# Characters to test two character classes on: they overlap when one of these is in both.
_SAMPLE = "".join(chr(c) for c in range(0x09, 0x7F)) + "\x85\xa0\u2028\u3000éßÉσΣяЯ٣０ａＡ中_"


class _Adjacent:
    """Rejects unbounded repeats that can share a run of one character (see the module's
    doc): in one sequence (groups flattened), two unbounded repeats whose bodies both take
    some character c, where every item between them takes c or can match nothing."""

    def __init__(self, ignore_case: bool, dotall: bool) -> None:
        self.flags = (re.IGNORECASE if ignore_case else 0) | (re.DOTALL if dotall else 0)

    def check(self, items: list[tuple[Any, Any]]) -> None:
        flat = self._flatten(items)
        repeats = [
            i
            for i, (op, av) in enumerate(flat)
            if op in _REPEATS and (av[1] is _c.MAXREPEAT or av[1] > _UNBOUNDED)
        ]
        for a, i in enumerate(repeats):
            for j in repeats[a + 1 :]:
                shared = self._chars(flat[i]) & self._chars(flat[j])
                for op, av in flat[i + 1 : j]:
                    if not shared:
                        break
                    if not self._nullable(op, av):
                        shared &= self._chars((op, av))
                if shared:
                    raise UnsafePattern(
                        "has unbounded repeats in a row that can match the same text, as in "
                        ".*.* or \\w+\\s*\\w+: a long run of one character splits between them "
                        "in many ways; join them into one repeat or bound them ({0,50})"
                    )
        # Each alternative, and each repeated body, is a sequence of its own.
        for op, av in flat:
            if op is _c.BRANCH:
                for alt in av[1]:
                    self.check(list(alt))
            elif op in _REPEATS or op in _POSSESSIVE:
                self.check(list(av[2]))
            elif op in _ATOMIC:
                self.check(list(av))
            elif op in (_c.ASSERT, _c.ASSERT_NOT):
                self.check(list(av[1]))

    def _flatten(self, items: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
        out: list[tuple[Any, Any]] = []
        for op, av in items:
            if op is _c.SUBPATTERN:
                out.extend(self._flatten(list(av[-1])))
            else:
                out.append((op, av))
        return out

    def _nullable(self, op: Any, av: Any) -> bool:
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            return True
        if op in _REPEATS or op in _POSSESSIVE:
            return av[0] == 0
        if op is _c.BRANCH:
            return any(all(self._nullable(o, a) for o, a in alt) for alt in av[1])
        return False

    def _chars(self, item: tuple[Any, Any]) -> set[str]:
        """The sample characters an item can start with (for a repeat: its body)."""
        op, av = item
        if op in _REPEATS or op in _POSSESSIVE:
            body = self._flatten(list(av[2]))
            return self._chars(body[0]) if body else set()
        if op is _c.BRANCH:
            out: set[str] = set()
            for alt in av[1]:
                flat = self._flatten(list(alt))
                if flat:
                    out |= self._chars(flat[0])
            return out
        source = _item_source(op, av)
        if source is None:
            return set(_SAMPLE)  # something wider: assume it takes anything
        if source == "":
            return set()
        matcher = re.compile(source, self.flags)
        return {ch for ch in _SAMPLE if matcher.fullmatch(ch)}


_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}


def _item_source(op: Any, av: Any) -> str | None:
    """A one-character item as a pattern of its own ("" for none), or None when it is not
    one character (a group, a literal run) and must be assumed to take anything."""
    if op is _c.LITERAL:
        return re.escape(chr(av))
    if op is _c.NOT_LITERAL:
        return f"[^{re.escape(chr(av))}]"
    if op is _c.ANY:
        return "."
    if op is _c.IN:
        parts = []
        for kind, value in av:
            if kind is _c.NEGATE:
                parts.insert(0, "^")
            elif kind is _c.LITERAL:
                parts.append(re.escape(chr(value)))
            elif kind is _c.RANGE:
                parts.append(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
            elif kind is _c.CATEGORY:
                name = _CATEGORIES.get(getattr(value, "name", str(value)))
                if name is None:
                    return None
                parts.append(name)
            else:
                return None
        return "[" + "".join(parts) + "]" if parts else ""
    return None
