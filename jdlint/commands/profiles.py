"""``jdlint profiles``: the role profiles a posting can be checked against."""

from __future__ import annotations

import json

import click

from .. import display
from ..roles import GENERAL
from .common import pack_set


def run(fmt: str, config_path: str | None) -> None:
    roles = pack_set(config_path).roles
    rows = [
        {
            "id": p.id,
            "label": p.label,
            "family": p.family,
            "extends": p.extends,
            "titles": list(p.titles),
        }
        for p in roles.profiles.values()
    ]
    rows.append(
        {
            "id": GENERAL,
            "label": "Any other job (no role duties checked)",
            "family": "",
            "extends": None,
            "titles": [],
        }
    )
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    width = max(len(r["id"]) for r in rows)
    out = [f"{'PROFILE':<{width}}  TITLES IT IS DETECTED FROM"]
    for r in rows:
        titles = ", ".join(r["titles"][:3]) + (", ..." if len(r["titles"]) > 3 else "")
        out.append(f"{r['id']:<{width}}  {titles or r['label']}".rstrip())
    out += [
        "",
        "A posting's profile: --profile, else 'profile' in its front matter, else 'profile'",
        "in config, else the profile whose title the posting's title names, else general.",
    ]
    # Profiles come from packs, which are data from anywhere.
    click.echo(display.guard_runner(display.block("\n".join(out)) + "\n"), nl=False)
