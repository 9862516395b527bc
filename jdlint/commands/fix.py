"""``--fix``, ``--fix-only`` and ``--diff``: the safe fixes, written in place, printed as a
diff, or, for standard input, written to standard output (an editor's fix on save).

Each fix made is one line, ``path:line:col: fixed CODE 'before' -> 'after'``: on standard
error beside the report of ``--fix``, as the whole output of ``--fix-only`` (the
``jdlint-fix`` pre-commit hook, which leaves the report to the ``jdlint`` hook).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from .. import display
from ..engine import Linter
from ..errors import InputError
from .common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, fail, note
from .paths import expand

if TYPE_CHECKING:
    from ..fixes import Change


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else many or word + 's'}"


def change_line(path: str, change: Change) -> str:
    return display.text(
        f"{display.path(path)}:{change.line}:{change.column}: fixed {change.code} "
        f"'{change.before}' -> '{change.after}'"
    )


def fix_or_diff(
    linter: Linter,
    paths: tuple[str, ...],
    reading: str | None,
    *,
    write: bool,
    quiet: bool,
    fmt: str = "text",
    to_stdout: bool = False,
) -> bool:
    """--fix: rewrite files with their safe fixes, print each change (on standard output
    when ``to_stdout``, for --fix-only), and return whether a fix could not be written (the
    run then exits 2); --diff: print them and exit."""
    from ..fixes import fix_file

    if "-" in paths:
        fail("--fix and --diff read standard input only when '-' is the one path")
    fixed = count = 0
    failed = False
    diffs: list[str] = []
    for path, problem in expand(paths or (".",), linter, fmt, warn_empty=not write):
        if problem is not None:
            if to_stdout:  # --fix-only has no lint pass to report it
                failed = True
                note(fmt, path, f"error: {problem}")
            continue  # reported by the lint pass (or below for --diff)
        result = fix_file(linter, path, reading, write=write)
        if result.error:
            failed = True
            note(fmt, path, f"error: {result.error}")
        elif result.fixed:
            fixed += result.fixed
            count += 1
            if not write:
                diffs.append(result.diff)
            elif not quiet:
                for change in result.changes:
                    click.echo(display.guard_runner(change_line(path, change)), err=not to_stdout)
    if write:
        if not quiet and fixed:
            click.echo(
                f"Fixed {_plural(fixed, 'problem')} in {_plural(count, 'file')}.",
                err=not to_stdout,
            )
        return failed
    # A diff is printed byte for byte (it must apply); under GitHub Actions a diff holding a
    # line the runner would take for a command is fenced off from it.
    click.echo(display.guard_runner("".join(diffs)), nl=False)
    if not quiet:
        click.echo(
            f"{_plural(fixed, 'fix', 'fixes')} in {_plural(count, 'file')} would be applied.",
            err=True,
        )
    sys.exit(EXIT_ERROR if failed else (EXIT_FINDINGS if fixed else EXIT_OK))


def fix_stdin(
    linter: Linter,
    name: str | None,
    reading: str | None,
    *,
    diff: bool,
    quiet: bool,
    exit_zero: bool,
    fail_on: str | None,
    color: bool | None,
) -> int:
    """``jdlint - --fix``: the fixed text on standard output, what is left on standard
    error. The text goes out whatever happens (unchanged when it cannot be linted), so an
    editor that pipes a buffer through jdlint never loses it. ``--diff``: the diff only."""
    from ..fixes import fixed_with_changes, unified_diff
    from ..reporters import text as text_report
    from ..textio import decode_keeping
    from .check import failing, read_limit
    from .common import stderr_colour

    path = name or "-"
    limit = read_limit(linter, name)
    data = sys.stdin.buffer.read(limit + 1)
    out = sys.stdout.buffer
    try:
        if len(data) > limit:
            raise InputError(
                f"standard input is over the {limit:,}-byte limit (max-file-size in config)"
            )
        text, encoding, bom = decode_keeping(data)
        report = linter.lint_text(text, path, reading)
        if report.error:
            raise InputError(report.error)
        new, changes = fixed_with_changes(report)
        encoded = bom + new.encode(encoding)
        left = linter.lint_text(new, path, reading) if changes else report
        if left.error:
            raise InputError(left.error)
    except (InputError, UnicodeEncodeError) as e:
        message = e.message if isinstance(e, InputError) else f"cannot encode the fixed text: {e}"
        if not diff:
            out.write(data)
            out.flush()
        note("text", path, f"error: {message}")
        return EXIT_ERROR
    if diff:
        click.echo(display.guard_runner(unified_diff(path, text, new)), nl=False)
        return EXIT_FINDINGS if changes and not exit_zero else EXIT_OK
    out.write(encoded)
    out.flush()
    if not quiet:
        import io

        buffer = io.StringIO()
        for change in changes:
            buffer.write(change_line(path, change) + "\n")
        # The report goes to standard error: coloured when that is a terminal.
        use_colour = color if color is not None else stderr_colour()
        text_report.write([left], buffer, {"color": use_colour, "quiet": False})
        click.echo(display.guard_runner(buffer.getvalue()), nl=False, err=True)
    threshold = failing(linter, fail_on, path)
    if not exit_zero and any(f.severity >= threshold for f in left.findings):
        return EXIT_FINDINGS
    return EXIT_OK
