"""``--fix`` and ``--diff``: the safe fixes, written in place or printed as a diff."""

from __future__ import annotations

import sys

import click

from .. import display
from ..engine import Linter
from .common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, fail, note
from .paths import expand


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else many or word + 's'}"


def fix_or_diff(
    linter: Linter,
    paths: tuple[str, ...],
    reading: str | None,
    *,
    write: bool,
    quiet: bool,
    fmt: str = "text",
) -> bool:
    """--fix: rewrite files with their safe fixes, and return whether a fix could not be
    written (the run then exits 2 after reporting); --diff: print them and exit."""
    from ..fixes import fix_file

    if "-" in paths:
        fail("--fix and --diff work on files, not standard input")
    fixed = count = 0
    failed = False
    diffs: list[str] = []
    for path, problem in expand(paths or (".",), linter, fmt, warn_empty=not write):
        if problem is not None:
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
    if write:
        if not quiet and fixed:
            click.echo(
                f"Fixed {_plural(fixed, 'problem')} in {_plural(count, 'file')}.", err=True
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
