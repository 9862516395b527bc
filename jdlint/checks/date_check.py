"""Dates that are stale or impossible: an application deadline, interview, start or posted
date before the posting's own date, a note "effective" years ago, "February 30".

The posting's own date is front matter ``date_posted`` (or ``datePosted``, ``posted``,
``created_at``, ``published_at``, ``date``); without one it is today. A date counts as a
deadline, interview, start or posted date when a cue for it comes just before it in the
same sentence ("Application Deadline: September 12th, 2014", "Interviews will be held on
23rd November 2020"); a date with no cue (a founding year, "funded through December 31")
is never judged stale. Dates are read in US and UK forms (``jdlint/dates.py``); a numeric
date of unknown country must be stale in both readings. Front matter ``valid_through``
is the application deadline.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import lru_cache

from .. import dates
from .. import location as loc_mod
from ..findings import Finding
from ..options import Option
from ..packs import Rule
from ..posting import Block
from .context import Context

KIND = "date-check"
OPTIONS = {
    "problem": Option(
        str, doc="stale (a date before the posting's own) or impossible (no such day)"
    ),
    "cues": Option(
        list[str],
        ["deadline", "interview", "start", "posted"],
        doc="for stale: which dates are judged: deadline, interview, start, posted, effective",
    ),
    "min_age_days": Option(int, 1, doc="for stale: how many days before the posting's date"),
    "posted_grace_days": Option(
        int,
        60,
        doc="for stale: a 'posted' date judged against today may be this many days old",
    ),
    "once": Option(bool, False, doc="report the first date only, and count the others"),
}
MESSAGE_FIELDS = ("what", "found", "when", "why", "age", "more")
NEEDS: frozenset[str] = frozenset()

_CUES = {
    "deadline": (
        "application deadline",
        r"deadline|closing\s+date|clos(?:es|ing)(?:\s+on)?|apply\s+(?:by|before)|"
        r"applications?\s+(?:[\w-]+\s+){0,3}?(?:by|before|until)|no\s+later\s+than|"
        r"(?:accepted|open)\s+until|expir(?:es|y|ation)(?:\s+date)?|valid\s+(?:through|until)|"
        r"last\s+(?:date|day)\s+(?:to|for)\s+appl\w*",
    ),
    "interview": ("interview date", r"interviews?(?:\s+date)?|shortlisting"),
    "start": (
        "start date",
        r"start(?:ing)?\s+date|start(?:s|ing)?\s+(?:on|from)|to\s+start|commenc\w+|"
        r"begin(?:s|ning)?\s+on|available\s+from",
    ),
    "posted": (
        "posting date",
        r"(?:date\s+)?posted(?:\s+on)?|posting\s+date|date\s+of\s+posting|published(?:\s+on)?|"
        r"advertised(?:\s+on)?",
    ),
    "effective": ("effective date", r"effective(?:\s+(?:from|on|as\s+of))?"),
}
_GAP = r"[^.;!?\n]{0,40}$"
_SHORT_YEAR = re.compile(r"/\d\d$")
_NUMBERS = re.compile(r"\d+")
_ASCII_WORDS = re.compile(r"[A-Za-z]+")
_MONTH_DAYS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    if rule.options["problem"] == "impossible":
        yield from _impossible(rule, ctx)
    else:
        yield from _stale(rule, ctx)


def _reference(ctx: Context) -> tuple[dt.date, str, bool]:
    """The date the posting is judged at, how to say it, and whether it is today."""
    own = dates.posted(ctx.posting.meta)
    if own is not None:
        day, key = own
        return (
            day,
            f"before the posting's own date ({day.isoformat()}, front matter '{key}')",
            False,
        )
    return ctx.today, f"in the past (today is {ctx.today.isoformat()})", True


def _stale(rule: Rule, ctx: Context) -> Iterator[Finding]:
    posting = ctx.posting
    ref, when, is_today = _reference(ctx)
    cues = [c for c in rule.options["cues"] if c in _CUES]
    cue_re = {c: _cue_regex(c) for c in cues}
    min_age = dt.timedelta(days=max(0, rule.options["min_age_days"]))
    grace = dt.timedelta(days=rule.options["posted_grace_days"] if is_today else 0)
    found: list[tuple[int, int, str, str, dt.date]] = []
    fm = posting.front_matter
    if "deadline" in cues and fm is not None:
        until = dates.parse_value(posting.meta.get("valid_through"))
        if until is not None and until <= ref - min_age and until < ref:
            line = fm.key_lines.get("valid_through", 1)
            start, end = posting.lines.offset(line), posting.lines.line_end(line)
            found.append((start, end, "application deadline", until.isoformat(), until))
    for block, previous, found_dates in _dated_blocks(ctx):
        text = block.text
        for d in found_dates:
            readings = d.read_in(_country(ctx)) if len(d.readings) > 1 else d.readings
            if not readings:
                continue
            before = text[max(0, d.start - 80) : d.start]
            if not before.strip() and previous:
                before = previous + " "
            cue = next((c for c in cues if cue_re[c].search(before)), None)
            if cue is None:
                continue
            latest = max(readings)
            limit = ref - min_age - (grace if cue == "posted" else dt.timedelta(0))
            if latest <= limit and latest < ref:
                start, end = block.source_span(d.start, d.end)
                found.append((start, end, _CUES[cue][0], d.phrase, latest))
    if not found:
        return
    found.sort()
    more_count = 0
    if rule.options["once"]:
        more_count, found = len(found) - 1, found[:1]
    for start, end, what, phrase, day in found:
        years = (ref - day).days // 365
        age = f"{years} year{'s' if years != 1 else ''}" if years else f"{(ref - day).days} days"
        more = ""
        if more_count:
            more = f" ({more_count} more date{'s' if more_count > 1 else ''} like it)"
        yield rule.finding(
            start, end, what=what, found=phrase, when=when, why="", age=age, more=more
        )


@lru_cache(maxsize=64)
def _cue_regex(cue: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + _CUES[cue][1] + r")\b" + _GAP, re.I)


def _dated_blocks(ctx: Context) -> list[tuple[Block, str, list[dates.Date]]]:
    """The blocks that hold dates, each with the label line before it ("Application
    Deadline:", which the block answers) and its dates: read once per posting, shared by
    every date rule."""

    def build() -> list[tuple[Block, str, list[dates.Date]]]:
        out = []
        label = ""
        for block in ctx.posting.blocks:
            text = block.text
            previous = label
            label = text[-80:] if block.kind == "heading" or text.endswith(":") else ""
            if dates.DATEISH.search(text):
                found = dates.find(text, None)
                if found:
                    out.append((block, previous, found))
        return out

    return ctx.memo("hygiene.dates", build)


def _country(ctx: Context) -> str | None:
    posting = ctx.posting
    return ctx.memo("hygiene.country", lambda: loc_mod.country_of_posting(posting))


def _impossible(rule: Rule, ctx: Context) -> Iterator[Finding]:
    for block, _, found_dates in _dated_blocks(ctx):
        for d in found_dates:
            if d.readings or _SHORT_YEAR.search(d.phrase):
                continue  # a real day, or a numeric date with a two-digit year (a ratio?)
            start, end = block.source_span(d.start, d.end)
            yield rule.finding(
                start,
                end,
                what="date",
                found=d.phrase,
                when="",
                why=_why(d.phrase),
                age="",
                more="",
            )


def _why(phrase: str) -> str:
    nums = [int(n) for n in _NUMBERS.findall(phrase)]
    words = _ASCII_WORDS.findall(phrase)
    month_word = next((w for w in words if w[:3].lower() in dates.MONTHS), None)
    if month_word is not None:
        month = dates.MONTHS[month_word[:3].lower()]
        year = next((n for n in nums if n > 999), 2000)
        day_count = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
        return f"{_MONTH_DAYS[month - 1]} {year} has {day_count} days"
    if "-" in phrase:
        return "no such month or day"
    return "neither month/day nor day/month order names a real day"
