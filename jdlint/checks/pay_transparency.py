"""Pay transparency: a posting for work where a law requires a pay range must state one.

The laws are data (the ``jurisdictions`` option, see ``jdlint/jurisdictions.py``). The
posting's place comes from front matter ``location`` or the text (``jdlint/location.py``),
its pay from front matter ``salary`` or the text (``jdlint/pay.py``), the employer's size
from config ``employer: {size: N}`` (unknown size: the law is assumed to apply). A law
whose date is after today does not apply yet, so a law that starts in 2027 turns on by
itself.

``report: violations`` reports each requirement the posting does not meet, once for all
the laws that apply and want it at the same place (an error naming them: New York State's
and New York City's laws in one finding). ``report: missing`` reports a posting with no
usable pay range where no law requires one (info).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .. import location as loc_mod
from .. import pay as pay_mod
from .. import statements
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
        list[dict], [], doc="the pay transparency laws (see docs/rule-packs.md); empty: use C101's"
    ),
    "report": Option(
        str,
        "violations",
        doc="violations (a law applies and is not met) or missing (no law, no range)",
    ),
}
MESSAGE_FIELDS = (
    "jurisdiction", "law", "laws", "require", "problem", "place", "found", "later"
)
NEEDS: frozenset[str] = frozenset()

_PROBLEMS = {
    "range": "a pay range with a minimum and a maximum (or one fixed rate)",
    "benefits": "a general description of the benefits and other pay",
    "deadline": "the date applications are expected to close",
}


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


def check(rule: Rule, ctx: Context) -> Iterator[Finding]:
    posting = ctx.posting
    laws = table(rule, ctx)
    locations, _ = loc_mod.of_posting(posting)
    matches = match(laws, locations, ctx.today, employer_size(ctx))
    pay, _ = pay_mod.of_posting(posting)
    if rule.options["report"] == "missing":
        yield from _missing(rule, ctx, matches, pay)
        return
    # Laws that want the same thing at the same place (New York State's and New York
    # City's range) are one finding naming them all: one fact, one fix.
    groups: dict[tuple[str, int, int], list[Match]] = {}
    for m in matches:
        if m.status != "applies":
            continue
        for requirement in m.jurisdiction.required(ctx.today):
            if _met(requirement, posting, pay):
                continue
            start, end = _anchor(requirement, ctx, pay)
            groups.setdefault((requirement, start, end), []).append(m)
    for (requirement, start, end), laws in groups.items():
        first = laws[0]
        places = list(dict.fromkeys(m.location.describe() for m in laws))
        finding = rule.finding(
            start,
            end,
            jurisdiction=first.jurisdiction.name,
            law=first.jurisdiction.law,
            laws=_and([f"{m.jurisdiction.name} ({m.jurisdiction.law})" for m in laws]),
            require="requires" if len(laws) == 1 else "require",
            problem=_PROBLEMS[requirement],
            place=_and(places),
            found=_found(requirement, pay),
            later="",
        )
        finding.data["jurisdictions"] = [m.jurisdiction.id for m in laws]
        if requirement == "range":
            finding.fact = _pay_fact(pay)
        yield finding


def _and(items: list[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _met(requirement: str, posting: Any, pay: pay_mod.Pay | None) -> bool:
    if requirement == "range":
        return pay is not None and pay.is_range
    if requirement == "benefits":
        return statements.has_benefits(posting)
    if requirement == "deadline":
        return statements.deadline(posting) is not None
    return True


def _found(requirement: str, pay: pay_mod.Pay | None) -> str:
    if requirement != "range":
        return ""
    if pay is None:
        return "; the posting states no pay"
    if pay.kind == "open":
        return f"; '{pay.phrase}' is open-ended"
    if pay.kind == "vague":
        return f"; '{pay.phrase}' gives no figures"
    return ""


def _missing(
    rule: Rule, ctx: Context, matches: list[Match], pay: pay_mod.Pay | None
) -> Iterator[Finding]:
    if any(
        m.status == "applies" and "range" in m.jurisdiction.required(ctx.today) for m in matches
    ):
        return  # the violations rule reports it, as an error
    if pay is not None and pay.is_range:
        return
    later = ""
    upcoming = [m for m in matches if m.status == "not-yet"]
    if upcoming:
        m = min(upcoming, key=lambda m: m.jurisdiction.effective)
        later = (
            f" ({m.jurisdiction.name}'s {m.jurisdiction.law} will require one from "
            f"{m.jurisdiction.effective.isoformat()})"
        )
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
        found=_found("range", pay),
        later=later,
    )
    finding.fact = _pay_fact(pay)
    yield finding


def _pay_fact(pay: pay_mod.Pay | None) -> tuple[str]:
    """No pay at all is the fact S104 reports too; pay without a range is C10x's alone."""
    return ("pay-missing",) if pay is None or pay.kind == "vague" else ("pay-range",)


def _anchor(requirement: str, ctx: Context, pay: pay_mod.Pay | None) -> tuple[int, int]:
    posting = ctx.posting
    if requirement == "range" and pay is not None and pay.block is not None:
        return pay.block.source_span(pay.start, pay.end)
    if requirement == "range" and pay is not None and posting.front_matter is not None:
        line = posting.front_matter.key_lines.get("salary")
        if line:
            return posting.lines.offset(line), posting.lines.line_end(line)
    wanted = {"range": "benefits", "benefits": "benefits", "deadline": "how_to_apply"}[requirement]
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
