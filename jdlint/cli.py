"""Command line: ``jdlint [check] PATH...``, ``jdlint rules``, ``jdlint explain CODE``, ``jdlint init``."""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import click

from . import __version__
from .config import Config, load_file
from .engine import FileReport, Linter
from .errors import ConfigError, InputError
from .findings import Severity
from .readers import EXTENSIONS, FORMATS
from .textio import decode

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
# Repository documents that share the postings' extensions; named files are still linted.
_SKIP_FILES = {"readme", "changelog", "contributing", "license", "code_of_conduct", "security"}
_SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox"}


class _DefaultGroup(click.Group):
    """Runs ``check`` when the first argument is not a command, as ``ruff`` does."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["check", *args]
        return super().parse_args(ctx, args)


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
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Report format.",
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
    help="Write the report to this file.",
)
@click.option(
    "--color/--no-color", default=None, help="Colour the text report [default: on a terminal]."
)
@click.option("--quiet", "-q", is_flag=True, help="Print findings only, no summary line.")
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
) -> None:
    """Lint postings (files, folders, or - for standard input)."""
    from .reporters import REPORTERS

    overrides: dict[str, Any] = {
        "select": _split(select) or None,
        "extend-select": _split(extend_select),
        "ignore": _split(ignore),
        "profile": profile,
    }
    try:
        fixed = load_file(config_path) if config_path else None
        linter = Linter(fixed, overrides)
        # Validate config and packs before reading any posting.
        first = next((p for p in paths if p != "-"), None)
        linter.check_config(first)
    except ConfigError as e:
        _fail(str(e))

    reading = None if input_format == "auto" else input_format
    reports: list[FileReport] = []
    try:
        for path in _expand(paths or (".",), linter):
            if path == "-":
                reports.append(_lint_stdin(linter, stdin_filename, reading))
            else:
                reports.append(linter.lint_file(path, reading))
    except ConfigError as e:  # a config further down the tree
        _fail(str(e))

    failing = Severity.parse(fail_on or _config_fail_on(linter, paths) or "error")
    use_colour = _colour(color) if output is None else False
    buffer = io.StringIO()
    REPORTERS[fmt](reports, buffer, {"color": use_colour, "quiet": quiet})
    if output:
        Path(output).write_text(buffer.getvalue(), encoding="utf-8")
        _summary_to(sys.stderr, reports)
    else:
        click.echo(buffer.getvalue(), nl=False)
    for r in reports:
        if r.error and fmt != "text":
            click.echo(f"{r.path}: error: {r.error}", err=True)

    if any(r.error for r in reports):
        sys.exit(EXIT_ERROR)
    if any(f.severity >= failing for r in reports for f in r.findings):
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_OK)


def _config_fail_on(linter: Linter, paths: tuple[str, ...]) -> str | None:
    first = next((p for p in paths if p != "-"), None)
    return linter.config_for(first).get("fail-on")


def _lint_stdin(linter: Linter, name: str | None, reading: str | None) -> FileReport:
    path = name or "-"
    try:
        text = decode(sys.stdin.buffer.read())
    except InputError as e:
        return FileReport(path, error=e.message)
    return linter.lint_text(text, path, reading)


def _expand(paths: tuple[str, ...], linter: Linter) -> Iterator[str]:
    """Files named are always linted; folders are walked for posting extensions."""
    import fnmatch

    for raw in paths:
        p = Path(raw)
        if raw == "-" or not p.is_dir():
            yield raw
            continue
        config = linter.config_for(str(p / "x"))
        excludes = config.get("exclude", [])
        for root, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
            for name in sorted(files):
                if (
                    Path(name).suffix.lower() not in EXTENSIONS
                    or Path(name).stem.lower() in _SKIP_FILES
                ):
                    continue
                full = Path(root) / name
                rel = full.as_posix()
                if any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(name, g) for g in excludes):
                    continue
                yield str(full)


def _colour(flag: bool | None) -> bool:
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def _summary_to(stream: IO[str], reports: list[FileReport]) -> None:
    from .reporters import text

    text.write([r for r in reports if r.error], io.StringIO(), {})
    total = sum(len(r.findings) for r in reports)
    stream.write(f"jdlint: {total} finding(s) in {len(reports)} file(s)\n")


def _fail(message: str) -> None:
    click.echo(f"jdlint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


@main.command("rules")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option("--all", "show_all", is_flag=True, help="Include rules that are off by default.")
def rules_cmd(fmt: str, show_all: bool) -> None:
    """List every rule: code, name, category, default severity."""
    from . import packs

    try:
        pack_set = packs.load()
    except ConfigError as e:
        _fail(str(e))
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
def explain(code: str) -> None:
    """Explain a rule: why it matters, its source, options and examples."""
    from . import packs
    from .checks import KINDS

    try:
        pack_set = packs.load()
    except ConfigError as e:
        _fail(str(e))
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
    click.echo("\n".join(out).rstrip())


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.rstrip().splitlines()) + "\n"


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

# Use an installed trained spaCy pipeline instead of the built-in blank one.
# nlp:
#   model: en_core_web_sm
"""


@main.command()
@click.option("--force", is_flag=True, help="Overwrite an existing .jdlint.yaml.")
def init(force: bool) -> None:
    """Write a commented starter .jdlint.yaml in the current directory."""
    target = Path(".jdlint.yaml")
    if target.exists() and not force:
        _fail(f"{target} already exists (use --force to overwrite)")
    target.write_text(STARTER, encoding="utf-8")
    click.echo(f"wrote {target}")


__all__ = ["Config", "main"]
