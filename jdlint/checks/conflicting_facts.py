"""One fact stated twice, two ways: pay figures that do not overlap, two employment types,
two different weekly hours.

``fact: pay``: every figure the pay parser (``jdlint/pay.py``) reads as the job's pay, a
range or a fixed rate, from front matter ``salary`` and the text, and a job board's "💰
147000.0" header; a pair with the same unit and currency whose ranges do not meet is a
conflict ("147000.0" in the header, "$62,000-$85,000" in the text). A posting that gives
several scales on purpose (levels, zones, bands, locations) is not judged, and neither are
figures in one paragraph or benefits "valued at" a sum.

``fact: employment-type``: front matter ``employment_type``, the title, label lines
("Schedule: Full Time", "Status: Part-time", "Job type: ...") and plain statements ("This
is a part-time position"). Full-time, part-time and per diem are one question, permanent
and temporary or contract another; a statement that offers two ("Full time and part
time") makes the posting flexible, and nothing is reported.

``fact: hours``: "37.5 hours per week" against "40 hours per week" in another paragraph,
unless either sentence offers a choice ("or", "part-time", "job share", "up to").

One finding per fact, at the second statement, naming the first and its line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .. import hygiene
from .. import pay as pay_mod
from ..findings import Finding
from ..options import Option
from ..packs import Rule
from ..posting import Block
from ..prefilter import lacks
from .context import Context

KIND = "conflicting-facts"
OPTIONS = {
    "fact": Option(str, doc="pay, employment-type or hours"),
}
MESSAGE_FIELDS = ("first", "line", "second", "what")
NEEDS: frozenset[str] = frozenset()


@dataclass
class Statement:
    value: tuple[float, float] | str
    phrase: str
    start: int  # source offsets
    end: int
    block: Block | None
    unit: str | None = None
    currency: str | None = None


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    fact = rule.options["fact"]
    if fact == "pay":
        statements = _pay(ctx)
        pair = _pay_conflict(statements)
        what = "pay"
    elif fact == "hours":
        statements = _hours(ctx)
        pair = _first_pair(statements, lambda a, b: abs(a.value[0] - b.value[0]) > 0.5)  # type: ignore[index]
        what = "weekly hours"
    else:
        statements = _types(ctx)
        pair = _type_conflict(statements)
        what = "employment type"
    if pair is None:
        return
    first, second = pair
    line = ctx.posting.lines.line_col(first.start)[0]
    yield rule.finding(
        second.start, second.end, first=first.phrase, line=line, second=second.phrase, what=what
    )


# A posting states a fact a few times; past this many statements (a generated list of
# thousands) the rest are not compared, so the check stays linear in the posting's size.
MAX_STATEMENTS = 50


def _first_pair(statements: list[Statement], differ) -> tuple[Statement, Statement] | None:
    statements = statements[:MAX_STATEMENTS]
    for i, b in enumerate(statements):
        for a in statements[:i]:
            if a.block is not None and a.block is b.block:
                continue  # one paragraph giving two figures means both ("20 or 37.5 hours")
            if differ(a, b):
                return a, b
    return None


# -- pay -----------------------------------------------------------------------------------

_MONEY_BAG = re.compile(
    r"💰\s*(?:(?P<code>USD|CAD|GBP|EUR|AUD)\s*)?(?P<sym>[$£€])?\s*(?P<lo>\d[\d,]*(?:\.\d+)?)\s*(?P<k>[kK])?"
    r"(?:\s*[~–—-]\s*[$£€]?\s*(?P<hi>\d[\d,]*(?:\.\d+)?)\s*(?P<k2>[kK])?)?"
)
_MONEY = re.compile(r"[$£€💰]|\b(?:USD|CAD|GBP|EUR|AUD|NZD)\b")
_MONEY_CODES = ("USD", "CAD", "GBP", "EUR", "AUD", "NZD")


def _has_money(text: str) -> bool:
    """``_MONEY.search(text)``, told by substring tests first: the pattern, led by a word
    boundary, is tried at every character of every block."""
    if "$" in text or "£" in text or "€" in text or "💰" in text:
        return True
    return any(code in text for code in _MONEY_CODES) and _MONEY.search(text) is not None


_TIERS = re.compile(
    r"\b(?:levels?|tiers?|zones?|bands?|grades?|steps?|geographic\w*|locations?|markets?|"
    r"regions?|cities|states|depending\s+on\s+(?:the\s+)?(?:location|level|experience)|"
    r"[IV]{1,3}\b|senior|junior|lead|part[- ]time|full[- ]time|per\s+diem|prn|shift\s+differential|"
    r"overtime|weekend|night)\b",
    re.I,
)
_NOT_PAY_BEFORE = re.compile(
    r"\b(?:valued|worth|value|valuation|raised|investment|revenue|budget|savings?|"
    r"reimburse\w*|donation|match\w*|benefits?\s+package)\b[^.;\n]{0,30}$",
    re.I,
)


def _pay(ctx: Context) -> list[Statement]:
    posting = ctx.posting
    out: list[Statement] = []
    fm = pay_mod.from_front_matter(posting.meta.get("salary"))
    if fm is not None and fm.minimum is not None and fm.maximum is not None and fm.is_range:
        line = posting.front_matter.key_lines.get("salary", 1) if posting.front_matter else 1
        a, z = posting.lines.offset(line), posting.lines.line_end(line)
        out.append(Statement((fm.minimum, fm.maximum), fm.phrase, a, z, None, fm.unit, fm.currency))
    for block in posting.blocks:
        if not _has_money(block.text):
            continue  # every pay figure has a currency, its code or a 💰
        text = hygiene.source_text(posting, block)
        found: list[Statement] = []
        for p in pay_mod.find(text):
            if not p.is_range or p.minimum is None or p.maximum is None:
                continue
            if _NOT_PAY_BEFORE.search(text[max(0, p.start - 50) : p.start]):
                continue
            a, z = block.source_span(p.start, p.end)
            found.append(
                Statement((p.minimum, p.maximum), p.phrase, a, z, block, p.unit, p.currency)
            )
        for m in _MONEY_BAG.finditer(text):
            lo = _number(m["lo"], m["k"])
            hi = _number(m["hi"], m["k2"] or m["k"]) if m["hi"] else lo
            if lo is None or hi is None or hi < lo or lo < 1000:
                continue
            if any(s.start <= block.source_span(m.start(), m.end())[0] < s.end for s in found):
                continue
            a, z = block.source_span(m.start("lo"), m.end())
            currency = m["code"] or pay_mod.CURRENCY_SYMBOLS.get(m["sym"] or "")
            unit = "YEAR" if hi >= 10_000 else None
            found.append(
                Statement(
                    (lo, hi), text[m.start("lo") : m.end()].strip(), a, z, block, unit, currency
                )
            )
        if len(found) > 1 or any(
            _TIERS.search(text[max(0, text.find(s.phrase) - 50) : max(0, text.find(s.phrase))])
            for s in found
        ):
            return []  # scales by level, zone or location: several figures on purpose
        out.extend(found)
    return out


def _number(num: str | None, k: str | None) -> float | None:
    if not num:
        return None
    try:
        return pay_mod._number(num, k)
    except ValueError:  # "1,2.3,4": digits and commas that are no number
        return None


def _pay_conflict(statements: list[Statement]) -> tuple[Statement, Statement] | None:
    def differ(a: Statement, b: Statement) -> bool:
        if a.unit != b.unit and a.unit and b.unit:
            return False
        if (
            a.block is not None
            and b.block is not None
            and a.block.kind == b.block.kind == "list_item"
            and a.block.section == b.block.section
        ):
            return False  # a list of rates ("Coordinator: ...", "Supervisor: ...")
        if a.currency and b.currency and a.currency != b.currency:
            return False
        (lo1, hi1), (lo2, hi2) = a.value, b.value  # type: ignore[misc]
        slack = 0.01 * max(hi1, hi2)
        return hi1 + slack < lo2 or hi2 + slack < lo1

    return _first_pair(statements, differ)


# -- employment type -----------------------------------------------------------------------

_AXES = {
    "full-time": "hours",
    "part-time": "hours",
    "per diem": "hours",
    "casual": "hours",
    "permanent": "term",
    "temporary": "term",
    "contract": "term",
    "seasonal": "term",
}
_TYPE_WORDS = (
    r"full[\s_-]?time|part[\s_-]?time|per[\s_-]diem|prn|permanent|temporary|fixed[\s-]term|"
    r"contract(?:or)?|seasonal|casual|bank"
)
_TYPE_LABEL = re.compile(
    r"\b(?:schedule|status|job\s+type|employment(?:\s+type)?|position\s+type|work\s+type|"
    r"contract(?:\s+type)?|type\s+of\s+(?:position|employment|contract))\s*:\s*"
    r"(?P<value>[^.\n;]{1,60})",
    re.I,
)
_TYPE_SENTENCE = re.compile(
    r"\b(?:this|the)\s+(?:is\s+an?|position\s+is\s+(?:an?\s+)?|role\s+is\s+(?:an?\s+)?|"
    r"job\s+is\s+(?:an?\s+)?|post\s+is\s+(?:an?\s+)?)\s*(?P<value>(?:(?:" + _TYPE_WORDS + r")"
    r"(?:,?\s+(?:and\s+)?)?){1,3})\s*(?:position|role|job|post|opportunity|contract)\b",
    re.I,
)
_TYPE_HINTS = (
    "time",
    "diem",
    "prn",
    "perm",
    "temp",
    "term",
    "contract",
    "season",
    "casual",
    "bank",
)
_TYPE = re.compile(r"(?<![\w-])(?:" + _TYPE_WORDS + r")(?![\w-])", re.I)
_TITLE_TYPE = re.compile(
    r"(?<![\w-])(?:(?i:full[\s-]?time|part[\s-]?time|per[\s-]diem)|FT|PRN)(?![\w-])"  # "PT" is a physical therapist as often
)


def _types(ctx: Context) -> list[Statement]:
    posting = ctx.posting
    out: list[Statement] = []
    fm_value = hygiene.meta_text(posting.meta.get("employment_type"))
    if fm_value and posting.front_matter is not None:
        line = posting.front_matter.key_lines.get("employment_type", 1)
        a, z = posting.lines.offset(line), posting.lines.line_end(line)
        out.extend(_type_statements(fm_value, a, z, None))
    title = posting.title or ""
    if title and posting.title_span:
        for m in _TITLE_TYPE.finditer(title):
            kind = hygiene.employment_type(m.group())
            if kind:
                a, z = posting.title_span
                out.append(Statement(kind, m.group(), a, z, None))
    for block in posting.blocks:
        text = block.text
        low = text.lower()
        if not any(w in low for w in _TYPE_HINTS):
            continue
        for rx in (_TYPE_LABEL, _TYPE_SENTENCE):
            for m in rx.finditer(text):
                a, z = block.source_span(m.start("value"), m.end("value"))
                out.extend(_type_statements(m["value"], a, z, block))
    return out


def _type_statements(value: str, start: int, end: int, block: Block | None) -> list[Statement]:
    kinds = [hygiene.employment_type(m.group()) for m in _TYPE.finditer(value)]
    kinds = [k for k in kinds if k]
    by_axis: dict[str, set[str]] = {}
    for k in kinds:
        by_axis.setdefault(_AXES[k], set()).add(k)
    out = []
    for axis, found in by_axis.items():
        # "Full time and part time": the posting offers both; no single type to contradict.
        value_ = next(iter(found)) if len(found) == 1 else "flexible:" + axis
        phrase = next(
            m.group()
            for m in _TYPE.finditer(value)
            if _AXES.get(hygiene.employment_type(m.group()) or "") == axis
        )
        out.append(Statement(value_, phrase, start, end, block))
    return out


def _type_conflict(statements: list[Statement]) -> tuple[Statement, Statement] | None:
    if any(str(s.value).startswith("flexible:") for s in statements):
        flexible = {
            str(s.value).split(":")[1] for s in statements if str(s.value).startswith("flexible:")
        }
        statements = [s for s in statements if _AXES.get(str(s.value)) not in flexible]

    def differ(a: Statement, b: Statement) -> bool:
        return a.value != b.value and _AXES.get(str(a.value)) == _AXES.get(str(b.value))

    for i, b in enumerate(statements[:MAX_STATEMENTS]):
        for a in statements[:i]:
            if differ(a, b):
                return a, b
    return None


# -- hours ----------------------------------------------------------------------------------

_HOURS = re.compile(
    r"(?<![\d.,–-])(?P<n>\d{1,2}(?:\.\d{1,2})?)\s*(?:hours?|hrs?)\s*(?:(?:per|a|each|/)\s*)?(?:week|wk)\b"
    r"|(?<![\d.,–-])(?P<n2>\d{1,2}(?:\.\d{1,2})?)[\s-]*hours?\s+(?:work\s*)?week\b",
    re.I,
)
_CHOICE = re.compile(
    r"\b(?:or|also|either|part[- ]time|full[- ]time|job[- ]share|flexib\w*|consider\w*|up\s+to|"
    r"between|minimum|at\s+least|maximum|over|more\s+than|less\s+than|each\s+post|per\s+post|"
    r"posts|positions|overtime|average|typically|open\s+\d+\s+hours)\b",
    re.I,
)


def _hours(ctx: Context) -> list[Statement]:
    out: list[Statement] = []
    for block in ctx.posting.blocks:
        text = block.text
        # Every match holds "hour" or "hr", and "week" or "wk".
        if lacks(text, ("hour", "hr")) or lacks(text, ("week", "wk")):
            continue
        for m in _HOURS.finditer(text):
            after = text[m.end() : m.end() + 3]
            if re.match(r"\s*(?:-|–|to)\s*\d", after):
                continue
            sentence = _sentence(text, m.start(), m.end())
            if _CHOICE.search(sentence):
                continue
            n = float(m["n"] or m["n2"])
            if not 1 <= n <= 80:
                continue
            a, z = block.source_span(m.start(), m.end())
            out.append(Statement((n, n), m.group(0).strip(), a, z, block))
    return out


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(right_candidates) if right_candidates else len(text)
    return text[left + 1 : right]
