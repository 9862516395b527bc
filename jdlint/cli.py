"""Command line: ``jdlint [check] PATH...``, ``jdlint rules``, ``jdlint explain CODE``, ``jdlint init``."""

from __future__ import annotations

import contextlib
import errno
import io
import json
import os
import re
import sys
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import IO, Any, NoReturn

import click

from . import __version__, display, files
from .config import Config, load_file
from .engine import DEFAULT_MAX_BYTES, FileReport, Linter
from .errors import ConfigError, InputError
from .findings import Severity
from .readers import EXTENSIONS, FORMATS
from .textio import decode

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
# Repository documents that share the postings' extensions; named files are still linted.
_SKIP_FILES = {"readme", "changelog", "contributing", "license", "code_of_conduct", "security"}
_SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox"}


EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports Ctrl-C
EXIT_TERMINATED = 143  # 128 + SIGTERM


class _Terminated(BaseException):
    """SIGTERM, raised in the main thread so that cleanups run (temporary files removed,
    worker processes stopped); a BaseException so that no ``except Exception`` keeps it."""


@contextlib.contextmanager
def _sigterm_as_exception() -> Iterator[None]:
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminated(signum: int, frame: Any) -> None:
        raise _Terminated()

    previous = signal.signal(signal.SIGTERM, terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _quiet_stdout() -> None:
    """Point standard output at /dev/null once it cannot be written (a closed pipe, a full
    disk), so the interpreter's last flush adds no second error."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, ValueError, io.UnsupportedOperation):
        return
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, fd)
    os.close(null)


class _DefaultGroup(click.Group):
    """Runs ``check`` when the first argument is not a command, as ``ruff`` does."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["check", *args]
        return super().parse_args(ctx, args)

    def main(  # type: ignore[override]
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Exit statuses: 0 clean, 1 findings, 2 any error, never a traceback (a crash is one
        line and status 2, so CI can tell it from findings); 130 for Ctrl-C, 143 for
        SIGTERM, after temporary files are removed and worker processes stopped."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            with _sigterm_as_exception():
                rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except _Terminated:
            _stderr_line("jdlint: stopped (SIGTERM)")
            sys.exit(EXIT_TERMINATED)
        except (click.Abort, KeyboardInterrupt):
            _stderr_line("Aborted!")
            sys.exit(EXIT_INTERRUPTED)
        except click.ClickException as e:
            e.show()
            sys.exit(e.exit_code)
        except OSError as e:
            # Reading files is guarded file by file; what is left is writing the report.
            _quiet_stdout()
            if e.errno != errno.EPIPE:  # a closed pipe (``| head``) is not worth a message
                _stderr_line(f"jdlint: error: cannot write the output: {e.strerror or e}")
            sys.exit(EXIT_ERROR)
        except Exception as e:
            if os.environ.get("JDLINT_DEBUG"):
                raise
            _stderr_line(
                f"jdlint: internal error: {type(e).__name__}: {display.text(str(e))} "
                "(please report this; JDLINT_DEBUG=1 shows where)"
            )
            sys.exit(EXIT_ERROR)
        sys.exit(rv if isinstance(rv, int) else EXIT_OK)


def _stderr_line(message: str) -> None:
    with contextlib.suppress(OSError):
        click.echo(display.guard_runner(message + "\n"), nl=False, err=True)


@click.group(cls=_DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="jdlint")
def main() -> None:
    """jdlint: lint job postings for structure, role coverage, SEO, readability,
    inclusive language and compliance.

    Run ``jdlint PATH...`` (the same as ``jdlint check PATH...``).
    """


def _split(values: tuple[str, ...]) -> list[str]:
    return [v.strip() for item in values for v in item.split(",") if v.strip()]


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["auto", "text", "json", "sarif", "github", "gitlab", "html"]),
    default="auto",
    show_default=True,
    help="Report format. auto: GitHub annotations under GitHub Actions, else text "
    "(coloured on a terminal); with --output, by the file's extension (.sarif, .json, .html).",
)
@click.option(
    "--select", multiple=True, help="Rule codes, prefixes or names to enable (replaces config)."
)
@click.option("--extend-select", multiple=True, help="Rules to enable on top of the selection.")
@click.option("--ignore", multiple=True, help="Rule codes, prefixes or names to disable.")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    default=None,
    help="Lowest severity that makes the exit status 1 [default: error].",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Use this config file instead of searching upward from each posting.",
)
@click.option("--profile", default=None, help="Role profile to check against.")
@click.option(
    "--input-format",
    type=click.Choice(["auto", *FORMATS]),
    default="auto",
    show_default=True,
    help="How to read postings (auto: by extension and content).",
)
@click.option(
    "--stdin-filename", default=None, help="Path to report (and find config from) for '-'."
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    help="Write the report to this file; a summary still goes to standard error.",
)
@click.option(
    "--color/--no-color", default=None, help="Colour the text report [default: on a terminal]."
)
@click.option(
    "--quiet", "-q", is_flag=True, help="Print findings only: no summary line, no progress bar."
)
@click.option(
    "--statistics",
    is_flag=True,
    help="Count findings per rule (instead of listing them, in the text report).",
)
@click.option(
    "--fix", is_flag=True, help="Apply safe fixes in place, then report what is left."
)
@click.option(
    "--diff", "show_diff", is_flag=True, help="Print the safe fixes as a diff; change nothing."
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Lint in this many processes (0: one per core); the report keeps the input order.",
)
@click.option(
    "--jsonl",
    "jsonl",
    type=click.Path(dir_okay=False, allow_dash=True),
    default=None,
    help="Stream postings from a JSON Lines file (- for standard input), one "
    '{"id", "text", "format"} object per line; write one JSON report object per line.',
)
def check(
    paths: tuple[str, ...],
    fmt: str,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    config_path: str | None,
    profile: str | None,
    input_format: str,
    stdin_filename: str | None,
    output: str | None,
    color: bool | None,
    quiet: bool,
    statistics: bool,
    fix: bool,
    show_diff: bool,
    jobs: int,
    jsonl: str | None,
) -> None:
    """Lint postings (files, folders, or - for standard input)."""
    from .reporters import REPORTERS, choose
    from .reporters.summary import write_statistics

    overrides: dict[str, Any] = {
        "select": _split(select) or None,
        "extend-select": _split(extend_select),
        "ignore": _split(ignore),
        "profile": profile,
    }
    if jobs != 1:
        from .batch import resolve_jobs

        jobs = resolve_jobs(jobs)
    if config_path:
        _refuse_posting_as_config(config_path)
    if output:
        _refuse_output_over_input(output, paths, jsonl)
    if jsonl is not None:
        _check_jsonl(jsonl, paths, fmt, overrides, config_path, fail_on, output, quiet, jobs,
                     fix or show_diff)
    try:
        fixed = load_file(config_path) if config_path else None
        linter = Linter(fixed, overrides)
        # Validate config and packs before reading any posting.
        first = next((p for p in paths if p != "-"), None)
        linter.check_config(_config_probe(first) if first else stdin_filename)
    except ConfigError as e:
        _fail(str(e))

    fmt = choose(fmt, output=output, env=os.environ)
    reading = None if input_format == "auto" else input_format
    fix_failed = False
    if fix or show_diff:
        fix_failed = _fix_or_diff(
            linter, paths, reading, write=fix and not show_diff, quiet=quiet, fmt=fmt
        )
    reports: list[FileReport] = []
    pooled = None
    try:
        targets = list(_expand(paths or (".",), linter, fmt))
        files = [(path, reading) for path, problem in targets if problem is None and path != "-"]
        pooled = _pooled(files, jobs, config_path, overrides, partial(_warn, fmt))
        with _progress(targets, quiet) as items:
            for path, problem in items:
                if problem is not None:
                    reports.append(FileReport(path, error=problem))
                elif path == "-":
                    reports.append(
                        _guarded(lambda: _lint_stdin(linter, stdin_filename, reading), "-")
                    )
                elif pooled is not None:
                    reports.append(next(pooled))
                else:
                    reports.append(_guarded(partial(linter.lint_file, path, reading), path))
    except ConfigError as e:  # a config further down the tree
        _fail(str(e))
    finally:
        if pooled is not None:
            pooled.close()  # stops the worker processes, also on Ctrl-C or SIGTERM

    _warn_ignored_configs(fmt)
    use_colour = _colour(color) if output is None else False
    buffer = io.StringIO()
    options: dict[str, Any] = {"color": use_colour, "quiet": quiet}
    if fmt in ("sarif", "html"):
        options["rules"] = _active_rules(linter, reports, stdin_filename)
    if statistics and fmt == "text":
        write_statistics(reports, buffer)
        if not quiet:
            buffer.write(_summary_line(reports) + "\n")
    else:
        REPORTERS[fmt](reports, buffer, options)
    if output:
        try:
            Path(output).write_text(buffer.getvalue(), encoding="utf-8")
        except OSError as e:
            _fail(f"cannot write report to {display.path(output)}: {e.strerror or e}")
        if not quiet:
            _summary_to(sys.stderr, reports)
    else:
        report_text = buffer.getvalue()
        if fmt != "github":  # annotations are meant for the runner; their data is escaped
            report_text = display.guard_runner(report_text)
        # ``color`` keeps click from stripping the styles when --color is forced on a pipe.
        click.echo(report_text, nl=False, color=True if use_colour else None)
    if statistics and fmt != "text":
        # The table goes where it cannot spoil a machine-readable report.
        stats = io.StringIO()
        write_statistics(reports, stats)
        click.echo(display.guard_runner(stats.getvalue()), nl=False, err=True)
    for r in reports:
        # The report on standard output already shows it, except in text without a file.
        if r.error and (fmt != "text" or output or statistics) and (fmt != "github" or output):
            _note(fmt, r.path, f"error: {r.error}")

    if any(r.error for r in reports) or fix_failed:
        sys.exit(EXIT_ERROR)
    if any(f.severity >= _failing(linter, fail_on, r.path) for r in reports for f in r.findings):
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_OK)


def _note(fmt: str, path: str, message: str, kind: str = "error") -> None:
    """A line about one file on standard error, safe for a terminal and a CI runner: a
    workflow command in github format, else ``path: message`` with the data escaped."""
    if fmt == "github":
        from .reporters.github import command

        line = command(kind, f"{display.path(path)}: {display.text(message)}")
    else:
        line = display.guard_runner(f"{display.path(path)}: {display.text(message)}")
    click.echo(line.rstrip("\n"), err=True)


def _warn_ignored_configs(fmt: str) -> None:
    """A warning for each config file the search passed over because of its owner."""
    from .config import ignored_configs

    for path, reason in ignored_configs().items():
        if path not in _warned:
            _warned.add(path)
            _warn(fmt, f"ignoring {display.path(path)}: {reason}")


_warned: set[str] = set()


def _warn(fmt: str, message: str) -> None:
    if fmt == "github":
        from .reporters.github import command

        click.echo(command("warning", message), err=True)
    else:
        click.echo(display.guard_runner(f"jdlint: warning: {message}\n"), nl=False, err=True)


# Extensions of files jdlint reads as postings, and the names it reads as config: never a
# report's destination unless the file is missing, empty, or a report jdlint wrote.
_CONFIG_FILES = {".jdlint.yaml", ".jdlint.yml", "pyproject.toml"}
# How each report format written to such a file begins (text, statistics, github).
_REPORT_START = re.compile(
    r"(?:\s*$|Found \d+ problem|jdlint: |::|\d+ +[SDKRIC]\d{3} |.+?:\d+:\d+: [SDKRIC]\d{3} |.+?: error: "
    r"|<!DOCTYPE html>\s*<!-- jdlint html report -->)"
)


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def _refuse_output_over_input(output: str, paths: tuple[str, ...], jsonl: str | None) -> None:
    """--output never overwrites a file being linted, a posting, or a config.

    A file named ``-oREADME.md`` on a command line without ``--`` would otherwise make
    the report replace README.md; an existing file with a posting extension is written
    only when it holds a report already.
    """
    target = Path(output)
    named = [p for p in (*paths, jsonl or "") if p and p != "-"]
    if any(_same_file(output, p) for p in named):
        _fail(f"--output {display.path(output)} is one of the files to lint; not overwritten")
    if target.name in _CONFIG_FILES and files.is_file(target):
        _fail(f"--output {display.path(output)} is a config file; not overwritten")
    if target.suffix.lower() in EXTENSIONS and files.is_file(target):
        try:
            with open(target, "rb") as fh:
                head = fh.read(4096).decode("utf-8", "replace")
        except OSError:
            return  # writing it reports the problem
        if not _REPORT_START.match(head):
            _fail(
                f"--output {display.path(output)} is an existing posting, not a report; "
                "not overwritten (choose another name, or remove it first)"
            )


def _refuse_posting_as_config(config_path: str) -> None:
    """A file named ``--config=x.md`` among the files to lint must not become the config."""
    if Path(config_path).suffix.lower() in EXTENSIONS:
        _fail(
            f"--config {display.path(config_path)} is a posting, not a config "
            "(use a .yaml, .yml or .toml file; put -- before file names)"
        )


def _pooled(
    files: list[tuple[str, str | None]],
    jobs: int,
    config_path: str | None,
    overrides: dict[str, Any],
    on_break: Callable[[str], None] | None = None,
) -> Iterator[FileReport] | None:
    """FileReports of ``files`` in order from a pool of ``jobs`` processes; None to lint
    in this process (one job, or too few files to be worth starting workers)."""
    jobs = min(jobs, len(files))
    if jobs <= 1:
        return None
    from .batch import LinterSpec, lint_paths

    spec = LinterSpec(config_path, tuple(overrides.items()))
    return lint_paths(files, spec, jobs, on_break)


def _check_jsonl(
    source: str,
    paths: tuple[str, ...],
    fmt: str,
    overrides: dict[str, Any],
    config_path: str | None,
    fail_on: str | None,
    output: str | None,
    quiet: bool,
    jobs: int,
    fixing: bool,
) -> NoReturn:
    """--jsonl: lint a stream of postings, one JSON report object per line, in order."""
    from .batch import LinterSpec, failing, json_lines, lint_jsonl, read_lines

    if paths:
        _fail("--jsonl reads postings from its file; give no paths")
    if fixing:
        _fail("--fix and --diff work on files, not a --jsonl stream")
    if fmt not in ("auto", "json"):
        _fail("--jsonl writes JSON Lines; --format must be json or auto")
    spec = LinterSpec(
        config_path, tuple(overrides.items()), discover_from=None if config_path else "."
    )
    try:
        linter = spec.build()
        linter.check_config(None)
        threshold = _failing(linter, fail_on, "-")
    except ConfigError as e:
        _fail(str(e))
    try:
        src = sys.stdin.buffer if source == "-" else open(source, "rb")  # noqa: SIM115
    except OSError as e:
        _fail(f"cannot read {source}: {e.strerror or e}")
    try:
        out = open(output, "wb") if output else sys.stdout.buffer  # noqa: SIM115
    except OSError as e:
        _fail(f"cannot write report to {output}: {e.strerror or e}")
    errors = fails = postings = findings = 0
    try:
        with contextlib.ExitStack() as stack:
            if src is not sys.stdin.buffer:
                stack.enter_context(src)
            if out is not sys.stdout.buffer:
                stack.enter_context(out)
            limit = linter.config_for(None).get("max-file-size", DEFAULT_MAX_BYTES)
            results = lint_jsonl(
                json_lines(read_lines(src, limit)), spec, jobs, linter, partial(_warn, "text")
            )
            stack.callback(results.close)  # stops the workers, also on Ctrl-C or SIGTERM
            for result in results:
                out.write(result.json.encode("utf-8") + b"\n")
                postings += 1
                errors += result.error
                fails += failing(result.worst, threshold)
                findings += result.findings
            out.flush()
    except ConfigError as e:
        _fail(str(e))
    except OSError as e:
        _fail(f"cannot write the report: {e.strerror or e}")
    if output and not quiet:
        sys.stderr.write(f"jdlint: {findings} finding(s) in {postings} posting(s)\n")
    sys.exit(EXIT_ERROR if errors else EXIT_FINDINGS if fails else EXIT_OK)


def _fix_or_diff(
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
    from .fixes import fix_file

    if "-" in paths:
        _fail("--fix and --diff work on files, not standard input")
    fixed = count = 0
    failed = False
    diffs: list[str] = []
    for path, problem in _expand(paths or (".",), linter, fmt, warn=not write):
        if problem is not None:
            continue  # reported by the lint pass (or below for --diff)
        result = fix_file(linter, path, reading, write=write)
        if result.error:
            failed = True
            _note(fmt, path, f"error: {result.error}")
        elif result.fixed:
            fixed += result.fixed
            count += 1
            if not write:
                diffs.append(result.diff)
    if write:
        if not quiet and fixed:
            click.echo(f"Fixed {fixed} problem{'s' if fixed != 1 else ''} in {count} file{'s' if count != 1 else ''}.", err=True)
        return failed
    # A diff is printed byte for byte (it must apply); under GitHub Actions a diff holding a
    # line the runner would take for a command is fenced off from it.
    click.echo(display.guard_runner("".join(diffs)), nl=False)
    if not quiet:
        click.echo(f"{fixed} fix{'es' if fixed != 1 else ''} in {count} file{'s' if count != 1 else ''} would be applied.", err=True)
    sys.exit(EXIT_ERROR if failed else (EXIT_FINDINGS if fixed else EXIT_OK))


def _summary_line(reports: list[FileReport]) -> str:
    from .reporters.summary import summary_line

    return summary_line(reports)


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


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def _want_progress(count: int, quiet: bool) -> bool:
    return (
        count > PROGRESS_MIN_FILES
        and not quiet
        and not os.environ.get("CI")
        and not os.environ.get("GITHUB_ACTIONS")
        and _stderr_is_terminal()
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


def _config_probe(path: str) -> str:
    """The path whose folder holds a posting's config: for a folder, a file inside it."""
    return str(Path(path) / "x") if files.is_dir(path) else path


def _failing(linter: Linter, cli: str | None, path: str) -> Severity:
    """--fail-on, else the fail-on of the config that applies to the file, else error."""
    if cli:
        return Severity.parse(cli)
    probe = None if path == "-" else path
    return Severity.parse(linter.config_for(probe).get("fail-on") or "error")


def _guarded(lint: Callable[[], FileReport], path: str) -> FileReport:
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


def _lint_stdin(linter: Linter, name: str | None, reading: str | None) -> FileReport:
    path = name or "-"
    limit = linter.config_for(name).get("max-file-size", DEFAULT_MAX_BYTES)
    try:
        data = sys.stdin.buffer.read(limit + 1)
        if len(data) > limit:
            raise InputError(
                f"standard input is over the {limit:,}-byte limit (max-file-size in config)"
            )
        text = decode(data)
    except InputError as e:
        return FileReport(path, error=e.message)
    return linter.lint_text(text, path, reading)


def _expand(
    paths: tuple[str, ...], linter: Linter, fmt: str = "text", *, warn: bool = True
) -> Iterator[tuple[str, str | None]]:
    """(path, error) pairs: files named are always linted; folders are walked.

    A walk takes files with a posting extension and skips hidden files and folders,
    repository documents (README.md, ...) and the ``exclude`` globs of the config that
    applies, matched against the path relative to that config's folder and the name. A
    symbolic link found by a walk whose target lies outside the folder given is reported
    and never read or written (a cloned repository must not reach the rest of the disk);
    a link named on the command line is followed.
    """
    for raw in paths:
        p = Path(raw)
        if raw == "-" or not files.is_dir(p):
            yield raw, None
            continue
        problems: list[tuple[str, str]] = []

        def unreadable(e: OSError) -> None:
            where = e.filename or raw  # noqa: B023 - used within this iteration only
            problems.append((str(where), f"cannot read folder: {e.strerror or e}"))  # noqa: B023

        found = 0
        base = files.real(p)
        for root, dirs, names in os.walk(p, onerror=unreadable):
            dirs[:] = sorted(
                d
                for d in dirs
                if d not in _SKIP_DIRS
                and not d.startswith(".")
                and not _excluded(linter, Path(root) / d)
            )
            for name in sorted(names):
                full = Path(root) / name
                if (
                    name.startswith(".")
                    or full.suffix.lower() not in EXTENSIONS
                    or full.stem.lower() in _SKIP_FILES
                    or _excluded(linter, full)
                ):
                    continue
                found += 1
                if os.path.islink(full) and not files.inside(full, base):
                    yield str(full), (
                        f"not read: a symbolic link to {files.real(full)}, outside {raw} "
                        "(name it on the command line to lint it)"
                    )
                    continue
                yield str(full), None
        yield from problems
        if warn and not found and not problems:
            _warn(fmt, f"no postings found in {display.path(raw)}")


def _excluded(linter: Linter, path: Path) -> bool:
    import fnmatch

    config = linter.config_for(str(path))
    globs = config.get("exclude", [])
    if not globs:
        return False
    try:
        rel = files.real(path).relative_to(config.root).as_posix()
    except ValueError:
        rel = path.as_posix()
    candidates = {rel, path.as_posix(), path.name}
    return any(
        fnmatch.fnmatch(c, g.rstrip("/")) or fnmatch.fnmatch(c, g.rstrip("/") + "/*")
        for g in globs
        for c in candidates
    )


def _colour(flag: bool | None) -> bool:
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def _summary_to(stream: IO[str], reports: list[FileReport]) -> None:
    total = sum(len(r.findings) for r in reports)
    stream.write(f"jdlint: {total} finding(s) in {len(reports)} file(s)\n")


def _fail(message: str) -> NoReturn:
    _stderr_line(f"jdlint: error: {display.text(message)}")
    sys.exit(EXIT_ERROR)


def _config_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False),
        default=None,
        help="Config whose extra packs to include [default: found from the current folder].",
    )(f)


def _pack_set(config_path: str | None) -> Any:
    """Built-in packs plus the extra packs of the config (given, or found from here)."""
    from . import packs
    from .config import discover

    try:
        config = load_file(config_path) if config_path else discover(str(Path.cwd()))
        return packs.load(config.pack_paths(), config.extra_sections())
    except ConfigError as e:
        _fail(str(e))


@main.command("rules")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option("--all", "show_all", is_flag=True, help="Include rules that are off by default.")
@_config_option
def rules_cmd(fmt: str, show_all: bool, config_path: str | None) -> None:
    """List every rule: code, name, category, default severity."""
    pack_set = _pack_set(config_path)
    rows = [r for r in pack_set.rules.values() if show_all or r.enabled]
    if fmt == "json":
        data = [
            {
                "code": r.code,
                "name": r.name,
                "category": r.category,
                "severity": str(r.severity),
                "kind": r.kind,
                "enabled": r.enabled,
            }
            for r in rows
        ]
        click.echo(json.dumps(data, indent=2))
        return
    width = max((len(r.name) for r in rows), default=4)
    click.echo(f"{'CODE':<6} {'NAME':<{width}}  {'CATEGORY':<12} SEVERITY")
    for r in rows:
        flag = "" if r.enabled else "  (off by default)"
        click.echo(f"{r.code:<6} {r.name:<{width}}  {r.category:<12} {r.severity}{flag}")


@main.command()
@click.argument("code")
@_config_option
def explain(code: str, config_path: str | None) -> None:
    """Explain a rule: why it matters, its source, options and examples."""
    from .checks import KINDS

    pack_set = _pack_set(config_path)
    rule = pack_set.rules.get(code.upper()) or pack_set.by_name().get(code.lower())
    if rule is None:
        _fail(f"unknown rule '{code}' (see 'jdlint rules')")
        return
    out = [f"{rule.code} {rule.name} ({rule.category}, {rule.severity})", "", rule.description, ""]
    if rule.source:
        out += ["Source:", *(f"  {s}" for s in rule.source), ""]
    declared = KINDS[rule.kind].OPTIONS
    if declared:
        out.append(f"Options (kind '{rule.kind}'; set them under rules: {rule.code}: in config):")
        for name, opt in declared.items():
            out.append(f"  {name} = {json.dumps(rule.options.get(name))}  {opt.doc}")
        out.append("")
    out.append("Fails on:")
    out += [_indent(e.text) for e in rule.examples_fail]
    out.append("Passes on:")
    out += [_indent(e.text) for e in rule.examples_pass]
    # A pack is data from anywhere: nothing in it may drive the terminal or a CI runner.
    click.echo(display.guard_runner(display.block("\n".join(out).rstrip()) + "\n"), nl=False)


def _indent(text: str) -> str:
    return "\n".join(("    " + line).rstrip() for line in text.rstrip().splitlines()) + "\n"


STARTER = """\
# jdlint configuration. Every setting is optional; see `jdlint rules` and `jdlint explain CODE`.

# Rules to run: codes ("S101"), prefixes ("I", "R1") or names ("wall-of-text").
# select: [S, D, K, R, I, C]
# extend-select: []
# ignore: []

# Exit with status 1 when a finding at or above this severity is found.
# fail-on: error

# Change a rule's severity.
# severity:
#   S203: info

# Change a rule's options (see `jdlint explain S203`).
# rules:
#   S203:
#     max_words: 180

# Skip rules for some files (globs relative to this file).
# per-file-ignores:
#   "drafts/*.md": [S1]

# Default role profile and target keywords for postings that don't set them.
# profile: psychiatric-case-manager
# keywords: [psychiatric case manager]

# Extra rule packs (files or folders of YAML) and heading phrases.
# packs: [jdlint-rules/]
# sections:
#   responsibilities: ["a day in the life"]

# CPU seconds one posting may take before it is reported as an error (default: 20 plus
# 60 per megabyte of posting).
# time-limit: 60

# Use an installed trained spaCy pipeline instead of the built-in blank one.
# nlp:
#   model: en_core_web_sm
"""


@main.command()
@click.option("--force", is_flag=True, help="Overwrite an existing .jdlint.yaml.")
def init(force: bool) -> None:
    """Write a commented starter .jdlint.yaml in the current directory."""
    target = Path(".jdlint.yaml")
    if target.is_symlink():
        # Writing through it would overwrite whatever it points to (~/.bashrc, ...).
        _fail(f"{target} is a symbolic link; not written through (remove the link first)")
    if files.exists(target) and not force:
        _fail(f"{target} already exists (use --force to overwrite)")
    try:
        if force:
            # A new file renamed over the old one: never writes into another file.
            tmp = target.with_name(f".{target.name}.{os.getpid()}.jdlint-tmp")
            try:
                with open(tmp, "x", encoding="utf-8") as fh:
                    fh.write(STARTER)
                os.replace(tmp, target)
            finally:
                if files.exists(tmp):
                    os.unlink(tmp)
        else:
            with open(target, "x", encoding="utf-8") as fh:  # O_EXCL: never follows a link
                fh.write(STARTER)
    except FileExistsError:
        _fail(f"{target} already exists (use --force to overwrite)")
    except OSError as e:
        _fail(f"cannot write {target}: {e.strerror or e}")
    click.echo(f"wrote {target}")


__all__ = ["Config", "main"]


@main.command("jsonld")
@click.argument("posting", type=click.Path())
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Use this config file instead of searching upward from the posting.",
)
@click.option(
    "--input-format",
    type=click.Choice(["auto", *FORMATS]),
    default="auto",
    show_default=True,
    help="How to read the posting (auto: by extension and content).",
)
def jsonld_cmd(posting: str, config_path: str | None, input_format: str) -> None:
    """Print schema.org JobPosting JSON-LD built from a posting.

    Missing required properties are reported on standard error and the exit status is 1.
    """
    from .jsonld_cli import run

    sys.exit(run(posting, config_path, None if input_format == "auto" else input_format))
