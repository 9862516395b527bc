"""Report formats. Each reporter writes a whole run's reports to a stream.

A reporter's module is imported when its format is written: a text run never imports
the SARIF or HTML reporters (nor Jinja2, which the HTML report uses).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from ..engine import FileReport

Reporter = Callable[[list["FileReport"], IO[str], dict], None]


# Each imports its module when called: a text run never imports the SARIF or HTML reporters.
# One small function per format, each with a static import: no module name is ever built
# from a string (tests/test_hostile_inputs.py keeps dynamic imports out of jdlint).
def _text(reports: list[FileReport], out: IO[str], options: dict) -> None:
    from . import text

    text.write(reports, out, options)


def _json(reports: list[FileReport], out: IO[str], options: dict) -> None:
    from . import json_report

    json_report.write(reports, out, options)


def _sarif(reports: list[FileReport], out: IO[str], options: dict) -> None:
    from . import sarif

    sarif.write(reports, out, options)


def _github(reports: list[FileReport], out: IO[str], options: dict) -> None:
    from . import github

    github.write(reports, out, options)


def _gitlab(reports: list[FileReport], out: IO[str], options: dict) -> None:
    from . import gitlab

    gitlab.write(reports, out, options)


def _html(reports: list[FileReport], out: IO[str], options: dict) -> None:
    from . import html

    html.write(reports, out, options)


REPORTERS: dict[str, Reporter] = {
    "text": _text,
    "json": _json,
    "sarif": _sarif,
    "github": _github,
    "gitlab": _gitlab,
    "html": _html,
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
