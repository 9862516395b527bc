"""``jdlint check``: lint postings, write the report, and decide the exit status."""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import IO, Any, NoReturn

import click

from .. import display
from ..config import load_file
from ..engine import DEFAULT_MAX_BYTES, FileReport, Linter
from ..errors import ConfigError, InputError
from ..findings import Severity
from ..textio import decode
from .common import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_OK,
    colour,
    fail,
    is_terminal,
    note,
    terminal_width,
    warn,
    warn_ignored_configs,
)
from .paths import config_probe, expand, refuse_output_over_input, refuse_posting_as_config


@dataclass
class CheckOptions:
    """What ``jdlint check`` was asked to do, as parsed from the command line."""

    paths: tuple[str, ...] = ()
    fmt: str = "auto"
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_on: str | None = None
    config_path: str | None = None
    profile: str | None = None
    input_format: str | None = None  # None: by extension and content
    stdin_filename: str | None = None
    output: str | None = None
    color: bool | None = None
    quiet: bool = False
    statistics: bool = False
    fix: bool = False
    fix_only: bool = False
    show_diff: bool = False
    jobs: int = 1
    jsonl: str | None = None
    show_source: bool | None = None  # None: show-source in config, else on a terminal
    exit_zero: bool = False
    show_settings: bool = False

    def overrides(self) -> dict[str, Any]:
        """The settings given on the command line, over those of any config."""
        return {
            "select": self.select or None,
            "extend-select": self.extend_select,
            "ignore": self.ignore,
            "profile": self.profile,
        }


def run(opts: CheckOptions) -> NoReturn:
    from ..reporters import REPORTERS, choose
    from ..reporters.summary import summary_line, write_statistics

    overrides = opts.overrides()
    jobs = opts.jobs
    if jobs != 1 and (jobs != 0 or opts.jsonl is not None):
        # --jobs 0 over files is sized from their length once the files are known
        # (lint_all); a stream's length is not known, so it gets every core.
        from ..batch import resolve_jobs

        jobs = resolve_jobs(jobs)
    if opts.config_path:
        refuse_posting_as_config(opts.config_path)
    if opts.output:
        refuse_output_over_input(opts.output, opts.paths, opts.jsonl)
    if opts.jsonl is not None:
        from .jsonl import run as run_jsonl

        run_jsonl(opts, overrides, jobs)
    stdin_only = opts.paths == ("-",)
    fixing = opts.fix or opts.fix_only or opts.show_diff
    try:
        fixed = load_file(opts.config_path) if opts.config_path else None
        linter = Linter(fixed, overrides)
        # Validate config, packs and the profile before reading any posting.
        first = next((p for p in opts.paths if p != "-"), None)
        probe = config_probe(first) if first else opts.stdin_filename
        linter.check_config(probe)
    except ConfigError as e:
        fail(str(e))
    if opts.show_settings:
        from .settings import run as show_settings

        sys.exit(show_settings(linter, probe))

    fmt = choose(opts.fmt, output=opts.output, env=os.environ)
    reading = opts.input_format
    if fixing and stdin_only:
        from .fix import fix_stdin

        sys.exit(
            fix_stdin(
                linter,
                opts.stdin_filename,
                reading,
                diff=opts.show_diff,
                quiet=opts.quiet,
                exit_zero=opts.exit_zero,
                fail_on=opts.fail_on,
                color=opts.color,
            )
        )
    fix_failed = False
    if fixing:
        from .fix import fix_or_diff

        fix_failed = fix_or_diff(
            linter,
            opts.paths,
            reading,
            write=(opts.fix or opts.fix_only) and not opts.show_diff,
            quiet=opts.quiet,
            fmt=fmt,
            to_stdout=opts.fix_only,
        )
        if opts.fix_only:
            warn_ignored_configs(fmt)
            sys.exit(EXIT_ERROR if fix_failed else EXIT_OK)
    reports = lint_all(linter, opts, reading, fmt, jobs, overrides)

    warn_ignored_configs(fmt)
    to_screen = opts.output is None
    use_colour = colour(opts.color) if to_screen else False
    width = terminal_width() if to_screen else None
    buffer = io.StringIO()
    options: dict[str, Any] = {
        "color": use_colour,
        "quiet": opts.quiet,
        "width": width,
        "show_source": _show_source(linter, opts, probe, width is not None),
    }
    if fmt in ("sarif", "html"):
        options["rules"] = _active_rules(linter, reports, opts.stdin_filename)
    if opts.statistics and fmt == "text":
        write_statistics(reports, buffer)
        if not opts.quiet:
            buffer.write(summary_line(reports) + "\n")
    else:
        REPORTERS[fmt](reports, buffer, options)
    if opts.output:
        try:
            Path(opts.output).write_text(buffer.getvalue(), encoding="utf-8")
        except OSError as e:
            fail(f"cannot write report to {display.path(opts.output)}: {e.strerror or e}")
        if not opts.quiet:
            _summary_to(sys.stderr, reports)
    else:
        report_text = buffer.getvalue()
        if fmt != "github":  # annotations are meant for the runner; their data is escaped
            report_text = display.guard_runner(report_text)
        # ``color`` keeps click from stripping the styles when --color is forced on a pipe.
        click.echo(report_text, nl=False, color=True if use_colour else None)
    if opts.statistics and fmt != "text":
        # The table goes where it cannot spoil a machine-readable report.
        stats = io.StringIO()
        write_statistics(reports, stats)
        click.echo(display.guard_runner(stats.getvalue()), nl=False, err=True)
    for r in reports:
        # The report on standard output already shows it, except in text without a file.
        if (
            r.error
            and (fmt != "text" or opts.output or opts.statistics)
            and (fmt != "github" or opts.output)
        ):
            note(fmt, r.path, f"error: {r.error}")

    if any(r.error for r in reports) or fix_failed:
        sys.exit(EXIT_ERROR)
    if not opts.exit_zero and any(
        f.severity >= failing(linter, opts.fail_on, r.path) for r in reports for f in r.findings
    ):
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_OK)


def _show_source(linter: Linter, opts: CheckOptions, probe: str | None, terminal: bool) -> bool:
    """--show-source/--no-show-source, else show-source in config, else on a terminal."""
    if opts.show_source is not None:
        return opts.show_source
    try:
        configured = linter.config_for(probe).get("show-source")
    except ConfigError:
        configured = None
    return terminal if configured is None else bool(configured)


def lint_all(
    linter: Linter,
    opts: CheckOptions,
    reading: str | None,
    fmt: str,
    jobs: int,
    overrides: dict[str, Any],
) -> list[FileReport]:
    """A report for each posting of the run, in the order given (folders walked)."""
    reports: list[FileReport] = []
    pooled = None
    try:
        targets = list(expand(opts.paths or (".",), linter, fmt))
        paths = [(path, reading) for path, problem in targets if problem is None and path != "-"]
        pooled = _pooled(paths, jobs, opts.config_path, overrides, partial(warn, fmt))
        with _progress(targets, opts.quiet) as items:
            for path, problem in items:
                if problem is not None:
                    reports.append(FileReport(path, error=problem))
                elif path == "-":
                    reports.append(
                        guarded(lambda: lint_stdin(linter, opts.stdin_filename, reading), "-")
                    )
                elif pooled is not None:
                    reports.append(next(pooled))
                else:
                    reports.append(guarded(partial(linter.lint_file, path, reading), path))
    except ConfigError as e:  # a config further down the tree
        fail(str(e))
    finally:
        if pooled is not None:
            pooled.close()  # stops the worker processes, also on Ctrl-C or SIGTERM
    return reports


def _pooled(
    paths: list[tuple[str, str | None]],
    jobs: int,
    config_path: str | None,
    overrides: dict[str, Any],
    on_break: Callable[[str], None] | None = None,
) -> Iterator[FileReport] | None:
    """FileReports of ``paths`` in order from a pool of ``jobs`` processes (0: as many as
    the work pays for); None to lint in this process (one job, or too little work to be
    worth starting workers)."""
    if jobs == 0:
        from ..batch import auto_jobs

        jobs = auto_jobs(path for path, _ in paths)
    jobs = min(jobs, len(paths))
    if jobs <= 1:
        return None
    from ..batch import LinterSpec, lint_paths

    spec = LinterSpec(config_path, tuple(overrides.items()))
    return lint_paths(paths, spec, jobs, on_break)


def _active_rules(linter: Linter, reports: list[FileReport], stdin_name: str | None) -> list[Any]:
    """Every rule active for some file of the run (one ruleset per distinct config)."""
    rules: dict[str, Any] = {}
    probes = {stdin_name if r.path == "-" else r.path for r in reports} or {None}
    for probe in probes:
        try:
            _, active = linter.ruleset(linter.config_for(probe))
        except ConfigError:
            continue
        for rule in active:
            rules.setdefault(rule.code, rule)
    return list(rules.values())


# Show a progress bar from this many files, on a terminal, outside CI.
PROGRESS_MIN_FILES = 20


def _want_progress(count: int, quiet: bool) -> bool:
    return (
        count > PROGRESS_MIN_FILES
        and not quiet
        and not os.environ.get("CI")
        and not os.environ.get("GITHUB_ACTIONS")
        and is_terminal(sys.stderr)
    )


@contextlib.contextmanager
def _progress(items: list[Any], quiet: bool) -> Iterator[Any]:
    """``items``, behind a progress bar on standard error when one is wanted."""
    if not _want_progress(len(items), quiet):
        yield items
        return
    with click.progressbar(
        items,
        label="Linting",
        file=sys.stderr,
        show_pos=True,
        item_show_func=lambda item: display.path(item[0]) if item else None,
    ) as bar:
        yield bar


# Findings at or above this severity fail a run unless --fail-on or config say otherwise:
# warnings block, infos never do (ruff, ESLint and yamllint fail on what they report).
DEFAULT_FAIL_ON = "warning"


def failing(linter: Linter, cli: str | None, path: str) -> Severity:
    """--fail-on, else the fail-on of the config that applies to the file, else warning."""
    if cli:
        return Severity.parse(cli)
    probe = None if path == "-" else path
    return Severity.parse(linter.config_for(probe).get("fail-on") or DEFAULT_FAIL_ON)


def guarded(lint: Callable[[], FileReport], path: str) -> FileReport:
    """Run one file's lint; a crash in a check is reported for that file, not a traceback."""
    try:
        return lint()
    except ConfigError:
        raise
    except Exception as e:  # the run goes on with the other files
        if os.environ.get("JDLINT_DEBUG"):
            raise
        return FileReport(
            path, error=f"internal error: {type(e).__name__}: {e} (please report this)"
        )


def read_limit(linter: Linter, name: str | None) -> int:
    """The most bytes of standard input to read: max-file-size of the config for ``name``."""
    return int(linter.config_for(name).get("max-file-size", DEFAULT_MAX_BYTES))


def read_stdin(linter: Linter, name: str | None) -> str:
    """Standard input as text, within the config's max-file-size; InputError otherwise."""
    limit = read_limit(linter, name)
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        raise InputError(
            f"standard input is over the {limit:,}-byte limit (max-file-size in config)"
        )
    return decode(data)


def lint_stdin(linter: Linter, name: str | None, reading: str | None) -> FileReport:
    path = name or "-"
    try:
        text = read_stdin(linter, name)
    except InputError as e:
        return FileReport(path, error=e.message)
    return linter.lint_text(text, path, reading)


def _summary_to(stream: IO[str], reports: list[FileReport]) -> None:
    total = sum(len(r.findings) for r in reports)
    stream.write(f"jdlint: {total} finding(s) in {len(reports)} file(s)\n")
