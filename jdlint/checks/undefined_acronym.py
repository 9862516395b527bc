"""Acronyms used before they are spelled out: "LOS" before "length of stay (LOS)".

An acronym is two or more capitals (digits allowed inside, a plural "s" after: "ADLs").
It counts as defined from the place where it is spelled out, either way round: "Length
of Stay (LOS)" or "LOS (length of stay)", when the initials of the words match its
letters in order. Each acronym is reported once, at its first use.

Never reported: the pack's ``allow`` list (credentials and terms every reader of the
field knows), US state and territory codes, units, time zones, currency codes, Roman
numerals ("Case Manager II"), anything in a heading, ALL-CAPS shouting (three or more
capitalised words in a row, or a block mostly in capitals), and a capitalised name that
goes on with a capitalised word ("UCLA Health", "NYU Langone"), which is a proper name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..findings import Finding
from ..options import Option
from ..packs import Rule
from ..posting import Block
from .context import Context

KIND = "undefined-acronym"
OPTIONS = {
    "allow": Option(list[str], [], doc="acronyms every reader knows; never reported"),
    "max_length": Option(int, 8, doc="longer capitalised words are not acronyms"),
}
MESSAGE_FIELDS = ("acronym", "later")
NEEDS: frozenset[str] = frozenset()

# The look-behind sits after the first capital (it tests the character before it), so the
# pattern starts with a character class and the search skips ahead to capitals.
_ACRONYM = re.compile(r"([A-Z](?<![\w&'’.-][A-Z])[A-Z0-9]*[A-Z])(s?)(?![\w&-]|\.[A-Za-z]|/\d)")
_PAREN_AFTER = re.compile(r"\(\s*([A-Z][A-Z0-9]*[A-Z])s?\s*\)")
_PAREN_WORDS = re.compile(r"\s*\(([^()]{3,120})\)")
_WORD = re.compile(r"[^\W_]+")
_ALPHA_WORD = re.compile(r"\b[^\W\d_]{2,}\b")
_TOKEN = re.compile(r"\S+")
_CAPS_TOKEN = re.compile(r"^\W*[A-Z][A-Z'’&/-]*[A-Z]\W*$")
_NAME_GOES_ON = re.compile(r" [A-Z][a-z]+")
_NON_WORD = re.compile(r"\W")
_ROMAN = re.compile(r"^(?:X{0,3})(?:IX|IV|V?I{0,3})$")

US_STATES = frozenset(
    [
        "AL",
        "AK",
        "AZ",
        "AR",
        "CA",
        "CO",
        "CT",
        "DE",
        "FL",
        "GA",
        "HI",
        "ID",
        "IL",
        "IN",
        "IA",
        "KS",
        "KY",
        "LA",
        "ME",
        "MD",
        "MA",
        "MI",
        "MN",
        "MS",
        "MO",
        "MT",
        "NE",
        "NV",
        "NH",
        "NJ",
        "NM",
        "NY",
        "NC",
        "ND",
        "OH",
        "OK",
        "OR",
        "PA",
        "RI",
        "SC",
        "SD",
        "TN",
        "TX",
        "UT",
        "VT",
        "VA",
        "WA",
        "WV",
        "WI",
        "WY",
        "DC",
        "PR",
        "VI",
        "GU",
        "AS",
        "MP",
    ]
)
UNITS = frozenset(
    [
        "MG",
        "ML",
        "KG",
        "LB",
        "LBS",
        "OZ",
        "FT",
        "IN",
        "KM",
        "CM",
        "MM",
        "MPH",
        "KPH",
        "HR",
        "HRS",
        "MIN",
        "MINS",
        "SEC",
        "GB",
        "MB",
        "TB",
        "KB",
    ]
)
TIME_ZONES = frozenset(
    [
        "ET",
        "CT",
        "MT",
        "PT",
        "EST",
        "EDT",
        "CST",
        "CDT",
        "MST",
        "MDT",
        "PST",
        "PDT",
        "GMT",
        "UTC",
        "BST",
        "CET",
    ]
)
CURRENCIES = frozenset(["USD", "CAD", "GBP", "EUR", "AUD", "NZD"])
BUILTIN = US_STATES | UNITS | TIME_ZONES | CURRENCIES


@dataclass
class _Use:
    block: Block
    start: int
    end: int


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    allow = {a.upper() for a in rule.options["allow"]} | BUILTIN
    max_len = rule.options["max_length"]
    blocks = ctx.posting.blocks
    defined: dict[str, tuple[int, int]] = {}  # acronym -> (block index, offset) defined at
    first_use: dict[str, _Use] = {}
    for block in blocks:
        text = block.text
        for acr, pos in _definitions(text):
            defined.setdefault(acr, (block.index, pos))
        if block.kind == "heading" or _shouting(text):
            continue
        for m in _ACRONYM.finditer(text):
            acr = m.group(1)
            if len(acr) > max_len or acr in allow or (acr + m.group(2)).upper() in allow:
                continue
            if _ROMAN.match(acr) or _is_word(m.group(0)) or _in_caps_run(text, m.start(), m.end()):
                continue
            if _proper_name(text, m.end()):
                continue
            if acr in first_use:
                continue
            first_use[acr] = _Use(block, m.start(1), m.end(2))
    for acr, use in sorted(first_use.items(), key=lambda kv: (kv[1].block.index, kv[1].start)):
        where = defined.get(acr)
        if where is not None and where <= (use.block.index, use.start):
            continue
        later = ""
        if where is not None:
            line = ctx.posting.lines.line_col(blocks[where[0]].source_span(where[1])[0])[0]
            later = f" (it is spelled out later, on line {line})"
        start, end = use.block.source_span(use.start, use.end)
        yield rule.finding(start, end, acronym=use.block.text[use.start : use.end], later=later)


def _definitions(text: str) -> Iterator[tuple[str, int]]:
    """Acronyms spelled out in ``text``: "Long Form (LF)" and "LF (long form)"."""
    for m in _PAREN_AFTER.finditer(text):
        acr = m.group(1)
        before = _WORD.findall(text[max(0, m.start() - 160) : m.start()])
        if _initials_match(acr, before[-(2 * len(acr) + 3) :]):
            yield acr, m.start(1)
    for m in _ACRONYM.finditer(text):
        p = _PAREN_WORDS.match(text, m.end())
        if p and _initials_match(m.group(1), _WORD.findall(p.group(1)), before=False):
            yield m.group(1), m.start(1)


def _initials_match(acr: str, words: list[str], *, before: bool = True) -> bool:
    """The acronym's letters, in order, are initials of the words or of their camel-case
    parts ("HealthCare" gives H and C), ending (before a parenthesis) or starting (inside
    one) next to the acronym."""
    letters = [c for c in acr.upper() if c.isalpha()]
    if len(letters) < 2 or not words:
        return False
    parts = [
        "".join(c for i, c in enumerate(w) if i == 0 or (c.isupper() and w[i - 1].islower()))
        for w in words
    ]
    if before:
        # Match from the right: the last letter must come from one of the last two words.
        seq = [p.upper()[::-1] for p in reversed(parts)]
        need = letters[::-1]
    else:
        seq = [p.upper() for p in parts]
        need = letters
    k = 0
    for n, p in enumerate(seq):
        for c in p:
            if k < len(need) and c == need[k]:
                k += 1
        if k == 0 and n >= 1:
            return False
    return k == len(need)


def _shouting(text: str) -> bool:
    words = _ALPHA_WORD.findall(text)
    if len(words) < 4:
        return False
    caps = sum(1 for w in words if w.isupper())
    return caps / len(words) >= 0.6


def _in_caps_run(text: str, start: int, end: int) -> bool:
    """Three or more capitalised words in a row ("APPLY TODAY FOR"): shouting, not acronyms."""
    words = list(_TOKEN.finditer(text))
    i = next((k for k, w in enumerate(words) if w.start() <= start < w.end()), None)
    if i is None:
        return False

    def caps(k: int) -> bool:
        return bool(_CAPS_TOKEN.match(words[k].group()))

    lo = i
    while lo > 0 and caps(lo - 1) and text[words[lo - 1].end() : words[lo].start()] == " ":
        lo -= 1
    hi = i
    while (
        hi + 1 < len(words)
        and caps(hi + 1)
        and text[words[hi].end() : words[hi + 1].start()] == " "
    ):
        hi += 1
    n = hi - lo + 1
    return n >= 3 or (n == 2 and any(_is_word(words[k].group()) for k in range(lo, hi + 1)))


_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "be",
        "by",
        "do",
        "for",
        "go",
        "he",
        "if",
        "in",
        "is",
        "it",
        "me",
        "my",
        "no",
        "of",
        "on",
        "or",
        "so",
        "the",
        "to",
        "up",
        "us",
        "we",
    ]
)
_lemmas: frozenset[str] | None = None
_table: Any = None


def _is_word(token: str) -> bool:
    """An English word in capitals ("TEAM", "REMOTE", "REPORTS"): emphasis or a name, not
    an acronym to spell out. Known from the lemma lookup table (``jdlint/lemmas.py``)."""
    global _lemmas, _table
    w = _NON_WORD.sub("", token).lower()
    if w in _FUNCTION_WORDS:
        return True
    if _lemmas is None:
        from .. import lemmas

        _table = lemmas.TABLE
        _lemmas = lemmas.all_lemmas()
    if w in _lemmas:
        return True
    lemma = _table.get(w)
    return isinstance(lemma, str) and len(lemma) >= 3 and lemma != w and lemma in _lemmas


def _proper_name(text: str, end: int) -> bool:
    """ "UCLA Health", "BJC HealthCare": the acronym is part of a name."""
    return _NAME_GOES_ON.match(text, end) is not None
