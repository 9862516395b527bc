"""GitHub Actions workflow commands: one annotation per finding on the changed file's line.

``::warning file=postings/rn.md,line=14,col=4,endLine=14,endColumn=20,title=S202::message``.
Errors are ``::error``, warnings ``::warning``, infos ``::notice``; a file that could not be
linted is an ``::error`` on that file. Paths are relative to the repository root, as
GitHub expects. The summary line follows (not with ``--quiet``).
"""

from __future__ import annotations

from typing import IO

from .. import display
from ..engine import FileReport
from ..findings import Severity
from .paths import display_path, repo_root
from .summary import summary_line

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    """The message part of a workflow command (after ``::``). Other control characters are
    shown as escapes (the log renders ANSI sequences) and the legacy ``##[`` command form
    is broken with a zero-width space, which the runner has no escape for."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return display.path(value).replace("##[", "#\u200b#[")


def escape_property(value: str) -> str:
    """A ``key=value`` property of a workflow command."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **props: object) -> str:
    fields = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
    return (
        f"::{name} {fields}::{escape_data(message)}"
        if fields
        else f"::{name}::{escape_data(message)}"
    )


def write(reports: list[FileReport], out: IO[str], options: dict) -> None:
    root = repo_root()
    for report in reports:
        path = display_path(report.path, root)
        if report.error:
            out.write(
                command(
                    "error",
                    f"could not be linted: {display.text(report.error)}",
                    file=path,
                    title="jdlint",
                )
                + "\n"
            )
            continue
        for f in report.findings:
            line, col = report.line_col(f.start)
            end_line, end_col = report.line_col(f.end)
            message = display.text(f.message)
            if f.suggestions:
                message += f" Suggestion: {' / '.join(f.suggestions)}."
            out.write(
                command(
                    COMMANDS[f.severity],
                    message,
                    file=path,
                    line=line,
                    col=col,
                    endLine=end_line,
                    endColumn=end_col,
                    title=f.code,
                )
                + "\n"
            )
    if not options.get("quiet"):
        out.write(summary_line(reports) + "\n")
