"""Run totals shared by the reporters: the summary line and the per-rule statistics."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import IO

from ..engine import FileReport
from ..findings import Severity


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary_line(reports: list[FileReport]) -> str:
    """``Found 3 problems (0 errors, 3 warnings, 0 infos) in 1 file.``, as the text report."""
    counts = Counter(f.severity for r in reports for f in r.findings)
    total = sum(counts.values())
    parts = ", ".join(_plural(counts[s], str(s)) for s in sorted(Severity, reverse=True))
    line = f"Found {_plural(total, 'problem')} ({parts}) in {_plural(len(reports), 'file')}"
    failed = sum(1 for r in reports if r.error)
    if failed:
        line += f"; {_plural(failed, 'file')} could not be linted"
    return line + "."


def fixable_line(reports: list[FileReport]) -> str:
    """``[*] 2 fixable with --fix.``, or "" when no finding has a safe fix."""
    fixable = sum(f.fixable for r in reports for f in r.findings)
    return f"[*] {fixable} fixable with --fix." if fixable else ""


# The readability figures a file's line shows, from the report's metrics.
_FIGURES = (("flesch_reading_ease", "reading ease"), ("flesch_kincaid_grade", "grade level"))


def file_line(report: FileReport) -> str:
    """``path: score 44/100 (271 words, reading ease 38.2, grade level 13.1)``: the score
    and readability figures the JSON report has, for one linted file."""
    from .. import display

    metrics = report.metrics or {}
    parts = []
    if isinstance(metrics.get("words"), int):
        parts.append(_plural(metrics["words"], "word"))
    parts += [f"{label} {metrics[key]}" for key, label in _FIGURES if metrics.get(key) is not None]
    figures = f" ({', '.join(parts)})" if parts else ""
    return f"{display.path(report.path)}: score {report.score}/100{figures}"


@dataclass
class RuleCount:
    code: str
    name: str
    severity: Severity
    count: int
    fixable: int


def rule_counts(reports: list[FileReport]) -> list[RuleCount]:
    """Findings per rule, most frequent first (then by code)."""
    by_code: dict[str, RuleCount] = {}
    for r in reports:
        for f in r.findings:
            rc = by_code.setdefault(f.code, RuleCount(f.code, f.name, f.severity, 0, 0))
            rc.count += 1
            rc.fixable += f.fixable
            rc.severity = max(rc.severity, f.severity)
    return sorted(by_code.values(), key=lambda rc: (-rc.count, rc.code))


def write_statistics(reports: list[FileReport], out: IO[str]) -> None:
    """One line per rule that reported: count, code, name, severity, fixable count."""
    rows = rule_counts(reports)
    if not rows:
        return
    width = max(len(rc.name) for rc in rows)
    digits = max(len(str(rc.count)) for rc in rows)
    for rc in rows:
        fixable = f"  ({rc.fixable} fixable)" if rc.fixable else ""
        out.write(
            f"{rc.count:>{digits}}  {rc.code:<4}  {rc.name:<{width}}  {rc.severity}{fixable}\n"
        )
