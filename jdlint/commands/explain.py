"""``jdlint explain CODE``: why a rule exists, its sources, options and examples."""

from __future__ import annotations

import json

import click

from .. import display
from .common import fail, pack_set


def run(code: str, config_path: str | None) -> None:
    from ..checks import KINDS

    packs = pack_set(config_path)
    rule = packs.rules.get(code.upper()) or packs.by_name().get(code.lower())
    if rule is None:
        fail(f"unknown rule '{code}' (see 'jdlint rules')")
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
