"""The command line: options parsed here, the work done in ``jdlint/commands/``.

``jdlint [check] PATH...``, ``jdlint rules``, ``jdlint explain CODE``, ``jdlint profiles``,
``jdlint init``, ``jdlint jsonld POSTING``. Each command's options become arguments of its module's
``run``; nothing here reads a posting or prints a report.
"""

from __future__ import annotations

import errno
import os
import sys
from typing import Any

import click

from . import __version__, display
from .commands.common import (
    EXIT_ERROR,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_TERMINATED,
    Terminated,
    quiet_stdout,
    sigterm_as_exception,
    split,
    stderr_line,
)
from .config import Config
from .readers import FORMATS

# Options of ``jdlint`` itself; any other first argument starts ``jdlint check``.
_GROUP_OPTIONS = ("--help", "-h", "--version", "-V")


class _DefaultGroup(click.Group):
    """Runs ``check`` when the first argument is not a command, as ``ruff`` does."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in _GROUP_OPTIONS:
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
            with sigterm_as_exception():
                rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except Terminated:
            stderr_line("jdlint: stopped (SIGTERM)")
            sys.exit(EXIT_TERMINATED)
        except (click.Abort, KeyboardInterrupt):
            stderr_line("Aborted!")
            sys.exit(EXIT_INTERRUPTED)
        except click.ClickException as e:
            e.show()
            sys.exit(e.exit_code)
        except OSError as e:
            # Reading files is guarded file by file; what is left is writing the report.
            quiet_stdout()
            if e.errno != errno.EPIPE:  # a closed pipe (``| head``) is not worth a message
                stderr_line(f"jdlint: error: cannot write the output: {e.strerror or e}")
            sys.exit(EXIT_ERROR)
        except Exception as e:
            if os.environ.get("JDLINT_DEBUG"):
                raise
            stderr_line(
                f"jdlint: internal error: {type(e).__name__}: {display.text(str(e))} "
                "(please report this; JDLINT_DEBUG=1 shows where)"
            )
            sys.exit(EXIT_ERROR)
        sys.exit(rv if isinstance(rv, int) else EXIT_OK)


@click.group(cls=_DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="jdlint")
def main() -> None:
    """jdlint: lint job postings for structure, role coverage, SEO, readability,
    inclusive language and compliance.

    Run 'jdlint PATH...', the same as 'jdlint check PATH...'. Exit status: 0 clean,
    1 findings at or above --fail-on (warning by default), 2 usage, config or input errors.
    """


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
    help="Lowest severity that makes the exit status 1 [default: warning; infos never fail].",
)
@click.option(
    "--exit-zero",
    is_flag=True,
    help="Exit with status 0 even when findings reach --fail-on (errors still exit 2).",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Use this config file instead of searching upward from each posting.",
)
@click.option(
    "--profile", default=None, help="Role profile to check against (see 'jdlint profiles')."
)
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
    "--quiet",
    "-q",
    is_flag=True,
    help="Print findings only: no scores, no summary, no progress bar.",
)
@click.option(
    "--statistics",
    is_flag=True,
    help="Count findings per rule (instead of listing them, in the text report).",
)
@click.option(
    "--show-source/--no-show-source",
    default=None,
    help="Show each finding's source line with the words marked [default: on a terminal].",
)
@click.option(
    "--fix",
    is_flag=True,
    help="Apply safe fixes in place, then report what is left; with '-', write the fixed "
    "text to standard output and the report to standard error.",
)
@click.option(
    "--fix-only",
    is_flag=True,
    help="Apply safe fixes and print what was fixed; no report (the jdlint-fix hook).",
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
    help="Lint in this many processes (0: as many as the work pays for, up to one per core); the report keeps the input order.",
)
@click.option(
    "--jsonl",
    "jsonl",
    type=click.Path(dir_okay=False, allow_dash=True),
    default=None,
    help="Stream postings from a JSON Lines file (- for standard input), one "
    '{"id", "text", "format"} object per line; write one JSON report object per line.',
)
@click.option(
    "--show-settings",
    is_flag=True,
    help="Print the config file and the settings that apply to the first path; lint nothing.",
)
@click.version_option(__version__, "--version", "-V", prog_name="jdlint")
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
    exit_zero: bool,
    show_source: bool | None,
    fix_only: bool,
    show_settings: bool,
) -> None:
    """Lint postings (files, folders, or - for standard input)."""
    from .commands.check import CheckOptions, run

    run(
        CheckOptions(
            paths=paths,
            fmt=fmt,
            select=split(select) or None,
            extend_select=split(extend_select),
            ignore=split(ignore),
            fail_on=fail_on,
            config_path=config_path,
            profile=profile,
            input_format=None if input_format == "auto" else input_format,
            stdin_filename=stdin_filename,
            output=output,
            color=color,
            quiet=quiet,
            statistics=statistics,
            fix=fix,
            show_diff=show_diff,
            jobs=jobs,
            jsonl=jsonl,
            exit_zero=exit_zero,
            show_source=show_source,
            fix_only=fix_only,
            show_settings=show_settings,
        )
    )


def _config_option(f: Any) -> Any:
    return click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False),
        default=None,
        help="Config whose extra packs to include [default: found from the current folder].",
    )(f)


@main.command("rules")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option("--all", "show_all", is_flag=True, help="Include rules that are off by default.")
@_config_option
def rules_cmd(fmt: str, show_all: bool, config_path: str | None) -> None:
    """List every rule: code, name, category, default severity."""
    from .commands.rules import run

    run(fmt, show_all, config_path)


@main.command()
@click.argument("code")
@_config_option
def explain(code: str, config_path: str | None) -> None:
    """Explain a rule: why it matters, its source, options and examples."""
    from .commands.explain import run

    run(code, config_path)


@main.command()
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@_config_option
def profiles(fmt: str, config_path: str | None) -> None:
    """List the role profiles: id and the titles each is detected from."""
    from .commands.profiles import run

    run(fmt, config_path)


@main.command()
@click.option("--force", is_flag=True, help="Overwrite an existing .jdlint.yaml.")
def init(force: bool) -> None:
    """Write a commented starter .jdlint.yaml in the current directory."""
    from .commands.init import run

    run(force)


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
    from .commands.jsonld import run

    sys.exit(run(posting, config_path, None if input_format == "auto" else input_format))


@main.command("server")
@click.option(
    "--stdio",
    is_flag=True,
    help="Speak LSP on standard input and output (the only transport; accepted because "
    "some language clients add it).",
)
def server_cmd(stdio: bool) -> None:
    """Run the language server on standard input and output (editors start it).

    Needs the server extra: pip install 'jdlint[server]'. See docs/editors.md.
    """
    from .commands.server import run

    sys.exit(run())


__all__ = ["Config", "main"]
