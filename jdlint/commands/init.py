"""``jdlint init``: write a commented starter .jdlint.yaml in the current folder."""

from __future__ import annotations

import os
from pathlib import Path

import click

from .. import files
from .common import fail

STARTER = """\
# jdlint configuration. Every setting is optional; see `jdlint rules` and `jdlint explain CODE`.

# Rules to run: codes ("S101"), prefixes ("I", "R1") or names ("wall-of-text").
# select: [S, D, K, R, I, C]
# extend-select: []
# ignore: []

# Exit with status 1 when a finding at or above this severity is found: warning (the
# default; infos never fail), error (let warnings pass) or info.
# fail-on: warning

# Show each finding's source line with the words marked (default: on a terminal).
# show-source: true

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


def run(force: bool) -> None:
    target = Path(".jdlint.yaml")
    if target.is_symlink():
        # Writing through it would overwrite whatever it points to (~/.bashrc, ...).
        fail(f"{target} is a symbolic link; not written through (remove the link first)")
    if files.exists(target) and not force:
        fail(f"{target} already exists (use --force to overwrite)")
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
        fail(f"{target} already exists (use --force to overwrite)")
    except OSError as e:
        fail(f"cannot write {target}: {e.strerror or e}")
    click.echo(f"wrote {target}")
