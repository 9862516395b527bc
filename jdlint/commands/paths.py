"""The postings a command reads: files named, folders walked; and the files it never writes."""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterator
from pathlib import Path

from .. import display, files
from ..engine import Linter
from ..readers import EXTENSIONS
from .common import fail, warn

# Repository documents that share the postings' extensions; named files are still linted.
SKIP_FILES = {"readme", "changelog", "contributing", "license", "code_of_conduct", "security"}
SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox"}


def expand(
    paths: tuple[str, ...], linter: Linter, fmt: str = "text", *, warn_empty: bool = True
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
                if d not in SKIP_DIRS
                and not d.startswith(".")
                and not excluded(linter, Path(root) / d)
            )
            for name in sorted(names):
                full = Path(root) / name
                if (
                    name.startswith(".")
                    or full.suffix.lower() not in EXTENSIONS
                    or full.stem.lower() in SKIP_FILES
                    or excluded(linter, full)
                ):
                    continue
                found += 1
                if os.path.islink(full) and not files.inside(full, base):
                    yield (
                        str(full),
                        (
                            f"not read: a symbolic link to {files.real(full)}, outside {raw} "
                            "(name it on the command line to lint it)"
                        ),
                    )
                    continue
                yield str(full), None
        yield from problems
        if warn_empty and not found and not problems:
            warn(fmt, f"no postings found in {display.path(raw)}")


def excluded(linter: Linter, path: Path) -> bool:
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


def config_probe(path: str) -> str:
    """The path whose folder holds a posting's config: for a folder, a file inside it."""
    return str(Path(path) / "x") if files.is_dir(path) else path


# Names jdlint reads as config: never a report's destination.
CONFIG_FILES = {".jdlint.yaml", ".jdlint.yml", "pyproject.toml"}
# How each report format written to a file with a posting's extension begins (text,
# statistics, github, html): such a file is overwritten only when it holds a report already.
REPORT_START = re.compile(
    r"(?:\s*$|Found \d+ problem|jdlint: |::|\d+ +[A-Z]\d{3} |.+?:\d+:\d+: "
    r"(?:(?:error|warning|info) )?[A-Z]\d{3} |.+?: error: |.+?: score \d+/100"
    r"|<!DOCTYPE html>\s*<!-- jdlint html report -->)"
)


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def refuse_output_over_input(output: str, paths: tuple[str, ...], jsonl: str | None) -> None:
    """--output never overwrites a file being linted, a posting, or a config.

    A file named ``-oREADME.md`` on a command line without ``--`` would otherwise make
    the report replace README.md; an existing file with a posting extension is written
    only when it holds a report already.
    """
    target = Path(output)
    named = [p for p in (*paths, jsonl or "") if p and p != "-"]
    if any(_same_file(output, p) for p in named):
        fail(f"--output {display.path(output)} is one of the files to lint; not overwritten")
    if target.name in CONFIG_FILES and files.is_file(target):
        fail(f"--output {display.path(output)} is a config file; not overwritten")
    if target.suffix.lower() in EXTENSIONS and files.is_file(target):
        try:
            with open(target, "rb") as fh:
                head = fh.read(4096).decode("utf-8", "replace")
        except OSError:
            return  # writing it reports the problem
        if not REPORT_START.match(head):
            fail(
                f"--output {display.path(output)} is an existing posting, not a report; "
                "not overwritten (choose another name, or remove it first)"
            )


def refuse_posting_as_config(config_path: str) -> None:
    """A file named ``--config=x.md`` among the files to lint must not become the config."""
    if Path(config_path).suffix.lower() in EXTENSIONS:
        fail(
            f"--config {display.path(config_path)} is a posting, not a config "
            "(use a .yaml, .yml or .toml file; put -- before file names)"
        )
