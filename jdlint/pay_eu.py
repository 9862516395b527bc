"""Pay in euros (and zloty) written the continental way, for the pay laws of EU countries.

``pay.py`` reads pay as English postings write it ("€2,500 - €3,000 a month"). A posting
for work in Austria, Italy, Slovakia or Lithuania often writes it the local way: "€ 2.800
brutto", "2.800,- € pro Monat", "EUR 2.500 bis 3.000", "da 30.000 a 35.000 €", "RAL
30-35k", "od 1 500 €", "nuo 2000 iki 2500 EUR". A law that requires pay in the ad must not
be reported as unmet because the figures were written this way, so the pay transparency
check reads these forms too. Each figure needs a euro sign, "EUR", "Euro" or "RAL" (the
Italian gross annual pay), or "zł"/"PLN" for Poland, beside it; a bonus or an allowance is
not pay.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from . import lazy_regex
from .pay import Pay

# "2.800", "2 800", "2800", with cents or ",-" after: a dot or a space groups thousands.
_NUM = r"\d{1,3}(?:[.\u00a0\u202f ]\d{3})+(?:,\d{1,2}|,-{1,2}|,–)?(?!\d)|\d+(?:,\d{1,2}|,-{1,2}|,–)?(?!\d)"
_BEFORE = r"(?:€|\bEUR\b|\bEuro\b|\bRAL\b\s*:?|\bPLN\b)"
_AFTER = r"(?:€|\bEUR\b|\bEuro\b|zł|\bPLN\b)"
_K = r"(?:\s?[kK]\b)?"
_SEP = r"\s*(?:-|–|—|\bbis\b|\bto\b|\ba\b|\bdo\b|\biki\b|\baž\b)\s*"


def _amount(name: str) -> str:
    return rf"(?:{_BEFORE}\s?)?(?P<{name}>{_NUM}){_K}(?:\s?{_AFTER})?"


_RANGE = lazy_regex.compile(_amount("lo") + _SEP + _amount("hi"))
_DIGIT = re.compile(r"\d")  # as _NUM's \d: any Unicode digit
_SINGLE = lazy_regex.compile(_amount("lo"))
_MARKED = re.compile(rf"{_BEFORE}|{_AFTER}")
# What every match of _MARKED holds (``find`` keeps only figures _MARKED finds in).
_MARKS = ("€", "EUR", "Euro", "RAL", "PLN", "zł")
# A figure that opens with "from" is a minimum (Austria: "ab € 2.800"); "up to" a maximum.
_FROM = re.compile(
    r"\b(?:ab|from|da|dai|od|nuo|mindestens|min\.?|minimum|at\s+least|starting\s+(?:at|from)|"
    r"a\s+partire\s+da)\s*(?:brutto\s*|lordi\s*|gross\s*)?$",
    re.I,
)
_UP_TO = re.compile(r"\b(?:bis|up\s+to|fino\s+a|max\.?|maximum|do|iki|až\s+do)\s*$", re.I)
_NOT_PAY = re.compile(
    r"^\s*(?:\w+\s+){0,2}?(?:bonus|prämie|praemie|premio|zuschuss|allowance|stipend|buono|"
    r"buoni|ticket|rimborso|umsatz|fatturato|revenue|budget)\b",
    re.I,
)
_UNITS = (
    ("HOUR", r"stunde|stündlich|/\s?h\b|hour|hourly|ora|oraria|hodin\w*|valand\w*"),
    ("MONTH", r"monat\w*|month\w*|mese|mensil\w*|mesačn\w*|mėn\w*|miesi\w*"),
    ("YEAR", r"jahr\w*|year\w*|annu\w*|anno|ročn\w*|met\w*|RAL"),
)


def _value(num: str, k: str | None = None) -> float:
    whole = re.sub(r"[.\u00a0\u202f ]", "", num.split(",")[0])
    cents = num.split(",")[1] if "," in num else ""
    value = float(whole) + (float("0." + cents) if cents.isdigit() else 0.0)
    return value * 1000 if k and k.strip() else value


def _unit(text: str, start: int, end: int) -> str | None:
    near = text[max(0, start - 12) : end + 30]
    for unit, words in _UNITS:
        if re.search(words, near, re.I):
            return unit
    return None


def _currency(phrase: str) -> str:
    return "PLN" if re.search(r"zł|PLN", phrase) else "EUR"


def _plausible(value: float, unit: str | None) -> bool:
    return 5 <= value <= 1_000 if unit == "HOUR" else 300 <= value <= 5_000_000


def find(text: str) -> list[Pay]:
    """Euro pay written the continental way in ``text``: ranges, single figures, and open
    forms ("ab € 2.800" is open with a minimum), in order. English forms are pay.py's."""
    if not _DIGIT.search(text) or not any(mark in text for mark in _MARKS):
        return []  # every form has a figure and a currency mark; most blocks have neither
    out: list[Pay] = []
    taken: list[tuple[int, int]] = []
    for m in _RANGE.finditer(text):
        if not _MARKED.search(m.group(0)) or _NOT_PAY.match(text[m.end() : m.end() + 40]):
            continue
        k = re.search(r"[kK]\b", m.group(0))
        lo, hi = _value(m["lo"], k and "k"), _value(m["hi"], k and "k")
        unit = _unit(text, m.start(), m.end())
        if lo > hi or not (_plausible(lo, unit) and _plausible(hi, unit)):
            continue
        cur = _currency(m.group(0))
        out.append(Pay("range", m.group(0).strip(), lo, hi, cur, unit, m.start(), m.end()))
        taken.append((m.start(), m.end()))
    # The ranges do not overlap and are found in order: the last one starting before a
    # figure's end is the only one that can reach it (a pass over all of them was quadratic).
    starts = [a for a, _ in taken]
    for m in _SINGLE.finditer(text):
        i = bisect_left(starts, m.end()) - 1
        if i >= 0 and taken[i][1] > m.start():
            continue
        if not _MARKED.search(m.group(0)) or _NOT_PAY.match(text[m.end() : m.end() + 40]):
            continue
        value = _value(m["lo"], re.search(r"[kK]\b", m.group(0)) and "k")
        unit = _unit(text, m.start(), m.end())
        if not _plausible(value, unit):
            continue
        before = text[max(0, m.start() - 30) : m.start()]
        if _FROM.search(before):
            out.append(
                Pay("open", m.group(0).strip(), value, None, "EUR", unit, m.start(), m.end())
            )
        elif _UP_TO.search(before):
            out.append(
                Pay("open", m.group(0).strip(), None, value, "EUR", unit, m.start(), m.end())
            )
        else:
            out.append(
                Pay("fixed", m.group(0).strip(), value, value, "EUR", unit, m.start(), m.end())
            )
    out.sort(key=lambda p: p.start)
    return out
