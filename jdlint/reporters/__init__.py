"""Report formats. Each reporter writes a whole run's reports to a stream.

A reporter's module is imported when its format is written: a text run never imports
the SARIF or HTML reporters (nor Jinja2, which the HTML report uses).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from ..engine import FileReport

Reporter = Callable[[list["FileReport"], IO[str], dict], None]


def _lazy(module: str) -> Reporter:
    def write(reports: list[FileReport], out: IO[str], options: dict) -> None:
        importlib.import_module(f"{__name__}.{module}").write(reports, out, options)

    write.__name__ = f"write_{module}"
    return write


REPORTERS: dict[str, Reporter] = {
    "text": _lazy("text"),
    "json": _lazy("json_report"),
    "sarif": _lazy("sarif"),
    "github": _lazy("github"),
    "gitlab": _lazy("gitlab"),
    "html": _lazy("html"),
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
