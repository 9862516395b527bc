"""Human-readable output: ``path:line:col: CODE message``, grouped per file, with a summary."""

from __future__ import annotations

from typing import IO

import click

from .. import display
from ..engine import FileReport
from ..findings import Severity

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def write(reports: list[FileReport], out: IO[str], options: dict) -> None:
    colour = bool(options.get("color"))
    counts = {s: 0 for s in Severity}
    failed = 0
    for report in reports:
        shown = display.path(report.path)
        if report.error:
            failed += 1
            head = click.style(shown, bold=True) if colour else shown
            msg = click.style("error", fg="red", bold=True) if colour else "error"
            out.write(f"{head}: {msg}: {display.text(report.error)}\n")
            continue
        for f in report.findings:
            counts[f.severity] += 1
            line, col = report.line_col(f.start)
            where = f"{shown}:{line}:{col}:"
            code = f.code
            if colour:
                where = click.style(where, bold=True)
                code = click.style(code, fg=_COLOURS[f.severity], bold=True)
            out.write(f"{where} {code} {display.text(f.message)}\n")
            if f.suggestions and options.get("show_suggestions", True):
                out.write(f"    suggestion: {display.text(' / '.join(f.suggestions))}\n")
        if report.findings and len(reports) > 1:
            out.write("\n")
    total = sum(counts.values())
    files = len(reports)
    parts = [
        f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in sorted(Severity, reverse=True)
    ]
    summary = f"Found {total} problem{'s' if total != 1 else ''} ({', '.join(parts)}) in {files} file{'s' if files != 1 else ''}"
    if failed:
        summary += f"; {failed} file{'s' if failed != 1 else ''} could not be linted"
    if not options.get("quiet"):
        out.write(summary + ".\n")
