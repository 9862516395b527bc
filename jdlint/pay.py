"""Pay stated in a posting: a range, a fixed rate, or an open-ended form.

One parser for every rule that reads pay (the compliance rules, ``jdlint jsonld``). It
recognises what the S104 text pattern does ("$52,000 - $60,000", "£14.50 per hour") and
more: "$50K-$60K", "$25 to $30/hr", "USD 50,000 - 60,000", open-ended forms that pay
transparency laws reject ("up to $62,000", "starting at $50,000", "$40,000+", "$20/hour and
up") and pay words with no figure at all ("competitive salary", "DOE", "commensurate with
experience"). Amounts followed by a bonus, stipend or allowance are not pay ("$1,500 home
office stipend"), and neither are amounts with no pay word or unit near them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Any

from .prefilter import lacks

CURRENCY_SYMBOLS = {"$": "USD", "£": "GBP", "€": "EUR"}
_CODES = r"USD|CAD|GBP|EUR|AUD|NZD"
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# "£400m", "$2.6B", "£1 billion": a turnover or a budget, never pay.
_NOT_MILLIONS = r"(?![\d]|[.,]\d|\s?(?:m|mn|bn|b|million|billion|trillion)\b)"
_A = (
    r"(?:(?P<asym>[$£€])\s?|(?P<acode>" + _CODES + r")\s?\$?\s?)"
    r"(?P<anum>" + _NUM + r")\s?(?P<ak>[kK]\b)?" + _NOT_MILLIONS
)
_B = (
    r"(?:(?P<bsym>[$£€])\$?\s?|(?P<bcode>" + _CODES + r")\s?\$?\s?)?"
    r"(?P<bnum>" + _NUM + r")\s?(?P<bk>[kK]\b)?" + _NOT_MILLIONS
)
_DASH = r"\s*(?:-|–|—|~|to|and)\s*"
_UNIT = (
    r"(?:\s*(?:USD|CAD|GBP|EUR)\b)?\s*(?:(?:per|an|a|/|each)\s*)?"
    r"(?P<unit>hour|hr|hourly|year|yr|annum|annually|annual|yearly|month|monthly|mo|week|weekly|wk|day|daily)\b"
)
_RANGE = re.compile(_A + _DASH + _B + rf"(?:{_UNIT})?", re.I)
_SINGLE = re.compile(_A + rf"(?:{_UNIT})?", re.I)
_OPEN_BEFORE = re.compile(
    r"\b(up\s+to|as\s+much\s+as|maximum(?:\s+of)?|max\.?|starting\s+(?:at|from)|starts?\s+at|"
    r"from|minimum(?:\s+of)?|min\.?|at\s+least|no\s+less\s+than|in\s+excess\s+of|over)\s*$",
    re.I,
)
_OPEN_AFTER = re.compile(
    r"^\s*(\+|and\s+(?:up|above|over)|or\s+(?:more|above|higher)|plus\b)", re.I
)
_NOT_PAY_AFTER = re.compile(
    r"^\s*(?:(?:a|an|per|each|one-time|annual|yearly|monthly|home|office|cash|[\w-]+)\s+){0,2}?"
    r"(bonus|bonuses|stipend|allowance|sign[- ]on|signing|reimburse\w*|relocation|"
    r"tuition|referral|fee|budget|gift|credit|raise|revenue|funding|grant|"
    r"seed|investment|deductible|match)\b",
    re.I,
)
_NOT_PAY_BEFORE = re.compile(
    r"\b(bonus|stipend|allowance|sign[- ]on|reimburse\w*|relocation|tuition|raised|revenue|"
    r"funding|budget|grant|fund)\b[^.;\n]{0,25}$",
    re.I,
)
_PAY_WORD = re.compile(
    r"\b(pay|paid|salary|salaries|wage|wages|compensation|rate|range|base|earn|earning|"
    r"annum|hourly|OTE|band|grade|scale|stipend)\b",
    re.I,
)
# Pay words that promise no figure: none of these satisfies a range requirement.
VAGUE = re.compile(
    r"\b(competitive\s+(?:pay|salary|salaries|wages?|compensation|rates?|hourly\s+rate|base\s+pay|"
    r"benefits\s+and\s+(?:pay|salary))|"
    r"(?:pay|salary|compensation|wages?)\s+(?:is\s+)?(?:competitive|negotiable|DOE|DOQ|TBD)|"
    r"DOE|DOQ|depending\s+on\s+experience|dependent\s+on\s+experience|"
    r"commensurate\s+with\s+(?:experience|qualifications)|based\s+on\s+experience|negotiable|"
    r"market[- ]rate)\b",
    re.I,
)

# What every match of _RANGE and _SINGLE holds: a currency symbol or code (``_A``).
_FIGURE_NEEDS = ("$", "£", "€", *(code.lower() for code in _CODES.split("|")))
# A word every match of VAGUE holds (``prefilter.lacks``).
_VAGUE_NEEDS = (
    "competitive",
    "negotiable",
    "doe",
    "doq",
    "tbd",
    "experience",
    "commensurate",
    "market",
)


@dataclass
class Pay:
    """What a posting says about pay.

    ``kind`` is ``range`` (minimum and maximum), ``fixed`` (one rate), ``open`` (an
    open-ended figure: "up to $62,000") or ``vague`` (no figure: "competitive salary").
    ``phrase`` is the text as written; ``start``/``end`` are offsets in the text parsed.
    """

    kind: str
    phrase: str
    minimum: float | None = None
    maximum: float | None = None
    currency: str | None = None
    unit: str | None = None  # HOUR, DAY, WEEK, MONTH, YEAR
    start: int = 0
    end: int = 0
    block: Any = None  # the posting block it was found in; None for front matter

    @property
    def is_range(self) -> bool:
        """A range with both ends, or a fixed rate (minimum = maximum), as the laws accept."""
        return self.kind in ("range", "fixed")


_UNITS = {
    "hour": "HOUR",
    "hr": "HOUR",
    "hourly": "HOUR",
    "year": "YEAR",
    "yr": "YEAR",
    "annum": "YEAR",
    "annually": "YEAR",
    "annual": "YEAR",
    "yearly": "YEAR",
    "month": "MONTH",
    "monthly": "MONTH",
    "mo": "MONTH",
    "week": "WEEK",
    "weekly": "WEEK",
    "wk": "WEEK",
    "day": "DAY",
    "daily": "DAY",
}


def _number(num: str, k: str | None) -> float:
    value = float(num.replace(",", ""))
    return value * 1000 if k else value


def _currency(sym: str | None, code: str | None) -> str | None:
    if code:
        return code.upper()
    return CURRENCY_SYMBOLS.get(sym or "")


def _guess_unit(value: float) -> str | None:
    if value >= 10_000:
        return "YEAR"
    if value < 500:
        return "HOUR"
    return None


def _plausible(value: float, unit: str | None) -> bool:
    if unit == "HOUR":
        return 5 <= value <= 1_000
    if unit == "YEAR":
        return 8_000 <= value <= 5_000_000
    return value >= 5


_DIGIT = re.compile(r"\d")  # as _NUM's \d: any Unicode digit


def find(text: str) -> list[Pay]:
    """Every statement of pay in ``text``, in order: ranges, fixed rates, open and vague forms."""
    found: list[Pay] = []
    # Spans already taken, checked without a pass over all of them (that pass made a long
    # list of figures quadratic): the ranges in order of start (they do not overlap, so
    # their ends are in order too), the single figures by their furthest end (they are
    # met in order of start), and for the vague words all of them merged.
    if not _DIGIT.search(text) or lacks(text, _FIGURE_NEEDS):
        # No figure with a currency: only the vague words can be here, and the figure
        # patterns (tried at every character) are most of the cost on the many blocks
        # that state no pay.
        if lacks(text, _VAGUE_NEEDS):
            return []
        return [
            Pay("vague", m.group(0), start=m.start(), end=m.end()) for m in VAGUE.finditer(text)
        ]
    ranges: list[tuple[int, int]] = []
    singles: list[tuple[int, int]] = []
    singles_reach = -1

    for m in _RANGE.finditer(text):
        lo = _number(m["anum"], m["ak"])
        hi = _number(m["bnum"], m["bk"])
        if m["bk"] and not m["ak"] and lo < 1000:
            lo *= 1000  # "$50-60K" reads as 50K to 60K
        if m["ak"] and not m["bk"] and hi < 1000:
            hi *= 1000
        unit = _UNITS.get((m["unit"] or "").lower()) or _guess_unit(hi)
        if hi < lo or not _plausible(lo, unit) or not _plausible(hi, unit):
            continue
        if _not_pay(text, m.start(), m.end()):
            continue
        kind = "range"
        found.append(
            Pay(
                kind,
                m.group(0).strip(),
                lo,
                hi,
                _currency(m["asym"], m["acode"]) or _currency(m["bsym"], m["bcode"]),
                unit,
                m.start(),
                m.end(),
            )
        )
        ranges.append((m.start(), m.end()))
    range_starts = [a for a, _ in ranges]
    for m in _SINGLE.finditer(text):
        if _overlaps(range_starts, ranges, m.start(), m.end()) or singles_reach > m.start():
            continue
        value = _number(m["anum"], m["ak"])
        unit = _UNITS.get((m["unit"] or "").lower())
        before = text[max(0, m.start() - 40) : m.start()]
        after = text[m.end() : m.end() + 20]
        opener = _OPEN_BEFORE.search(before)
        closer = _OPEN_AFTER.match(after)
        near = text[max(0, m.start() - 60) : m.end() + 30]
        if unit is None and not (opener or closer) and not _PAY_WORD.search(near):
            continue  # "$1,000 a year for training" has a unit; "$150 stipend" does not
        unit = unit or _guess_unit(value)
        if not _plausible(value, unit) or _not_pay(text, m.start(), m.end()):
            continue
        if unit is None and not _PAY_WORD.search(near):
            continue
        start, end = m.start(), m.end()
        if opener:
            start = m.start() - len(before) + opener.start()
        if closer:
            end = m.end() + closer.end()
        kind = "open" if opener or closer else "fixed"
        currency = _currency(m["asym"], m["acode"])
        found.append(
            Pay(
                kind,
                text[start:end].strip(),
                None if kind == "open" and opener and _max_word(opener.group(1)) else value,
                value if kind == "fixed" or (opener and _max_word(opener.group(1))) else None,
                currency,
                unit,
                start,
                end,
            )
        )
        singles.append((start, end))
        singles_reach = max(singles_reach, end)
    taken = _merged(ranges + singles)
    taken_starts = [a for a, _ in taken]
    for m in () if lacks(text, _VAGUE_NEEDS) else VAGUE.finditer(text):
        if not _overlaps(taken_starts, taken, m.start(), m.end()):
            found.append(Pay("vague", m.group(0), start=m.start(), end=m.end()))
    found.sort(key=lambda p: p.start)
    return found


def _overlaps(starts: list[int], spans: list[tuple[int, int]], s: int, e: int) -> bool:
    """Whether [s, e) overlaps one of ``spans``: sorted, not overlapping (``starts`` their
    starts). Only the last span starting before ``e`` can reach past ``s``."""
    i = bisect_left(starts, e) - 1
    return i >= 0 and spans[i][1] > s


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _max_word(word: str) -> bool:
    return bool(re.match(r"up|as much|max", word, re.I))


def _not_pay(text: str, start: int, end: int) -> bool:
    """A bonus, stipend, allowance or funding figure, not the job's pay."""
    if _NOT_PAY_AFTER.match(text[end : end + 45]):
        return True
    return bool(_NOT_PAY_BEFORE.search(text[max(0, start - 40) : start]))


def best(pays: list[Pay]) -> Pay | None:
    """The statement that best answers "what does it pay": a range, else a fixed rate,
    else an open-ended figure, else vague words."""
    for kind in ("range", "fixed", "open", "vague"):
        for p in pays:
            if p.kind == kind:
                return p
    return None


def from_front_matter(value: Any) -> Pay | None:
    """Front matter ``salary``: a string ("$56,000 - $64,000 per year"), a number, or a
    mapping {min, max, currency, unit}."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        v = float(value)
        return Pay("fixed", str(value), v, v, None, _guess_unit(v))
    if isinstance(value, dict):
        lo = value.get("min", value.get("minimum"))
        hi = value.get("max", value.get("maximum"))
        unit = str(value.get("unit", "") or "").strip().lower()
        unit_code = _UNITS.get(unit.removeprefix("per ").strip(), unit.upper() or None)
        currency = value.get("currency")
        nums = [v for v in (lo, hi) if isinstance(v, (int, float)) and not isinstance(v, bool)]
        if len(nums) == 2:
            return Pay("range", f"{lo} - {hi}", float(lo), float(hi), currency, unit_code)
        if len(nums) == 1:
            v = float(nums[0])
            kind = "open" if (lo is None) != (hi is None) else "fixed"
            return Pay(
                kind,
                str(nums[0]),
                float(lo) if isinstance(lo, (int, float)) else None,
                float(hi) if isinstance(hi, (int, float)) else None,
                currency,
                unit_code or _guess_unit(v),
            )
        return None
    if isinstance(value, str):
        found = find(value)
        got = best(found)
        if got is None:
            # In the salary field, one figure is the pay: "$52,000".
            m = re.fullmatch(r"\s*([$£€])?\s?(\d[\d,]*(?:\.\d+)?)\s*([kK])?\s*(.*)", value)
            if (
                m
                and not m[4].strip(" .").lower().startswith(("bonus", "stipend"))
                and not re.match(r"\s*(?:-|–|to)\s*[$£€]*\s?\d", m[4])
            ):
                try:
                    v = float(m[2].replace(",", "")) * (1000 if m[3] else 1)
                except ValueError:
                    v = None
                if v:
                    unit = next(
                        (u for w, u in _UNITS.items() if re.search(rf"\b{w}\b", m[4], re.I)), None
                    )
                    return Pay(
                        "fixed", value.strip(), v, v, _currency(m[1], None), unit or _guess_unit(v)
                    )
        if got is None and value.strip():
            # A figure with no currency symbol: "56000 - 64000".
            m = re.search(r"(\d[\d,.]*)\s*(?:-|–|to)\s*[$£€]*\s?(\d[\d,.]*)", value)
            if m:
                try:
                    lo, hi = float(m[1].replace(",", "")), float(m[2].replace(",", ""))
                except ValueError:
                    return None
                if lo <= hi:
                    return Pay("range", value.strip(), lo, hi, None, _guess_unit(hi))
        return got
    return None


def of_posting(posting: Any) -> tuple[Pay | None, list[Pay]]:
    """The posting's pay (the best statement from front matter ``salary`` and the text) and
    every statement found, front matter first. Read once per posting: several rules ask."""
    memo = getattr(posting, "memo", None)
    if memo is None:
        return _of_posting(posting)
    best_pay, found = memo("pay.of_posting", lambda: _of_posting(posting))
    return best_pay, list(found)


def _of_posting(posting: Any) -> tuple[Pay | None, list[Pay]]:
    found: list[Pay] = []
    fm = from_front_matter(posting.meta.get("salary"))
    if fm is not None:
        found.append(fm)
    for block in posting.blocks:
        for p in find(block.text):
            p.block = block
            found.append(p)
    return best(found), found
