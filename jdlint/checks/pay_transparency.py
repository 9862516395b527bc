"""Pay transparency: a posting for work where a law requires pay in the ad must state it.

The laws are data (the ``jurisdictions`` option, see ``jdlint/jurisdictions.py``). The
posting's place comes from front matter ``location`` or the text (``jdlint/location.py``),
its pay from front matter ``salary`` or the text (``jdlint/pay.py``, and ``pay_eu.py`` for
euros written the continental way), the employer's size from config ``employer: {size: N}``
(unknown size: the law is assumed to apply). Laws are compared with the posting's own date
(front matter ``date_posted``), else today, so a law that starts in 2027 turns on by itself.

``report: violations`` reports each requirement the posting does not meet, once for all
the laws that apply and want it at the same place (an error naming them: New York State's
and New York City's laws in one finding). ``report: missing`` reports a posting with no
usable pay range where no law requires one in the ad (info), naming a law that is not yet
in force or enforced, or that asks for pay before the interview rather than in the ad.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from .. import lazy_regex, pay_eu, statements
from .. import location as loc_mod
from .. import pay as pay_mod
from ..errors import ConfigError
from ..findings import Finding
from ..jurisdictions import Jurisdiction, Match, match, parse_table
from ..options import Option
from ..packs import Rule
from .context import Context

_TABLES: dict[int, tuple[Any, Any]] = {}

KIND = "pay-transparency"
OPTIONS = {
    "jurisdictions": Option(
        list[dict], [], doc="the pay transparency laws (see docs/compliance.md); empty: use C101's"
    ),
    "report": Option(
        str,
        "violations",
        doc="violations (a law applies and is not met) or missing (no law, no range)",
    ),
}
MESSAGE_FIELDS = ("jurisdiction", "law", "laws", "require", "problem", "place", "found", "later")
NEEDS: frozenset[str] = frozenset()

_PROBLEMS = {
    "range": "a pay range with a minimum and a maximum (or one fixed rate)",
    "minimum": "the minimum pay as an amount per hour, month or year (a range, or a figure "
    "such as 'from EUR 2,800 a month')",
    "benefits": "a general description of the benefits and other pay",
    "deadline": "the date applications are expected to close",
    "ai_disclosure": "a statement that artificial intelligence is used to screen, assess or "
    "select applicants (config: employer.ai_screening)",
    "vacancy_status": "a statement of whether the posting is for an existing vacancy",
    "collective_agreement": "a reference to the collective agreement that applies",
    "description": "the job description (if one exists)",
}
# Requirements about the pay itself: missing pay is the fact S104 and C102 report too.
_PAY_REQUIREMENTS = ("range", "minimum")
_DISCLOSE = {
    "before-interview": "pay to be given to applicants before the interview",
    "before-employment": "pay to be given to applicants before employment starts",
}
_PER_YEAR = {"HOUR": 2080, "DAY": 260, "WEEK": 52, "MONTH": 12, "YEAR": 1}

# "This posting is for an existing vacancy", "not an existing vacancy: we are building a
# talent pool", "Vacancy status: new position".
_VACANCY = lazy_regex.compile(
    r"\b(?:existing|current|actual|active|future|anticipated|upcoming)\s+(?:job\s+)?"
    r"vacanc(?:y|ies)\b|\bvacancy(?:\s+status)?\s*:|\bexisting\s+(?:position|role|opening|job)\b|"
    r"\b(?:is|isn['’]t|is\s+not)\s+(?:for\s+)?an?\s+(?:existing|new(?:ly[- ]created)?)\s+"
    r"(?:position|role|job|vacancy)\b|\bnewly[- ]created\s+(?:position|role|job)\b|"
    r"\bfuture\s+(?:openings|opportunities|positions|roles)\b|"
    r"\b(?:talent|candidate|applicant)\s+(?:pool|pipeline|bank|community)\b|\bbackfill\b|"
    r"\bevergreen\s+(?:posting|requisition|role|position)\b",
    re.I,
)
_AI = lazy_regex.compile(
    r"\b(?i:artificial\s+intelligence|machine\s+learning|automated\s+(?:screening|"
    r"decision[- ]making|tools?|systems?)|algorithm\w*)\b|\bAI\b|\bA\.I\."
)
_HIRING = re.compile(
    r"\b(?:screen\w*|assess\w*|select\w*|evaluat\w*|review\w*|rank\w*|shortlist\w*|"
    r"hiring|recruit\w*|applica\w*|candidates?|résumés?|resumes?|CVs?)\b",
    re.I,
)
_AGREEMENT = lazy_regex.compile(
    r"(?i:\bcollective\s+(?:labou?r\s+|bargaining\s+|employment\s+)?(?:agreement|contract)s?\b|"
    r"\bcontratt[oi]\s+collettiv[oi]\b|\bKollektivvertr(?:ag|äge)\b|\bTarifvertrag\b|"
    r"\bkolektívn\w*\s+zmluv\w*|\bkolektyvin\w*\s+sutart\w*|\bunion\s+contract\b)|"
    r"\bC\.?C\.?N\.?L\.?(?![a-z])|\bKV\b|\bCBA\b"
)
# A job paid only by commission, said so: what NY, VT, DE and ME accept instead of a range.
_COMMISSION_ONLY = lazy_regex.compile(
    r"\b(?:commission[- ]only|(?:100\s?%|straight|pure(?:ly)?|solely|entirely|strictly)\s+"
    r"(?:on\s+)?commission(?:[- ]based)?|paid\s+(?:solely|only|entirely|purely|exclusively)\s+"
    r"(?:on|by|in|through|via)\s+commissions?|(?:pay|compensation|earnings|income|remuneration)"
    r"\s+(?:is|will\s+be|shall\s+be)\s+(?:based\s+)?(?:solely\s+|entirely\s+|purely\s+|"
    r"exclusively\s+)?(?:on\s+)?commission(?:[- ]based)?\b(?!\s*(?:and|plus|\+|with)\b))",
    re.I,
)
# A posting this long describes the job, whatever its headings.
_DESCRIPTION_WORDS = 150


def table(rule: Rule, ctx: Context) -> list[Jurisdiction]:
    """The rule's own table, else that of the pack's violations rule (with config options)."""
    raw: Any = rule.options.get("jurisdictions") or []
    where = f"rule {rule.code} option 'jurisdictions'"
    if not raw:
        for other in (ctx.settings.get("rules") or {}).values():
            if other.kind == KIND and other.options.get("jurisdictions"):
                raw = other.options["jurisdictions"]
                config = ctx.settings.get("config")
                given = (config.get("rules", {}) if config is not None else {}) or {}
                for code, opts in given.items():
                    if (
                        code.upper() == other.code
                        and isinstance(opts, dict)
                        and opts.get("jurisdictions")
                    ):
                        raw = opts["jurisdictions"]
                where = f"rule {other.code} option 'jurisdictions'"
                break
    # The table is the same list object for every posting a rule sees: parse it once per
    # process. The entry keeps ``raw`` alive, so its id cannot be reused by another list.
    entry = _TABLES.get(id(raw))
    if entry is None or entry[0] is not raw:
        entry = _TABLES[id(raw)] = (raw, parse_table(list(raw), where))
    return entry[1]


def employer_size(ctx: Context) -> int | None:
    config = ctx.settings.get("config")
    employer = config.get("employer", {}) if config is not None else {}
    size = (employer or {}).get("size")
    if size is None:
        return None
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        raise ConfigError(
            "'employer.size' must be a whole number of employees",
            config.line("employer"),
            config.path,
        )
    return size


def _employer_flag(ctx: Context, key: str) -> bool | None:
    """A yes/no fact about the employer from config (``employer: {ai_screening: true}``)."""
    config = ctx.settings.get("config")
    employer = (config.get("employer", {}) if config is not None else {}) or {}
    value = employer.get(key)
    if value is not None and not isinstance(value, bool):
        raise ConfigError(
            f"'employer.{key}' is true or false", config.line("employer"), config.path
        )
    return value


def posting_date(posting: Any) -> dt.date | None:
    """Front matter ``date_posted`` ("2026-05-01", a date, or an ISO timestamp), or None."""
    value = posting.meta.get("date_posted")
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        m = re.match(r"\s*(\d{4}-\d{2}-\d{2})", value)
        if m:
            try:
                return dt.date.fromisoformat(m[1])
            except ValueError:
                return None
    return None


def of_posting(posting: Any) -> tuple[pay_mod.Pay | None, list[pay_mod.Pay]]:
    """The posting's pay, with euro figures written the continental way read too (once per
    posting: each pay-transparency rule asks)."""
    best_pay, found = posting.memo("pay_transparency.of_posting", lambda: _of_posting(posting))
    return best_pay, list(found)


def _of_posting(posting: Any) -> tuple[pay_mod.Pay | None, list[pay_mod.Pay]]:
    best, found = pay_mod.of_posting(posting)
    if best is not None and best.is_range:
        return best, found
    more = []
    for block in posting.blocks:
        for p in pay_eu.find(block.text):
            p.block = block
            more.append(p)
    return pay_mod.best(found + more), found + more


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    posting = ctx.posting
    laws = table(rule, ctx)
    when = posting_date(posting) or ctx.today
    locations, _ = loc_mod.of_posting(posting)
    matches = match(laws, locations, when, employer_size(ctx))
    pay, _ = of_posting(posting)
    if rule.options["report"] == "missing":
        yield from _missing(rule, ctx, matches, pay, when)
        return
    # Laws that want the same thing at the same place (New York State's and New York
    # City's range) are one finding naming them all: one fact, one fix.
    groups: dict[tuple[str, int, int, str, str], list[Match]] = {}
    for m in matches:
        if m.status != "applies" or m.jurisdiction.disclose != "ad":
            continue
        for requirement, problem, found in _unmet(m.jurisdiction, ctx, pay, when):
            start, end = _anchor(requirement, ctx, pay)
            groups.setdefault((requirement, start, end, found), []).append((m, problem))
    for (requirement, start, end, found), members in groups.items():
        laws = [m for m, _ in members]
        first = laws[0]
        # Laws that ask for the same thing in different words (New York State also takes a
        # commission-only statement) name each law with its own words.
        problems = list(dict.fromkeys(problem for _, problem in members))
        problem = problems[0] if len(problems) == 1 else _merge_problems(requirement, members)
        places = list(dict.fromkeys(m.location.describe() for m in laws))
        finding = rule.finding(
            start,
            end,
            jurisdiction=first.jurisdiction.name,
            law=first.jurisdiction.law,
            laws=_and([f"{m.jurisdiction.name} ({m.jurisdiction.law})" for m in laws]),
            require="requires" if len(laws) == 1 else "require",
            problem=problem,
            place=_and(places),
            found=found,
            later="",
        )
        finding.data["jurisdictions"] = [m.jurisdiction.id for m in laws]
        if requirement in _PAY_REQUIREMENTS:
            finding.fact = _pay_fact(pay)
        yield finding


def _merge_problems(requirement: str, members: list[tuple[Match, str]]) -> str:
    """The law's shared words, with what one law adds named for it: "(or one fixed rate;
    New York State: for a job paid only by commission, a statement saying so)"."""
    base = _PROBLEMS[requirement]
    extras = [
        f"{m.jurisdiction.name}: {p[len(base) - 1 : -1].lstrip('; ')}"
        for m, p in members
        if p != base and p.startswith(base[:-1]) and base.endswith(")")
    ]
    return base[:-1] + "".join("; " + extra for extra in extras) + ")" if extras else base


def _and(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _unmet(
    j: Jurisdiction, ctx: Context, pay: pay_mod.Pay | None, when: dt.date
) -> Iterator[tuple[str, str, str]]:
    """(requirement, what the law asks for, what the posting has instead) for each
    requirement of ``j`` in force on ``when`` that the posting does not meet."""
    required = j.required(when)
    limit = j.amount("exempt_above") if "exempt_above" in required else None
    exempt = limit is not None and _over(pay, j, limit)
    for requirement in required:
        if requirement in ("exempt_above", "commission_statement"):
            continue  # they change what meets the others
        if requirement in ("range", "minimum", "max_width") and exempt:
            continue
        unmet = _one(requirement, j, ctx, pay, required, limit)
        if unmet is not None:
            yield requirement, *unmet


def _one(
    requirement: str,
    j: Jurisdiction,
    ctx: Context,
    pay: pay_mod.Pay | None,
    required: tuple[str, ...],
    limit: float | None,
) -> tuple[str, str] | None:
    """(what the law asks for, what the posting has instead), or None when it is met."""
    posting = ctx.posting
    if requirement == "range":
        if (pay is not None and pay.is_range) or (
            "commission_statement" in required and _commission_only(posting)
        ):
            return None
        problem = _PROBLEMS["range"]
        if "commission_statement" in required:
            problem = problem[:-1] + "; for a job paid only by commission, a statement saying so)"
        return problem, _found(pay) + _exemption(j, limit)
    if requirement == "minimum":
        if pay is not None and (pay.is_range or (pay.kind == "open" and pay.minimum)):
            return None
        return _PROBLEMS["minimum"], _found(pay)
    if requirement == "max_width":
        width = _width(pay, j)
        cap = j.amount("max_width") or 0
        if pay is None or width is None or width <= cap:
            return None
        return (
            f"a pay range no wider than {_money(j, cap)}",
            f"; '{pay.phrase}' is {width:,.0f} wide",
        )
    if requirement == "ai_disclosure":
        # The law binds an employer that uses AI in hiring; jdlint cannot see that, so it
        # checks only when config says so.
        met = not _employer_flag(ctx, "ai_screening") or _mentions_ai(posting)
    elif requirement == "collective_agreement":
        met = _employer_flag(ctx, "collective_agreement") is False or _search(posting, _AGREEMENT)
    else:
        met = {
            "benefits": lambda: statements.has_benefits(posting),
            "deadline": lambda: statements.deadline(posting) is not None,
            "vacancy_status": lambda: _search(posting, _VACANCY),
            "description": lambda: _describes_job(ctx),
        }[requirement]()
    if met:
        return None
    found = "; the posting states no duties" if requirement == "description" else ""
    return _PROBLEMS[requirement], found


def _search(posting: Any, pattern: re.Pattern[str]) -> bool:
    if posting.title and pattern.search(posting.title):
        return True
    return statements.find_first(posting, pattern, headings=True) is not None


def _mentions_ai(posting: Any) -> bool:
    """AI named in the same block as screening or hiring ("We use AI to screen résumés")."""
    for block in posting.blocks:
        for m in _AI.finditer(block.text):
            near = block.text[max(0, m.start() - 150) : m.end() + 150]
            if _HIRING.search(near):
                return True
    return False


def _commission_only(posting: Any) -> bool:
    salary = posting.meta.get("salary")
    if isinstance(salary, str) and _COMMISSION_ONLY.search(salary):
        return True
    return _search(posting, _COMMISSION_ONLY)


def _describes_job(ctx: Context) -> bool:
    """Duties, a responsibilities section, a long text, or a summary that points to the
    full description: only a posting with none of them lacks the job description."""
    posting = ctx.posting
    if ctx.teaser() is not None or posting.words >= _DESCRIPTION_WORDS:
        return True
    if any(s.duties for s in posting.sections):
        return True
    return any(s.words >= 5 for s in posting.sections_with("responsibilities"))


def _in_law_units(pay: pay_mod.Pay, j: Jurisdiction, value: float) -> float | None:
    """``value`` (a figure of ``pay``) in the law's currency and period, or None when the
    two cannot be compared. A bare "$" is the local dollar in a dollar country."""
    if j.currency and pay.currency and pay.currency != j.currency:
        local_dollar = (
            pay.currency == "USD"
            and j.currency in ("CAD", "AUD", "NZD")
            and not re.search(r"USD|US\s?\$", pay.phrase)
        )
        if not local_dollar:
            return None
    unit = pay.unit or pay_mod._guess_unit(value)
    period = j.period or "YEAR"
    if unit not in _PER_YEAR:
        return None
    return value * _PER_YEAR[unit] / _PER_YEAR[period]


def _over(pay: pay_mod.Pay | None, j: Jurisdiction, limit: float) -> bool:
    """Pay, or the top of its range, over ``limit``: Ontario asks for no pay then. Hours
    are counted as a full-time year, so an hourly rate is never held to less than it is."""
    if pay is None:
        return False
    top = pay.maximum if pay.maximum is not None else pay.minimum
    if top is None:
        return False
    value = _in_law_units(pay, j, top)
    return value is not None and value > limit


def _width(pay: pay_mod.Pay | None, j: Jurisdiction) -> float | None:
    """The width of a stated range in the law's units; None when it is not a range in the
    law's own period (an hourly range is not turned into a year's)."""
    if pay is None or pay.kind != "range" or pay.minimum is None or pay.maximum is None:
        return None
    if (pay.unit or pay_mod._guess_unit(pay.maximum)) != (j.period or "YEAR"):
        return None
    lo, hi = _in_law_units(pay, j, pay.minimum), _in_law_units(pay, j, pay.maximum)
    return None if lo is None or hi is None else hi - lo


def _money(j: Jurisdiction, amount: float) -> str:
    period = (j.period or "YEAR").lower()
    return f"{j.currency or ''} {amount:,.0f} a {period}".strip()


def _exemption(j: Jurisdiction, limit: float | None) -> str:
    if limit is None:
        return ""
    return f" (none is needed when pay is over {_money(j, limit)})"


def _found(pay: pay_mod.Pay | None) -> str:
    if pay is None:
        return "; the posting states no pay"
    if pay.kind == "open":
        return f"; '{pay.phrase}' is open-ended"
    if pay.kind == "vague":
        return f"; '{pay.phrase}' gives no figures"
    return ""


def _asks_for_pay(j: Jurisdiction, when: dt.date) -> bool:
    return any(r in _PAY_REQUIREMENTS for r in j.required(max(when, j.effective)))


def _missing(
    rule: Rule, ctx: Context, matches: list[Match], pay: pay_mod.Pay | None, when: dt.date
) -> Iterator[Finding]:
    if any(
        m.status == "applies"
        and m.jurisdiction.disclose == "ad"
        and any(r in _PAY_REQUIREMENTS for r in m.jurisdiction.required(when))
        for m in matches
    ):
        return  # the violations rule reports it, as an error
    if pay is not None and pay.is_range:
        return
    notes = []
    for m in matches:
        j = m.jurisdiction
        if not _asks_for_pay(j, when):
            continue
        if m.status == "not-enforced":
            notes.append(
                f"{j.name} ({j.law}) requires one: in force since {j.effective.isoformat()}, "
                f"enforced from {j.enforced.isoformat() if j.enforced else ''}"
            )
        elif m.status == "applies" and j.disclose in _DISCLOSE:
            notes.append(
                f"{j.name} ({j.law}) requires {_DISCLOSE[j.disclose]}; the posting is the "
                "simplest place"
            )
    upcoming = [m for m in matches if m.status == "not-yet" and _asks_for_pay(m.jurisdiction, when)]
    if upcoming:
        j = min(upcoming, key=lambda m: m.jurisdiction.effective).jurisdiction
        what = "one" if j.disclose == "ad" else _DISCLOSE[j.disclose]
        notes.append(f"{j.name} ({j.law}) will require {what} from {j.applies_from.isoformat()}")
    start, end = _anchor("range", ctx, pay)
    finding = rule.finding(
        start,
        end,
        jurisdiction="",
        law="",
        laws="",
        require="",
        problem=_PROBLEMS["range"],
        place="",
        found=_found(pay),
        later="".join(". " + note for note in notes),
    )
    finding.fact = _pay_fact(pay)
    yield finding


def _pay_fact(pay: pay_mod.Pay | None) -> tuple[str]:
    """No pay at all is the fact S104 reports too; pay without a range is C10x's alone."""
    return ("pay-missing",) if pay is None or pay.kind == "vague" else ("pay-range",)


# The section a missing statement belongs in; the pay requirements point at the pay stated.
_ANCHORS = {
    "range": "benefits",
    "minimum": "benefits",
    "max_width": "benefits",
    "collective_agreement": "benefits",
    "benefits": "benefits",
    "deadline": "how_to_apply",
    "ai_disclosure": "how_to_apply",
}
_AT_PAY = ("range", "minimum", "max_width", "collective_agreement")


def _anchor(requirement: str, ctx: Context, pay: pay_mod.Pay | None) -> tuple[int, int]:
    """Where a finding points: the pay it is about, else the section the missing text
    belongs in, else the title."""
    posting = ctx.posting
    if requirement in _AT_PAY and pay is not None and pay.block is not None:
        return pay.block.source_span(pay.start, pay.end)
    if requirement in _AT_PAY and pay is not None and posting.front_matter is not None:
        line = posting.front_matter.key_lines.get("salary")
        if line:
            return posting.lines.offset(line), posting.lines.line_end(line)
    wanted = _ANCHORS.get(requirement)
    if wanted:
        for s in posting.sections_with(wanted):
            if s.heading is not None:
                return s.heading.source_span()
    if posting.title_span:
        return posting.title_span
    a = posting.anchor()
    return a, a


def validate(options: dict[str, Any]) -> list[str]:
    """Checked when the pack loads: the table and the report mode."""
    errors = []
    if options.get("report") not in ("violations", "missing"):
        errors.append("option 'report' is violations or missing")
    try:
        parse_table(list(options.get("jurisdictions") or []), "option 'jurisdictions'")
    except ConfigError as e:
        errors.append(e.message if hasattr(e, "message") else str(e))
    return errors
