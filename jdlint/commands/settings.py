"""``jdlint check --show-settings [PATH]``: the config file used and the settings in effect."""

from __future__ import annotations

import json
from typing import Any

import click

from .. import display
from ..config import KEYS
from ..engine import DEFAULT_MAX_BYTES, Linter
from .common import EXIT_OK

# What a setting that no config sets means.
DEFAULTS = {
    "select": "every rule that is on by default",
    "fail-on": "warning (infos never fail)",
    "show-source": "on a terminal",
    "max-file-size": f"{DEFAULT_MAX_BYTES}",
    "time-limit": "20 plus 60 per megabyte of posting (CPU seconds)",
    "profile": "front matter 'profile', else detected from the title",
    "keywords": "front matter 'keywords', else the profile's",
    "nlp": "spaCy's blank English pipeline",
}


def _value(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def run(linter: Linter, probe: str | None) -> int:
    config = linter.config_for(probe)
    _, active = linter.ruleset(config)
    out = [
        f"Settings for {display.path(probe) if probe else 'postings in the current folder'}",
        f"config file: {display.path(config.path) if config.path else 'none found (defaults)'}",
        "",
    ]
    width = max(len(k) for k in KEYS)
    for key in sorted(KEYS):
        if key in config.values:
            where = "  (command line)" if key in config.cli else ""
            shown = _value(config.values[key]) + where
        else:
            shown = f"- ({DEFAULTS.get(key, 'not set')})"
        out.append(f"{key + ':':<{width + 1}} {shown}")
    out += ["", f"active rules ({len(active)}):"]
    codes = [
        r.code + ("" if r.severity == _default(linter, config, r.code) else f"={r.severity}")
        for r in active
    ]
    line = " "
    for code in codes:
        if len(line) + len(code) + 1 > 88:
            out.append(line)
            line = " "
        line += " " + code
    if line.strip():
        out.append(line)
    click.echo(display.guard_runner(display.block("\n".join(out)) + "\n"), nl=False)
    return EXIT_OK


def _default(linter: Linter, config: Any, code: str) -> Any:
    pack_set, _ = linter.ruleset(config)
    return pack_set.rules[code].severity
