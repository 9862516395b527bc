"""``jdlint explain CODE``: why a rule exists, its sources, options and examples.

Text is wrapped to the terminal (88 columns off one), and an option holding a long list
(a term list, a table of laws) shows its first entries, one per line, and where the rest
are: nothing is printed as one line of thousands of characters.
"""

from __future__ import annotations

import contextlib
import json
import textwrap
from pathlib import Path
from typing import Any

import click

from .. import display
from ..config import selector_names
from ..didyoumean import close_match
from .common import fail, pack_set, terminal_width

# Entries of a list option shown before "... and N more".
SHOWN = 3
WIDTH = 88


def run(code: str, config_path: str | None) -> None:
    from ..checks import KINDS

    packs = pack_set(config_path)
    rule = packs.rules.get(code.upper()) or packs.by_name().get(code.lower())
    if rule is None:
        candidates = [*packs.rules, *(r.name for r in packs.rules.values())]
        match = close_match(code, candidates) or close_match(code, selector_names(packs))
        if match:
            fail(f"unknown rule '{code}': did you mean '{match}'? (see 'jdlint rules')")
        fail(f"unknown rule '{code}' (see 'jdlint rules')")
    width = min(terminal_width() or WIDTH, 120)
    out = [f"{rule.code} {rule.name} ({rule.category}, {rule.severity})", ""]
    out += [*_wrap(rule.description, width), ""]
    if rule.source:
        out.append("Source:")
        for s in rule.source:
            out += _wrap(s, width, "  ", "    ")
        out.append("")
    declared = KINDS[rule.kind].OPTIONS
    if declared:
        out.append(f"Options (kind '{rule.kind}'; set them under rules: {rule.code}: in config):")
        for name, opt in declared.items():
            out += _option(name, rule.options.get(name), opt.doc, width, _where(rule))
        out.append("")
    out.append("Fails on:")
    out += [_indent(e.text) for e in rule.examples_fail]
    out.append("Passes on:")
    out += [_indent(e.text) for e in rule.examples_pass]
    # A pack is data from anywhere: nothing in it may drive the terminal or a CI runner.
    click.echo(display.guard_runner(display.block("\n".join(out).rstrip()) + "\n"), nl=False)


def _where(rule: Any) -> str:
    """The pack file and line of a rule, relative to the current folder when inside it."""
    if not rule.pack:
        return ""
    path = Path(rule.pack)
    with contextlib.suppress(OSError, ValueError):
        path = path.resolve().relative_to(Path.cwd().resolve())
    return f"{path}:{rule.line}" if rule.line else str(path)


def _wrap(text: str, width: int, first: str = "", rest: str | None = None) -> list[str]:
    lines: list[str] = []
    for paragraph in text.strip().split("\n"):
        lines += textwrap.wrap(
            paragraph,
            width,
            initial_indent=first,
            subsequent_indent=first if rest is None else rest,
            break_long_words=False,
            break_on_hyphens=False,
        ) or [""]
    return lines


def _flow(value: Any) -> str:
    """A value as it would be written in YAML flow style, on one line."""
    if isinstance(value, str):
        plain = value and value.strip() == value and not any(c in value for c in ":#[]{},\"'")
        return value if plain else json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _option(name: str, value: Any, doc: str, width: int, where: str) -> list[str]:
    lines = []
    one_line = f"  {name} = {_flow(value)}"
    if not isinstance(value, list) or len(one_line) <= width:
        lines += _wrap(one_line.strip(), width, "  ", "      ")
    else:
        lines.append(f"  {name} = a list of {len(value)}:")
        for item in value[:SHOWN]:
            lines.append(_clip(f"      - {_flow(item)}", width))
        if len(value) > SHOWN:
            rest = f" ({where})" if where else ""
            lines.append(f"      ... and {len(value) - SHOWN} more{rest}")
    lines += _wrap(doc, width, "      ")
    return lines


def _indent(text: str) -> str:
    return "\n".join(("    " + line).rstrip() for line in text.rstrip().splitlines()) + "\n"
