"""Report formats. Each reporter writes a whole run's reports to a stream."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import IO

from ..engine import FileReport
from . import github, gitlab, json_report, sarif, text

Reporter = Callable[[list[FileReport], IO[str], dict], None]


def _write_html(reports: list[FileReport], out: IO[str], options: dict) -> None:
    """The HTML report; Jinja2 is imported only when that report is asked for."""
    from . import html

    html.write(reports, out, options)


REPORTERS: dict[str, Reporter] = {
    "text": text.write,
    "json": json_report.write,
    "sarif": sarif.write,
    "github": github.write,
    "gitlab": gitlab.write,
    "html": _write_html,
}


def choose(fmt: str, *, output: str | None, env: Mapping[str, str]) -> str:
    """The format ``auto`` stands for; any other format is returned as given.

    With ``--output``: by the file's extension (``.sarif``, ``.json``, ``.html``, else
    text). Otherwise GitHub annotations under GitHub Actions, else text (coloured on a
    terminal).
    """
    if fmt != "auto":
        return fmt
    if output:
        name = output.lower()
        if name.endswith((".sarif", ".sarif.json")):
            return "sarif"
        if name.endswith((".html", ".htm")):
            return "html"
        return "json" if name.endswith(".json") else "text"
    if env.get("GITHUB_ACTIONS") == "true":
        return "github"
    return "text"
