"""Human-readable output: ``path:line:col: severity CODE message``, one finding per line.

The severity is on every line, so a log without colour (pre-commit, CI, ``NO_COLOR``, a
pipe) still says which findings block. A fixable finding carries ``[*]`` after its code.
On a terminal (``width`` set) messages wrap at word boundaries, and with ``show_source``
each finding is followed by its source line with the span marked (``reporters/frame.py``).
After a file's findings a line gives its score and readability figures, and the run
ends with the totals and how many findings ``--fix`` can fix.
"""

from __future__ import annotations

import textwrap
from typing import IO, Any

import click

from .. import display
from ..engine import FileReport
from ..findings import Finding, Severity
from .frame import frame
from .summary import file_line, fixable_line, summary_line

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
# Continuation lines of a wrapped message, and the lines under a finding.
INDENT = "    "
# The width of a source excerpt when the output is not a terminal (--show-source to a pipe).
FRAME_WIDTH = 100


def write(reports: list[FileReport], out: IO[str], options: dict[str, Any]) -> None:
    colour = bool(options.get("color"))
    width: int | None = options.get("width")
    source = bool(options.get("show_source"))
    quiet = bool(options.get("quiet"))
    suggestions = options.get("show_suggestions", True)
    several = len(reports) > 1
    for report in reports:
        shown = display.path(report.path)
        if report.error:
            head = click.style(shown, bold=True) if colour else shown
            msg = click.style("error", fg="red", bold=True) if colour else "error"
            out.write(f"{head}: {msg}: {display.text(report.error)}\n")
            continue
        for f in report.findings:
            out.write(_finding(report, f, shown, colour, width))
            indent = INDENT
            if source and report.posting is not None:
                lines = frame(report.posting.lines, f.start, f.end, width or FRAME_WIDTH)
                for line in lines:
                    out.write(_style(line, colour, fg="blue") + "\n")
                indent = lines[0][:-1] + "= "  # under the frame's gutter: "   = "
            if f.suggestions and suggestions:
                text = "suggestion: " + display.text(" / ".join(f.suggestions))
                out.write(_wrap(text, width, indent))
            if source:
                out.write("\n")
        if not quiet and (report.findings or not several):
            for line in _wrap(file_line(report), width, "").splitlines():
                out.write(_style(line, colour, bold=True) + "\n")
        if report.findings and several and not source:
            out.write("\n")
    if not quiet:
        out.write(summary_line(reports) + "\n")
        fixable = fixable_line(reports)
        if fixable:
            out.write(fixable + "\n")


def _style(text: str, colour: bool, **style: Any) -> str:
    return click.style(text, **style) if colour else text


def _finding(report: FileReport, f: Finding, shown: str, colour: bool, width: int | None) -> str:
    line, col = report.line_col(f.start)
    where = f"{shown}:{line}:{col}:"
    severity = str(f.severity)
    code = f"{f.code} [*]" if f.fixable else f.code
    message = display.text(f.message)
    plain_head = f"{where} {severity} {code}"
    if colour:
        head = " ".join(
            (
                click.style(where, bold=True),
                click.style(severity, fg=_COLOURS[f.severity], bold=True),
                click.style(f.code, bold=True)
                + (click.style(" [*]", fg="cyan") if f.fixable else ""),
            )
        )
    else:
        head = plain_head
    if not width:
        return f"{head} {message}\n"
    # Wrap the plain line, then put the styled head back in place of its first characters.
    lines = textwrap.wrap(
        f"{plain_head} {message}",
        width,
        subsequent_indent=INDENT,
        break_long_words=False,
        break_on_hyphens=False,
    )
    if lines and lines[0].startswith(plain_head):
        lines[0] = head + lines[0][len(plain_head) :]
    return "\n".join(lines) + "\n"


def _wrap(text: str, width: int | None, indent: str) -> str:
    if not width:
        return f"{indent}{text}\n"
    lines = textwrap.wrap(
        text,
        width,
        initial_indent=indent,
        subsequent_indent=" " * (len(indent) + 2),
        break_long_words=False,
        break_on_hyphens=False,
    )
    return "\n".join(lines) + "\n"
