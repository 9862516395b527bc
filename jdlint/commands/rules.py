"""``jdlint rules``: every rule with its code, name, category and default severity."""

from __future__ import annotations

import json

import click

from .common import pack_set


def run(fmt: str, show_all: bool, config_path: str | None) -> None:
    rows = [r for r in pack_set(config_path).rules.values() if show_all or r.enabled]
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
